import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/connect';
import { markReplySignaled, recordInboundReply, type InboundReply } from '../../db/repositories/replies';
import { cadenceWorkflowId, replySignal } from '../../workflows/definitions';
import { requireRole } from '../auth';
import type { ApiContext } from '../context';
import { inboundReplyRequest } from '../schemas';
import { parse } from '../validate';

/**
 * Records the reply first, then tells the prospect's cadence to stop. A duplicate delivery of the same
 * Message-ID signals again only if the first delivery never got that far.
 */
export async function acceptInboundReply(db: Db, temporal: Client, reply: InboundReply) {
  const recorded = await recordInboundReply(db, reply);
  let cadenceStopped = false;
  if (recorded.prospectId && !recorded.signaledAt) {
    try {
      await temporal.workflow.getHandle(cadenceWorkflowId(recorded.prospectId)).signal(replySignal, {
        replyId: recorded.replyId,
        messageId: reply.messageId,
        receivedAt: reply.receivedAt.toISOString(),
      });
      cadenceStopped = true;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    await markReplySignaled(db, recorded.replyId, new Date());
  }
  return { ...recorded, cadenceStopped };
}

export function replyRoutes({ db, temporal }: ApiContext): Router {
  const router = Router();
  router.post('/v1/webhooks/inbound-reply', requireRole('integration', 'admin'), async (req, res) => {
    const body = parse(inboundReplyRequest, req.body, 'body');
    const result = await acceptInboundReply(db, temporal, {
      messageId: body.messageId,
      from: body.from,
      subject: body.subject,
      text: body.text,
      inReplyTo: body.inReplyTo,
      references: body.references,
      receivedAt: body.receivedAt ? new Date(body.receivedAt) : new Date(),
    });
    res.status(result.duplicate ? 200 : 202).json({
      replyId: result.replyId,
      duplicate: result.duplicate,
      matched: result.prospectId !== null,
      matchedBy: result.matchedBy,
      prospectId: result.prospectId,
      cadenceStopped: result.cadenceStopped,
    });
  });
  return router;
}
