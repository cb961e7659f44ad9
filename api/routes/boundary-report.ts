import { Router } from 'express';
import type { z } from 'zod';
import { gatePolicyFromConfig, learningFromConfig, loadAppConfig } from '../../config/app';
import { acceptRecommendation, buildBoundaryReport, RecommendationNotCurrent, type BoundarySettings } from '../../db/repositories/boundary-report';
import { currentGatePolicy, type PolicyVersion } from '../../db/repositories/policy-versions';
import type { GatePolicy, TemplateOverride } from '../../workflows/policy';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { conflict } from '../errors';
import { acceptRecommendationRequest, type acceptRecommendationResponse, type policyVersionView } from '../schemas';
import { parse } from '../validate';

/** From this process's environment, as the worker computes it from the same settings. */
export function boundarySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BoundarySettings {
  const config = loadAppConfig(env);
  return { basePolicy: gatePolicyFromConfig(config), thresholds: learningFromConfig(config).boundary };
}

export function policyVersionJson(v: PolicyVersion): z.output<typeof policyVersionView> {
  const policy = v.policy as Partial<GatePolicy>;
  return {
    version: v.version,
    basedOn: v.based_on,
    createdBy: v.created_by,
    createdAt: v.created_at.toISOString(),
    templateOverrides: (policy.templateOverrides ?? {}) as Record<string, TemplateOverride>,
    change: v.change,
  };
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
    const caller = principal(req);
    let accepted;
    try {
      accepted = await acceptRecommendation(db, {
        recommendationId,
        actor: `user:${caller.userId}`,
        base: settings.basePolicy,
        thresholds: settings.thresholds,
        now: new Date(),
      });
    } catch (err) {
      if (err instanceof RecommendationNotCurrent) {
        throw conflict('recommendation-not-current', err.message, { policyVersion: err.policyVersion, current: err.current });
      }
      throw err;
    }
    const { recommendation, template, stepKind } = accepted.entry;
    const body: z.output<typeof acceptRecommendationResponse> = {
      policy: policyVersionJson(accepted.version),
      accepted: {
        id: recommendation.id!,
        action: recommendation.action as 'graduate' | 'gate',
        override: recommendation.override!,
        summary: recommendation.summary,
        evidence: { ...recommendation.evidence },
        template,
        stepKind,
      },
    };
    res.status(201).json(body);
  });

  return router;
}
