// The test command. `node test/run.ts [unit|db|e2e]` (no argument: all three, in that order).
//  - unit: rules, schemas, rendering; no database.
//  - db: repositories and HTTP through a real database. On the embedded database (PGlite) by
//    default; on PostgreSQL when TEST_DATABASE_URL names a server (a database is created for
//    the run and one per test file, from a migrated template, and dropped afterwards).
//  - e2e: browser journeys in Chromium with an accessibility check on every page. Skipped,
//    loudly, when Chromium is missing, except in CI (CI=true), where that fails the run.
import { spawn } from 'node:child_process';
import { existsSync, globSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTemplate } from './support/template.ts';
import { chromiumPath } from './support/browser.ts';

const suites = {
  unit: () => globSync('{src,test,bench}/**/*.test.ts').filter((file) => !file.endsWith('.int.test.ts')),
  db: () => globSync('{src,test}/**/*.int.test.ts'),
  e2e: () => globSync('e2e/**/*.test.ts'),
};
type Suite = keyof typeof suites;

// About how long the longest files take (seconds, alone on a core, December 2026), to share the
// files out evenly between the processes; any other file counts as `usualSeconds`. Only the
// balance depends on these figures: a file that grows slower makes the run end later, no more.
const expectedSeconds: Record<string, number> = {
  'e2e/accessibility-1.e2e.test.ts': 139,
  'e2e/accessibility-2.e2e.test.ts': 131,
  'e2e/journey.e2e.test.ts': 38,
  'e2e/meetings.e2e.test.ts': 29,
  'e2e/surveys.e2e.test.ts': 24,
  'e2e/plans.e2e.test.ts': 24,
  'e2e/public.e2e.test.ts': 22,
  'e2e/structure.e2e.test.ts': 22,
  'e2e/resources.e2e.test.ts': 21,
  'e2e/records.e2e.test.ts': 21,
  'e2e/voice.e2e.test.ts': 17,
  'e2e/mail.e2e.test.ts': 16,
  'e2e/sign-in-provider.e2e.test.ts': 15,
  'e2e/elections.e2e.test.ts': 13,
  'test/attack.int.test.ts': 64,
  'test/operations.int.test.ts': 53,
  'test/isolation.int.test.ts': 40,
  'test/cli.int.test.ts': 36,
  'src/modules/public/public.int.test.ts': 24,
  'test/api-contract.int.test.ts': 21,
  'src/modules/documents/boardpack.int.test.ts': 21,
  'src/modules/documents/boardpack.tagged.int.test.ts': 20,
  'src/modules/opendata/opendata.int.test.ts': 17,
  'src/platform/mail/reminders.int.test.ts': 17,
  'src/seeds/seeds.int.test.ts': 16,
  'test/concurrency.int.test.ts': 15,
  'test/acceptance/stockton-compliance.int.test.ts': 15,
  'src/modules/membership/list-import.int.test.ts': 14,
  'src/modules/resources/resources.int.test.ts': 13,
  'src/modules/plans/plans.int.test.ts': 12,
};
const usualSeconds = 6;

/** Shares the files out between `count` processes, longest first, each to the least loaded. */
function shareOut(files: string[], count: number): string[][] {
  const weight = (file: string) => expectedSeconds[file.replaceAll('\\', '/')] ?? usualSeconds;
  const shares = Array.from({ length: Math.max(1, Math.min(count, files.length)) }, () => ({
    files: [] as string[],
    seconds: 0,
  }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const least = shares.reduce((best, share) => (share.seconds < best.seconds ? share : best));
    least.files.push(file);
    least.seconds += weight(file);
  }
  return shares.map((share) => share.files);
}

const wanted = (process.argv[2] ? [process.argv[2]] : ['unit', 'db', 'e2e']) as Suite[];
for (const suite of wanted)
  if (!(suite in suites)) throw new Error(`Unknown suite ${suite}: use unit, db or e2e`);

/**
 * Runs test files one after the other in one process. The first share's report is shown as it
 * comes; the others' when they end, so that two reports do not interleave line by line.
 */
function runShare(files: string[], env: NodeJS.ProcessEnv, live: boolean): Promise<number | NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-isolation=none', '--test-reporter=spec', ...files],
      { stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'], env },
    );
    const held: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (held.length) process.stdout.write(Buffer.concat(held));
      resolve(signal ? signal : (code ?? 0));
    });
  });
}

/**
 * Runs a share, and once more if its process was ended by a signal rather than exiting: the
 * runtime itself failed (V8 has aborted a process here on freeing the embedded database's
 * WebAssembly code: "Check failed: jit_page_->allocations_.erase(addr) == 1"), not a test. A
 * test that fails exits with a code, and is never run again.
 */
async function runShareOnce(files: string[], env: NodeJS.ProcessEnv, live: boolean): Promise<number> {
  const first = await runShare(files, env, live);
  if (typeof first === 'number') return first;
  process.stdout.write(
    `\n# The process running ${files.length} test files was ended by ${first}, not by a test: running them again once\n`,
  );
  const again = await runShare(files, env, live);
  return typeof again === 'number' ? again : 1;
}

const work = mkdtempSync(join(tmpdir(), 'cooperate-test-'));
let failed = false;
try {
  const needsDatabase = wanted.includes('db') || wanted.includes('e2e');
  const template = needsDatabase ? await prepareTemplate(work) : undefined;
  for (const suite of wanted) {
    const files = suites[suite]();
    if (suite === 'e2e' && !chromiumPath()) {
      const message =
        'Chromium was not found (install the Debian package "chromium"): the browser tests did not run.';
      if (process.env.CI === 'true') throw new Error(message);
      process.stderr.write(`\n!!! ${message}\n\n`);
      continue;
    }
    if (!files.length) continue;
    // The files are shared out between `concurrency` processes (one per core), each of which
    // imports its share and runs it file after file (--test-isolation=none): a process per file
    // paid its imports and its embedded database's start again, a third of the suites' time.
    // What this asks of a test file is in docs/architecture.md ("Tests").
    const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
    const shares = shareOut(files, concurrency);
    process.stdout.write(
      `\n# ${suite} tests (${files.length} files in ${shares.length} processes${template && suite !== 'unit' ? `, ${template.description}` : ''})\n`,
    );
    const env = {
      // Node keeps what it compiled (and the TypeScript it stripped) for the next process
      NODE_COMPILE_CACHE: join(work, 'compile-cache'),
      ...process.env,
      ...(template && suite !== 'unit' ? template.env : {}),
      NODE_ENV: 'test',
    };
    const statuses = await Promise.all(shares.map((share, index) => runShareOnce(share, env, index === 0)));
    if (statuses.some((status) => status !== 0)) failed = true;
  }
  await template?.dispose();
} finally {
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
