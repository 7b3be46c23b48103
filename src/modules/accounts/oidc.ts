// Signing in through the council's OpenID Connect provider (ADR 0031), with openid-client:
// discovery of the provider's metadata, the authorization code flow with PKCE (S256), state
// and nonce, and the ID token validated (signature, issuer, audience, expiry, nonce). The
// e-mail address and whether it is verified come from the ID token or, when the provider keeps
// them for the UserInfo endpoint, from there (checked to be about the same subject).
import * as client from 'openid-client';
import type { ProviderIdentity } from './accounts.service.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string;
  /** The sign-in button's text. */
  label: string;
  /** Take e-mail addresses as verified without an `email_verified` claim. */
  trustEmail: boolean;
  /** Whether a pending invitation makes the account of someone who has none. */
  acceptInvitations: boolean;
  /** Seconds to wait for the provider. */
  timeoutSeconds?: number;
}

/** What a started sign-in keeps (in the session) until the provider sends the person back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  startedAt: number;
}

/** The provider could not be reached, or answered with a server error. */
export class ProviderUnavailable extends Error {}

/** The provider's answer was refused: wrong state, nonce or issuer, a bad token, an error. */
export class ResponseRefused extends Error {
  /** The provider's own error code, when it sent one (e.g. `access_denied`). */
  readonly providerError: string | undefined;
  constructor(message: string, providerError?: string) {
    super(message);
    this.providerError = providerError;
  }
}

/** How long a started sign-in may take before it must be started again. */
export const pendingLifetimeMs = 10 * 60_000;

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

function unreachable(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if (cause instanceof Response) return cause.status >= 500;
    if (typeof cause !== 'object') return false;
    const { code, name, message } = cause as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (networkCodes.has(code) || code.startsWith('UND_ERR_'))) return true;
    if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT' || name === 'TimeoutError') return true;
    if (cause instanceof TypeError && message === 'fetch failed') return true;
  }
  return false;
}

/** The message of an error and of what caused it ("invalid response encountered: unexpected state"). */
function reasonOf(error: unknown): string {
  const messages: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause)
    if (!messages.includes(cause.message)) messages.push(cause.message);
  return messages.join(': ') || String(error);
}

export function oidcClient(settings: OidcSettings) {
  const issuer = new URL(settings.issuer);
  // plain HTTP only for a provider on this machine (tests); config.ts refuses it elsewhere
  const insecure = issuer.protocol === 'http:' && loopback.has(issuer.hostname);
  let configuration: Promise<client.Configuration> | undefined;

  /** The provider's metadata, discovered once and kept; a failure is tried again next time. */
  const configure = () =>
    (configuration ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        timeout: settings.timeoutSeconds ?? 10,
        execute: insecure ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw new ProviderUnavailable(`Discovery at ${issuer.href} failed`, { cause: error });
      }));

  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ProviderUnavailable || error instanceof ResponseRefused) throw error;
      if (unreachable(error)) throw new ProviderUnavailable('The provider did not answer', { cause: error });
      if (error instanceof client.AuthorizationResponseError)
        throw new ResponseRefused(error.message, error.error);
      throw new ResponseRefused(reasonOf(error));
    }
  };

  return {
    label: settings.label,
    acceptInvitations: settings.acceptInvitations,

    /** The provider's authorization address, and what to keep until the person comes back. */
    async start(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
      const config = await configure();
      const pending: PendingSignIn = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
        startedAt: Date.now(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },

    /**
     * Checks the provider's answer (`search`, the callback's query) against the sign-in it
     * belongs to, redeems the code and validates the ID token; the identity it names.
     */
    async finish(search: string, pending: PendingSignIn): Promise<ProviderIdentity> {
      const config = await configure();
      const current = new URL(settings.redirectUrl);
      current.search = search;
      return guarded(async () => {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new ResponseRefused('The provider sent no ID token');
        let { email, email_verified: verified, name } = claims as Record<string, unknown>;
        if (email === undefined) {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          ({ email, email_verified: verified } = info);
          name ??= info.name;
        }
        const address = typeof email === 'string' && email.trim() ? email.trim() : undefined;
        return {
          issuer: claims.iss,
          subject: claims.sub,
          email: address,
          emailVerified: verified === true || (settings.trustEmail && address !== undefined),
          name: typeof name === 'string' ? name : undefined,
        };
      });
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;
