import * as client from 'openid-client';
import type { OidcSettings } from '../../config/settings.ts';

/**
 * The OpenID Connect relying party: discovers the provider once per process (again
 * after a failure) and runs the authorization code flow with PKCE, state and nonce.
 * The flow's secrets travel in a short-lived cookie (oidc.routes.ts), never in
 * process memory, so any web process can finish a sign-in another one started.
 * Providers must use https, except one on this machine (http://127.0.0.1, localhost,
 * [::1]) for development and tests.
 */

/** Seconds the provider has to answer (discovery, token, userinfo). */
const TIMEOUT_SECONDS = 10;

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    /** The callback URL registered at the provider. */
    readonly redirectUri: string,
  ) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        {
          timeout: TIMEOUT_SECONDS,
          ...(isLoopbackHttp(this.settings.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** A new flow and the provider URL to send the browser to. */
  async start(): Promise<{ flow: OidcFlow; url: string }> {
    const config = await this.config();
    const flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { flow, url: url.href };
  }

  /** Exchanges the code of the callback (its query string) and reads who signed in. */
  async finish(flow: OidcFlow, callbackQuery: string): Promise<OidcIdentity> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(
      config,
      new URL(`${this.redirectUri}${callbackQuery}`),
      {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      },
    );
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('The provider returned no ID token');
    const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    const claims = { ...idClaims, ...userInfo };
    return {
      issuer: config.serverMetadata().issuer,
      subject: idClaims.sub,
      email: typeof claims.email === 'string' ? claims.email : undefined,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name : undefined,
    };
  }
}
