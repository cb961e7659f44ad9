import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { Router } from 'express';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { deliveryNoticeId, recordDeliveryEvent, type DeliveryEventInput } from '../../db/repositories/delivery-events';
import { stopIfUnhealthy } from '../../db/repositories/mailbox-health';
import { cadenceWorkflowId, replySignal, type ReplyNotice } from '../../workflows/definitions';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { HttpError } from '../errors';
import { deliveryEvent, deliveryEventsEnvelope, type deliveryEventApplied, type deliveryEventRejected } from '../schemas';
import { parse } from '../validate';

type Applied = z.output<typeof deliveryEventApplied>;
type Rejected = z.output<typeof deliveryEventRejected>;

/** A provider's clock may run a little ahead of ours; an event from further in the future is a mistake. */
const FUTURE_TOLERANCE_MS = 3_600_000;

/** Validates one event on its own: the event, or its errors each naming the field. */
export function validateDeliveryEvent(raw: unknown, now: Date): { event: z.output<typeof deliveryEvent> } | { errors: string[] } {
  const parsed = deliveryEvent.safeParse(raw);
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => {
      if (i.code === 'unrecognized_keys') return `unknown field(s): ${i.keys.join(', ')}`;
      if (i.path.length === 0) return `event: ${given ? i.message : 'must be an object'}`;
      const field = i.path.join('.');
      if (i.path.length === 1 && given && given[String(i.path[0])] === undefined && i.code === 'invalid_type') return `${field}: is required`;
      return `${field}: ${i.message}`;
    });
    // zod skips the schema's cross-field check once another field fails; every problem is named at once.
    if (given && given.type === 'bounce' && given.bounceType === undefined && !errors.some((e) => e.startsWith('bounceType:'))) {
      errors.push('bounceType: is required for a bounce (hard or soft)');
    }
    return { errors };
  }
  if (new Date(parsed.data.occurredAt).getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return { errors: [`occurredAt: ${parsed.data.occurredAt} is in the future`] };
  }
  return { event: parsed.data };
}

export interface DeliveryEventsOutcome {
  applied: Applied[];
  duplicates: Array<{ index: number; id: string }>;
  mailboxesStopped: Array<{ address: string; reason: string }>;
  /** Cadences that could not be told (Temporal unreachable); a redelivery tells them. */
  unsignalled: string[];
}

/**
 * Applies validated events in order, each recorded with its effects in its own transaction; then
 * re-evaluates the health of every mailbox a new hard bounce or complaint counts against (stopping
 * and alerting for those above a limit); then tells the cadences that end. The database comes first,
 * so nothing is sent to an address once its event is recorded, whatever happens to the signals.
 */
