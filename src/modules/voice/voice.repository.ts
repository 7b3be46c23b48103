// All the voice module's SQL. Every statement runs in the caller's transaction, with its
// tenant set, so row-level security keeps each to one partnership.
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';
import { countRows } from '../../platform/db/count-rows.ts';

const consultationColumns = [
  'id',
  'partnership_id as partnershipId',
  'slug',
  'title',
  'purpose',
  'audience',
  'opens_on as opensOn',
  'closes_on as closesOn',
  'status',
  'responses_per_device as responsesPerDevice',
  'response_limit as responseLimit',
  'areas',
  'asks_contact as asksContact',
  'contact_reason as contactReason',
  'privacy_notice as privacyNotice',
  'safeguarding_notice as safeguardingNotice',
  'link_token as linkToken',
  'summary',
  'results_public as resultsPublic',
  'agenda_item_id as agendaItemId',
] as const;

export interface ConsultationValues {
  slug: string;
  title: string;
  purpose: string;
  audience: string[];
  opensOn: string;
  closesOn: string;
  responsesPerDevice: number;
  responseLimit: number | null;
  areas: string[];
  asksContact: boolean;
  contactReason: string | null;
  privacyNotice: string;
  safeguardingNotice: string;
}

const row = (v: ConsultationValues) => ({
  slug: v.slug,
  title: v.title,
  purpose: v.purpose,
  audience: v.audience,
  opens_on: v.opensOn,
  closes_on: v.closesOn,
  responses_per_device: v.responsesPerDevice,
  response_limit: v.responseLimit,
  areas: v.areas,
  asks_contact: v.asksContact,
  contact_reason: v.asksContact ? v.contactReason : null,
  privacy_notice: v.privacyNotice,
  safeguarding_notice: v.safeguardingNotice,
});

