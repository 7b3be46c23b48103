// The API described by its schemas (ADR 0042): each module declares its operations with zod
// schemas (parameters and response bodies; the presenters' return types come from the same
// schemas), and `openApiDocument` turns them into one OpenAPI 3.1 document (JSON Schema
// 2020-12, zod's own `toJSONSchema`). A schema given an `id` (`.meta({ id: 'Meeting' })`) is
// written once under `components.schemas` and referred to; every other schema is written inline.
import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One answer of an operation: its content by media type, and headers. */
export interface ApiResponse {
  description: string;
  content?: Record<string, z.ZodType>;
  headers?: Record<string, { description: string; schema: z.ZodType }>;
}

export interface ApiOperation {
  method?: HttpMethod;
  /** The path under the operation's server, with `{parameters}`. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Where the path is served when not under /api/v1 (the open data, at the site's root). */
  servers?: { url: string; description?: string }[];
  /** `token`: a bearer token is needed; `none`: public; `optional`: public, more with a token. */
  security: 'token' | 'none' | 'optional';
  /** Path parameters: each key of the object is one, described by its schema. */
  pathParameters?: z.ZodObject;
  query?: z.ZodObject;
  /** The request body (JSON), for an operation that writes. */
  body?: z.ZodType;
  responses: Record<number, ApiResponse>;
}

/** The RFC 9457 problem document every error of the API answers with (`errorHandler`). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .describe('Every problem found, each with the parameter or field it is about'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document listing every problem' });

/** Shapes the API writes alike, each declared once. */
export const apiJson = {
  /** A calendar date, like 2009-01-21. */
  date: () => z.iso.date(),
  /** A date as precise as its source: a year, a year and month, or a day. */
  partialDate: () =>
    z
      .string()
      .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)
      .describe('As precise as the source gives it: a year (2007), a month (2007-04) or a day (2007-04-01)'),
  /** An instant, in UTC (`Date.toISOString`). */
  instant: () => z.iso.datetime(),
  id: () => z.uuid(),
  /** `{ count, items }`, the shape of every list. */
  list: <T extends z.ZodType>(item: T) => z.object({ count: z.int().min(0), items: z.array(item) }),
};

/** A JSON answer. */
export const jsonResponse = (description: string, schema: z.ZodType): ApiResponse => ({
  description,
  content: { 'application/json': schema },
});

/** An error answer: a problem document. */
export const problemResponse = (description: string): ApiResponse => ({
  description,
  content: { 'application/problem+json': problemSchema },
});

type JsonObject = { [key: string]: unknown };

const largest = Number.MAX_SAFE_INTEGER;

/** zod's JSON Schema, with its definitions moved to the document's components. */
function toJsonSchema(schema: z.ZodType, io: 'input' | 'output', components: JsonObject): JsonObject {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'throw',
    reused: 'inline',
  }) as JsonObject;
  delete generated.$schema;
  const defs = (generated.$defs ?? {}) as Record<string, JsonObject>;
  delete generated.$defs;
  for (const [id, definition] of Object.entries(defs)) {
    if (id.startsWith('__')) throw new Error(`A schema is used in a cycle without an id: ${id}`);
    const written = tidy(definition);
    const before = components[id];
    if (before && JSON.stringify(before) !== JSON.stringify(written))
      throw new Error(`Two different schemas have the id ${id}`);
    components[id] = written;
  }
  return tidy(generated);
}

/** Formats a validator knows: zod's long regular expression for each says nothing more. */
const knownFormats = new Set(['date', 'date-time', 'uuid', 'email', 'uri']);

/**
 * Refers to components instead of $defs, drops the bounds zod gives every integer and the
 * patterns it writes beside a format.
 */
function tidy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(tidy) as T;
  if (!value || typeof value !== 'object') return value;
  const out: JsonObject = {};
  const formatted = knownFormats.has(String((value as JsonObject).format));
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'pattern' && formatted) continue;
    if (key === '$ref' && typeof entry === 'string')
      out[key] = entry.replace('#/$defs/', '#/components/schemas/');
    else if ((key === 'minimum' && entry === -largest) || (key === 'maximum' && entry === largest)) continue;
    else out[key] = tidy(entry);
  }
  return out as T;
}

function parameters(where: 'path' | 'query', object: z.ZodObject | undefined, components: JsonObject) {
  if (!object) return [];
  return Object.entries(object.shape).map(([name, schema]) => {
    const field = schema as z.ZodType;
    const written = toJsonSchema(field, 'input', components);
    const description = written.description;
    delete written.description;
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: written,
    };
  });
}

export interface ApiDocumentInfo {
  title: string;
  version: string;
  description: string;
}

/** A problem response written as JSON Schema, for paths not (yet) declared with zod. */
export const problemReference = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The OpenAPI 3.1 document of these operations; `written` adds path items already written as
 * OpenAPI (the open data's, whose answers follow the OParl and Popolo standards).
 */
export function openApiDocument(
  info: ApiDocumentInfo,
  server: string,
  operations: ApiOperation[],
  written: Record<string, object> = {},
) {
  const components: JsonObject = {};
  const paths: Record<string, JsonObject> = {};
  for (const operation of operations) {
    const method = operation.method ?? 'get';
    const item = (paths[operation.path] ??= {});
    if (item[method]) throw new Error(`${method.toUpperCase()} ${operation.path} is declared twice`);
    if (operation.servers) item.servers = operation.servers;
    const named = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    const declared = Object.keys(operation.pathParameters?.shape ?? {});
    if (named.join() !== declared.join())
      throw new Error(`${operation.path} names {${named.join('}, {')}} but declares ${declared.join(', ')}`);
    const content = (byType: Record<string, z.ZodType>) =>
      Object.fromEntries(
        Object.entries(byType).map(([type, schema]) => [
          type,
          { schema: toJsonSchema(schema, 'output', components) },
        ]),
      );
    item[method] = {
      ...(operation.tags ? { tags: operation.tags } : {}),
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      ...(operation.security === 'token'
        ? { security: [{ bearer: [] }] }
        : operation.security === 'none'
          ? { security: [] }
          : {}),
      parameters: [
        ...parameters('path', operation.pathParameters, components),
        ...parameters('query', operation.query, components),
      ],
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toJsonSchema(operation.body, 'input', components) } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.headers
              ? {
                  headers: Object.fromEntries(
                    Object.entries(response.headers).map(([name, header]) => [
                      name,
                      {
                        description: header.description,
                        schema: toJsonSchema(header.schema, 'output', components),
                      },
                    ]),
                  ),
                }
              : {}),
            ...(response.content ? { content: content(response.content) } : {}),
          },
        ]),
      ),
    };
  }
  for (const [path, item] of Object.entries(written)) {
    if (paths[path]) throw new Error(`${path} is declared twice`);
    paths[path] = item as JsonObject;
  }
  if (!components.Problem) toJsonSchema(problemSchema, 'output', components);
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: server }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
    security: [{}, { bearer: [] }],
    paths,
  };
}
