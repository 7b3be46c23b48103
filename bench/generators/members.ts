// A few users with roles in every partnership. Each goes through createUser, so each password
// is hashed with argon2 (the slow part): a partnership's users are created side by side so
// the hashing uses more than one core.
import { newUserSchema } from '../../src/modules/accounts/index.ts';
import { systemCaller } from '../../src/platform/http/auth.ts';
import type { Role } from '../../src/platform/http/permissions.ts';
import { benchPassword, memberEmail } from '../identities.ts';
import type { GeneratorStep } from './context.ts';

// The first is always an administrator: a partnership must keep one.
const roleOrder: Role[] = ['admin', 'editor', 'viewer', 'member'];

// prettier-ignore
const firstNames = [
  'Aisha', 'Ben', 'Chloe', 'Daniel', 'Eleanor', 'Farhan', 'Grace', 'Harry', 'Imogen', 'Jack',
  'Kiran', 'Lily', 'Mohammed', 'Niamh', 'Oliver', 'Priya', 'Rhys', 'Sophie', 'Thomas', 'Zara',
];
// prettier-ignore
const lastNames = [
  'Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Jones', 'Khan',
  'Lewis', 'Murphy', 'Patel', 'Roberts', 'Smith', 'Taylor', 'Walker', 'Williams', 'Wilson', 'Wright',
];

export const membersStep: GeneratorStep = {
  name: 'members',
  async run({ services, caller, random, options, partnerships, say, progress }) {
    let created = 0;
    let kept = 0;
    for (const [index, partnership] of partnerships.entries()) {
      const planned = Array.from({ length: options.usersPerPartnership }, (_, i) => {
        const role = roleOrder[i % roleOrder.length]!;
        const user = newUserSchema.parse({
          email: memberEmail(partnership.slug, role, Math.floor(i / roleOrder.length) + 1),
          name: `${random.pick(firstNames)} ${random.pick(lastNames)}`,
          password: benchPassword,
        });
        return { role, user };
      });
      const members = await Promise.all(
        planned.map(async ({ role, user }) => {
          let userId = await services.accounts.userIdByEmail(user.email);
          if (userId) kept += 1;
          else {
            userId = await services.accounts.createUser(caller, user);
            created += 1;
          }
          return { userId, email: user.email, role };
        }),
      );
      const inPartnership = systemCaller(caller.actor.label, partnership.id);
      for (const member of members) await services.members.grant(inPartnership, member.userId, member.role);
      partnership.members.push(...members);
      progress(index + 1, partnerships.length);
    }
    say(`${created} users created, ${kept} already there`);
  },
};
