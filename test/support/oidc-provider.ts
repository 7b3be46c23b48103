// A real OpenID Connect provider for tests: panva's certified `oidc-provider`, on a loopback
// port, with one confidential client and the accounts a test gives it. Its development login
// and consent forms are submitted the way a browser would (`throughProvider`), so a test drives
// the whole authorization code flow: the app's redirect, the provider's forms, the code back.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as cheerio from 'cheerio';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export const testClient = { id: 'cooperate-test', secret: 'a test client secret of no value elsewhere' };

export async function startOidcProvider(redirectUri: string, accounts: Record<string, ProviderAccount>) {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    alg: 'RS256',
    use: 'sig',
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: testClient.id,
        client_secret: testClient.secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['a test cookie key of no value elsewhere'] },
    jwks: { keys: [signingKey] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // the accounts the test gave, by the login typed into the development login form
    findAccount: (_ctx, id) => {
      const account = accounts[id];
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
  });
  // the development interactions warn once on the console: not news in a test
  provider.on('server_error', () => undefined);
  server.on('request', provider.callback());
  return {
    issuer,
    provider,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * Follows the app's redirect to the provider as a browser would (keeping the provider's
 * cookies), signs in as `login` on its development login form and accepts its consent form;
 * returns the address the provider finally sends the browser back to (the app's callback).
 */
export async function throughProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const origin = new URL(authorizationUrl).origin;
  let request: { url: string; method: 'GET' | 'POST'; body?: URLSearchParams } = {
    url: authorizationUrl,
    method: 'GET',
  };
  for (let step = 0; step < 12; step++) {
    if (new URL(request.url).origin !== origin) return new URL(request.url);
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: { cookie: cookieHeader() },
      ...(request.body ? { body: request.body } : {}),
    });
    keep(response);
    const location = response.headers.get('location');
    if (location) {
      request = { url: new URL(location, request.url).href, method: 'GET' };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${html}`);
    const page = cheerio.load(html);
    const form = page('form').first();
    if (!form.length) throw new Error(`The provider showed no form: ${html}`);
    const body = new URLSearchParams();
    form.find('input').each((_, input) => {
      const name = page(input).attr('name');
      if (name) body.set(name, page(input).attr('value') ?? '');
    });
    if (body.has('login')) {
      body.set('login', login);
      body.set('password', 'any password: the development login takes any');
    }
    request = { url: new URL(form.attr('action')!, request.url).href, method: 'POST', body };
  }
  throw new Error('The provider did not send the browser back');
}
