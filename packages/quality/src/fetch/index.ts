export { classifyAddress, createAddressPolicy } from './address-policy.ts';
export type {
  AddressCategory,
  AddressClass,
  AddressPolicy,
  AddressPolicyOptions,
  AddressReason,
  AddressVerdict,
  EmbeddingKind,
} from './address-policy.ts';
export type { StoredBody } from './body-sink.ts';
export { FETCH_ERROR_CODES } from './fetch-errors.ts';
export type { FetchErrorCode, FetchFailure, TimeoutPhase } from './fetch-errors.ts';
export {
  DEFAULT_FETCH_TIMEOUTS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_USER_AGENT,
  fetchResource,
  isHeadRefused,
} from './fetch-resource.ts';
export type {
  FetchResourceOptions,
  FetchTimeouts,
  PreviousValidators,
  RetryOptions,
} from './fetch-resource.ts';
export type { FetchOutcome, FetchResult, FetchTimings, ResourceHeaders } from './fetch-result.ts';
export { HostLimiter } from './host-limiter.ts';
export type { HostLimiterOptions, ReleaseSlot } from './host-limiter.ts';
export type { TlsProblem } from './http-exchange.ts';
export type { RedirectHop } from './redirects.ts';
export { parseRetryAfter } from './retry-after.ts';
export {
  AddressRefusedError,
  createSafeLookup,
  isLocalhostName,
  literalAddress,
  ResolveError,
  resolveSafely,
  screenHost,
  systemResolver,
} from './safe-lookup.ts';
export type { LookupFunction, ResolvedAddress, Resolver, SafeLookupOptions } from './safe-lookup.ts';
