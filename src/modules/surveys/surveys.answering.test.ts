import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkResponse, closedReason } from './surveys.answering.ts';

const survey = (status: string, opensOn: string | null = null, closesOn: string | null = null) => ({
  status,
  opensOn,
  closesOn,
});

describe('when answers may be given', () => {
  it('only while the survey is open, from its opening date to its closing date inclusive', () => {
    assert.equal(closedReason(survey('open', '2011-06-01', '2011-06-30'), '2011-06-01'), null);
    assert.equal(closedReason(survey('open', '2011-06-01', '2011-06-30'), '2011-06-30'), null);
    assert.match(closedReason(survey('open', '2011-06-01', null), '2011-05-31')!, /opens on 1 June 2011/);
    assert.match(
      closedReason(survey('open', null, '2011-06-30'), '2011-07-01')!,
      /closed \(on 30 June 2011\): answers can no longer be given or changed/,
    );
  });

  it('never in a draft, a closed or a published survey', () => {
    assert.match(closedReason(survey('draft'), '2011-06-01')!, /not open yet/);
    assert.match(closedReason(survey('closed'), '2011-06-01')!, /has closed/);
    assert.match(closedReason(survey('published'), '2011-06-01')!, /has closed/);
  });
});

describe('checking a response', () => {
  const questions = [
    { id: 'a', position: 1, text: 'Continuing?', kind: 'text', choices: null },
    { id: 'b', position: 2, text: 'How many?', kind: 'number', choices: null },
    { id: 'c', position: 3, text: 'Chair?', kind: 'choice', choices: ['Lead member', 'Independent'] },
    { id: 'd', position: 4, text: 'Last met?', kind: 'date', choices: null },
  ];
  const answer = (text: string, refersTo: string | null = null) => ({ text, refersTo });

  it('accepts answers of each kind, blanks (no response) and a reference to another answer', () => {
    const problems = checkResponse(questions, {
      asAt: '2011-06-01',
      answers: { a: answer('Yes'), b: answer('12'), c: answer('', 'a'), d: answer('2011-6-21') },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(checkResponse(questions, { asAt: undefined, answers: {} }), []);
  });

  it('names each wrong answer by its question and field', () => {
    const problems = checkResponse(questions, {
      asAt: undefined,
      asAtError: 'Correct as at must be a real date',
      answers: {
        a: { ...answer('Yes', 'a'), asAtError: 'Correct as at must include a day' },
        b: answer('twelve'),
        c: answer('Someone else'),
        d: answer('2011-2-30'),
      },
    });
    assert.deepEqual(problems, [
      { path: 'asAt.day', message: 'Correct as at must be a real date' },
      { path: 'asAt-a.day', message: 'Question 1: correct as at must include a day' },
      { path: 'refersTo-a', message: 'Question 1: choose another question’s answer to refer to' },
      { path: 'answer-b', message: 'Question 2: the answer must be a whole number, like 12' },
      { path: 'answer-c', message: 'Question 3: choose one of the answers given' },
      { path: 'answer-d.day', message: 'Question 4: the answer must be a real date' },
    ]);
  });
});
