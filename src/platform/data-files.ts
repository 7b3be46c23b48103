// Data files written by hand (seeds, rule sets) are YAML, so that each judgement can sit
// beside the data as a comment. This reads one, checks it with a schema, and reports every
// problem with its file and line.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

export interface FileProblem {
  file: string;
  line: number;
  path: string;
  message: string;
}

export class DataFilesInvalid extends Error {
  readonly problems: FileProblem[];
  constructor(what: string, problems: FileProblem[]) {
    super(
      `The ${what} have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `  ${p.file}:${p.line} ${p.path ? `${p.path}: ` : ''}${p.message}`)
        .join('\n')}`,
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

export function parseDataFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): { value?: z.output<S>; problems: FileProblem[] } {
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
  const result = schema.safeParse(document.toJS());
  if (result.success) return { value: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({
      file,
      line: lineOf(document, lines, issue.path as (string | number)[]),
      path: issue.path.join('.'),
      message: issue.message,
    })),
  };
}
