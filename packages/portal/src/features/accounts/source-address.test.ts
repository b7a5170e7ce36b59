import { describe, expect, it } from 'vitest';
import { parseSource, sourceAllowed } from './source-address.ts';

/** The source addresses an API key may be used from. */

describe('parseSource', () => {
  it.each([
    ['10.1.2.9', { address: '10.1.2.9', prefix: 32, family: 'ipv4' }],
    ['10.1.2.0/24', { address: '10.1.2.0', prefix: 24, family: 'ipv4' }],
    [' 0.0.0.0/0 ', { address: '0.0.0.0', prefix: 0, family: 'ipv4' }],
    ['2001:db8::1', { address: '2001:db8::1', prefix: 128, family: 'ipv6' }],
    ['2001:db8::/32', { address: '2001:db8::', prefix: 32, family: 'ipv6' }],
  ])('reads %s', (entry, parsed) => {
    expect(parseSource(entry)).toEqual(parsed);
  });

  it.each([
    ['example.gov.tw', 'is not an IP address'],
    ['', 'is not an IP address'],
    ['10.1.2.256', 'is not an IP address'],
    ['10.1.2.0/33', 'the prefix length must be 0–32'],
    ['2001:db8::/129', 'the prefix length must be 0–128'],
    ['10.1.2.0/-1', 'the prefix length must be 0–32'],
    ['10.1.2.0/24a', 'the prefix length must be 0–32'],
    ['10.1.2.0/', 'the prefix length must be 0–32'],
    ['10.1.2.0/24/8', 'is not an address or CIDR range'],
  ])('says why %j cannot be read', (entry, reason) => {
    const parsed = parseSource(entry);
    expect(typeof parsed).toBe('string');
    expect(parsed).toContain(reason);
  });
});

describe('sourceAllowed', () => {
  it('allows any source when the list is empty', () => {
    expect(sourceAllowed([], '192.0.2.7')).toBe(true);
    expect(sourceAllowed([], '2001:db8::1')).toBe(true);
  });

  it.each([
    ['10.1.2.9', true],
    ['10.1.2.0', true],
    ['10.1.2.255', true],
    ['10.1.3.1', false],
    ['192.0.2.7', false],
    ['::ffff:10.1.2.9', true],
    ['::FFFF:10.1.3.9', false],
    ['2001:db8::1', false],
    ['not-an-address', false],
  ])('IPv4 range 10.1.2.0/24: %s → %s', (ip, allowed) => {
    expect(sourceAllowed(['10.1.2.0/24'], ip)).toBe(allowed);
  });

  it.each([
    ['2001:db8::1', true],
    ['2001:db8:ffff::9', true],
    ['2001:db9::1', false],
    ['10.1.2.9', false],
  ])('IPv6 range 2001:db8::/32: %s → %s', (ip, allowed) => {
    expect(sourceAllowed(['2001:db8::/32'], ip)).toBe(allowed);
  });

  it('matches single addresses exactly, in either family', () => {
    expect(sourceAllowed(['192.0.2.7'], '192.0.2.7')).toBe(true);
    expect(sourceAllowed(['192.0.2.7'], '192.0.2.8')).toBe(false);
    expect(sourceAllowed(['192.0.2.7'], '::ffff:192.0.2.7')).toBe(true);
    expect(sourceAllowed(['2001:db8::7'], '2001:0db8:0000:0000:0000:0000:0000:0007')).toBe(true);
    expect(sourceAllowed(['2001:db8::7'], '2001:db8::8')).toBe(false);
  });

  it('skips entries it cannot read, and allows nothing when none can be read', () => {
    expect(sourceAllowed(['nonsense', '10.1.2.0/24'], '10.1.2.9')).toBe(true);
    expect(sourceAllowed(['nonsense', '10.1.2.0/99'], '10.1.2.9')).toBe(false);
    expect(sourceAllowed(['nonsense'], '192.0.2.7')).toBe(false);
  });

  it('accepts any source with 0.0.0.0/0 and ::/0, each for its own family', () => {
    expect(sourceAllowed(['0.0.0.0/0'], '203.0.113.5')).toBe(true);
    expect(sourceAllowed(['0.0.0.0/0'], '2001:db8::1')).toBe(false);
    expect(sourceAllowed(['::/0'], '2001:db8::1')).toBe(true);
  });
});
