// A plan as plain text, one fact a line: what a version keeps, and what the difference between
// two versions is worked out from (with `diff`, line by line).
import { diffLines } from 'diff';
import { describeRecurrence, type Recurrence } from './recurrence.ts';
import {
  actionStatuses,
  planKinds,
  planStatuses,
  type ActionStatus,
  type PlanKind,
  type PlanStatus,
} from './plans.vocabulary.ts';

export interface PlanForText {
  plan: {
    title: string;
    kind: PlanKind;
    startsOn: string;
    endsOn: string;
    status: PlanStatus;
    vision: string | null;
    resourcing: string | null;
  };
  outcomes: { code: string; title: string }[];
  evidence: { title: string }[];
  priorities: {
    position: number;
    title: string;
    ownerBodyName: string | null;
    leadPersonName: string | null;
    outcomes: { title: string }[];
    actions: {
      position: number;
      text: string;
      leadName: string;
      dueOn: string | null;
      recurrence: Recurrence | null;
      recursFrom: string | null;
      status: ActionStatus;
    }[];
  }[];
}

export function planText(detail: PlanForText): string {
  const { plan } = detail;
  const lines = [
    `Title: ${plan.title}`,
    `Kind: ${planKinds[plan.kind]}`,
    `Period: ${plan.startsOn} to ${plan.endsOn}`,
    `Status: ${planStatuses[plan.status]}`,
  ];
  if (plan.vision) lines.push(`Vision: ${plan.vision}`);
  if (plan.resourcing) lines.push(`Resourcing: ${plan.resourcing}`);
  for (const outcome of detail.outcomes) lines.push(`Outcome ${outcome.code}: ${outcome.title}`);
  for (const evidence of detail.evidence) lines.push(`Evidence: ${evidence.title}`);
  for (const priority of detail.priorities) {
    const owner = [priority.ownerBodyName, priority.leadPersonName].filter(Boolean).join(', ');
    lines.push(`Priority ${priority.position}: ${priority.title}${owner ? ` (${owner})` : ''}`);
    if (priority.outcomes.length)
      lines.push(`  Outcomes: ${priority.outcomes.map((outcome) => outcome.title).join('; ')}`);
    for (const action of priority.actions) {
      const when =
        action.recurrence && action.recursFrom
          ? describeRecurrence(action.recurrence, action.recursFrom)
          : action.dueOn
            ? `by ${action.dueOn}`
            : 'no date';
      lines.push(
        `  Action ${priority.position}.${action.position}: ${action.text} (lead: ${action.leadName}; ${when}; ${actionStatuses[action.status].toLowerCase()})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface ChangedLine {
  kind: 'added' | 'removed';
  text: string;
}

/** The lines added and removed between two versions' text. */
export function changesBetween(before: string, after: string): ChangedLine[] {
  return diffLines(before, after).flatMap((part) =>
    part.added || part.removed
      ? part.value
          .split('\n')
          .filter((line) => line.trim())
          .map((text) => ({
            kind: part.added ? ('added' as const) : ('removed' as const),
            text: text.trim(),
          }))
      : [],
  );
}
