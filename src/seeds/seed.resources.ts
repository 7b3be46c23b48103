// Resources written as data in a seed file (issue 21): funds as the document describes them
// and the financial principles of a plan, loaded through the resources service. Only what the
// document gives: a fund with no amount, host, partner or dates has none (never an invented
// figure). Idempotent: a fund whose short name exists, or a plan that already has principles,
// is left as it is.
import { z } from 'zod';
import type { Caller } from '../platform/http/auth.ts';
import type { Services } from '../services.ts';
import { fundKindValues } from '../modules/resources/index.ts';

const key = z.string().regex(/^[a-z0-9-]+$/, 'A key is lower-case letters, numbers and hyphens');

export const resourcesSeedSchema = z
  .strictObject({
    funds: z
      .array(
        z.strictObject({
          slug: key,
          name: z.string().min(1),
          kind: z.enum(fundKindValues),
          purpose: z.string().min(1).optional(),
          /** Where the facts come from, shown on the fund's page. */
          source: z.string().min(1),
          /** Priorities it serves, as "plan-slug position". */
          priorities: z.array(z.string().regex(/^[a-z0-9-]+ \d+$/)).default([]),
        }),
      )
      .default([]),
    principles: z
      .array(
        z.strictObject({
          plan: key,
          source: z.string().min(1),
          statements: z.array(z.string().min(1)).min(1),
        }),
      )
      .default([]),
  })
  .default({ funds: [], principles: [] });
export type ResourcesSeed = z.infer<typeof resourcesSeedSchema>;

export async function importResources(
  services: Services,
  caller: Caller,
  seed: ResourcesSeed,
): Promise<number> {
  if (!seed.funds.length && !seed.principles.length) return 0;
  const existing = await services.resources.all(caller);
  let added = 0;
  for (const fund of seed.funds) {
    if (existing.funds.some((candidate) => candidate.slug === fund.slug)) continue;
    await services.resources.createFund(caller, {
      slug: fund.slug,
      name: fund.name,
      kind: fund.kind,
      hostOrganisationId: null,
      purpose: fund.purpose ?? null,
      agreementDocument: null,
      agreementStartsOn: null,
      agreementEndsOn: null,
      reviewOn: null,
      source: fund.source,
      priorityIds: fund.priorities.map((named) => {
        const [plan, position] = named.split(' ');
        const priority = existing.priorities.find(
          (candidate) => candidate.plan.slug === plan && candidate.position === Number(position),
        );
        if (!priority)
          throw new Error(`The fund ${fund.slug} names ${named}, which is not a priority of the file`);
        return priority.id;
      }),
    });
    added += 1;
  }
  for (const entry of seed.principles) {
    const plan = existing.plans.find((candidate) => candidate.slug === entry.plan);
    if (!plan)
      throw new Error(`Financial principles name the plan ${entry.plan}, which the file does not have`);
    if (existing.principles.some((principle) => principle.planId === plan.id)) continue;
    for (const text of entry.statements)
      await services.resources.addPrinciple(caller, entry.plan, text, entry.source);
    added += 1;
  }
  return added;
}
