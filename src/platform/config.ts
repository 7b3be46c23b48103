// Every setting the product reads from the environment, typed and documented in one schema.
// Unknown values are rejected at boot with every problem listed, never discovered later.
import { z } from 'zod';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

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
     * Answers kept between requests under each partnership's data version (ADR 0021): the
     * structure, seats and compliance a page shows. 0 turns keeping off.
     */
    READ_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100000).default(2000),
    /** Signs the session cookie. Required in production; generated and kept in DATA_DIR otherwise. Sensitive. */
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    /** Send cookies over HTTPS only. Defaults to true in production. */
    COOKIE_SECURE: flag.optional(),
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
    /** Wrong passwords in a row before an account is locked for ACCOUNT_LOCK_MINUTES. */
    ACCOUNT_LOCK_THRESHOLD: z.coerce.number().int().min(1).default(5),
    ACCOUNT_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Chromium, for PDF documents. Default: Debian's /usr/bin/chromium when installed. */
    CHROMIUM_PATH: z.string().min(1).optional(),
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
  });

export type Config = z.infer<typeof configSchema>;

/** Settings whose values never reach a log line. */
export const sensitiveSettings = ['DATABASE_URL', 'SESSION_SECRET', 'SMTP_URL'] as const;

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
