import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { dateInput, partialIsoDate } from './date-input.ts';
import { validate } from './validation.ts';

const form = z.object({ established: dateInput('Date established', { required: true, partial: true }) });
const strict = z.object({ due: dateInput('Due date', { required: true }) });
const check = (schema: z.ZodType, day: string, month: string, year: string, field = 'established') =>
  validate(schema, { [field]: { day, month, year } });

describe('the GOV.UK date input', () => {
  it('gives an ISO date, or the year or month known', () => {
    assert.deepEqual(check(form, '20', '4', '2007'), { ok: true, value: { established: '2007-04-20' } });
    assert.deepEqual(check(form, '', '4', '2007'), { ok: true, value: { established: '2007-04' } });
    assert.deepEqual(check(form, '', '', '2007'), { ok: true, value: { established: '2007' } });
  });

  it('words each problem the GOV.UK way and links to the field to correct', () => {
    const cases: [string, string, string, string, string][] = [
      ['', '', '', 'Enter date established', 'established.day'],
      ['31', '2', '2009', 'Date established must be a real date', 'established.day'],
      ['1', '13', '2009', 'Date established must be a real date', 'established.month'],
      ['', '13', '2009', 'Date established must be a real date', 'established.month'],
      ['1', '', '2009', 'Date established must include a month', 'established.month'],
      ['1', '2', '', 'Date established must include a year', 'established.year'],
      ['x', '2', '2009', 'Date established must be a real date', 'established.day'],
    ];
    for (const [day, month, year, message, path] of cases) {
      const result = check(form, day, month, year);
      assert.equal(result.ok, false, `${day}/${month}/${year}`);
      if (!result.ok) {
        assert.deepEqual(result.problems, [{ path, message }], `${day}/${month}/${year}`);
        assert.equal(result.errors.fields.established?.text, message, 'the whole input shows the message');
        assert.equal(result.errors.summary[0]?.href, `#${path.replace('.', '-')}`);
      }
    }
  });

  it('needs a whole date unless partial dates are allowed', () => {
    const result = check(strict, '', '4', '2007', 'due');
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problems[0]?.message, 'Due date must include a day');
  });

  it('accepts ISO dates at any precision in JSON', () => {
    for (const value of ['2007', '2007-04', '2007-04-20'])
      assert.equal(partialIsoDate('Date').safeParse(value).success, true);
    for (const value of ['07', '2007-13', '2007-04-32', '20 April 2007'])
      assert.equal(partialIsoDate('Date').safeParse(value).success, false);
  });
});
