import { Router } from 'express';
import { callerOf } from '../../platform/http/auth.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { validate } from '../../platform/http/validation.ts';
import { datedAt, partialOf } from '../../platform/http/date-input.ts';
import type { BodiesService } from './bodies.service.ts';
import { atDateQuery } from './bodies.schemas.ts';
import { isExternal, type BodyKind, type FocusType } from './bodies.vocabulary.ts';
import type { StructureJson, cadenceRuleJson } from './bodies.api.schemas.ts';
import type { z } from 'zod';
import { keptAnswer } from '../../platform/http/kept-pages.ts';

export function atDate(query: unknown): string | undefined {
  const checked = validate(atDateQuery, query);
  if (!checked.ok) throw badRequest('The date is not valid.', checked.problems);
  return checked.value.at ? datedAt(checked.value.at).date : undefined;
}

/** GET /api/v1/partnerships/{slug}/bodies?at=YYYY-MM-DD: the structure on a date. */
export function bodiesApi(bodies: BodiesService): Router {
  const router = Router({ mergeParams: true });
  router.get(
    '/bodies',
    keptAnswer('structure answer', { by: ['date'] }, async (req) => {
      const date = atDate(req.query);
      const structure = await bodies.structure(callerOf(req), date);
      const slugs = new Map(structure.bodies.map((entry) => [entry.body.id, entry.body.slug]));
      const answer: StructureJson = {
        at: structure.date,
        count: structure.bodies.length,
        items: structure.bodies.map((entry) => ({
          slug: entry.body.slug,
          name: entry.name,
          // the forms and seed files hold kinds to the vocabulary
          kind: entry.body.kind as BodyKind,
          external: isExternal(entry.body.kind),
          status: entry.status,
          since: entry.since?.effectiveOn ?? null,
          takesDecisions: entry.body.takesDecisions,
          focus: entry.body.focusType
            ? { type: entry.body.focusType as FocusType, value: entry.body.focus }
            : null,
          area: entry.body.area,
          runsFrom: entry.body.startsOn && partialOf(entry.body.startsOn, entry.body.startsPrecision),
          runsUntil: entry.body.endsOn && partialOf(entry.body.endsOn, entry.body.endsPrecision),
          membershipCap: entry.body.membershipCap,
          attendanceThreshold: entry.body.attendanceThreshold,
          cadenceRules: (entry.body.cadenceRules ?? []) as z.output<typeof cadenceRuleJson>[],
          quorumRule: entry.body.quorumRule,
          relationships: structure.relationships
            .filter((r) => r.fromBodyId === entry.body.id)
            .map((r) => ({
              kind: r.kind,
              to: slugs.get(r.toBodyId),
              startsOn: r.startsOn,
              endsOn: r.endsOn,
            })),
        })),
      };
      return answer;
    }),
  );
  return router;
}
