// The command-line tool, run as a user would run it, on its own database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from './support/template.ts';
import { testConfig } from './support/test-database.ts';
import { openRuntime } from '../src/runtime.ts';

const cliPath = new URL('../src/cli.ts', import.meta.url).pathname;

function cli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the command-line tool', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cooperate-cli-'));
  let env: Record<string, string>;
  let dropDatabase = async () => undefined as void;

  before(async () => {
    const server = process.env.TEST_DATABASE_URL;
    if (server && process.env.TEST_TEMPLATE_DATABASE) {
      const name = `cooperate_cli_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      env = { DATABASE_URL: databaseUrl(server, name) };
      dropDatabase = async () => {
        const cleanup = new pg.Client({ connectionString: server });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name}`);
        await cleanup.end();
      };
    } else {
      env = { DATA_DIR: folder };
    }
  });
  after(async () => {
    await dropDatabase();
    rmSync(folder, { recursive: true, force: true });
  });

  it('migrates, loads the seeds idempotently, adds users and prints a token alone on stdout', async () => {
    const migrate = await cli(env, 'migrate');
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match(migrate.stderr, /applied 0001_accounts/);

    const seed = await cli(env, 'seed');
    assert.equal(seed.code, 0, seed.stderr);
    assert.match(seed.stderr, /000-dudley\.yaml: dudley created/);
    const again = await cli(env, 'seed');
    assert.match(again.stderr, /000-dudley\.yaml: dudley unchanged/);

    const add = await cli(
      env,
      'users',
      'add',
      '--email',
      'chair@dudley.example',
      '--password',
      'a very long password',
      '--name',
      'Chair of the Trust',
      '--partnership',
      'dudley',
      '--role',
      'admin',
    );
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /chair@dudley\.example is admin of Dudley Children's Trust/);

    const token = await cli(env, 'tokens', 'create', '--email', 'chair@dudley.example');
    assert.equal(token.code, 0, token.stderr);
    assert.match(token.stdout, /^coop_[\w-]{43}\n$/);

    const runtime = await openRuntime(testConfig(env));
    try {
      const user = await runtime.services.accounts.userByToken(token.stdout.trim());
      assert.equal(user?.email, 'chair@dudley.example');
      const partnership = await runtime.services.partnerships.bySlug('dudley');
      assert.equal(await runtime.services.members.roleOf(partnership!.id, user!.id), 'admin');
    } finally {
      await runtime.close();
    }
  });

  it('refuses bad input with a clear message and a non-zero exit', async () => {
    const weak = await cli(env, 'users', 'add', '--email', 'weak@example.org', '--password', 'short');
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /--password: Password must be 12 characters or more/);
    const nobody = await cli(env, 'tokens', 'create', '--email', 'nobody@example.org');
    assert.equal(nobody.code, 2);
    assert.match(nobody.stderr, /There is no user nobody@example.org/);
    assert.equal(nobody.stdout, '');
    const bad = join(folder, 'bad.yaml');
    writeFileSync(bad, 'source:\n  document: x\n');
    const imported = await cli(env, 'import', bad);
    assert.equal(imported.code, 2);
    assert.match(imported.stderr, /bad\.yaml:1 authority: /);
    const unknown = await cli(env, 'frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command frobnicate/);
  });
});
