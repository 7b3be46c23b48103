// The test command. `node test/run.ts [unit|db|e2e]` (no argument: all three, in that order).
//  - unit: rules, schemas, rendering; no database.
//  - db: repositories and HTTP through a real database. On the embedded database (PGlite) by
//    default; on PostgreSQL when TEST_DATABASE_URL names a server (a database is created for
//    the run and one per test file, from a migrated template, and dropped afterwards).
//  - e2e: browser journeys in Chromium with an accessibility check on every page. Skipped,
//    loudly, when Chromium is missing, except in CI (CI=true), where that fails the run.
import { spawnSync } from 'node:child_process';
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

// The files that take longest start first, so that the run does not end with one of them alone
// on a core while the other waits (they would otherwise come last: test/ sorts after src/).
const slowest = [
  'e2e/accessibility-1.e2e.test.ts',
  'e2e/accessibility-2.e2e.test.ts',
  'test/operations.int.test.ts',
  'test/attack.int.test.ts',
  'test/cli.int.test.ts',
  'src/modules/documents/boardpack.tagged.int.test.ts',
  'src/modules/documents/boardpack.int.test.ts',
  'test/isolation.int.test.ts',
];
const startOrder = (file: string) => {
  const place = slowest.indexOf(file.replaceAll('\\', '/'));
  return place === -1 ? slowest.length : place;
};

const wanted = (process.argv[2] ? [process.argv[2]] : ['unit', 'db', 'e2e']) as Suite[];
for (const suite of wanted)
  if (!(suite in suites)) throw new Error(`Unknown suite ${suite}: use unit, db or e2e`);

const work = mkdtempSync(join(tmpdir(), 'cooperate-test-'));
let failed = false;
try {
  const needsDatabase = wanted.includes('db') || wanted.includes('e2e');
  const template = needsDatabase ? await prepareTemplate(work) : undefined;
  for (const suite of wanted) {
    const files = suites[suite]()
      .sort()
      .sort((a, b) => startOrder(a) - startOrder(b));
    if (suite === 'e2e' && !chromiumPath()) {
      const message =
        'Chromium was not found (install the Debian package "chromium"): the browser tests did not run.';
      if (process.env.CI === 'true') throw new Error(message);
      process.stderr.write(`\n!!! ${message}\n\n`);
      continue;
    }
    if (!files.length) continue;
    process.stdout.write(
      `\n# ${suite} tests (${files.length} files${template && suite !== 'unit' ? `, ${template.description}` : ''})\n`,
    );
    // Browser files run two at a time too: each has its own server and browser, and the
    // accessibility sweep is split into two halves so that both cores work (CI's time).
    const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
    const result = spawnSync(
      process.execPath,
      ['--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files],
      {
        stdio: 'inherit',
        env: {
          // Node keeps what it compiled (and the TypeScript it stripped) for the next process:
          // each test file is a process of its own, and loading the code was a third of its time
          NODE_COMPILE_CACHE: join(work, 'compile-cache'),
          ...process.env,
          ...(template && suite !== 'unit' ? template.env : {}),
          NODE_ENV: 'test',
        },
      },
    );
    if (result.status !== 0) failed = true;
  }
  await template?.dispose();
} finally {
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
