import type { Db } from '../connect';

export interface ThreadEntry {
  direction: 'outbound' | 'inbound';
  at: string;
  subject: string | null;
  body: string;
  messageId: string;
}

/** The conversation with a prospect so far, oldest first: what was sent and what came back. */
export async function priorThread(db: Db, prospectId: string, enrollmentId?: string): Promise<ThreadEntry[]> {
  return (await priorThreads(db, [prospectId], enrollmentId)).get(prospectId) ?? [];
}

/** The conversations with several prospects in two queries (a page of the approval queue), each oldest first. */
export async function priorThreads(db: Db, prospectIds: readonly string[], enrollmentId?: string): Promise<Map<string, ThreadEntry[]>> {
  const threads = new Map<string, ThreadEntry[]>(prospectIds.map((id) => [id, []]));
  if (prospectIds.length === 0) return threads;
  const ids = [...new Set(prospectIds)];
  let sent = db
    .selectFrom('sends')
    .select(['prospect_id', 'sent_at', 'subject', 'body', 'message_id'])
    .where('prospect_id', 'in', ids)
    .where('status', '=', 'sent');
  if (enrollmentId) sent = sent.where('enrollment_id', '=', enrollmentId);
  const [outbound, inbound] = await Promise.all([
    sent.execute(),
    db.selectFrom('replies').select(['prospect_id', 'received_at', 'subject', 'body', 'message_id']).where('prospect_id', 'in', ids).execute(),
  ]);
  for (const s of outbound) {
    threads.get(s.prospect_id)!.push({ direction: 'outbound', at: (s.sent_at ?? new Date(0)).toISOString(), subject: s.subject, body: s.body, messageId: s.message_id });
  }
  for (const r of inbound) {
    if (r.prospect_id === null) continue;
    threads.get(r.prospect_id)!.push({ direction: 'inbound', at: r.received_at.toISOString(), subject: r.subject, body: r.body, messageId: r.message_id });
  }
  for (const entries of threads.values()) entries.sort((a, b) => a.at.localeCompare(b.at));
  return threads;
}
