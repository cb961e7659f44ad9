// The CRM activity feed: the business events a CRM would show, derived from the audit trail. Pure: the feed's
// loader reads the audit event with the prospect's address (and, for a send, the message's subject and body)
// and this turns it into the outbound event, or null when the action is not one a CRM shows.

export const WEBHOOK_EVENT_TYPES = [
  'enrollment.started',
  'email.sent',
  'reply.received',
  'approval.decided',
  'task.created',
  'task.completed',
  'meeting.confirmed',
  'cadence.paused',
  'cadence.resumed',
  'cadence.finished',
  'prospect.unsubscribed',
  'email.bounced',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** An audit event as the feed reads it, with what the mapping needs from other tables. */
export interface FeedAuditEvent {
  /** audit_events.id (decimal): the outbound event's stable id is derived from it. */
  id: string;
  occurredAt: Date;
  actor: string;
  action: string;
  prospectId: string | null;
  enrollmentId: string | null;
  step: number | null;
  details: Record<string, unknown>;
  prospectEmail: string | null;
  /** What each connected CRM calls the prospect, when known (e.g. { hubspot: '501', salesforce: '00Q…' }). */
  prospectCrmIds?: Record<string, string> | null;
  /** For send.sent: the message as it went out (the sends row). */
  send?: { subject: string; body: string } | null;
}

export interface OutboundEvent {
  /** `evt_<audit event id>`: the same for every delivery and retry of this event (the webhook-id). */
  id: string;
  type: WebhookEventType;
  /** The audit event's occurred_at, ISO 8601. */
  timestamp: string;
  data: {
    prospect: { id: string; email: string | null; crmIds: Record<string, string> } | null;
    enrollmentId: string | null;
    step: number | null;
    auditEventId: string;
    [field: string]: unknown;
  };
}

/** The stable event id of an audit event. */
export const outboundEventId = (auditEventId: string) => `evt_${auditEventId}`;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** `user:u1` → `u1`; a component stays as it is. */
const who = (actor: string) => (actor.startsWith('user:') ? { userId: actor.slice(5), actor } : { userId: null, actor });

/** The event type and its fields, or null for an action the feed does not carry. */
function typeAndFields(e: FeedAuditEvent): [WebhookEventType, Record<string, unknown>] | null {
  const d = e.details;
  switch (e.action) {
    case 'enrollment.started':
      return ['enrollment.started', { cadenceId: str(d.cadenceId), ownerId: str(d.ownerId) }];
    case 'send.sent':
      return ['email.sent', { subject: e.send?.subject ?? null, body: e.send?.body ?? null, mailbox: str(d.mailbox), messageId: str(d.messageId), recipient: str(d.recipient) }];
    case 'reply.received':
      if (d.effect === 'hard-bounce') return ['email.bounced', { source: 'dsn', bounceType: 'hard', messageId: str(d.messageId), recipient: str(d.from) }];
      return ['reply.received', { intent: str(d.intent), sentiment: str(d.sentiment), effect: str(d.effect), from: str(d.from), messageId: str(d.messageId), replyId: str(d.replyId) }];
    case 'approval.decided':
      return ['approval.decided', { approvalId: str(d.approvalId), decision: str(d.decision), decidedBy: who(e.actor).userId, reason: str(d.reason) }];
    case 'task.created':
      return ['task.created', { taskId: str(d.taskId), kind: str(d.kind), dueAt: str(d.dueAt) }];
    case 'task.completed':
      return ['task.completed', { taskId: str(d.taskId), kind: str(d.kind), outcome: str(d.outcome), notes: str(d.notes), completedBy: who(e.actor).userId }];
    case 'meeting.confirmed':
      return ['meeting.confirmed', { taskId: str(d.taskId), meetingAt: str(d.meetingAt), confirmedBy: who(e.actor).userId }];
    case 'cadence.paused':
    case 'cadence.resumed':
      return [e.action, { reason: str(d.reason), by: who(e.actor).userId }];
    // The cadence's end as the workflow records it (whatever ended it: last step, a reply, a finish request…);
    // the rep's finish request (audit cadence.finished) is followed by this, so it is not sent twice.
    case 'enrollment.ended':
      return ['cadence.finished', { status: str(d.status), atStep: typeof d.atStep === 'number' ? d.atStep : null }];
    case 'prospect.unsubscribed':
      return ['prospect.unsubscribed', { address: str(d.address), source: str(d.source) }];
    case 'delivery.bounced':
      return ['email.bounced', { source: str(d.provider), bounceType: str(d.bounceType), messageId: str(d.messageId), recipient: str(d.recipient) }];
    default:
      return null;
  }
}

/** The outbound event of an audit event, or null when a CRM would not show it. */
export function toOutboundEvent(e: FeedAuditEvent): OutboundEvent | null {
  const mapped = typeAndFields(e);
  if (!mapped) return null;
  const [type, fields] = mapped;
  return {
    id: outboundEventId(e.id),
    type,
    timestamp: e.occurredAt.toISOString(),
    data: {
      prospect: e.prospectId ? { id: e.prospectId, email: e.prospectEmail, crmIds: e.prospectCrmIds ?? {} } : null,
      enrollmentId: e.enrollmentId,
      step: e.step,
      ...fields,
      auditEventId: e.id,
    },
  };
}

/** Whether a subscription to `events` (names, or ['*']) takes `type`. */
export function subscribedTo(events: readonly string[], type: string): boolean {
  return events.includes('*') || events.includes(type);
}

/** The audit actions the feed reads (for the loader's query). */
export const FEED_AUDIT_ACTIONS = [
  'enrollment.started',
  'send.sent',
  'reply.received',
  'approval.decided',
  'task.created',
  'task.completed',
  'meeting.confirmed',
  'cadence.paused',
  'cadence.resumed',
  'enrollment.ended',
  'prospect.unsubscribed',
  'delivery.bounced',
] as const;

/** The JSON body a subscriber receives: `{"type","timestamp","data"}` (the id travels as webhook-id). */
export function webhookPayload(event: OutboundEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });
}
