// Reads seed files (YAML, so that each judgement can sit beside the data as a comment) and
// checks every one of them before anything is written, reporting each problem with its file
// and line.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { seedFileSchema, type SeedFile } from './seed.schema.ts';

export const seedsFolder = fileURLToPath(new URL('../../data/seeds/', import.meta.url));

export interface SeedProblem {
  file: string;
  line: number;
  path: string;
  message: string;
}

export class SeedFilesInvalid extends Error {
  readonly problems: SeedProblem[];
  constructor(problems: SeedProblem[]) {
    super(
      `The seed files have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p.file}:${p.line} ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/** The line of the deepest node along `path` that exists (the parent when a key is missing). */
function lineOf(document: Document, lines: LineCounter, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

export interface ParsedSeed {
  file: string;
  seed: SeedFile;
}

export function parseSeed(file: string, text: string): { seed?: SeedFile; problems: SeedProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length) {
    return {
      problems: document.errors.map((error) => ({
        file,
        line: lines.linePos(error.pos[0]).line,
        path: '',
        message: error.message.split('\n')[0] ?? 'The file is not valid YAML',
      })),
    };
  }
  const result = seedFileSchema.safeParse(document.toJS());
  if (result.success) return { seed: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({
      file,
      line: lineOf(document, lines, issue.path as (string | number)[]),
      path: issue.path.join('.'),
      message: issue.message,
    })),
  };
}

/** Reads and checks files; throws SeedFilesInvalid listing every problem in every file. */
export async function readSeeds(files: string[]): Promise<ParsedSeed[]> {
  const parsed: ParsedSeed[] = [];
  const problems: SeedProblem[] = [];
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
