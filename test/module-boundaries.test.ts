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

/**
 * Known crossings: "module -> table". Those outside the meetings' parts are kept on purpose,
 * each with why: one statement joining two modules' tables where splitting it would cost a
 * query (or a query a row) on a busy page.
 */
const knownCrossings = new Set<string>([
  // the tenant's access check: partnership, role and data version in one statement (ADR 0021)
  'modules/accounts -> partnership_versions',
  // neighbours' published values under the benchmark policies, one statement (ADR 0020)
  'modules/benchmarking -> indicator_values',
  'modules/benchmarking -> indicators',
  // seats belong to bodies: seat and membership lists carry the body's name and slug
  'modules/membership -> bodies',
  // the registers that count a membership, read in the transaction that would remove or change
  // it (ADR 0045): one statement from the membership through its seat's body to the registers
  // that name its holder; the meetings' parts depend on membership, not the other way
  'modules/membership -> attendance',
  'modules/membership -> meeting_bodies',
  'modules/membership -> meetings',
  // a plan's priorities and actions carry their owner's and lead's names (plan page, text,
  // versions, reminders) in the statement that reads them
  'modules/plans -> bodies',
  'modules/plans -> organisations',
  'modules/plans -> people',
  // The meetings parts (ADR 0057; issue 16 item 3): what each still joins of another module's
  // tables in one statement, and why.
  // a meeting is read with its bodies' names, slugs, kinds and action codes in the same statement
  'modules/meetings -> bodies',
  // search ranks and pages meetings on the text of their items, papers, committee reports,
  // decisions and minutes in one statement (the last three found once the scanner read the
  // templates inside a template's placeholders)
  'modules/meetings -> agenda_items',
  'modules/meetings -> papers',
  'modules/meetings -> committee_reports',
  'modules/meetings -> decisions',
  'modules/meetings -> minutes',
  // the register and the declarations are listed with each person's name in one statement
  'modules/attendance -> people',
  // a declaration is listed with its register entry's description in the same statement
  'modules/attendance -> interests',
  // decisions, actions and minutes are listed with their item's number and exemption, and with
  // their meeting's title and date, in one statement (the record's pages, its mail, outcomes)
  'modules/record -> agenda_items',
  'modules/record -> meetings',
  // an action is listed with its owner's (person's or organisation's) name in the same statement
  'modules/record -> organisations',
  'modules/record -> people',
  // an election is listed with its seat and body, its nominees with their names, in one statement
  'modules/record -> bodies',
  'modules/record -> seats',
  // whether an agenda item has a committee report, read with the items in one statement (the
  // meeting page and the agenda show it on each item)
  'modules/agenda -> committee_reports',
]);

/** Files of modules that query the database outside a repository. */
const knownQueriesOutsideRepositories = new Set<string>([]);

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

/**
 * The bodies of a file's sql`` templates. A template's type argument may nest angle brackets
 * (sql<Array<{ a: string }>>`…`), which a regex cannot balance, so this walks them; the `>` of
 * an arrow (`=>`) inside the type is not a closing bracket.
 */
export function sqlTemplates(text: string): string[] {
  const bodies: string[] = [];
  for (const tag of text.matchAll(/\bsql\b/g)) {
    let at = tag.index + tag[0].length;
    if (text[at] === '<') {
      let depth = 0;
      for (; at < text.length; at++) {
        if (text[at] === '<') depth++;
        else if (text[at] === '>' && text[at - 1] !== '=' && --depth === 0) break;
      }
      at++;
    }
    if (text[at] !== '`') continue;
    const end = templateEnd(text, at);
    if (end < 0) break;
    bodies.push(text.slice(at + 1, end));
  }
  return bodies;
}

/**
 * Where the template literal opening at `start` ends: past the `${…}` placeholders, which may
 * hold templates of their own (sql`… ${cond ? sql`…` : sql``} …`), strings and braces. -1: never.
 */
function templateEnd(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '`') return at;
    else if (text[at] === '$' && text[at + 1] === '{') {
      at = placeholderEnd(text, at + 2);
      if (at < 0) return -1;
    }
  }
  return -1;
}

