// Dates as sources give them (issues 15 and 24, ADR 0041): the one date input read at every
// precision it accepts and refused for every way it can be wrong, and the partial dates written,
// bounded and ordered as they were given.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  comparePartialDates,
  firstDayOf,
  formatDatedAt,
  formatDatedPhrase,
  formatMeetingWhen,
  lastDayOf,
  precisionOf,
} from './dates.ts';
import { dateInput } from './http/date-input.ts';
import { validate } from './http/validation.ts';

const partial = z.object({ on: dateInput('Start date', { required: true, partial: true }) });
const optional = z.object({ on: dateInput('Start date', { required: false, partial: true }) });
const whole = z.object({ on: dateInput('Start date', { required: true }) });
const read = (schema: z.ZodType, day: string, month: string, year: string) =>
  validate(schema, { on: { day, month, year } });

describe('the partial date input', () => {
  it('accepts a year, a month and year, or a full date', () => {
    const accepted: [string, string, string, string][] = [
      ['', '', '2008', '2008'],
      ['', '4', '2010', '2010-04'],
      ['', '04', '2010', '2010-04'],
      ['', '12', '2010', '2010-12'],
      ['21', '1', '2009', '2009-01-21'],
      ['29', '2', '2008', '2008-02-29'],
    ];
    for (const [day, month, year, value] of accepted)
      assert.deepEqual(read(partial, day, month, year), { ok: true, value: { on: value } }, value);
    assert.deepEqual(read(optional, '', '', ''), { ok: true, value: { on: undefined } });
  });

  it('refuses every other form, naming the field to correct', () => {
    const refused: [string, string, string, string, string][] = [
      ['', '', '', 'Enter start date', 'on.day'],
      ['', '4', '', 'Start date must include a year', 'on.year'],
      ['21', '', '', 'Start date must include a year', 'on.year'],
      ['21', '4', '', 'Start date must include a year', 'on.year'],
      ['21', '', '2009', 'Start date must include a month', 'on.month'],
      ['', '13', '2009', 'Start date must be a real date', 'on.month'],
      ['', '0', '2009', 'Start date must be a real date', 'on.month'],
      ['', 'April', '2009', 'Start date must be a real date', 'on.month'],
      ['', '', '09', 'Start date must be a real date', 'on.year'],
      ['', '', '20o9', 'Start date must be a real date', 'on.year'],
      ['30', '2', '2009', 'Start date must be a real date', 'on.day'],
      ['29', '2', '2009', 'Start date must be a real date', 'on.day'],
      ['1', '13', '2009', 'Start date must be a real date', 'on.month'],
    ];
    for (const [day, month, year, message, path] of refused) {
      const result = read(partial, day, month, year);
      assert.equal(result.ok, false, `${day}/${month}/${year}`);
      if (!result.ok) assert.deepEqual(result.problems, [{ path, message }], `${day}/${month}/${year}`);
    }
  });

  it('still needs the whole date where partial dates are not allowed', () => {
    for (const [day, month] of [
      ['', '4'],
      ['', ''],
    ] as const) {
      const result = read(whole, day, month, '2009');
      assert.equal(result.ok, false);
    }
  });
});

describe('partial dates as written', () => {
  it('writes each precision as given', () => {
    assert.equal(formatDatedAt('2008-01-01', 'year'), '2008');
    assert.equal(formatDatedAt('2010-04-01', 'month'), 'April 2010');
    assert.equal(formatDatedAt('2009-01-21', 'day'), '21 January 2009');
    assert.equal(formatDatedAt('2009-01-21', null), '21 January 2009');
    assert.equal(formatDatedAt(null, 'year'), '');
  });

  it('puts them in a sentence: “since 2008”, “from April 2010”, “in 2009” rather than “on”', () => {
    assert.equal(formatDatedPhrase('since', '2008-01-01', 'year'), 'since 2008');
    assert.equal(formatDatedPhrase('from', '2010-04-01', 'month'), 'from April 2010');
    assert.equal(formatDatedPhrase('since', '2009-01-21', 'day'), 'since 21 January 2009');
    assert.equal(formatDatedPhrase('on', '2009-01-01', 'year'), 'in 2009');
    assert.equal(formatDatedPhrase('on', '2009-01-21', 'day'), 'on 21 January 2009');
    assert.equal(formatDatedPhrase('since', null, 'day'), '');
  });

  it('bounds them: the first day a start can mean, the last day an end can mean', () => {
    assert.deepEqual(
      ['2008', '2010-04', '2009-01-21'].map((value) => [
        precisionOf(value),
        firstDayOf(value),
        lastDayOf(value),
      ]),
      [
        ['year', '2008-01-01', '2008-12-31'],
        ['month', '2010-04-01', '2010-04-30'],
        ['day', '2009-01-21', '2009-01-21'],
      ],
    );
    assert.equal(lastDayOf('2008-02'), '2008-02-29', 'a leap year');
    assert.equal(lastDayOf('2009-02'), '2009-02-28');
    assert.equal(lastDayOf('2009-12'), '2009-12-31');
  });

  it('sorts them by the first day each can mean, the coarser first on the same day', () => {
    const dates = ['2009-01-21', '2010', '2009-01', '2008-12-31', '2009', '2009-01-01', '2010-04'];
    assert.deepEqual(dates.sort(comparePartialDates), [
      '2008-12-31',
      '2009',
      '2009-01',
      '2009-01-01',
      '2009-01-21',
      '2010',
      '2010-04',
    ]);
  });
});

describe('a meeting with no known start time', () => {
  const startsAt = new Date('2009-07-13T23:00:00Z'); // midnight in England, summer time
  it('is written by its date alone', () => {
    assert.equal(formatMeetingWhen({ startsAt, endsAt: null, startTimeKnown: false }), '14 July 2009');
    assert.equal(formatMeetingWhen({ startsAt, startTimeKnown: false }, false), '14 July 2009');
  });
  it('keeps its time when the time is known', () => {
    const at = new Date('2009-07-14T13:00:00Z');
    const end = new Date('2009-07-14T15:00:00Z');
    assert.equal(
      formatMeetingWhen({ startsAt: at, endsAt: end, startTimeKnown: true }),
      '14 July 2009, 2pm to 4pm',
    );
    assert.equal(formatMeetingWhen({ startsAt: at, endsAt: end }, false), '14 July 2009 at 2pm');
  });
});
