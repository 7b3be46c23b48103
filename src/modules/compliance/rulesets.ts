// The rule sets shipped in data/rulesets, read and checked once per process.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFilesInvalid, parseDataFile, type FileProblem } from '../../platform/data-files.ts';
import { ruleSetSchema, type RuleSet } from './ruleset.schema.ts';

export const ruleSetsFolder = fileURLToPath(new URL('../../../data/rulesets/', import.meta.url));

export async function readRuleSets(folder = ruleSetsFolder): Promise<RuleSet[]> {
  const names = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const sets: RuleSet[] = [];
  const problems: FileProblem[] = [];
  for (const name of names) {
    const { value, problems: found } = parseDataFile(
      name,
      await readFile(join(folder, name), 'utf8'),
      ruleSetSchema,
    );
    problems.push(...found);
    if (value) sets.push(value);
  }
  if (problems.length) throw new DataFilesInvalid('rule sets', problems);
  return sets.sort((a, b) => a.from.localeCompare(b.from));
}

let cached: Promise<RuleSet[]> | undefined;
export const shippedRuleSets = () => (cached ??= readRuleSets());
