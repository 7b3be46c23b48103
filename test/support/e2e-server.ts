// The real app, listening on 127.0.0.1 on a free port, for the browser tests: a database of
// this test file's own with the five seed partnerships and the surveys (copied from the run's
// seeded template), and users with known passwords in known roles.
import { PdfPrinter } from '../../src/platform/documents/pdf.ts';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/platform/http/logging.ts';
import { compileStylesheet } from '../../src/platform/views/assets.ts';
import { systemCaller } from '../../src/platform/http/auth.ts';
import type { Role } from '../../src/platform/http/permissions.ts';
import type { Services } from '../../src/services.ts';
import { openTestRuntime } from './test-database.ts';

export interface E2eUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

/**
 * The people every browser test can sign in as: a platform administrator; an administrator
 * and a viewer of the home partnership (Dudley); and someone with no partnership at all.
 */
export type UserKey = 'platformAdmin' | 'partnershipAdmin' | 'viewer' | 'outsider';

export interface E2eServer {
  /** Like http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  services: Services;
  users: Record<UserKey, E2eUser>;
  /** The seed partnerships' ids by short name (dudley, bolton, nottinghamshire, medway, kent). */
  partnershipIds: Record<string, string>;
  /** A further user with a known password, optionally given a role in a partnership. */
  addUser(options: {
    name: string;
    platformAdmin?: boolean;
    role?: Role;
    partnership?: string;
  }): Promise<E2eUser>;
  stop(): Promise<void>;
}

export const e2ePassword = 'correct horse battery staple';

/** The partnership the partnership administrator and the viewer belong to. */
export const homePartnership = 'dudley';

/** `port`: where to listen (0, the default, for any free port). */
export async function startE2eServer(overrides: Record<string, string> = {}, port = 0): Promise<E2eServer> {
  const runtime = await openTestRuntime(overrides, { seeded: true });
  const { services } = runtime;
  const printer = new PdfPrinter();
  let server: Server | undefined;
  try {
    const partnershipIds: Record<string, string> = {};
    for (const partnership of await services.partnerships.list())
      partnershipIds[partnership.slug] = partnership.id;

    const addUser: E2eServer['addUser'] = async (options) => {
      const email = `${options.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.org`;
      const id = await services.accounts.createUser(systemCaller('e2e'), {
        email,
        name: options.name,
        password: e2ePassword,
        platformAdmin: options.platformAdmin ?? false,
      });
      if (options.role) {
        const slug = options.partnership ?? homePartnership;
        const partnershipId = partnershipIds[slug];
        if (!partnershipId) throw new Error(`No seed partnership ${slug}`);
        await services.members.grant(systemCaller('e2e', partnershipId), id, options.role);
      }
      return { id, name: options.name, email, password: e2ePassword };
    };

    const users: Record<UserKey, E2eUser> = {
      platformAdmin: await addUser({ name: 'Pat Platform', platformAdmin: true }),
      partnershipAdmin: await addUser({ name: 'Ada Administrator', role: 'admin' }),
      viewer: await addUser({ name: 'Vic Viewer', role: 'viewer' }),
      outsider: await addUser({ name: 'Olly Outsider' }),
    };

    const app = createApp({
      printer,
      config: runtime.config,
      db: runtime.db,
      services,
      logger: createLogger('silent'),
      sessionSecret: runtime.config.SESSION_SECRET!,
    });
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(port, '127.0.0.1', (error?: Error) =>
        error ? reject(error) : resolve(listening),
      );
    });
    // The stylesheet is compiled on its first request: compile it now, outside any test's time.
    await compileStylesheet();
    const listening = (server.address() as AddressInfo).port;
    const running = server;
    return {
      baseUrl: `http://127.0.0.1:${listening}`,
      services,
      users,
      partnershipIds,
      addUser,
      async stop() {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeAllConnections();
        });
        await runtime.jobs.stop();
        await printer.close();
        await runtime.close();
      },
    };
  } catch (error) {
    server?.close();
    await runtime.jobs.stop();
    await printer.close();
    await runtime.close();
    throw error;
  }
}
