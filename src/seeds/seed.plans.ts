// Plans written as data in a seed file: the plan, its evidence base, its priorities (mapped to
// the outcomes of its framework by code: Every Child Matters unless the plan names another;
// owned by a body of the file) and their actions,
// loaded through the plans service. Idempotent: a plan whose short name exists is left as it is.
import { z } from 'zod';
import type { Caller } from '../platform/http/auth.ts';
import type { Services } from '../services.ts';
import { partialIsoDate } from '../platform/http/date-input.ts';
import {
  actionStatusValues,
  frameworkValues,
  outcomeFrameworks,
  evidenceKindValues,
  planKindValues,
  planStatusValues,
  recurrenceValues,
} from '../modules/plans/index.ts';

const key = z.string().regex(/^[a-z0-9-]+$/, 'A key is lower-case letters, numbers and hyphens');
const day = z.iso.date({ error: 'A date like 2009-09-14' });

const action = z
  .strictObject({
    text: z.string().min(1),
    /** The body that leads it, by its slug in this file. */
    leadBody: key,
    due: day.optional(),
    recurs: z.strictObject({ every: z.enum(recurrenceValues), from: day, until: day.optional() }).optional(),
    status: z.enum(actionStatusValues).default('not started'),
    note: z.string().optional(),
  })
  .refine((value) => !(value.due && value.recurs), 'An action is due by a date or recurs, not both');

export const planSeedSchema = z
  .strictObject({
    slug: key,
    title: z.string().min(1),
    kind: z.enum(planKindValues),
    startsOn: day,
    endsOn: day,
    status: z.enum(planStatusValues),
    /** The seeds' plans are of their time: Every Child Matters unless a plan says otherwise. */
    framework: z.enum(frameworkValues).default('every-child-matters'),
    vision: z.string().min(1).optional(),
    resourcing: z.string().min(1).optional(),
    evidence: z
      .array(
        z.strictObject({
          kind: z.enum(evidenceKindValues),
          title: z.string().min(1),
          dated: partialIsoDate('The date').optional(),
        }),
      )
      .default([]),
    priorities: z
      .array(
        z.strictObject({
          title: z.string().min(1),
          outcomes: z.array(z.string().min(1)).default([]),
          owner: key.optional(),
          actions: z.array(action).default([]),
          note: z.string().optional(),
        }),
      )
      .default([]),
    /** Versions after the first, by their note ("Updated 2009"), recorded once the plan is loaded. */
    versions: z.array(z.string().min(1)).default([]),
    note: z.string().optional(),
  })
  .superRefine((plan, context) => {
    const codes: readonly { code: string }[] = outcomeFrameworks[plan.framework].entries;
    plan.priorities.forEach((priority, index) =>
      priority.outcomes.forEach((code, at) => {
        if (!codes.some((entry) => entry.code === code))
          context.addIssue({
            code: 'custom',
            path: ['priorities', index, 'outcomes', at],
            message: `${code} is not an outcome of ${outcomeFrameworks[plan.framework].title}: use ${codes.map((entry) => entry.code).join(', ')}`,
          });
      }),
    );
  });
export type PlanSeed = z.infer<typeof planSeedSchema>;

/** The body slugs a seed's plans name, for the file's cross-reference check. */
export function bodiesNamedByPlans(plans: PlanSeed[]): { path: (string | number)[]; slug: string }[] {
  return plans.flatMap((plan, pi) =>
    plan.priorities.flatMap((priority, ri) => [
      ...(priority.owner ? [{ path: ['plans', pi, 'priorities', ri, 'owner'], slug: priority.owner }] : []),
      ...priority.actions.map((a, ai) => ({
        path: ['plans', pi, 'priorities', ri, 'actions', ai, 'leadBody'],
        slug: a.leadBody,
      })),
    ]),
  );
}

export async function importPlans(services: Services, caller: Caller, plans: PlanSeed[]): Promise<number> {
  if (!plans.length) return 0;
  const bodies = new Map((await services.bodies.list(caller)).map((body) => [body.slug, body.id]));
  let added = 0;
  for (const seed of plans) {
    if (await services.plans.bySlug(caller, seed.slug)) continue;
    await services.plans.create(caller, {
      slug: seed.slug,
      title: seed.title,
      kind: seed.kind,
      startsOn: seed.startsOn,
      endsOn: seed.endsOn,
      status: seed.status,
      vision: seed.vision ?? null,
      resourcing: seed.resourcing ?? null,
      framework: seed.framework,
    });
    for (const evidence of seed.evidence) await services.plans.addEvidence(caller, seed.slug, evidence);
    const outcomes = new Map(
      (await services.plans.bySlug(caller, seed.slug))!.outcomes.map((outcome) => [outcome.code, outcome.id]),
    );
    for (const priority of seed.priorities) {
      const priorityId = await services.plans.addPriority(caller, seed.slug, {
        title: priority.title,
        ownerBodyId: priority.owner ? bodies.get(priority.owner) : undefined,
        outcomeIds: priority.outcomes.map((code) => outcomes.get(code)!),
        indicatorIds: [],
      });
      for (const action of priority.actions)
        await services.plans.addAction(caller, seed.slug, priorityId, {
          text: action.text,
          leadKind: 'body',
          leadId: bodies.get(action.leadBody)!,
          partnerIds: [],
          dueOn: action.due,
          recurrence: action.recurs?.every,
          recursFrom: action.recurs?.from,
          recursUntil: action.recurs?.until,
          status: action.status,
        });
    }
    for (const note of seed.versions) await services.plans.recordVersion(caller, seed.slug, note);
    added += 1;
  }
  return added;
}
