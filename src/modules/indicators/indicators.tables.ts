import type { ColumnType, Generated } from 'kysely';
import type {
  BreakdownKind,
  ComparatorKind,
  EcmOutcome,
  Frequency,
  LibrarySet,
  Polarity,
  ToleranceKind,
  Unit,
} from './indicators.vocabulary.ts';

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string, string, string>;

export interface IndicatorLibraryTable {
  key: string;
  set: LibrarySet;
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  unit_label: string;
  polarity: Polarity;
  frequency: Frequency;
  source: string;
  outcome: EcmOutcome | null;
  topic: string | null;
}

export interface IndicatorsTable {
  id: Generated<string>;
  partnership_id: string;
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  unit_label: string;
  polarity: Polarity;
  frequency: Frequency;
  source: string;
  outcome: EcmOutcome | null;
  library_key: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface IndicatorTargetsTable {
  id: Generated<string>;
  partnership_id: string;
  indicator_id: string;
  period: string;
  period_start: Day;
  target: number;
  tolerance_kind: ToleranceKind;
  tolerance: number;
  source: string | null;
  created_at: Generated<Date>;
}

export interface IndicatorValuesTable {
  id: Generated<string>;
  partnership_id: string;
  indicator_id: string;
  period: string;
  period_start: Day;
  breakdown_kind: Generated<BreakdownKind>;
  breakdown: Generated<string>;
  value: number;
  illustrative: Generated<boolean>;
  note: string | null;
  created_at: Generated<Date>;
}

export interface IndicatorComparatorsTable {
  id: Generated<string>;
  partnership_id: string;
  indicator_id: string;
  period: string;
  period_start: Day;
  comparator: ComparatorKind;
  value: number;
  created_at: Generated<Date>;
}

export interface IndicatorsTables {
  indicator_library: IndicatorLibraryTable;
  indicators: IndicatorsTable;
  indicator_targets: IndicatorTargetsTable;
  indicator_values: IndicatorValuesTable;
  indicator_comparators: IndicatorComparatorsTable;
}
