// How results read in pages and documents.
import type { Evidence } from './evaluate.ts';

export function describeEvidence(evidence: Evidence): string {
  switch (evidence.type) {
    case 'seat':
      return `${evidence.body}, seat ${evidence.position}: ${evidence.label}${evidence.holders.length ? ` (${evidence.holders.join(', ')})` : ''}`;
    case 'member':
      return `${evidence.body}: ${evidence.name}, ${evidence.seat}`;
    case 'body':
      return `${evidence.body}`;
    case 'link':
      return `${evidence.from} ${evidence.kind.replaceAll('-', ' ')} ${evidence.to}`;
  }
}

export const outcomeLabels = {
  met: 'Met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
} as const;
