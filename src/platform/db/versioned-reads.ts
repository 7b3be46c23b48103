// What kept pages hold (ADR 0056): answers kept under the partnership's data version (ADR 0021). A trigger moves
// the version on with every change to the partnership's rows; a request reads the version with
// the partnership it names, before anything else of it, so what is kept under a version is at
// least as new as that version. Bounded (least recently used go first) and per database, so two
// databases in one process (tests) never share.
import { LRUCache } from 'lru-cache';

export interface VersionedReadsOptions {
  /** How many answers to keep over every partnership; 0 keeps none. */
  entries: number;
  /** Freeze what is kept, so code that changes a shared answer fails loudly (tests). */
  freeze: boolean;
}

function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value) || Object.isFrozen(value)) return;
  // bytes (a kept JSON answer, kept HTML) cannot be frozen; what is kept as bytes is only sent
  if (ArrayBuffer.isView(value)) return;
  seen.add(value);
  Object.freeze(value);
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      deepFreeze(key, seen);
      deepFreeze(entry, seen);
    }
  } else if (value instanceof Set) for (const entry of value) deepFreeze(entry, seen);
  else for (const v of Object.values(value)) deepFreeze(v, seen);
}

export class VersionedReads {
  private readonly kept: LRUCache<string, { value: unknown }>;
  private readonly freeze: boolean;
  hits = 0;
  misses = 0;

  constructor(options: VersionedReadsOptions) {
    this.kept = new LRUCache({ max: Math.max(options.entries, 1) });
    this.freeze = options.freeze;
  }

  async get<T>(partnershipId: string, version: string, key: string, compute: () => Promise<T>): Promise<T> {
    const at = `${partnershipId}@${version}|${key}`;
    const found = this.found(at);
    return found ? (found.value as T) : this.keep(at, await compute());
  }

  /** `get` for an answer computed without waiting (a page's rendered HTML). */
  getNow<T>(partnershipId: string, version: string, key: string, compute: () => T): T {
    const at = `${partnershipId}@${version}|${key}`;
    const found = this.found(at);
    return found ? (found.value as T) : this.keep(at, compute());
  }

  private found(at: string): { value: unknown } | undefined {
    const found = this.kept.get(at);
    if (found) this.hits += 1;
    else this.misses += 1;
    return found;
  }

  private keep<T>(at: string, value: T): T {
    if (this.freeze) deepFreeze(value);
    this.kept.set(at, { value });
    return value;
  }
}
