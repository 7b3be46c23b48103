// The product as separate processes, for tests of what only processes show (a crash, a
// restart, several instances): `cooperate serve` and other commands of src/cli.ts.
import { spawn, type ChildProcess } from 'node:child_process';

export const cliPath = new URL('../../src/cli.ts', import.meta.url).pathname;

/** A command of src/cli.ts, run to its end. */
export function cli(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number>;
}

/** `cooperate serve` as a process; resolves with its address once it says it is running. */
export function serve(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cliPath, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      SESSION_SECRET: 'a test secret that is long enough to sign cookies',
      ...env,
    },
  });
  const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) done({ child, url, exited });
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => fail(new Error(`The server exited (${code}): ${err}`)));
  });
}
