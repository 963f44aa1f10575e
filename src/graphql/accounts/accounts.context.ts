/**
 * How account resolvers reach their services, and the authorization guards. The accounts stack is
 * added to `ctx.services` by `createApp(config, { services: { accounts } })` (declaration merging
 * on AppServices). Authorization always re-reads the account (role, status) from the shared state,
 * never trusts a role claim alone, and a service token never passes an account or admin guard.
 */
import DataLoader from 'dataloader';
import type { Accounts } from '../../accounts/accounts.module.js';
import type { UserRecord } from '../../accounts/user.service.js';
import type { Principal } from '../../auth/jwt.types.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors.js';
import type { GatewayContext } from '../context.js';

declare module '../../app.deps.js' {
  interface AppServices {
    /** Accounts, tokens, saved charts (present when a database is configured). */
    accounts?: Accounts;
  }
}

/** The accounts stack. @throws Error (masked as INTERNAL_SERVER_ERROR) when no database was configured. */
export function accountsOf(ctx: GatewayContext): Accounts {
  const accounts = ctx.services.accounts;
  if (!accounts) throw new Error('accounts are not configured (no database in createApp deps)');
  return accounts;
}

/** The caller's principal. @throws UnauthenticatedError for anonymous calls. */
export function requirePrincipal(ctx: GatewayContext): Principal {
  if (!ctx.principal) throw new UnauthenticatedError('Authentication required');
  return ctx.principal;
}

/**
 * An interactive (access-token) caller whose account is ACTIVE.
 * @throws UnauthenticatedError, ForbiddenError (service tokens: calculations only)
 */
export async function requireAccount(ctx: GatewayContext): Promise<Principal> {
  const principal = requirePrincipal(ctx);
  if (principal.kind !== 'access') throw new ForbiddenError('Service tokens grant calculations only');
  const state = await accountsOf(ctx).state.userState(principal.subject);
  if (!state || state.status !== 'ACTIVE') throw new UnauthenticatedError('Account is not active');
  return principal;
}

/** An ACTIVE ADMIN account with an access token. @throws UnauthenticatedError, ForbiddenError */
export async function requireAdmin(ctx: GatewayContext): Promise<Principal> {
  const principal = await requireAccount(ctx);
  const state = await accountsOf(ctx).state.userState(principal.subject);
  if (state?.role !== 'ADMIN') throw new ForbiddenError('Admin role required');
  return principal;
}

const userLoaders = new WeakMap<object, DataLoader<string, UserRecord | null>>();

/** The per-request DataLoader of users by id (one batched query per tick). */
export function userLoader(ctx: GatewayContext): DataLoader<string, UserRecord | null> {
  let loader = userLoaders.get(ctx);
  if (!loader) {
    const accounts = accountsOf(ctx);
    loader = new DataLoader((ids: readonly string[]) => accounts.users.findManyByIds(ids), { maxBatchSize: 100 });
    userLoaders.set(ctx, loader);
  }
  return loader;
}
