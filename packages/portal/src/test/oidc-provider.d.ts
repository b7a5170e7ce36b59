/**
 * The part of oidc-provider (a dev dependency, shipped without types) that the
 * OpenID Connect tests use to run a provider on 127.0.0.1.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface ProviderAccount {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface Configuration {
    clients?: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    findAccount?: (
      ctx: unknown,
      sub: string,
    ) => ProviderAccount | undefined | Promise<ProviderAccount | undefined>;
    cookies?: { keys?: string[] };
    ttl?: Record<string, number>;
    features?: Record<string, unknown>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
