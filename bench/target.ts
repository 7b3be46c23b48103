// What the bench scripts share: the server's configuration for a bench run, and what they
// measure (the partnership, its generated administrator, the board's meeting). Kept apart from
// run.ts so that a script run.ts starts (boardpack.ts) does not import the runner back.
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { fromLondon } from '../src/modules/meetings/index.ts';
import type { Services } from '../src/services.ts';
import { SetupProblem } from './command.ts';
import { benchBoardSlug, benchMeetingYear, memberEmail } from './identities.ts';
import type { BenchRoute, RouteTarget } from './routes.ts';
/**
 * The server as production runs it (templates cached, request logs only for warnings unless
 * LOG_LEVEL says otherwise), always on 127.0.0.1 and a free port, over plain HTTP.
 */
export function serverConfig(): Config {
  return loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    COOKIE_SECURE: 'false',
    INSECURE_COOKIES_IN_PRODUCTION: 'true',
  });
}

/** The partnership whose pages are measured, and its generated administrator. */
export async function chooseTarget(services: Services, wanted: string | undefined) {
  const slugs = wanted ? [wanted] : (await services.partnerships.list()).map((row) => row.slug);
  for (const slug of slugs) {
    const email = memberEmail(slug, 'admin');
    if (await services.accounts.userIdByEmail(email)) return { slug, email };
  }
  throw new SetupProblem(
    wanted
      ? `${wanted} has no generated administrator (${memberEmail(wanted, 'admin')})`
      : 'No generated partnership found: run `npm run bench -- generate` first, with the same DATA_DIR',
  );
}

/** The board's last board meeting held in `benchMeetingYear`: the meeting page measured. */
export async function chooseMeeting(services: Services, slug: string): Promise<string> {
  const partnership = await services.partnerships.bySlug(slug);
  const caller = systemCaller('bench run', partnership!.id);
  const board = (await services.bodies.list(caller)).find((body) => body.slug === benchBoardSlug);
  const held = board
    ? (
        await services.meetings.list(caller, {
          bodyId: board.id,
          from: fromLondon(`${benchMeetingYear}-01-01`, '00:00'),
          to: fromLondon(`${benchMeetingYear + 1}-01-01`, '00:00'),
        })
      ).filter((meeting) => meeting.kind === 'board-meeting' && meeting.state === 'held')
    : [];
  if (!held.length)
    throw new SetupProblem(
      `${slug}'s board held no board meeting in ${benchMeetingYear}: run \`npm run bench -- generate\` ` +
        'again to add the meetings step',
    );
  return held.at(-1)!.id;
}

/**
 * The public site's routes need the measured partnership published (the generator publishes
 * six in ten at random): published here, as the system, through the service (audited), if not.
 * Returns whether it had to be.
 */
export async function ensurePublished(services: Services, slug: string): Promise<boolean> {
  const partnership = (await services.partnerships.bySlug(slug))!;
  if (partnership.published) return false;
  await services.partnerships.update(systemCaller('bench run', partnership.id), partnership.id, {
    authorityGssCode: partnership.authorityGssCode,
    name: partnership.name,
    slug: partnership.slug,
    established: partnership.established ?? undefined,
    status: partnership.status as 'proposed' | 'active' | 'closed',
    published: true,
  });
  return true;
}

/** The measured partnership, its administrator and, when a route needs it, the meeting. */
export async function chooseRouteTarget(
  services: Services,
  wanted: string | undefined,
  routes: BenchRoute[],
) {
  const target = await chooseTarget(services, wanted);
  if (routes.some((route) => route.needsPublished) && (await ensurePublished(services, target.slug)))
    process.stdout.write(`Published ${target.slug}: the public site's routes need it\n`);
  const routeTarget: RouteTarget = {
    slug: target.slug,
    meetingId: routes.some((route) => route.needsMeeting) ? await chooseMeeting(services, target.slug) : '',
  };
  return { ...target, routeTarget };
}
