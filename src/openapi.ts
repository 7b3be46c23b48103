// The JSON API's description (OpenAPI 3.1), served at /api/v1/openapi.json: generated once, when
// first asked for (a fifth of a second, which a process that never serves it does not spend), from the zod schemas each module declares its operations with, the schemas its
// presenters' types come from (ADR 0042). A new operation goes in its module's
// `*.api.schemas.ts` and in the list below; test/api-contract.int.test.ts calls every one.
import { openApiDocument as generate, problemReference } from './platform/http/api-document.ts';
import { authoritiesApiOperations } from './modules/authorities/index.ts';
import { partnershipsApiOperations } from './modules/partnerships/index.ts';
import { bodiesApiOperations } from './modules/bodies/index.ts';
import { membershipApiOperations } from './modules/membership/index.ts';
import { voiceApiOperations } from './modules/voice/index.ts';
import { plansApiOperations } from './modules/plans/index.ts';
import { indicatorsApiOperations } from './modules/indicators/index.ts';
import { complianceApiOperations } from './modules/compliance/index.ts';
import { surveysApiOperations } from './modules/surveys/index.ts';
import { meetingsApiOperations } from './modules/meetings/index.ts';
import { benchmarkingApiOperations } from './modules/benchmarking/index.ts';
import { resourcesApiOperations } from './modules/resources/index.ts';
import { openDataPaths } from './modules/opendata/index.ts';

let generated: ReturnType<typeof generate> | undefined;

export const openApiDocument = () =>
  (generated ??= generate(
    {
      title: 'Cooperate API',
      version: '1',
      description:
        'The JSON API of Cooperate, the system of record for children’s partnerships. Reference data and published partnerships need no token; everything else needs `Authorization: Bearer <token>` (create tokens under “API tokens” when signed in). Errors are RFC 9457 problem documents listing every problem. A published partnership’s open data (OParl 1.1, Popolo, calendars, its public files) is at the site’s root, not under /api/v1, and needs no token.',
    },
    '/api/v1',
    [
      ...authoritiesApiOperations,
      ...partnershipsApiOperations,
      ...bodiesApiOperations,
      ...membershipApiOperations,
      ...voiceApiOperations,
      ...plansApiOperations,
      ...indicatorsApiOperations,
      ...complianceApiOperations,
      ...surveysApiOperations,
      ...meetingsApiOperations,
      ...benchmarkingApiOperations,
      ...resourcesApiOperations,
    ],
    openDataPaths(problemReference),
  ));
