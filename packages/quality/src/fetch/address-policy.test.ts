import { describe, expect, it } from 'vitest';
import { classifyAddress, createAddressPolicy } from './address-policy.ts';

const category = (address: string) => classifyAddress(address)?.category;

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['140.112.8.116', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link_local'],
    ['169.254.169.254', 'metadata'],
    ['100.64.0.1', 'carrier_grade_nat'],
    ['100.127.255.255', 'carrier_grade_nat'],
    ['100.128.0.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['2001:4860:4860::8888', 'public'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456::1', 'unique_local'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['fec0::1', 'private'],
    ['::7f00:1', 'reserved'],
    ['100::1', 'reserved'],
    ['4000::1', 'reserved'],
  ])('%s is %s', (address, expected) => {
    expect(category(address)).toBe(expected);
  });

  it('judges IPv4-mapped IPv6 by its IPv4 address', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toEqual({
      category: 'loopback',
      address: '::ffff:7f00:1',
      embedded: { kind: 'ipv4_mapped', address: '127.0.0.1' },
    });
    expect(category('::ffff:7f00:1')).toBe('loopback');
    expect(category('::ffff:169.254.169.254')).toBe('metadata');
    expect(category('::ffff:10.0.0.1')).toBe('private');
    expect(category('::ffff:8.8.8.8')).toBe('public');
    expect(category('::ffff:0:10.0.0.1')).toBe('private'); // IPv4-translated (RFC 6145)
  });

  it('judges NAT64, 6to4 and Teredo by the IPv4 address they carry', () => {
    expect(classifyAddress('64:ff9b::127.0.0.1')?.embedded).toEqual({ kind: 'nat64', address: '127.0.0.1' });
    expect(category('64:ff9b::a9fe:a9fe')).toBe('metadata');
    expect(category('64:ff9b::808:808')).toBe('public');
    expect(category('64:ff9b:1::1')).toBe('private');
    expect(classifyAddress('2002:c0a8:0101::1')?.embedded).toEqual({ kind: '6to4', address: '192.168.1.1' });
    expect(category('2002:0808:0808::1')).toBe('public');
    // Teredo: client 127.0.0.1 stored bit-inverted (80ff:fffe), server 8.8.8.8.
    expect(classifyAddress('2001:0:808:808::80ff:fffe')?.embedded).toEqual({
      kind: 'teredo',
      address: '127.0.0.1',
    });
    expect(category('2001:0:808:808::f7f7:f7f7')).toBe('public');
  });

  it('returns undefined for text that is not a strict IP literal', () => {
    expect(classifyAddress('example.org')).toBeUndefined();
    expect(classifyAddress('2130706433')).toBeUndefined();
    expect(classifyAddress('0x7f.1')).toBeUndefined();
  });
});

describe('createAddressPolicy', () => {
  it('allows public unicast only, with a reason code', () => {
    const policy = createAddressPolicy();
    expect(policy.check('8.8.8.8')).toMatchObject({ allowed: true, reason: 'public' });
    expect(policy.check('127.0.0.1')).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(policy.check('169.254.169.254')).toMatchObject({ allowed: false, reason: 'metadata' });
    expect(policy.check('::ffff:192.168.0.1')).toMatchObject({ allowed: false, reason: 'private' });
    expect(policy.check('nonsense')).toMatchObject({ allowed: false, reason: 'invalid' });
  });

  it('admits what the operator allow-lists: addresses, CIDR ranges, host names', () => {
    const policy = createAddressPolicy({
      allow: ['127.0.0.1', '10.20.0.0/16', 'intranet.example', '*.lan.example'],
    });
    expect(policy.check('127.0.0.1')).toMatchObject({ allowed: true, reason: 'allow_listed' });
    expect(policy.check('::ffff:127.0.0.1')).toMatchObject({ allowed: true, reason: 'allow_listed' });
    expect(policy.check('127.0.0.2')).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(policy.check('10.20.3.4')).toMatchObject({ allowed: true, reason: 'allow_listed' });
    expect(policy.check('10.21.3.4')).toMatchObject({ allowed: false, reason: 'private' });
    expect(policy.check('192.168.1.1', 'intranet.example')).toMatchObject({ allowed: true });
    expect(policy.check('192.168.1.1', 'data.lan.example')).toMatchObject({ allowed: true });
    expect(policy.check('192.168.1.1', 'lan.example.evil')).toMatchObject({ allowed: false });
    expect(policy.isHostAllowed('INTRANET.example.')).toBe(true);
  });

  it('rejects malformed allow-list entries', () => {
    expect(() => createAddressPolicy({ allow: ['10.0.0.0/99'] })).toThrow(TypeError);
    expect(() => createAddressPolicy({ allow: ['http://x'] })).toThrow(TypeError);
  });
});
