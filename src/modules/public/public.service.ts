// The public site of a published partnership (issue 17, ADR 0029). A signed-out request
// reaches a partnership's rows one way only: `public_context(slug)` answers for a published
// partnership (with its data version and the sections made public) and nothing else; from
// that answer, and only from it, this service makes the public caller, a viewer with no user,
// so that every read goes through the other modules' own services and their rules (exempt
// items withheld by `entryFor`). What a viewer may see but the public may not is taken out
// here: draft minutes (and the decisions and actions of a meeting until its minutes are
// approved), young people's names, people's contact details, plans in draft, indicators the
// partnership does not publish.
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { assertCan, type Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { today } from '../../platform/http/date-input.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { tenantIdOf } from '../../platform/tenant.ts';
import { keptRead, type PageKeeper } from '../../platform/http/kept-pages.ts';
import type { DB } from '../../schema.ts';
import { digest, newToken, type MembersService } from '../accounts/index.ts';
import { structureDiagram, type BodiesService } from '../bodies/index.ts';
import type { MembershipService } from '../membership/index.ts';
import { fromLondon, meetingsCalendar, type MeetingRow, type MeetingsService } from '../meetings/index.ts';
import type { AgendaService } from '../agenda/index.ts';
import type { RecordService } from '../record/index.ts';
import type { ConsultationService } from '../consultations/index.ts';
import type { BoardPackService, ReportService } from '../documents/index.ts';
import type { PlansService } from '../plans/index.ts';
import type { IndicatorsService } from '../indicators/index.ts';
import type { BenchmarkingService } from '../benchmarking/index.ts';
import type { PartnershipsService } from '../partnerships/index.ts';
import type { ResourcesService } from '../resources/index.ts';
import { publicRepository as repository, type PublicContextRow } from './public.repository.ts';

/** The parts of a partnership's public site an administrator may make public or not. */
export const publicSections = {
  structure: 'Structure: the bodies, their purpose and terms of reference',
  members: 'Seats and members: adult members and their organisations (young people are never named)',
  meetings: 'Meetings: the forward plan, agendas, public papers, reports, board packs and approved minutes',
  consultations: 'Consultations and the board\u2019s responses',
  plans: 'The Children and Young People\u2019s Plan on a page',
  indicators: 'The indicators the partnership publishes',
  resources:
    'Resources: what each priority of the plan has, from the funds\u2019 spending, partners\u2019 pledges and commissioned services (public only when chosen)',
} as const;
export type PublicSection = keyof typeof publicSections;
export const publicSectionKeys = Object.keys(publicSections) as PublicSection[];
/**
 * With no choice made, every section of a published partnership is public but its resources:
 * partners' money is published only when the partnership chooses to (ADR 0036).
 */
export const defaultSections: PublicSection[] = publicSectionKeys.filter((key) => key !== 'resources');

export const sectionsSchema = z.object({
  sections: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(
      z.enum(publicSectionKeys as [PublicSection, ...PublicSection[]], {
        message: 'Select sections from the list',
      }),
    ),
  ),
});

export interface PublicSite {
  id: string;
  slug: string;
  name: string;
  version: string;
  changedAt: Date;
  sections: PublicSection[];
}

/** The public's view of a partnership: a viewer with no user, made only from `public_context`. */
export function publicCaller(site: Pick<PublicSite, 'id'>, requestId?: string): Caller {
  return {
    actor: { userId: null, label: 'public', requestId },
    userId: null,
    platformAdmin: false,
    role: 'viewer',
    partnershipId: site.id,
  };
}

export const licence = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
};

export interface PublicDependencies {
  bodies: BodiesService;
  membership: MembershipService;
  meetings: MeetingsService;
  agenda: AgendaService;
  record: RecordService;
  reports: ReportService;
  consultations: ConsultationService;
  boardPacks: BoardPackService;
  plans: PlansService;
  indicators: IndicatorsService;
  benchmarking: BenchmarkingService;
  members: MembersService;
  partnerships: PartnershipsService;
  resources: ResourcesService;
}

export interface MeetingDates {
  from?: string | undefined;
  to?: string | undefined;
}

/** What the public search asks: words, dates (2009-01-21), a body's slug, a page from 1. */
export interface PublicSearch extends MeetingDates {
  q?: string | undefined;
  body?: string | undefined;
  page?: number | undefined;
}

/** Meetings a page of the public search shows. */
export const searchPageSize = 10;

