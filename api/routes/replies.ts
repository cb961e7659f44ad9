import express, { Router } from 'express';
import { requireRole } from '../auth';
import type { ApiContext } from '../context';
import { inboundReplyRequest } from '../schemas';
import { acceptInboundReply, replyFromFields, replyFromRawMessage } from '../use-cases/accept-reply';
import { assertNoNulCharacters, parse } from '../validate';

export function replyRoutes({ db, temporal, replyOptions, triage }: ApiContext): Router {
  const router = Router();
  router.post(
    '/v1/webhooks/inbound-reply',
    requireRole('integration', 'admin'),
    // Integrations may post the raw message itself instead of JSON.
    express.text({ type: 'message/rfc822', limit: '10mb' }),
    async (req, res) => {
      if (typeof req.body === 'string') assertNoNulCharacters(req.body, 'body');
      const reply = typeof req.body === 'string' ? await replyFromRawMessage(req.body, triage) : await replyFromFields(parse(inboundReplyRequest, req.body, 'body'), triage);
      const result = await acceptInboundReply(db, temporal, reply, replyOptions, triage);
      res.status(result.duplicate ? 200 : 202).json({
        replyId: result.replyId,
        duplicate: result.duplicate,
        matched: result.prospectId !== null,
        matchedBy: result.matchedBy,
        prospectId: result.prospectId,
        intent: result.triage.intent,
        sentiment: result.triage.sentiment,
        escalate: result.triage.escalate,
        returnDate: result.triage.returnDate,
        effect: result.effect,
        cadenceStopped: result.cadenceStopped,
        cadence: result.cadence && { status: result.cadence.status, step: result.cadence.step, stepStatus: result.cadence.stepStatus },
      });
    },
  );
  return router;
}
