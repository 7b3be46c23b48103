import { Router } from 'express';
import { today } from '../../platform/http/date-input.ts';
import { callerOf } from '../../platform/http/auth.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { BodiesService } from '../bodies/index.ts';
import type { MembershipService } from './membership.service.ts';
import type { OrganisationsJson, SeatsJson } from './membership.api.schemas.ts';
import type { HowFilled, Office, Sector, SeatRole } from './membership.vocabulary.ts';

/** Seats (in order, with holders on a date) and organisations, under /api/v1/partnerships/{slug}. */
export function membershipApi(membership: MembershipService, bodies: BodiesService): Router {
  const router = Router({ mergeParams: true });

  router.get('/bodies/:body/seats', async (req, res) => {
    const at = typeof req.query.at === 'string' && req.query.at ? req.query.at : today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(at))
      throw badRequest('The date is not valid.', [
        { path: 'at', message: 'The date must be a date like 2009-09-14' },
      ]);
    const found = await bodies.bySlug(callerOf(req), req.params.body);
    if (!found) throw notFound(`There is no body ${req.params.body}.`);
    const seats = await membership.seats(callerOf(req), found.body.id, at);
    // the forms, imports and seed files hold the words to the vocabulary
    const answer: SeatsJson = {
      body: found.body.slug,
      at,
      count: seats.length,
      items: seats.map((seat) => ({
        position: seat.position,
        label: seat.label,
        role: seat.role as SeatRole,
        voting: seat.voting,
        howFilled: seat.howFilled as HowFilled,
        filledBy: seat.filledBy,
        organisation: seat.organisationName,
        category: seat.category,
        capacity: seat.capacity,
        independent: seat.independent,
        rule: seat.rule,
        startsOn: seat.startsOn,
        endsOn: seat.endsOn,
        office: seat.office as Office | null,
        officeBody: seat.officeBodyName,
        recommended: seat.recommended,
        nomination: seat.nominationBy ? { by: seat.nominationBy, due: seat.nominationDue } : null,
        candidates: seat.candidates,
        holders: seat.holders.map((holder) => ({
          // young people are never named outside the partnership's own pages
          name: holder.youngPerson ? null : holder.personName,
          youngPerson: holder.youngPerson,
          organisation: holder.organisationName,
          organisations: holder.organisationName
            ? [holder.organisationName, ...holder.jointOrganisations.map((joint) => joint.name)]
            : [],
          startsOn: holder.startsOn,
          endsOn: holder.endsOn,
        })),
      })),
    };
    res.json(answer);
  });

  router.get('/organisations', async (req, res) => {
    const list = await membership.organisations(callerOf(req));
    const answer: OrganisationsJson = {
      count: list.length,
      items: list.map(({ name, sector, category }) => ({ name, sector: sector as Sector, category })),
    };
    res.json(answer);
  });

  return router;
}
