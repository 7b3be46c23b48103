// Loads checked seed files through the same services users go through, so that the rules
// and the audit trail apply. Idempotent: a second run changes nothing that is already so.
import { systemCaller } from '../platform/http/auth.ts';
import { RuleViolation } from '../platform/http/validation.ts';
import type { Services } from '../services.ts';
import type { ParsedSeed } from './seed.reader.ts';
import type { SeedFile } from './seed.schema.ts';
import { importStructure, type StructureReport } from './seed.structure.ts';
import { importMeetings } from './seed.meetings.ts';
import { importPlans } from './seed.plans.ts';
import { importResources } from './seed.resources.ts';

export interface ImportReport extends StructureReport {
  meetings: number;
  file: string;
  partnership: string;
  outcome: 'created' | 'updated' | 'unchanged';
  plans: number;
}

async function importPartnership(
  services: Services,
  file: string,
  seed: SeedFile,
): Promise<{ id: string; outcome: ImportReport['outcome'] }> {
  const wanted = { ...seed.partnership, authorityGssCode: seed.authority.gssCode };
  const caller = systemCaller(`seed import (${file})`);
  const existing = await services.partnerships.bySlug(wanted.slug);
  if (!existing) return { id: (await services.partnerships.create(caller, wanted)).id, outcome: 'created' };
  const same =
    existing.name === wanted.name &&
    existing.authorityGssCode === wanted.authorityGssCode &&
    existing.established === (wanted.established ?? null) &&
    existing.status === wanted.status &&
    existing.published === wanted.published;
  if (!same)
    await services.partnerships.update({ ...caller, partnershipId: existing.id }, existing.id, wanted);
  return { id: existing.id, outcome: same ? 'unchanged' : 'updated' };
}

export async function importSeeds(services: Services, seeds: ParsedSeed[]): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const { file, seed } of seeds) {
    try {
      const partnership = await importPartnership(services, file, seed);
      const caller = systemCaller(`seed import (${file})`, partnership.id);
      const structure = await importStructure(services, caller, seed);
      const meetings = await importMeetings(services, caller, seed);
      const plans = await importPlans(services, caller, seed.plans);
      const resources = await importResources(services, caller, seed.resources);
      const changed =
        Object.values(structure).some((count) => count > 0) || meetings > 0 || plans > 0 || resources > 0;
      const outcome = partnership.outcome === 'unchanged' && changed ? 'updated' : partnership.outcome;
      reports.push({ file, partnership: seed.partnership.slug, outcome, ...structure, meetings, plans });
    } catch (error) {
      if (error instanceof RuleViolation) throw new Error(`${file}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  return reports;
}
