// Kent, 21 June 2011 (source document 004): the survey data file data/seeds/surveys/004-kent.yaml
// checked from the YAML alone against what docs/ACCEPTANCE.md ("004 — Kent") asks of the survey:
// 25 respondents in the document's two groups and order, "no response" recorded as such,
// "correct as at" dates, coded answers to question 1, and 8 findings linked to their answers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';

interface Answer {
  text?: string;
  code?: string;
  refersTo?: string;
  noResponse?: boolean;
  blank?: boolean;
}
interface Respondent {
  key: string;
  group: string;
  number: number;
  label: string;
  gssCode: string;
  successorGssCodes?: string[];
  asAt?: string;
  answers: Record<string, Answer>;
}
interface Survey {
  title: string;
  purpose: string;
  owner: string;
  closesOn: unknown;
  questions: { key: string; text: string; kind: string; codes?: string[] }[];
  groups: { key: string; name: string }[];
  respondents: Respondent[];
  findings: { number: string; text: string; evidence: string[] }[];
}

const root = new URL('../../', import.meta.url);
const survey = (
  parse(readFileSync(new URL('data/seeds/surveys/004-kent.yaml', root), 'utf8')) as { survey: Survey }
).survey;

const referenceCodes = new Set(
  (
    parseCsv(readFileSync(new URL('data/reference/upper_tier_las_england.csv', root), 'utf8'), {
      columns: true,
    }) as { gss_code: string }[]
  ).map((row) => row.gss_code),
);

const questionKeys = ['q1', 'q2', 'q3', 'q4'];
const inGroup = (group: string) => survey.respondents.filter((r) => r.group === group);
const byKey = new Map(survey.respondents.map((r) => [r.key, r]));

