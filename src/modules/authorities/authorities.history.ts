// Councils over time (pure): a council's type on a date, its life, and the checks the history
// data must pass. Dates are ISO strings ('YYYY-MM-DD'), compared as text; null is open-ended.

export interface TypePeriod {
  type: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface Life {
  validFrom: string | null;
  validTo: string | null;
}

const earliest = '0000-01-01';
const latest = '9999-12-31';

/** The periods in order of their start (an open start first). */
export function inOrder<T extends TypePeriod>(periods: readonly T[]): T[] {
  return [...periods].sort((a, b) => (a.validFrom ?? earliest).localeCompare(b.validFrom ?? earliest));
}

/**
 * The council's type on a date: the period holding the date; before its life the first
 * period's type, after it the last's (its type at the nearest end of its life).
 */
export function typeOn(periods: readonly TypePeriod[], date: string): string | undefined {
  const ordered = inOrder(periods);
  const first = ordered[0];
  if (!first) return undefined;
  if (date < (first.validFrom ?? earliest)) return first.type;
  for (const period of ordered) if (date <= (period.validTo ?? latest)) return period.type;
  return ordered.at(-1)!.type;
}

/** The first and last day of a life made of periods. */
export function lifeOf(periods: readonly TypePeriod[]): Life {
  const ordered = inOrder(periods);
  return { validFrom: ordered[0]?.validFrom ?? null, validTo: ordered.at(-1)?.validTo ?? null };
}

/** The next day of an ISO date ('2009-03-31' gives '2009-04-01'). */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The first and last day a date at any precision ('2007', '2007-04', '2007-04-20') can mean. */
export function spanOf(date: string): { first: string; last: string } {
  if (/^\d{4}$/.test(date)) return { first: `${date}-01-01`, last: `${date}-12-31` };
  if (/^\d{4}-\d{2}$/.test(date)) return { first: `${date}-01`, last: `${date}-31` };
  return { first: date, last: date };
}

/** Whether a date at any precision can fall within a life. */
export function withinLife(date: string, life: Life): boolean {
  const { first, last } = spanOf(date);
  return (
    (life.validFrom === null || last >= life.validFrom) && (life.validTo === null || first <= life.validTo)
  );
}

/** "1974 to 2009", "from 2009", or "" for a council with no recorded dates. */
export function yearsOf(life: Life): string {
  const from = life.validFrom?.slice(0, 4);
  const to = life.validTo?.slice(0, 4);
  if (from && to) return `${from} to ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return '';
}

export interface HistoryAuthority extends Life {
  gssCode: string;
  type: string;
}
export interface HistorySuccession {
  gssCode: string;
  successorGssCode: string;
}

/**
 * What is wrong with a history: periods out of order, overlapping or leaving gaps, not
 * covering the council's life or not ending in its type; successors unknown or not there the
 * day after the council ended. Empty when the history is sound.
 */
export function historyProblems(
  authorities: readonly HistoryAuthority[],
  periods: readonly (TypePeriod & { gssCode: string })[],
  successions: readonly HistorySuccession[],
): string[] {
  const problems: string[] = [];
  const byCode = new Map(authorities.map((a) => [a.gssCode, a]));
  const periodsOf = new Map<string, TypePeriod[]>();
  for (const period of periods) {
    if (!byCode.has(period.gssCode))
      problems.push(`${period.gssCode}: a type period for an unknown authority`);
    periodsOf.set(period.gssCode, [...(periodsOf.get(period.gssCode) ?? []), period]);
  }
  for (const [code, list] of periodsOf) {
    const ordered = inOrder(list);
    ordered.forEach((period, i) => {
      if (period.validFrom && period.validTo && period.validFrom > period.validTo)
        problems.push(`${code}: a period ends (${period.validTo}) before it starts (${period.validFrom})`);
      const next = ordered[i + 1];
      if (next && (!period.validTo || !next.validFrom || dayAfter(period.validTo) !== next.validFrom))
        problems.push(`${code}: the period ending ${period.validTo ?? 'never'} is not followed the next day`);
    });
    const authority = byCode.get(code);
    if (!authority) continue;
    const life = lifeOf(ordered);
    if (life.validFrom !== authority.validFrom || life.validTo !== authority.validTo)
      problems.push(
        `${code}: the types cover ${life.validFrom ?? '…'} to ${life.validTo ?? '…'}, the authority ${authority.validFrom ?? '…'} to ${authority.validTo ?? '…'}`,
      );
    if (ordered.at(-1)!.type !== authority.type)
      problems.push(`${code}: the last type period is not the authority's type (${authority.type})`);
  }
  for (const { gssCode, successorGssCode } of successions) {
    const authority = byCode.get(gssCode);
    const successor = byCode.get(successorGssCode);
    if (!authority) problems.push(`${gssCode}: a succession from an unknown authority`);
    if (!successor) problems.push(`${gssCode}: its successor ${successorGssCode} is not an authority`);
    if (!authority || !successor) continue;
    if (!authority.validTo) problems.push(`${gssCode}: has a successor but has not ended`);
    else if (!withinLife(dayAfter(authority.validTo), successor))
      problems.push(
        `${gssCode}: its successor ${successorGssCode} did not exist on ${dayAfter(authority.validTo)}`,
      );
  }
  for (const authority of authorities)
    if (authority.validTo && !successions.some((s) => s.gssCode === authority.gssCode))
      problems.push(`${authority.gssCode}: ended with no successor`);
  return problems;
}
