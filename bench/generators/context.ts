// What every generator step is handed. Steps run in order and share what earlier steps made
// (the partnerships first), so a later capability's step can add its entities to each one.
import type { Database } from '../../src/platform/db/database.ts';
import type { Caller } from '../../src/platform/http/auth.ts';
import type { Role } from '../../src/platform/http/permissions.ts';
import type { DB } from '../../src/schema.ts';
import type { Services } from '../../src/services.ts';
import type { Random } from '../random.ts';

export type Authority = Awaited<ReturnType<Services['authorities']['search']>>[number];

export interface BenchMember {
  userId: string;
  email: string;
  role: Role;
}

export interface BenchPartnership {
  id: string;
  slug: string;
  name: string;
  /** As recorded: a year, a month or a day ('2007', '2007-04'). */
  established: string | null;
  authority: Authority;
  /** Filled by the members step. */
  members: BenchMember[];
}

export interface GeneratorOptions {
  seed: string;
  usersPerPartnership: number;
  /** About how many people (board, committee and group members) the structure step gives each. */
  peoplePerPartnership: number;
  /** How many years of the board's meetings the meetings step makes (ending 2025). */
  meetingYears: number;
}

export interface GeneratorContext {
  services: Services;
  /**
   * The database, only to open one transaction for several services' `…Within` calls (as the
   * seed importer does), so that what belongs together is made all or nothing.
   */
  db: Database<DB>;
  /** The system, with every permission, as the seed importer and command line act. */
  caller: Caller;
  options: GeneratorOptions;
  /** This step's own seeded stream. */
  random: Random;
  authorities: Authority[];
  partnerships: BenchPartnership[];
  say(line: string): void;
  /** Reports `done` of `total`, a line every so often rather than every item. */
  progress(done: number, total: number): void;
}

export interface GeneratorStep {
  name: string;
  /** Must be idempotent: keep what already exists, add what is missing. */
  run(context: GeneratorContext): Promise<void>;
}