describe('Kent survey data (surveys/004-kent.yaml)', () => {
  it('is owned by Kent and asks the 4 questions', () => {
    assert.equal(survey.owner, 'kent');
    assert.deepEqual(
      survey.questions.map((q) => q.key),
      questionKeys,
    );
    assert.deepEqual(
      survey.groups.map((g) => g.key),
      ['statistical-neighbours', 'others'],
    );
  });

  it('has 25 respondents: Kent and 7 statistical neighbours, then 17 others', () => {
    assert.equal(survey.respondents.length, 25);
    assert.equal(new Set(survey.respondents.map((r) => r.key)).size, 25);
    assert.equal(inGroup('statistical-neighbours').length, 8);
    assert.equal(inGroup('others').length, 17);
    assert.equal(inGroup('statistical-neighbours')[0]?.key, 'kent');
    assert.ok(survey.respondents.every((r) => r.group === 'statistical-neighbours' || r.group === 'others'));
  });

  it('lists the respondents in the document’s numeric order within each group', () => {
    for (const [group, size] of [
      ['statistical-neighbours', 8],
      ['others', 17],
    ] as const) {
      assert.deepEqual(
        inGroup(group).map((r) => r.number),
        Array.from({ length: size }, (_, i) => i + 1),
        group,
      );
    }
    // The groups are not interleaved in the file.
    const groups = survey.respondents.map((r) => r.group);
    assert.equal(groups.lastIndexOf('statistical-neighbours') + 1, groups.indexOf('others'));
  });

  it('gives every respondent a GSS code from the reference list', () => {
    // Northamptonshire County Council (E10000021) was abolished in 2021 and is not in the
    // 2023 reference list: it is the one respondent allowed a code outside the list, and only
    // because it names successors that are in the list.
    const outside = survey.respondents.filter((r) => !referenceCodes.has(r.gssCode));
    assert.deepEqual(
      outside.map((r) => [r.key, r.gssCode]),
      [['northamptonshire', 'E10000021']],
    );
    for (const r of outside) {
      assert.ok(r.successorGssCodes?.length, `${r.key} names its successors`);
      for (const code of r.successorGssCodes ?? []) assert.ok(referenceCodes.has(code), `${r.key}: ${code}`);
    }
    assert.equal(new Set(survey.respondents.map((r) => r.gssCode)).size, 25);
  });

  it('has an entry for each of the 4 questions from every respondent', () => {
    for (const r of survey.respondents) {
      assert.deepEqual(Object.keys(r.answers).sort(), questionKeys, r.key);
      for (const key of questionKeys) {
        const answer = r.answers[key]!;
        assert.ok(
          answer.noResponse === true || (typeof answer.text === 'string' && answer.text.trim() !== ''),
          `${r.key}.${key} is an answer or recorded as no response`,
        );
        if (answer.noResponse)
          assert.equal(answer.text, undefined, `${r.key}.${key}: no response has no text`);
      }
    }
  });

  it('records exactly 8 unanswered cells, one of them blank (Hampshire, question 4)', () => {
    const unanswered = survey.respondents.flatMap((r) =>
      questionKeys.filter((key) => r.answers[key]?.noResponse).map((key) => `${r.key}.${key}`),
    );
    assert.deepEqual(unanswered, [
      'east-sussex.q4',
      'hampshire.q4',
      'barnet.q2',
      'barnet.q4',
      'tower-hamlets.q3',
      'tower-hamlets.q4',
      'stoke-on-trent.q2',
      'wolverhampton.q2',
    ]);
    const blank = survey.respondents.flatMap((r) =>
      questionKeys.filter((key) => r.answers[key]?.blank).map((key) => `${r.key}.${key}`),
    );
    assert.deepEqual(blank, ['hampshire.q4']);
  });

  it('keeps "correct as at" dates for Kent (June 2011) and Lancashire (December 2010) only', () => {
    const asAt = survey.respondents.filter((r) => r.asAt !== undefined).map((r) => [r.key, r.asAt]);
    assert.deepEqual(asAt, [
      ['kent', '2011-06'],
      ['lancashire', '2010-12'],
    ]);
  });

  it('keeps cross-references as references to another answer', () => {
    const references = survey.respondents.flatMap((r) =>
      questionKeys
        .filter((key) => r.answers[key]?.refersTo)
        .map((key) => [`${r.key}.${key}`, r.answers[key]!.refersTo]),
    );
    assert.deepEqual(references, [
      ['lancashire.q4', 'q1'],
      ['hampshire.q3', 'q1'],
    ]);
    assert.equal(byKey.get('hampshire')?.answers.q3?.text, 'See answer 1');
  });

  it('codes every answer to question 1 with one of the question’s codes', () => {
    const codes = survey.questions.find((q) => q.key === 'q1')?.codes ?? [];
    assert.deepEqual(codes, ['continuing', 'under-review', 'not-continuing', 'merging-with-hwb']);
    for (const r of survey.respondents) {
      const answer = r.answers.q1!;
      if (answer.noResponse) continue;
      assert.ok(answer.code !== undefined && codes.includes(answer.code), `${r.key}.q1 code ${answer.code}`);
    }
    for (const key of ['q2', 'q3', 'q4'])
      assert.ok(
        survey.respondents.every((r) => r.answers[key]?.code === undefined),
        `${key} is not coded`,
      );
    assert.equal(byKey.get('kent')?.answers.q1?.code, 'under-review');
    assert.equal(byKey.get('lancashire')?.answers.q1?.code, 'merging-with-hwb');
    assert.equal(byKey.get('hertfordshire')?.answers.q1?.code, 'not-continuing');
  });

  it('has the 8 key findings, each linked to existing answers that support it', () => {
    assert.deepEqual(
      survey.findings.map((f) => f.number),
      ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8'],
    );
    for (const finding of survey.findings) {
      assert.ok(finding.text.trim() !== '', `${finding.number} has text`);
      assert.ok(finding.evidence.length > 0, `${finding.number} has evidence`);
      assert.equal(new Set(finding.evidence).size, finding.evidence.length, `${finding.number}: no repeats`);
      for (const ref of finding.evidence) {
        const [respondent, question] = ref.split('.');
        const answer = byKey.get(respondent ?? '')?.answers[question ?? ''];
        assert.ok(answer, `${finding.number}: ${ref} exists`);
        assert.ok(!answer.noResponse, `${finding.number}: ${ref} is an answer, not a no response`);
      }
    }
  });
});
