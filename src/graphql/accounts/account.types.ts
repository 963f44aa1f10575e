/** GraphQL types of accounts, tokens and registration settings. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Plan, Role, UserStatus } from '../../accounts/user.service.js';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  SERVICE = 'SERVICE',
  USER = 'USER',
}
export enum UserStatusEnum {
  ACTIVE = 'ACTIVE',
  PENDING = 'PENDING',
  DISABLED = 'DISABLED',
}
export enum PlanEnum {
  DEFAULT = 'DEFAULT',
  PREMIUM = 'PREMIUM',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an account may do. SERVICE accounts only call calculations, with service tokens.',
  valuesConfig: {
    ADMIN: { description: 'Manages accounts and service tokens, and everything a USER may do.' },
    SERVICE: { description: 'A backend: calculations only, through service tokens; cannot log in.' },
    USER: { description: 'Calculations and its own saved charts.' },
  },
});
registerEnumType(UserStatusEnum, {
  name: 'UserStatus',
  description: 'PENDING accounts wait for approval; DISABLED accounts cannot authenticate.',
  valuesConfig: {
    ACTIVE: { description: 'May log in and use its tokens.' },
    PENDING: { description: 'Registered, waiting for an admin\'s approveUser.' },
    DISABLED: { description: 'Refused everywhere; its tokens were revoked.' },
  },
});
registerEnumType(PlanEnum, {
  name: 'Plan',
  description: 'Quota plan: RATE_LIMIT_DEFAULT or RATE_LIMIT_PREMIUM requests per hour.',
  valuesConfig: {
    DEFAULT: { description: 'RATE_LIMIT_DEFAULT requests per hour (1000 unless configured).' },
    PREMIUM: { description: 'RATE_LIMIT_PREMIUM requests per hour (10000 unless configured).' },
  },
});

@ObjectType({ description: 'An account. The password hash is never exposed.' })
export class User {
  @Field(() => ID, { description: 'User id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Email address (lower-case, unique).' })
  email!: string;

  @Field(() => String, { description: 'Unique user name.' })
  username!: string;

  @Field(() => RoleEnum, { description: 'Role of the account.' })
  role!: Role;

  @Field(() => UserStatusEnum, { description: 'Status of the account.' })
  status!: UserStatus;

  @Field(() => PlanEnum, { description: 'Quota plan.' })
  plan!: Plan;

  @Field(() => DateTimeResolver, { description: 'When the account was created.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last successful login, if any.' })
  lastLoginAt!: Date | null;
}

@ObjectType({ description: 'A page of users, oldest first.' })
export class UserPage {
  @Field(() => [User], { description: 'The users of this page.' })
  items!: User[];

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'True when more users follow.' })
  hasNextPage!: boolean;
}

@ObjectType({ description: 'Tokens returned by login and refreshToken.' })
export class AuthPayload {
  @Field(() => String, { description: 'Short-lived access JWT (HS256); send as "Authorization: Bearer <token>".' })
  accessToken!: string;

  @Field(() => String, { description: 'Opaque refresh token; single use (rotated by refreshToken). Reusing a rotated one revokes the session.' })
  refreshToken!: string;

  @Field(() => Int, { description: 'Lifetime of the access token in seconds.' })
  expiresIn!: number;

  @Field(() => String, { description: 'Always "Bearer".' })
  tokenType!: string;

  @Field(() => User, { description: 'The authenticated user.' })
  user!: User;
}

@ObjectType({ description: 'A service token as listed (the token string itself is shown only once, at creation).' })
export class ServiceToken {
  @Field(() => ID, { description: 'Token id (the JWT\'s jti).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Name given at creation.' })
  name!: string | null;

  @Field(() => [String], { description: 'Scopes granted, e.g. ["calculations"].' })
  scopes!: string[];

  @Field(() => DateTimeResolver, { description: 'Expiry instant.' })
  expiresAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was revoked, if it was.' })
  revokedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last authenticated use (recorded at most once a minute).' })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeResolver, { description: 'Creation instant.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A newly issued service token.' })
export class ServiceTokenPayload {
  @Field(() => String, { description: 'The service JWT. Store it now: it is not shown again.' })
  token!: string;

  @Field(() => ID, { description: 'Token id (jti), for revokeServiceToken.' })
  id!: string;

  @Field(() => DateTimeResolver, { description: 'Expiry instant.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'The effective service-component registration settings.' })
export class RegistrationSettings {
  @Field(() => Boolean, { description: 'ALLOW_USER_REGISTRATION: whether `register` is open.' })
  allowUserRegistration!: boolean;

  @Field(() => Boolean, { description: 'REGISTRATION_REQUIRES_APPROVAL: new accounts start PENDING.' })
  requiresApproval!: boolean;

  @Field(() => Int, { description: 'MAX_USERS_LIMIT: registration closes at this many users (service users excluded).' })
  maxUsers!: number;

  @Field(() => Int, { description: 'Users counted against MAX_USERS_LIMIT now.' })
  currentUsers!: number;
}
