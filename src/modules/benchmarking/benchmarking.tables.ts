import type { Generated } from 'kysely';

export interface IndicatorPublicationsTable {
  partnership_id: string;
  indicator_id: string;
  published_at: Generated<Date>;
}

export interface BenchmarkingTables {
  indicator_publications: IndicatorPublicationsTable;
}
