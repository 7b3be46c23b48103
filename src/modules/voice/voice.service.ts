// Children and young people's voice (ADR 0028): consultations an editor writes and anyone
// answers through a public link, anonymously; moderation of free text before anything quotes
// it; results with small numbers suppressed; themes and what was done about each ("you said,
// we did"); the summary sent to a board meeting as a paper; and the young people's board's
// recommendations followed to the main board's response and back.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Actor, Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { today } from '../../platform/http/date-input.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { codeOf, isCodeOf } from '../surveys/index.ts';
import { meetingOutcomes, type OutcomeItem } from '../record/index.ts';
import type { AgendaService, ItemDependants } from '../agenda/index.ts';
import { planTargets } from '../plans/index.ts';
import { countOf } from '../../platform/http/confirm-deletion.ts';
import { voiceRepository as repo, type ConsultationValues } from './voice.repository.ts';
import { readResponse } from './voice.answers.ts';
import { respondentsOf, resultsOf } from './voice.results.ts';
import type {
  MinuteItemInput,
  OutcomeInput,
  QuestionInput,
  RecommendationInput,
  ResponseInput,
  ThemeInput,
} from './voice.schemas.ts';

type Consultation = NonNullable<Awaited<ReturnType<typeof repo.bySlug>>>;

/** Short names the voice pages use themselves. */
const reservedSlugs = ['new', 'recommendations', 'priorities'];

const refuse = (path: string, message: string) => new RuleViolation([{ path, message }]);

/** Why a response cannot be given now, or null when it can. */
export function closedReason(
  c: { status: string; opensOn: string; closesOn: string },
  on = today(),
): string | null {
  if (c.status === 'draft') return 'This consultation is not open yet.';
  if (on < c.opensOn)
    return `This consultation opens on ${formatDate(c.opensOn)}. You can take part from that day.`;
  if (c.status === 'closed' || on > c.closesOn)
    return `This consultation closed on ${formatDate(c.status === 'closed' && on <= c.closesOn ? on : c.closesOn)}. Thank you for wanting to take part: answers can no longer be sent.`;
  return null;
}

/** A device's key for one consultation: a hash, so the random cookie itself is never kept. */
export const deviceKey = (consultationId: string, device: string) =>
  createHash('sha256').update(`${consultationId}:${device}`).digest('hex');

/** An agenda item as the voice pages name it: an exempt item by its number only. */
export const itemText = (item: OutcomeItem) =>
  `${item.meetingTitle}, ${formatDate(item.startsAt)}, item ${item.number}${item.exempt ? ' (exempt)' : `: ${item.title}`}`;

/** A link another module's page shows: words and where they go. */
export interface VoiceLink {
  text: string;
  href: string;
}

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

export interface VoiceDeps {
  suppressionThreshold: number;
  /** The agenda's own edit (its change announced to the board pack, ADR 0057) and its adding of an item. */
  agenda: Pick<AgendaService, 'addWithin' | 'editing'>;
}

