import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;
type IP = IPv4 | IPv6;

/** What kind of address this is; only `public` may be fetched without an allow-list entry. */
export type AddressCategory =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'metadata'
  | 'carrier_grade_nat'
  | 'unspecified'
  | 'broadcast'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'unique_local';

/** How a v4 address was carried inside a v6 one (its v4 part is what gets judged). */
export type EmbeddingKind = 'ipv4_mapped' | 'ipv4_translated' | 'nat64' | '6to4' | 'teredo';

export interface AddressClass {
  category: AddressCategory;
  /** The address in canonical text form. */
  address: string;
  /** Set when the category was decided from a v4 address carried inside a v6 address. */
  embedded?: { kind: EmbeddingKind; address: string };
}

/** Why an address is allowed (`public`, `allow_listed`) or refused (its category, or `invalid`). */
export type AddressReason = Exclude<AddressCategory, 'public'> | 'public' | 'allow_listed' | 'invalid';

export interface AddressVerdict {
  allowed: boolean;
  reason: AddressReason;
  address: string;
  category?: AddressCategory;
  embedded?: AddressClass['embedded'];
}

type Range = readonly [string, number];

const cidr = (text: string): Range => {
  const [address, bits] = text.split('/') as [string, string];
  return [address, Number(bits)];
};

// Order matters: the first match wins, so the most specific ranges come first.
const V4_RANGES: ReadonlyArray<readonly [AddressCategory, Range]> = [
  ['metadata', cidr('169.254.169.254/32')],
  ['metadata', cidr('169.254.170.2/32')],
  ['unspecified', cidr('0.0.0.0/8')],
  ['loopback', cidr('127.0.0.0/8')],
  ['private', cidr('10.0.0.0/8')],
  ['private', cidr('172.16.0.0/12')],
  ['private', cidr('192.168.0.0/16')],
  ['link_local', cidr('169.254.0.0/16')],
  ['carrier_grade_nat', cidr('100.64.0.0/10')],
  ['documentation', cidr('192.0.2.0/24')],
  ['documentation', cidr('198.51.100.0/24')],
  ['documentation', cidr('203.0.113.0/24')],
  ['benchmarking', cidr('198.18.0.0/15')],
  ['reserved', cidr('192.0.0.0/24')],
  ['reserved', cidr('192.88.99.0/24')],
  ['multicast', cidr('224.0.0.0/4')],
  ['broadcast', cidr('255.255.255.255/32')],
  ['reserved', cidr('240.0.0.0/4')],
];

const V6_RANGES: ReadonlyArray<readonly [AddressCategory, Range]> = [
  ['unspecified', cidr('::/128')],
  ['loopback', cidr('::1/128')],
  ['metadata', cidr('fd00:ec2::254/128')],
  // Deprecated IPv4-compatible addresses (::a.b.c.d): nothing public lives there.
  ['reserved', cidr('::/96')],
  ['reserved', cidr('100::/64')],
  ['private', cidr('64:ff9b:1::/48')], // local-use NAT64 prefix (RFC 8215)
  ['link_local', cidr('fe80::/10')],
  ['private', cidr('fec0::/10')], // deprecated site-local
  ['unique_local', cidr('fc00::/7')],
  ['multicast', cidr('ff00::/8')],
  ['documentation', cidr('2001:db8::/32')],
  ['documentation', cidr('3fff::/20')],
  ['benchmarking', cidr('2001:2::/48')],
  ['reserved', cidr('2001::/23')], // IETF protocol assignments (Teredo is handled before)
  ['reserved', cidr('5f00::/16')],
];

const GLOBAL_UNICAST_V6: Range = cidr('2000::/3');

const parsedRanges = new Map<Range, [IP, number]>();
function matches(ip: IP, range: Range): boolean {
  let parsed = parsedRanges.get(range);
  if (!parsed) {
    parsed = [ipaddr.parse(range[0]), range[1]];
    parsedRanges.set(range, parsed);
  }
  return ip.kind() === parsed[0].kind() && ip.match(parsed);
}

function v4FromParts(high: number, low: number): IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The v4 addresses a v6 address carries, when it is one of the known embeddings. */
function embeddedV4(ip: IPv6): { kind: EmbeddingKind; addresses: IPv4[] } | undefined {
  const p = ip.parts as [number, number, number, number, number, number, number, number];
  if (matches(ip, cidr('::ffff:0:0/96')))
    return { kind: 'ipv4_mapped', addresses: [v4FromParts(p[6], p[7])] };
  if (matches(ip, cidr('::ffff:0:0:0/96')))
    return { kind: 'ipv4_translated', addresses: [v4FromParts(p[6], p[7])] };
  if (matches(ip, cidr('64:ff9b::/96'))) return { kind: 'nat64', addresses: [v4FromParts(p[6], p[7])] };
  if (matches(ip, cidr('2002::/16'))) return { kind: '6to4', addresses: [v4FromParts(p[1], p[2])] };
  if (matches(ip, cidr('2001::/32'))) {
    // Teredo: server address in clear, client address bit-inverted in the last 32 bits.
    const client = v4FromParts(p[6] ^ 0xffff, p[7] ^ 0xffff);
    return { kind: 'teredo', addresses: [client, v4FromParts(p[2], p[3])] };
  }
  return undefined;
}

