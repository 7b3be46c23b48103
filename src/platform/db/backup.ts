// Backup and restore, and moving one partnership between installations (ADR 0039), on either
// engine, in SQL through the connection the product already has: no pg_dump (whose version
// must match the server's) and no access to the embedded database's files (a running server
// holds them). A backup is one repeatable-read, read-only transaction, so it is consistent while
// the server runs: every table of the `public` schema, row by row as `row_to_json` text (which
// the restore gives back to `json_populate_recordset`, so bytea, arrays, json, times and
// floats come back exactly), the sequences, and the background jobs waiting or under way, to
// be sent again. The file is gzip'd lines, `<kind>\t<json>`, ending with the row counts and a
// SHA-256 of everything before, which a restore checks before it writes anything.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';

export const backupFormat = 'cooperate-backup';
const backupVersion = 1;

/** A backup or move refused before anything was written: the message says why. */
export class BackupRefused extends Error {}

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  /** Everything, or one partnership with the users its rows name. */
  kind: 'full' | 'partnership';
  createdAt: string;
  engine: string;
  /** The migrations the database had: a restore needs the same schema. */
  migrations: string[];
  partnership?: { id: string; slug: string; name: string };
}

export interface PendingJob {
  name: string;
  data: unknown;
  singletonKey: string | null;
  priority: number;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  jobs: number;
  bytes?: number;
}

interface TableInfo {
  name: string;
  /** Columns a row is written and read with (generated columns are left out). */
  columns: string[];
  identity: string[];
  bytea: boolean;
  tenant: boolean;
}

interface ForeignKey {
  table: string;
  references: string;
  columns: string[];
  referenced: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

async function tablesOf(client: pg.PoolClient): Promise<TableInfo[]> {
  const { rows } = await client.query<{
    name: string;
    columns: string[];
    identity: string[] | null;
    bytea: boolean;
  }>(`
    select c.relname as name,
           array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated = '') as columns,
           array_agg(a.attname::text order by a.attnum) filter (where a.attidentity <> '') as identity,
           bool_or(a.atttypid = 'bytea'::regtype) as bytea
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     group by c.relname
     order by c.relname`);
  return rows.map((row) => ({
    name: row.name,
    columns: row.columns,
    identity: row.identity ?? [],
    bytea: row.bytea,
    tenant: row.columns.includes('partnership_id'),
  }));
}

async function foreignKeys(client: pg.PoolClient): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(`
    select t.relname as "table", r.relname as "references",
           array(select attname::text from unnest(k.conkey) with ordinality u(n, i)
                   join pg_attribute on attrelid = k.conrelid and attnum = u.n order by u.i) as columns,
           array(select attname::text from unnest(k.confkey) with ordinality u(n, i)
                   join pg_attribute on attrelid = k.confrelid and attnum = u.n order by u.i) as referenced
      from pg_constraint k
      join pg_class t on t.oid = k.conrelid
      join pg_class r on r.oid = k.confrelid
     where k.contype = 'f' and k.connamespace = 'public'::regnamespace`);
  return rows;
}

/** Tables in an order where every table comes after those it refers to. */
function inDependencyOrder(tables: TableInfo[], keys: ForeignKey[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name) || !byName.has(name)) return;
    path.add(name);
    for (const key of keys) if (key.table === name && key.references !== name) visit(key.references, path);
    path.delete(name);
    placed.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const table of tables) visit(table.name, new Set());
  return ordered;
}

/** Backup and restore read and write every partnership's rows: only past row-level security. */
async function assertBypassesRowSecurity(client: pg.PoolClient, what: string): Promise<void> {
  const { rows } = await client.query<{ bypass: boolean; role: string }>(
    `select rolsuper or rolbypassrls as bypass, current_user as role from pg_roles where rolname = current_user`,
  );
  if (!rows[0]?.bypass)
    throw new BackupRefused(
      `${what} reads or writes every partnership's rows, which row-level security keeps from the role ${rows[0]?.role ?? '(unknown)'}. ` +
        'Run it as a role that bypasses row-level security (a superuser, or a role given BYPASSRLS): ' +
        'set DATABASE_URL for this command to such a role.',
    );
  await client.query('set local row_security = off');
}

