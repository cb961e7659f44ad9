// What each CRM calls our objects (migration 2026_12_06_0014), so a retried delivery or a later event finds the
// contact, task or record it made instead of making another.
import type { Db } from '../connect';
import type { CrmLinksTable, CrmSystem } from '../types';

export type CrmLocalKind = CrmLinksTable['local_kind'];
export interface CrmLink {
  type: string;
  id: string;
}

export async function findCrmLink(db: Db, system: CrmSystem, kind: CrmLocalKind, localId: string): Promise<CrmLink | undefined> {
  const row = await db
    .selectFrom('crm_links')
    .select(['external_type', 'external_id'])
    .where('system', '=', system)
    .where('local_kind', '=', kind)
    .where('local_id', '=', localId)
    .executeTakeFirst();
  return row ? { type: row.external_type, id: row.external_id } : undefined;
}

/** Records a link; the first one recorded stands (a concurrent second one is ignored and the first returned). */
export async function saveCrmLink(db: Db, system: CrmSystem, kind: CrmLocalKind, localId: string, link: CrmLink): Promise<CrmLink> {
  await db
    .insertInto('crm_links')
    .values({ system, local_kind: kind, local_id: localId, external_type: link.type, external_id: link.id })
    .onConflict((oc) => oc.columns(['system', 'local_kind', 'local_id']).doNothing())
    .execute();
  return (await findCrmLink(db, system, kind, localId)) ?? link;
}

/** What the CRM needs to find or make a prospect's contact or lead. */
export function crmProspect(db: Db, prospectId: string) {
  return db
    .selectFrom('prospects as p')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .select(['p.id', 'p.email', 'p.first_name', 'p.last_name', 'p.title', 'a.name as account_name', 'a.domain as account_domain'])
    .where('p.id', '=', prospectId)
    .executeTakeFirst();
}

export type CrmProspect = NonNullable<Awaited<ReturnType<typeof crmProspect>>>;

/** The text of a reply and of a task, which the feed's events name by id. */
export function crmReply(db: Db, replyId: string) {
  return db.selectFrom('replies').select(['subject', 'body', 'from_address', 'received_at']).where('id', '=', replyId).executeTakeFirst();
}

export function crmTask(db: Db, taskId: string) {
  return db.selectFrom('tasks').select(['title', 'kind', 'due_at', 'notes', 'outcome']).where('id', '=', taskId).executeTakeFirst();
}

export async function userNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
