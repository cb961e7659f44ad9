import { outboundEventId, subscribedTo, toOutboundEvent, webhookPayload, WEBHOOK_EVENT_TYPES, type FeedAuditEvent, type OutboundEvent } from '../../db/webhook-events';
import { crmActivityOf } from '../../activities/crm-feed/crm-activity';
import { soqlString } from '../../activities/crm-feed/salesforce';

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
    data: { prospect: { id: 'p1', email: 'jo@example.test', crmIds: {} }, enrollmentId: 'e1', step: null, cadenceId: 'c1', ownerId: 'u1', auditEventId: '42' },
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

describe('what a CRM records for each event', () => {
  const event = (type: OutboundEvent['type'], data: Record<string, unknown>): OutboundEvent => ({
    id: 'evt_9',
    type,
    timestamp: '2026-03-02T10:00:00.000Z',
    data: { prospect: { id: 'p1', email: 'jo@example.test', crmIds: {} }, enrollmentId: 'e1', step: 2, auditEventId: '9', ...data },
  });

  test('every event type maps to an email, a task, a meeting or a note', () => {
    const kinds = Object.fromEntries(WEBHOOK_EVENT_TYPES.map((t) => [t, crmActivityOf(event(t, { taskId: 't1' })).kind]));
    expect(kinds).toEqual({
      'enrollment.started': 'note',
      'email.sent': 'email',
      'reply.received': 'email',
      'approval.decided': 'note',
      'task.created': 'task',
      'task.completed': 'task-completed',
      'meeting.confirmed': 'meeting',
      'cadence.paused': 'note',
      'cadence.resumed': 'note',
      'cadence.finished': 'note',
      'prospect.unsubscribed': 'note',
      'email.bounced': 'note',
    });
  });

  test('names people, reads the reply and the task, and dates a meeting from its confirmed time', () => {
    const users = { u1: 'Riley Rep' };
    expect(crmActivityOf(event('approval.decided', { decision: 'edit', decidedBy: 'u1' }), { users })).toMatchObject({ body: 'Draft (step 2) edited and approved by Riley Rep.' });
    const reply = crmActivityOf(event('reply.received', { intent: 'objection', sentiment: 'negative', replyId: 'r1' }), { reply: { subject: 'Re: hello', body: 'Not now.', from_address: 'jo@example.test' } });
    expect(reply).toMatchObject({ kind: 'email', direction: 'inbound', subject: 'Re: hello [read as objection, negative]', body: 'Not now.', from: 'jo@example.test' });
    const task = crmActivityOf(event('task.created', { taskId: 't1', kind: 'call', dueAt: '2026-03-03T09:00:00.000Z' }), { task: { title: 'Call Jo', kind: 'call', due_at: null, notes: null, outcome: null } });
    expect(task).toMatchObject({ kind: 'task', taskType: 'call', subject: 'Call Jo', dueAt: new Date('2026-03-03T09:00:00.000Z') });
    const done = crmActivityOf(event('task.completed', { taskId: 't1', kind: 'call', outcome: 'left a voicemail', completedBy: 'u1' }), { users });
    expect(done).toMatchObject({ kind: 'task-completed', body: 'Outcome: left a voicemail\nCompleted by Riley Rep.' });
    const meeting = crmActivityOf(event('meeting.confirmed', { meetingAt: '2026-03-05T15:00:00.000Z' }));
    expect(meeting).toMatchObject({ kind: 'meeting', startAt: new Date('2026-03-05T15:00:00.000Z'), endAt: new Date('2026-03-05T15:30:00.000Z') });
  });

  test('a SOQL string literal escapes quotes and backslashes', () => {
    expect(soqlString("o'brien\\x@example.test")).toBe("'o\\'brien\\\\x@example.test'");
  });
});
