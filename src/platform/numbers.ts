// Numbers as people type them, by rules the page states (ADR 0048). One reader for every
// number in forms and imports: digits with a full stop for decimals ("45.3"); thousands
// separated by commas only in the "1,234,567" form; a minus sign where a field allows one; a
// percent sign where the field is a percentage. "1,5" is refused (it is never 15), unless the
// field says it takes a decimal comma, when it is 1.5 (and then no thousands separator).
// Exponents ("1e308"), "Infinity", "NaN" and anything beyond the field's range are refused.
import { z } from 'zod';

export interface NumberRules {
  /** What the field is called in messages: "Value", "Places". */
  label: string;
  /** Whole numbers only. */
  whole?: boolean;
  min?: number;
  max?: number;
  /** How many decimal places at most. */
  decimals?: number;
  /** A trailing "%" is allowed (and dropped). */
  percent?: boolean;
  /** The decimal mark is a comma ("1,5" is 1.5); no thousands separator is then allowed. */
  decimalComma?: boolean;
  /** An example for messages ("45.3", "20"). */
  example?: string;
  /** The message for text that is not a number (or not a whole one), instead of the usual ones. */
  invalid?: string;
}

/** The largest magnitude any number field takes unless it says otherwise: a million million. */
export const DEFAULT_NUMBER_LIMIT = 1e12;

export type NumberReading = { value: number } | { problem: string };

const pointForm = /^([-+])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const commaForm = /^([-+])?(\d+)(?:,(\d+))?$/;

/** How the page states the rule under a number field. */
export function numberHint(rules: NumberRules): string {
  const example = rules.example ?? (rules.whole ? '20' : '45.3');
  const parts = [
    rules.whole
      ? `A whole number, like ${example}`
      : rules.decimalComma
        ? `A number with a comma for decimals, like ${example.replace('.', ',')}`
        : `A number with a full stop for decimals, like ${example}`,
  ];
  if (!rules.decimalComma) parts.push('thousands may be separated by commas, like 1,250');
  return `${parts.join('; ')}.`;
}

/** The number the text holds by the rules, or the message saying why it is refused. Blank is a problem too. */
export function parseNumber(input: string, rules: NumberRules): NumberReading {
  const { label } = rules;
  const example = rules.example ?? (rules.whole ? '20' : '45.3');
  const shown = rules.decimalComma ? example.replace('.', ',') : example;
  const reading = readText(input, rules, label, shown);
  return rules.invalid &&
    'problem' in reading &&
    reading.problem !== `Enter ${label.toLowerCase()}` &&
    !/ (or more|or fewer)$| between /.test(reading.problem)
    ? { problem: rules.invalid }
    : reading;
}

function readText(input: string, rules: NumberRules, label: string, shown: string): NumberReading {
  let text = input.trim().replace(/^−/, '-');
  if (!text) return { problem: `Enter ${label.toLowerCase()}` };
  if (rules.percent) text = text.replace(/\s*%$/, '');
  if (/^[-+]?(infinity|∞|nan)$/i.test(text) || /^[-+]?[\d.,]*\d[eE][-+]?\d+$/.test(text))
    return { problem: `${label} must be written in digits, like ${shown}` };
  let sign: string | undefined;
  let whole: string;
  let fraction: string | undefined;
  if (rules.decimalComma) {
    const match = commaForm.exec(text);
    if (!match)
      return {
        problem: /\./.test(text)
          ? `${label} must use a comma for decimals, like ${shown}, and no thousands separator`
          : `${label} must be a number, like ${shown}`,
      };
    [, sign, whole = '', fraction] = match;
  } else {
    const match = pointForm.exec(text);
    if (!match) {
      if (
        /^[-+]?\d+,\d{1,2}$/.test(text) ||
        /^[-+]?\d+,\d{4,}$/.test(text) ||
        /^[-+]?[\d,]+,\d{1,2}$/.test(text)
      )
        return {
          problem: `${label} must use a full stop for decimals, like ${shown}: a comma separates thousands only, as in 1,250`,
        };
      if (/^[-+]?[\d,]+(\.\d+)?$/.test(text))
        return {
          problem: `${label} must separate thousands with commas between groups of three digits, like 1,250, or not at all`,
        };
      return { problem: `${label} must be a number, like ${shown}` };
    }
    [, sign, whole = '', fraction] = match;
    whole = whole.replaceAll(',', '');
  }
  if (rules.whole && fraction !== undefined && /[1-9]/.test(fraction))
    return { problem: `${label} must be a whole number, like ${shown}` };
  if (
    rules.decimals !== undefined &&
    fraction !== undefined &&
    fraction.replace(/0+$/, '').length > rules.decimals
  )
    return {
      problem:
        rules.decimals === 0
          ? `${label} must be a whole number, like ${shown}`
          : `${label} must have at most ${rules.decimals} decimal place${rules.decimals === 1 ? '' : 's'}`,
    };
  return checkNumber(Number(`${sign === '-' ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`), rules);
}

/** A number (typed or already a number, as in JSON) against the field's range and wholeness. */
export function checkNumber(value: number, rules: NumberRules): NumberReading {
  const { label } = rules;
  const min = rules.min ?? -DEFAULT_NUMBER_LIMIT;
  const max = rules.max ?? DEFAULT_NUMBER_LIMIT;
  if (Number.isNaN(value)) return { problem: `${label} must be a number` };
  if (
    !Number.isFinite(value) ||
    (value < min && value < -DEFAULT_NUMBER_LIMIT) ||
    (value > max && value > DEFAULT_NUMBER_LIMIT)
  )
    return { problem: `${label} must be between ${formatLimit(min)} and ${formatLimit(max)}` };
  if (value < min) return { problem: `${label} must be ${formatLimit(min)} or more` };
  if (value > max) return { problem: `${label} must be ${formatLimit(max)} or fewer` };
  if (rules.whole && !Number.isInteger(value))
    return { problem: rules.invalid ?? `${label} must be a whole number` };
  return { value: Object.is(value, -0) ? 0 : value };
}

const formatLimit = (limit: number) => limit.toLocaleString('en-GB', { maximumFractionDigits: 10 });

/**
 * A zod field over `parseNumber`: blank is `undefined` when `optional`, else "Enter …";
 * a number already (JSON) is checked against the same range.
 */
export function numberInput(
  rules: NumberRules & { optional: true; blank?: string },
): z.ZodType<number | undefined, unknown>;
export function numberInput(
  rules: NumberRules & { optional?: false; blank?: string },
): z.ZodType<number, unknown>;
export function numberInput(
  rules: NumberRules & { optional?: boolean; blank?: string },
): z.ZodType<number | undefined, unknown> {
  const field = z.unknown().transform((raw, context) => {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (rules.optional) return undefined;
      context.addIssue({ code: 'custom', message: rules.blank ?? `Enter ${rules.label.toLowerCase()}` });
      return z.NEVER;
    }
    const reading =
      typeof raw === 'number'
        ? checkNumber(raw, rules)
        : typeof raw === 'string'
          ? parseNumber(raw, rules)
          : { problem: `${rules.label} must be a number` };
    if ('problem' in reading) {
      context.addIssue({ code: 'custom', message: reading.problem });
      return z.NEVER;
    }
    return reading.value;
  });
  // optional all through, so that a field left out of the form is undefined, not "nonoptional"
  return rules.optional ? field.optional() : field;
}
