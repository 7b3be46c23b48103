// Loads checked seed files through the same services users go through, so that the rules
// and the audit trail apply. Idempotent: a second run changes nothing that is already so.
import { systemCaller } from '../platform/http/auth.ts';
import { RuleViolation } from '../platform/http/validation.ts';
import type { Services } from '../services.ts';
import type { ParsedSeed } from './seed.reader.ts';

export interface ImportReport {
  file: string;
  partnership: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

export async function importSeeds(services: Services, seeds: ParsedSeed[]): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const { file, seed } of seeds) {
    const wanted = { ...seed.partnership, authorityGssCode: seed.authority.gssCode };
    const caller = systemCaller(`seed import (${file})`);
    const existing = await services.partnerships.bySlug(wanted.slug);
    try {
      if (!existing) {
        await services.partnerships.create(caller, wanted);
        reports.push({ file, partnership: wanted.slug, outcome: 'created' });
        continue;
      }
      const same =
        existing.name === wanted.name &&
        existing.authorityGssCode === wanted.authorityGssCode &&
        existing.established === (wanted.established ?? null) &&
        existing.status === wanted.status &&
        existing.published === wanted.published;
      if (!same)
        await services.partnerships.update({ ...caller, partnershipId: existing.id }, existing.id, wanted);
      reports.push({ file, partnership: wanted.slug, outcome: same ? 'unchanged' : 'updated' });
    } catch (error) {
      if (error instanceof RuleViolation) throw new Error(`${file}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  return reports;
}
