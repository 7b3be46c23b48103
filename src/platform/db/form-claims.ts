// One-use form tokens, the database's side (ADR 0044). A request that carries a form's one-use
// token claims it in its first write transaction: the token's digest is inserted into
// `form_submissions` as that transaction's first statement, so it commits exactly when what the
// form made does, and rolls back with it (a refused form can be sent again). A second request
// with the same token waits on the digest's unique key until the first commits, then fails
// here (AlreadySubmitted), having written nothing; its answer is the first one's result.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type Transaction } from 'kysely';
import { currentReads } from './request-reads.ts';

/** The form was sent before with the same one-use token: the first submission's result stands. */
export class AlreadySubmitted extends Error {
  readonly digest: string;
  constructor(digest: string) {
    super('This form has already been sent');
    this.digest = digest;
  }
}

interface Claim {
  digest: string;
  /** open: not claimed yet; in flight: a transaction is claiming it; then claimed or repeated. */
  state: 'open' | 'in flight' | 'claimed' | 'repeated';
}

const claims = new AsyncLocalStorage<Claim>();

/** Runs `work` (a request's handling) with the token whose digest is `digest` to claim. */
export function withFormClaim<T>(digest: string, work: () => T): T {
  return claims.run({ digest, state: 'open' }, work);
}

/** Whether this request's token was claimed by one of its transactions that committed. */
export function formClaimed(): string | undefined {
  const claim = claims.getStore();
  return claim?.state === 'claimed' ? claim.digest : undefined;
}

/**
 * For `Database.transaction`: the request's unclaimed token, marked in flight, with `claim` (the
 * transaction's first statement) and `settle` (after the commit or rollback). Undefined when the
 * request has no token, or one of its transactions has it already.
 */
export function openClaim():
  { claim: (trx: Transaction<unknown>) => Promise<void>; settle: (committed: boolean) => void } | undefined {
  const current = claims.getStore();
  if (!current || current.state !== 'open') return undefined;
  current.state = 'in flight';
  return {
    async claim(trx) {
      try {
        await sql`with pruned as (
                    delete from form_submissions where submitted_at < now() - interval '1 day'
                  )
                  insert into form_submissions (digest) values (${current.digest})`.execute(trx);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') {
          current.state = 'repeated';
          throw new AlreadySubmitted(current.digest);
        }
        throw error;
      }
    },
    settle(committed) {
      if (current.state === 'in flight') current.state = committed ? 'claimed' : 'open';
    },
  };
}

/** Notes where the first submission's answer went (its redirect), for a repeat to go there too. */
export async function recordFormResult(owner: Kysely<unknown>, digest: string, location: string) {
  await currentReads(owner)?.end(); // the connection the request's reads hold (one, embedded)
  await sql`update form_submissions set location = ${location} where digest = ${digest}`.execute(owner);
}

/** Where the first submission with this digest went; undefined while it has not answered yet. */
export async function formResult(owner: Kysely<unknown>, digest: string): Promise<string | undefined> {
  await currentReads(owner)?.end();
  const { rows } = await sql<{ location: string | null }>`
    select location from form_submissions where digest = ${digest}`.execute(owner);
  return rows[0]?.location ?? undefined;
}
