import { promises as dns } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { AddressPolicy, AddressVerdict } from './address-policy.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into addresses. Injectable so tests never ask real DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The default resolver: the system's `getaddrinfo` (as `dns.lookup` with `all: true`). */
export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.lookup(hostname, { all: true, order: 'verbatim' });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/** Raised (through the lookup callback) when an address is refused; carries the verdict. */
export class AddressRefusedError extends Error {
  readonly code = 'FETCH_ADDRESS_REFUSED';
  constructor(
    readonly hostname: string,
    readonly verdict: AddressVerdict,
  ) {
    super(
      `${hostname} → ${verdict.address}: ${verdict.reason.replace(/_/g, '-')} address` +
        (verdict.embedded ? ` (carried as ${verdict.embedded.kind} ${verdict.embedded.address})` : '') +
        ' is not allowed',
    );
    this.name = 'AddressRefusedError';
  }
}

/** Raised when the resolver fails or finds nothing. */
export class ResolveError extends Error {
  readonly code = 'FETCH_DNS';
  constructor(
    readonly hostname: string,
    cause: unknown,
  ) {
    const detail = (cause as { code?: string } | undefined)?.code ?? (cause as Error | undefined)?.message;
    super(`Cannot resolve ${hostname}${detail ? `: ${detail}` : ''}`, { cause });
    this.name = 'ResolveError';
  }
}

function stripBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * The IP address a host name denotes by itself, without DNS: a plain literal (`127.0.0.1`,
 * `[::1]`) or an IPv4 form that the WHATWG URL parser normalises (`2130706433`, `0x7f.1`,
 * `017700000001`). Undefined for real host names.
 */
export function literalAddress(hostname: string): string | undefined {
  const bare = stripBrackets(hostname).replace(/\.$/, '');
  if (isIP(bare) !== 0) return bare;
  if (!/^[0-9a-fx.]+$/i.test(bare)) return undefined;
  try {
    const normalised = new URL(`http://${bare}/`).hostname;
    return isIP(normalised) === 4 ? normalised : undefined;
  } catch {
    return undefined;
  }
}

/** `localhost` and `*.localhost` are loopback by definition (RFC 6761); DNS is not asked. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

const LOCALHOST_ADDRESSES: ResolvedAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

/**
 * Judges a host before any connection: literals and localhost names are decided here (Node
 * skips the lookup hook for literals). Returns undefined when DNS must be asked.
 */
export function screenHost(hostname: string, policy: AddressPolicy): AddressVerdict | undefined {
  const literal = literalAddress(hostname);
  if (literal !== undefined) return policy.check(literal, hostname);
  if (isLocalhostName(hostname)) return judgeAll(hostname, LOCALHOST_ADDRESSES, policy);
  return undefined;
}

function judgeAll(hostname: string, addresses: ResolvedAddress[], policy: AddressPolicy): AddressVerdict {
  const verdicts = addresses.map((entry) => policy.check(entry.address, hostname));
  return verdicts.find((verdict) => !verdict.allowed) ?? verdicts[0]!;
}

/**
 * Resolves a host and judges every address; refuses when any address is disallowed.
 * Throws AddressRefusedError or ResolveError.
 */
export async function resolveSafely(
  hostname: string,
  policy: AddressPolicy,
  resolver: Resolver = systemResolver,
): Promise<ResolvedAddress[]> {
  const screened = screenHost(hostname, policy);
  let addresses: ResolvedAddress[];
  if (screened) {
    if (!screened.allowed) throw new AddressRefusedError(hostname, screened);
    const literal = literalAddress(hostname);
    addresses = literal
      ? [{ address: literal, family: isIP(literal) === 6 ? 6 : 4 }]
      : LOCALHOST_ADDRESSES.map((entry) => ({ ...entry }));
  } else {
    try {
      addresses = await resolver(hostname);
    } catch (error) {
      throw new ResolveError(hostname, error);
    }
    if (addresses.length === 0) throw new ResolveError(hostname, { code: 'ENOTFOUND' });
  }
  const verdict = judgeAll(hostname, addresses, policy);
  if (!verdict.allowed) throw new AddressRefusedError(hostname, verdict);
  return addresses;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The shape Node's `net`/`http` expects for the `lookup` option. */
export type LookupFunction = (
  hostname: string,
  options: { family?: number | string; all?: boolean },
  callback: LookupCallback,
) => void;

export interface SafeLookupOptions {
  policy: AddressPolicy;
  resolver?: Resolver;
  /** Called with the addresses that passed, e.g. to record them. */
  onResolved?: (hostname: string, addresses: ResolvedAddress[]) => void;
}

/**
 * A `lookup` for `http.request({ lookup })`. It runs when the socket connects, so the address
 * that is actually dialled is the one that was judged (DNS rebinding cannot slip in between).
 */
export function createSafeLookup(options: SafeLookupOptions): LookupFunction {
  const resolver = options.resolver ?? systemResolver;
  return (hostname, lookupOptions, callback) => {
    resolveSafely(hostname, options.policy, resolver).then(
      (addresses) => {
        options.onResolved?.(hostname, addresses);
        const family = Number(lookupOptions.family ?? 0);
        const wanted =
          family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (wanted.length === 0) {
          callback(new ResolveError(hostname, { code: 'ENOTFOUND' }), lookupOptions.all ? [] : '', undefined);
          return;
        }
        if (lookupOptions.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, lookupOptions.all ? [] : '', undefined),
    );
  };
}
