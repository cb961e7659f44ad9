import type { ReplyIntent } from '../../workflows/definitions';

/** The classes a reply can fall into (the cadence's own contract). The automatic ones (out_of_office, auto_reply_other, bounce_*) let automation continue. */
export type Intent = ReplyIntent;

export type Sentiment = 'negative' | 'neutral' | 'positive';

export interface TriageMessage {
  messageId: string | null;
  from: string | null;
  to: string[];
  subject: string | null;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
}

export interface Triage {
  intent: Intent;
  sentiment: Sentiment;
  escalate: boolean;
  /** YYYY-MM-DD, only for an out-of-office that states when its sender is back. */
  returnDate: string | null;
  /** 0..1, how sure the intent is. */
  confidence: number;
  /** Human-readable evidence, e.g. 'Auto-Submitted: auto-replied', 'DSN status 5.1.1'. */
  reasons: string[];
  message: TriageMessage;
  /** The new text of the message: no quoted earlier messages, no signature. */
  newText: string;
  /** For delivery status notifications: the failed Final-Recipient / Original-Recipient addresses. */
  bouncedRecipients: string[];
  /** For delivery status notifications: the Message-ID of our message that bounced, when the bounce carries it. */
  bouncedMessageId: string | null;
}

/** Classes that only strong evidence (RFC 3834 header, clear out-of-office wording, DSN structure) may yield. */
export const AUTOMATIC_INTENTS: readonly Intent[] = ['out_of_office', 'auto_reply_other', 'bounce_hard', 'bounce_soft'];

export function isAutomaticIntent(intent: Intent): boolean {
  return AUTOMATIC_INTENTS.includes(intent);
}
