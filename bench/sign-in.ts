// Signs in through the real sign-in form, as a browser does (the page's CSRF token, then the
// POST), and returns the session cookie the measured page requests carry.
import * as cheerio from 'cheerio';
import { SetupProblem } from './command.ts';

const cookieName = 'cooperate.sid';

function sessionCookie(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith(`${cookieName}=`));
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/sign-in`);
  const csrf = cheerio
    .load(await page.text())('input[name="_csrf"]')
    .first()
    .val();
  // the form's token is signed over a cookie of its own (no session before signing in)
  const before = page.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .join('; ');
  if (typeof csrf !== 'string' || !csrf || !before)
    throw new Error(`GET /sign-in (${page.status}) gave no CSRF token or no cookie`);
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: before },
    body: new URLSearchParams({ email, password, _csrf: csrf }),
  });
  await response.arrayBuffer();
  // Sign-in regenerates the session, so the cookie to keep is the one this answer sets.
  const after = sessionCookie(response);
  if (response.status !== 303 || !after)
    throw new SetupProblem(
      `Signing in as ${email} failed (${response.status}): was the bench data generated?`,
    );
  return after;
}
