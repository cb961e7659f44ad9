import { Router } from 'express';
import { gatePolicyFromConfig, learningFromConfig, loadAppConfig } from '../../config/app';
import { buildBoundaryReport, type BoundarySettings } from '../../db/repositories/boundary-report';
import { currentGatePolicy } from '../../db/repositories/policy-versions';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { acceptRecommendationRequest } from '../schemas';
import { acceptBoundaryRecommendation } from '../use-cases/accept-recommendation';
import { parse } from '../validate';

/** From this process's environment, as the worker computes it from the same settings. */
export function boundarySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BoundarySettings {
  const config = loadAppConfig(env);
  return { basePolicy: gatePolicyFromConfig(config), thresholds: learningFromConfig(config).boundary };
}

/** Managers and admins read the boundary report and move the boundary by accepting its recommendations. */
export function boundaryReportRoutes(ctx: ApiContext): Router {
  const { db } = ctx;
  const settings = ctx.boundary ?? boundarySettingsFromEnv();
  const router = Router();

  router.get('/v1/boundary-report', requireRole('manager', 'admin'), async (_req, res) => {
    const policy = await currentGatePolicy(db, settings.basePolicy);
    res.json(await buildBoundaryReport(db, { policy, thresholds: settings.thresholds, now: new Date() }));
  });

  router.post('/v1/boundary-report/accept', requireRole('manager', 'admin'), async (req, res) => {
    const { recommendationId } = parse(acceptRecommendationRequest, req.body, 'body');
    const { created, body } = await acceptBoundaryRecommendation({ db }, { recommendationId, caller: principal(req), settings });
    res.status(created ? 201 : 200).json(body);
  });

  return router;
}
