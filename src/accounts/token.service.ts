/**
 * Tokens: login (short-lived access JWT + rotating opaque refresh token), refresh with rotation and
 * family revocation on reuse, logout, and service tokens (HS256 JWTs with iss, aud, sub, jti,
 * scope, exp, recorded in the database by jti so they can be listed and revoked).
 */
import { hash, randomBytes, randomUUID } from 'node:crypto';
import { signToken } from '../auth/jwt.signer.js';
import type { Principal } from '../auth/jwt.types.js';
import type { JwtVerifier } from '../auth/jwt.verifier.js';
import type { AccountState } from '../auth/account-state.js';
import type { LoginLimiter } from '../auth/login-limiter.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { normalizeEmail, SERVICE_USER_EMAIL, type UserRecord, type UserService } from './user.service.js';
import { PASSWORD_MAX_LENGTH } from './password.js';

/** Scopes a service token may carry. `calculations` grants the calculation queries only. */
export const SERVICE_SCOPES = ['calculations'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];
export const DEFAULT_SERVICE_TOKEN_DAYS = 30;
export const MAX_SERVICE_TOKEN_DAYS = 3650;
const REFRESH_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export const serviceTokenSelect = {
  id: true,
  userId: true,
  name: true,
  scopes: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
} satisfies Prisma.TokenSelect;
export type ServiceTokenRecord = Prisma.TokenGetPayload<{ select: typeof serviceTokenSelect }>;

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Access token lifetime in seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
  user: UserRecord;
}

export interface IssuedServiceToken {
  token: string;
  id: string;
  expiresAt: Date;
  record: ServiceTokenRecord;
}

export interface TokenServiceOptions {
  prisma: PrismaClient;
  users: UserService;
  state: AccountState;
  loginLimiter: LoginLimiter;
  secret: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

const sha256 = (text: string) => hash('sha256', text, 'hex');

export class TokenService {
  constructor(private readonly o: TokenServiceOptions) {}

  private signAccess(user: UserRecord): { token: string; jti: string } {
    const jti = randomUUID();
    const scopes = user.role === 'ADMIN' ? ['calculations', 'charts', 'admin'] : ['calculations', 'charts'];
    const token = signToken(
      { subject: user.id, kind: 'access', role: user.role.toLowerCase(), scopes, tier: user.plan.toLowerCase(), tokenId: jti },
      { secret: this.o.secret, issuer: this.o.issuer, audience: this.o.audience, ttlSeconds: this.o.accessTokenTtlSeconds },
    );
    return { token, jti };
  }

  private async issueRefresh(
    db: Pick<PrismaClient, 'token'>,
    userId: string,
    familyId: string,
  ): Promise<string> {
    const refreshToken = randomBytes(32).toString('base64url');
    await db.token.create({
      data: {
        id: sha256(refreshToken),
        userId,
        kind: 'REFRESH',
        familyId,
        expiresAt: new Date(Date.now() + this.o.refreshTokenTtlSeconds * 1000),
      },
      select: { id: true },
    });
    return refreshToken;
  }

  /**
   * Email + password → tokens. Failed attempts count per (account, IP) and per IP (refused past
   * their limits), and slow down the account's attempts from every IP (never a lockout).
   * @throws UnauthenticatedError (wrong credentials), ForbiddenError (pending/disabled/service account),
   *   RateLimitedError (too many failures).
   */
  async login(email: string, password: string, ip: string): Promise<AuthTokens> {
    normalizeEmail(email, 'email');
    if (typeof password !== 'string' || password.length > PASSWORD_MAX_LENGTH) throw new ValidationError('password', 'Password too long');
    await this.o.loginLimiter.assertAllowed(email, ip);
    const user = await this.o.users.checkCredentials(email, password);
    if (!user) {
      await this.o.loginLimiter.recordFailure(email, ip);
      throw new UnauthenticatedError('Invalid email or password');
    }
    await this.o.loginLimiter.recordSuccess(email, ip);
    if (user.role === 'SERVICE') throw new ForbiddenError('Service accounts use service tokens, not login');
    if (user.status === 'PENDING') throw new ForbiddenError('Account is awaiting approval');
    if (user.status !== 'ACTIVE') throw new ForbiddenError('Account is disabled');
    const refreshToken = await this.issueRefresh(this.o.prisma, user.id, randomUUID());
    await this.o.users.markLoggedIn(user.id);
    return { accessToken: this.signAccess(user).token, refreshToken, expiresIn: this.o.accessTokenTtlSeconds, tokenType: 'Bearer', user };
  }

