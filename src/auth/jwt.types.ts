/**
 * The authenticated caller, as the JWT verifier returns it. Accounts (login, service tokens,
 * revocation, quotas) build on this type; the gateway only needs `subject` and `kind`.
 */
export type TokenKind = 'access' | 'service';

export interface Principal {
  /** `sub` claim: the user id (or service user id). */
  subject: string;
  /** `jti` claim: the token id, used for revocation and quota keys. */
  tokenId: string;
  /** `typ` claim: an interactive access token or a long-lived service token. */
  kind: TokenKind;
  /** `role` claim, e.g. "admin", "user", "service". */
  role?: string;
  /** `scope` claim split on spaces (or a `scopes` array claim). */
  scopes: string[];
  /** `tier` claim used by quotas, e.g. "default" | "premium". */
  tier?: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

/**
 * Optional hook called after signature and claims checks: resolve true when the token was revoked
 * (e.g. `revokeServiceToken`). Errors it throws are treated as internal errors, not as 401.
 */
export type RevocationCheck = (principal: Principal) => Promise<boolean>;

/** Claims the signer accepts. */
export interface TokenClaims {
  subject: string;
  kind: TokenKind;
  role?: string;
  scopes?: string[];
  tier?: string;
  /** Token id; random UUID when omitted. */
  tokenId?: string;
}
