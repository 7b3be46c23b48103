import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDays,
  formatDuration,
  formatTime,
  formatTimeRange,
  formatWhen,
  readTime,
  timeProblem,
} from './dates.ts';
import { optionalTime, requiredTime } from './http/time-input.ts';
import { validate } from './http/validation.ts';

describe('reading a time as people type it', () => {
  it('accepts every form of the 12-hour clock, words and the 24-hour clock', () => {
    const accepted: [string, string][] = [
      ['10am', '10:00'],
      ['10 am', '10:00'],
      ['10AM', '10:00'],
      ['10a.m.', '10:00'],
      ['10 a.m.', '10:00'],
      ['10:30am', '10:30'],
      ['10.30am', '10:30'],
      ['10:30 pm', '22:30'],
      ['2pm', '14:00'],
      ['2:30pm', '14:30'],
      ['2.30 p.m.', '14:30'],
      ['12pm', '12:00'],
      ['12:15pm', '12:15'],
      ['12am', '00:00'],
      ['12:30am', '00:30'],
      ['noon', '12:00'],
      ['Noon', '12:00'],
      ['midday', '12:00'],
      ['12 noon', '12:00'],
      ['midnight', '00:00'],
      ['10:00', '10:00'],
      ['9:05', '09:05'],
      ['09:05', '09:05'],
      ['14:30', '14:30'],
      ['14.30', '14:30'],
      ['1430', '14:30'],
      ['0930', '09:30'],
      ['00:00', '00:00'],
      ['23:59', '23:59'],
      ['  10am  ', '10:00'],
    ];
    for (const [typed, time] of accepted) assert.deepEqual(readTime(typed), { time }, typed);
  });

  it('refuses what is not a time, not a real time, or could be morning or evening', () => {
    const refused: [string, 'format' | 'real' | 'ambiguous'][] = [
      ['', 'format'],
      ['ten', 'format'],
      ['10:5', 'format'],
      ['10:30xm', 'format'],
      ['10am-12pm', 'format'],
      ['10:00:00:00', 'format'],
      ['2 o’clock', 'format'],
      ['13pm', 'real'],
      ['0am', 'real'],
      ['10:60am', 'real'],
      ['24:00', 'real'],
      ['25:00', 'real'],
      ['10:60', 'real'],
      ['2460', 'real'],
      ['99', 'real'],
      ['10', 'ambiguous'],
      ['2', 'ambiguous'],
    ];
    for (const [typed, problem] of refused) assert.deepEqual(readTime(typed), { problem }, typed);
  });

  it('words each refusal for the field', () => {
    assert.equal(
      timeProblem('the start time', 'format'),
      'Enter the start time as a time, like 10am, 2:30pm or 14:30',
    );
    assert.equal(
      timeProblem('the start time', 'real'),
      'The start time must be a real time, like 10am, 2:30pm or 14:30',
    );
    assert.equal(
      timeProblem('the end time', 'ambiguous'),
      'The end time must say am or pm, like 10am or 2pm, or use the 24-hour clock, like 14:00',
    );
  });

  it('gives forms the time, or the message on the field, and nothing for a blank optional time', () => {
    const schema = z.object({
      startTime: requiredTime('the start time'),
      endTime: optionalTime('the end time'),
    });
    assert.deepEqual(validate(schema, { startTime: '10am', endTime: '' }), {
      ok: true,
      value: { startTime: '10:00', endTime: undefined },
    });
    assert.deepEqual(validate(schema, { startTime: ' 2:30pm ', endTime: 'noon' }), {
      ok: true,
      value: { startTime: '14:30', endTime: '12:00' },
    });
    for (const [startTime, message] of [
      ['', 'Enter the start time'],
      [undefined, 'Enter the start time'],
      ['10', timeProblem('the start time', 'ambiguous')],
      ['soon', timeProblem('the start time', 'format')],
    ] as const) {
      const result = validate(schema, { startTime, endTime: '' });
      assert.equal(result.ok, false, String(startTime));
      if (!result.ok)
        assert.deepEqual(result.errors.fields, { startTime: { text: message } }, String(startTime));
    }
    const end = validate(schema, { startTime: '10am', endTime: '13pm' });
    assert.equal(end.ok, false);
    if (!end.ok)
      assert.deepEqual(end.errors.fields, { endTime: { text: timeProblem('the end time', 'real') } });
  });
});

