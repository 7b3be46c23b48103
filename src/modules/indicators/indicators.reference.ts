// The indicator library shipped in data/reference: the children's indicators of the 2008
// National Indicator Set (from the design's list) and the Department for Education's Local
// Authority Interactive Tool measures, read into one shape.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  ecmOutcomeValues,
  type EcmOutcome,
  type Frequency,
  type LibrarySet,
  type Polarity,
  type Unit,
} from './indicators.vocabulary.ts';

const reference = (name: string) => new URL(`../../../data/reference/${name}`, import.meta.url);

export interface LibraryIndicator {
  key: string;
  set: LibrarySet;
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  unitLabel: string;
  polarity: Polarity;
  frequency: Frequency;
  source: string;
  outcome: EcmOutcome | null;
  topic: string | null;
}

const nationalRow = z.object({
  code: z.string().regex(/^NI \d+$/),
  title: z.string().min(1),
  outcome: z.enum(ecmOutcomeValues),
  polarity: z.enum(['higher', 'lower']),
  unit: z.enum(['%', 'rate', 'number', 'score', 'percentage points']),
  frequency: z.enum(['financial year', 'academic year']),
});

const laitRow = z.object({
  Measure_code: z.string(),
  Topic: z.string().min(1),
  Measure: z.string().min(1),
  Measure_short: z.string().min(1),
  Polarity: z.string(),
  y_axis_name: z.string(),
  Description: z.string(),
  Year_Type: z.string(),
});

async function rows(name: string): Promise<unknown[]> {
  return parse(await readFile(reference(name), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as unknown[];
}

/** The unit a LAIT axis name measures in ("% of births" is a percentage, "Rate per 10,000" a rate). */
export function laitUnit(axis: string): Unit {
  const text = axis.toLowerCase();
  if (text.includes('gap')) return 'percentage points';
  if (text.startsWith('%') || text.includes('percentage')) return 'percentage';
  if (text.includes('rate')) return 'rate';
  if (text.includes('spend') || text.includes('cost') || text.includes('£')) return 'money';
  if (text.includes('score') || text.includes('average')) return 'score';
  return 'number';
}

export function laitFrequency(yearType: string): Frequency {
  if (yearType === 'Academic Year') return 'academic year';
  if (yearType === 'Financial Year') return 'financial year';
  return 'calendar year'; // Calendar Year, and the annual snapshots (end of September, January)
}

export function laitPolarity(polarity: string): Polarity {
  return polarity === 'High' ? 'higher' : polarity === 'Low' ? 'lower' : 'none';
}

export async function readIndicatorLibrary(): Promise<LibraryIndicator[]> {
  const national = (await rows('national_indicators_2008.csv')).map((row): LibraryIndicator => {
    const ni = nationalRow.parse(row);
    return {
      key: ni.code,
      set: 'nis2008',
      code: ni.code,
      title: ni.title,
      definition: `Summary, see the official definition (CLG, National Indicators for Local Authorities and Local Authority Partnerships: Handbook of Definitions, 2008): ${ni.title}.`,
      unit: ni.unit === '%' ? 'percentage' : ni.unit,
      unitLabel: ni.unit,
      polarity: ni.polarity,
      frequency: ni.frequency,
      source: 'National Indicator Set (2008)',
      outcome: ni.outcome,
      topic: null,
    };
  });
  const lait: LibraryIndicator[] = [];
  const seen = new Set<string>();
  for (const row of await rows('lait_measures.csv')) {
    const measure = laitRow.parse(row);
    const code = `LAIT ${measure.Measure_short}`;
    // The published file repeats a few measures under two topics: the first stands.
    if (seen.has(code)) continue;
    seen.add(code);
    lait.push({
      key: code,
      set: 'lait',
      code,
      title: measure.Measure,
      definition: measure.Description || measure.Measure,
      unit: laitUnit(measure.y_axis_name),
      unitLabel: measure.y_axis_name || 'number',
      polarity: laitPolarity(measure.Polarity),
      frequency: laitFrequency(measure.Year_Type),
      source: `DfE Local Authority Interactive Tool (${measure.Topic}, measure ${measure.Measure_code})`,
      outcome: null,
      topic: measure.Topic,
    });
  }
  return [...national, ...lait];
}
