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
