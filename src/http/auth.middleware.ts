/**
 * REST authentication and quota: the same JWT verifier and quota hook as GraphQL. On success
 * `res.locals.principal` holds the caller; failures answer 401 (WWW-Authenticate: Bearer) or 429
 * (Retry-After) without running the route.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { JwtVerifier } from '../auth/jwt.verifier.js';
import type { Principal } from '../auth/jwt.types.js';
import { RateLimitedError, UnauthenticatedError } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import { sendRestError } from './errors.js';
import { quotaHeaders, type QuotaHook } from '../quota/quota.hook.js';

declare module 'express-serve-static-core' {
  interface Locals {
    principal?: Principal;
  }
}

/** @param cost quota units each call is charged (1 unless a route computes more) */
export function createRequireAuth(verifier: JwtVerifier, quota: QuotaHook | undefined, logger: Logger, cost = 1): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const principal = await verifier.verifyAuthorizationHeader(req.get('authorization'));
      if (!principal) throw new UnauthenticatedError('Authentication required: send Authorization: Bearer <token>');
      res.locals.principal = principal;
      if (quota) {
        const decision = await quota({
          principal,
          transport: 'rest',
          operation: `${req.method} ${req.baseUrl}${req.path}`,
          rootFields: [],
          cost,
          ip: req.ip,
        });
        if (decision) {
          res.locals.observation.quota = decision;
          const headers = quotaHeaders(decision);
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
          if (!decision.allowed) {
            const retry = Number(headers['Retry-After']);
            throw new RateLimitedError(`Rate limit exceeded: retry in ${retry} s`, retry);
          }
        }
      }
      next();
    } catch (error) {
      sendRestError(req, res, error, logger);
    }
  };
}
