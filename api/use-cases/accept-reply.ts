/**
 * An inbound message from an integration: read it (headers from the raw message fill what the integration did not
 * send), classify it, record it with its meaning applied at the data layer, then tell the prospect's cadence (and,
 * for a person's reply, the account's other cadences). The ledger is written before the cadence is told, so a send
 * that has not reached SMTP yet cannot miss the reply even if the cadence hears of it late.
 */
import { WorkflowNotFoundError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { classifyMessage, type ClassifyOptions } from '../../activities/triage';
import type { StoredTriage } from '../../db/types';
import type { Db } from '../../db/connect';
import { stopIfUnhealthy } from '../../db/repositories/mailbox-health';
import { markReplySignaled, recordInboundReply, type InboundReply, type ReplyOptions } from '../../db/repositories/replies';
import { accountPauseSignal, cadenceWorkflowId, replySignal, replyUpdate, type ReplyNotice, type ReplyTaken } from '../../workflows/definitions';
import { badRequest } from '../errors';

/** The structured fields of the JSON webhook (already validated). */
export interface StructuredReply {
  messageId: string;
  from: string;
  subject?: string;
  text?: string;
  inReplyTo?: string;
  references?: string[];
  receivedAt?: string;
  raw?: string;
}

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

/** A raw RFC 5322 message posted as message/rfc822: everything comes from its own headers. */
export async function replyFromRawMessage(raw: string, triageOptions: ClassifyOptions = {}): Promise<InboundReply> {
  const triage = await classifyMessage(raw, triageOptions);
  const { message } = triage;
  if (!message.messageId || !message.from) throw badRequest('body: the raw message has no Message-ID or From header');
  return {
    messageId: message.messageId.startsWith('<') ? message.messageId : `<${message.messageId}>`,
    from: message.from,
    subject: message.subject ?? undefined,
    text: triage.newText,
    inReplyTo: message.inReplyTo ?? undefined,
    references: message.references,
    receivedAt: message.date ? new Date(message.date) : new Date(),
    triage,
    raw,
  };
}

/** The JSON webhook's fields; with `raw`, the raw message's own headers fill whatever the integration did not send. */
export async function replyFromFields(body: StructuredReply, triageOptions: ClassifyOptions = {}): Promise<InboundReply> {
  const triage = body.raw ? await classifyMessage(body.raw, triageOptions) : undefined;
  const headers = triage?.message;
  return {
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

/** How long the webhook waits for a cadence to answer the reply update before it signals the reply instead. */
export const REPLY_ANSWER_WAIT_MS = 5_000;

type CadenceHandle = ReturnType<Client['workflow']['getHandle']>;

/**
 * Tells the prospect's cadence of the reply and returns what it answered: the reply update first, so that the cadence
 * has acted on it when this returns; if no worker answers within `waitMs` (all down, or far behind), the signal, which
 * the server keeps until a worker takes it. The cadence takes a reply once whichever arrives first (by reply ID), and
 * the server takes an update ID once, so a late update, the signal and a repeated delivery add nothing. An update
 * that finds the run closed may have met a continue-as-new, which a signal follows to the next run; a signal to a
 * cadence that is really over throws WorkflowNotFoundError.
 */
async function tellCadence(temporal: Client, handle: CadenceHandle, notice: ReplyNotice, waitMs: number): Promise<ReplyTaken | null> {
  try {
    return await temporal.withDeadline(Date.now() + waitMs, () => handle.executeUpdate(replyUpdate, { args: [notice], updateId: `reply:${notice.replyId}` }));
  } catch (err) {
    if (!(err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || err instanceof WorkflowNotFoundError)) throw err;
    await handle.signal(replySignal, notice);
    return null;
  }
}

/**
 * Classifies the message (unless it was), records it and applies its meaning at the data layer, then tells the
 * prospect's cadence (and, for a human reply, the account's other cadences). A duplicate delivery of the same
 * Message-ID tells the cadence again only if the first delivery never got that far.
 */
export async function acceptInboundReply(
  db: Db,
  temporal: Client,
  reply: InboundReply,
  options: ReplyOptions & { answerWaitMs?: number },
  triageOptions: ClassifyOptions = {},
) {
  const triage: StoredTriage = reply.triage ?? (await classifyMessage(reply.raw ?? toRawMessage(reply), triageOptions));
  const recorded = await recordInboundReply(db, { ...reply, triage }, options);
  if (recorded.effect === 'hard-bounce' && triage.bouncedMessageId) {
    // A DSN's hard bounce counts toward the sending mailbox's health figure, as the provider's webhook does.
    const id = triage.bouncedMessageId.startsWith('<') ? triage.bouncedMessageId : `<${triage.bouncedMessageId}>`;
    const send = await db.selectFrom('sends').select('mailbox').where('message_id', '=', id).executeTakeFirst();
    if (send) await stopIfUnhealthy(db, send.mailbox, reply.receivedAt);
  }
  let cadenceStopped = false;
  let cadence: ReplyTaken | null = null;
  if (recorded.prospectId && !recorded.signaledAt && recorded.effect !== 'record-only') {
    // Undefined when the prospect has no running cadence.
    const tell = async <T>(prospectId: string, send: (handle: CadenceHandle) => Promise<T>): Promise<{ answer: T } | undefined> => {
      try {
        return { answer: await send(temporal.workflow.getHandle(cadenceWorkflowId(prospectId))) };
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return undefined;
        throw err;
      }
    };
    const notice: ReplyNotice = {
      replyId: recorded.replyId,
      messageId: reply.messageId,
      receivedAt: reply.receivedAt.toISOString(),
      intent: triage.intent,
      sentiment: triage.sentiment,
      escalate: triage.escalate,
      returnDate: triage.returnDate,
      bouncedMessageId: triage.bouncedMessageId,
    };
    const told = await tell(recorded.prospectId, (h) => tellCadence(temporal, h, notice, options.answerWaitMs ?? REPLY_ANSWER_WAIT_MS));
    cadenceStopped = told !== undefined;
    cadence = told?.answer ?? null;
    for (const peer of recorded.accountPeers) {
      await tell(peer.prospectId, (h) =>
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
  return { ...recorded, triage, cadenceStopped, cadence };
}
