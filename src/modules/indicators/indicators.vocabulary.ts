// The words of the indicator library: outcomes, units, polarity, how often an indicator is
// measured, and the kinds of breakdown, tolerance and comparator.

/** The five Every Child Matters outcomes (Children Act 2004, section 10(2)). */
export const ecmOutcomes = {
  BH: 'Be healthy',
  SS: 'Stay safe',
  EA: 'Enjoy and achieve',
  PC: 'Make a positive contribution',
  EW: 'Achieve economic well-being',
} as const;
export type EcmOutcome = keyof typeof ecmOutcomes;
export const ecmOutcomeValues = Object.keys(ecmOutcomes) as [EcmOutcome, ...EcmOutcome[]];

export const units = {
  percentage: '%',
  'percentage points': 'percentage points',
  rate: 'rate',
  number: 'number',
  score: 'score',
  money: '£',
} as const;
export type Unit = keyof typeof units;
export const unitValues = Object.keys(units) as [Unit, ...Unit[]];

export const polarities = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  none: 'No judgement (context only)',
} as const;
export type Polarity = keyof typeof polarities;
export const polarityValues = Object.keys(polarities) as [Polarity, ...Polarity[]];

export const frequencies = {
  'financial year': 'Each financial year (April to March), like 2008-09',
  'academic year': 'Each academic year (September to August), like 2008/09',
  'calendar year': 'Each calendar year, like 2009',
  quarter: 'Each quarter of the financial year, like 2009-10 Q1',
  month: 'Each month, like 2009-04',
} as const;
export type Frequency = keyof typeof frequencies;
export const frequencyValues = Object.keys(frequencies) as [Frequency, ...Frequency[]];

/** A value is for everyone, or for one group (looked-after children) or one area (a district). */
export const breakdownKinds = { all: 'All', group: 'Group', area: 'Area' } as const;
export type BreakdownKind = keyof typeof breakdownKinds;
export const breakdownKindValues = Object.keys(breakdownKinds) as [BreakdownKind, ...BreakdownKind[]];

/** How far short of its target a value may fall and still be amber. */
export const toleranceKinds = {
  absolute: 'In the indicator’s own units (e.g. 2 percentage points)',
  relative: 'As a percentage of the target (e.g. 5% of the target)',
} as const;
export type ToleranceKind = keyof typeof toleranceKinds;
export const toleranceKindValues = Object.keys(toleranceKinds) as [ToleranceKind, ...ToleranceKind[]];

export const comparatorKinds = {
  england: 'England average',
  'statistical neighbours': 'Statistical neighbours’ average',
  region: 'Regional average',
} as const;
export type ComparatorKind = keyof typeof comparatorKinds;
export const comparatorKindValues = Object.keys(comparatorKinds) as [ComparatorKind, ...ComparatorKind[]];

export const librarySets = {
  nis2008: 'National Indicator Set (2008)',
  lait: 'DfE Local Authority Interactive Tool',
} as const;
export type LibrarySet = keyof typeof librarySets;
