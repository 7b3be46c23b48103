import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkNumber, numberHint, numberInput, parseNumber, type NumberRules } from './numbers.ts';

const value = (text: string, rules: Partial<NumberRules> = {}) => {
  const reading = parseNumber(text, { label: 'Value', ...rules });
  assert.ok('value' in reading, `${text}: ${'problem' in reading ? reading.problem : ''}`);
  return reading.value;
};
const problem = (text: string, rules: Partial<NumberRules> = {}) => {
  const reading = parseNumber(text, { label: 'Value', ...rules });
  assert.ok('problem' in reading, `${text} was read as ${'value' in reading ? reading.value : ''}`);
  return reading.problem;
};

describe('numbers as people type them', () => {
  it('reads every accepted form', () => {
    assert.equal(value('45.3'), 45.3);
    assert.equal(value(' 45 '), 45);
    assert.equal(value('-2'), -2);
    assert.equal(value('+2'), 2);
    assert.equal(value('−2.5'), -2.5, 'a typographic minus sign');
    assert.equal(value('0.5'), 0.5);
    assert.equal(value('1,234'), 1234);
    assert.equal(value('1,234,567.89'), 1234567.89);
    assert.equal(value('1234567'), 1234567);
    assert.equal(value('72%', { percent: true }), 72);
    assert.equal(value('72.5 %', { percent: true }), 72.5);
    assert.equal(value('-0'), 0);
    assert.equal(value('20.0', { whole: true }), 20);
  });

  it('never reads "1,5" as 15: refused with a message, or 1.5 where the field takes a decimal comma', () => {
    assert.match(problem('1,5'), /full stop for decimals, like 45\.3/);
    assert.match(problem('12,50'), /full stop for decimals/);
    assert.match(problem('1,2345'), /full stop for decimals/);
    assert.equal(value('1,5', { decimalComma: true }), 1.5);
    assert.equal(value('-12,25', { decimalComma: true }), -12.25);
    assert.equal(value('1234', { decimalComma: true }), 1234);
    assert.match(problem('1.5', { decimalComma: true }), /comma for decimals, like 45,3/);
    assert.match(problem('1,234,5', { decimalComma: true }), /must be a number/);
  });

  it('takes thousands separators only in the "1,234" form', () => {
    assert.match(problem('12,34,567'), /groups of three digits/);
    assert.match(problem('1234,567'), /groups of three digits/);
    assert.match(problem(',123'), /groups of three|number/);
    assert.match(problem('1,,234'), /groups of three|number/);
  });

  it('refuses infinite, huge, exponent and not-a-number values with a clear message', () => {
    for (const text of ['1e308', '-1e308', '1E5', '2.5e-3', 'Infinity', '-Infinity', '∞', 'NaN', 'nan'])
      assert.match(problem(text), /must be written in digits/, text);
    assert.match(problem('1000000000001'), /between -1,000,000,000,000 and 1,000,000,000,000/);
    assert.match(problem(`1${'0'.repeat(400)}`), /between/);
    assert.match(problem('101', { min: 0, max: 100 }), /Value must be 100 or fewer/);
    assert.match(problem('-1', { min: 0, max: 100 }), /Value must be 0 or more/);
    assert.match(problem('-1e308', { min: 0, max: 100 }), /written in digits/);
    assert.match(problem(`-1${'0'.repeat(20)}`, { min: 0, max: 100 }), /between 0 and 100/);
  });

  it('refuses what is not a number, and blank', () => {
    assert.match(problem(''), /Enter value/);
    assert.match(problem('   '), /Enter value/);
    for (const text of ['abc', '1.2.3', '£5', '5 apples', '0x10', '1 000', '.5', '5.', '--1', '72%'])
      assert.match(problem(text), /must be a number|groups of three/, text);
  });

  it('keeps whole numbers whole and decimal places within the field', () => {
    assert.match(problem('2.5', { whole: true, label: 'Places' }), /Places must be a whole number, like 20/);
    assert.match(problem('2.555', { decimals: 2 }), /at most 2 decimal places/);
    assert.equal(value('2.550', { decimals: 2 }), 2.55);
  });

  it('checks numbers that arrive as numbers (JSON) by the same range', () => {
    assert.deepEqual(checkNumber(5, { label: 'Value' }), { value: 5 });
    assert.ok('problem' in checkNumber(Number.POSITIVE_INFINITY, { label: 'Value' }));
    assert.ok('problem' in checkNumber(Number.NaN, { label: 'Value' }));
    assert.ok('problem' in checkNumber(1e308, { label: 'Value' }));
    assert.ok('problem' in checkNumber(2.5, { label: 'Places', whole: true }));
  });

  it('as a form field: blank is undefined when optional, a message otherwise', () => {
    const optional = numberInput({ label: 'Target', optional: true });
    assert.equal(optional.parse(''), undefined);
    assert.equal(optional.parse('1,250'), 1250);
    const required = numberInput({ label: 'Target' });
    assert.equal(required.safeParse('').error?.issues[0]?.message, 'Enter target');
    assert.match(required.safeParse('1,5').error?.issues[0]?.message ?? '', /full stop/);
    assert.match(required.safeParse(1e308).error?.issues[0]?.message ?? '', /between/);
  });

  it('says what the field asks for, when the field has its own words', () => {
    const rules = { label: 'Count', whole: true, min: 0, invalid: 'Enter how many, as a whole number' };
    assert.match(problem('about 29', rules), /^Enter how many, as a whole number$/);
    assert.match(problem('2.5', rules), /^Enter how many, as a whole number$/);
    assert.match(problem('1e308', rules), /^Enter how many, as a whole number$/);
    assert.match(problem('-3', rules), /Count must be 0 or more/);
    assert.match(problem('', rules), /Enter count/);
  });

  it('states its rule for the page', () => {
    assert.equal(
      numberHint({ label: 'Value' }),
      'A number with a full stop for decimals, like 45.3; thousands may be separated by commas, like 1,250.',
    );
    assert.equal(
      numberHint({ label: 'Value', decimalComma: true }),
      'A number with a comma for decimals, like 45,3.',
    );
  });
});
