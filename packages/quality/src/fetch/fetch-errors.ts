import type { AddressVerdict } from './address-policy.ts';

/** Stable codes of a failed fetch; each is documented in docs/quality.md ("Fetching"). */
export const FETCH_ERROR_CODES = [
  'FETCH_BAD_URL',
  'FETCH_ADDRESS_REFUSED',
  'FETCH_DNS',
  'FETCH_CONNECT',
  'FETCH_TLS',
  'FETCH_TIMEOUT',
  'FETCH_RESET',
  'FETCH_PROTOCOL',
  'FETCH_DECODE',
  'FETCH_TOO_MANY_REDIRECTS',
  'FETCH_REDIRECT_LOOP',
  'FETCH_HTTP_STATUS',
  'FETCH_ABORTED',
  'FETCH_STORAGE',
] as const;

export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

/** Which timer fired. */
export type TimeoutPhase = 'connect' | 'headers' | 'idle' | 'total';

export interface FetchFailure {
  code: FetchErrorCode;
  message: string;
  /** For FETCH_TIMEOUT. */
  phase?: TimeoutPhase;
  /** For FETCH_ADDRESS_REFUSED: which address and why. */
  address?: AddressVerdict;
  /** The underlying system or TLS error code, e.g. ECONNREFUSED, CERT_HAS_EXPIRED. */
  cause?: string;
}

const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO$)/;
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'EHOSTDOWN',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENODATA', 'ESERVFAIL']);

export function isTlsError(error: unknown): boolean {
  const err = error as { code?: unknown; library?: unknown } | undefined;
  return (typeof err?.code === 'string' && TLS_CODE.test(err.code)) || err?.library === 'SSL routines';
}

/** Maps an error from node:http/net/tls (or our lookup) to a stable failure. */
export function classifyNetworkError(error: unknown): FetchFailure {
  const err = error as { code?: unknown; message?: unknown; verdict?: AddressVerdict } | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const message = typeof err?.message === 'string' ? err.message : String(error);
  if (code === 'FETCH_ADDRESS_REFUSED' && err?.verdict)
    return { code: 'FETCH_ADDRESS_REFUSED', message, address: err.verdict };
  if (code === 'FETCH_DNS' || (code && DNS_CODES.has(code)))
    return { code: 'FETCH_DNS', message, cause: code };
  if (isTlsError(error)) return { code: 'FETCH_TLS', message, cause: code };
  if (code && CONNECT_CODES.has(code)) return { code: 'FETCH_CONNECT', message, cause: code };
  if (code && RESET_CODES.has(code)) return { code: 'FETCH_RESET', message, cause: code };
  if (code?.startsWith('HPE_') || code === 'ERR_INVALID_CHAR' || code === 'ERR_UNESCAPED_CHARACTERS')
    return { code: 'FETCH_PROTOCOL', message, cause: code };
  if (code?.startsWith('Z_') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED' || code === 'ERR__ERROR')
    return { code: 'FETCH_DECODE', message, cause: code };
  if (code === 'ABORT_ERR') return { code: 'FETCH_ABORTED', message, cause: code };
  return { code: 'FETCH_CONNECT', message, cause: code };
}
