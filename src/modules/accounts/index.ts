export { accountsService, type AccountsService, type LockPolicy } from './accounts.service.ts';
export { membersService, type MembersService } from './members.service.ts';
export { tokensService, type TokensService } from './tokens.service.ts';
export { signInRoutes } from './sign-in.routes.ts';
export { membersRoutes } from './members.routes.ts';
export { joinRoutes } from './join.routes.ts';
export { tokensRoutes } from './tokens.routes.ts';
export { newUserSchema } from './accounts.schemas.ts';
export type { AccountsTables } from './accounts.tables.ts';