/** Where the placeholder whose expression starts at `start` ends (its closing brace). */
function placeholderEnd(text: string, start: number): number {
  let depth = 1;
  for (let at = start; at < text.length; at++) {
    const c = text[at];
    if (c === '`') {
      at = templateEnd(text, at);
      if (at < 0) return -1;
    } else if (c === "'" || c === '"') {
      for (at++; at < text.length && text[at] !== c; at++) if (text[at] === '\\') at++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return at;
  }
  return -1;
}

/** The tables a source file's queries name. */
export function tablesNamed(text: string): Set<string> {
  const names = new Set<string>();
  for (const call of text.matchAll(
    /\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto)\(\s*'([a-z_]+)(?: as \w+)?'/g,
  ))
    names.add(call[1]!);
  for (const template of sqlTemplates(text))
    for (const table of template.matchAll(/\b(?:from|join|into|update)\s+(?:only\s+)?([a-z_]+)/gi))
      names.add(table[1]!);
  return names;
}

const queries = (text: string) =>
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(/.test(text) || sqlTemplates(text).length > 0;

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
      "trx.selectFrom('seats as s').innerJoin('people as p', 'p.id', 's.id'); sql`select 1 from only bodies b join plans on true`" +
        '; sql<Array<{ a: string; f: (x: number) => Map<string, number> }>>`select a from meetings join minutes on true`',
    );
    assert.deepEqual([...named].sort(), ['bodies', 'meetings', 'minutes', 'people', 'plans', 'seats']);
    // a template in a placeholder does not end the template round it
    const nested = tablesNamed(
      "sql`select 1 from meetings m ${approved ? sql`where exists (select 1 from minutes)` : sql``} join papers p on '}' = '{' ${{ a: `x` }.a} join decisions d on true`",
    );
    assert.deepEqual([...nested].sort(), ['decisions', 'meetings', 'minutes', 'papers']);
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

/**
 * The meetings' parts (ADR 0057) import each other in one direction: a part may import the
 * parts before it in this order, never one after it, so that no two parts import each other.
 * What a part needs of a later one (the agenda's mail names the board pack and the draft
 * minutes; the register is locked by the minutes' approval) the composition root passes in.
 * The meetings module itself is both the first part (the meeting) and what composes the
 * meeting's page and API from all of them: its files that do are listed.
 */
const meetingsParts = ['meetings', 'agenda', 'attendance', 'record', 'documents', 'consultations'];
const meetingsComposers = new Set([
  'src/modules/meetings/meetings.routes.ts',
  'src/modules/meetings/meetings.api.ts',
  'src/modules/meetings/meetings.api.schemas.ts',
  // a meeting made with its first agenda item, and whether the caller sees exempt items
  'src/modules/meetings/meetings.service.ts',
]);

describe('module boundaries in the imports of the meetings parts', () => {
  const later = (file: string, text: string) => {
    const part = meetingsParts.indexOf(file.split('/')[2]!);
    return [...text.matchAll(/from '\.\.\/([a-z-]+)\//g)]
      .map((match) => match[1]!)
      .filter((imported) => meetingsParts.indexOf(imported) > part);
  };

  it('finds an import of a later part', () => {
    assert.deepEqual(later('src/modules/agenda/x.ts', "import { a } from '../documents/index.ts';"), [
      'documents',
    ]);
    assert.deepEqual(later('src/modules/record/x.ts', "import { a } from '../agenda/index.ts';"), []);
  });

  it('import only the parts before them (the meeting page and API composing them all)', () => {
    const files = globSync(`src/modules/{${meetingsParts.join(',')}}/*.ts`).filter(
      (file) => !file.endsWith('.test.ts') && !meetingsComposers.has(file.replaceAll('\\', '/')),
    );
    assert.ok(files.length > 40, `only ${files.length} files found`);
    const backwards = files.flatMap((file) =>
      later(file.replaceAll('\\', '/'), readFileSync(file, 'utf8')).map((part) => `${file} -> ${part}`),
    );
    assert.deepEqual(backwards, [], 'pass what a part needs of a later one in from src/services.ts');
  });
});

/**
 * Every module, not only the meetings' parts: the modules' imports of each other run one way,
 * with no cycle, so that each can be read (and changed) knowing only those it imports. Where a
 * module needs something of one that depends on it, the composition root passes it in (bodies
 * is given membership's `isPersonWithin`, the agenda the later parts' `ItemDependants`). The
 * meeting's page and API, which compose every part, are left out as above.
 */
function cycleIn(imports: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string): string[] | undefined => {
    if (state.get(module) === 'done') return undefined;
    if (state.get(module) === 'open') return [...path.slice(path.indexOf(module)), module];
    state.set(module, 'open');
    path.push(module);
    for (const next of imports.get(module) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(module, 'done');
    return undefined;
  };
  for (const module of imports.keys()) {
    const cycle = visit(module);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('module boundaries in the imports of every module', () => {
  it('finds a cycle', () => {
    const graph = (edges: [string, string][]) => {
      const imports = new Map<string, Set<string>>();
      for (const [from, to] of edges) imports.set(from, new Set([...(imports.get(from) ?? []), to]));
      return imports;
    };
    assert.deepEqual(
      cycleIn(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
      ['a', 'b', 'c', 'a'],
    );
    assert.equal(
      cycleIn(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
      undefined,
    );
  });

  it('import each other one way only, round no cycle', () => {
    const imports = new Map<string, Set<string>>();
    const files = globSync('src/modules/*/*.ts').filter(
      (file) => !file.endsWith('.test.ts') && !meetingsComposers.has(file.replaceAll('\\', '/')),
    );
    assert.ok(files.length > 150, `only ${files.length} files found`);
    for (const file of files) {
      const module = file.replaceAll('\\', '/').split('/')[2]!;
      for (const [, imported] of readFileSync(file, 'utf8').matchAll(/from '\.\.\/([a-z-]+)\//g))
        if (imported !== module) imports.set(module, new Set([...(imports.get(module) ?? []), imported!]));
    }
    assert.ok(imports.size > 15, `only ${imports.size} modules import others`);
    assert.equal(
      cycleIn(imports)?.join(' -> '),
      undefined,
      'pass what a module needs of a later one in from src/services.ts',
    );
  });
});
