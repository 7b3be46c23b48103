// Partnerships: the tenants. Only a platform administrator creates one; a partnership's
// administrators edit its details. Every change is audited in its own transaction.
import type { Database } from '../../platform/db/database.ts';
import { switchPartnership } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { assertCan, type Caller } from '../../platform/http/auth.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { DB, Trx } from '../../schema.ts';
import { authorityLife, withinLife, type Life } from '../authorities/index.ts';
import {
  partnershipsRepository as repository,
  type PartnershipRow,
  type PartnershipValues,
} from './partnerships.repository.ts';

export interface PartnershipChange {
  authorityGssCode: string;
  name: string;
  slug: string;
  established?: string | undefined;
  status: string;
  published: boolean;
}

const values = (input: PartnershipChange): PartnershipValues => ({
  ...input,
  established: input.established ?? null,
});

const snapshot = (row: PartnershipRow) => ({
  name: row.name,
  slug: row.slug,
  authorityGssCode: row.authorityGssCode,
  established: row.established,
  status: row.status,
  published: row.published,
});

/** Why a date established cannot be right for a council that existed only for its years. */
function outsideLife(authority: Life & { name: string }): string {
  const { name, validFrom, validTo } = authority;
  if (validFrom && validTo)
    return `${name} existed from ${formatDate(validFrom)} to ${formatDate(validTo)}: enter a date established between those dates, or choose the council of that time`;
  if (validTo)
    return `${name} existed until ${formatDate(validTo)}: enter a date established on or before it, or choose the council that succeeded it`;
  return `${name} came into being on ${formatDate(validFrom)}: enter a date established on or after it, or choose the council it succeeded`;
}

async function checkRules(trx: Trx, input: PartnershipChange, exceptId?: string): Promise<void> {
  const problems = [];
  if (await repository.slugTaken(trx, input.slug, exceptId)) {
    problems.push({
      path: 'slug',
      message: 'A partnership with this short name already exists: choose another',
    });
  }
  const authority = await authorityLife(trx, input.authorityGssCode);
  if (!authority)
    problems.push({ path: 'authorityGssCode', message: 'Select a local authority from the list' });
  else if (input.established && !withinLife(input.established, authority))
    problems.push({ path: 'established', message: outsideLife(authority) });
  if (problems.length) throw new RuleViolation(problems);
}

export function partnershipsService(db: Database<DB>) {
  return {
    /** Partnerships by id (those a user belongs to), or every one for a platform administrator. */
    list(filter: { ids?: string[]; published?: boolean } = {}) {
      return db.read({}, (trx) => repository.list(trx, filter));
    },

    bySlug(slug: string) {
      return db.read({}, (trx) => repository.bySlug(trx, slug));
    },

    async create(caller: Caller, input: PartnershipChange): Promise<PartnershipRow> {
      if (!caller.platformAdmin) throw forbidden('Only a platform administrator can create a partnership.');
      return db.transaction({ userId: caller.userId }, async (trx) => {
        await checkRules(trx, input);
        const id = await repository.insert(trx, values(input));
        await switchPartnership(trx, id);
        const created = (await repository.byId(trx, id))!;
        await recordChange(trx, caller.actor, {
          partnershipId: id,
          action: 'create',
          entityType: 'partnership',
          entityId: id,
          summary: `Created partnership ${created.name}`,
          after: snapshot(created),
        });
        return created;
      });
    },

    async update(caller: Caller, id: string, input: PartnershipChange): Promise<PartnershipRow> {
      assertCan(caller, 'partnership.settings');
      return db.transaction({ partnershipId: id, userId: caller.userId }, async (trx) => {
        const before = await repository.byId(trx, id);
        if (!before || caller.partnershipId !== id) throw forbidden();
        await checkRules(trx, input, id);
        await repository.update(trx, id, values(input));
        const after = (await repository.byId(trx, id))!;
        await recordChange(trx, caller.actor, {
          partnershipId: id,
          action: 'update',
          entityType: 'partnership',
          entityId: id,
          summary: `Changed the details of ${after.name}`,
          before: snapshot(before),
          after: snapshot(after),
        });
        return after;
      });
    },
  };
}

export type PartnershipsService = ReturnType<typeof partnershipsService>;
