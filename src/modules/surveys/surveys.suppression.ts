// Small numbers: a count about children below the threshold could identify a child, so every
// shared output (the table page, CSV, Word, API) shows "[c]" in its place, as official
// statistics do. Only number questions marked "about children" are counts of children.
export const suppressedMark = '[c]';

export interface CountedQuestion {
  kind: string;
  aboutChildren: boolean;
}

export function isSuppressed(question: CountedQuestion, text: string | null, threshold: number): boolean {
  if (question.kind !== 'number' || !question.aboutChildren || text === null) return false;
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value < threshold;
}

/** The answer as it may be shared. */
export function shareable(question: CountedQuestion, text: string | null, threshold: number): string | null {
  return isSuppressed(question, text, threshold) ? suppressedMark : text;
}

/** A count of people small enough to identify someone (but not none): shown as "[c]". */
export function isSmallCount(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}
