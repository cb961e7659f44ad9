import { createHash } from 'node:crypto';

/** The hash that identifies exactly what a prospect would receive; approvals and sends are bound to it. */
export function contentHash(content: { subject: string; body: string }): string {
  return 'sha256:' + createHash('sha256').update(JSON.stringify([content.subject, content.body])).digest('hex');
}
