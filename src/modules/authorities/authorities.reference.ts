// Reads the Department for Education's list of upper-tier authorities shipped in
// data/reference. The authority type comes from the ONS GSS code's entity prefix.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const authoritiesFile = new URL('../../../data/reference/upper_tier_las_england.csv', import.meta.url);

export const authorityTypes = [
  'county council',
  'unitary authority',
  'metropolitan borough',
  'London borough',
  'City of London',
] as const;
export type AuthorityType = (typeof authorityTypes)[number];

const gssPrefixTypes: Record<string, AuthorityType> = {
  E06: 'unitary authority',
  E08: 'metropolitan borough',
  E09: 'London borough',
  E10: 'county council',
};

export function authorityTypeOf(gssCode: string): AuthorityType {
  if (gssCode === 'E09000001') return 'City of London';
  const type = gssPrefixTypes[gssCode.slice(0, 3)];
  if (!type) throw new Error(`${gssCode} is not the GSS code of an English upper-tier authority`);
  return type;
}

const rowSchema = z.looseObject({
  dfe_la_code: z.string().regex(/^\d{3}$/),
  la_name: z.string().min(1),
  gss_code: z.string().regex(/^E\d{8}$/),
  region: z.string().min(1),
});

export interface ReferenceAuthority {
  gssCode: string;
  dfeCode: string;
  name: string;
  type: AuthorityType;
  region: string;
}
export interface ReferenceNeighbour {
  gssCode: string;
  rank: number;
  neighbourGssCode: string;
  closeness: string;
}

// The DfE list spells a few names its own way; the directory uses the councils' names.
const names: Record<string, string> = { 'Isles Of Scilly': 'Isles of Scilly' };

export async function readAuthoritiesReference(): Promise<{
  authorities: ReferenceAuthority[];
  neighbours: ReferenceNeighbour[];
}> {
  const rows = parse(await readFile(authoritiesFile, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as unknown[];
  const parsed = rows.map(
    (row) => rowSchema.parse(row) as z.infer<typeof rowSchema> & Record<string, string>,
  );
  const gssByDfe = new Map(parsed.map((row) => [row.dfe_la_code, row.gss_code]));
  const authorities = parsed.map((row) => ({
    gssCode: row.gss_code,
    dfeCode: row.dfe_la_code,
    name: names[row.la_name] ?? row.la_name,
    type: authorityTypeOf(row.gss_code),
    region: row.region,
  }));
  const neighbours: ReferenceNeighbour[] = [];
  for (const row of parsed) {
    for (let rank = 1; rank <= 10; rank++) {
      const neighbourGssCode = gssByDfe.get(row[`sn${rank}_code`] ?? '');
      if (!neighbourGssCode) continue; // a neighbour outside the list (none today) is left out
      neighbours.push({
        gssCode: row.gss_code,
        rank,
        neighbourGssCode,
        closeness: row[`sn${rank}_closeness`] ?? '',
      });
    }
  }
  return { authorities, neighbours };
}

// Councils over time: the councils abolished or reorganised since 2009 and each council's type
// over its life (data/reference/README.md names the sources).
export const formerAuthoritiesFile = new URL(
  '../../../data/reference/former_authorities.csv',
  import.meta.url,
);
export const authorityTypesFile = new URL('../../../data/reference/authority_types.csv', import.meta.url);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2009-03-31');
const optionalDate = z
  .string()
  .transform((value) => value || null)
  .pipe(isoDate.nullable());
const gssCode = z.string().regex(/^E\d{8}$/);

const formerRowSchema = z.object({
  gss_code: gssCode,
  name: z.string().min(1),
  type: z.enum(authorityTypes),
  region: z.string().min(1),
  valid_from: optionalDate,
  valid_to: isoDate,
  successor_gss_codes: z
    .string()
    .transform((value) => value.split(';').map((code) => code.trim()))
    .pipe(z.array(gssCode).min(1)),
  continuing_gss_code: z
    .string()
    .transform((value) => value || null)
    .pipe(gssCode.nullable()),
  source: z.string().min(1),
});

const typeRowSchema = z.object({
  gss_code: gssCode,
  type: z.enum(authorityTypes),
  valid_from: optionalDate,
  valid_to: optionalDate,
});

export interface FormerAuthority {
  gssCode: string;
  name: string;
  type: AuthorityType;
  region: string;
  validFrom: string | null;
  validTo: string;
  successorGssCodes: string[];
  /** The successor that is the same council under a new code (it became unitary). */
  continuingGssCode: string | null;
  source: string;
}
export interface ReferenceTypePeriod {
  gssCode: string;
  type: AuthorityType;
  validFrom: string | null;
  validTo: string | null;
}

async function readCsv(file: URL): Promise<unknown[]> {
  return parse(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true }) as unknown[];
}

export async function readAuthorityHistory(): Promise<{
  former: FormerAuthority[];
  periods: ReferenceTypePeriod[];
}> {
  const former = (await readCsv(formerAuthoritiesFile)).map((row, i) => {
    const parsed = formerRowSchema.safeParse(row);
    if (!parsed.success)
      throw new Error(`former_authorities.csv line ${i + 2}: ${z.prettifyError(parsed.error)}`);
    const r = parsed.data;
    if (r.continuing_gss_code && !r.successor_gss_codes.includes(r.continuing_gss_code))
      throw new Error(`former_authorities.csv line ${i + 2}: the continuing council is not a successor`);
    return {
      gssCode: r.gss_code,
      name: r.name,
      type: r.type,
      region: r.region,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      successorGssCodes: r.successor_gss_codes,
      continuingGssCode: r.continuing_gss_code,
      source: r.source,
    };
  });
  const periods = (await readCsv(authorityTypesFile)).map((row, i) => {
    const parsed = typeRowSchema.safeParse(row);
    if (!parsed.success)
      throw new Error(`authority_types.csv line ${i + 2}: ${z.prettifyError(parsed.error)}`);
    const r = parsed.data;
    return { gssCode: r.gss_code, type: r.type, validFrom: r.valid_from, validTo: r.valid_to };
  });
  return { former, periods };
}
