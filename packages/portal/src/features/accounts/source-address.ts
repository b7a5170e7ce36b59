import { BlockList, isIP } from 'node:net';

/**
 * The source addresses an API key may be used from: single addresses and CIDR ranges,
 * IPv4 and IPv6 (IPv4-mapped IPv6 sources such as ::ffff:10.0.0.1 count as IPv4).
 */

/** Parses one entry, or says why it cannot be read. */
export function parseSource(
  entry: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | string {
  const [address = '', prefixText, extra] = entry.trim().split('/');
  if (extra !== undefined) return `${entry} is not an address or CIDR range`;
  const version = isIP(address);
  if (version === 0) return `${entry} is not an IP address`;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max)
    return `${entry}: the prefix length must be 0–${max}`;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function unmapped(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? (m[1] as string) : ip;
}

/** True when the list is empty (any source) or `ip` is inside one of its entries. */
export function sourceAllowed(allowed: readonly string[], ip: string): boolean {
  if (allowed.length === 0) return true;
  const address = unmapped(ip);
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const entry of allowed) {
    const parsed = parseSource(entry);
    if (typeof parsed === 'string') continue;
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