/** Something of a meeting that matched, as the public meeting page shows it. */
export interface SearchMatch {
  kind: 'item' | 'paper' | 'report' | 'decision' | 'minutes';
  item: { id: string; number: number; title: string | null };
  text: string;
  paperId?: string;
}

/** A long text cut to about `length` characters, from a little before the first word searched for. */
export function excerpt(text: string, words: string | undefined, length = 200): string {
  if (text.length <= length) return text;
  const lower = text.toLowerCase();
  const found = (words ?? '')
    .toLowerCase()
    .split(/[\s"]+/)
    .map((word) => word.replace(/^-/, ''))
    .filter((word) => word.length > 0)
    .map((word) => lower.indexOf(word))
    .filter((index) => index >= 0);
  const at = found.length ? Math.min(...found) : 0;
  const start = Math.max(0, Math.min(at - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  return `${start > 0 ? '\u2026' : ''}${text.slice(start, end).trim()}${end < text.length ? '\u2026' : ''}`;
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function publicSiteService(db: Database<DB>, deps: PublicDependencies, keeper?: PageKeeper) {
  const agendaOf = async (caller: Caller, meetingId: string) =>
    (await deps.agenda.agenda(caller, meetingId)).map((entry) =>
      entry.withheld
        ? { ...entry, papers: [] }
        : {
            ...entry,
            papers: entry.papers.map(({ id, fileName, mediaType, sizeBytes }) => ({
              id,
              fileName,
              mediaType,
              sizeBytes,
            })),
          },
    );

  /** A meeting's approved record: nothing while any of its minutes is a draft. */
  async function recordOf(caller: Caller, meetingId: string) {
    const record = await deps.record.ofMeeting(caller, meetingId);
    const approved =
      record.minutes.length > 0 && record.minutes.every((minute) => minute.status === 'approved');
    if (!approved) return null;
    return {
      minutes: record.minutes.map(({ id, agendaItemId, text, approvedOn }) => ({
        id,
        agendaItemId,
        text,
        approvedOn,
      })),
      decisions: record.decisions.map(({ id, agendaItemId, text, delegatedTo, outcome, outcomeOn }) => ({
        id,
        agendaItemId,
        text,
        delegatedTo,
        outcome,
        outcomeOn,
      })),
      // owners by organisation only: a person owning an action may be a young person
      actions: record.actions.map(({ id, text, dueOn, status, ownerOrganisationName }) => ({
        id,
        text,
        dueOn,
        status,
        owner: ownerOrganisationName,
      })),
    };
  }

  async function meetingsOf(caller: Caller, dates: MeetingDates = {}) {
    const list = await deps.meetings.list(caller, {
      from: dates.from ? fromLondon(dates.from, '00:00') : undefined,
      to: dates.to ? fromLondon(nextDay(dates.to), '00:00') : undefined,
    });
    return list.map((meeting) => ({ meeting }));
  }

  /**
   * One page of the search of the public meetings and papers. The meetings module's search
   * finds the candidates in SQL (exempt items left out for the public's viewer, decisions and
   * minutes only of meetings whose minutes are all approved); then each meeting on the page is
   * read as the public meeting page reads it, and a match is shown only when that page shows
   * what matched: the one set of rules decides both.
   */
  async function searchOf(site: PublicSite, search: PublicSearch) {
    const caller = publicCaller(site);
    const words = search.q?.trim() || undefined;
    const bodies = await searchBodiesOf(site);
    const body = search.body ? bodies.find((candidate) => candidate.slug === search.body) : undefined;
    if (search.body && !body)
      throw new RuleViolation([{ path: 'body', message: 'Select a body from the list' }]);
    const page = search.page ?? 1;
    const found = await deps.meetings.search(caller, {
      words,
      from: search.from ? fromLondon(search.from, '00:00') : undefined,
      to: search.to ? fromLondon(nextDay(search.to), '00:00') : undefined,
      bodyId: body?.id,
      approvedRecordsOnly: true,
      limit: searchPageSize,
      offset: (page - 1) * searchPageSize,
    });
    const pages = Math.max(1, Math.ceil(found.total / searchPageSize));
    if (page > pages) throw notFound();
    const results = [];
    for (const meetingId of found.meetingIds) {
      const shown = await publicMeeting(site.id, meetingId);
      const items = new Map(shown.items.filter((item) => !item.withheld).map((item) => [item.id, item]));
      const decisions = new Set(shown.record?.decisions.map((decision) => decision.id));
      const minutes = new Set(shown.record?.minutes.map((minute) => minute.id));
      const hits = found.hits.filter((hit) => hit.meetingId === meetingId);
      const matches: SearchMatch[] = [];
      for (const hit of hits) {
        const entry = hit.itemId ? items.get(hit.itemId) : undefined;
        if (hit.kind === 'meeting' || !entry) continue;
        const item = { id: entry.id, number: entry.number, title: entry.title };
        if (hit.kind === 'item') matches.push({ kind: 'item', item, text: entry.title ?? '' });
        else if (hit.kind === 'paper') {
          const paper = entry.papers.find((candidate) => candidate.id === hit.id);
          if (paper) matches.push({ kind: 'paper', item, text: paper.fileName, paperId: paper.id });
        } else if (hit.kind === 'report') {
          if (entry.hasReport) matches.push({ kind: 'report', item, text: hit.text });
        } else if (hit.kind === 'decision') {
          if (decisions.has(hit.id)) matches.push({ kind: 'decision', item, text: excerpt(hit.text, words) });
        } else if (minutes.has(hit.id))
          matches.push({ kind: 'minutes', item, text: excerpt(hit.text, words) });
      }
      const titleMatched = hits.some((hit) => hit.kind === 'meeting');
      // a meeting found only through something the public page does not show is left out
      if (!words || titleMatched || matches.length) results.push({ meeting: shown.meeting, matches });
    }
    return {
      results,
      total: found.total,
      page,
      pages,
      bodies,
    };
  }

  /** The bodies a search may be narrowed to. */
  const searchBodiesOf = async (site: PublicSite) =>
    (await deps.meetings.bodies(publicCaller(site))).map(({ id, slug, name }) => ({ id, slug, name }));

  /** A meeting as the public sees it: exempt items by paragraph only, an approved record only. */
  async function meetingOf(caller: Caller, id: string) {
    const meeting = await deps.meetings.get(caller, id);
    const [items, pack, record] = await Promise.all([
      agendaOf(caller, id),
      deps.boardPacks.status(caller, id),
      recordOf(caller, id),
    ]);
    return {
      meeting,
      items,
      boardPack: pack?.state === 'ready' ? { pageCount: pack.pageCount, madeAt: pack.madeAt } : null,
      record,
    };
  }
  /**
   * The public meeting page's read, which the public search and OParl read for every meeting
   * they show: kept under the partnership's data version by the meeting's id (ADR 0056). The
   * public see it alike: it depends on the partnership and the meeting only.
   */
  const read = (partnershipId: string, id: string) => meetingOf(publicCaller({ id: partnershipId }), id);
  const publicMeeting = keeper ? keptRead(keeper, 'public meeting', read) : read;

  const siteOf = (row: PublicContextRow): PublicSite => {
    // the public pages are kept too (ADR 0056): the version is read first
    if (row.version !== null) db.noteVersion(row.id, row.version);
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      version: row.version ?? '0',
      changedAt: row.changedAt ?? new Date(0),
      sections: (row.sections ?? defaultSections).filter((section): section is PublicSection =>
        publicSectionKeys.includes(section as PublicSection),
      ),
    };
  };

  return {
    /** The published partnership a public address names, or null (unpublished, or none). */
    async site(slug: string): Promise<PublicSite | null> {
      if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
      const row = await db.gate((gate) => repository.context(gate, slug));
      return row ? siteOf(row) : null;
    },

    /** Every published partnership, by name. */
    async sites(): Promise<PublicSite[]> {
      return (await db.gate((gate) => repository.contexts(gate))).map(siteOf);
    },

    /** The sections the partnership makes public (its administrator's page). */
    async sections(caller: Caller): Promise<{ sections: PublicSection[]; chosen: boolean }> {
      assertCan(caller, 'partnership.settings');
      const saved = await db.read({ partnershipId: tenantIdOf(caller), userId: caller.userId }, (trx) =>
        repository.sections(trx),
      );
      return { sections: (saved ?? defaultSections) as PublicSection[], chosen: saved !== null };
    },

    async saveSections(caller: Caller, sections: PublicSection[]): Promise<void> {
      assertCan(caller, 'partnership.settings');
      const unknown = sections.filter((section) => !publicSectionKeys.includes(section));
      if (unknown.length)
        throw new RuleViolation([{ path: 'sections', message: 'Select sections from the list' }]);
      const partnershipId = tenantIdOf(caller);
      await db.transaction({ partnershipId, userId: caller.userId }, async (trx) => {
        const before = await repository.sections(trx);
        const ordered = publicSectionKeys.filter((key) => sections.includes(key));
        await repository.saveSections(trx, partnershipId, ordered);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: before ? 'update' : 'create',
          entityType: 'public-site',
          entityId: partnershipId,
          summary: `Chose the public site's sections: ${ordered.join(', ') || 'none'}`,
          before: before ? { sections: before } : undefined,
          after: { sections: ordered },
        });
      });
    },

    /** The bodies on a date, without the diagram (open data). */
    bodies: (site: PublicSite, on = today()) => deps.bodies.structure(publicCaller(site), on),

    async structure(site: PublicSite, base: string, on = today()) {
      const caller = publicCaller(site);
      const structure = await deps.bodies.structure(caller, on);
      return { structure, diagram: await structureDiagram(structure, base) };
    },

    /** A body with its purpose, its terms of reference and, if public, its seats and adult members. */
    async body(site: PublicSite, slug: string, on = today()) {
      const caller = publicCaller(site);
      const found = await deps.bodies.bySlug(caller, slug, on);
      if (!found) throw notFound();
      const seats = site.sections.includes('members')
        ? (await deps.membership.seats(caller, found.body.id, on)).map((seat) => ({
            id: seat.id,
            label: seat.label,
            organisationId: seat.organisationId,
            role: seat.role,
            voting: seat.voting,
            organisation: seat.organisationName,
            holders: seat.holders.map((holder) => ({
              membershipId: holder.id,
              personId: holder.youngPerson ? null : holder.personId,
              startsOn: holder.startsOn,
              endsOn: holder.endsOn,
              organisationId: holder.organisationId,
              name: holder.youngPerson ? null : holder.personName,
              youngPerson: holder.youngPerson,
              organisation: holder.organisationName,
            })),
          }))
        : null;
      const terms = found.terms.at(-1) ?? null;
      return {
        body: {
          id: found.body.id,
          slug: found.body.slug,
          name: found.body.name,
          kind: found.body.kind,
          purpose: found.body.purpose,
        },
        terms: terms ? { title: terms.title, text: terms.text, adoptedOn: terms.adoptedOn } : null,
        seats,
      };
    },

    meetings: (site: PublicSite, dates: MeetingDates = {}) => meetingsOf(publicCaller(site), dates),

    bodyBySlug: async (site: PublicSite, slug: string) =>
      (await deps.meetings.bodies(publicCaller(site))).find((body) => body.slug === slug) ?? null,

    meetingsOfBody: (site: PublicSite, bodyId: string) => deps.meetings.list(publicCaller(site), { bodyId }),

    /** A meeting as the public sees it: exempt items by paragraph only, an approved record only. */
    meeting: (site: PublicSite, id: string) => publicMeeting(site.id, id),

    /** The search of the public meetings and papers: one page of meetings, with what matched. */
    search: searchOf,
    searchBodies: searchBodiesOf,

    paper: (site: PublicSite, meetingId: string, paperId: string) =>
      deps.agenda.paper(publicCaller(site), meetingId, paperId),

    report: async (site: PublicSite, meetingId: string, itemId: string) => {
      const found = await deps.reports.report(publicCaller(site), meetingId, itemId);
      if (!found.report) throw notFound();
      return found;
    },

    boardPack: (site: PublicSite, meetingId: string) => deps.boardPacks.file(publicCaller(site), meetingId),

    consultations: (site: PublicSite) => deps.consultations.list(publicCaller(site)),
    consultation: (site: PublicSite, id: string) => deps.consultations.get(publicCaller(site), id),

    /** The current plans, but drafts, as a plan on a page. */
    async plans(site: PublicSite) {
      const current = await deps.plans.current(publicCaller(site));
      return current
        .filter((detail) => detail.plan.status !== 'draft')
        .map((detail) => ({
          title: detail.plan.title,
          slug: detail.plan.slug,
          startsOn: detail.plan.startsOn,
          endsOn: detail.plan.endsOn,
          vision: detail.plan.vision,
          status: detail.plan.status,
          outcomes: detail.outcomes.map((outcome) => ({ code: outcome.code, title: outcome.title })),
          priorities: detail.priorities.map((priority) => ({
            position: priority.position,
            title: priority.title,
            description: priority.description,
            owner: priority.ownerBodyName,
            outcomes: priority.outcomes.map((outcome) => outcome.code),
            actions: priority.actions.map((action) => ({
              text: action.text,
              // a lead person may be a young person: bodies and organisations only
              lead: action.leadKind === 'person' ? null : action.leadName,
              dueOn: action.dueOn,
              status: action.status,
            })),
          })),
        }));
    },

    /**
     * What each priority of the published plans (not drafts) has for a financial year (`year`
     * as asked, or the current one within each plan's years): the resources module's figures,
     * which name organisations only, never people.
     */
    async resources(site: PublicSite, year: string | undefined) {
      const caller = publicCaller(site);
      const plans = (await deps.plans.current(caller)).filter((detail) => detail.plan.status !== 'draft');
      const found = await deps.resources.planResources(
        caller,
        plans.map((detail) => detail.plan.id),
        year,
      );
      return plans.flatMap((detail) => {
        const resources = found.find((entry) => entry.planId === detail.plan.id);
        return resources ? [{ title: detail.plan.title, slug: detail.plan.slug, resources }] : [];
      });
    },

    /** The indicators the partnership publishes, with their latest value. */
    async indicators(site: PublicSite) {
      const caller = publicCaller(site);
      const tracked = await deps.benchmarking.overview(caller);
      const published = tracked.filter((entry) => entry.published);
      const details = await Promise.all(
        published.map((entry) => deps.indicators.byCode(caller, entry.indicator.code)),
      );
      return details.flatMap((detail) =>
        detail
          ? [
              {
                code: detail.indicator.code,
                title: detail.indicator.title,
                unit: detail.indicator.unitLabel,
                latest: detail.performance.latest
                  ? { period: detail.performance.latest.period, value: detail.performance.latest.value }
                  : null,
                values: detail.values
                  .filter((value) => value.breakdownKind === 'all' && !value.illustrative)
                  .map((value) => ({ period: value.period, value: value.value })),
              },
            ]
          : [],
      );
    },

    /** A body's public calendar. */
    bodyCalendar(
      site: PublicSite,
      bodyName: string,
      meetings: MeetingRow[],
      pageOf: (meeting: MeetingRow) => string,
    ) {
      return meetingsCalendar(`${bodyName}: ${site.name}`, meetings, pageOf);
    },

    /** The user's secret calendar address, if they have one (only its existence: it is kept as a digest). */
    feed: (userId: string) => db.read({ userId }, (trx) => repository.feedOf(trx, userId)),

    /** A new secret address; any earlier one stops working. The token is shown once. */
    async newFeed(caller: Caller, userId: string): Promise<string> {
      const token = newToken('cal');
      await db.transaction({ userId }, async (trx) => {
        await repository.revokeFeeds(trx, userId);
        const id = await repository.createFeed(trx, userId, digest(token));
        await recordChange(trx, caller.actor, {
          partnershipId: null,
          action: 'create',
          entityType: 'calendar-feed',
          entityId: id,
          summary: 'Made a new personal calendar address',
        });
      });
      return token;
    },

    async revokeFeed(caller: Caller, userId: string): Promise<void> {
      await db.transaction({ userId }, async (trx) => {
        const revoked = await repository.revokeFeeds(trx, userId);
        if (!revoked) throw notFound();
        await recordChange(trx, caller.actor, {
          partnershipId: null,
          action: 'delete',
          entityType: 'calendar-feed',
          entityId: userId,
          summary: 'Stopped the personal calendar address',
        });
      });
    },

    /**
     * The meetings of a secret address's user: in each partnership they belong to, their own
     * meetings (private ones included) as their role there lets them see them; null when the
     * address is unknown or revoked.
     */
    async personalFeed(token: string, pageOf: (slug: string, meeting: MeetingRow) => string) {
      if (!/^cal_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const userId = await db.read({}, (trx) => repository.userOfFeed(trx, digest(token)));
      if (!userId) return null;
      const memberships = await deps.members.partnershipsOf(userId);
      const slugs = new Map(
        (await deps.partnerships.list({ ids: memberships.map((m) => m.partnershipId) })).map((p) => [
          p.id,
          p.slug,
        ]),
      );
      const meetings: MeetingRow[] = [];
      const pages = new Map<string, string>();
      for (const membership of memberships) {
        const caller: Caller = {
          actor: { userId, label: 'calendar' },
          userId,
          platformAdmin: false,
          role: membership.role as Caller['role'],
          partnershipId: membership.partnershipId,
        };
        for (const meeting of await deps.meetings.mine(caller)) {
          meetings.push(meeting);
          pages.set(meeting.id, pageOf(slugs.get(membership.partnershipId) ?? '', meeting));
        }
      }
      meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      return meetingsCalendar('My meetings', meetings, (meeting) => pages.get(meeting.id)!);
    },

    today,
  };
}

export type PublicSiteService = ReturnType<typeof publicSiteService>;
