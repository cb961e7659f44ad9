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
  let sent = db
    .selectFrom('sends')
    .select(['sent_at', 'subject', 'body', 'message_id'])
    .where('prospect_id', '=', prospectId)
    .where('status', '=', 'sent');
  if (enrollmentId) sent = sent.where('enrollment_id', '=', enrollmentId);
  const outbound = await sent.execute();
  const inbound = await db
    .selectFrom('replies')
    .select(['received_at', 'subject', 'body', 'message_id'])
    .where('prospect_id', '=', prospectId)
    .execute();
  return [
    ...outbound.map((s) => ({
      direction: 'outbound' as const,
      at: (s.sent_at ?? new Date(0)).toISOString(),
      subject: s.subject,
      body: s.body,
      messageId: s.message_id,
    })),
    ...inbound.map((r) => ({
      direction: 'inbound' as const,
      at: r.received_at.toISOString(),
      subject: r.subject,
      body: r.body,
      messageId: r.message_id,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}
