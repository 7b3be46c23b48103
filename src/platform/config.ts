// Every setting the product reads from the environment, typed and documented in one schema.
// Unknown values are rejected at boot with every problem listed, never discovered later.
import { z } from 'zod';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** TCP port the web server listens on. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface to bind. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** PostgreSQL connection string. Unset: the embedded database (PGlite) under DATA_DIR. Sensitive. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Folder for the embedded database and generated secrets; `memory://` keeps nothing. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** Connections in the PostgreSQL pool (the embedded database always uses one). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Kept pages' reads and HTML, under each partnership's data version, as their routes
     * declare them (ADR 0056). 0 turns keeping off.
     */
    READ_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100000).default(2000),
    /**
     * Work every answer served from a kept page out again and compare it (ADR 0056): on by default
     * outside production, where it makes a page that depends on an undeclared input fail its tests.
     */
    KEPT_PAGES_CHECK: flag.optional(),
    /** Signs the session cookie. Required in production; generated and kept in DATA_DIR otherwise. Sensitive. */
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    /** Send cookies over HTTPS only. Defaults to true in production, where false needs INSECURE_COOKIES_IN_PRODUCTION. */
    COOKIE_SECURE: flag.optional(),
    /** Lets production start with COOKIE_SECURE=false (plain HTTP on loopback only: smoke tests, benchmarks); logged as a warning. */
    INSECURE_COOKIES_IN_PRODUCTION: flag.default(false),
    /** Trust X-Forwarded-* from this many proxies in front (a load balancer is 1). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * How costly password hashes are: `standard` (argon2id's defaults) or `low` (the least argon2
     * allows), for the test suite alone, which signs hundreds of people in. Refused in production.
     */
    PASSWORD_HASH_COST: z.enum(['standard', 'low']).default('standard'),
    /** Sign-in attempts allowed from one address in SIGN_IN_WINDOW_MINUTES. */
    SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    /** The council's OpenID Connect provider (its issuer address): staff sign in with their own accounts. Unset: passwords only. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** The client secret the provider issued. Sensitive. */
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Where the provider sends people back; default PUBLIC_URL + /sign-in/oidc/callback. */
    OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The scopes asked for. */
    OIDC_SCOPES: z
      .string()
      .regex(/(^|\s)openid(\s|$)/, 'OIDC_SCOPES must include openid')
      .default('openid email profile'),
    /** The text of the sign-in button. */
    OIDC_BUTTON_LABEL: z.string().min(1).max(80).default('Sign in with your council account'),
    /** Take the provider's e-mail addresses as verified without an email_verified claim (a provider that only issues its own directory's addresses). */
    OIDC_TRUST_EMAIL: flag.default(false),
    /** Whether someone with a pending invitation but no account may sign in with the provider, making their account. */
    OIDC_ACCEPT_INVITATIONS: flag.default(true),
    /** Password sign-in: `off` leaves only the provider's button (needs OIDC_ISSUER). */
    PASSWORD_SIGN_IN: z.enum(['on', 'off']).default('on'),
    /** Wrong passwords in a row before an account is locked for ACCOUNT_LOCK_MINUTES. */
    ACCOUNT_LOCK_THRESHOLD: z.coerce.number().int().min(1).default(5),
    ACCOUNT_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Chromium, for PDF documents. Default: Debian's /usr/bin/chromium when installed. */
    CHROMIUM_PATH: z.string().min(1).optional(),
    /**
     * LibreOffice's soffice, which converts Word, OpenDocument and PowerPoint papers for the board
     * pack. Default: Debian's /usr/bin/soffice when installed; a path where nothing is installed
     * leaves such papers out of the pack, named as not included.
     */
    SOFFICE_PATH: z.string().min(1).optional(),
    /** Counts about children below this are suppressed in every shared survey output. */
    SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
    /** Days a survey response link stays valid when the survey has no closing date. */
    SURVEY_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(28),
    /** The address users reach the service on, used in links such as invitations. */
    PUBLIC_URL: z.url().optional(),
    /** The mail server, smtp(s)://user:password@host:port. Unset: nothing is sent; messages wait in the outbox. Sensitive. */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// address' })
      .optional(),
    /** The From address of every message. */
    MAIL_FROM: z.string().min(3).default('Cooperate <no-reply@cooperate.invalid>'),
    /** Seconds before a message that could not be sent is tried again; doubled each time (five tries). */
    MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  })
  .superRefine((config, context) => {
    if (config.NODE_ENV === 'production' && !config.SESSION_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'SESSION_SECRET is required in production',
      });
    }
    if (config.NODE_ENV === 'production' && config.PASSWORD_HASH_COST === 'low') {
      context.addIssue({
        code: 'custom',
        path: ['PASSWORD_HASH_COST'],
        message:
          'PASSWORD_HASH_COST=low is for the test suite: production hashes passwords at the standard cost',
      });
    }
    if (
      config.NODE_ENV === 'production' &&
      config.COOKIE_SECURE === false &&
      !config.INSECURE_COOKIES_IN_PRODUCTION
    ) {
      context.addIssue({
        code: 'custom',
        path: ['COOKIE_SECURE'],
        message:
          'production sends cookies over HTTPS only: COOKIE_SECURE=false also needs INSECURE_COOKIES_IN_PRODUCTION=true',
      });
    }
    if (config.OIDC_ISSUER) {
      for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
        if (!config[key])
          context.addIssue({ code: 'custom', path: [key], message: `${key} is required with OIDC_ISSUER` });
      if (!config.OIDC_REDIRECT_URL && !config.PUBLIC_URL)
        context.addIssue({
          code: 'custom',
          path: ['OIDC_REDIRECT_URL'],
          message: 'OIDC_REDIRECT_URL (or PUBLIC_URL) is required with OIDC_ISSUER',
        });
      const issuer = new URL(config.OIDC_ISSUER);
      if (issuer.protocol === 'http:' && !loopback.has(issuer.hostname))
        context.addIssue({
          code: 'custom',
          path: ['OIDC_ISSUER'],
          message: 'OIDC_ISSUER must be an https:// address (http:// only on this machine)',
        });
    } else if (config.PASSWORD_SIGN_IN === 'off') {
      context.addIssue({
        code: 'custom',
        path: ['PASSWORD_SIGN_IN'],
        message: 'PASSWORD_SIGN_IN=off needs OIDC_ISSUER: nobody could sign in',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Settings whose values never reach a log line. */
export const sensitiveSettings = [
  'DATABASE_URL',
  'SESSION_SECRET',
  'SMTP_URL',
  'OIDC_CLIENT_SECRET',
] as const;

/** The address the OpenID Connect provider sends people back to, when one is configured. */
export function oidcRedirectUrl(config: Config): string | undefined {
  if (!config.OIDC_ISSUER) return undefined;
  return config.OIDC_REDIRECT_URL ?? new URL('/sign-in/oidc/callback', config.PUBLIC_URL).href;
}

/** Whether session and other cookies are sent over HTTPS only. */
export function secureCookies(config: Config): boolean {
  return config.COOKIE_SECURE ?? config.NODE_ENV === 'production';
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Reads the settings this product knows from an environment; ignores the rest of it. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(configSchema.shape) as (keyof Config)[];
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = environment[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = configSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** The configuration with secrets replaced, for logging. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...config };
  for (const key of sensitiveSettings) if (copy[key] !== undefined) copy[key] = '[redacted]';
  return copy;
}
