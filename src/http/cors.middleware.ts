/**
 * CORS from CORS_ORIGINS: exact origin matches (or `*`), preflight answered with 204. Written
 * out (twenty lines) rather than adding the `cors` package: the policy is an allow-list only.
 */
import type { NextFunction, Request, Response } from 'express';

const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Request-ID, Apollo-Require-Preflight, X-Apollo-Operation-Name';
const EXPOSED_HEADERS = 'X-Request-ID, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After';

/** @param origins allowed origins; ['*'] allows any; [] allows none */
export function corsMiddleware(origins: string[]) {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    if (origin && (any || allowed.has(origin))) {
      res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      if (!any) res.append('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (origin && req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.status(403).json({ error: { code: 'FORBIDDEN', message: `Origin ${origin} is not allowed` } });
      return;
    }
    next();
  };
}
