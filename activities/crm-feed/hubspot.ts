// The HubSpot adapter, on the official SDK (@hubspot/api-client, CRM v3 objects): the prospect is a contact found
// by email (or made); a sent or received email is an email engagement, a task a task, a confirmed meeting a
// meeting, and everything else a note, each associated with the contact. Retries are Temporal's: the SDK's own
// are off so an attempt is one call.
import { Client } from '@hubspot/api-client';
import type { CrmLink } from '../../db/repositories/crm-links';
import type { CrmAdapter } from './crm-adapter';
import type { CrmActivity, CrmTaskType } from './crm-activity';

export const HUBSPOT_DEFAULT_BASE_URL = 'https://api.hubapi.com';

/** HubSpot-defined association type ids from each engagement to a contact (CRM associations v4 reference). */
const TO_CONTACT = { emails: 198, notes: 202, tasks: 204, meetings: 200 } as const;
type Engagement = keyof typeof TO_CONTACT;

const TASK_TYPE: Record<CrmTaskType, string> = { email: 'EMAIL', call: 'CALL', todo: 'TODO' };

/** The HTTP status and message of an SDK error (ApiException: code, body). */
export function hubspotError(err: unknown): { status: number | null; message: string } {
  const e = err as { code?: unknown; body?: { message?: unknown } | string; message?: string };
  const status = typeof e.code === 'number' ? e.code : null;
  const bodyMessage = typeof e.body === 'object' && e.body && typeof e.body.message === 'string' ? e.body.message : typeof e.body === 'string' ? e.body : null;
  return { status, message: bodyMessage ?? e.message ?? String(err) };
}

export function hubspotAdapter(options: { accessToken: string; baseUrl?: string }): CrmAdapter {
  const baseUrl = options.baseUrl ?? HUBSPOT_DEFAULT_BASE_URL;
  const client = new Client({ accessToken: options.accessToken, basePath: baseUrl, numberOfApiCallRetries: 0 });
  const fail = (what: string, err: unknown): never => {
    const { status, message } = hubspotError(err);
    throw new Error(`HubSpot ${what}: ${status ? `HTTP ${status}: ` : ''}${message}`);
  };

  async function create(type: Engagement, properties: Record<string, string>, contactId: string): Promise<CrmLink> {
    const input = {
      properties,
      associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId: TO_CONTACT[type] }] }],
    };
    // The SDK's enum type for the category is not exported from the package root; the wire value is the string.
    const made = await client.crm.objects[type].basicApi.create(input as never).catch((err: unknown) => fail(`creating ${type}`, err));
    return { type: type.replace(/s$/, ''), id: made.id };
  }

  return {
    system: 'hubspot',
    baseUrl,

    async findOrCreatePerson(p) {
      const found = await client.crm.contacts.searchApi
        .doSearch({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ' as never, value: p.email }] }], properties: ['email'], limit: 1, after: undefined as never, sorts: [] })
        .catch((err: unknown) => fail('searching contacts', err));
      if (found.results[0]) return { type: 'contact', id: found.results[0].id };
      const properties: Record<string, string> = { email: p.email, firstname: p.first_name, company: p.account_name, website: p.account_domain };
      if (p.last_name) properties.lastname = p.last_name;
      if (p.title) properties.jobtitle = p.title;
      try {
        const made = await client.crm.contacts.basicApi.create({ properties, associations: [] });
        return { type: 'contact', id: made.id };
      } catch (err) {
        // Made meanwhile (another feed, a person in the CRM): HubSpot names the existing contact.
        const { status, message } = hubspotError(err);
        const existing = status === 409 ? /Existing ID: (\d+)/.exec(message)?.[1] : undefined;
        if (existing) return { type: 'contact', id: existing };
        return fail('creating the contact', err);
      }
    },

    async record(activity: CrmActivity, person, earlierTask) {
      const ts = activity.at.toISOString();
      switch (activity.kind) {
        case 'email':
          return create(
            'emails',
            {
              hs_timestamp: ts,
              hs_email_direction: activity.direction === 'outbound' ? 'EMAIL' : 'INCOMING_EMAIL',
              hs_email_status: 'SENT',
              hs_email_subject: activity.subject,
              hs_email_text: activity.body,
              hs_email_headers: JSON.stringify({ from: { email: activity.from ?? '' }, to: activity.to ? [{ email: activity.to }] : [] }),
            },
            person.id,
          );
        case 'task':
          return create(
            'tasks',
            {
              hs_timestamp: (activity.dueAt ?? activity.at).toISOString(),
              hs_task_subject: activity.subject,
              hs_task_body: activity.body,
              hs_task_status: 'NOT_STARTED',
              hs_task_priority: 'MEDIUM',
              hs_task_type: TASK_TYPE[activity.taskType],
            },
            person.id,
          );
        case 'task-completed': {
          const properties = { hs_task_status: 'COMPLETED', hs_task_body: activity.body };
          if (earlierTask) {
            await client.crm.objects.tasks.basicApi.update(earlierTask.id, { properties }).catch((err: unknown) => fail('completing the task', err));
            return earlierTask;
          }
          // A task from before the CRM was connected: recorded as done.
          return create('tasks', { ...properties, hs_timestamp: ts, hs_task_subject: activity.subject, hs_task_type: TASK_TYPE[activity.taskType] }, person.id);
        }
        case 'meeting':
          return create(
            'meetings',
            {
              hs_timestamp: activity.startAt.toISOString(),
              hs_meeting_title: activity.title,
              hs_meeting_body: activity.body,
              hs_meeting_start_time: activity.startAt.toISOString(),
              hs_meeting_end_time: activity.endAt.toISOString(),
              hs_meeting_outcome: 'SCHEDULED',
            },
            person.id,
          );
        case 'note':
          return create('notes', { hs_timestamp: ts, hs_note_body: activity.body }, person.id);
      }
    },
  };
}
