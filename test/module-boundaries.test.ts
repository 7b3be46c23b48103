// Module boundaries in the SQL (issue 16 item 3): a module's queries name its own tables; it
// reads another module's data through that module's public functions. Each module declares
// its tables in its `*.tables.ts`; this test reads every module's source for the tables its
// queries name (Kysely's selectFrom, joins, insertInto, updateTable, deleteFrom, and the
// tables after from/join/into/update in sql`` templates) and fails on:
//  - a module naming another module's table that is neither shared reference data nor on the
//    list of known crossings below (a new crossing: go through the other module's index.ts);
//  - a crossing on the list that is gone (take it off: the list only shrinks);
//  - a query outside a repository in a file not on the list of such files.
// The lists are the debt found when the test was written (docs/architecture.md, "Module
// boundaries"); they are to be paid off, not added to.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';

/** Tables every module may read: national reference data, and the names of partnerships and users. */
const shared = new Set(['authorities', 'authority_neighbours', 'partnerships', 'users']);

/** Known crossings: "module -> table". */
const knownCrossings = new Set<string>([
  'modules/accounts -> partnership_versions',
  'modules/benchmarking -> indicator_values',
  'modules/benchmarking -> indicators',
  'modules/bodies -> people',
  'modules/compliance -> bodies',
  'modules/compliance -> membership_organisations',
  'modules/compliance -> memberships',
  'modules/compliance -> organisations',
  'modules/compliance -> people',
  'modules/compliance -> seats',
  'modules/indicators -> plan_priorities',
  'modules/indicators -> plan_priority_indicators',
  'modules/indicators -> plans',
  'modules/meetings -> bodies',
  'modules/meetings -> membership_substitutes',
  'modules/meetings -> memberships',
  'modules/meetings -> people',
  'modules/meetings -> seats',
  // meetings split into its parts (issue 16 item 2, ADR 0057): the parts' queries that named
  // the old module's tables now cross between the parts (the first group) or go, as before, to
  // the bodies, membership and people (the second). Each part's index.ts has the reads to use.
  'modules/agenda -> board_packs',
  'modules/agenda -> committee_reports',
  'modules/attendance -> agenda_items',
  'modules/attendance -> meeting_bodies',
  'modules/attendance -> meetings',
  'modules/attendance -> minutes',
  'modules/consultations -> agenda_items',
  'modules/meetings -> agenda_items',
  'modules/meetings -> minutes',
  'modules/record -> agenda_dispatches',
  'modules/record -> agenda_items',
  'modules/record -> meeting_bodies',
  'modules/record -> meetings',
  'modules/agenda -> membership_substitutes',
  'modules/agenda -> memberships',
  'modules/agenda -> partnership_members',
  'modules/agenda -> people',
  'modules/agenda -> seats',
  'modules/attendance -> bodies',
  'modules/attendance -> interests',
  'modules/attendance -> membership_organisations',
  'modules/attendance -> membership_substitutes',
  'modules/attendance -> memberships',
  'modules/attendance -> organisations',
  'modules/attendance -> people',
  'modules/attendance -> seat_places',
  'modules/attendance -> seats',
  'modules/record -> bodies',
  'modules/record -> organisations',
  'modules/record -> partnership_members',
  'modules/record -> people',
  'modules/record -> seats',
  'modules/membership -> attendance',
  'modules/membership -> bodies',
  'modules/membership -> meeting_bodies',
  'modules/membership -> meetings',
  'modules/membership -> partnership_members',
  'modules/plans -> bodies',
  'modules/plans -> organisations',
  'modules/plans -> people',
]);

