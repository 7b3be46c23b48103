// SQL for inbound consultations and their questions.
import type { Trx } from '../../schema.ts';
import { meetingOfItem } from '../agenda/index.ts';
import type { ConsultationValues } from './consultation.schemas.ts';
import { countRows } from '../../platform/db/count-rows.ts';

export interface QuestionRow {
  id: string;
  number: number;
  question: string;
  answer: string | null;
  answeredAt: Date | null;
}

export interface ConsultationRow {
  id: string;
  agendaItemId: string;
  meetingId: string;
  title: string;
  issuedBy: string;
  deadline: string;
  summary: string | null;
  questions: QuestionRow[];
}

export const consultationRepository = {
  async list(trx: Trx, id?: string): Promise<ConsultationRow[]> {
    let query = trx
      .selectFrom('consultations as c')
      .select([
        'c.id',
        'c.agenda_item_id as agendaItemId',
        meetingOfItem('c.agenda_item_id').as('meetingId'),
        'c.title',
        'c.issued_by as issuedBy',
        'c.deadline',
        'c.summary',
      ])
      .orderBy('c.deadline')
      .orderBy('c.title');
    if (id) query = query.where('c.id', '=', id);
    const rows = await query.execute();
    if (!rows.length) return [];
    const questions = await trx
      .selectFrom('consultation_questions')
      .select(['id', 'consultation_id', 'number', 'question', 'answer', 'answered_at as answeredAt'])
      .where(
        'consultation_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('number')
      .execute();
    return rows.map((row) => ({
      ...row,
      questions: questions
        .filter((q) => q.consultation_id === row.id)
        .map(({ consultation_id: _, ...question }) => question),
    }));
  },

  async insert(trx: Trx, partnershipId: string, itemId: string, values: ConsultationValues): Promise<string> {
    const { id } = await trx
      .insertInto('consultations')
      .values({
        partnership_id: partnershipId,
        agenda_item_id: itemId,
        title: values.title,
        issued_by: values.issuedBy,
        deadline: values.deadline,
        summary: values.summary,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('consultation_questions')
      .values(
        values.questions.map((question, index) => ({
          partnership_id: partnershipId,
          consultation_id: id,
          number: index + 1,
          question,
        })),
      )
      .execute();
    return id;
  },

  async answer(trx: Trx, questionId: string, answer: string | null): Promise<void> {
    await trx
      .updateTable('consultation_questions')
      .set({ answer, answered_at: answer ? new Date() : null })
      .where('id', '=', questionId)
      .execute();
  },

  /** How many consultations are answered at an agenda item. */
  onItem: (trx: Trx, itemId: string): Promise<number> =>
    countRows(trx.selectFrom('consultations').where('agenda_item_id', '=', itemId)),
};
