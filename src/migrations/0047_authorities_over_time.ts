// Councils over time (issue 14): the councils abolished or reorganised since 2009 with their
// dates and successors, and every council's type over its life, so that a rule can ask a
// council's type on a date (a county council with districts, or unitary). Loaded from
// data/reference/former_authorities.csv and authority_types.csv (sources in the README there).
// Northamptonshire (E10000021) came with migration 0007; down puts it back as 0007 left it.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import {
  historyProblems,
  lifeOf,
  readAuthoritiesReference,
  readAuthorityHistory,
} from '../modules/authorities/index.ts';

const types = `'county council', 'unitary authority', 'metropolitan borough', 'London borough', 'City of London'`;
const literal = (value: string | null) => (value === null ? 'null' : `'${value.replaceAll("'", "''")}'`);
const list = (codes: string[]) => codes.map(literal).join(', ');

/** Made by migration 0007, before this one: down restores it rather than deleting it. */
const northamptonshire = 'E10000021';

async function history() {
  const { former, periods } = await readAuthorityHistory();
  const { authorities: current } = await readAuthoritiesReference();
  const periodsOf = (code: string) => periods.filter((p) => p.gssCode === code);
  const authorities = [
    ...current.map((a) => ({ ...a, ...lifeOf(periodsOf(a.gssCode)), validTo: null })),
    ...former,
  ];
  const successions = former.flatMap((f) =>
    f.successorGssCodes.map((successorGssCode) => ({ gssCode: f.gssCode, successorGssCode })),
  );
  const problems = historyProblems(authorities, periods, successions);
  if (problems.length) throw new Error(`The authorities' history is not sound: ${problems.join('; ')}`);
  return { former, periods, current: current.filter((a) => periodsOf(a.gssCode).length) };
}

export async function up(db: MigrationDb): Promise<void> {
  const { former, periods, current } = await history();
  await runSql(
    db,
    `
    create table authority_types (
      gss_code text not null references authorities (gss_code) on delete cascade,
      type text not null check (type in (${types})),
      valid_from date,
      valid_to date,
      check (valid_from is null or valid_to is null or valid_from <= valid_to)
    );
    create unique index authority_types_start on authority_types (gss_code, coalesce(valid_from, '-infinity'::date));
    create table authority_successors (
      gss_code text not null references authorities (gss_code) on delete cascade,
      successor_gss_code text not null references authorities (gss_code),
      continuing boolean not null default false,
      primary key (gss_code, successor_gss_code)
    );
    create index authority_successors_successor on authority_successors (successor_gss_code);
    grant select on authority_types, authority_successors to cooperate_app;

    insert into authorities (gss_code, dfe_code, name, type, region, valid_from, valid_to, successor_gss_code)
      values ${former
        .map(
          (f) =>
            `(${[f.gssCode, null, f.name, f.type, f.region, f.validFrom, f.validTo, f.successorGssCodes[0]!]
              .map(literal)
              .join(', ')})`,
        )
        .join(',\n')}
      on conflict (gss_code) do update set name = excluded.name, type = excluded.type,
        region = excluded.region, valid_from = excluded.valid_from, valid_to = excluded.valid_to;
    ${current
      .map(
        (c) =>
          `update authorities set valid_from = ${literal(lifeOf(periods.filter((p) => p.gssCode === c.gssCode)).validFrom)} where gss_code = ${literal(c.gssCode)};`,
      )
      .join('\n')}
    insert into authority_successors (gss_code, successor_gss_code, continuing) values ${former
      .flatMap((f) =>
        f.successorGssCodes.map(
          (s) => `(${literal(f.gssCode)}, ${literal(s)}, ${s === f.continuingGssCode ? 'true' : 'false'})`,
        ),
      )
      .join(',\n')};
    insert into authority_types (gss_code, type, valid_from, valid_to) values ${periods
      .map((p) => `(${[p.gssCode, p.type, p.validFrom, p.validTo].map(literal).join(', ')})`)
      .join(',\n')};
    -- Every other council has had one type all its life.
    insert into authority_types (gss_code, type, valid_from, valid_to)
      select gss_code, type, valid_from, valid_to from authorities a
      where not exists (select from authority_types t where t.gss_code = a.gss_code);
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  const { former, current } = await history();
  const added = former.map((f) => f.gssCode).filter((code) => code !== northamptonshire);
  await runSql(
    db,
    `
    drop table authority_successors;
    drop table authority_types;
    delete from authorities where gss_code in (${list(added)});
    update authorities set valid_from = null where gss_code in (${list(current.map((c) => c.gssCode))});
    update authorities set name = 'Northamptonshire', type = 'county council', region = 'East Midlands',
      valid_from = null, valid_to = '2021-03-31', successor_gss_code = 'E06000061'
      where gss_code = ${literal(northamptonshire)};
    `,
  );
}
