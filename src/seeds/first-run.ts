// The first start on an empty database: load the seed partnerships and create a first
// administrator whose password is printed once, so a newcomer can sign in straight away.
import { randomBytes } from 'node:crypto';
import { systemCaller } from '../platform/http/auth.ts';
import type { Services } from '../services.ts';
import { importSeeds } from './seed.importer.ts';
import { readSeeds, seedFiles } from './seed.reader.ts';
import { importSurveys, readSurveys } from './seed.surveys.ts';

export const firstAdminEmail = 'admin@cooperate.localhost';

/** Returns the message to print, or null when the database already has users. */
export async function firstRun(services: Services): Promise<string | null> {
  if ((await services.accounts.countUsers()) > 0) return null;
  const reports = await importSeeds(services, await readSeeds(await seedFiles()));
  await importSurveys(services, await readSurveys());
  const password = randomBytes(12).toString('base64url');
  await services.accounts.createUser(systemCaller('first run'), {
    email: firstAdminEmail,
    name: 'First administrator',
    password,
    platformAdmin: true,
  });
  return [
    '',
    `Loaded ${reports.length} seed partnerships: ${reports.map((report) => report.partnership).join(', ')}.`,
    'Created the first administrator (a platform administrator). Sign in with:',
    `  email:    ${firstAdminEmail}`,
    `  password: ${password}`,
    'This password is shown only once. Add other users with `npm run cli -- users add`.',
    '',
  ].join('\n');
}
