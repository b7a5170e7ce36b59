import { describe, expect, it } from 'vitest';
import { maskEvidence } from './mask-evidence.ts';

describe('maskEvidence', () => {
  it('masks identity numbers, mobiles and e-mails wherever they sit in the evidence', () => {
    const evidence = {
      findings: [{ rule: 'whitespace', examples: ['A123456789 ', '0912-345-678', 'x'] }],
      message: 'row 3: wang.xm@gmail.com is not a date',
      count: 3,
      ok: true,
      none: null,
    };
    const masked = maskEvidence(evidence);
    const text = JSON.stringify(masked);
    for (const raw of ['A123456789', '0912-345-678', 'wang.xm@gmail.com']) expect(text).not.toContain(raw);
    expect(masked.findings[0]!.examples).toEqual(['A12****789 ', '0912-***-678', 'x']);
    expect(masked).toMatchObject({ count: 3, ok: true, none: null });
  });

  it('leaves values without personal data as they were (an invalid-checksum ID, a landline)', () => {
    const evidence = { examples: ['A123456788', '02-2331-1312', '1130105'] };
    expect(maskEvidence(evidence)).toEqual(evidence);
  });
});
