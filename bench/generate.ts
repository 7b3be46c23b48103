// Generates the national-scale data set the benchmarks run against, in the database the
// configuration names (as the server: the embedded database under DATA_DIR, or DATABASE_URL).
// Idempotent: a second run keeps what is there and adds what is missing.
//   DATA_DIR=/tmp/cooperate-bench node bench/generate.ts [--seed S] [--users-per-partnership N]
//     [--people-per-partnership N] [--meeting-years N] [--partnerships N]
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { openRuntime } from '../src/runtime.ts';
import { runCommand, SetupProblem } from './command.ts';
import { seededRandom } from './random.ts';
import { generatorSteps, type GeneratorContext } from './generators/index.ts';

/**
 * About 200 people a partnership (30,000 in all) by default, to keep generating near 15
 * minutes on the embedded database (17.7 measured on a busy 2-CPU machine); 390 gives the
 * national scale of about 60,000 people (32.9 minutes measured). See bench/README.md.
 */
const defaultPeoplePerPartnership = 200;

/** Ten years of the board's meetings (2016 to 2025): see the meetings step in bench/README.md. */
const defaultMeetingYears = 10;

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export async function generate(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: 'cooperate-bench' },
      'users-per-partnership': { type: 'string', default: '3' },
      'people-per-partnership': { type: 'string', default: String(defaultPeoplePerPartnership) },
      'meeting-years': { type: 'string', default: String(defaultMeetingYears) },
      // Only the first N authorities' partnerships: the same data as theirs in a whole run.
      partnerships: { type: 'string' },
    },
  });
  const usersPerPartnership = Number(values['users-per-partnership']);
  if (!Number.isInteger(usersPerPartnership) || usersPerPartnership < 1 || usersPerPartnership > 20)
    throw new SetupProblem('--users-per-partnership must be a whole number from 1 to 20');
  const peoplePerPartnership = Number(values['people-per-partnership']);
  if (!Number.isInteger(peoplePerPartnership) || peoplePerPartnership < 50 || peoplePerPartnership > 1000)
    throw new SetupProblem('--people-per-partnership must be a whole number from 50 to 1000');
  const meetingYears = Number(values['meeting-years']);
  if (!Number.isInteger(meetingYears) || meetingYears < 1 || meetingYears > 20)
    throw new SetupProblem('--meeting-years must be a whole number from 1 to 20');
  const partnershipCount = values.partnerships === undefined ? undefined : Number(values.partnerships);
  if (partnershipCount !== undefined && (!Number.isInteger(partnershipCount) || partnershipCount < 1))
    throw new SetupProblem('--partnerships must be a whole number, 1 or more');

  const config = loadConfig();
  const started = performance.now();
  const runtime = await openRuntime(config);
  try {
    say(
      `Generating bench data in ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.DATA_DIR}`}` +
        `${runtime.applied.length ? ` (migrated: ${runtime.applied.join(', ')})` : ''}`,
    );
    const authorities = (await runtime.services.authorities.search({})).slice(0, partnershipCount);
    say(
      `${authorities.length} authorities, seed "${values.seed}", ${usersPerPartnership} users and about ` +
        `${peoplePerPartnership} people a partnership, ${meetingYears} years of board meetings`,
    );
    // Spread into each step's context; the arrays are shared, so later steps see what earlier made.
    const shared: Omit<GeneratorContext, 'random' | 'say' | 'progress'> = {
      services: runtime.services,
      db: runtime.db,
      caller: systemCaller('bench generator'),
      options: { seed: values.seed, usersPerPartnership, peoplePerPartnership, meetingYears },
      authorities,
      partnerships: [],
    };
    for (const step of generatorSteps) {
      const stepStarted = performance.now();
      const every = (total: number) => Math.max(1, Math.ceil(total / 10));
      const context: GeneratorContext = {
        ...shared,
        random: seededRandom(values.seed, step.name),
        say: (line) => say(`  ${step.name}: ${line}`),
        progress: (done, total) => {
          if (done % every(total) === 0 || done === total)
            say(`  ${step.name}: ${done}/${total} (${seconds(stepStarted)})`);
        },
      };
      say(`- ${step.name}`);
      await step.run(context);
    }
    // Fresh planner statistics, so the first run measures the plans a settled database uses.
    await runtime.db.analyze();
    say(`Done in ${seconds(started)}. Now, with the same DATA_DIR or DATABASE_URL: npm run bench`);
  } finally {
    await runtime.close();
  }
}

if (import.meta.main) await runCommand(() => generate(process.argv.slice(2)));
