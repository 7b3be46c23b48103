// Benchmarking: which of its tracked library indicators a partnership publishes (set by an
// administrator, audited), and an indicator's values beside those of the statistical
// neighbours that publish it, their average and England's (ADR 0020).
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB } from '../../schema.ts';
import type { IndicatorDetail, IndicatorRow, IndicatorsService } from '../indicators/index.ts';
import { benchmarkRows, benchmarkSummary, type BenchmarkRow } from './benchmark.ts';
import { benchmarkingRepository as repository } from './benchmarking.repository.ts';

export interface TrackedForBenchmark {
  indicator: IndicatorRow;
  /** Only indicators from the library can be compared across partnerships. */
  comparable: boolean;
  published: boolean;
  /** Statistical neighbours' partnerships that publish the same library indicator. */
  neighboursPublishing: number;
}

export interface Benchmark {
  partnership: string;
  indicator: IndicatorRow;
  published: boolean;
  neighbours: { name: string; authorityName: string; rank: number }[];
  rows: BenchmarkRow[];
  summary: string;
}

export function benchmarkingService(db: Database<DB>, indicators: IndicatorsService) {
  return {
    /** The partnership's indicators, which it publishes, and how many neighbours publish each. */
    async overview(caller: Caller): Promise<TrackedForBenchmark[]> {
      const summaries = await indicators.list(caller);
      return inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        const published = new Set(await repository.publishedIds(trx, partnershipId));
        const own = await repository.authorityOf(trx, partnershipId);
        const neighbours = await repository.neighbours(trx, own.gssCode, partnershipId);
        const publishers = await repository.crossing(trx, () =>
          repository.publishers(
            trx,
            neighbours.map((n) => n.partnershipId),
          ),
        );
        return summaries.map(({ indicator }) => ({
          indicator,
          comparable: indicator.libraryKey !== null,
          published: published.has(indicator.id),
          neighboursPublishing: indicator.libraryKey ? (publishers.get(indicator.libraryKey) ?? 0) : 0,
        }));
      });
    },

    /** Publishes exactly the indicators named (by id), withdrawing the others. */
    async setPublished(caller: Caller, indicatorIds: string[]): Promise<void> {
      const summaries = await indicators.list(caller);
      await inTenant(db, caller, 'partnership.settings', async (trx, partnershipId) => {
        const comparable = new Map(
          summaries
            .filter(({ indicator }) => indicator.libraryKey !== null)
            .map(({ indicator }) => [indicator.id, indicator]),
        );
        const wanted = new Set(indicatorIds);
        if ([...wanted].some((id) => !comparable.has(id)))
          throw new RuleViolation([
            {
              path: 'indicatorIds',
              message: 'Select indicators from the list: only indicators from the library can be published',
            },
          ]);
        const current = new Set(await repository.publishedIds(trx, partnershipId));
        const changes = [
          ...[...wanted].filter((id) => !current.has(id)).map((id) => ({ id, publish: true })),
          ...[...current].filter((id) => !wanted.has(id)).map((id) => ({ id, publish: false })),
        ];
        for (const { id, publish } of changes) {
          const code = comparable.get(id)?.code ?? 'an indicator';
          const state = { indicator: code, published: true };
          if (publish) await repository.publish(trx, partnershipId, id);
          else await repository.withdraw(trx, partnershipId, id);
          await recordChange(trx, caller.actor, {
            partnershipId,
            action: publish ? 'create' : 'delete',
            entityType: 'indicator publication',
            entityId: id,
            summary: publish
              ? `Published ${code} ${comparable.get(id)!.title} for benchmarking`
              : `Stopped publishing ${code} for benchmarking`,
            ...(publish ? { after: state } : { before: state }),
          });
        }
      });
    },

    /** The indicator's benchmark, or null when the partnership does not track it. */
    async benchmark(caller: Caller, code: string): Promise<Benchmark | null> {
      const detail: IndicatorDetail | null = await indicators.byCode(caller, code);
      if (!detail) return null;
      const { indicator } = detail;
      return inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        const own = await repository.authorityOf(trx, partnershipId);
        const published = (await repository.publishedIds(trx, partnershipId)).includes(indicator.id);
        const candidates = await repository.neighbours(trx, own.gssCode, partnershipId);
        const { libraryKey } = indicator;
        const values = libraryKey
          ? await repository.crossing(trx, () =>
              repository.publishedValues(
                trx,
                candidates.map((n) => n.partnershipId),
                { libraryKey, frequency: indicator.frequency, unit: indicator.unit },
              ),
            )
          : [];
        const neighbours = candidates.filter((n) => values.some((v) => v.partnershipId === n.partnershipId));
        const rows = benchmarkRows({
          polarity: indicator.polarity,
          own: detail.values.filter((v) => v.breakdownKind === 'all'),
          neighbours: neighbours.map((n) => ({
            name: n.name,
            values: values.filter((v) => v.partnershipId === n.partnershipId),
          })),
          england: detail.comparators.filter((c) => c.comparator === 'england'),
        });
        return {
          partnership: own.name,
          indicator,
          published,
          neighbours: neighbours.map(({ name, authorityName, rank }) => ({ name, authorityName, rank })),
          rows,
          summary: benchmarkSummary(rows, {
            partnership: own.name,
            code: indicator.code,
            unit: indicator.unit,
            polarity: indicator.polarity,
          }),
        };
      });
    },
  };
}

export type BenchmarkingService = ReturnType<typeof benchmarkingService>;
