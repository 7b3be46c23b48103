// Open data of a published partnership, drawn only from what its public site shows (the public
// module's service: exempt items by paragraph, approved records, no young person named):
// OParl 1.1 objects (https://oparl.org/spezifikation/) and a Popolo export
// (https://www.popoloproject.com/specs/). Addresses: /oparl/v1/... and /popolo/v1/{slug}.
import { licence, type PublicSite, type PublicSiteService } from '../public/index.ts';
import { partialOf, today } from '../../platform/http/date-input.ts';
import { notFound } from '../../platform/http/errors.ts';
import { keptRead, type PageKeeper } from '../../platform/http/kept-pages.ts';

export const oparlVersion = 'https://schema.oparl.org/1.1/';
const type = (name: string) => `https://schema.oparl.org/1.1/${name}`;

export type OparlObject = Record<string, unknown> & { id: string; type: string };

export const oparlKinds = [
  'organizations',
  'people',
  'memberships',
  'meetings',
  'agenda-items',
  'papers',
  'consultations',
  'files',
] as const;
export type OparlKind = (typeof oparlKinds)[number];

const dateOf = (value: Date) => value.toISOString().slice(0, 10);

export function openDataService(site: PublicSiteService, keeper?: PageKeeper) {
  /** Every OParl object of a partnership, by kind, in a stable order. */
  async function objectsOf(found: PublicSite, origin: string): Promise<Record<OparlKind, OparlObject[]>> {
    const root = `${origin}/oparl/v1/bodies/${found.slug}`;
    const web = `${origin}/public/${found.slug}`;
    const url = (kind: OparlKind, id: string) => `${root}/${kind}/${id}`;
    const common = { license: licence.url };
    const out: Record<OparlKind, OparlObject[]> = {
      organizations: [],
      people: [],
      memberships: [],
      meetings: [],
      'agenda-items': [],
      papers: [],
      consultations: [],
      files: [],
    };
    if (found.sections.includes('structure')) {
      const structure = await site.bodies(found);
      const people = new Map<string, { name: string; memberships: OparlObject[] }>();
      for (const entry of structure.bodies) {
        const detail = await site.body(found, entry.body.slug);
        const memberships: OparlObject[] = [];
        for (const seat of detail.seats ?? [])
          for (const holder of seat.holders) {
            const membership: OparlObject = {
              id: url('memberships', holder.membershipId),
              type: type('Membership'),
              organization: url('organizations', entry.body.id),
              role: seat.label,
              votingRight: seat.voting,
              ...(holder.personId ? { person: url('people', holder.personId) } : {}),
              ...(holder.startsOn ? { startDate: holder.startsOn } : {}),
              ...(holder.endsOn ? { endDate: holder.endsOn } : {}),
              ...common,
            };
            memberships.push(membership);
            if (holder.personId && holder.name) {
              const person = people.get(holder.personId) ?? { name: holder.name, memberships: [] };
              person.memberships.push(membership);
              people.set(holder.personId, person);
            }
          }
        out.memberships.push(...memberships);
        out.organizations.push({
          id: url('organizations', entry.body.id),
          type: type('Organization'),
          body: root,
          name: entry.name,
          ...(entry.body.shortName ? { shortName: entry.body.shortName } : {}),
          classification: entry.body.kind,
          membership: memberships.map((membership) => membership.id),
          web: `${web}/bodies/${entry.body.slug}`,
          ...common,
        });
      }
      for (const [id, person] of people)
        out.people.push({
          id: url('people', id),
          type: type('Person'),
          body: root,
          name: person.name,
          membership: person.memberships,
          ...common,
        });
    }
    if (found.sections.includes('meetings')) {
      const list = await site.meetings(found, {});
      for (const { meeting } of list) {
        const detail = await site.meeting(found, meeting.id);
        const meetingUrl = url('meetings', meeting.id);
        const organizations = meeting.bodies.map((body) => url('organizations', body.id));
        const items: OparlObject[] = [];
        for (const item of detail.items) {
          const itemUrl = url('agenda-items', item.id);
          const files = item.papers.map((paper): OparlObject => ({
            id: url('files', paper.id),
            type: type('File'),
            name: paper.fileName,
            fileName: paper.fileName,
            mimeType: paper.mediaType,
            size: paper.sizeBytes,
            accessUrl: `${web}/meetings/${meeting.id}/papers/${paper.id}`,
            downloadUrl: `${web}/meetings/${meeting.id}/papers/${paper.id}`,
            meeting: [meetingUrl],
            agendaItem: [itemUrl],
            ...(item.hasReport || item.papers.length ? { paper: [url('papers', item.id)] } : {}),
            ...common,
          }));
          out.files.push(...files);
          const hasPaper = !item.withheld && (item.hasReport || item.papers.length > 0);
          const agendaItem: OparlObject = {
            id: itemUrl,
            type: type('AgendaItem'),
            meeting: meetingUrl,
            number: String(item.number),
            order: item.number,
            name: item.withheld ? `Exempt item, paragraph ${item.exemptParagraph}` : (item.title ?? ''),
            public: !item.withheld,
            ...(hasPaper ? { consultation: url('consultations', item.id) } : {}),
            ...(files.length ? { auxiliaryFile: files } : {}),
            ...(detail.record && !item.withheld
              ? (() => {
                  const decisions = detail.record.decisions.filter((d) => d.agendaItemId === item.id);
                  return decisions.length ? { resolutionText: decisions.map((d) => d.text).join('\n') } : {};
                })()
              : {}),
            web: `${web}/meetings/${meeting.id}`,
            ...common,
          };
          items.push(agendaItem);
          out['agenda-items'].push(agendaItem);
          if (hasPaper) {
            const consultation: OparlObject = {
              id: url('consultations', item.id),
              type: type('Consultation'),
              paper: url('papers', item.id),
              agendaItem: itemUrl,
              meeting: meetingUrl,
              organization: organizations,
              role: item.purpose ?? 'information',
              ...common,
            };
            out.consultations.push(consultation);
            const [mainFile, ...auxiliary] = files;
            out.papers.push({
              id: url('papers', item.id),
              type: type('Paper'),
              body: root,
              name: item.title ?? '',
              reference: `${dateOf(meeting.startsAt)}/${item.number}`,
              date: dateOf(meeting.startsAt),
              paperType: item.hasReport ? 'Committee report' : 'Paper',
              ...(mainFile ? { mainFile } : {}),
              ...(auxiliary.length ? { auxiliaryFile: auxiliary } : {}),
              consultation: [consultation],
              web: item.hasReport
                ? `${web}/meetings/${meeting.id}/items/${item.id}/report`
                : `${web}/meetings/${meeting.id}`,
              ...common,
            });
          }
        }
        const pack: OparlObject[] = detail.boardPack
          ? [
              {
                id: url('files', `board-pack-${meeting.id}`),
                type: type('File'),
                name: `Board pack: ${meeting.title}`,
                fileName: 'board-pack.pdf',
                mimeType: 'application/pdf',
                accessUrl: `${web}/meetings/${meeting.id}/board-pack.pdf`,
                meeting: [meetingUrl],
                ...common,
              },
            ]
          : [];
        out.files.push(...pack);
        out.meetings.push({
          id: meetingUrl,
          type: type('Meeting'),
          name: meeting.title,
          meetingState: meeting.state,
          cancelled: meeting.state === 'cancelled',
          start: meeting.startsAt.toISOString(),
          ...(meeting.endsAt ? { end: meeting.endsAt.toISOString() } : {}),
          organization: organizations,
          agendaItem: items,
          ...(pack.length ? { auxiliaryFile: pack } : {}),
          modified: meeting.updatedAt.toISOString(),
          web: `${web}/meetings/${meeting.id}`,
          ...common,
        });
      }
    }
    return out;
  }

  function bodyOf(found: PublicSite, origin: string): OparlObject {
    const root = `${origin}/oparl/v1/bodies/${found.slug}`;
    const list = (kind: OparlKind) => `${root}/${kind}`;
    return {
      id: root,
      type: type('Body'),
      system: `${origin}/oparl/v1/system`,
      name: found.name,
      shortName: found.slug,
      website: `${origin}/public/${found.slug}`,
      license: licence.url,
      organization: list('organizations'),
      person: list('people'),
      meeting: list('meetings'),
      paper: list('papers'),
      agendaItem: list('agenda-items'),
      consultation: list('consultations'),
      file: list('files'),
      membership: list('memberships'),
      legislativeTerm: [],
      classification: 'Children\u2019s Trust partnership (section 10, Children Act 2004)',
      modified: found.changedAt.toISOString(),
      web: `${origin}/public/${found.slug}`,
    };
  }

  /**
   * A partnership's objects, kept under its data version by the origin they are addressed from
   * and today's date (the seats' holders are today's; ADR 0056): every OParl list and object of the partnership is cut from them, and the public
   * see them alike. Worked out again only when the partnership's data has changed.
   */
  const read = async (_partnershipId: string, slug: string, origin: string, _on: string) => {
    const found = await site.site(slug);
    if (!found) throw notFound();
    return objectsOf(found, origin);
  };
  const objects = keeper ? keptRead(keeper, 'oparl objects', read) : read;

  return {
    site: (slug: string) => site.site(slug),

    system: (origin: string): OparlObject => ({
      id: `${origin}/oparl/v1/system`,
      type: type('System'),
      oparlVersion,
      license: licence.url,
      body: `${origin}/oparl/v1/bodies`,
      name: 'Cooperate',
      website: `${origin}/`,
      product: 'https://github.com/',
      vendor: `${origin}/`,
    }),

    /** Every published partnership as an OParl Body. */
    async bodies(origin: string): Promise<OparlObject[]> {
      return (await site.sites()).map((entry) => bodyOf(entry, origin));
    },

    body: bodyOf,
    objects: (found: PublicSite, origin: string) => objects(found.id, found.slug, origin, today()),

    /** Popolo: the partnership's people, organisations (bodies and partner organisations), posts and memberships on a date. */
    async popolo(found: PublicSite, origin: string, on: string) {
      const persons = new Map<string, { id: string; name: string }>();
      const organizations = new Map<string, Record<string, unknown>>();
      const posts: Record<string, unknown>[] = [];
      const memberships: Record<string, unknown>[] = [];
      const sources = [{ url: `${origin}/public/${found.slug}` }];
      if (found.sections.includes('structure')) {
        const structure = await site.bodies(found, on);
        for (const entry of structure.bodies) {
          organizations.set(entry.body.id, {
            id: entry.body.id,
            name: entry.name,
            classification: entry.body.kind,
            // Popolo dates may be a year or a month: the body's own dates as the records give them
            ...(entry.body.startsOn
              ? { founding_date: partialOf(entry.body.startsOn, entry.body.startsPrecision) }
              : {}),
            ...(entry.body.endsOn
              ? { dissolution_date: partialOf(entry.body.endsOn, entry.body.endsPrecision) }
              : {}),
            links: [{ url: `${origin}/public/${found.slug}/bodies/${entry.body.slug}`, note: 'Public page' }],
          });
          const detail = await site.body(found, entry.body.slug, on);
          for (const seat of detail.seats ?? []) {
            posts.push({ id: seat.id, label: seat.label, role: seat.role, organization_id: entry.body.id });
            for (const holder of seat.holders) {
              const partner = holder.organisationId ?? seat.organisationId;
              const partnerName = holder.organisation ?? seat.organisation;
              if (partner && partnerName && !organizations.has(partner))
                organizations.set(partner, {
                  id: partner,
                  name: partnerName,
                  classification: 'partner organisation',
                });
              if (holder.personId && holder.name)
                persons.set(holder.personId, { id: holder.personId, name: holder.name });
              memberships.push({
                id: holder.membershipId,
                role: seat.label,
                // a young person holds the post: the membership is recorded, the person not named
                ...(holder.personId ? { person_id: holder.personId } : {}),
                organization_id: entry.body.id,
                post_id: seat.id,
                ...(partner ? { on_behalf_of_id: partner } : {}),
                ...(holder.startsOn ? { start_date: holder.startsOn } : {}),
                ...(holder.endsOn ? { end_date: holder.endsOn } : {}),
              });
            }
          }
        }
      }
      return {
        on,
        license: licence.url,
        sources,
        persons: [...persons.values()],
        organizations: [...organizations.values()],
        posts,
        memberships,
      };
    },
  };
}

export type OpenDataService = ReturnType<typeof openDataService>;
