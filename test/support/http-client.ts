// A visitor of a running server over real HTTP (fetch), for tests with servers in other
// processes or behind a proxy: keeps its cookies, follows no redirects, reads form tokens.
import * as cheerio from 'cheerio';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class Visitor {
  readonly cookies = new Map<string, string>();
  readonly base: string;
  /** Headers sent with every request (e.g. to ask a proxy for one instance). */
  readonly headers: Record<string, string>;
  constructor(base: string, headers: Record<string, string> = {}) {
    this.base = base;
    this.headers = headers;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size
      ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
      : {};
  }

  private async answer(response: Response): Promise<Answer> {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    return {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
      location: response.headers.get('location'),
    };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.answer(
      await fetch(new URL(path, this.base), {
        redirect: 'manual',
        headers: { ...this.headers, ...this.cookieHeader(), ...headers },
      }),
    );
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    return this.answer(
      await fetch(new URL(path, this.base), {
        method: 'POST',
        redirect: 'manual',
        body,
        headers: {
          ...this.headers,
          ...this.cookieHeader(),
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
      }),
    );
  }

  /** GETs a form page, then POSTs the fields with the page's CSRF and one-use form tokens. */
  async submit(path: string, fields: Record<string, string | string[]>, formPage = path) {
    const page = await this.get(formPage);
    return this.post(path, { ...tokensIn(page.text), ...fields });
  }

  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.submit('/sign-in', { email, password });
    if (answer.status !== 303) throw new Error(`Sign-in as ${email} answered ${answer.status}`);
  }
}

/** A page's CSRF token and, when its form makes something, its one-use form token. */
export function tokensIn(html: string): Record<string, string> {
  const page = cheerio.load(html);
  const tokens: Record<string, string> = {};
  for (const name of ['_csrf', '_form']) {
    const value = page(`input[name="${name}"]`).first().val();
    if (typeof value === 'string' && value) tokens[name] = value;
  }
  if (!tokens._csrf) throw new Error('No CSRF token on the page');
  return tokens;
}
