export { benchmarkingService, type BenchmarkingService, type Benchmark } from './benchmarking.service.ts';
export { benchmarkingRoutes } from './benchmarking.routes.ts';
export { benchmarkingApi } from './benchmarking.api.ts';
export { benchmarkingApiOperations } from './benchmarking.api.schemas.ts';
export { averageOf, rankOf, benchmarkRows, benchmarkSummary, type BenchmarkRow } from './benchmark.ts';
export type { BenchmarkingTables } from './benchmarking.tables.ts';
