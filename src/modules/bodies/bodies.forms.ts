// Between the body forms' fields and the service's values.
import { partialOf, partsOf } from '../../platform/http/date-input.ts';
import {
  bodyKinds,
  externalKinds,
  focusTypes,
  internalKinds,
  relationshipKinds,
  statuses,
} from './bodies.vocabulary.ts';
import type { BodyRow } from './bodies.repository.ts';
import { chairingKinds, type ChairingRule } from './rules.ts';

type Body = Record<string, unknown>;

export const kindGroups = [
  ...Object.entries(internalKinds).map(([value, text]) => ({ value, text })),
  ...Object.entries(externalKinds).map(([value, text]) => ({ value, text: `${text} (external)` })),
];
export const focusItems = Object.entries(focusTypes).map(([value, text]) => ({ value, text }));
export const statusItems = Object.entries(statuses).map(([value, text]) => ({ value, text }));
export const relationshipItems = Object.entries(relationshipKinds).map(([value, text]) => ({ value, text }));
export const chairingItems = Object.entries(chairingKinds).map(([value, text]) => ({ value, text }));
export const kindLabel = (kind: string) => bodyKinds[kind as keyof typeof bodyKinds] ?? kind;

export { withDates } from '../../platform/http/date-input.ts';

/** A body as its form shows it. */
export function bodyFormValues(
  body: BodyRow,
  more: { latestRules?: { chairing: ChairingRule | null }; standingItems?: string[] } = {},
): Body {
  const values: Body = {
    name: body.name,
    slug: body.slug,
    kind: body.kind,
    purpose: body.purpose,
    focusType: body.focusType,
    focus: body.focus,
    area: body.area,
    membershipCap: body.membershipCap,
    attendanceThreshold: body.attendanceThreshold,
    takesDecisions: body.takesDecisions ? 'yes' : 'no',
    leadOfficerId: body.leadOfficerId,
    quorumMinimum: body.quorumRule?.minimum,
    quorumCategories: body.quorumRule?.categories ?? [],
    ...Object.fromEntries((body.cadenceRules ?? []).map((rule) => [`cadence-${rule.kind}`, rule.perYear])),
    chairingKind: more.latestRules?.chairing?.kind ?? '',
    chairingDetail: more.latestRules?.chairing?.detail,
    actionCode: body.actionCode,
    standingItems: (more.standingItems ?? []).join('\n'),
    version: body.version, // ADR 0044
  };
  for (const [name, value] of [
    // as written: a year or a month and year leaves the rest blank
    ['startsOn', body.startsOn && partialOf(body.startsOn, body.startsPrecision)],
    ['endsOn', body.endsOn && partialOf(body.endsOn, body.endsPrecision)],
  ] as const) {
    const parts = partsOf(value);
    values[`${name}-day`] = parts.day;
    values[`${name}-month`] = parts.month;
    values[`${name}-year`] = parts.year;
  }
  return values;
}
