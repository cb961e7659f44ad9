import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import express, { Router } from 'express';
import { classifyMessage } from '../../activities/triage';
import type { Db } from '../../db/connect';
import { stopIfUnhealthy } from '../../db/repositories/mailbox-health';
import { markReplySignaled, recordInboundReply, type InboundReply, type ReplyOptions } from '../../db/repositories/replies';
import { accountPauseSignal, cadenceWorkflowId, replySignal } from '../../workflows/definitions';
import { requireRole } from '../auth';
import type { ApiContext } from '../context';
import { badRequest } from '../errors';
import { inboundReplyRequest } from '../schemas';
import { parse } from '../validate';

/** An RFC 5322 message from the structured fields an integration sent, for the classifier to read. */
export function toRawMessage(reply: Omit<InboundReply, 'triage' | 'raw'>): string {
  const header = (name: string, value: string | undefined) => (value ? `${name}: ${value.replace(/\r?\n/g, ' ')}\r\n` : '');
  return (
    header('Message-ID', reply.messageId) +
    header('Date', reply.receivedAt.toUTCString()) +
    header('From', reply.from) +
    header('Subject', reply.subject) +
    header('In-Reply-To', reply.inReplyTo) +
    header('References', reply.references?.join(' ')) +
    'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' +
    reply.text.replace(/\r?\n/g, '\r\n')
  );
}

/**
 * Classifies the message, records it and applies its meaning at the data layer, then tells the
 * prospect's cadence (and, for a human reply, the account's other cadences). A duplicate delivery of the
 * same Message-ID signals again only if the first delivery never got that far.
 */
export async function acceptInboundReply(db: Db, temporal: Client, reply: InboundReply, options: ReplyOptions) {
  const triage = reply.triage ?? (await classifyMessage(reply.raw ?? toRawMessage(reply)));
  const recorded = await recordInboundReply(db, { ...reply, triage }, options);
  if (recorded.effect === 'hard-bounce' && triage.bouncedMessageId) {
    // A DSN's hard bounce counts toward the sending mailbox's health figure, as the provider's webhook does.
    const id = triage.bouncedMessageId.startsWith('<') ? triage.bouncedMessageId : `<${triage.bouncedMessageId}>`;
    const send = await db.selectFrom('sends').select('mailbox').where('message_id', '=', id).executeTakeFirst();
    if (send) await stopIfUnhealthy(db, send.mailbox, reply.receivedAt);
  }
  let cadenceStopped = false;
  if (recorded.prospectId && !recorded.signaledAt && recorded.effect !== 'record-only') {
    const signal = async (prospectId: string, send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>) => {
      try {
        await send(temporal.workflow.getHandle(cadenceWorkflowId(prospectId)));
        return true;
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      }
    };
    cadenceStopped = await signal(recorded.prospectId, (h) =>
      h.signal(replySignal, {
        replyId: recorded.replyId,
        messageId: reply.messageId,
        receivedAt: reply.receivedAt.toISOString(),
        intent: triage.intent,
        sentiment: triage.sentiment,
        escalate: triage.escalate,
        returnDate: triage.returnDate,
        bouncedMessageId: triage.bouncedMessageId,
      }),
    );
    for (const peer of recorded.accountPeers) {
      await signal(peer.prospectId, (h) =>
        h.signal(accountPauseSignal, {
          replyId: recorded.replyId,
          fromProspectId: recorded.prospectId!,
          fromEmail: reply.from,
          receivedAt: reply.receivedAt.toISOString(),
        }),
      );
    }
  }
  if (!recorded.signaledAt) await markReplySignaled(db, recorded.replyId, new Date());
  return { ...recorded, triage, cadenceStopped };
}

export function replyRoutes({ db, temporal, replyOptions }: ApiContext): Router {
  const router = Router();
  router.post(
    '/v1/webhooks/inbound-reply',
    requireRole('integration', 'admin'),
    // Integrations may post the raw message itself instead of JSON.
    express.text({ type: 'message/rfc822', limit: '10mb' }),
    async (req, res) => {
      let reply: InboundReply;
      if (typeof req.body === 'string') {
        const triage = await classifyMessage(req.body);
        const { message } = triage;
        if (!message.messageId || !message.from) throw badRequest('body: the raw message has no Message-ID or From header');
        reply = {
          messageId: message.messageId.startsWith('<') ? message.messageId : `<${message.messageId}>`,
          from: message.from,
          subject: message.subject ?? undefined,
          text: triage.newText,
          inReplyTo: message.inReplyTo ?? undefined,
          references: message.references,
          receivedAt: message.date ? new Date(message.date) : new Date(),
          triage,
          raw: req.body,
        };
      } else {
        const body = parse(inboundReplyRequest, req.body, 'body');
        // With the raw message at hand, its own headers fill whatever the integration did not send.
        const triage = body.raw ? await classifyMessage(body.raw) : undefined;
        const headers = triage?.message;
        reply = {
          messageId: body.messageId,
          from: body.from,
          subject: body.subject ?? headers?.subject ?? undefined,
          text: body.text || triage?.newText || '',
          inReplyTo: body.inReplyTo ?? headers?.inReplyTo ?? undefined,
          references: body.references ?? (headers?.references.length ? headers.references : undefined),
          receivedAt: body.receivedAt ? new Date(body.receivedAt) : headers?.date ? new Date(headers.date) : new Date(),
          triage,
          raw: body.raw,
        };
      }
      const result = await acceptInboundReply(db, temporal, reply, replyOptions);
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
      });
    },
  );
  return router;
}
