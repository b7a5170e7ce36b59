import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.ts';
import { stubResolver } from './local-test-server.ts';
import {
  AddressRefusedError,
  createSafeLookup,
  literalAddress,
  ResolveError,
  resolveSafely,
  screenHost,
} from './safe-lookup.ts';

const resolver = stubResolver({
  'both.example': ['8.8.8.8', '2001:4860:4860::8888'],
  'mixed.example': ['8.8.8.8', '10.0.0.5'],
  'metadata.example': ['169.254.169.254'],
  'mapped.example': ['::ffff:127.0.0.1'],
  'nat64.example': ['64:ff9b::7f00:1'],
  'ula.example': ['fd00::1'],
  'rebind.example': ['127.0.0.1'],
  'empty.example': [],
});
const policy = createAddressPolicy();

function lookupOnce(hostname: string, all: boolean, family?: number) {
  const lookup = createSafeLookup({ policy, resolver });
  return new Promise<{
    error: NodeJS.ErrnoException | null;
    address: string | LookupAddress[];
    family?: number;
  }>((resolve) =>
    lookup(hostname, { all, family }, (error, address, fam) => resolve({ error, address, family: fam })),
  );
}

describe('literalAddress', () => {
  it('finds literals, including the IPv4 forms the URL parser normalises', () => {
    expect(literalAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(literalAddress('[::1]')).toBe('::1');
    expect(literalAddress('2130706433')).toBe('127.0.0.1');
    expect(literalAddress('0x7f.1')).toBe('127.0.0.1');
    expect(literalAddress('017700000001')).toBe('127.0.0.1');
    expect(literalAddress('127.1')).toBe('127.0.0.1');
    expect(literalAddress('127.0.0.1.')).toBe('127.0.0.1');
    expect(literalAddress('example.org')).toBeUndefined();
    expect(literalAddress('cafe.bad')).toBeUndefined();
  });
});

describe('screenHost', () => {
  it('decides literals and localhost names without DNS', () => {
    expect(screenHost('127.0.0.1', policy)).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(screenHost('[::1]', policy)).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(screenHost('[::ffff:7f00:1]', policy)).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(screenHost('0x7f.1', policy)).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(screenHost('localhost', policy)).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(screenHost('api.LOCALHOST.', policy)).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(screenHost('8.8.8.8', policy)).toMatchObject({ allowed: true });
    expect(screenHost('example.org', policy)).toBeUndefined();
  });
});

describe('resolveSafely', () => {
  it('returns the addresses when every one is public', async () => {
    expect(await resolveSafely('both.example', policy, resolver)).toHaveLength(2);
  });

  it.each([
    ['mixed.example', 'private'],
    ['metadata.example', 'metadata'],
    ['mapped.example', 'loopback'],
    ['nat64.example', 'loopback'],
    ['ula.example', 'unique_local'],
    ['rebind.example', 'loopback'],
  ])('refuses %s (%s) when any address is disallowed', async (hostname, reason) => {
    const error = await resolveSafely(hostname, policy, resolver).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect((error as AddressRefusedError).verdict.reason).toBe(reason);
    expect((error as AddressRefusedError).code).toBe('FETCH_ADDRESS_REFUSED');
  });

  it('reports resolver failures and empty answers as FETCH_DNS', async () => {
    await expect(resolveSafely('unknown.example', policy, resolver)).rejects.toBeInstanceOf(ResolveError);
    await expect(resolveSafely('empty.example', policy, resolver)).rejects.toMatchObject({
      code: 'FETCH_DNS',
    });
  });

  it('never asks the resolver for localhost or literals', async () => {
    let asked = 0;
    const counting = async () => {
      asked += 1;
      return [];
    };
    await expect(resolveSafely('localhost', policy, counting)).rejects.toBeInstanceOf(AddressRefusedError);
    await expect(resolveSafely('2130706433', policy, counting)).rejects.toBeInstanceOf(AddressRefusedError);
    expect(asked).toBe(0);
  });

  it('lets an allow-listed host name through whatever it resolves to', async () => {
    const allowing = createAddressPolicy({ allow: ['rebind.example'] });
    expect(await resolveSafely('rebind.example', allowing, resolver)).toEqual([
      { address: '127.0.0.1', family: 4 },
    ]);
  });
});

describe('createSafeLookup', () => {
  it('answers in the shape net expects, with and without all', async () => {
    expect(await lookupOnce('both.example', true)).toMatchObject({
      error: null,
      address: [
        { address: '8.8.8.8', family: 4 },
        { address: '2001:4860:4860::8888', family: 6 },
      ],
    });
    expect(await lookupOnce('both.example', false)).toMatchObject({
      error: null,
      address: '8.8.8.8',
      family: 4,
    });
    expect(await lookupOnce('both.example', false, 6)).toMatchObject({
      address: '2001:4860:4860::8888',
      family: 6,
    });
  });

  it('passes the refusal to the callback', async () => {
    const { error } = await lookupOnce('metadata.example', true);
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect(error?.message).toContain('169.254.169.254');
  });
});
