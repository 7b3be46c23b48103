// Reads seed files and checks every one of them before anything is written, reporting each
// problem with its file and line.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFilesInvalid, parseDataFile, type FileProblem } from '../platform/data-files.ts';
import { seedFileSchema, type SeedFile } from './seed.schema.ts';

export const seedsFolder = fileURLToPath(new URL('../../data/seeds/', import.meta.url));

export class SeedFilesInvalid extends DataFilesInvalid {
  constructor(problems: FileProblem[]) {
    super('seed files', problems);
  }
}

export interface ParsedSeed {
  file: string;
  seed: SeedFile;
}

export function parseSeed(file: string, text: string): { seed?: SeedFile; problems: FileProblem[] } {
  const { value, problems } = parseDataFile(file, text, seedFileSchema);
  return value ? { seed: value, problems } : { problems };
}

/** Reads and checks files; throws SeedFilesInvalid listing every problem in every file. */
export async function readSeeds(files: string[]): Promise<ParsedSeed[]> {
  const parsed: ParsedSeed[] = [];
  const problems: FileProblem[] = [];
  for (const path of files) {
    const file = basename(path);
    const result = parseSeed(file, await readFile(path, 'utf8'));
    problems.push(...result.problems);
    if (result.seed) parsed.push({ file, seed: result.seed });
  }
  const slugs = new Map<string, string>();
  for (const { file, seed } of parsed) {
    const other = slugs.get(seed.partnership.slug);
    if (other)
      problems.push({
        file,
        line: 1,
        path: 'partnership.slug',
        message: `The short name ${seed.partnership.slug} is also used by ${other}`,
      });
    slugs.set(seed.partnership.slug, file);
  }
  if (problems.length) throw new SeedFilesInvalid(problems);
  return parsed;
}

export async function seedFiles(folder = seedsFolder): Promise<string[]> {
  return (await readdir(folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}
