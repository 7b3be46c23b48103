// Input that cannot poison (ADR 0044). NUL cannot be stored in PostgreSQL's text (nor read back
// from a json session), and the other C0 control characters have no place in a form's answers,
// an imported table or a file's name: they are refused before they reach a service, the
// database or a session, once here for every form, query, JSON body, upload and import.
// Tab, line feed and carriage return are allowed (multi-line answers, CSV cells).
import type { Request, RequestHandler } from 'express';
import { badRequest } from './errors.ts';
import type { FieldProblem } from './validation.ts';

/** C0 controls but tab, LF and CR, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether the text holds a character that is refused. */
export function hasControlCharacter(value: string): boolean {
  return controlCharacter.test(value);
}

/** The name of the first refused character in the text ("NUL, U+0000"), or undefined. */
export function controlCharacterIn(value: string): string | undefined {
  const found = controlCharacter.exec(value)?.[0];
  if (found === undefined) return undefined;
  const code = found.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code === 0 ? `NUL, ${hex}` : code === 0x7f ? `DEL, ${hex}` : `a control character, ${hex}`;
}

/** Every field of a parsed body or query (nested objects and arrays too) with a refused character. */
export function controlCharacterProblems(value: unknown, path = ''): FieldProblem[] {
  if (typeof value === 'string') {
    const found = controlCharacterIn(value);
    return found
      ? [{ path: path || 'form', message: `The answer contains a character that cannot be saved (${found})` }]
      : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) =>
      controlCharacterProblems(item, path ? `${path}.${index}` : `${index}`),
    );
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      const inKey = controlCharacterIn(key);
      return inKey
        ? [{ path: 'form', message: `A field's name contains a character that cannot be saved (${inKey})` }]
        : controlCharacterProblems(item, at);
    });
  return [];
}

const refusal = (problems: FieldProblem[]) =>
  badRequest(
    `${problems.length === 1 ? 'An answer' : 'Some answers'} (${[...new Set(problems.map((p) => p.path))].join(', ')}) contain a character that cannot be saved: a control character such as NUL (U+0000). Nothing has been saved. Go back, remove it and try again.`,
    problems,
  );

/**
 * After the body parsers: a request whose path, query or body holds a refused character is
 * answered 400 (a GOV.UK error page, or problem+json on the API) and reaches no route.
 */
export function refuseControlCharacters(): RequestHandler {
  return (req, _res, next) => {
    let path = req.path;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      // a malformed escape is the router's to answer (404)
    }
    const problems = [
      ...(hasControlCharacter(path)
        ? [{ path: 'address', message: 'The address contains a control character' }]
        : []),
      ...controlCharacterProblems(req.query),
      ...controlCharacterProblems(req.body),
    ];
    next(problems.length ? refusal(problems) : undefined);
  };
}

/**
 * An upload's refused characters (in its file's name, or the form's other fields, which the
 * multipart parser reads after the middleware above): a message for the upload's form error.
 */
export function uploadControlProblem(req: Request): string | undefined {
  const name = req.file?.originalname;
  const inName = name === undefined ? undefined : controlCharacterIn(name);
  if (inName)
    return `The file’s name contains a character that cannot be saved (${inName}): rename the file and upload it again`;
  const fields = controlCharacterProblems(req.body);
  if (fields.length)
    return `An answer (${fields.map((p) => p.path).join(', ')}) contains a character that cannot be saved: remove it and try again`;
  return undefined;
}

/**
 * A multipart body its parser could not read (busboy refuses a part header holding a NUL, as in
 * a file's name, and a body cut short): a form error, not a 500.
 */
export const unreadableUpload =
  'The upload could not be read: the file’s name may contain a character that cannot be saved (a control character such as NUL), or the upload was cut short. Rename the file and upload it again';

/** Whether a multipart parser's error is the sender's (a malformed or truncated body). */
export function isMalformedUpload(error: unknown): boolean {
  return /^(Malformed|Unexpected end of (form|file)|Multipart: Boundary not found)/i.test(
    String((error as Error | undefined)?.message ?? ''),
  );
}
