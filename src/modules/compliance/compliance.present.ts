// How results read in pages and documents.
import type { Evidence, Outcome, RuleResult } from './evaluate.ts';

const period = (from: string | null, until: string | null) =>
  [from && `from ${from}`, until && `until ${until}`].filter(Boolean).join(' ');

export function describeEvidence(evidence: Evidence): string {
  switch (evidence.type) {
    case 'seat': {
      const dates = period(evidence.from, evidence.until);
      const named = evidence.holders.map((name, index) =>
        evidence.heldSince[index] ? `${name} since ${evidence.heldSince[index]}` : name,
      );
      const holders = named.length ? ` (${named.join(', ')})` : '';
      return `${evidence.body}, seat ${evidence.position}: ${evidence.label}${holders}${dates ? `; seat ${dates}` : ''}`;
    }
    case 'member': {
      const dates = period(evidence.from, evidence.until);
      return `${evidence.body}: ${evidence.name}, ${evidence.seat}${dates ? ` (${dates})` : ''}`;
    }
    case 'body':
      return `${evidence.body}`;
    case 'link':
      return `${evidence.from} ${evidence.kind.replaceAll('-', ' ')} ${evidence.to}`;
  }
}

/** The attendance beside a seat: "attended 1 of 4 meetings in the year (below 50 %)". */
export function describeAttendance(evidence: Evidence): string {
  if (evidence.type !== 'seat' || !evidence.attendance) return '';
  const { held, attended, threshold, substitutes } = evidence.attendance;
  if (!held) return 'No meeting with a register in the twelve months before';
  const below = (100 * attended) / held < threshold;
  return `Attended ${substitutes === false ? 'in person ' : ''}${attended} of ${held} ${held === 1 ? 'meeting' : 'meetings'} in the twelve months before${below ? ` (below ${threshold}%)` : ''}${substitutes === false ? ': the rule does not count substitutes' : ''}`;
}

/** One line for documents: the evidence with attendance, or the reason. */
export function describeResult(result: RuleResult): string {
  const lines = result.evidence.map((evidence) =>
    [describeEvidence(evidence), describeAttendance(evidence)].filter(Boolean).join('. '),
  );
  if (result.reason && result.status !== 'met') lines.push(result.reason);
  if (result.rarelyAttended) lines.unshift(flagLabel);
  return lines.join('\n') || 'No seat, member, body or link meets it';
}

export const flagLabel = 'Seat held, rarely attended';

export const outcomeLabels: Record<Outcome, string> = {
  met: 'Met',
  'met-on-paper': 'Met on paper',
  'seat-vacant': 'Seat vacant',
  'not-met': 'Not met',
  'not-recorded': 'Not recorded',
  'not-applicable': 'Not applicable',
};

/** What each outcome means, for the page's key and the documents. */
export const outcomeMeanings: Record<Outcome, string> = {
  met: 'a seat of the kind the rule asks for exists and is held on the date (or the body or link exists)',
  'met-on-paper': 'the seat exists, but no holder of any seat of the body is recorded for the date',
  'seat-vacant': 'members of the body are recorded for the date, but the seat the rule asks for is empty',
  'not-met': 'the body’s seats are recorded, and none is of the kind the rule asks for',
  'not-recorded': 'the partnership has not recorded what would settle it (the reason says what)',
  'not-applicable': 'not in force on the date, or not for this kind of council',
};

export const outcomeTags: Record<Outcome, string> = {
  met: 'govuk-tag--green',
  'met-on-paper': 'govuk-tag--turquoise',
  'seat-vacant': 'govuk-tag--orange',
  'not-met': 'govuk-tag--red',
  'not-recorded': 'govuk-tag--yellow',
  'not-applicable': 'govuk-tag--grey',
};

/** "12 met, 3 met on paper, …", leaving out the outcomes that did not occur. */
export function countsText(counts: Record<Outcome, number>): string {
  return (Object.keys(outcomeLabels) as Outcome[])
    .filter((outcome) => counts[outcome] > 0)
    .map((outcome) => `${counts[outcome]} ${outcomeLabels[outcome].toLowerCase()}`)
    .join(', ');
}
