// The directory of English upper-tier local authorities: reference data with no tenant,
// read-only to the application. Loaded from the Department for Education's lists shipped in
// data/reference (153 authorities as of April 2023, with their 10 statistical neighbours).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { readAuthoritiesReference } from '../modules/authorities/index.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table authorities (
      gss_code text primary key check (gss_code ~ '^E[0-9]{8}$'),
      dfe_code text unique,
      name text not null,
      type text not null check (type in ('county council', 'unitary authority', 'metropolitan borough', 'London borough', 'City of London')),
      region text not null,
      valid_from date,
      valid_to date,
      successor_gss_code text references authorities (gss_code)
    );
    create index authorities_name on authorities (lower(name));
    create table authority_neighbours (
      gss_code text not null references authorities (gss_code) on delete cascade,
      rank integer not null check (rank between 1 and 10),
      neighbour_gss_code text not null references authorities (gss_code),
      closeness text not null,
      primary key (gss_code, rank)
    );
    grant select on authorities, authority_neighbours to cooperate_app;
    `,
  );
  const { authorities, neighbours } = await readAuthoritiesReference();
  const literal = (value: string | null) => (value === null ? 'null' : `'${value.replaceAll("'", "''")}'`);
  await runSql(
    db,
    `insert into authorities (gss_code, dfe_code, name, type, region) values ${authorities
      .map((a) => `(${[a.gssCode, a.dfeCode, a.name, a.type, a.region].map(literal).join(', ')})`)
      .join(',\n')};
     insert into authority_neighbours (gss_code, rank, neighbour_gss_code, closeness) values ${neighbours
       .map(
         (n) => `(${literal(n.gssCode)}, ${n.rank}, ${literal(n.neighbourGssCode)}, ${literal(n.closeness)})`,
       )
       .join(',\n')};`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table authority_neighbours; drop table authorities;`);
}
