import { describe, expect, it } from 'vitest';
import { completeIdentity, identityKind } from './taiwan-id.ts';

describe('identityKind', () => {
  it('accepts national IDs whose checksum holds, and only those', () => {
    for (const id of ['A123456789', 'F131104093', 'O158238845', 'N116247806', 'Y123456788', 'B222222228'])
      expect(identityKind(id), id).toBe('national_id');
    for (const id of ['A123456788', 'F131104091', 'O158238842', 'A323456789', 'A12345678', 'A1234567890'])
      expect(identityKind(id), id).toBeNull();
  });

  it('accepts new-style resident certificate numbers (8/9) with the same checksum', () => {
    for (const id of ['A800000014', 'A900207177', 'B801300667', 'T900251126', 'A930196810'])
      expect(identityKind(id), id).toBe('resident_certificate');
    for (const id of ['A800000000', 'F931104091', 'O958238842']) expect(identityKind(id), id).toBeNull();
  });

  it('accepts old-style resident certificate numbers, the second letter as its code’s units digit', () => {
    for (const id of ['AA00000009', 'AB00207171', 'AC03095424', 'BD01300667', 'HD02717288', 'AD30196818'])
      expect(identityKind(id), id).toBe('resident_certificate');
    // Second letters beyond A–D are not issued; a wrong check digit fails.
    for (const id of ['AA00000000', 'FG31104091', 'OY58238842', 'AE00000009'])
      expect(identityKind(id), id).toBeNull();
  });

  it('completes a number with its check digit', () => {
    expect(completeIdentity('A12345678')).toBe('A123456789');
    expect(completeIdentity('A80000001')).toBe('A800000014');
    expect(completeIdentity('AA0000000')).toBe('AA00000009');
    expect(() => completeIdentity('A32345678')).toThrow();
  });
});
