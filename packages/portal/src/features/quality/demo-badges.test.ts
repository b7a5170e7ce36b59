import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { runCheckCli } from '@odp/quality';
import { catalogueJsonRecord } from '../catalogue-io/catalogue-json.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSettings } from '../../http/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { demoFilesRoutes } from '../demo/demo-files.routes.ts';
import { realDemoDatasets } from '../demo/demo-real-datasets.ts';
import { prepareDemoCatalogue } from '../demo/demo-seed.ts';
import { checkResource, createHostLimiter, type QualityDeps } from './check-resource.service.ts';
import { latestChecks } from './quality.repo.ts';

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

describe(`the demo's real-file datasets get explainable badges on ${dialect}`, () => {
  let t: TestDatabase;
  let files: FastifyInstance;
  let datasets: DatasetRecord[];
  let deps: QualityDeps;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-quality-data-'));

  beforeAll(async () => {
    t = await openTestDatabase();
    files = Fastify();
    await files.register(demoFilesRoutes);
    const publicUrl = (await files.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    const { catalogue } = await prepareDemoCatalogue(t, { publicUrl });
    await catalogue.saveAgencyCodes(t, new Date());
    datasets = await createDatasets(t, realDemoDatasets(catalogue), { actor: 'test' });
    // The allow-list is empty: the portal's own origin is allowed by itself.
    const settings = testSettings({
      dataDir,
      publicUrl,
      fetch: { allow: [], maxBytes: 8 << 20, hostConcurrency: 4, hostDelayMs: 0 },
    });
    deps = { catalogue: t, settings, limiter: createHostLimiter(settings) };
  }, 60_000);
  afterAll(async () => {
    await files.close();
    await t.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** file → [badge, the checks that fail, and why in a few words]. */
  const EXPECTED: Record<string, [string, string[]]> = {
    // 最後更新時間 holds 20171024 (compact, not ISO 8601 extended).
    'taitung-shelters-twd97.csv': ['gold', ['standard_conformance']],
    // 13 phone numbers like 03-03-9907755#602 (the area code twice).
    'yilan-catalog-2018-cp950.csv': ['gold', ['standard_conformance']],
    // The city lists have no header row.
    'yilan-catalog-2018.csv': ['bronze', ['csv_convertible', 'fields_match']],
    'kaohsiung-catalog-2018.csv': ['bronze', ['csv_convertible', 'fields_match']],
    'tainan-catalog-2018.csv': ['bronze', ['csv_convertible', 'fields_match']],
    // A plain text list is not structured data.
    'datagovtw-titles-2018.txt': ['bronze', ['csv_convertible', 'structured']],
    // 西元日期 holds 20240101, not 2024-01-01.
    'dgpa-calendar-113-utf8bom.csv': ['gold', ['standard_conformance']],
    'dgpa-calendar-114-cp950.csv': ['gold', ['standard_conformance']],
    // ISO dates, UTF-8, declared fields: everything holds.
    'dgpa-calendar-2024.json': ['platinum', []],
    // Shifted columns (ragged rows) and 回復時間 written as 星期四, 一月 24, 2019 - 17:29.
    'data-demands-2019.csv': ['bronze', ['csv_convertible', 'fields_match', 'standard_conformance']],
    // Several agencies per demand spill into extra fields.
    'data-demand-agencies-2019-cp950.csv': ['bronze', ['csv_convertible']],
    // DNs with unquoted commas; phones without area codes.
    'agency-oid-registry-2016.csv': ['bronze', ['csv_convertible', 'fields_match', 'standard_conformance']],
    // One record of 53 flattened fields; the dataset's 主要欄位說明 is over 255 characters.
    'metadata-v1-example.json': ['silver', ['fields_match', 'metadata_complete']],
    // A Chinese and an English header row; 主要欄位說明 over 255 characters.
    'real-estate-taipei-a-roc-dates.csv': ['bronze', ['csv_convertible', 'metadata_complete']],
  };

  it('checks every real resource and gets the badge its bytes deserve, with a fix for every failure', async () => {
    const seen: Record<string, [string, string[]]> = {};
    for (const d of datasets) {
      for (const resource of d.distribution) {
        const row = await t.db
          .selectFrom('resources')
          .select('id')
          .where('resourceId', '=', resource.resourceID)
          .executeTakeFirstOrThrow();
        const outcome = await checkResource(deps, row.id, 'manual');
        const checks = (await latestChecks(t.db, [row.id])).get(row.id) ?? [];
        const failing = checks.filter((c) => c.status === 'fail' || c.status === 'error');
        for (const c of failing) {
          expect(c.fixZh, c.checkId).toBeTruthy();
          expect(c.fixEn, c.checkId).toBeTruthy();
        }
        seen[resource.downloadURL!.split('/').pop()!] = [outcome.badge, failing.map((c) => c.checkId).sort()];
      }
    }
    expect(seen).toEqual(EXPECTED);
  }, 120_000);

  it('gives the same verdicts as odp-check run on the same URL with the same metadata record', async () => {
    for (const d of datasets.slice(0, 6)) {
      const recordFile = path.join(dataDir, `${d.identifier}.json`);
      writeFileSync(recordFile, JSON.stringify(catalogueJsonRecord(d)));
      for (const resource of d.distribution) {
        let out = '';
        const code = await runCheckCli(
          [
            'node',
            'odp-check',
            resource.downloadURL!,
            '--metadata',
            recordFile,
            '--allow-host',
            '127.0.0.1',
            '--json',
          ],
          (text) => (out += text),
        );
        expect(code).toBe(0);
        const cli = JSON.parse(out) as { badge: string; checks: Record<string, { status: string }> };
        const row = await t.db
          .selectFrom('resources')
          .select('id')
          .where('resourceId', '=', resource.resourceID)
          .executeTakeFirstOrThrow();
        const portal = (await latestChecks(t.db, [row.id])).get(row.id) ?? [];
        expect(
          Object.fromEntries(Object.entries(cli.checks).map(([id, c]) => [id, c.status])),
          resource.resourceID,
        ).toEqual(Object.fromEntries(portal.map((c) => [c.checkId, c.status])));
        const level = await t.db
          .selectFrom('resources')
          .select('qualityLevel')
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow();
        expect(cli.badge).toBe(level.qualityLevel);
      }
    }
    const badges = await t.db.selectFrom('datasets').select(['identifier', 'qualityBadge']).execute();
    expect(badges.every((b) => b.qualityBadge !== null)).toBe(true);
  }, 120_000);
});
