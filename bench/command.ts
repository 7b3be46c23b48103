// How the bench scripts end: a problem the person can fix (a flag, the environment, missing data) is printed
// alone; anything else with its stack, for whoever has to debug it.
import { ConfigError } from '../src/platform/config.ts';

export class SetupProblem extends Error {}

const fixable = (error: unknown) =>
  error instanceof SetupProblem ||
  error instanceof ConfigError ||
  String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

export async function runCommand(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(
      `${fixable(error) ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exitCode = 1;
  }
}
