// The composition root: the middleware in order, one router per module, the error handlers.
// No I/O happens here; the server and the tests hand in the database and services.
import express, { Router, type Express, type Request } from 'express';
import type { SessionData } from 'express-session';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import { oidcRedirectUrl, secureCookies, type Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { pendingMigrations } from './platform/db/migrator.ts';
import { requestLogging } from './platform/http/logging.ts';
import { csrfProtection, etagOf, securityHeaders } from './platform/http/security.ts';
import { sessions } from './platform/http/session.ts';
import {
  authenticate,
  callerOf,
  tenantContext,
  type Caller,
  type SignedInUser,
} from './platform/http/auth.ts';
import { healthRoutes } from './platform/http/health.ts';
import { signInRateLimit } from './platform/http/rate-limit.ts';
import { errorHandler, notFoundHandler } from './platform/http/errors.ts';
import { refuseControlCharacters } from './platform/http/control-characters.ts';
import { oneUseForms, repeatedForms } from './platform/http/one-use-forms.ts';
import { createViews } from './platform/views/nunjucks.ts';
import { pageKeeper, type PageKeeper } from './platform/http/kept-pages.ts';
import { assetRoutes } from './platform/views/assets.ts';
import { auditRoutes, platformAuditRoutes } from './platform/audit/audit.routes.ts';
import {
  mailChoicesRoutes,
  oneClickUnsubscribe,
  outboxRoutes,
  unsubscribePageRoutes,
} from './platform/mail/mail.routes.ts';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';
import type { Services } from './services.ts';
import { authoritiesApi, authoritiesRoutes } from './modules/authorities/index.ts';
import { partnershipsApi, partnershipsRoutes, type PartnershipRow } from './modules/partnerships/index.ts';
import {
  joinRoutes,
  membersRoutes,
  oidcClient,
  signInRoutes,
  tokensRoutes,
  type RequestContext,
} from './modules/accounts/index.ts';
import { bodiesApi, bodiesRoutes } from './modules/bodies/index.ts';
import {
  categories,
  directoryRoutes,
  importRoutes,
  membershipApi,
  seatsRoutes,
  appointmentsRoutes,
} from './modules/membership/index.ts';
import { complianceApi, complianceRoutes } from './modules/compliance/index.ts';
import {
  responseLinkRoutes,
  surveysApi,
  surveysAuthoringRoutes,
  surveysRespondRoutes,
  surveysRoutes,
} from './modules/surveys/index.ts';
import { meetingsApi, meetingsRoutes, actionStatuses } from './modules/meetings/index.ts';
import { agendaRoutes, agendaMailRoutes } from './modules/agenda/index.ts';
import { attendanceRoutes, declarationsRoutes } from './modules/attendance/index.ts';
import { recordRoutes, electionsRoutes } from './modules/record/index.ts';
import { consultationRoutes, consultationsApi } from './modules/consultations/index.ts';
import { reportRoutes, minutesRoutes, boardPackRoutes } from './modules/documents/index.ts';
import { formatDate } from './platform/dates.ts';
import { indicatorsApi, indicatorsRoutes } from './modules/indicators/index.ts';
import { plansApi, plansRoutes } from './modules/plans/index.ts';
import { benchmarkingApi, benchmarkingRoutes } from './modules/benchmarking/index.ts';
import {
  calendarAccountRoutes,
  calendarFeedRoutes,
  publicSettingsRoutes,
  publicSiteRoutes,
  publicSiteService,
} from './modules/public/index.ts';
import { openDataRoutes, openDataService } from './modules/opendata/index.ts';
import { resourcesApi, resourcesRoutes } from './modules/resources/index.ts';
import { voiceApi, voicePublicRoutes, voiceRoutes, voiceYouSaidRoutes } from './modules/voice/index.ts';
import { navigationFor, type Navigation } from './navigation.ts';
import { toDoList } from './overview.ts';
import { openApiDocument } from './openapi.ts';
import type { PdfPrinter } from './platform/documents/pdf.ts';
import { renderPrintableWith } from './platform/documents/render.ts';
import { OfficeConverter } from './platform/documents/office.ts';

const contextRead = Symbol('the request context read with the session');
type ContextRead = Request & { [contextRead]?: { slug: string | null; context: RequestContext | null } };

export interface AppOptions {
  config: Config;
  db: Database<DB>;
  services: Services;
  logger: Logger;
  sessionSecret: string;
  /** Prints PDF documents; the caller closes it when the app stops. */
  printer: PdfPrinter;
}

export function createApp(options: AppOptions): Express {
  const { config, db, services, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', etagOf);
  app.set('trust proxy', config.TRUST_PROXY);
  createViews(app, { cache: config.NODE_ENV !== 'development' });

  const visibleTo = async (user: SignedInUser): Promise<PartnershipRow[]> => {
    if (user.platformAdmin) return services.partnerships.list();
    const memberships = await services.members.partnershipsOf(user.id);
    return services.partnerships.list({ ids: memberships.map((m) => m.partnershipId) });
  };
  // A page's session, its user and the partnership its URL names are read in one statement
  // (ADR 0022); authentication and the tenant context then find them already read, on the
  // request itself. Not in a WeakMap keyed by requests: V8's young-generation collector keeps
  // a WeakMap's values alive while their keys are young, so every request's objects would
  // outlive it until a full collection, and each minor pause would copy megabytes (ADR 0024).
  const readWith = {
    get: (req: Request) => (req as ContextRead)[contextRead],
    set: (req: Request, read: NonNullable<ContextRead[typeof contextRead]>) => {
      (req as ContextRead)[contextRead] = read;
    },
  };
  const tenantSlugOf = (req: Request) => /^\/partnerships\/([a-z0-9-]+)(?:\/|$)/.exec(req.path)?.[1] ?? null;
  const readSession = async (sid: string, req: Request) => {
    const slug = tenantSlugOf(req);
    const found = await services.members.session(sid, slug);
    if (found) readWith.set(req, { slug, context: found.context });
    return (found?.data ?? null) as SessionData | null;
  };
  const userBySession = async (userId: string, req: Request) => {
    let read = readWith.get(req);
    // read with the session, unless the store read the session alone
    if (!read) {
      const slug = tenantSlugOf(req);
      read = { slug, context: await services.members.requestContext(userId, slug) };
      readWith.set(req, read);
    }
    return read.context?.user.id === userId ? read.context.user : null;
  };
  const resolveTenant = async (slug: string, user: SignedInUser, req?: Request) => {
    const read = req && readWith.get(req);
    return read?.slug === slug && read.context?.user.id === user.id
      ? read.context.access
      : services.members.access(slug, user.id);
  };

  // 1. Observability and security headers; static assets and health need nothing else.
  app.use(requestLogging(logger));
  app.use(securityHeaders());
  app.use(assetRoutes());
  app.use(
    healthRoutes(async () => {
      const pending = await pendingMigrations(db.owner, migrations);
      return { database: 'ok', pendingMigrations: pending.length };
    }),
  );

  // 2. One read-only transaction for a request's reads (ADR 0008), bodies, session, who is
  // asking, CSRF.
  app.use((_req, res, next) => {
    const { reads } = db.requestScope(() => next());
    res.once('close', () => void reads.end().catch(() => undefined));
  });
  // Pages kept under the partnership's data version, declared on their routes (ADR 0056);
  // outside production each answer served from what was kept is checked against a fresh one.
  const keeper: PageKeeper = {
    db: db as Database<unknown>,
    check: config.KEPT_PAGES_CHECK ?? config.NODE_ENV !== 'production',
  };
  app.use(pageKeeper(keeper));
  // Signed-out, cacheable and before the session, so no cookie is set (ADR 0029): the public
  // site of a published partnership, its open data and the secret calendar feeds.
  const publicSite = publicSiteService(db, services, keeper);
  app.use(publicSiteRoutes(publicSite, config.PUBLIC_URL));
  app.use(calendarFeedRoutes(publicSite, config.PUBLIC_URL));
  app.use(openDataRoutes(openDataService(publicSite, keeper), config.PUBLIC_URL));
  app.use(
    voiceYouSaidRoutes(services.voice, async (slug) => (await services.partnerships.bySlug(slug)) ?? null),
  );
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  // NUL and other control characters never reach a session, a service or the database (ADR 0044)
  app.use(refuseControlCharacters());
  app.use(
    sessions({
      pool: db.engine.pool,
      secret: options.sessionSecret,
      secure: secureCookies(config),
      prune: config.NODE_ENV !== 'test',
      read: readSession,
    }),
  );
  app.use(authenticate({ userBySession, userByToken: services.accounts.userByToken }));
  // a mail client's one-click unsubscribe (RFC 8058) carries no session: its token is the check
  app.use(oneClickUnsubscribe(services.mail));
  app.use(csrfProtection({ secret: options.sessionSecret, secure: secureCookies(config) }));
  // a form's one-use token: a repeated POST makes nothing twice (ADR 0044)
  app.use(oneUseForms(db.owner as Kysely<unknown>));

  // 3. What every page shows: the user, a one-off message, the navigation.
  app.use((req, res, next) => {
    res.locals.currentUser = req.user;
    if (req.session?.flash) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
    // worked out when a page is rendered, once the router that answers has set the tenant
    let navigation: Navigation | undefined;
    const navigated = () => (navigation ??= navigationFor(req));
    Object.defineProperty(res.locals, 'navigation', { enumerable: true, get: () => navigated().menu });
    Object.defineProperty(res.locals, 'sectionNavigation', {
      enumerable: true,
      get: () => navigated().sections,
    });
    next();
  });

  // 4. Pages.
  const tenant = Router({ mergeParams: true });
  app.use(
    signInRoutes(
      services.accounts,
      signInRateLimit(config.SIGN_IN_RATE_LIMIT, config.SIGN_IN_WINDOW_MINUTES),
      {
        passwordSignIn: config.PASSWORD_SIGN_IN === 'on',
        oidc:
          config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
            ? oidcClient({
                issuer: config.OIDC_ISSUER,
                clientId: config.OIDC_CLIENT_ID,
                clientSecret: config.OIDC_CLIENT_SECRET,
                redirectUrl: oidcRedirectUrl(config)!,
                scopes: config.OIDC_SCOPES,
                label: config.OIDC_BUTTON_LABEL,
                trustEmail: config.OIDC_TRUST_EMAIL,
                acceptInvitations: config.OIDC_ACCEPT_INVITATIONS,
              })
            : undefined,
      },
    ),
  );
  app.use(joinRoutes(services.members, async (slug) => (await services.partnerships.bySlug(slug)) ?? null));
  app.use(
    responseLinkRoutes(services.surveys, async (slug) => (await services.partnerships.bySlug(slug)) ?? null),
  );
  app.use(
    voicePublicRoutes(services.voice, async (slug) => (await services.partnerships.bySlug(slug)) ?? null, {
      secureCookies: config.COOKIE_SECURE ?? config.NODE_ENV === 'production',
    }),
  );
  app.use(tokensRoutes(services.tokens));
  app.use(platformAuditRoutes(db as Database<unknown>));
  app.use(calendarAccountRoutes(publicSite, config.PUBLIC_URL));
  app.use(mailChoicesRoutes(services.mail));
  app.use(unsubscribePageRoutes(services.mail));
  app.use(authoritiesRoutes(services.authorities));
  const dashboard = async (caller: Caller, slug: string) => {
    const [evaluation, attention, consultations, toDo] = await Promise.all([
      services.compliance.evaluate(caller),
      services.membership.attention(caller),
      services.consultations.due(caller),
      // what needs doing and a new partnership's first steps (issue 23; ADR 0049)
      toDoList(services, caller, slug),
    ]);
    return {
      notMet: evaluation.results.filter((result) => result.status === 'not-met'),
      compliance: { counts: evaluation.counts, rarelyAttended: evaluation.rarelyAttended },
      ...attention,
      consultations,
      ...toDo,
    };
  };
  app.use(
    partnershipsRoutes(
      { partnerships: services.partnerships, authorities: services.authorities, visibleTo, dashboard },
      tenant,
    ),
  );
  tenant.use(membersRoutes(services.members, config.PUBLIC_URL));
  tenant.use(
    bodiesRoutes(services.bodies, {
      people: async (caller) =>
        (await services.membership.people(caller)).map(({ id, name }) => ({ id, name })),
      categories,
    }),
  );
  tenant.use(importRoutes(services.membership, services.bodies));
  tenant.use(seatsRoutes(services.membership, services.bodies));
  tenant.use(appointmentsRoutes(services.appointments, services.membership, services.bodies));
  tenant.use(directoryRoutes(services.membership));
  tenant.use(complianceRoutes(services.compliance, options.printer));
  tenant.use(surveysAuthoringRoutes(services.surveys, config.PUBLIC_URL));
  tenant.use(
    plansRoutes(services.plans, options.printer, {
      // the voice module's "from what young people said" against each priority (issue 22)
      priorityOrigins: (caller, slug) => services.voice.priorityOriginLinks(caller, slug),
      // the resources module's figures in the plan on a page and the progress report (issue 21)
      planResources: async (caller, planId, year) =>
        (await services.resources.planResources(caller, [planId], year))[0] ?? null,
      // what the resources hold against a priority or action, on its delete page (ADR 0048),
      // and the action log's actions raised for a priority (issue 23)
      partLinks: async (caller, part) => {
        const links = await services.resources.planPartLinks(caller, part);
        if (!('priorityId' in part)) return links;
        const logged = (await services.record.ofPriorities(caller, [part.priorityId]))[part.priorityId] ?? [];
        return {
          ...links,
          logged: logged.map(
            (action) =>
              `${action.reference ? `${action.reference} ` : ''}“${action.text}” (raised at ${action.meetingTitle} on ${formatDate(action.meetingStartsAt)})`,
          ),
        };
      },
      // the action log's actions raised for each priority, shown with it (issue 23)
      loggedActions: async (caller, slug) => {
        const byPriority = await services.record.ofPriorities(caller);
        return Object.fromEntries(
          Object.entries(byPriority).map(([priorityId, actions]) => [
            priorityId,
            actions.map((action) => ({
              reference: action.reference,
              text: action.text,
              owner: action.owner,
              dueOn: action.dueOn,
              status: actionStatuses[action.status as keyof typeof actionStatuses] ?? action.status,
              overdue: action.overdue,
              meeting: {
                title: action.meetingTitle,
                startsAt: action.meetingStartsAt,
                href: `/partnerships/${slug}/meetings/${action.meetingId}#actions`,
              },
            })),
          ]),
        );
      },
    }),
  );
  tenant.use(benchmarkingRoutes(services.benchmarking));
  tenant.use(resourcesRoutes(services.resources, options.printer));
  tenant.use(indicatorsRoutes(services.indicators));
  tenant.use(surveysRoutes(services.surveys));
  tenant.use(voiceRoutes(services.voice, options.printer, config.PUBLIC_URL));
  tenant.use(surveysRespondRoutes(services.surveys));
  tenant.use(
    meetingsRoutes(
      services.meetings,
      services.agenda,
      services.attendance,
      services.record,
      config.PUBLIC_URL,
      services.boardPacks,
      services.declarations,
      // the young people's board's recommendations considered at each item (issue 22)
      (caller, slug, meetingId) => services.voice.consideredAt(caller, slug, meetingId),
      services.elections,
    ),
  );
  services.boardPacks.usePrinter(options.printer, (view, locals) => renderPrintableWith(app, view, locals));
  // Word, OpenDocument and PowerPoint papers in the pack through LibreOffice, when installed (ADR 0047)
  services.boardPacks.useOffice(new OfficeConverter(config.SOFFICE_PATH));
  services.boardPacks.useMinutes(services);
  tenant.use(boardPackRoutes(services.boardPacks));
  tenant.use(recordRoutes(services.meetings, services.agenda, services.record));
  tenant.use(electionsRoutes(services.meetings, services.elections));
  tenant.use(attendanceRoutes(services.meetings, services.attendance, options.printer));
  tenant.use(declarationsRoutes(services.declarations));
  tenant.use(agendaRoutes(services.meetings, services.agenda));
  tenant.use(agendaMailRoutes(services.agendaMail, services.mail.configured));
  tenant.use(reportRoutes(services.reports, options.printer));
  tenant.use(minutesRoutes(services.meetings, services, options.printer));
  tenant.use(consultationRoutes(services.meetings, services.agenda, services.consultations, options.printer));
  tenant.use(auditRoutes(db as Database<unknown>));
  tenant.use(publicSettingsRoutes(publicSite));
  tenant.use(outboxRoutes(services.mail));
  app.use(
    '/partnerships/:slug',
    tenantContext(resolveTenant),
    (req, res, next) => {
      res.locals.tenant = req.tenant;
      next();
    },
    tenant,
  );

  // 5. The JSON API, over the same services.
  const api = Router();
  api.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  api.use(authoritiesApi(services.authorities));
  api.use(partnershipsApi(services.partnerships, visibleTo));
  api.use(
    surveysApi(services.surveys, async (req) => {
      const user = req.user!;
      const partnerships = await visibleTo(user);
      const accesses = await Promise.all(partnerships.map((p) => resolveTenant(p.slug, user)));
      return partnerships.map((p, index) => ({
        slug: p.slug,
        caller: {
          ...callerOf(req),
          role: accesses[index]?.role ?? null,
          partnershipId: p.id,
        },
      }));
    }),
  );
  const tenantApi = Router({ mergeParams: true });
  tenantApi.use(bodiesApi(services.bodies));
  tenantApi.use(membershipApi(services.membership, services.bodies));
  tenantApi.use(complianceApi(services.compliance));
  tenantApi.use(
    meetingsApi(
      services.meetings,
      services.agenda,
      services.attendance,
      services.record,
      services.boardPacks,
      services.declarations,
      services.elections,
    ),
  );
  tenantApi.use(consultationsApi(services.consultations));
  tenantApi.use(plansApi(services.plans));
  tenantApi.use(voiceApi(services.voice));
  tenantApi.use(indicatorsApi(services.indicators));
  tenantApi.use(benchmarkingApi(services.benchmarking));
  tenantApi.use(resourcesApi(services.resources));
  api.use('/partnerships/:slug', tenantContext(resolveTenant), tenantApi);
  app.use('/api/v1', api);

  // 6. Not found, and every error.
  app.use(notFoundHandler);
  app.use(repeatedForms(db.owner as Kysely<unknown>));
  app.use(errorHandler(logger));
  return app;
}
