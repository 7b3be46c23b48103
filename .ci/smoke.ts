// The checks of the production-install smoke test (.ci/smoke runs this on a copy installed with
// `npm ci --omit=dev`; Node builtins only). Starts `node src/cli.ts serve` in that folder on the
// embedded database in memory, on a free port, with NODE_ENV=production; waits for /health to
// answer 200 "ok"; signs in as the first administrator (whose password the first start prints)
// and downloads a partnership's compliance report as PDF: a PDF when Chromium is installed, the
// 503 that says PDFs are not available otherwise. Stops the server with SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const folder = process.argv[2];
if (!folder || !existsSync(`${folder}/src/cli.ts`))
  throw new Error('Usage: node .ci/smoke.ts <installed copy>');
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) =>
  existsSync(path),
);

const server = spawn(process.execPath, ['src/cli.ts', 'serve'], {
  cwd: folder,
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATA_DIR: 'memory://',
    PORT: '0',
    HOST: '127.0.0.1',
    // made here for this run only; production sets its own
    SESSION_SECRET: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    INSECURE_COOKIES_IN_PRODUCTION: 'true',
    LOG_LEVEL: 'warn',
    ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
server.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
const exited = new Promise<number | null>((done) => server.once('exit', (code) => done(code)));

/** Waits (at most `seconds`) until `found` finds something in the server's output. */
async function awaitOutput<T>(found: (text: string) => T | undefined, seconds: number): Promise<T> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  for (let waited = 0; waited < seconds * 10; waited++) {
    const value = found(output);
    if (value !== undefined) return value;
    if (stopped) throw new Error(`The server stopped:\n${output}`);
    await sleep(100);
  }
  throw new Error(`Waited ${seconds}s for the server:\n${output}`);
}

try {
  const url = await awaitOutput((text) => /Cooperate is running at (\S+)/.exec(text)?.[1], 180);
  const password = await awaitOutput((text) => /password:\s+(\S+)/.exec(text)?.[1], 5);
  const email = await awaitOutput((text) => /email:\s+(\S+)/.exec(text)?.[1], 5);
  console.log(`Started at ${url}`);

  const health = await fetch(`${url}/health`);
  const body = (await health.json()) as { status?: string };
  if (health.status !== 200 || body.status !== 'ok')
    throw new Error(`/health answered ${health.status} ${JSON.stringify(body)}`);
  console.log(`/health: ${health.status} ${JSON.stringify(body)}`);

  // sign in as a browser does: the form's token and the session cookie
  const form = await fetch(`${url}/sign-in`);
  let cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('No CSRF token on the sign-in page');
  const signIn = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password, returnTo: '/' }),
  });
  if (signIn.status !== 303) throw new Error(`Signing in answered ${signIn.status}`);
  cookie = (signIn.headers.get('set-cookie') ?? cookie).split(';')[0]!;

  const pdf = await fetch(`${url}/partnerships/dudley/compliance?format=pdf`, { headers: { cookie } });
  const content = Buffer.from(await pdf.arrayBuffer());
  if (chromium) {
    if (pdf.status !== 200 || content.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new Error(`The PDF answered ${pdf.status} ${pdf.headers.get('content-type')}`);
    console.log(`Printed a PDF of ${content.length} bytes with ${chromium}`);
  } else {
    if (pdf.status !== 503) throw new Error(`Without Chromium the PDF answered ${pdf.status}, not 503`);
    console.log('No Chromium here: the PDF answered 503, as it should; no PDF printed');
  }
} finally {
  server.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(20_000).then(() => 'still running')]);
  if (code === 'still running') server.kill('SIGKILL');
}
