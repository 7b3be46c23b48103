// The partnership's consultations and their results under /api/v1/partnerships/{slug}: each
// with its questions, counts after suppression ("[c]"), themes and what was done about them.
// No answer's words unless a moderator approved them; nothing about any one respondent.
import { Router } from 'express';
import { callerOf } from '../../platform/http/auth.ts';
import type { SharedConsultation, VoiceService } from './voice.service.ts';
import { outcomeText } from './voice.outputs.ts';
import { shown, type Shared, type SharedRow } from './voice.results.ts';
import type { VoiceConsultationJson } from './voice.api.schemas.ts';
import type { Audience, OutcomeKind, VoiceQuestionKind } from './voice.vocabulary.ts';

const count = (value: Shared): number | '[c]' => (value === null ? (shown(value) as '[c]') : value);
const rowJson = (columns: string[], row: SharedRow) => ({
  of: row.label,
  counts: Object.fromEntries(columns.map((column, index) => [column, count(row.cells[index] ?? null)])),
  answered: count(row.total),
});

export function consultationJson(found: SharedConsultation): VoiceConsultationJson {
  const c = found.consultation;
  return {
    slug: c.slug,
    title: c.title,
    purpose: c.purpose,
    audience: c.audience as Audience[],
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    status: c.status as 'draft' | 'open' | 'closed',
    resultsPublic: c.resultsPublic,
    summary: c.summary,
    suppressionThreshold: found.threshold,
    responses: found.respondents.total,
    respondentsByAgeBand: found.respondents.byAge.map((r) => ({ of: r.label, count: count(r.count) })),
    respondentsByArea: found.respondents.byArea.map((r) => ({ of: r.label, count: count(r.count) })),
    questions: found.results.map((q) => {
      const asked = found.questions.find((question) => question.id === q.id)!;
      const common = {
        position: q.position,
        text: q.text,
        easyRead: asked.easyRead,
        required: asked.required,
        choices: q.columns,
      };
      return q.kind === 'text'
        ? {
            ...common,
            kind: 'text' as const,
            answered: count(q.all.total),
            themes: q.themes.map((t) => ({ code: t.code, title: t.title, count: count(t.count) })),
            approvedQuotes: q.quotes.map((quote) => quote.text),
          }
        : {
            ...common,
            // the questions' check constraint holds kinds to the vocabulary
            kind: q.kind as Exclude<VoiceQuestionKind, 'text'>,
            all: rowJson(q.columns, q.all),
            byAgeBand: q.byAge.map((row) => rowJson(q.columns, row)),
            byArea: q.byArea.map((row) => rowJson(q.columns, row)),
          };
    }),
    themes: found.themes.map((t) => ({
      code: t.code,
      title: t.title,
      youSaid: t.said,
      weDid: t.outcomes.map((o) => ({
        kind: o.kind as OutcomeKind,
        text: outcomeText(o),
        decisionId: o.decision?.id ?? null,
        actionId: o.action?.id ?? null,
        priorityId: o.priority?.id ?? null,
        planActionId: o.planAction?.id ?? null,
      })),
    })),
  };
}

export function voiceApi(voice: VoiceService): Router {
  const router = Router({ mergeParams: true });
  router.get('/voice/consultations', async (req, res) => {
    res.json((await voice.forApi(callerOf(req))).map(consultationJson));
  });
  return router;
}
