/** Account and token operations. Each resolver is a guard plus one call into a service. */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '../../errors.js';
import type { GatewayContext } from '../context.js';
import { Public } from '../field-policy.js';
import { accountsOf, requireAccount, requireAdmin, requirePrincipal } from './accounts.context.js';
import { LoginInput, RegisterInput, ServiceTokenInput } from './account.inputs.js';
import {
  AuthPayload,
  PlanEnum,
  RegistrationSettings,
  ServiceToken,
  ServiceTokenPayload,
  User,
  UserPage,
  UserStatusEnum,
} from './account.types.js';

@Resolver()
export class AccountResolver {
  @Mutation(() => AuthPayload, { description: 'Email + password → a short-lived access JWT and a rotating refresh token. Failed attempts are limited per account and per IP.' })
  @Public()
  async login(
    @Arg('input', () => LoginInput, { description: 'Credentials.' }) input: LoginInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<AuthPayload> {
    const tokens = await accountsOf(ctx).tokens.login(input.email, input.password, ctx.ip ?? 'unknown');
    return { ...tokens, user: tokens.user };
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for a new pair. Reusing an already rotated refresh token revokes its whole session.' })
  @Public()
  async refreshToken(
    @Arg('refreshToken', () => String, { description: 'The refresh token from login or the previous refresh.' }) refreshToken: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<AuthPayload> {
    const tokens = await accountsOf(ctx).tokens.refresh(refreshToken);
    return { ...tokens, user: tokens.user };
  }

  @Mutation(() => Boolean, { description: 'Revokes the current access token on every replica and, when given, the refresh token\'s session.' })
  async logout(
    @Arg('refreshToken', () => String, { nullable: true, description: 'The refresh token of this session, to revoke it too.' }) refreshToken: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<boolean> {
    const principal = await requireAccount(ctx);
    return accountsOf(ctx).tokens.logout(principal, refreshToken);
  }

  @Query(() => User, { description: 'The authenticated account (access or service token).' })
  async me(@Ctx() ctx: GatewayContext): Promise<User> {
    const principal = requirePrincipal(ctx);
    const user = await accountsOf(ctx).users.findById(principal.subject);
    if (!user) throw new NotFoundError('Account not found');
    return user;
  }

  @Mutation(() => User, { description: 'Self-registration: only when ALLOW_USER_REGISTRATION; PENDING when REGISTRATION_REQUIRES_APPROVAL; refused past MAX_USERS_LIMIT.' })
  @Public()
  async register(
    @Arg('input', () => RegisterInput, { description: 'The new account.' }) input: RegisterInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<User> {
    const accounts = accountsOf(ctx);
    return await accounts.users.register({ email: input.email, password: input.password, username: input.username ?? undefined }, accounts.registration);
  }

  @Query(() => UserPage, { description: 'Admin only: accounts, oldest first, cursor-paginated.' })
  async users(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Arg('status', () => UserStatusEnum, { nullable: true, description: 'Only accounts with this status.' }) status: UserStatusEnum | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<UserPage> {
    await requireAdmin(ctx);
    const page = await accountsOf(ctx).users.list({ first, after, status });
    return { ...page, items: page.items };
  }

  @Mutation(() => User, { description: 'Admin only: activates a PENDING (or DISABLED) account.' })
  async approveUser(@Arg('id', () => ID, { description: 'User id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<User> {
    await requireAdmin(ctx);
    return await accountsOf(ctx).users.approve(id);
  }

  @Mutation(() => User, { description: 'Admin only: disables an account; its tokens are refused at once on every replica.' })
  async disableUser(@Arg('id', () => ID, { description: 'User id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<User> {
    await requireAdmin(ctx);
    return await accountsOf(ctx).users.disable(id);
  }

  @Mutation(() => User, {
    description:
      "Admin only: changes an account's quota plan (DEFAULT or PREMIUM). Effective for its next request on every replica; recorded in the audit log.",
  })
  async setUserPlan(
    @Arg('id', () => ID, { description: 'User id.' }) id: string,
    @Arg('plan', () => PlanEnum, { description: 'The new plan.' }) plan: PlanEnum,
    @Ctx() ctx: GatewayContext,
  ): Promise<User> {
    const admin = await requireAdmin(ctx);
    return await accountsOf(ctx).users.setPlan(id, plan, admin.subject);
  }

  @Mutation(() => ServiceTokenPayload, { description: 'Admin only: issues a service token (HS256 JWT, scope "calculations") for service@nocturna.internal. Default 30 days.' })
  async createServiceToken(
    @Arg('input', () => ServiceTokenInput, { description: 'Lifetime, scopes and name.' }) input: ServiceTokenInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<ServiceTokenPayload> {
    await requireAdmin(ctx);
    const issued = await accountsOf(ctx).tokens.createServiceToken({ days: input.days, scopes: input.scopes, name: input.name });
    return { token: issued.token, id: issued.id, expiresAt: issued.expiresAt };
  }

  @Query(() => [ServiceToken], { description: 'Admin only: service tokens, newest first, with expiry and last use.' })
  async serviceTokens(
    @Arg('activeOnly', () => Boolean, { nullable: true, defaultValue: false, description: 'Hide revoked and expired tokens.' }) activeOnly: boolean,
    @Ctx() ctx: GatewayContext,
  ): Promise<ServiceToken[]> {
    await requireAdmin(ctx);
    return (await accountsOf(ctx).tokens.listServiceTokens({ activeOnly }));
  }

  @Mutation(() => Boolean, { description: 'Admin only: revokes a service token; every replica refuses it at once. False when it was already revoked.' })
  async revokeServiceToken(@Arg('id', () => ID, { description: 'Token id (jti).' }) id: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    await requireAdmin(ctx);
    return accountsOf(ctx).tokens.revokeServiceToken(id);
  }

  @Query(() => RegistrationSettings, { description: 'Admin only: the effective registration settings.' })
  async registrationSettings(@Ctx() ctx: GatewayContext): Promise<RegistrationSettings> {
    await requireAdmin(ctx);
    const accounts = accountsOf(ctx);
    return {
      allowUserRegistration: accounts.registration.allow,
      requiresApproval: accounts.registration.requiresApproval,
      maxUsers: accounts.registration.maxUsers,
      currentUsers: await accounts.prisma.user.count({ where: { role: { not: 'SERVICE' } } }),
    };
  }
}
