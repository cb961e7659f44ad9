// What a CRM records for each outbound event, vendor-neutral: an email (sent or received), a task (made, or
// completed), a meeting, or a note on the contact. Pure; each adapter turns it into its vendor's objects.
import type { OutboundEvent } from '../../db/webhook-events';

export type CrmTaskType = 'email' | 'call' | 'todo';

export type CrmActivity =
  | { kind: 'email'; direction: 'outbound' | 'inbound'; at: Date; subject: string; body: string; from: string | null; to: string | null }
  | { kind: 'task'; taskId: string; at: Date; dueAt: Date | null; subject: string; body: string; taskType: CrmTaskType }
  | { kind: 'task-completed'; taskId: string; at: Date; subject: string; body: string; taskType: CrmTaskType }
  | { kind: 'meeting'; at: Date; title: string; body: string; startAt: Date; endAt: Date; taskId: string | null; taskSubject: string | null }
  | { kind: 'note'; at: Date; body: string };

/** What the feed's events name by id, read when the event is delivered. */
export interface CrmLookups {
  reply?: { subject: string | null; body: string; from_address: string } | undefined;
  task?: { title: string; kind: string; due_at: Date | null; notes: string | null; outcome: string | null } | undefined;
  /** Users' names by id (who decided, completed, paused…). */
  users?: Record<string, string>;
}

/** The user ids an event names (decidedBy, completedBy, confirmedBy, by, ownerId). */
export const USER_FIELDS = ['decidedBy', 'completedBy', 'confirmedBy', 'by', 'ownerId'] as const;

const MEETING_MS = 30 * 60_000;
const DECIDED: Record<string, string> = { approve: 'approved', edit: 'edited and approved', reject: 'rejected' };
const s = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const taskTypeOf = (kind: string | null): CrmTaskType => (kind === 'call' ? 'call' : kind === 'reply' || kind === 'email' ? 'email' : 'todo');
const stepOf = (e: OutboundEvent) => (e.data.step !== null ? ` (step ${e.data.step})` : '');

export function crmActivityOf(event: OutboundEvent, lookups: CrmLookups = {}): CrmActivity {
  const d = event.data;
  const by = (userId: unknown) => (s(userId) ? ` by ${lookups.users?.[String(userId)] ?? String(userId)}` : '');
  const at = new Date(event.timestamp);
  switch (event.type) {
    case 'email.sent':
      return { kind: 'email', direction: 'outbound', at, subject: s(d.subject) ?? '(no subject)', body: s(d.body) ?? '', from: s(d.mailbox), to: s(d.recipient) ?? d.prospect?.email ?? null };
    case 'reply.received': {
      const reply = lookups.reply;
      const intent = s(d.intent) ? ` [read as ${String(d.intent)}${s(d.sentiment) ? `, ${String(d.sentiment)}` : ''}]` : '';
      return {
        kind: 'email',
        direction: 'inbound',
        at,
        subject: `${reply?.subject ?? 'Reply'}${intent}`,
        body: reply?.body ?? '',
        from: reply?.from_address ?? s(d.from),
        to: null,
      };
    }
    case 'task.created': {
      const task = lookups.task;
      const kind = s(d.kind) ?? task?.kind ?? null;
      const due = s(d.dueAt) ? new Date(String(d.dueAt)) : (task?.due_at ?? null);
      return { kind: 'task', taskId: String(d.taskId), at, dueAt: due, subject: task?.title ?? `${kind ?? 'follow-up'} task`, body: task?.notes ?? '', taskType: taskTypeOf(kind) };
    }
    case 'task.completed': {
      const task = lookups.task;
      const kind = s(d.kind) ?? task?.kind ?? null;
      const lines = [s(d.outcome) ? `Outcome: ${String(d.outcome)}` : null, s(d.notes) ? `Notes: ${String(d.notes)}` : null, `Completed${by(d.completedBy)}.`];
      return { kind: 'task-completed', taskId: String(d.taskId), at, subject: task?.title ?? `${kind ?? 'follow-up'} task`, body: lines.filter(Boolean).join('\n'), taskType: taskTypeOf(kind) };
    }
    case 'meeting.confirmed': {
      const startAt = s(d.meetingAt) ? new Date(String(d.meetingAt)) : at;
      // The rep's meeting task is done by this confirmation (no task.completed follows it).
      return {
        kind: 'meeting',
        at,
        title: 'Meeting (from cadence)',
        body: `Meeting confirmed${by(d.confirmedBy)}.`,
        startAt,
        endAt: new Date(startAt.getTime() + MEETING_MS),
        taskId: s(d.taskId),
        taskSubject: lookups.task?.title ?? null,
      };
    }
    case 'enrollment.started':
      return { kind: 'note', at, body: `Enrolled in cadence ${String(d.cadenceId ?? '')}${s(d.ownerId) ? `, owner ${lookups.users?.[String(d.ownerId)] ?? String(d.ownerId)}` : ''}.` };
    case 'approval.decided':
      return { kind: 'note', at, body: `Draft${stepOf(event)} ${DECIDED[String(d.decision)] ?? 'decided'}${by(d.decidedBy)}${s(d.reason) ? `: ${String(d.reason)}` : ''}.` };
    case 'cadence.paused':
    case 'cadence.resumed':
      return { kind: 'note', at, body: `Cadence ${event.type === 'cadence.paused' ? 'paused' : 'resumed'}${by(d.by)}${s(d.reason) ? `: ${String(d.reason)}` : ''}.` };
    case 'cadence.finished':
      return { kind: 'note', at, body: `Cadence finished: ${String(d.status ?? 'ended')}${typeof d.atStep === 'number' ? ` at step ${d.atStep}` : ''}.` };
    case 'prospect.unsubscribed':
      return { kind: 'note', at, body: `Unsubscribed${s(d.source) ? ` (${String(d.source)})` : ''}: ${String(d.address ?? d.prospect?.email ?? '')}. No more email from the cadence.` };
    case 'email.bounced':
      return { kind: 'note', at, body: `Email bounced (${String(d.bounceType ?? 'unknown')}${s(d.source) ? `, ${String(d.source)}` : ''}) to ${String(d.recipient ?? d.prospect?.email ?? '')}.` };
  }
}
