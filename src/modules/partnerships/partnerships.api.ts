// GET /api/v1/partnerships: published partnerships for anyone; with a token, also the
// partnerships the token's user belongs to (every one for a platform administrator).
import { Router } from 'express';
import { notFound, unauthorized } from '../../platform/http/errors.ts';
import { keptAnswer } from '../../platform/http/kept-pages.ts';
import type { SignedInUser } from '../../platform/http/auth.ts';
import type { PartnershipsService } from './partnerships.service.ts';
import type { PartnershipRow } from './partnerships.repository.ts';
import type { PartnershipJson } from './partnerships.api.schemas.ts';
import type { partnershipStatuses } from './partnerships.schemas.ts';

export const presentPartnership = (row: PartnershipRow): PartnershipJson => ({
  slug: row.slug,
  name: row.name,
  authority: { gssCode: row.authorityGssCode, name: row.authorityName },
  // the column's check constraint holds it to these
  status: row.status as (typeof partnershipStatuses)[number],
  established: row.established,
  published: row.published,
});

export function partnershipsApi(
  partnerships: PartnershipsService,
  visibleTo: (user: SignedInUser) => Promise<PartnershipRow[]>,
): Router {
  const router = Router();
  const visible = async (user: SignedInUser | undefined) => {
    const published = await partnerships.list({ published: true });
    if (!user) return published;
    const mine = await visibleTo(user);
    const ids = new Set(mine.map((row) => row.id));
    return [...mine, ...published.filter((row) => !ids.has(row.id))].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  };

  // what the caller may see depends on every partnership and on who belongs to which: kept under
  // the platform's version of the list, for each caller (ADR 0060)
  const declaration = { across: 'partnerships', by: ['user'] } as const;

  router.get(
    '/partnerships',
    keptAnswer('partnerships answer', declaration, async (req) => {
      const list = await visible(req.user);
      return { count: list.length, items: list.map(presentPartnership) };
    }),
  );

  router.get(
    '/partnerships/:slug',
    keptAnswer('partnership answer', declaration, async (req) => {
      const found = (await visible(req.user)).find((row) => row.slug === req.params.slug);
      // Anonymous callers are asked to authenticate whether or not the partnership exists, so
      // the answer says nothing about unpublished partnerships.
      if (!found && !req.user)
        throw unauthorized('Send an API token to see partnerships that are not published.');
      if (!found) throw notFound(`There is no partnership ${req.params.slug} that you can see.`);
      return presentPartnership(found);
    }),
  );

  return router;
}