/** Files of modules that query the database outside a repository. */
const knownQueriesOutsideRepositories = new Set<string>([
  'src/modules/accounts/invitation-mail.ts',
  'src/modules/bodies/bodies.service.ts',
  'src/modules/attendance/apologies-mail.ts',
  'src/modules/documents/boardpack.service.ts',
  'src/modules/membership/membership.service.ts',
  'src/modules/plans/plans-mail.ts',
  'src/modules/surveys/surveys.answering.ts',
  'src/modules/surveys/surveys.authoring.ts',
  'src/modules/surveys/surveys.coding.ts',
  'src/modules/surveys/surveys.invitations.ts',
  'src/modules/surveys/surveys.mail.ts',
  'src/modules/surveys/surveys.service.ts',
  'src/modules/voice/voice.service.ts',
]);

const moduleOf = (file: string) => file.split('/').slice(1, 3).join('/');

function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of globSync('src/{modules,platform}/**/*.tables.ts')) {
    const text = readFileSync(file, 'utf8');
    for (const block of text.matchAll(/export interface \w+Tables(?:\s+extends [^{]*)?\s*\{([^}]*)\}/g))
      for (const table of block[1]!.matchAll(/^\s*([a-z_]+)\s*:/gm)) owners.set(table[1]!, moduleOf(file));
  }
  return owners;
}

/** The tables a source file's queries name. */
export function tablesNamed(text: string): Set<string> {
  const names = new Set<string>();
  for (const call of text.matchAll(
    /\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto)\(\s*'([a-z_]+)(?: as \w+)?'/g,
  ))
    names.add(call[1]!);
  for (const template of text.matchAll(/\bsql(?:<[^>]*>)?`([^`]*)`/g))
    for (const table of template[1]!.matchAll(/\b(?:from|join|into|update)\s+(?:only\s+)?([a-z_]+)/gi))
      names.add(table[1]!);
  return names;
}

const queries = (text: string) =>
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql(?:<[^>]*>)?`/.test(text);

function scan() {
  const owners = tableOwners();
  const crossings = new Map<string, string[]>();
  const outside: string[] = [];
  for (const file of globSync('src/modules/**/*.ts').sort()) {
    if (file.endsWith('.test.ts') || file.endsWith('.tables.ts')) continue;
    const text = readFileSync(file, 'utf8');
    if (queries(text) && !file.endsWith('.repository.ts')) outside.push(file);
    for (const table of tablesNamed(text)) {
      const owner = owners.get(table);
      if (!owner || owner === moduleOf(file) || shared.has(table)) continue;
      const key = `${moduleOf(file)} -> ${table}`;
      crossings.set(key, [...(crossings.get(key) ?? []), file]);
    }
  }
  return { owners, crossings, outside };
}

describe('module boundaries in the SQL', () => {
  const { owners, crossings, outside } = scan();

  it('finds the tables of every module', () => {
    for (const table of ['bodies', 'seats', 'meetings', 'plans', 'indicators', 'surveys', 'audit_events'])
      assert.ok(owners.has(table), `${table} is declared in a *.tables.ts`);
  });

  it('reads tables named in Kysely calls and in sql templates', () => {
    const named = tablesNamed(
      "trx.selectFrom('seats as s').innerJoin('people as p', 'p.id', 's.id'); sql`select 1 from only bodies b join plans on true`",
    );
    assert.deepEqual([...named].sort(), ['bodies', 'people', 'plans', 'seats']);
  });

  it('names another module’s tables only where known', () => {
    const found = [...crossings.keys()].sort();
    const unknown = found.filter((key) => !knownCrossings.has(key));
    assert.deepEqual(
      unknown.map((key) => `${key} (${crossings.get(key)!.join(', ')})`),
      [],
      'new crossings: read the other module through its index.ts',
    );
    const gone = [...knownCrossings].filter((key) => !crossings.has(key));
    assert.deepEqual(gone, [], 'crossings no longer made: take them off the list');
  });

  it('queries only in repositories, except in the files known', () => {
    assert.deepEqual(
      outside.filter((file) => !knownQueriesOutsideRepositories.has(file)),
      [],
      'move the queries into the module’s repository',
    );
    const gone = [...knownQueriesOutsideRepositories].filter((file) => !outside.includes(file));
    assert.deepEqual(gone, [], 'files that no longer query: take them off the list');
  });
});