  /**
   * Exchanges a refresh token for a new pair (rotation). Presenting a token that was already
   * rotated or revoked revokes its whole family (a stolen token is useless after the first reuse).
   * @throws UnauthenticatedError
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    if (typeof refreshToken !== 'string' || !REFRESH_TOKEN_RE.test(refreshToken)) {
      throw new UnauthenticatedError('Invalid refresh token');
    }
    const id = sha256(refreshToken);
    const row = await this.o.prisma.token.findUnique({
      where: { id },
      select: { userId: true, kind: true, familyId: true, expiresAt: true, revokedAt: true, rotatedAt: true },
    });
    if (!row || row.kind !== 'REFRESH' || !row.familyId) throw new UnauthenticatedError('Invalid refresh token');
    const familyId = row.familyId;
    if (row.revokedAt || row.rotatedAt) {
      await this.revokeFamily(familyId);
      throw new UnauthenticatedError('Refresh token reuse detected; the session was revoked');
    }
    if (row.expiresAt <= new Date()) throw new UnauthenticatedError('Refresh token expired');
    const user = await this.o.users.findById(row.userId);
    if (!user || user.status !== 'ACTIVE') throw new UnauthenticatedError('Account is not active');
    const next = await this.o.prisma.$transaction(async (tx) => {
      // Conditional update: of two concurrent refreshes with one token, only one wins.
      const claimed = await tx.token.updateMany({
        where: { id, rotatedAt: null, revokedAt: null },
        data: { rotatedAt: new Date(), lastUsedAt: new Date() },
      });
      if (claimed.count !== 1) return null;
      return this.issueRefresh(tx, user.id, familyId);
    });
    if (!next) {
      await this.revokeFamily(familyId);
      throw new UnauthenticatedError('Refresh token reuse detected; the session was revoked');
    }
    return { accessToken: this.signAccess(user).token, refreshToken: next, expiresIn: this.o.accessTokenTtlSeconds, tokenType: 'Bearer', user };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.o.prisma.token.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /**
   * Logout: revokes the caller's access token on every replica and, when given, the refresh token's
   * family (only if it belongs to the caller).
   */
  async logout(principal: Principal, refreshToken?: string | null): Promise<boolean> {
    if (principal.tokenId) await this.o.state.revokeAccessToken(principal.tokenId, principal.subject, new Date(principal.expiresAt * 1000));
    if (refreshToken && REFRESH_TOKEN_RE.test(refreshToken)) {
      const row = await this.o.prisma.token.findUnique({
        where: { id: sha256(refreshToken) },
        select: { userId: true, familyId: true },
      });
      if (row?.familyId && row.userId === principal.subject) await this.revokeFamily(row.familyId);
    }
    return true;
  }