async function appliedMigrations(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ found: boolean }>(
    `select to_regclass('public.kysely_migration') is not null as found`,
  );
  if (!rows[0]?.found) return [];
  return (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map(
    (row) => row.name,
  );
}

/** Writes lines to a gzip'd file named FILE only once complete (a partial file never is). */
class BackupWriter {
  readonly #gzip = createGzip();
  readonly #hash = createHash('sha256');
  readonly #partial: string;
  readonly #file: string;
  readonly #out: ReturnType<typeof createWriteStream>;
  readonly #done: Promise<void>;
  rows = 0;
  tables = 0;
  jobs = 0;

  constructor(file: string) {
    this.#file = file;
    this.#partial = `${file}.partial-${process.pid}`;
    const out = createWriteStream(this.#partial, { mode: 0o600 });
    this.#out = out;
    this.#gzip.pipe(out);
    this.#done = finished(out);
    this.#done.catch(() => undefined);
  }

  async line(kind: string, json: string): Promise<void> {
    const line = `${kind}\t${json}\n`;
    this.#hash.update(line);
    if (!this.#gzip.write(line)) await once(this.#gzip, 'drain');
  }

  async finish(): Promise<void> {
    const end = { tables: this.tables, rows: this.rows, jobs: this.jobs, sha256: this.#hash.digest('hex') };
    this.#gzip.end(`E\t${JSON.stringify(end)}\n`);
    await this.#done;
    renameSync(this.#partial, this.#file);
  }

  async abandon(): Promise<void> {
    this.#gzip.destroy();
    this.#out.destroy();
    await this.#done.catch(() => undefined);
    rmSync(this.#partial, { force: true });
  }
}

async function dumpTable(
  client: pg.PoolClient,
  out: BackupWriter,
  table: TableInfo,
  where = '',
): Promise<void> {
  await out.line('T', JSON.stringify({ table: table.name, columns: table.columns }));
  out.tables++;
  const columns = table.columns.map(ident).join(', ');
  await client.query(
    `declare cooperate_backup no scroll cursor for
       select row_to_json(r)::text as row from (select ${columns} from only ${ident(table.name)} ${where}) r`,
  );
  // a table of files (papers, packs) a few rows at a time, others in thousands
  const batch = table.bytea ? 10 : 2000;
  for (;;) {
    const { rows } = await client.query<{ row: string }>(`fetch forward ${batch} from cooperate_backup`);
    for (const { row } of rows) await out.line('R', row);
    out.rows += rows.length;
    if (rows.length < batch) break;
  }
  await client.query('close cooperate_backup');
}

async function dumpJobs(client: pg.PoolClient, out: BackupWriter, partnershipId?: string): Promise<void> {
  const { rows: found } = await client.query<{ found: boolean }>(
    `select to_regclass('pgboss.job') is not null as found`,
  );
  if (!found[0]?.found) return;
  const { rows } = await client.query<{ job: string }>(
    `select json_build_object('name', name, 'data', data, 'singletonKey', singleton_key, 'priority', priority)::text as job
       from pgboss.job
      where state < 'completed' and ($1::text is null or data ->> 'partnershipId' = $1)
      order by created_on`,
    [partnershipId ?? null],
  );
  for (const { job } of rows) await out.line('J', job);
  out.jobs += rows.length;
}

/** Runs `work` in one transaction (begun by `begin`) past row-level security. */
async function pastRowSecurity<T>(
  pool: pg.Pool,
  begin: string,
  what: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    try {
      await assertBypassesRowSecurity(client, what);
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

/** Runs `work` in one repeatable-read, read-only transaction past row-level security. */
const inSnapshot = <T>(pool: pg.Pool, what: string, work: (client: pg.PoolClient) => Promise<T>) =>
  pastRowSecurity(pool, 'begin isolation level repeatable read read only', what, work);

/** Writes the whole database to FILE (consistent while the server runs). */
export async function writeBackup(pool: pg.Pool, engine: string, file: string): Promise<BackupSummary> {
  const out = new BackupWriter(file);
  try {
    await inSnapshot(pool, 'A backup', async (client) => {
      const header: BackupHeader = {
        format: backupFormat,
        version: backupVersion,
        kind: 'full',
        createdAt: new Date().toISOString(),
        engine,
        migrations: await appliedMigrations(client),
      };
      await out.line('H', JSON.stringify(header));
      for (const table of inDependencyOrder(await tablesOf(client), await foreignKeys(client)))
        await dumpTable(client, out, table);
      const { rows: sequences } = await client.query<{ sequence: string }>(
        `select json_build_object('name', format('%I.%I', schemaname, sequencename), 'value', last_value)::text as sequence
           from pg_sequences where schemaname = 'public'`,
      );
      for (const { sequence } of sequences) await out.line('S', sequence);
      await dumpJobs(client, out);
    });
    await out.finish();
  } catch (error) {
    await out.abandon();
    throw error;
  }
  return { tables: out.tables, rows: out.rows, jobs: out.jobs };
}

/** Writes one partnership (by slug) with the users its rows name to FILE. */
export async function writePartnership(
  pool: pg.Pool,
  engine: string,
  slug: string,
  file: string,
): Promise<BackupSummary & { name: string }> {
  const out = new BackupWriter(file);
  let name = '';
  try {
    await inSnapshot(pool, 'An export', async (client) => {
      const { rows } = await client.query<{ id: string; slug: string; name: string }>(
        'select id, slug, name from partnerships where slug = $1',
        [slug],
      );
      const partnership = rows[0];
      if (!partnership) throw new BackupRefused(`There is no partnership ${slug}`);
      if (!isUuid(partnership.id)) throw new BackupRefused(`The partnership ${slug} has an unexpected id`);
      name = partnership.name;
      const header: BackupHeader = {
        format: backupFormat,
        version: backupVersion,
        kind: 'partnership',
        createdAt: new Date().toISOString(),
        engine,
        migrations: await appliedMigrations(client),
        partnership,
      };
      await out.line('H', JSON.stringify(header));
      const tables = await tablesOf(client);
      const keys = await foreignKeys(client);
      const own = `where partnership_id = '${partnership.id}'`;
      // the users its rows refer to (members, authors, the audit trail's actors), for the
      // receiving installation to match by e-mail address or create
      const userRefs = keys.filter(
        (key) =>
          key.references === 'users' &&
          key.columns.length === 1 &&
          tables.find((table) => table.name === key.table)?.tenant,
      );
      const users = tables.find((table) => table.name === 'users')!;
      await dumpTable(
        client,
        out,
        users,
        `where id in (${userRefs
          .map((key) => `select ${ident(key.columns[0]!)} from ${ident(key.table)} ${own}`)
          .join(' union ')})`,
      );
      await dumpTable(
        client,
        out,
        tables.find((table) => table.name === 'partnerships')!,
        `where id = '${partnership.id}'`,
      );
      for (const table of inDependencyOrder(tables, keys))
        if (table.tenant) await dumpTable(client, out, table, own);
      await dumpJobs(client, out, partnership.id);
    });
    await out.finish();
  } catch (error) {
    await out.abandon();
    throw error;
  }
  return { tables: out.tables, rows: out.rows, jobs: out.jobs, name };
}

type Line = [kind: string, json: string];

async function* linesOf(file: string): AsyncGenerator<Line> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  for await (const line of reader) {
    const tab = line.indexOf('\t');
    yield [line.slice(0, tab), line.slice(tab + 1)];
  }
}

/** Reads FILE once through: its header, if the file is whole (counts and checksum) and ours. */
export async function checkBackup(file: string): Promise<BackupHeader & BackupSummary> {
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  const counted = { tables: 0, rows: 0, jobs: 0 };
  let end: (BackupSummary & { sha256: string }) | undefined;
  try {
    for await (const [kind, json] of linesOf(file)) {
      if (end) throw new BackupRefused(`${file} goes on after its end`);
      if (kind === 'E') {
        end = JSON.parse(json) as BackupSummary & { sha256: string };
        continue;
      }
      hash.update(`${kind}\t${json}\n`);
      if (kind === 'H') header = JSON.parse(json) as BackupHeader;
      else if (kind === 'T') counted.tables++;
      else if (kind === 'R') counted.rows++;
      else if (kind === 'J') counted.jobs++;
    }
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`${file} cannot be read as a Cooperate backup (${(error as Error).message})`);
  }
  if (header?.format !== backupFormat || header.version !== backupVersion)
    throw new BackupRefused(`${file} is not a Cooperate backup this version can read`);
  if (
    !end ||
    end.sha256 !== hash.digest('hex') ||
    end.rows !== counted.rows ||
    end.tables !== counted.tables ||
    end.jobs !== counted.jobs
  )
    throw new BackupRefused(
      `${file} is incomplete or damaged (its counts or checksum do not match): nothing was restored`,
    );
  return { ...header, ...counted };
}

interface LoadOptions {
  /** Leave identity columns out (new numbers): a partnership moved into a database in use. */
  newIdentities: boolean;
  /** Rewrites a row's text before it is written (user ids matched by e-mail address). */
  rewrite?: (table: string, row: string) => string | null;
  skip?: Set<string>;
}

/**
 * Writes the rows of FILE's tables (in the file's order, which is the tables' dependency
 * order) in the caller's transaction. A table that refers to itself (an organisation's
 * successor) is written in one statement: PostgreSQL checks its foreign keys at the
 * statement's end, whatever the rows' order. Returns the jobs to send again.
 */
async function loadRows(
  client: pg.PoolClient,
  file: string,
  options: LoadOptions,
): Promise<{
  tables: number;
  rows: number;
  jobs: PendingJob[];
  sequences: { name: string; value: number | null }[];
}> {
  const tables = new Map((await tablesOf(client)).map((table) => [table.name, table]));
  const selfKeys = (await foreignKeys(client)).filter((key) => key.table === key.references);
  const jobs: PendingJob[] = [];
  const sequences: { name: string; value: number | null }[] = [];
  let current: { table: TableInfo; columns: string[]; self: ForeignKey[] } | undefined;
  let batch: string[] = [];
  let batchBytes = 0;
  let rows = 0;
  let count = 0;

  const flush = async () => {
    if (!current || !batch.length) return;
    const list = batch.join(',');
    const columns = current.columns.map(ident).join(', ');
    const overriding =
      !options.newIdentities && current.table.identity.length ? 'overriding system value' : '';
    await client.query(
      `insert into ${ident(current.table.name)} (${columns}) ${overriding}
         select ${columns} from json_populate_recordset(null::${ident(current.table.name)}, $1::json)`,
      [`[${list}]`],
    );
    rows += batch.length;
    batch = [];
    batchBytes = 0;
  };

  for await (const [kind, json] of linesOf(file)) {
    if (kind === 'T') {
      await flush();
      const { table: name, columns } = JSON.parse(json) as { table: string; columns: string[] };
      const table = tables.get(name);
      if (options.skip?.has(name)) {
        current = undefined;
        continue;
      }
      if (!table || columns.some((column) => !table.columns.includes(column)))
        throw new BackupRefused(`The table ${name} here is not as it was in the backup: nothing was written`);
      count++;
      current = {
        table,
        columns: columns.filter((column) => !(options.newIdentities && table.identity.includes(column))),
        self: selfKeys.filter((key) => key.table === name),
      };
    } else if (kind === 'R') {
      if (!current) continue;
      const row = options.rewrite ? options.rewrite(current.table.name, json) : json;
      if (row === null) continue;
      batch.push(row);
      batchBytes += row.length;
      // a self-referring table is ordered whole; others go in batches of a few megabytes
      if (!current.self.length && (batchBytes > 4_000_000 || batch.length >= 1000)) await flush();
    } else if (kind === 'S') {
      await flush();
      sequences.push(JSON.parse(json) as { name: string; value: number | null });
    } else if (kind === 'J') {
      jobs.push(JSON.parse(json) as PendingJob);
    }
  }
  await flush();
  return { tables: count, rows, jobs, sequences };
}

/** An audit row written with a plain client (restore and import work below the services). */
export async function auditRow(
  client: pg.PoolClient,
  change: {
    partnershipId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    summary: string;
    after?: unknown;
  },
): Promise<void> {
  await client.query(
    `insert into audit_events (partnership_id, actor_user_id, actor_label, action, entity_type, entity_id, summary, after)
     values ($1, null, 'command line', $2, $3, $4, $5, $6)`,
    [
      change.partnershipId,
      change.action,
      change.entityType,
      change.entityId,
      change.summary,
      change.after === undefined ? null : JSON.stringify(change.after),
    ],
  );
}

/** Whether the database holds anything of its users' (users, partnerships). */
async function holdsData(client: pg.PoolClient): Promise<{ users: number; partnerships: number }> {
  const count = async (table: string) => {
    const { rows } = await client.query<{ found: boolean }>(`select to_regclass($1) is not null as found`, [
      `public.${table}`,
    ]);
    if (!rows[0]?.found) return 0;
    // counted past row-level security, as the restore writes (a role that cannot is refused there)
    await client.query('begin');
    try {
      await client.query('set local row_security = off');
      return (await client.query<{ n: number }>(`select count(*)::int as n from ${ident(table)}`)).rows[0]!.n;
    } catch {
      return 0;
    } finally {
      await client.query('rollback');
    }
  };
  return { users: await count('users'), partnerships: await count('partnerships') };
}

/** Runs `work` in one read-write transaction past row-level security. */
const inWriteTransaction = <T>(pool: pg.Pool, what: string, work: (client: pg.PoolClient) => Promise<T>) =>
  pastRowSecurity(pool, 'begin', what, work);

export interface RestorePlan {
  /** Bring the schema to the backup's migrations (applied before the rows are written). */
  migrateTo(name: string): Promise<void>;
}

/**
 * Replaces everything in the database with FILE's rows (checked first with `checkBackup`).
 * Refuses a database that holds users or partnerships unless `force`. The schema is brought to
 * the backup's migrations first; the caller applies the newer ones afterwards and sends the
 * returned jobs again.
 */
export async function restoreBackup(
  pool: pg.Pool,
  file: string,
  header: BackupHeader,
  options: {
    force: boolean;
    knownMigrations: string[];
    plan: RestorePlan;
    audit: (client: pg.PoolClient) => Promise<void>;
  },
): Promise<BackupSummary & { jobList: PendingJob[] }> {
  if (header.kind !== 'full')
    throw new BackupRefused(`${file} holds one partnership, not a whole database: use import-partnership`);
  const { migrations } = header;
  const known = options.knownMigrations;
  if (!migrations.length || migrations.some((name, index) => known[index] !== name))
    throw new BackupRefused(
      `${file} was made by another version of Cooperate (its migrations end at ${migrations.at(-1) ?? 'nothing'}): restore it with that version, then upgrade`,
    );
  const client = await pool.connect();
  let before: string[];
  let held: { users: number; partnerships: number };
  try {
    before = await appliedMigrations(client);
    held = await holdsData(client);
  } finally {
    client.release();
  }
  if ((held.users || held.partnerships) && !options.force)
    throw new BackupRefused(
      `The database is not empty (${held.users} user(s), ${held.partnerships} partnership(s)): a restore replaces everything in it. Add --force to do that. Nothing was written.`,
    );
  if (before.join() !== migrations.join()) await options.plan.migrateTo(migrations.at(-1)!);
  return inWriteTransaction(pool, 'A restore', async (client) => {
    const tables = await tablesOf(client);
    await client.query(
      `truncate ${tables.map((table) => ident(table.name)).join(', ')} restart identity cascade`,
    );
    // Triggers (data versions, calendar sequences) would change the rows as they are written:
    // off for the restore, in its transaction, and back on as they were before it commits.
    const { rows: triggers } = await client.query<{ table: string; name: string; enabled: string }>(
      `select c.relname as table, t.tgname as name, t.tgenabled as enabled
         from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and c.relnamespace = 'public'::regnamespace`,
    );
    const triggered = [...new Set(triggers.map((trigger) => trigger.table))];
    for (const table of triggered) await client.query(`alter table ${ident(table)} disable trigger user`);
    const loaded = await loadRows(client, file, { newIdentities: false });
    for (const sequence of loaded.sequences)
      if (sequence.value !== null)
        await client.query('select setval($1::regclass, $2, true)', [sequence.name, sequence.value]);
    for (const trigger of triggers) {
      const how =
        { O: 'enable', A: 'enable always', R: 'enable replica', D: 'disable' }[trigger.enabled] ?? 'enable';
      await client.query(`alter table ${ident(trigger.table)} ${how} trigger ${ident(trigger.name)}`);
    }
    await options.audit(client);
    return { tables: loaded.tables, rows: loaded.rows, jobs: loaded.jobs.length, jobList: loaded.jobs };
  });
}

/**
 * Adds the partnership of FILE (written by `writePartnership`) to this database, with the same
 * ids; its users are matched by e-mail address (an existing account is used, its id written
 * into the partnership's rows) or added without platform administration. Refuses a partnership
 * whose slug or id is here already, and a file of another schema.
 */
export async function importPartnership(
  pool: pg.Pool,
  file: string,
  header: BackupHeader,
  options: {
    audit: (client: pg.PoolClient, partnership: { id: string; slug: string; name: string }) => Promise<void>;
  },
): Promise<BackupSummary & { jobList: PendingJob[]; users: { added: number; matched: number } }> {
  const partnership = header.partnership;
  if (header.kind !== 'partnership' || !partnership)
    throw new BackupRefused(`${file} is a whole database's backup, not one partnership: use restore`);
  return inWriteTransaction(pool, 'An import', async (client) => {
    const here = await appliedMigrations(client);
    if (here.join() !== header.migrations.join())
      throw new BackupRefused(
        `${file} was exported at migration ${header.migrations.at(-1)}; this database is at ${here.at(-1) ?? 'nothing'}. Bring both to the same version of Cooperate first. Nothing was written.`,
      );
    const { rows: clash } = await client.query<{ slug: string }>(
      'select slug from partnerships where slug = $1 or id = $2',
      [partnership.slug, partnership.id],
    );
    if (clash.length)
      throw new BackupRefused(
        clash[0]!.slug === partnership.slug
          ? `There is already a partnership ${partnership.slug} here: nothing was written`
          : `This partnership is here already (as ${clash[0]!.slug}): nothing was written`,
      );
    // Users: by e-mail address. The same id where it is free; the existing account's otherwise.
    const renamed = new Map<string, string>();
    const users = { added: 0, matched: 0 };
    const rewrite = (table: string, row: string): string | null => {
      if (table === 'users') return row; // decided below, row by row
      let text = row;
      for (const [from, to] of renamed) text = text.replaceAll(`"${from}"`, `"${to}"`);
      return text;
    };
    // the users' rows come first in the file: read and decide them before loading
    const exported: Record<string, unknown>[] = [];
    let inUsers = false;
    for await (const [kind, json] of linesOf(file)) {
      if (kind === 'T') {
        if (inUsers) break;
        inUsers = (JSON.parse(json) as { table: string }).table === 'users';
      } else if (kind === 'R' && inUsers) exported.push(JSON.parse(json) as Record<string, unknown>);
    }
    const fresh: string[] = [];
    for (const user of exported) {
      const id = String(user.id);
      const { rows: existing } = await client.query<{ id: string }>(
        'select id from users where lower(email) = lower($1)',
        [String(user.email)],
      );
      if (existing[0]) {
        users.matched++;
        if (existing[0].id !== id) renamed.set(id, existing[0].id);
        continue;
      }
      const { rows: taken } = await client.query('select 1 from users where id = $1', [id]);
      const newId = taken.length ? randomUUID() : id;
      if (newId !== id) renamed.set(id, newId);
      // an account made by an import never administers this whole installation
      fresh.push(JSON.stringify({ ...user, id: newId, platform_admin: false }));
      users.added++;
    }
    if (fresh.length) {
      const table = (await tablesOf(client)).find((candidate) => candidate.name === 'users')!;
      const columns = table.columns.map(ident).join(', ');
      await client.query(
        `insert into users (${columns}) select ${columns} from json_populate_recordset(null::users, $1::json)`,
        [`[${fresh.join(',')}]`],
      );
    }
    // the data version is made afresh by the triggers, which stay on: the partnership is
    // added to a database in use, whose other partnerships' rows they keep right
    const loaded = await loadRows(client, file, {
      newIdentities: true,
      skip: new Set(['users', 'partnership_versions']),
      rewrite,
    });
    await options.audit(client, partnership);
    const jobList = loaded.jobs.map((job) => {
      let data = JSON.stringify(job.data);
      for (const [from, to] of renamed) data = data.replaceAll(`"${from}"`, `"${to}"`);
      return { ...job, data: JSON.parse(data) as unknown };
    });
    return {
      tables: loaded.tables + 1,
      rows: loaded.rows + fresh.length,
      jobs: jobList.length,
      jobList,
      users,
    };
  });
}