export const voiceRepository = {
  list: (trx: Trx) =>
    trx
      .selectFrom('voice_consultations')
      .select([
        ...consultationColumns,
        (eb) =>
          eb
            .selectFrom('voice_responses as r')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('r.consultation_id', '=', 'voice_consultations.id')
            .as('responses'),
      ])
      .orderBy('opens_on', 'desc')
      .orderBy('title')
      .execute(),
  bySlug: (trx: Trx, slug: string) =>
    trx
      .selectFrom('voice_consultations')
      .select(consultationColumns)
      .where('slug', '=', slug)
      .executeTakeFirst(),
  byToken: (trx: Trx, token: string) =>
    trx
      .selectFrom('voice_consultations')
      .select(consultationColumns)
      .where('link_token', '=', token)
      .executeTakeFirst(),
  byIds: (trx: Trx, ids: string[]) =>
    ids.length
      ? trx.selectFrom('voice_consultations').select(['id', 'slug', 'title']).where('id', 'in', ids).execute()
      : Promise.resolve([]),
  slugTaken: async (trx: Trx, slug: string, exceptId?: string) =>
    Boolean(
      await trx
        .selectFrom('voice_consultations')
        .select('id')
        .where('slug', '=', slug)
        .$if(Boolean(exceptId), (q) => q.where('id', '<>', exceptId!))
        .executeTakeFirst(),
    ),
  insert: async (trx: Trx, partnershipId: string, values: ConsultationValues, token: string) =>
    (
      await trx
        .insertInto('voice_consultations')
        .values({ partnership_id: partnershipId, link_token: token, ...row(values) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  update: (trx: Trx, id: string, values: ConsultationValues) =>
    trx
      .updateTable('voice_consultations')
      .set({ ...row(values), updated_at: new Date() })
      .where('id', '=', id)
      .execute(),
  setStatus: (trx: Trx, id: string, status: string) =>
    trx
      .updateTable('voice_consultations')
      .set({ status, updated_at: new Date() })
      .where('id', '=', id)
      .execute(),
  setSummary: (trx: Trx, id: string, summary: string, resultsPublic: boolean) =>
    trx
      .updateTable('voice_consultations')
      .set({ summary, results_public: resultsPublic, updated_at: new Date() })
      .where('id', '=', id)
      .execute(),
  setAgendaItem: (trx: Trx, id: string, agendaItemId: string) =>
    trx
      .updateTable('voice_consultations')
      .set({ agenda_item_id: agendaItemId, updated_at: new Date() })
      .where('id', '=', id)
      .execute(),

  questions: (trx: Trx, consultationId: string) =>
    trx
      .selectFrom('voice_questions')
      .select(['id', 'position', 'text', 'easy_read as easyRead', 'kind', 'choices', 'required'])
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .execute(),
  insertQuestion: async (
    trx: Trx,
    partnershipId: string,
    consultationId: string,
    q: { text: string; easyRead: string | null; kind: string; choices: string[]; required: boolean },
  ) => {
    const last = await trx
      .selectFrom('voice_questions')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    return await trx
      .insertInto('voice_questions')
      .values({
        partnership_id: partnershipId,
        consultation_id: consultationId,
        position: Number(last?.p ?? 0) + 1,
        text: q.text,
        easy_read: q.easyRead,
        kind: q.kind,
        choices: q.kind === 'text' ? [] : q.choices,
        required: q.required,
      })
      .returning(['id', 'position'])
      .executeTakeFirstOrThrow();
  },
  deleteQuestion: (trx: Trx, consultationId: string, questionId: string) =>
    trx
      .deleteFrom('voice_questions')
      .where('consultation_id', '=', consultationId)
      .where('id', '=', questionId)
      .returning(['position', 'text'])
      .executeTakeFirst(),

  /** Responses so far: all of them, and those from one device. */
  responseCounts: async (trx: Trx, consultationId: string, device: string) => {
    const found = await trx
      .selectFrom('voice_responses')
      .select([
        (eb) => eb.fn.countAll<string>().as('all'),
        sql<string>`count(*) filter (where device = ${device})`.as('mine'),
      ])
      .where('consultation_id', '=', consultationId)
      .executeTakeFirstOrThrow();
    return { all: Number(found.all), mine: Number(found.mine) };
  },
  insertResponse: async (
    trx: Trx,
    partnershipId: string,
    consultationId: string,
    device: string,
    about: { ageBand: string | null; area: string | null; heardVia: string | null; contact: string | null },
    answers: { questionId: string; choices: string[]; text: string | null }[],
  ) => {
    const response = await trx
      .insertInto('voice_responses')
      .values({
        partnership_id: partnershipId,
        consultation_id: consultationId,
        device,
        age_band: about.ageBand,
        area: about.area,
        heard_via: about.heardVia,
        contact: about.contact,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (answers.length)
      await trx
        .insertInto('voice_answers')
        .values(
          answers.map((a) => ({
            partnership_id: partnershipId,
            response_id: response.id,
            question_id: a.questionId,
            choices: a.choices,
            text: a.text,
            moderation: a.text === null ? null : 'pending',
          })),
        )
        .execute();
    return response.id;
  },
  responses: (trx: Trx, consultationId: string) =>
    trx
      .selectFrom('voice_responses')
      .select(['age_band as ageBand', 'area', 'heard_via as heardVia'])
      .where('consultation_id', '=', consultationId)
      .execute(),
  answers: (trx: Trx, consultationId: string) =>
    trx
      .selectFrom('voice_answers as a')
      .innerJoin('voice_responses as r', 'r.id', 'a.response_id')
      .select([
        'a.id',
        'a.question_id as questionId',
        'a.choices',
        'a.text',
        'a.moderation',
        'a.theme',
        'r.age_band as ageBand',
        'r.area',
      ])
      .where('r.consultation_id', '=', consultationId)
      .orderBy('a.id')
      .execute(),
  contacts: (trx: Trx, consultationId: string) =>
    trx
      .selectFrom('voice_responses')
      .select('contact')
      .where('consultation_id', '=', consultationId)
      .where('contact', 'is not', null)
      .orderBy('contact')
      .execute(),
  textAnswer: (trx: Trx, consultationId: string, answerId: string) =>
    trx
      .selectFrom('voice_answers as a')
      .innerJoin('voice_responses as r', 'r.id', 'a.response_id')
      .innerJoin('voice_questions as q', 'q.id', 'a.question_id')
      .select(['a.id', 'a.moderation', 'a.theme', 'q.position'])
      .where('r.consultation_id', '=', consultationId)
      .where('a.id', '=', answerId)
      .where('a.text', 'is not', null)
      .executeTakeFirst(),
  moderate: (trx: Trx, answerId: string, moderation: string, theme: string | null) =>
    trx.updateTable('voice_answers').set({ moderation, theme }).where('id', '=', answerId).execute(),

  themes: (trx: Trx, consultationId: string) =>
    trx
      .selectFrom('voice_themes')
      .select(['id', 'code', 'title', 'said', 'position'])
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .execute(),
  insertTheme: async (
    trx: Trx,
    partnershipId: string,
    consultationId: string,
    theme: { code: string; title: string; said: string },
  ) => {
    const last = await trx
      .selectFrom('voice_themes')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    return (
      await trx
        .insertInto('voice_themes')
        .values({
          partnership_id: partnershipId,
          consultation_id: consultationId,
          position: Number(last?.p ?? 0) + 1,
          ...theme,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },
  outcomes: (trx: Trx, themeIds: string[]) =>
    themeIds.length
      ? trx
          .selectFrom('voice_outcomes')
          .select([
            'id',
            'theme_id as themeId',
            'kind',
            'decision_id as decisionId',
            'action_id as actionId',
            'priority_id as priorityId',
            'plan_action_id as planActionId',
            'note',
          ])
          .where('theme_id', 'in', themeIds)
          .orderBy('position')
          .execute()
      : Promise.resolve([]),
  insertOutcome: async (
    trx: Trx,
    partnershipId: string,
    themeId: string,
    o: {
      kind: string;
      decisionId: string | null;
      actionId: string | null;
      priorityId: string | null;
      planActionId: string | null;
      note: string | null;
    },
  ) => {
    const last = await trx
      .selectFrom('voice_outcomes')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('theme_id', '=', themeId)
      .executeTakeFirst();
    return (
      await trx
        .insertInto('voice_outcomes')
        .values({
          partnership_id: partnershipId,
          theme_id: themeId,
          position: Number(last?.p ?? 0) + 1,
          kind: o.kind,
          decision_id: o.decisionId,
          action_id: o.actionId,
          priority_id: o.priorityId,
          plan_action_id: o.planActionId,
          note: o.note,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },
  /** Priorities that came from what young people said: each with its theme and consultation. */
  priorityOrigins: (trx: Trx) =>
    trx
      .selectFrom('voice_outcomes as o')
      .innerJoin('voice_themes as t', 't.id', 'o.theme_id')
      .innerJoin('voice_consultations as c', 'c.id', 't.consultation_id')
      .select([
        'o.priority_id as priorityId',
        't.title as theme',
        't.code',
        'c.slug',
        'c.title as consultation',
      ])
      .where('o.kind', '=', 'priority')
      .orderBy('c.title')
      .orderBy('t.position')
      .execute(),

  recommendations: (trx: Trx) =>
    trx
      .selectFrom('voice_recommendations')
      .select([
        'id',
        'meeting_id as meetingId',
        'number',
        'text',
        'consultation_id as consultationId',
        'response',
        'reasons',
        'response_meeting_id as responseMeetingId',
        'reported_meeting_id as reportedMeetingId',
        'agenda_item_id as agendaItemId',
      ])
      .orderBy('created_at')
      .orderBy('number')
      .execute(),
  recommendation: (trx: Trx, id: string) =>
    trx
      .selectFrom('voice_recommendations')
      .select([
        'id',
        'meeting_id as meetingId',
        'number',
        'text',
        'response',
        'reasons',
        'response_meeting_id as responseMeetingId',
        'agenda_item_id as agendaItemId',
      ])
      .where('id', '=', id)
      .executeTakeFirst(),
  numberTaken: async (trx: Trx, meetingId: string, number: number) =>
    Boolean(
      await trx
        .selectFrom('voice_recommendations')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .where('number', '=', number)
        .executeTakeFirst(),
    ),
  insertRecommendation: async (
    trx: Trx,
    partnershipId: string,
    r: { meetingId: string; number: number; text: string; consultationId: string | null },
  ) =>
    (
      await trx
        .insertInto('voice_recommendations')
        .values({
          partnership_id: partnershipId,
          meeting_id: r.meetingId,
          number: r.number,
          text: r.text,
          consultation_id: r.consultationId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  respond: async (
    trx: Trx,
    partnershipId: string,
    id: string,
    r: {
      response: string;
      reasons: string | null;
      meetingId: string;
      actionIds: string[];
      priorityIds: string[];
    },
  ) => {
    await trx
      .updateTable('voice_recommendations')
      .set({ response: r.response, reasons: r.reasons, response_meeting_id: r.meetingId })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('voice_recommendation_actions').where('recommendation_id', '=', id).execute();
    if (r.actionIds.length)
      await trx
        .insertInto('voice_recommendation_actions')
        .values(
          r.actionIds.map((actionId) => ({
            partnership_id: partnershipId,
            recommendation_id: id,
            action_id: actionId,
          })),
        )
        .execute();
    await trx.deleteFrom('voice_recommendation_priorities').where('recommendation_id', '=', id).execute();
    if (r.priorityIds.length)
      await trx
        .insertInto('voice_recommendation_priorities')
        .values(
          r.priorityIds.map((priorityId) => ({
            partnership_id: partnershipId,
            recommendation_id: id,
            priority_id: priorityId,
          })),
        )
        .execute();
  },
  reportBack: (trx: Trx, id: string, meetingId: string) =>
    trx
      .updateTable('voice_recommendations')
      .set({ reported_meeting_id: meetingId })
      .where('id', '=', id)
      .execute(),
  recommendationActions: (trx: Trx) =>
    trx
      .selectFrom('voice_recommendation_actions')
      .select(['recommendation_id as recommendationId', 'action_id as actionId'])
      .execute(),
  recommendationPriorities: (trx: Trx) =>
    trx
      .selectFrom('voice_recommendation_priorities')
      .select(['recommendation_id as recommendationId', 'priority_id as priorityId'])
      .execute(),
  setMinuteItem: (trx: Trx, id: string, agendaItemId: string) =>
    trx
      .updateTable('voice_recommendations')
      .set({ agenda_item_id: agendaItemId })
      .where('id', '=', id)
      .execute(),
  /** The recommendations considered at some agenda items. */
  onItems: (trx: Trx, itemIds: string[]) =>
    itemIds.length
      ? trx
          .selectFrom('voice_recommendations')
          .select(['id', 'number', 'text', 'meeting_id as meetingId', 'agenda_item_id as agendaItemId'])
          .where('agenda_item_id', 'in', itemIds)
          .orderBy('number')
          .execute()
      : Promise.resolve([]),
  /** Locks a consultation's row, so its responses are counted and added one at a time. */
  lockConsultation: async (trx: Trx, id: string): Promise<void> => {
    await trx.selectFrom('voice_consultations').select('id').where('id', '=', id).forUpdate().execute();
  },
  /** How many of the young people's board's recommendations were considered at an agenda item. */
  recommendationsOnItem: (trx: Trx, itemId: string): Promise<number> =>
    countRows(trx.selectFrom('voice_recommendations').where('agenda_item_id', '=', itemId)),
};
