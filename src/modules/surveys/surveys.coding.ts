// The owner's reading of the answers: a code for each free-text answer (from the question's
// codes) and numbered findings, each citing the answers of this survey that support it.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB } from '../../schema.ts';
import { surveysRepository as repository } from './surveys.repository.ts';
import { codingRepository as coding } from './surveys.coding.repository.ts';
import type { FindingInput } from './surveys.forms.ts';

/** A code as the coding keeps it: lower case, words joined by hyphens ("Feeling safe" → "feeling-safe"). */
export function codeOf(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Whether a code may be given to an answer: one of its question's codes, or none (null). */
export function isCodeOf(codes: readonly string[] | null, code: string | null): boolean {
  return code === null || Boolean(codes?.includes(code));
}

export function surveysCoding(db: Database<DB>) {
  return {
    /** Codes (or, with null, uncodes) one answer of one of the partnership's surveys. */
    code(caller: Caller, slug: string, answerId: string, code: string | null): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const survey = await repository.bySlug(trx, partnershipId, slug);
        if (!survey || !/^[0-9a-f-]{36}$/i.test(answerId)) throw notFound();
        const answer = await coding.answerToCode(trx, partnershipId, survey.id, answerId);
        if (!answer) throw notFound();
        if (code !== null && (answer.noResponse || !isCodeOf(answer.codes, code)))
          throw new RuleViolation([
            { path: `code-${answerId}`, message: `Select one of question ${answer.position}’s codes` },
          ]);
        await coding.setCode(trx, answer.id, code);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'survey answer',
          entityId: answer.id,
          summary: `Coded ${answer.label}’s answer to question ${answer.position} of “${survey.title}” as ${code ?? 'not coded'}`,
          before: { code: answer.code },
          after: { code },
        });
      });
    },

    /** A numbered finding citing answers of this survey; an answer of any other is refused. */
    addFinding(caller: Caller, slug: string, input: FindingInput): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const survey = await repository.bySlug(trx, partnershipId, slug);
        if (!survey) throw notFound();
        const uuids = input.evidence.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
        const ours = uuids.length ? await coding.citable(trx, partnershipId, survey.id, uuids) : [];
        if (ours.length !== new Set(input.evidence).size)
          throw new RuleViolation([
            { path: 'evidence', message: 'A finding can cite only answers given to this survey' },
          ]);
        const existing = await coding.findings(trx, survey.id);
        if (existing.some((f) => f.number === input.number))
          throw new RuleViolation([
            { path: 'number', message: `There is already a finding ${input.number}` },
          ]);
        const findingId = await coding.insertFinding(trx, {
          partnership_id: partnershipId,
          survey_id: survey.id,
          number: input.number,
          position: Math.max(0, ...existing.map((f) => f.position)) + 1,
          text: input.text,
        });
        await coding.insertEvidence(
          trx,
          ours.map((a) => ({ partnership_id: partnershipId, finding_id: findingId, answer_id: a.id })),
        );
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'survey finding',
          entityId: findingId,
          summary: `Added finding ${input.number} to “${survey.title}”`,
          after: input,
        });
      });
    },
  };
}