describe('writing dates and times', () => {
  it('writes dates as 21 January 2009, or the month or year known', () => {
    assert.equal(formatDate('2009-01-21'), '21 January 2009');
    assert.equal(formatDate(new Date('2009-01-21T23:30:00Z')), '21 January 2009');
    // an instant late on a summer evening is the next day in England
    assert.equal(formatDate(new Date('2009-07-21T23:30:00Z')), '22 July 2009');
    assert.equal(formatDate('2007-04'), 'April 2007');
    assert.equal(formatDate('2007'), '2007');
    assert.equal(formatDate(null), '');
    assert.equal(formatDate(''), '');
    assert.equal(formatDate('not a date'), 'not a date');
  });

  it('writes periods with "to"', () => {
    assert.equal(formatDateRange('2009-04-01', '2010-03-31'), '1 April 2009 to 31 March 2010');
    assert.equal(formatDateRange('2009-04-01', '2009-04-01'), '1 April 2009');
    assert.equal(formatDateRange('2009-04-01', null), 'from 1 April 2009');
    assert.equal(formatDateRange(null, '2010-03-31'), 'until 31 March 2010');
    assert.equal(formatDateRange(null, undefined), '');
  });

  it('writes times the GOV.UK way: 10am, 2:30pm, 12pm, midnight', () => {
    const cases: [string, string][] = [
      ['10:00', '10am'],
      ['09:05', '9:05am'],
      ['14:30', '2:30pm'],
      ['14:00', '2pm'],
      ['12:00', '12pm'],
      ['12:45', '12:45pm'],
      ['00:00', 'midnight'],
      ['00:30', '12:30am'],
      ['23:59', '11:59pm'],
      ['14:30:00', '2:30pm'],
    ];
    for (const [clock, words] of cases) assert.equal(formatTime(clock), words, clock);
    // an instant, in England: summer time and winter time
    assert.equal(formatTime(new Date('2009-07-01T13:00:00Z')), '2pm');
    assert.equal(formatTime(new Date('2009-01-21T13:00:00Z')), '1pm');
    assert.equal(formatTime(null), '');
    assert.equal(formatTimeRange('10:00', '12:00'), '10am to 12pm');
    assert.equal(formatTimeRange('14:00', '16:00'), '2pm to 4pm');
    assert.equal(formatTimeRange('14:30', undefined), '2:30pm');
  });

  it('writes an instant and a meeting’s time in England', () => {
    const start = new Date('2009-09-14T13:00:00Z');
    const end = new Date('2009-09-14T15:30:00Z');
    assert.equal(formatDateTime(start), '14 September 2009 at 2pm');
    assert.equal(formatDateTime('2009-01-21T10:00:00Z'), '21 January 2009 at 10am');
    assert.equal(formatDateTime(null), '');
    assert.equal(formatWhen(start, end), '14 September 2009, 2pm to 4:30pm');
    assert.equal(formatWhen(start, null), '14 September 2009 at 2pm');
    assert.equal(
      formatWhen(start, new Date('2009-09-15T08:00:00Z')),
      '14 September 2009 at 2pm to 15 September 2009 at 9am',
    );
  });

  it('writes durations and numbers of days in words', () => {
    assert.equal(formatDuration(0), '0 minutes');
    assert.equal(formatDuration(1), '1 minute');
    assert.equal(formatDuration(45), '45 minutes');
    assert.equal(formatDuration(60), '1 hour');
    assert.equal(formatDuration(90), '1 hour 30 minutes');
    assert.equal(formatDuration(150), '2 hours 30 minutes');
    assert.equal(formatDuration(1440), '1 day');
    assert.equal(formatDuration(2 * 1440 + 61), '2 days 1 hour 1 minute');
    assert.equal(formatDuration(-5), '');
    assert.equal(formatDays(1), '1 day');
    assert.equal(formatDays(90), '90 days');
    assert.equal(formatDays(14), '2 weeks');
    assert.equal(formatDays(7), '7 days');
    assert.equal(formatDays(365), '365 days');
  });
});