export function voiceService(db: Database<DB>, deps: VoiceDeps) {
  const threshold = deps.suppressionThreshold;

  async function consultationOf(trx: Trx, slug: string): Promise<Consultation> {
    const found = await repo.bySlug(trx, slug);
    if (!found) throw notFound();
    return found;
  }

  /** What was done about each theme, with what it points at, read under the tenant. */
  async function themesOf(trx: Trx, consultationId: string) {
    const themes = await repo.themes(trx, consultationId);
    const outcomes = await repo.outcomes(
      trx,
      themes.map((t) => t.id),
    );
    const ids = (key: 'decisionId' | 'actionId' | 'priorityId' | 'planActionId') =>
      outcomes.flatMap((o) => (o[key] ? [o[key]] : []));
    const [decisions, actions, priorities, planActions] = await Promise.all([
      meetingOutcomes.decisions(trx, ids('decisionId')),
      meetingOutcomes.actions(trx, ids('actionId')),
      planTargets.priorities(trx, ids('priorityId')),
      planTargets.actions(trx, ids('planActionId')),
    ]);
    return themes.map((theme) => ({
      ...theme,
      outcomes: outcomes
        .filter((o) => o.themeId === theme.id)
        .map((o) => ({
          id: o.id,
          kind: o.kind,
          note: o.note,
          decision: decisions.find((d) => d.id === o.decisionId) ?? null,
          action: actions.find((a) => a.id === o.actionId) ?? null,
          priority: priorities.find((p) => p.id === o.priorityId) ?? null,
          planAction: planActions.find((p) => p.id === o.planActionId) ?? null,
        })),
    }));
  }

  /** Everything that may be shared of a consultation: no answer's text unless approved. */
  async function sharedOf(trx: Trx, consultation: Consultation) {
    const [questions, answers, responses, themes] = await Promise.all([
      repo.questions(trx, consultation.id),
      repo.answers(trx, consultation.id),
      repo.responses(trx, consultation.id),
      themesOf(trx, consultation.id),
    ]);
    return {
      threshold,
      consultation,
      questions,
      themes,
      results: resultsOf(questions, answers, themes, consultation.areas, threshold),
      respondents: respondentsOf(responses, consultation.areas, threshold),
      pending: answers.filter((a) => a.moderation === 'pending').length,
      closed: closedReason(consultation),
    };
  }

  function checkValues(trx: Trx, values: ConsultationValues, exceptId?: string) {
    if (reservedSlugs.includes(values.slug))
      return Promise.reject(refuse('slug', 'Choose another short name: this one is used by the product'));
    return repo.slugTaken(trx, values.slug, exceptId).then((taken) => {
      if (taken) throw refuse('slug', 'There is already a consultation with this short name: choose another');
    });
  }

  /** A meeting of the partnership, and whether one of its bodies is a young people's board. */
  async function meetingOf(trx: Trx, meetingId: string, field: string) {
    const [meeting] = await meetingOutcomes.meetings(trx, [meetingId]);
    if (!meeting) throw refuse(field, 'Select one of the partnership\u2019s meetings');
    return { ...meeting, youngPeoples: meeting.bodyKinds.includes('young-peoples-board') };
  }

  /** Priorities with the themes and the recommendations they came from. */
  async function priorityOriginsWithin(trx: Trx) {
    const [origins, links] = await Promise.all([
      repo.priorityOrigins(trx),
      repo.recommendationPriorities(trx),
    ]);
    const recommendations = (await repo.recommendations(trx)).filter((r) =>
      links.some((l) => l.recommendationId === r.id),
    );
    const [priorities, meetings] = await Promise.all([
      planTargets.priorities(trx, [
        ...new Set([...origins.map((o) => o.priorityId!), ...links.map((l) => l.priorityId)]),
      ]),
      meetingOutcomes.meetings(trx, [...new Set(recommendations.map((r) => r.meetingId))]),
    ]);
    return priorities.map((p) => ({
      ...p,
      origins: origins.filter((o) => o.priorityId === p.id),
      recommendations: recommendations
        .filter((r) => links.some((l) => l.priorityId === p.id && l.recommendationId === r.id))
        .map((r) => {
          const meeting = meetings.find((m) => m.id === r.meetingId)!;
          return {
            id: r.id,
            number: r.number,
            text: r.text,
            meetingTitle: meeting.title,
            startsAt: meeting.startsAt,
          };
        }),
    }));
  }

  return {
    threshold,

    list: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => repo.list(trx)),

    get: (caller: Caller, slug: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => sharedOf(trx, await consultationOf(trx, slug))),

    create: (caller: Caller, values: ConsultationValues): Promise<string> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        await checkValues(trx, values);
        const id = await repo.insert(trx, partnershipId, values, randomBytes(18).toString('base64url'));
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'voice consultation',
          entityId: id,
          summary: `Wrote the consultation \u201c${values.title}\u201d`,
          after: values,
        });
        return values.slug;
      }),

    update: (caller: Caller, slug: string, values: ConsultationValues): Promise<string> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const before = await consultationOf(trx, slug);
        await checkValues(trx, values, before.id);
        await repo.update(trx, before.id, values);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice consultation',
          entityId: before.id,
          summary: `Changed the consultation \u201c${values.title}\u201d`,
          before,
          after: values,
        });
        return values.slug;
      }),

    addQuestion: (caller: Caller, slug: string, input: QuestionInput): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const consultation = await consultationOf(trx, slug);
        if (consultation.status !== 'draft')
          throw refuse('text', 'Questions can be added only before the consultation opens');
        const added = await repo.insertQuestion(trx, partnershipId, consultation.id, input);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'voice question',
          entityId: added.id,
          summary: `Added question ${added.position} to \u201c${consultation.title}\u201d`,
          after: input,
        });
      }),

    /**
     * What the page that asks before removing a question shows (ADR 0048): the question, where
     * it stands among the others, and why it cannot go (the consultation has opened), if so.
     */
    questionRemoval: (caller: Caller, slug: string, questionId: string) =>
      inTenant(db, caller, 'partnership.edit', async (trx) => {
        const consultation = await consultationOf(trx, slug);
        if (!/^[0-9a-f-]{36}$/i.test(questionId)) throw notFound();
        const questions = await repo.questions(trx, consultation.id);
        const index = questions.findIndex((question) => question.id === questionId);
        if (index < 0) throw notFound();
        return {
          consultation: { title: consultation.title, slug: consultation.slug },
          question: questions[index]!,
          number: index + 1,
          after: questions.length - index - 1,
          refusal:
            consultation.status === 'draft'
              ? undefined
              : 'Questions can be removed only before the consultation opens',
        };
      }),

    removeQuestion: (caller: Caller, slug: string, questionId: string): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const consultation = await consultationOf(trx, slug);
        if (consultation.status !== 'draft')
          throw refuse('form', 'Questions can be removed only before the consultation opens');
        if (!/^[0-9a-f-]{36}$/i.test(questionId)) throw notFound();
        const removed = await repo.deleteQuestion(trx, consultation.id, questionId);
        if (!removed) throw notFound();
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'voice question',
          entityId: questionId,
          summary: `Removed question ${removed.position} from \u201c${consultation.title}\u201d`,
          before: removed,
        });
      }),

    setStatus: (caller: Caller, slug: string, status: 'open' | 'closed'): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const consultation = await consultationOf(trx, slug);
        if (status === 'open' && !(await repo.questions(trx, consultation.id)).length)
          throw refuse('status', 'Add at least one question before opening the consultation');
        if (status === 'open' && consultation.status === 'closed')
          throw refuse('status', 'A closed consultation cannot be opened again');
        await repo.setStatus(trx, consultation.id, status);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice consultation',
          entityId: consultation.id,
          summary: `${status === 'open' ? 'Opened' : 'Closed'} the consultation \u201c${consultation.title}\u201d`,
          before: { status: consultation.status },
          after: { status },
        });
      }),

    /** What the public link opens: the consultation and its questions, or why it cannot be used. */
    openLink: (partnershipId: string, token: string) =>
      db.read({ partnershipId, userId: null }, async (trx) => {
        const consultation = token.length < 100 ? await repo.byToken(trx, token) : undefined;
        if (!consultation) return null;
        return {
          consultation,
          questions: await repo.questions(trx, consultation.id),
          closed: closedReason(consultation),
        };
      }),

    /**
     * One anonymous response through the public link. Refused (nothing written) after the close,
     * over the device's or the link's limit, or with answers not among the choices. The audit
     * trail records that a response came, never what it said.
     */
    respond: (
      partnershipId: string,
      token: string,
      device: string,
      body: Record<string, unknown>,
    ): Promise<void> =>
      db.transaction({ partnershipId }, async (trx) => {
        const consultation = await repo.byToken(trx, token);
        if (!consultation) throw notFound('This link is not valid.');
        const reason = closedReason(consultation);
        if (reason) throw refuse('form', reason);
        const key = deviceKey(consultation.id, device);
        // one response at a time per consultation, so the limits hold under concurrent sends
        await repo.lockConsultation(trx, consultation.id);
        const counts = await repo.responseCounts(trx, consultation.id, key);
        if (counts.mine >= consultation.responsesPerDevice)
          throw refuse(
            'form',
            consultation.responsesPerDevice === 1
              ? 'An answer has already been sent from this phone or computer. Thank you: only one is taken from each.'
              : `${consultation.responsesPerDevice} answers have already been sent from this phone or computer, which is as many as this consultation takes from one.`,
          );
        if (consultation.responseLimit !== null && counts.all >= consultation.responseLimit)
          throw refuse(
            'form',
            'This consultation has all the answers it can take. Thank you for wanting to take part.',
          );
        const questions = await repo.questions(trx, consultation.id);
        const read = readResponse(body, questions, consultation);
        if (!read.ok) throw new RuleViolation(read.problems);
        const id = await repo.insertResponse(
          trx,
          partnershipId,
          consultation.id,
          key,
          read.response,
          read.response.answers,
        );
        const actor: Actor = { userId: null, label: 'Anonymous respondent (public link)' };
        await recordChange(trx, actor, {
          partnershipId,
          action: 'create',
          entityType: 'voice response',
          entityId: id,
          summary: `A response was sent to \u201c${consultation.title}\u201d`,
        });
      }),

    /** Free-text answers for moderation, and any contact details given: editors only. */
    moderation: (caller: Caller, slug: string) =>
      inTenant(db, caller, 'partnership.edit', async (trx) => {
        const consultation = await consultationOf(trx, slug);
        const [questions, answers, themes, contacts] = await Promise.all([
          repo.questions(trx, consultation.id),
          repo.answers(trx, consultation.id),
          repo.themes(trx, consultation.id),
          repo.contacts(trx, consultation.id),
        ]);
        return {
          consultation,
          themes,
          contacts: contacts.map((c) => c.contact!),
          questions: questions
            .filter((q) => q.kind === 'text')
            .map((q) => ({
              ...q,
              // in a fixed order that says nothing of when each came or from whom
              answers: answers
                .filter((a) => a.questionId === q.id && a.text !== null)
                .map((a) => ({ id: a.id, text: a.text!, moderation: a.moderation!, theme: a.theme })),
            })),
        };
      }),

    moderate: (
      caller: Caller,
      slug: string,
      answerId: string,
      input: { moderation: string; theme: string | null },
    ): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const consultation = await consultationOf(trx, slug);
        if (!/^[0-9a-f-]{36}$/i.test(answerId)) throw notFound();
        const answer = await repo.textAnswer(trx, consultation.id, answerId);
        if (!answer) throw notFound();
        const codes = (await repo.themes(trx, consultation.id)).map((t) => t.code);
        if (!isCodeOf(codes, input.theme))
          throw refuse(`theme-${answerId}`, 'Select one of this consultation\u2019s themes');
        await repo.moderate(trx, answerId, input.moderation, input.theme);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice answer',
          entityId: answerId,
          // the answer's words stay out of the audit trail
          summary: `Moderated an answer to question ${answer.position} of \u201c${consultation.title}\u201d: ${input.moderation}${input.theme ? `, theme ${input.theme}` : ''}`,
          before: { moderation: answer.moderation, theme: answer.theme },
          after: input,
        });
      }),

    addTheme: (caller: Caller, slug: string, input: ThemeInput): Promise<string> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const consultation = await consultationOf(trx, slug);
        const code = codeOf(input.title).slice(0, 60) || 'theme';
        if ((await repo.themes(trx, consultation.id)).some((t) => t.code === code))
          throw refuse('title', 'There is already a theme with this name');
        const id = await repo.insertTheme(trx, partnershipId, consultation.id, { code, ...input });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'voice theme',
          entityId: id,
          summary: `Added the theme \u201c${input.title}\u201d to \u201c${consultation.title}\u201d`,
          after: input,
        });
        return code;
      }),

    /** What was done about a theme; what it points at must be the partnership's own. */
    addOutcome: (caller: Caller, slug: string, code: string, input: OutcomeInput): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const consultation = await consultationOf(trx, slug);
        const theme = (await repo.themes(trx, consultation.id)).find((t) => t.code === code);
        if (!theme) throw notFound();
        const pick = {
          decisionId: input.kind === 'decision' ? input.decisionId! : null,
          actionId: input.kind === 'action' ? input.actionId! : null,
          priorityId: input.kind === 'priority' ? input.priorityId! : null,
          planActionId: input.kind === 'plan-action' ? input.planActionId! : null,
        };
        // read under the tenant: another partnership's rows are not there to be found
        const found =
          input.kind === 'decision'
            ? (await meetingOutcomes.decisions(trx, [pick.decisionId!])).length
            : input.kind === 'action'
              ? (await meetingOutcomes.actions(trx, [pick.actionId!])).length
              : input.kind === 'priority'
                ? (await planTargets.priorities(trx, [pick.priorityId!])).length
                : input.kind === 'plan-action'
                  ? (await planTargets.actions(trx, [pick.planActionId!])).length
                  : 1;
        if (!found) {
          const field = {
            decision: 'decisionId',
            action: 'actionId',
            priority: 'priorityId',
            'plan-action': 'planActionId',
          }[input.kind as 'decision'];
          throw refuse(field, 'Select one of the partnership\u2019s own from the list');
        }
        const id = await repo.insertOutcome(trx, partnershipId, theme.id, {
          kind: input.kind,
          ...pick,
          note: input.note,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'voice outcome',
          entityId: id,
          summary: `Recorded what was done about \u201c${theme.title}\u201d (${input.kind})`,
          after: input,
        });
      }),

    /** What a theme can be linked to: the partnership's decisions, actions and plans. */
    targets: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const [decisions, actions, priorities, planActions] = await Promise.all([
          meetingOutcomes.decisions(trx),
          meetingOutcomes.actions(trx),
          planTargets.priorities(trx),
          planTargets.actions(trx),
        ]);
        return { decisions, actions, priorities, planActions };
      }),

    setSummary: (
      caller: Caller,
      slug: string,
      input: { summary: string; resultsPublic: boolean },
    ): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const consultation = await consultationOf(trx, slug);
        if (input.resultsPublic && consultation.status !== 'closed')
          throw refuse(
            'resultsPublic',
            'Publish \u201cyou said, we did\u201d once the consultation has closed',
          );
        await repo.setSummary(trx, consultation.id, input.summary, input.resultsPublic);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice consultation',
          entityId: consultation.id,
          summary: `Wrote the summary of \u201c${consultation.title}\u201d${input.resultsPublic ? ' and published \u201cyou said, we did\u201d' : ''}`,
          before: { summary: consultation.summary, resultsPublic: consultation.resultsPublic },
          after: input,
        });
      }),

    /** Puts the results and summary on a meeting's agenda as a paper (Word), in one transaction. */
    sendToBoard: async (
      caller: Caller,
      slug: string,
      input: { meetingId: string; number: number },
      paper: (shared: Awaited<ReturnType<typeof sharedOf>>) => Promise<Buffer>,
    ): Promise<void> => {
      const shared = await inTenant(db, caller, 'partnership.edit', async (trx) => {
        const found = await sharedOf(trx, await consultationOf(trx, slug));
        await meetingOf(trx, input.meetingId, 'meetingId');
        return found;
      });
      if (!shared.consultation.summary) throw refuse('meetingId', 'Write the summary for the board first');
      const content = await paper(shared);
      await deps.agenda.editing(caller, input.meetingId, async (trx, partnershipId) => {
        const itemId = await deps.agenda.addWithin(
          trx,
          partnershipId,
          caller,
          input.meetingId,
          {
            number: input.number,
            title: `What children and young people said: ${shared.consultation.title}`,
            purpose: 'information',
            presenter: null,
            exempt: false,
            exemptParagraph: null,
            exemptReason: null,
          },
          { fileName: `${shared.consultation.slug}-results.docx`, content },
        );
        await repo.setAgendaItem(trx, shared.consultation.id, itemId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice consultation',
          entityId: shared.consultation.id,
          summary: `Sent the results of \u201c${shared.consultation.title}\u201d to a meeting as item ${input.number}`,
          after: input,
        });
      });
    },

    /** The public "you said, we did" page: only what the partnership chose to publish. */
    published: (partnershipId: string, slug: string) =>
      db.read({ partnershipId, userId: null }, async (trx) => {
        const consultation = await repo.bySlug(trx, slug);
        if (!consultation || !consultation.resultsPublic) return null;
        return sharedOf(trx, consultation);
      }),

    /**
     * Which plan priorities came from what young people said: a consultation's theme, or a
     * recommendation of the young people's board that the board's response led to.
     */
    priorityOrigins: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', (trx) => priorityOriginsWithin(trx)),

    /**
     * For the plan's page: each priority's origins as links.
     */
    priorityOriginLinks: (caller: Caller, tenantSlug: string): Promise<Record<string, VoiceLink[]>> =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const base = `/partnerships/${tenantSlug}/voice`;
        const links: Record<string, VoiceLink[]> = {};
        for (const p of await priorityOriginsWithin(trx))
          links[p.id] = [
            ...p.origins.map((o) => ({
              text: `${o.consultation}: ${o.theme}`,
              href: `${base}/${o.slug}#theme-${o.code}`,
            })),
            ...p.recommendations.map((r) => ({
              text: `Recommendation ${r.number} of the young people\u2019s board (${r.meetingTitle}, ${formatDate(r.startsAt)}): ${r.text}`,
              href: `${base}/recommendations#recommendation-${r.id}`,
            })),
          ];
        return links;
      }),

    /**
     * For a meeting's page: the young people's board's recommendations considered at each of its
     * agenda items, as links to them.
     */
    consideredAt: (
      caller: Caller,
      tenantSlug: string,
      meetingId: string,
    ): Promise<Record<string, VoiceLink[]>> =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const items = await meetingOutcomes.items(trx, { meetingId });
        const found = await repo.onItems(
          trx,
          items.map((i) => i.id),
        );
        const from = await meetingOutcomes.meetings(trx, [...new Set(found.map((r) => r.meetingId))]);
        const links: Record<string, VoiceLink[]> = {};
        for (const r of found) {
          const meeting = from.find((m) => m.id === r.meetingId)!;
          (links[r.agendaItemId!] ??= []).push({
            text: `Recommendation ${r.number} of the young people\u2019s board (${meeting.title}, ${formatDate(meeting.startsAt)}): ${r.text}`,
            href: `/partnerships/${tenantSlug}/voice/recommendations#recommendation-${r.id}`,
          });
        }
        return links;
      }),

    /** The young people's board's recommendations, each with the board's response and its loop. */
    recommendations: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const [list, links, priorityLinks, meetings, consultations] = await Promise.all([
          repo.recommendations(trx),
          repo.recommendationActions(trx),
          repo.recommendationPriorities(trx),
          meetingOutcomes.meetings(trx),
          repo.list(trx),
        ]);
        const [actions, priorities, items] = await Promise.all([
          meetingOutcomes.actions(trx, [...new Set(links.map((l) => l.actionId))]),
          planTargets.priorities(trx, [...new Set(priorityLinks.map((l) => l.priorityId))]),
          meetingOutcomes.items(trx, {
            ids: list.flatMap((r) => (r.agendaItemId ? [r.agendaItemId] : [])),
          }),
        ]);
        const meeting = (id: string | null) => meetings.find((m) => m.id === id) ?? null;
        return {
          recommendations: list.map((r) => ({
            ...r,
            meeting: meeting(r.meetingId),
            responseMeeting: meeting(r.responseMeetingId),
            reportedMeeting: meeting(r.reportedMeetingId),
            consultation: consultations.find((c) => c.id === r.consultationId) ?? null,
            actions: actions.filter((a) =>
              links.some((l) => l.recommendationId === r.id && l.actionId === a.id),
            ),
            priorities: priorities.filter((p) =>
              priorityLinks.some((l) => l.recommendationId === r.id && l.priorityId === p.id),
            ),
            item: items.find((i) => i.id === r.agendaItemId) ?? null,
          })),
          youngPeoplesMeetings: meetings.filter((m) => m.bodyKinds.includes('young-peoples-board')),
          boardMeetings: meetings.filter((m) => !m.bodyKinds.includes('young-peoples-board')),
          consultations,
        };
      }),

    addRecommendation: (caller: Caller, input: RecommendationInput): Promise<string> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const meeting = await meetingOf(trx, input.meetingId, 'meetingId');
        if (!meeting.youngPeoples)
          throw refuse(
            'meetingId',
            'A recommendation must come from a meeting of the young people\u2019s board',
          );
        if (await repo.numberTaken(trx, input.meetingId, input.number))
          throw refuse('number', `That meeting already has a recommendation ${input.number}`);
        if (
          input.consultationId &&
          !(
            await repo.byIds(
              trx,
              [input.consultationId].filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
            )
          ).length
        )
          throw refuse('consultationId', 'Select one of the partnership\u2019s consultations');
        const id = await repo.insertRecommendation(trx, partnershipId, input);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'voice recommendation',
          entityId: id,
          summary: `Recorded recommendation ${input.number} of the young people\u2019s board (${meeting.title})`,
          after: input,
        });
        return id;
      }),

    respondTo: (caller: Caller, id: string, input: ResponseInput): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
        const recommendation = await repo.recommendation(trx, id);
        if (!recommendation) throw notFound();
        const meeting = await meetingOf(trx, input.meetingId, 'meetingId');
        if (meeting.youngPeoples)
          throw refuse(
            'meetingId',
            'The response must come from a meeting of the main board, not the young people\u2019s board',
          );
        const valid = input.actionIds.filter((a) => /^[0-9a-f-]{36}$/i.test(a));
        const actions = await meetingOutcomes.actions(trx, valid);
        if (actions.length !== input.actionIds.length)
          throw refuse('actionIds', 'Select the resulting actions from the partnership\u2019s own');
        if (input.response === 'not-accepted' && input.actionIds.length)
          throw refuse('actionIds', 'A recommendation not accepted has no resulting actions');
        const priorityIds = input.priorityIds.filter(isUuid);
        const priorities = await planTargets.priorities(trx, priorityIds);
        if (priorities.length !== input.priorityIds.length)
          throw refuse('priorityIds', 'Select the plan priorities from the partnership\u2019s own plans');
        if (input.response === 'not-accepted' && priorityIds.length)
          throw refuse('priorityIds', 'A recommendation not accepted led to no plan priority');
        await repo.respond(trx, partnershipId, id, { ...input, actionIds: valid, priorityIds });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice recommendation',
          entityId: id,
          summary: `Recorded the board\u2019s response to recommendation ${recommendation.number}: ${input.response}`,
          before: recommendation,
          after: input,
        });
      }),

    /**
     * Points a recommendation at the agenda item where the main board considered it, chosen by
     * meeting and item number. Refused, writing nothing, for another partnership's meeting (not
     * there to be found), a young people's board meeting, or an item the meeting does not have.
     */
    linkMinuteItem: (caller: Caller, id: string, input: MinuteItemInput): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        if (!isUuid(id)) throw notFound();
        const recommendation = await repo.recommendation(trx, id);
        if (!recommendation) throw notFound();
        const meeting = await meetingOf(trx, input.meetingId, 'meetingId');
        if (meeting.youngPeoples)
          throw refuse(
            'meetingId',
            'Select the main board\u2019s meeting that considered it: the young people\u2019s board meeting is already recorded',
          );
        const [item] = await meetingOutcomes.items(trx, { meetingId: meeting.id, number: input.number });
        if (!item)
          throw refuse(
            'number',
            `${meeting.title} of ${formatDate(meeting.startsAt)} has no item ${input.number}`,
          );
        await repo.setMinuteItem(trx, id, item.id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice recommendation',
          entityId: id,
          summary: `Linked recommendation ${recommendation.number} of the young people\u2019s board to ${itemText(item)}`,
          before: { agendaItemId: recommendation.agendaItemId },
          after: { agendaItemId: item.id, meetingId: meeting.id, number: input.number },
        });
      }),

    reportBack: (caller: Caller, id: string, meetingId: string): Promise<void> =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
        const recommendation = await repo.recommendation(trx, id);
        if (!recommendation) throw notFound();
        if (!recommendation.response)
          throw refuse('meetingId', 'Record the board\u2019s response before reporting it back');
        const meeting = await meetingOf(trx, meetingId, 'meetingId');
        if (!meeting.youngPeoples)
          throw refuse('meetingId', 'Report back at a meeting of the young people\u2019s board');
        await repo.reportBack(trx, id, meetingId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'voice recommendation',
          entityId: id,
          summary: `Reported the board\u2019s response to recommendation ${recommendation.number} back to the young people\u2019s board (${meeting.title})`,
          after: { meetingId },
        });
      }),

    /** The partnership's consultations with their shared results, for the API. */
    forApi: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const list = await repo.list(trx);
        return Promise.all(list.map(async (c) => sharedOf(trx, (await repo.bySlug(trx, c.slug))!)));
      }),
  };
}

export type VoiceService = ReturnType<typeof voiceService>;
export type SharedConsultation = Awaited<ReturnType<VoiceService['get']>>;

/**
 * The young people's board's recommendations considered at an agenda item, which stay without
 * it (for the page that asks before the item is removed).
 */
export const recommendationsOnAgendaItem: ItemDependants = async (trx, itemId) => {
  const count = await repo.recommendationsOnItem(trx, itemId);
  const named = countOf(count, 'recommendation');
  return [
    {
      count,
      named,
      line: `${named} of the young people’s board considered at it, no longer linked to an item`,
      goes: false,
    },
  ];
};
