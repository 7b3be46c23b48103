import type { Trx } from '../../schema.ts';

export interface PartnershipRow {
  id: string;
  slug: string;
  name: string;
  authorityGssCode: string;
  authorityName: string;
  established: string | null;
  status: string;
  published: boolean;
  updatedAt: Date;
}

export interface PartnershipValues {
  authorityGssCode: string;
  name: string;
  slug: string;
  established: string | null;
  status: string;
  published: boolean;
}

function selectPartnerships(trx: Trx) {
  return trx
    .selectFrom('partnerships as p')
    .innerJoin('authorities as a', 'a.gss_code', 'p.authority_gss_code')
    .select([
      'p.id',
      'p.slug',
      'p.name',
      'p.authority_gss_code as authorityGssCode',
      'a.name as authorityName',
      'p.established',
      'p.status',
      'p.published',
      'p.updated_at as updatedAt',
    ]);
}

const columns = (values: PartnershipValues) => ({
  authority_gss_code: values.authorityGssCode,
  name: values.name,
  slug: values.slug,
  established: values.established,
  status: values.status,
  published: values.published,
});

export const partnershipsRepository = {
  async list(trx: Trx, filter: { ids?: string[]; published?: boolean }): Promise<PartnershipRow[]> {
    let query = selectPartnerships(trx);
    if (filter.ids) {
      if (!filter.ids.length) return [];
      query = query.where('p.id', 'in', filter.ids);
    }
    if (filter.published !== undefined) query = query.where('p.published', '=', filter.published);
    return query.orderBy('p.name').execute();
  },

  bySlug: (trx: Trx, slug: string): Promise<PartnershipRow | undefined> =>
    selectPartnerships(trx).where('p.slug', '=', slug).executeTakeFirst(),

  byId: (trx: Trx, id: string): Promise<PartnershipRow | undefined> =>
    selectPartnerships(trx).where('p.id', '=', id).executeTakeFirst(),

  async slugTaken(trx: Trx, slug: string, exceptId?: string): Promise<boolean> {
    let query = trx.selectFrom('partnerships').select('id').where('slug', '=', slug);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return Boolean(await query.executeTakeFirst());
  },

  async insert(trx: Trx, values: PartnershipValues): Promise<string> {
    const row = await trx
      .insertInto('partnerships')
      .values(columns(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(trx: Trx, id: string, values: PartnershipValues): Promise<void> {
    await trx
      .updateTable('partnerships')
      .set({ ...columns(values), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },
};
