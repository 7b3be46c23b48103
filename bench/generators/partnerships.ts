// One partnership for every authority, as at national scale: 153 tenants. Created through
// the service, so the rules and the audit trail apply as they would for a person.
import { withinLife } from '../../src/modules/authorities/index.ts';
import { partnershipJsonSchema } from '../../src/modules/partnerships/index.ts';
import type { Authority, GeneratorStep } from './context.ts';

const kinds = [
  { name: (place: string) => `${place} Children’s Trust`, slug: 'childrens-trust' },
  { name: (place: string) => `${place} Children and Young People’s Partnership`, slug: 'cyp-partnership' },
  { name: (place: string) => `${place} Safeguarding Children Partnership`, slug: 'safeguarding' },
  { name: (place: string) => `${place} Children’s Partnership Board`, slug: 'partnership-board' },
] as const;

/** "Bristol, City of" reads as "City of Bristol" in a partnership's name. */
export const placeName = (authority: Authority) =>
  authority.name.replace(/^(.+), ((?:City|County) of)$/, '$2 $1');

export const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');

export const partnershipsStep: GeneratorStep = {
  name: 'partnerships',
  async run({ services, caller, random, authorities, partnerships, say, progress }) {
    let created = 0;
    for (const [index, authority] of authorities.entries()) {
      // Every choice is drawn before looking at the database, so a re-run draws the same.
      const kind = random.pick(kinds);
      const year = random.int(2004, 2012);
      const month = random.int(1, 12);
      const drawn = random.pick([`${year}`, `${year}-${String(month).padStart(2, '0')}`]);
      // A council that came into being later (Bedford in 2009, Cumberland in 2023: issue 14)
      // cannot have had a partnership before it: such a partnership starts with its council.
      const established = withinLife(drawn, authority) ? drawn : authority.validFrom!.slice(0, 7);
      const status = random.chance(0.85) ? 'active' : random.pick(['proposed', 'closed'] as const);
      const published = random.chance(0.6);
      const wanted = partnershipJsonSchema.parse({
        authorityGssCode: authority.gssCode,
        name: kind.name(placeName(authority)),
        slug: `${slugOf(authority.name)}-${kind.slug}`,
        established,
        status,
        published,
      });
      let row = await services.partnerships.bySlug(wanted.slug);
      if (!row) {
        row = await services.partnerships.create(caller, wanted);
        created += 1;
      }
      partnerships.push({
        id: row.id,
        slug: row.slug,
        name: row.name,
        established: row.established,
        authority,
        members: [],
      });
      progress(index + 1, authorities.length);
    }
    say(`${created} created, ${authorities.length - created} already there`);
  },
};
