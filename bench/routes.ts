// What the runner measures, beside /ping in the same run. A capability adds its pages and API
// endpoints here, with the target its issue sets.
import {
  benchBoardSlug,
  benchFundSlug,
  benchIndicatorCode,
  benchMeetingYear,
  benchPlanSlug,
} from './identities.ts';

export interface RouteTarget {
  /** The partnership whose pages are measured. */
  slug: string;
  /**
   * The board's last board meeting held in `benchMeetingYear` (meetings step), looked up once
   * before measuring when a route chosen `needsMeeting`; otherwise empty.
   */
  meetingId: string;
}

export interface BenchRoute {
  /** The path pattern, as shown in the table and the JSON. */
  name: string;
  path(target: RouteTarget): string;
  /** none: public; session: signed in as the partnership's administrator; token: the bench API token. */
  auth: 'none' | 'session' | 'token';
  kind: 'baseline' | 'page' | 'api';
  /** The most this route's p95 may be, as a multiple of /ping's p95 in the same run. */
  maxP95Ratio?: number;
  /** The path names the measured meeting (`RouteTarget.meetingId`). */
  needsMeeting?: boolean;
  /** A page or answer of the public site: the measured partnership must be published. */
  needsPublished?: boolean;
}

/** Pages are expected at p95 within 3× of /ping (the issues' target). */
const pageTarget = 3;

/** Liveness with no I/O: the floor every other route is compared with. */
export const baselineRoute: BenchRoute = {
  name: '/ping',
  path: () => '/ping',
  auth: 'none',
  kind: 'baseline',
};

export const benchRoutes: BenchRoute[] = [
  {
    name: '/authorities',
    path: () => '/authorities',
    auth: 'none',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  { name: '/api/v1/authorities', path: () => '/api/v1/authorities', auth: 'none', kind: 'api' },
  { name: '/api/v1/partnerships', path: () => '/api/v1/partnerships', auth: 'token', kind: 'api' },
  {
    name: '/partnerships/:slug',
    path: ({ slug }) => `/partnerships/${slug}`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/partnerships/:slug/audit',
    path: ({ slug }) => `/partnerships/${slug}/audit`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/partnerships/:slug/structure',
    path: ({ slug }) => `/partnerships/${slug}/structure`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: `/partnerships/:slug/bodies/${benchBoardSlug}/seats`,
    path: ({ slug }) => `/partnerships/${slug}/bodies/${benchBoardSlug}/seats`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/partnerships/:slug/compliance',
    path: ({ slug }) => `/partnerships/${slug}/compliance`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/api/v1/partnerships/:slug/bodies',
    path: ({ slug }) => `/api/v1/partnerships/${slug}/bodies`,
    auth: 'token',
    kind: 'api',
  },
  {
    name: '/api/v1/partnerships/:slug/compliance',
    path: ({ slug }) => `/api/v1/partnerships/${slug}/compliance`,
    auth: 'token',
    kind: 'api',
  },
  {
    name: `/partnerships/:slug/plans/${benchPlanSlug}`,
    path: ({ slug }) => `/partnerships/${slug}/plans/${benchPlanSlug}`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: `/partnerships/:slug/indicators/${encodeURIComponent(benchIndicatorCode)}`,
    path: ({ slug }) => `/partnerships/${slug}/indicators/${encodeURIComponent(benchIndicatorCode)}`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/partnerships/:slug/exceptions',
    path: ({ slug }) => `/partnerships/${slug}/exceptions`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/partnerships/:slug/meetings/:meeting',
    path: ({ slug, meetingId }) => `/partnerships/${slug}/meetings/${meetingId}`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
    needsMeeting: true,
  },
  {
    name: `/partnerships/:slug/bodies/${benchBoardSlug}/attendance (${benchMeetingYear})`,
    path: ({ slug }) =>
      `/partnerships/${slug}/bodies/${benchBoardSlug}/attendance?from=${benchMeetingYear}-01-01&to=${benchMeetingYear}-12-31`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: `/api/v1/partnerships/:slug/plans/${benchPlanSlug}`,
    path: ({ slug }) => `/api/v1/partnerships/${slug}/plans/${benchPlanSlug}`,
    auth: 'token',
    kind: 'api',
  },
  {
    name: `/partnerships/:slug/resources/funds/${benchFundSlug} (2010-11)`,
    path: ({ slug }) => `/partnerships/${slug}/resources/funds/${benchFundSlug}?year=2010`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/partnerships/:slug/resources (2010-11)',
    path: ({ slug }) => `/partnerships/${slug}/resources?year=2010`,
    auth: 'session',
    kind: 'page',
    maxP95Ratio: pageTarget,
  },
  {
    name: '/api/v1/partnerships/:slug/funds',
    path: ({ slug }) => `/api/v1/partnerships/${slug}/funds`,
    auth: 'token',
    kind: 'api',
  },
  {
    name: '/public/:slug',
    path: ({ slug }) => `/public/${slug}`,
    auth: 'none',
    kind: 'page',
    maxP95Ratio: pageTarget,
    needsPublished: true,
  },
  {
    name: '/public/:slug/meetings/:meeting',
    path: ({ slug, meetingId }) => `/public/${slug}/meetings/${meetingId}`,
    auth: 'none',
    kind: 'page',
    maxP95Ratio: pageTarget,
    needsMeeting: true,
    needsPublished: true,
  },
  {
    name: '/public/:slug/search?q=board',
    path: ({ slug }) => `/public/${slug}/search?q=board`,
    auth: 'none',
    kind: 'page',
    maxP95Ratio: pageTarget,
    needsPublished: true,
  },
  {
    name: '/oparl/v1/bodies',
    path: () => '/oparl/v1/bodies',
    auth: 'none',
    kind: 'api',
    needsPublished: true,
  },
  {
    name: '/oparl/v1/bodies/:slug/meetings',
    path: ({ slug }) => `/oparl/v1/bodies/${slug}/meetings`,
    auth: 'none',
    kind: 'api',
    needsPublished: true,
  },
];
