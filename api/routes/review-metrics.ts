import { Router } from 'express';
import { reviewMetricsDefaults } from '../../config/app';
import { reviewMetrics, type ReviewMetricsSettings, type ReviewScope } from '../../db/repositories/review-metrics';
import { principal, requireRole, type Principal } from '../auth';
import type { ApiContext } from '../context';
import { badRequest } from '../errors';
import { parseWindowBound, reviewMetricsQuery } from '../schemas';
import { parse } from '../validate';

const MAX_WINDOW_DAYS = 366;

/** The window the query names: [since, until), by default the settings' window up to now. */
export function reviewWindow(query: { since?: string; until?: string }, now: Date, settings: Pick<ReviewMetricsSettings, 'windowMs'>): { since: Date; until: Date } {
  const until = query.until ? parseWindowBound(query.until)! : now;
  const since = query.since ? parseWindowBound(query.since)! : new Date(until.getTime() - settings.windowMs);
  const refuse = (message: string) => badRequest(`query.since: ${message}`, { issues: [{ field: 'query.since', message }] });
  if (since >= until) {
    throw refuse(`must be before until (${until.toISOString()}${query.until ? '' : ', now'}); it is ${since.toISOString()}`);
  }
  if (until.getTime() - since.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    throw refuse(`the window from ${since.toISOString()} to ${until.toISOString()} is longer than ${MAX_WINDOW_DAYS} days`);
  }
  return { since, until };
}

const scopeOf = (caller: Principal): ReviewScope => (caller.role === 'admin' ? { kind: 'all' } : { kind: 'team', managerId: caller.userId });

export function reviewMetricsRoutes({ db, reviewMetrics: settings = reviewMetricsDefaults }: ApiContext): Router {
  const router = Router();

  router.get('/v1/review-metrics', requireRole('manager', 'admin'), async (req, res) => {
    const query = parse(reviewMetricsQuery, req.query, 'query');
    const now = new Date();
    const window = reviewWindow(query, now, settings);
    res.json(await reviewMetrics(db, { scope: scopeOf(principal(req)), ...window, now }, settings));
  });

  return router;
}
