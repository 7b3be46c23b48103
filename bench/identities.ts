// The accounts the generator creates and the runner signs in with. Derived from names rather
// than stored, so the runner needs nothing from the generator but the database itself.
// Bench data only: never load it into a database real people use.
import type { Role } from '../src/platform/http/permissions.ts';

export const benchDomain = 'bench.example.org';

/** Every generated user has this password (argon2 still hashes it once per user). */
export const benchPassword = 'bench password, not a secret';

/** The platform administrator whose API token the runner uses. */
export const benchAdminEmail = `bench-admin@${benchDomain}`;

/** The n-th (from 1) generated user with `role` in the partnership `slug`. */
export const memberEmail = (slug: string, role: Role, n = 1) =>
  `${slug}.${role}${n > 1 ? n : ''}@${benchDomain}`;

/** Every generated partnership's board (structure step): its seats page is measured. */
export const benchBoardSlug = 'board';

/** Every generated partnership's plan (performance step): its page and reports are measured. */
export const benchPlanSlug = 'cypp';

/** Every generated partnership's pooled fund (resources step): its statement is measured. */
export const benchFundSlug = 'pooled-fund';

/** The indicator whose page is measured: every generated partnership tracks it. */
export const benchIndicatorCode = 'NI 73';

/**
 * The year of the board's meetings (meetings step) whose attendance appendix is measured; the
 * meeting page measured is that of the board's last board meeting held that year.
 */
export const benchMeetingYear = 2025;