function categoryOf(ip: IP): AddressCategory {
  const table = ip.kind() === 'ipv4' ? V4_RANGES : V6_RANGES;
  for (const [category, range] of table) if (matches(ip, range)) return category;
  if (ip.kind() === 'ipv6' && !matches(ip, GLOBAL_UNICAST_V6)) return 'reserved';
  return 'public';
}

function parseStrict(address: string): IP | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIP(bare) === 0) return undefined;
  try {
    return ipaddr.parse(bare);
  } catch {
    return undefined;
  }
}

/**
 * Classifies one IP address (dotted IPv4 or IPv6, brackets allowed). A v6 address carrying a
 * v4 address (mapped, translated, NAT64, 6to4, Teredo) is judged by what it carries.
 * Returns undefined for text that is not an IP address.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const ip = parseStrict(address);
  if (!ip) return undefined;
  const text = ip.kind() === 'ipv6' ? (ip as IPv6).toRFC5952String() : ip.toString();
  if (ip.kind() === 'ipv6') {
    const carried = embeddedV4(ip as IPv6);
    if (carried) {
      const judged = carried.addresses.map((v4) => ({ v4, category: categoryOf(v4) }));
      const worst = judged.find((j) => j.category !== 'public') ?? judged[0]!;
      return {
        category: worst.category,
        address: text,
        embedded: { kind: carried.kind, address: worst.v4.toString() },
      };
    }
  }
  return { category: categoryOf(ip), address: text };
}

export interface AddressPolicyOptions {
  /**
   * Operator allow-list: IP addresses (`127.0.0.1`), CIDR ranges (`10.20.0.0/16`), host names
   * (`data.internal.example`) or `*.`-prefixed host suffixes (`*.internal.example`).
   */
  allow?: readonly string[];
}

export interface AddressPolicy {
  readonly allow: readonly string[];
  /** Whether a host name is allow-listed (then every address it resolves to is admitted). */
  isHostAllowed(hostname: string): boolean;
  /** Judges one address; `hostname` (when known) lets a host allow-list entry admit it. */
  check(address: string, hostname?: string): AddressVerdict;
}

function normaliseHostName(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** Builds the policy: public unicast only, plus whatever the allow-list admits. */
export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const allow = [...(options.allow ?? [])];
  const ranges: Array<[IP, number]> = [];
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  for (const entry of allow) {
    const trimmed = entry.trim();
    if (ipaddr.isValidCIDR(trimmed)) ranges.push(ipaddr.parseCIDR(trimmed));
    else if (parseStrict(trimmed)) {
      const ip = parseStrict(trimmed)!;
      ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^\*\.[a-z0-9.-]+$/i.test(trimmed)) suffixes.push(normaliseHostName(trimmed.slice(1)));
    else if (/^[a-z0-9.-]+$/i.test(trimmed) && !/^[0-9.]+$/.test(trimmed))
      hosts.add(normaliseHostName(trimmed));
    else throw new TypeError(`Allow-list entry is not an address, CIDR range or host name: ${entry}`);
  }

  const inRanges = (text: string): boolean => {
    const ip = parseStrict(text);
    if (!ip) return false;
    return ranges.some((range) => ip.kind() === range[0].kind() && ip.match(range));
  };

  const isHostAllowed = (hostname: string): boolean => {
    const name = normaliseHostName(hostname);
    return hosts.has(name) || suffixes.some((suffix) => name.endsWith(suffix));
  };

  return {
    allow,
    isHostAllowed,
    check(address, hostname) {
      const found = classifyAddress(address);
      if (!found) return { allowed: false, reason: 'invalid', address };
      const base = { address: found.address, category: found.category, embedded: found.embedded };
      if (found.category === 'public') return { ...base, allowed: true, reason: 'public' };
      const admitted =
        (hostname !== undefined && isHostAllowed(hostname)) ||
        inRanges(found.address) ||
        (found.embedded !== undefined && inRanges(found.embedded.address));
      if (admitted) return { ...base, allowed: true, reason: 'allow_listed' };
      return { ...base, allowed: false, reason: found.category };
    },
  };
}
