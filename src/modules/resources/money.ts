// Money as integer pence: read from what people write ("£1,250.50", "1250.5", "1250"), shown in
// pounds ("£1,250.50"), added up exactly. Nothing here ever holds a fraction of a penny: an
// amount with more than two decimal places is refused, never rounded (ADR 0027).

/** The largest amount one entry may hold: £1 trillion (10^14 pence), so sums stay exact. */
export const MAX_PENCE = 100_000_000_000_000;

export type MoneyProblem = 'blank' | 'not a number' | 'negative' | 'too many decimals' | 'too large';

/** Pence from text like "£1,250.50"; a problem otherwise. Blank is "blank", for the caller to decide. */
export function parsePounds(text: string): { pence: number } | { problem: MoneyProblem } {
  // thousands separated only as "1,234,567" (ADR 0048): "1234,567" and "1,5" are not amounts
  const digits = text.trim().replace(/^-?\s*£?/, '');
  if (digits.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(digits)) return { problem: 'not a number' };
  const cleaned = text
    .trim()
    .replace(/^£/, '')
    .replace(/^(-?)£/, '$1')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!cleaned) return { problem: 'blank' };
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(cleaned.replace(/^-\s*£?/, '-'));
  if (!match) return { problem: 'not a number' };
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > 2) return { problem: 'too many decimals' };
  if (minus && /[1-9]/.test(whole! + fraction)) return { problem: 'negative' };
  if (whole!.length > 15) return { problem: 'too large' };
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (pence > MAX_PENCE) return { problem: 'too large' };
  return { pence };
}

/** The message a form or an import shows for a problem with an amount labelled `label`. */
export function moneyMessage(label: string, problem: MoneyProblem): string {
  switch (problem) {
    case 'blank':
      return `Enter ${label}`;
    case 'not a number':
      return `${label} must be an amount in pounds, like 1250 or 1,250.50`;
    case 'negative':
      return `${label} cannot be negative`;
    case 'too many decimals':
      return `${label} must be in pounds and pence, with at most two decimal places`;
    case 'too large':
      return `${label} must be less than £1 trillion`;
  }
}

/** Exact sum of integer pence; null amounts (not recorded) count as nothing. */
export function sumPence(amounts: Iterable<number | null | undefined>): number {
  let total = 0n;
  for (const amount of amounts) if (amount !== null && amount !== undefined) total += BigInt(amount);
  const result = Number(total);
  if (!Number.isSafeInteger(result)) throw new RangeError('A total is too large to hold exactly');
  return result;
}

/** "£1,250.50", "-£20.00"; pence always shown, so every figure reads alike. */
export function formatPounds(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  const negative = pence < 0;
  const absolute = BigInt(Math.abs(pence));
  const pounds = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (absolute % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}£${pounds}.${rest}`;
}

/** Pence as the plain decimal a spreadsheet reads ("1250.50"), for CSV files. */
export function poundsDecimal(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  const negative = pence < 0;
  const absolute = BigInt(Math.abs(pence));
  return `${negative ? '-' : ''}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
}

/** Pence as a form shows it back: "1250.50". */
export const poundsInput = poundsDecimal;

/**
 * Financial years run from 1 April to 31 March and are named by the year they start in:
 * 2009 is "2009-10", 1 April 2009 to 31 March 2010.
 */
export function financialYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5) >= '04-01' ? year : year - 1;
}

export const yearLabel = (year: number): string => `${year}-${String((year + 1) % 100).padStart(2, '0')}`;

export const yearStart = (year: number): string => `${year}-04-01`;
export const yearEnd = (year: number): string => `${year + 1}-03-31`;

/** A financial year as people write it: "2009-10", "2009/10", "2009-2010", "2009/2010". */
export function parseYear(text: string): number | null {
  const match = /^\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2]!.length === 2 ? Number(match[2]) : Number(match[2]) % 100;
  if ((start + 1) % 100 !== end) return null;
  if (start < 1990 || start > 2100) return null;
  return start;
}

/** The financial years an agreement's dates cover (either end open: none known). */
export function yearsWithin(
  startsOn: string | null,
  endsOn: string | null,
): { from: number | null; to: number | null } {
  return {
    from: startsOn ? financialYearOf(startsOn) : null,
    to: endsOn ? financialYearOf(endsOn) : null,
  };
}
