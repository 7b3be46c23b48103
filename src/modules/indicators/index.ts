export {
  indicatorsService,
  type IndicatorsService,
  type IndicatorSummary,
  type IndicatorDetail,
  type LocalIndicatorInput,
  type TargetInput,
  type ValueInput,
  type ComparatorInput,
  type PrioritiesMeasuring,
} from './indicators.service.ts';
export type { IndicatorsTables } from './indicators.tables.ts';
export type { IndicatorRow, TargetRow, ValueRow, ComparatorRow } from './indicators.repository.ts';
export { readIndicatorLibrary, type LibraryIndicator } from './indicators.reference.ts';
export * from './indicators.vocabulary.ts';
export { parsePeriod, periodProblem, periodExamples, type Period } from './periods.ts';
export { ragOf, directionOf, ragLabels, directionLabels, type Rag, type Direction } from './rag.ts';
export { performanceOf, valueProblems, type Performance } from './performance.ts';
export { indicatorsRoutes } from './indicators.routes.ts';
export { indicatorsApi } from './indicators.api.ts';
export { indicatorsApiOperations } from './indicators.api.schemas.ts';
export { lineChartSvg, type LineChart, type ChartSeries } from './chart.ts';
