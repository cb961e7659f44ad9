import { outboundEventId, subscribedTo, toOutboundEvent, webhookPayload, WEBHOOK_EVENT_TYPES, type FeedAuditEvent } from '../../activities/crm-feed/events';

const base: FeedAuditEvent = {
  id: '42',
  occurredAt: new Date('2026-12-06T10:00:00.123Z'),
  actor: 'component:cadence-workflow',
  action: 'enrollment.started',
  prospectId: 'p1',
  enrollmentId: 'e1',
  step: null,
  details: { cadenceId: 'c1', ownerId: 'u1', workflowId: 'cadence-e1' },
  prospectEmail: 'jo@example.test',
};
const map = (over: Partial<FeedAuditEvent>) => toOutboundEvent({ ...base, ...over });

test('an audit event becomes an outbound event with a stable id, its timestamp and the prospect', () => {
  expect(map({})).toEqual({
    id: 'evt_42',
    type: 'enrollment.started',
    timestamp: '2026-12-06T10:00:00.123Z',
    data: { prospect: { id: 'p1', email: 'jo@example.test' }, enrollmentId: 'e1', step: null, cadenceId: 'c1', ownerId: 'u1', auditEventId: '42' },
  });
  expect(outboundEventId('42')).toBe('evt_42');
  expect(map({})).toEqual(map({})); // the same event maps the same way every time
});

test('each audit action maps to its event type with its fields', () => {
  const sent = map({ action: 'send.sent', step: 1, details: { messageId: '<m1@x>', mailbox: 'dana@acme.test', recipient: 'jo@example.test' }, send: { subject: 'Hi', body: 'Hello Jo' } });
  expect(sent).toMatchObject({ type: 'email.sent', data: { step: 1, subject: 'Hi', body: 'Hello Jo', mailbox: 'dana@acme.test', messageId: '<m1@x>' } });
  expect(map({ action: 'reply.received', details: { intent: 'meeting_request', sentiment: 'positive', effect: 'hand-over' } })).toMatchObject({
    type: 'reply.received',
    data: { intent: 'meeting_request', sentiment: 'positive', effect: 'hand-over' },
  });
  expect(map({ action: 'reply.received', details: { effect: 'hard-bounce', messageId: '<dsn@x>' } })?.type).toBe('email.bounced');
  expect(map({ action: 'approval.decided', actor: 'user:u7', details: { decision: 'edit', approvalId: 'a1' } })).toMatchObject({ type: 'approval.decided', data: { decidedBy: 'u7', decision: 'edit', approvalId: 'a1' } });
  expect(map({ action: 'task.created', details: { taskId: 't1', kind: 'call', dueAt: '2026-12-07T09:00:00.000Z' } })).toMatchObject({ type: 'task.created', data: { taskId: 't1', kind: 'call' } });
  expect(map({ action: 'task.completed', actor: 'user:u1', details: { taskId: 't1', kind: 'call', outcome: 'done' } })).toMatchObject({ type: 'task.completed', data: { completedBy: 'u1', outcome: 'done' } });
  expect(map({ action: 'meeting.confirmed', details: { taskId: 't2', meetingAt: '2026-12-08T10:00:00.000Z' } })).toMatchObject({ type: 'meeting.confirmed', data: { meetingAt: '2026-12-08T10:00:00.000Z' } });
  expect(map({ action: 'cadence.paused', actor: 'user:u1', details: { reason: 'holiday' } })).toMatchObject({ type: 'cadence.paused', data: { reason: 'holiday', by: 'u1' } });
  expect(map({ action: 'cadence.resumed', details: {} })?.type).toBe('cadence.resumed');
  expect(map({ action: 'enrollment.ended', details: { status: 'replied', atStep: 1 } })).toMatchObject({ type: 'cadence.finished', data: { status: 'replied', atStep: 1 } });
  expect(map({ action: 'prospect.unsubscribed', details: { address: 'jo@example.test', source: 'one-click' } })).toMatchObject({ type: 'prospect.unsubscribed', data: { source: 'one-click' } });
  expect(map({ action: 'delivery.bounced', details: { provider: 'ses', bounceType: 'hard', recipient: 'jo@example.test' } })).toMatchObject({ type: 'email.bounced', data: { source: 'ses', bounceType: 'hard' } });
});

test('actions a CRM does not show map to nothing; the rep’s finish request is not a second cadence.finished', () => {
  for (const action of ['draft.created', 'draft.scored', 'gate.decided', 'approval.requested', 'send.deferred', 'cadence.finished', 'policy.changed']) {
    expect(map({ action })).toBeNull();
  }
});

test('every type is reachable, subscriptions filter by type or take all, and the payload carries type, timestamp and data', () => {
  expect(WEBHOOK_EVENT_TYPES).toHaveLength(12);
  expect(subscribedTo(['*'], 'email.sent')).toBe(true);
  expect(subscribedTo(['email.sent'], 'email.sent')).toBe(true);
  expect(subscribedTo(['email.sent'], 'reply.received')).toBe(false);
  const event = map({})!;
  expect(JSON.parse(webhookPayload(event))).toEqual({ type: event.type, timestamp: event.timestamp, data: event.data });
  expect(map({ prospectId: null })?.data.prospect).toBeNull();
});
