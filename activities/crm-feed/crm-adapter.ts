// Delivering one outbound event to a CRM through its adapter: find (or make) the prospect's contact or lead,
// record the event's activity on it, and remember what the CRM called each thing (crm_links), so a retry, a
// replay or a later event (a task's completion) finds the record instead of making another.
import type { Db } from '../../db/connect';
import { crmProspect, crmReply, crmTask, findCrmLink, saveCrmLink, userNames, type CrmLink, type CrmProspect } from '../../db/repositories/crm-links';
import type { CrmSystem } from '../../db/types';
import { crmActivityOf, USER_FIELDS, type CrmActivity, type CrmLookups } from './crm-activity';
import type { OutboundEvent } from '../../db/webhook-events';

export interface CrmAdapter {
  readonly system: CrmSystem;
  /** The vendor API's base URL, shown as the subscription's url. */
  readonly baseUrl: string;
  /** The prospect's contact (or lead), found by email or made. */
  findOrCreatePerson(prospect: CrmProspect): Promise<CrmLink>;
  /** Records the activity on the person; a task completion is given the task made for it earlier, when there is one. */
  record(activity: CrmActivity, person: CrmLink, earlierTask: CrmLink | undefined): Promise<CrmLink>;
}

export type CrmAdapters = Partial<Record<CrmSystem, CrmAdapter>>;

/** The most one CRM call may take: the HubSpot SDK has no timeout of its own, and an attempt must end in time. */
const CALL_TIMEOUT_MS = 12_000;

function inTime<T>(what: string, call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

export type CrmDeliveryOutcome = { outcome: 'recorded'; record: CrmLink } | { outcome: 'already-recorded'; record: CrmLink } | { outcome: 'no-prospect' };

export async function deliverToCrm(db: Db, adapter: CrmAdapter, event: OutboundEvent): Promise<CrmDeliveryOutcome> {
  const system = adapter.system;
  const done = await findCrmLink(db, system, 'event', event.id);
  if (done) return { outcome: 'already-recorded', record: done };
  const prospectId = event.data.prospect?.id;
  const prospect = prospectId ? await crmProspect(db, prospectId) : undefined;
  // A CRM shows activity on a person: an event about nobody (or a prospect since erased) has nowhere to go.
  if (!prospectId || !prospect) return { outcome: 'no-prospect' };
  const person = (await findCrmLink(db, system, 'prospect', prospectId)) ?? (await saveCrmLink(db, system, 'prospect', prospectId, await inTime(`${system} contact lookup`, adapter.findOrCreatePerson(prospect))));
  const lookups: CrmLookups = {};
  if (typeof event.data.replyId === 'string') lookups.reply = await crmReply(db, event.data.replyId);
  if (typeof event.data.taskId === 'string') lookups.task = await crmTask(db, event.data.taskId);
  const userIds = USER_FIELDS.map((f) => event.data[f]).filter((v): v is string => typeof v === 'string');
  if (userIds.length) lookups.users = await userNames(db, userIds);
  const activity = crmActivityOf(event, lookups);
  const earlierTask = activity.kind === 'task-completed' ? await findCrmLink(db, system, 'task', activity.taskId) : undefined;
  const meetingTask = activity.kind === 'meeting' && activity.taskId ? await findCrmLink(db, system, 'task', activity.taskId) : undefined;
  if (activity.kind === 'meeting' && meetingTask) {
    // Completing is idempotent, so it goes first: a retry after a crash repeats it, not the meeting.
    const done: CrmActivity = { kind: 'task-completed', taskId: activity.taskId!, at: activity.at, subject: activity.taskSubject ?? activity.title, body: `Meeting confirmed for ${activity.startAt.toISOString()}.`, taskType: 'todo' };
    await inTime(`${system} task-completed`, adapter.record(done, person, meetingTask));
  }
  const record = await inTime(`${system} ${activity.kind}`, adapter.record(activity, person, earlierTask));
  if (activity.kind === 'task') await saveCrmLink(db, system, 'task', activity.taskId, record);
  await saveCrmLink(db, system, 'event', event.id, record);
  return { outcome: 'recorded', record };
}
