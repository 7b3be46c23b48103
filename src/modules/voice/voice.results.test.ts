// Suppression of small numbers in a consultation's results, and the reading of a respondent's
// answers: each rule on its own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { respondentsOf, resultsOf, suppressTable } from './voice.results.ts';
import { readResponse } from './voice.answers.ts';

describe('suppressing small numbers', () => {
  it('hides counts from 1 to the threshold less one, never 0 or the threshold itself', () => {
    assert.deepEqual(suppressTable([[0, 4, 5, 9, 9]], 5)[0]!.slice(0, 1), [0]);
    const [row] = suppressTable([[0, 1, 5, 6, 12]], 5);
    assert.equal(row![1], null);
    assert.equal(row![2], null, 'a second cell goes with the only small one in its row');
    assert.equal(row![0], 0);
  });

  it('hides a second cell wherever a row or column would otherwise give the first away', () => {
    // a total with one small count: the next smallest goes too
    const grid = suppressTable(
      [
        [11, 10, 6, 4, 31],
        [11, 9, 0, 0, 20],
        [0, 1, 6, 4, 11],
      ],
      5,
    );
    for (const line of [...grid, ...grid[0]!.map((_, c) => grid.map((row) => row[c]!))])
      assert.notEqual(line.filter((cell) => cell === null).length, 1, JSON.stringify(line));
    assert.equal(grid[0]![3], null);
  });

  it('suppresses every breakdown with the whole, and counts the "about you" answers alike', () => {
    const answers = [
      ...Array.from({ length: 8 }, () => ({
        questionId: 'q',
        choices: ['Yes'],
        text: null,
        moderation: null,
        theme: null,
        ageBand: '11-15',
        area: 'North',
      })),
      {
        questionId: 'q',
        choices: ['No'],
        text: null,
        moderation: null,
        theme: null,
        ageBand: '16-18',
        area: 'South',
      },
    ];
    const [result] = resultsOf(
      [{ id: 'q', position: 1, text: 'Q', kind: 'choice', choices: ['Yes', 'No'] }],
      answers,
      [],
      ['North', 'South'],
      5,
    );
    assert.equal(result!.all.cells[1], null);
    assert.equal(result!.all.cells[0], null, 'Yes would give No away from the total');
    assert.equal(result!.byArea.find((row) => row.label === 'South')!.cells[1], null);
    const about = respondentsOf(answers, ['North', 'South'], 5);
    assert.equal(about.byArea.find((row) => row.label === 'South')!.count, null);
  });

  it('quotes only approved free text, with no age band or area', () => {
    const [result] = resultsOf(
      [{ id: 't', position: 1, text: 'Why?', kind: 'text', choices: [] }],
      [
        {
          questionId: 't',
          choices: [],
          text: 'Approved words',
          moderation: 'approved',
          theme: 'safe',
          ageBand: '11-15',
          area: 'North',
        },
        {
          questionId: 't',
          choices: [],
          text: 'Waiting words',
          moderation: 'pending',
          theme: null,
          ageBand: '11-15',
          area: 'North',
        },
        {
          questionId: 't',
          choices: [],
          text: 'Withheld words',
          moderation: 'withheld',
          theme: 'safe',
          ageBand: '11-15',
          area: 'North',
        },
      ],
      [{ code: 'safe', title: 'Feeling safe' }],
      [],
      5,
    );
    assert.deepEqual(result!.quotes, [{ text: 'Approved words', theme: 'Feeling safe' }]);
  });
});

describe('reading a response', () => {
  const questions = [
    { id: 'a', position: 1, kind: 'choice', choices: ['Yes', 'No'], required: true },
    { id: 'b', position: 2, kind: 'choices', choices: ['Sport', 'Music'], required: false },
    { id: 'c', position: 3, kind: 'scale', choices: [], required: false },
    { id: 'd', position: 4, kind: 'text', choices: [], required: false },
  ];
  const consultation = { areas: ['North'], asksContact: false };

  it('takes answers among the choices, the default scale and the optional "about you"', () => {
    const read = readResponse(
      {
        'q-a': 'Yes',
        'q-b': ['Sport', 'Music'],
        'q-c': 'A lot',
        'q-d': ' Hi ',
        ageBand: '11-15',
        area: 'North',
      },
      questions,
      consultation,
    );
    assert.ok(read.ok);
    assert.deepEqual(
      read.response.answers.map((a) => a.choices.join('|') || a.text),
      ['Yes', 'Sport|Music', 'A lot', 'Hi'],
    );
  });

  it('refuses answers not among the choices, a missing required one, a list item not offered and contact not asked for', () => {
    const read = readResponse(
      {
        'q-a': 'Maybe',
        'q-b': ['Sport', 'Sport'],
        'q-c': 'Loads',
        area: 'Mars',
        ageBand: '99',
        contact: 'me@example.org',
      },
      questions,
      consultation,
    );
    assert.ok(!read.ok);
    assert.deepEqual(
      read.problems.map((p) => p.path),
      ['q-a', 'q-b', 'q-c', 'ageBand', 'area', 'contact'],
    );
    const missing = readResponse({ 'q-d': 'text only' }, questions, consultation);
    assert.ok(!missing.ok);
    assert.match(missing.problems[0]!.message, /Question 1: choose an answer/);
  });
});
