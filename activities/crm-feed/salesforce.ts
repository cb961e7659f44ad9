// The Salesforce adapter, on the official SDK's Node client (jsforce, REST API): the prospect is a Contact, else an
// open Lead, found by email (or a Lead is made); every event is a Task on that person (WhoId): emails as completed
// Email tasks, a task as an open Task completed later, a meeting as a completed Task dated on the meeting day,
// the rest as completed tasks whose description says what happened.
import { Connection } from 'jsforce';
import type { CrmLink } from '../../db/repositories/crm-links';
import type { CrmAdapter } from './crm-adapter';
import type { CrmActivity, CrmTaskType } from './crm-activity';

export const SALESFORCE_DEFAULT_API_VERSION = '62.0';

/** SOQL string literal (Salesforce's SOQL reference: quotes and backslashes are escaped with a backslash). */
export const soqlString = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const day = (d: Date) => d.toISOString().slice(0, 10);
const SUBTYPE: Record<CrmTaskType, string> = { email: 'Email', call: 'Call', todo: 'Task' };
/** Salesforce caps Subject at 255 characters. */
const subject = (text: string) => (text.length > 255 ? `${text.slice(0, 254)}…` : text);

interface TaskFields {
  Subject: string;
  Description: string;
  Status: 'Not Started' | 'Completed';
  Priority: 'Normal';
  ActivityDate: string;
  TaskSubtype: string;
}

function taskFields(activity: CrmActivity): TaskFields {
  const base = { Priority: 'Normal' as const };
  switch (activity.kind) {
    case 'email':
      return { ...base, Subject: subject(`${activity.direction === 'outbound' ? 'Email' : 'Reply'}: ${activity.subject}`), Description: activity.body, Status: 'Completed', ActivityDate: day(activity.at), TaskSubtype: 'Email' };
    case 'task':
      return { ...base, Subject: subject(activity.subject), Description: activity.body, Status: 'Not Started', ActivityDate: day(activity.dueAt ?? activity.at), TaskSubtype: SUBTYPE[activity.taskType] };
    case 'task-completed':
      return { ...base, Subject: subject(activity.subject), Description: activity.body, Status: 'Completed', ActivityDate: day(activity.at), TaskSubtype: SUBTYPE[activity.taskType] };
    case 'meeting':
      return { ...base, Subject: subject(`${activity.title}: ${activity.startAt.toISOString()}`), Description: activity.body, Status: 'Completed', ActivityDate: day(activity.startAt), TaskSubtype: 'Task' };
    case 'note':
      return { ...base, Subject: subject(activity.body.split('\n')[0]!), Description: activity.body, Status: 'Completed', ActivityDate: day(activity.at), TaskSubtype: 'Task' };
  }
}

/** jsforce's error: errorCode names Salesforce's error code (or ERROR_HTTP_<status>). */
export function salesforceError(err: unknown): string {
  const e = err as { errorCode?: unknown; message?: string };
  return `${typeof e.errorCode === 'string' ? `${e.errorCode}: ` : ''}${e.message ?? String(err)}`;
}

export function salesforceAdapter(options: { instanceUrl: string; accessToken: string; apiVersion?: string }): CrmAdapter {
  const conn = new Connection({ instanceUrl: options.instanceUrl, accessToken: options.accessToken, version: options.apiVersion ?? SALESFORCE_DEFAULT_API_VERSION });
  const fail = (what: string, err: unknown): never => {
    throw new Error(`Salesforce ${what}: ${salesforceError(err)}`);
  };
  const first = async (soql: string): Promise<string | undefined> => {
    const result = await conn.query<{ Id: string }>(soql).catch((err: unknown) => fail('query', err));
    return result.records[0]?.Id;
  };
  const created = (what: string, result: { id?: string; success: boolean; errors: unknown[] }): string => {
    if (!result.success || !result.id) throw new Error(`Salesforce ${what}: ${JSON.stringify(result.errors)}`);
    return result.id;
  };

  return {
    system: 'salesforce',
    baseUrl: options.instanceUrl,

    async findOrCreatePerson(p) {
      const email = soqlString(p.email);
      const contact = await first(`SELECT Id FROM Contact WHERE Email = ${email} ORDER BY CreatedDate LIMIT 1`);
      if (contact) return { type: 'Contact', id: contact };
      const lead = await first(`SELECT Id FROM Lead WHERE Email = ${email} AND IsConverted = false ORDER BY CreatedDate LIMIT 1`);
      if (lead) return { type: 'Lead', id: lead };
      // Lead requires LastName and Company; a prospect known by first name only is filed under it.
      const fields = { FirstName: p.last_name ? p.first_name : null, LastName: p.last_name ?? p.first_name, Email: p.email, Company: p.account_name, Title: p.title, Website: p.account_domain };
      const result = await conn.sobject('Lead').create(fields).catch((err: unknown) => fail('creating the Lead', err));
      return { type: 'Lead', id: created('creating the Lead', result) };
    },

    async record(activity, person, earlierTask): Promise<CrmLink> {
      const fields = taskFields(activity);
      if (activity.kind === 'task-completed' && earlierTask) {
        const result = await conn
          .sobject('Task')
          .update({ Id: earlierTask.id, Status: 'Completed', Description: fields.Description })
          .catch((err: unknown) => fail('completing the Task', err));
        created('completing the Task', result);
        return earlierTask;
      }
      const result = await conn
        .sobject('Task')
        .create({ ...fields, WhoId: person.id })
        .catch((err: unknown) => fail('creating the Task', err));
      return { type: 'Task', id: created('creating the Task', result) };
    },
  };
}
