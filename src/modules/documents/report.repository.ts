// SQL for committee reports: one for an agenda item at most.
import type { Trx } from '../../schema.ts';
import type { CommitteeReportValues } from './report.schemas.ts';
import { countRows } from '../../platform/db/count-rows.ts';

export interface CommitteeReportRow extends CommitteeReportValues {
  id: string;
  agendaItemId: string;
  updatedAt: Date;
}

const columns = [
  'id',
  'agenda_item_id as agendaItemId',
  'report_to as reportTo',
  'report_of as reportOf',
  'author',
  'contact_officer as contactOfficer',
  'title',
  'confidentiality',
  'purpose',
  'summary',
  'background',
  'recommendations',
  'decision',
  'background_documents as backgroundDocuments',
  'financial_implications as financialImplications',
  'legal_implications as legalImplications',
  'equality_implications as equalityImplications',
  'risk_implications as riskImplications',
  'appendices',
  'updated_at as updatedAt',
] as const;

const row = (values: CommitteeReportValues) => ({
  report_to: values.reportTo,
  report_of: values.reportOf,
  author: values.author,
  contact_officer: values.contactOfficer,
  title: values.title,
  confidentiality: values.confidentiality,
  purpose: values.purpose,
  summary: values.summary,
  background: values.background,
  recommendations: values.recommendations,
  decision: values.decision,
  background_documents: values.backgroundDocuments,
  financial_implications: values.financialImplications,
  legal_implications: values.legalImplications,
  equality_implications: values.equalityImplications,
  risk_implications: values.riskImplications,
  appendices: values.appendices,
});

export const reportRepository = {
  forItem: (trx: Trx, itemId: string): Promise<CommitteeReportRow | undefined> =>
    trx
      .selectFrom('committee_reports')
      .select(columns)
      .where('agenda_item_id', '=', itemId)
      .executeTakeFirst(),

  /** Item ids (of those given) that have a report. */
  async itemsWithReports(trx: Trx, itemIds: string[]): Promise<Set<string>> {
    if (!itemIds.length) return new Set();
    const rows = await trx
      .selectFrom('committee_reports')
      .select('agenda_item_id')
      .where('agenda_item_id', 'in', itemIds)
      .execute();
    return new Set(rows.map((r) => r.agenda_item_id));
  },

  async save(
    trx: Trx,
    partnershipId: string,
    itemId: string,
    values: CommitteeReportValues,
  ): Promise<string> {
    const saved = await trx
      .insertInto('committee_reports')
      .values({ partnership_id: partnershipId, agenda_item_id: itemId, ...row(values) })
      .onConflict((conflict) =>
        conflict.column('agenda_item_id').doUpdateSet({ ...row(values), updated_at: new Date() }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return saved.id;
  },

  /** How many committee reports an agenda item has (none or one). */
  onItem: (trx: Trx, itemId: string): Promise<number> =>
    countRows(trx.selectFrom('committee_reports').where('agenda_item_id', '=', itemId)),
};
