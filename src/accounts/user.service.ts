/**
 * Accounts: registration, login credentials check, admin operations (list, approve, disable,
 * promote, delete) and the bootstrap of the admin and service users. Fields are always selected
 * explicitly: the password hash never leaves this module.
 */
import { randomBytes } from 'node:crypto';
import { fieldPath, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { AccountState } from '../auth/account-state.js';
import { isUuid } from '../auth/account-state.js';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { assertPasswordPolicy, burnVerificationTime, hashPassword, verifyPassword, type ScryptParams } from './password.js';

export const SERVICE_USER_EMAIL = 'service@nocturna.internal';

export const userSelect = {
  id: true,
  email: true,
  username: true,
  role: true,
  status: true,
  plan: true,
  createdAt: true,
  updatedAt: true,
  lastLoginAt: true,
} satisfies Prisma.UserSelect;

/** A user as every layer above persistence sees it (no password hash). */
export type UserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;
export type Role = UserRecord['role'];
export type UserStatus = UserRecord['status'];
export type Plan = UserRecord['plan'];
/** Quota plans (RATE_LIMIT_DEFAULT / RATE_LIMIT_PREMIUM requests per hour). */
export const PLANS = ['DEFAULT', 'PREMIUM'] as const satisfies readonly Plan[];

export interface RegistrationSettings {
  /** ALLOW_USER_REGISTRATION */
  allow: boolean;
  /** REGISTRATION_REQUIRES_APPROVAL */
  requiresApproval: boolean;
  /** MAX_USERS_LIMIT: registration is refused once this many users exist (service users excluded). */
  maxUsers: number;
}

export interface CreateUserInput {
  email: string;
  password: string;
  username?: string | undefined;
  role?: Role;
  status?: UserStatus;
  plan?: Plan;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor of the last item; pass as `after` for the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,63}$/;
const USERNAME_RE = /^[A-Za-z0-9._-]{3,64}$/;
export const MAX_PAGE_SIZE = 100;

/** Lower-cases and trims an email; @throws ValidationError when malformed or longer than 254. */
export function normalizeEmail(email: string, field = 'email'): string {
  const value = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (value.length > 254 || !EMAIL_RE.test(value)) throw new ValidationError(field, 'Invalid email address');
  return value;
}

function checkUsername(username: string, field = 'username'): string {
  if (!USERNAME_RE.test(username)) {
    throw new ValidationError(field, 'Username must be 3 to 64 characters of letters, digits, ".", "_" or "-"');
  }
  return username;
}

/** Bounds a page size to 1..100 (default 20). */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === undefined || first === null) return 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(field, `Must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export interface UserServiceOptions {
  prisma: PrismaClient;
  state?: AccountState;
  /** scrypt cost; tests may lower it. */
  scrypt?: ScryptParams;
}

export class UserService {
  private readonly prisma: PrismaClient;
  private readonly state: AccountState | undefined;
  private readonly scrypt: ScryptParams | undefined;

  constructor(options: UserServiceOptions) {
    this.prisma = options.prisma;
    this.state = options.state;
    this.scrypt = options.scrypt;
  }

  private hash(password: string): Promise<string> {
    return hashPassword(password, this.scrypt);
  }

  private async refresh(userId: string): Promise<void> {
    await this.state?.refreshUser(userId);
  }

  /**
   * Creates a user. @param fieldPrefix where the input sits for error paths ('' for the top).
   * @throws ValidationError (bad input, email or username taken).
   */
  async create(input: CreateUserInput, fieldPrefix = ''): Promise<UserRecord> {
    const email = normalizeEmail(input.email, fieldPath(fieldPrefix, 'email'));
    assertPasswordPolicy(input.password, fieldPath(fieldPrefix, 'password'));
    const username = input.username
      ? checkUsername(input.username, fieldPath(fieldPrefix, 'username'))
      : await this.freeUsername(email);
    try {
      return await this.prisma.user.create({
        data: {
          email,
          username,
          passwordHash: await this.hash(input.password),
          role: input.role ?? 'USER',
          status: input.status ?? 'ACTIVE',
          plan: input.plan ?? 'DEFAULT',
        },
        select: userSelect,
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const target = JSON.stringify(error.meta ?? {});
        if (target.includes('username')) throw new ValidationError(fieldPath(fieldPrefix, 'username'), 'Username already taken');
        throw new ValidationError(fieldPath(fieldPrefix, 'email'), 'Email already registered');
      }
      throw error;
    }
  }

  private async freeUsername(email: string): Promise<string> {
    const base = (email.split('@')[0] ?? 'user').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 48).padEnd(3, '_');
    const taken = await this.prisma.user.findUnique({ where: { username: base }, select: { id: true } });
    return taken ? `${base}-${randomBytes(4).toString('hex')}` : base;
  }

  /**
   * Self-registration under the service-component settings.
   * @throws ForbiddenError when registration is disabled or MAX_USERS_LIMIT is reached.
   */
  async register(input: { email: string; password: string; username?: string | undefined }, settings: RegistrationSettings): Promise<UserRecord> {
    if (!settings.allow) throw new ForbiddenError('Registration is disabled on this server (ALLOW_USER_REGISTRATION=false)');
    const count = await this.prisma.user.count({ where: { role: { not: 'SERVICE' } } });
    if (count >= settings.maxUsers) {
      throw new ForbiddenError(`Registration closed: the user limit (MAX_USERS_LIMIT=${settings.maxUsers}) is reached`);
    }
    return this.create({ ...input, role: 'USER', status: settings.requiresApproval ? 'PENDING' : 'ACTIVE' });
  }

  /**
   * Checks credentials. Unknown email and wrong password take the same time and give the same error.
   * @returns the user, or null when the credentials are wrong.
   */
  async checkCredentials(email: string, password: string): Promise<UserRecord | null> {
    let normalized: string;
    try {
      normalized = normalizeEmail(email);
    } catch {
      await burnVerificationTime(password);
      return null;
    }
    const row = await this.prisma.user.findUnique({
      where: { email: normalized },
      select: { ...userSelect, passwordHash: true },
    });
    if (!row) {
      await burnVerificationTime(password);
      return null;
    }
    const { passwordHash, ...user } = row;
    return (await verifyPassword(password, passwordHash)) ? user : null;
  }

  async markLoggedIn(userId: string): Promise<void> {
    await this.prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() }, select: { id: true } });
  }

  async findById(id: string): Promise<UserRecord | null> {
    if (!isUuid(id)) return null;
    return this.prisma.user.findUnique({ where: { id }, select: userSelect });
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: userSelect });
  }

  /** Loads many users by id in one query (DataLoader batch function); order follows `ids`. */
  async findManyByIds(ids: readonly string[]): Promise<(UserRecord | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.prisma.user.findMany({ where: { id: { in: [...valid] } }, select: userSelect }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Users ordered by creation (oldest first), cursor-paginated. */
  async list(options: { first?: number | null; after?: string | null; status?: UserStatus | null } = {}): Promise<Page<UserRecord>> {
    const take = pageSize(options.first);
    const cursor = options.after ? decodeCursor(options.after, 'after') : undefined;
    const rows = await this.prisma.user.findMany({
      where: {
        ...(options.status ? { status: options.status } : {}),
        ...(cursor
          ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: take + 1,
      select: userSelect,
    });
    return toPage(rows, take);
  }

  private async requireById(id: string, field = 'id'): Promise<UserRecord> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundError(`User ${field} not found`);
    return user;
  }

  /** PENDING (or DISABLED) → ACTIVE. */
  async approve(id: string): Promise<UserRecord> {
    await this.requireById(id);
    const user = await this.prisma.user.update({ where: { id }, data: { status: 'ACTIVE' }, select: userSelect });
    await this.refresh(id);
    return user;
  }

  /**
   * Disables a user: every token of the user is refused at once (shared state) and refresh tokens
   * are revoked. The last active admin cannot be disabled.
   */
  async disable(id: string): Promise<UserRecord> {
    const target = await this.requireById(id);
    if (target.role === 'ADMIN') await this.assertNotLastAdmin(id);
    const user = await this.prisma.$transaction(async (tx) => {
      await tx.token.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      return tx.user.update({ where: { id }, data: { status: 'DISABLED' }, select: userSelect });
    });
    await this.refresh(id);
    return user;
  }

  private async assertNotLastAdmin(id: string): Promise<void> {
    const others = await this.prisma.user.count({ where: { role: 'ADMIN', status: 'ACTIVE', id: { not: id } } });
    if (others === 0) throw new ForbiddenError('Refusing to remove the last active admin');
  }

  async setRole(email: string, role: Role): Promise<UserRecord> {
    const existing = await this.findByEmail(email);
    if (!existing) throw new NotFoundError('User not found');
    if (existing.role === 'ADMIN' && role !== 'ADMIN') await this.assertNotLastAdmin(existing.id);
    const user = await this.prisma.user.update({ where: { id: existing.id }, data: { role }, select: userSelect });
    await this.refresh(user.id);
    return user;
  }

  /**
   * Changes an account's quota plan and records the change in `audit_events` (one transaction). The
   * shared account entry is overwritten afterwards, so every replica counts the account's next
   * request on the new plan.
   * @param actor the acting admin's user id, or "cli"
   * @throws ValidationError (`plan` not DEFAULT or PREMIUM), NotFoundError
   */
  async setPlan(id: string, plan: Plan, actor: string): Promise<UserRecord> {
    if (!(PLANS as readonly string[]).includes(plan)) throw new ValidationError('plan', `Must be one of ${PLANS.join(', ')}`);
    const before = await this.requireById(id);
    const user = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id }, data: { plan }, select: userSelect });
      await tx.auditEvent.create({
        data: { actor: actor.slice(0, 64), action: 'user.plan', targetUserId: id, details: { from: before.plan, to: plan } },
        select: { id: true },
      });
      return updated;
    });
    await this.refresh(id);
    return user;
  }

  /** {@link setPlan} by email (the command line). */
  async setPlanByEmail(email: string, plan: Plan, actor: string): Promise<UserRecord> {
    const existing = await this.findByEmail(email);
    if (!existing) throw new NotFoundError('User not found');
    return this.setPlan(existing.id, plan, actor);
  }

  /** Deletes a user and (cascade) their tokens and saved charts. */
  async deleteByEmail(email: string): Promise<UserRecord> {
    const existing = await this.findByEmail(email);
    if (!existing) throw new NotFoundError('User not found');
    if (existing.role === 'ADMIN') await this.assertNotLastAdmin(existing.id);
    await this.prisma.user.delete({ where: { id: existing.id }, select: { id: true } });
    await this.refresh(existing.id);
    return existing;
  }

  /**
   * First start: creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists.
   * @returns the created admin, or null when an admin already existed or no password is set.
   */
  async bootstrapAdmin(email: string, password: string | undefined): Promise<UserRecord | null> {
    if (!password) return null;
    const admins = await this.prisma.user.count({ where: { role: 'ADMIN' } });
    if (admins > 0) return null;
    const existing = await this.findByEmail(email);
    if (existing) return this.upsertAdmin(email, password);
    return this.create({ email, password, role: 'ADMIN', status: 'ACTIVE' }, 'ADMIN');
  }

  /** setup-production: creates the admin, or resets its password, role ADMIN and status ACTIVE. */
  async upsertAdmin(email: string, password: string): Promise<UserRecord> {
    const existing = await this.findByEmail(email);
    if (!existing) return this.create({ email, password, role: 'ADMIN', status: 'ACTIVE' }, 'ADMIN');
    assertPasswordPolicy(password, 'ADMIN_PASSWORD');
    const user = await this.prisma.user.update({
      where: { id: existing.id },
      data: { passwordHash: await this.hash(password), role: 'ADMIN', status: 'ACTIVE' },
      select: userSelect,
    });
    await this.refresh(user.id);
    return user;
  }

  /** The service user service@nocturna.internal (role SERVICE), created with an unusable random password when missing. */
  async ensureServiceUser(): Promise<UserRecord> {
    const existing = await this.prisma.user.findUnique({ where: { email: SERVICE_USER_EMAIL }, select: userSelect });
    if (existing) {
      if (existing.role === 'SERVICE' && existing.status === 'ACTIVE') return existing;
      const user = await this.prisma.user.update({
        where: { id: existing.id },
        data: { role: 'SERVICE', status: 'ACTIVE' },
        select: userSelect,
      });
      await this.refresh(user.id);
      return user;
    }
    try {
      return await this.create({
        email: SERVICE_USER_EMAIL,
        username: 'service',
        password: randomBytes(32).toString('base64url'),
        role: 'SERVICE',
        status: 'ACTIVE',
      });
    } catch (error) {
      // A concurrent start created it first.
      const again = await this.prisma.user.findUnique({ where: { email: SERVICE_USER_EMAIL }, select: userSelect });
      if (again) return again;
      throw error;
    }
  }
}

/** A page from `take + 1` keyset rows: the extra row only tells that more follow. */
export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], take: number): Page<T> {
  const items = rows.slice(0, take);
  const last = items.at(-1);
  return { items, hasNextPage: rows.length > take, endCursor: last ? encodeCursor(last.createdAt, last.id) : null };
}

/** Opaque keyset cursor over (createdAt, id). */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

/** @throws ValidationError on `field` when the cursor is not one this server produced. */
export function decodeCursor(cursor: string, field: string): { at: Date; id: string } {
  if (typeof cursor !== 'string' || cursor.length > 200) throw new ValidationError(field, 'Invalid cursor');
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !isUuid(id) || Number.isNaN(at.getTime())) throw new ValidationError(field, 'Invalid cursor');
  return { at, id };
}