  /**
   * Issues a service token for `userId` (default: the service user, created when missing).
   * @param days lifetime, 1..3650 (default 30). @param scopes subset of SERVICE_SCOPES (default all).
   */
  async createServiceToken(input: { days?: number | null; scopes?: string[] | null; name?: string | null; userId?: string }): Promise<IssuedServiceToken> {
    const days = input.days ?? DEFAULT_SERVICE_TOKEN_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_SERVICE_TOKEN_DAYS) {
      throw new ValidationError('days', `Must be an integer from 1 to ${MAX_SERVICE_TOKEN_DAYS}`);
    }
    const scopes = input.scopes ?? [...SERVICE_SCOPES];
    if (scopes.length === 0 || scopes.length > SERVICE_SCOPES.length || !scopes.every((s) => (SERVICE_SCOPES as readonly string[]).includes(s))) {
      throw new ValidationError('scopes', `Scopes must be a non-empty subset of: ${SERVICE_SCOPES.join(', ')}`);
    }
    const name = input.name?.trim() || null;
    if (name !== null && name.length > 100) throw new ValidationError('name', 'At most 100 characters');
    const owner = input.userId ? await this.o.users.findById(input.userId) : await this.o.users.ensureServiceUser();
    if (!owner) throw new NotFoundError('User not found');
    if (owner.role !== 'SERVICE') throw new ValidationError('userId', 'Service tokens belong to service accounts');
    const jti = randomUUID();
    const ttlSeconds = days * 86_400;
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttlSeconds) * 1000);
    const record = await this.o.prisma.token.create({
      data: { id: jti, userId: owner.id, kind: 'SERVICE', scopes: [...new Set(scopes)], name, expiresAt },
      select: serviceTokenSelect,
    });
    const token = signToken(
      { subject: owner.id, kind: 'service', role: 'service', scopes: record.scopes, tier: owner.plan.toLowerCase(), tokenId: jti },
      { secret: this.o.secret, issuer: this.o.issuer, audience: this.o.audience, ttlSeconds, nowSeconds: Math.floor(expiresAt.getTime() / 1000) - ttlSeconds },
    );
    return { token, id: jti, expiresAt: record.expiresAt, record };
  }

  /** Service tokens, newest first (revoked ones included unless `activeOnly`). */
  async listServiceTokens(options: { activeOnly?: boolean; first?: number } = {}): Promise<ServiceTokenRecord[]> {
    return this.o.prisma.token.findMany({
      where: { kind: 'SERVICE', ...(options.activeOnly ? { revokedAt: null, expiresAt: { gt: new Date() } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: Math.min(Math.max(options.first ?? 100, 1), 500),
      select: serviceTokenSelect,
    });
  }

  /**
   * Revokes service token `id` in the database and on every replica (shared state).
   * @returns true when it was active, false when it was already revoked. @throws NotFoundError
   */
  async revokeServiceToken(id: string): Promise<boolean> {
    if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw new NotFoundError('Service token not found');
    const row = await this.o.prisma.token.findUnique({ where: { id }, select: { kind: true, revokedAt: true, expiresAt: true } });
    if (!row || row.kind !== 'SERVICE') throw new NotFoundError('Service token not found');
    const updated = await this.o.prisma.token.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const remaining = Math.ceil((row.expiresAt.getTime() - Date.now()) / 1000);
    await this.o.state.markTokenRevoked(id, Math.max(60, remaining + 60));
    return updated.count === 1;
  }

  /** Verifies a token (signature, claims, revocation) and describes it. Used by `nocturna token check`. */
  async check(verifier: JwtVerifier, token: string): Promise<{ principal: Principal; record: ServiceTokenRecord | null }> {
    const principal = await verifier.verify(token);
    const record = principal.kind === 'service'
      ? await this.o.prisma.token.findUnique({ where: { id: principal.tokenId }, select: serviceTokenSelect })
      : null;
    return { principal, record };
  }

  /** Issues a new service token with the scopes and name of `id` (the old one stays valid unless revoked). */
  async renewServiceToken(id: string, days?: number | null): Promise<IssuedServiceToken> {
    const row = await this.o.prisma.token.findUnique({ where: { id }, select: { ...serviceTokenSelect, kind: true } });
    if (!row || row.kind !== 'SERVICE') throw new NotFoundError('Service token not found');
    return this.createServiceToken({ days, scopes: row.scopes, name: row.name, userId: row.userId });
  }

  /** The e-mail every service token is issued to by default. */
  static readonly serviceUserEmail = SERVICE_USER_EMAIL;
}
