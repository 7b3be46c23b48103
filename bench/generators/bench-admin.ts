// A platform administrator for the JSON API benchmarks, with an API token. The token is shown
// once, when the administrator is first created; the runner makes its own for each run, since
// only a digest of a token is stored.
import { benchAdminEmail, benchPassword } from '../identities.ts';
import type { GeneratorStep } from './context.ts';

export const benchAdminStep: GeneratorStep = {
  name: 'bench administrator',
  async run({ services, caller, say }) {
    if (await services.accounts.userIdByEmail(benchAdminEmail)) {
      say(
        `${benchAdminEmail} already there (another token: npm run cli -- tokens create --email ${benchAdminEmail})`,
      );
      return;
    }
    const userId = await services.accounts.createUser(caller, {
      email: benchAdminEmail,
      name: 'Bench administrator',
      password: benchPassword,
      platformAdmin: true,
    });
    const { token } = await services.tokens.create(caller, userId, 'Benchmarks');
    say(`${benchAdminEmail} created, password "${benchPassword}", API token ${token}`);
  },
};
