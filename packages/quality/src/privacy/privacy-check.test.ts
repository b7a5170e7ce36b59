import { describe, expect, it } from 'vitest';
import { DEFAULT_BADGE_RULES } from '../badge/badge-rules.ts';
import { resourceBadge } from '../badge/badge.ts';
import { ALL_CHECKS } from '../checks/all-checks.ts';
import { privacy } from '../checks/privacy.ts';
import { fileContext, REAL_FILES, scratchFile, tableOf } from '../test/check-fixtures.ts';

const FIXTURE = new URL('./fixtures/privacy-fixture.csv', import.meta.url).pathname;

describe('privacy check', () => {
  it('fails on blocking personal data, with masked evidence and a fix in both languages', async () => {
    const result = await privacy.run(fileContext({ table: await tableOf(FIXTURE) }));
    expect(result.status).toBe('fail');
    expect(result.evidence).toMatchObject({ rows: 13, blockingCells: 26, reviewCells: 2 });
    const evidence = JSON.stringify(result.evidence);
    for (const raw of ['A123456789', 'F131104093', '0912-345-678', 'wang.xm@gmail.com', '王小明', '歐陽小明'])
      expect(evidence).not.toContain(raw);
    expect(evidence).toContain('A12****789');
    expect(result.fix?.zh).toMatch(/身分證字號（5）.*遮蔽/);
    expect(result.fix?.en).toMatch(/national ID numbers \(5\).*no preview/);
  });

  it('warns when there is only data to review, and passes a clean table', async () => {
    const review = await privacy.run(
      fileContext({ table: await tableOf(`${REAL_FILES}taitung-shelters-twd97.csv`) }),
    );
    expect(review).toMatchObject({ status: 'warn', evidence: { blockingCells: 0, reviewCells: 5 } });
    expect(review.fix?.en).toMatch(/mobile numbers \(5\)/);
    const clean = await privacy.run(
      fileContext({ table: await tableOf(scratchFile('clean.csv', '機關,電話\n臺東縣政府,(089)326141\n')) }),
    );
    expect(clean).toEqual({
      status: 'pass',
      evidence: { rows: 1, blockingCells: 0, reviewCells: 0, findings: [] },
    });
  });

  it('does not apply without a table', async () => {
    expect((await privacy.run(fileContext())).status).toBe('not_applicable');
  });

  it('runs with every check, beyond the badge: a failure does not lower the default badge', () => {
    expect(ALL_CHECKS.map((c) => c.id)).toContain('privacy');
    expect(Object.values(DEFAULT_BADGE_RULES).flat()).not.toContain('privacy');
    const outcomes = Object.fromEntries(
      Object.values(DEFAULT_BADGE_RULES)
        .flat()
        .map((id) => [id, 'pass' as const]),
    );
    expect(resourceBadge({ ...outcomes, privacy: 'fail' })).toBe('platinum');
  });
});
