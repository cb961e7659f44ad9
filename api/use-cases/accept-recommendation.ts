import type { z } from 'zod';
import { acceptRecommendation, RecommendationNotCurrent, type BoundarySettings } from '../../db/repositories/boundary-report';
import { policyVersionAccepting, type PolicyVersion } from '../../db/repositories/policy-versions';
import type { GatePolicy, TemplateOverride } from '../../workflows/policy';
import type { Principal } from '../auth';
import type { ApiContext } from '../context';
import { conflict } from '../errors';
import type { acceptRecommendationResponse, policyVersionView } from '../schemas';

type Accepted = z.output<typeof acceptRecommendationResponse>;

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

const userOf = (actor: string) => actor.replace(/^user:/, '');

/**
 * A manager or admin accepts a recommendation of the boundary report: a new gate policy version. Two accepting
 * the same recommendation at once make one version; the other is told it was accepted already, by whom and when
 * (`duplicate: true`, 200). A recommendation the policy has moved past for another reason is 409.
 */
export async function acceptBoundaryRecommendation(
  ctx: Pick<ApiContext, 'db'>,
  input: { recommendationId: string; caller: Principal; settings: BoundarySettings },
): Promise<{ created: boolean; body: Accepted }> {
  const { db } = ctx;
  const now = new Date();
  try {
    const accepted = await acceptRecommendation(db, {
      recommendationId: input.recommendationId,
      actor: `user:${input.caller.userId}`,
      base: input.settings.basePolicy,
      thresholds: input.settings.thresholds,
      now,
    });
    const { recommendation, template, stepKind } = accepted.entry;
    return {
      created: true,
      body: {
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
        duplicate: false,
        acceptedBy: input.caller.userId,
        acceptedAt: accepted.version.created_at.toISOString(),
      },
    };
  } catch (err) {
    if (!(err instanceof RecommendationNotCurrent)) throw err;
    const earlier = await policyVersionAccepting(db, input.recommendationId);
    if (!earlier) throw conflict('recommendation-not-current', err.message, { policyVersion: err.policyVersion, current: err.current });
    const change = earlier.change as { recommendation: { id: string; action: 'graduate' | 'gate'; summary: string; evidence: Record<string, unknown> } } & Pick<
      Accepted['accepted'],
      'template' | 'stepKind'
    >;
    return {
      created: false,
      body: {
        policy: policyVersionJson(earlier),
        accepted: {
          ...change.recommendation,
          override: change.recommendation.action === 'graduate' ? 'automatic' : 'gated',
          template: change.template,
          stepKind: change.stepKind,
        },
        duplicate: true,
        acceptedBy: userOf(earlier.created_by),
        acceptedAt: earlier.created_at.toISOString(),
      },
    };
  }
}
