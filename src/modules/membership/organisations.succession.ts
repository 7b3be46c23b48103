// Organisations that end: the rules on an organisation's end date and its successor. An
// organisation cannot end before a seat or membership held on its behalf begins; its successor
// is another organisation of the partnership that does not end before it does, and a
// succession never goes round in a circle. Every problem is found at once and names the dates.
import { formatDate } from '../../platform/views/nunjucks.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import type { Trx } from '../../schema.ts';
import { organisationsRepository as organisations, type Holding } from './membership.repository.ts';

interface Succession {
  name: string;
  endsOn: string | null;
  successorId: string | null;
}

const described = (holding: Holding) =>
  holding.kind === 'seat'
    ? `the seat “${holding.label}” of ${holding.bodyName}, held on its behalf, begins on ${formatDate(holding.startsOn)}`
    : `a membership of “${holding.label}” of ${holding.bodyName}, held on its behalf, begins on ${formatDate(holding.startsOn)}`;

/** Refuses an end date or successor that breaks the rules; `id` is null for a new organisation. */
export async function checkSuccession(trx: Trx, id: string | null, values: Succession): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  const { name, endsOn, successorId } = values;
  if (successorId) {
    const successor = successorId === id ? undefined : await organisations.byId(trx, successorId);
    if (successorId === id) {
      problems.push({ path: 'successorId', message: 'An organisation cannot succeed itself' });
    } else if (!successor) {
      problems.push({ path: 'successorId', message: 'Select an organisation of this partnership' });
    } else {
      if (!endsOn)
        problems.push({
          path: 'endsOn.day',
          message: `Enter the date ${name} ended: it is succeeded by ${successor.name} only once it has ended`,
        });
      else if (successor.endsOn && successor.endsOn < endsOn)
        problems.push({
          path: 'successorId',
          message: `${successor.name} ended on ${formatDate(successor.endsOn)}, before ${name} ended on ${formatDate(endsOn)}: a successor cannot end before the organisation it succeeds`,
        });
      if (id) {
        // Walk the successor's own successors: reaching this organisation again is a circle.
        let next = successor.successorId;
        for (let step = 0; next && step < 100; step++) {
          if (next === id) {
            problems.push({
              path: 'successorId',
              message: `${successor.name} is already succeeded, in the end, by ${name}: a succession cannot go round in a circle`,
            });
            break;
          }
          next = (await organisations.byId(trx, next))?.successorId ?? null;
        }
      }
    }
  }
  if (id && endsOn) {
    for (const predecessor of await organisations.predecessors(trx, id))
      if (predecessor.endsOn && predecessor.endsOn > endsOn)
        problems.push({
          path: 'endsOn.day',
          message: `${name} succeeds ${predecessor.name}, which ended on ${formatDate(predecessor.endsOn)}: ${name} cannot end before that, on ${formatDate(endsOn)}`,
        });
    const held = await organisations.heldAfter(trx, id, endsOn);
    if (held.length)
      problems.push({
        path: 'endsOn.day',
        message: `${name} cannot end on ${formatDate(endsOn)}: ${described(held[0]!)}${
          held.length > 1 ? ` (and ${held.length - 1} more begin after that date)` : ''
        }`,
      });
  }
  if (problems.length) throw new RuleViolation(problems);
}