export async function acceptDeliveryEvents(
  db: Db,
  temporal: Client,
  provider: string,
  events: Array<{ index: number; event: z.output<typeof deliveryEvent> }>,
  deliveredBy: string,
  log: ApiContext['log'],
  now = new Date(),
): Promise<DeliveryEventsOutcome> {
  const outcome: DeliveryEventsOutcome = { applied: [], duplicates: [], mailboxesStopped: [], unsignalled: [] };
  const toEvaluate = new Set<string>();
  const toSignal: Array<{ prospectId: string; notice: ReplyNotice; applied?: Applied }> = [];

  for (const { index, event } of events) {
    const input: DeliveryEventInput = { ...event, provider, occurredAt: new Date(event.occurredAt) };
    const recorded = await recordDeliveryEvent(db, input, now, deliveredBy);
    const notice: ReplyNotice = {
      replyId: deliveryNoticeId(provider, event.id),
      messageId: deliveryNoticeId(provider, event.id),
      receivedAt: input.occurredAt.toISOString(),
      // A complaint ends the cadence as an unsubscribe does; a hard bounce as a DSN hard bounce does.
      intent: event.type === 'complaint' ? 'unsubscribe' : 'bounce_hard',
      sentiment: 'neutral',
      escalate: false,
      bouncedMessageId: recorded.sendMessageId,
    };
    if (recorded.duplicate) {
      outcome.duplicates.push({ index, id: event.id });
      // Told again only if the first delivery may not have got that far; the cadence ignores a notice it has had.
      if (recorded.endsEnrollmentId && recorded.prospectId) toSignal.push({ prospectId: recorded.prospectId, notice });
      continue;
    }
    const applied: Applied = {
      index,
      id: event.id,
      type: event.type,
      bounceType: event.type === 'bounce' ? (event.bounceType ?? null) : null,
      recipient: input.recipient.toLowerCase(),
      matchedBy: recorded.matchedBy,
      sendId: recorded.sendId,
      mailbox: recorded.mailbox,
      prospectId: recorded.prospectId,
      suppressed: recorded.counts,
      cadenceStopped: false,
    };
    outcome.applied.push(applied);
    if (recorded.counts && recorded.mailbox) toEvaluate.add(recorded.mailbox);
    if (recorded.endsEnrollmentId && recorded.prospectId) toSignal.push({ prospectId: recorded.prospectId, notice, applied });
  }

  for (const address of toEvaluate) {
    const evaluation = await stopIfUnhealthy(db, address, now);
    if (evaluation?.stopped) outcome.mailboxesStopped.push({ address, reason: evaluation.reason! });
  }

  const told = new Set<string>();
  for (const { prospectId, notice, applied } of toSignal) {
    // One notice per cadence is enough to end it (a bounce and a complaint for the same prospect in one batch).
    if (told.has(prospectId)) continue;
    const result = await signal(temporal, prospectId, notice);
    if (result instanceof Error) {
      outcome.unsignalled.push(cadenceWorkflowId(prospectId));
      log(`delivery events: could not signal ${cadenceWorkflowId(prospectId)}`, result);
      continue;
    }
    told.add(prospectId);
    if (applied) applied.cadenceStopped = result === 'signalled';
  }
  return outcome;
}

async function signal(temporal: Client, prospectId: string, notice: ReplyNotice): Promise<'signalled' | 'not-running' | Error> {
  try {
    await temporal.workflow.getHandle(cadenceWorkflowId(prospectId)).signal(replySignal, notice);
    return 'signalled';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return 'not-running';
    return err instanceof Error ? err : new Error(String(err));
  }
}

export function deliveryEventRoutes({ db, temporal, log }: ApiContext): Router {
  const router = Router();

  // A provider's batch, validated event by event: a bad event is reported with its index and the good
  // ones are applied; only a batch without one valid event is refused (400, with the same report).
  router.post('/v1/webhooks/delivery-events', requireRole('integration', 'admin'), async (req, res) => {
    const caller = principal(req);
    const { provider, events } = parse(deliveryEventsEnvelope, req.body, 'body');
    const now = new Date();
    const valid: Array<{ index: number; event: z.output<typeof deliveryEvent> }> = [];
    const rejected: Rejected[] = [];
    events.forEach((raw, index) => {
      const checked = validateDeliveryEvent(raw, now);
      if ('event' in checked) valid.push({ index, event: checked.event });
      else {
        const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
        rejected.push({ index, id: typeof id === 'string' ? id : null, errors: checked.errors });
      }
    });
    if (valid.length === 0) {
      throw new HttpError(400, 'no-valid-events', `none of the ${events.length} events is valid; nothing was recorded`, {
        provider,
        total: events.length,
        applied: [],
        duplicates: [],
        rejected,
        mailboxesStopped: [],
      });
    }
    const outcome = await acceptDeliveryEvents(db, temporal, provider, valid, `user:${caller.userId}`, log, now);
    if (outcome.unsignalled.length > 0) {
      throw new HttpError(
        503,
        'temporal-unavailable',
        `the events are recorded and their addresses suppressed, but ${outcome.unsignalled.join(', ')} could not be told to end; deliver the batch again (recorded events are not applied twice)`,
      );
    }
    res.status(rejected.length > 0 ? 207 : 200).json({
      provider,
      total: events.length,
      applied: outcome.applied,
      duplicates: outcome.duplicates,
      rejected,
      mailboxesStopped: outcome.mailboxesStopped,
    });
  });

  return router;
}
