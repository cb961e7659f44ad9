import type { Db } from '../db/connect';
import type { AiRecord, ConfidenceReason, DrafterKind } from '../db/types';
import type { ThreadMessage } from './ai/prompt';
import type { ProspectProfile } from '../db/repositories/prospects';
import type { GatePolicy } from '../workflows/policy';
import type { SendingLimits } from '../db/repositories/mailboxes';
import type { LearningSettings } from '../db/repositories/learning';
import type { SenderAuthPolicy } from './sender-domains';
import type { UnsubscribeLinks } from './unsubscribe-token';
import type { CrmAdapters } from './crm-feed/crm-adapter';

export type { ProspectProfile };

/** Merge-field values for one prospect, and where each came from. */
export interface Enrichment {
  fields: Record<string, string>;
  sources: Record<string, string>;
}

export interface Enricher {
  readonly name: string;
  enrich(profile: ProspectProfile): Promise<Enrichment>;
}

export interface DraftTemplate {
  id: string;
  name: string;
  version: number;
  subject: string;
  body: string;
  /** For a framework with AI slots: goal, value points and tone, for every slot. */
  instructions?: string | null;
  dos?: string[];
  donts?: string[];
}

/** What a drafter may use beyond the template and the enrichment. */
export interface DraftContext {
  ownerName: string;
  /** ISO 639-1 code of the language to write in, or null when unknown (the framework's own). */
  language: string | null;
  thread: ThreadMessage[];
  /** The rep's latest approved texts of drafts from this framework, edits first. */
  approvedExamples: Array<{ subject: string; body: string }>;
  signal?: AbortSignal;
  /** Called while a model writes, so that the activity heartbeats. */
  onProgress?: () => void;
}

/** Everything a model did for a draft, kept beside it (db/types.ts). */
export type AiDraftRecord = AiRecord;

export interface DraftContent {
  subject: string;
  body: string;
  /** Merge fields the template used that had no value and no fallback; they are left visible in the text. */
  unresolvedFields: string[];
  /** Merge fields that fell back to the template's default text. */
  fallbackFields: string[];
  /** Merge fields filled from enrichment. */
  personalizedFields: string[];
  /** What the checks of AI-written text found; each is a confidence reason. */
  findings?: ConfidenceReason[];
  /** Set when a model wrote part of the draft. */
  ai?: AiDraftRecord;
}

export interface Drafter {
  /** 'builtin' (the template drafter), or the provider and model ('local:gemma-3-270m-q4_k_m', 'openai:gpt-4o-mini'). */
  readonly name: string;
  draft(template: DraftTemplate, enrichment: Enrichment, context?: DraftContext): Promise<DraftContent>;
}

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

/** The sender's last word before SMTP gets the end of the message: it may still refuse (throw), and then nothing is delivered. */
export interface HandOff {
  beforeEndOfData(): Promise<void>;
}

export interface Mailer {
  /** Sends one message; with a hand-off, the end-of-data marker goes only after it resolves. */
  send(mail: OutgoingMail, handOff?: HandOff): Promise<{ accepted: string[]; response: string }>;
  /** Closes pooled SMTP connections. */
  close?(): void;
}

/**
 * A wait inside the send activity before it claims its slot: it resolves when the send may go on, and
 * rejects with the signal's reason when the send is cancelled while it waits. Pacing itself is the slot
 * reservation in the database (caps, gap, jitter); production waits for nothing here (noPacing), and the
 * tests and the benchmark use it to hold a send in flight.
 */
export interface Pacer {
  waitTurn(mailbox: string, signal: AbortSignal): Promise<void>;
}

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  /** The drafter of steps that name none (the DRAFTER setting). */
  drafter: Drafter;
  /** The drafters a step may name (cadence_steps.drafter); a step naming one this worker lacks falls back to its template. */
  drafters?: Partial<Record<DrafterKind, Drafter>>;
  /** Attempts of a drafting activity after which a model still unavailable gives way to the template draft. */
  aiRetryBudget?: number;
  enricher: Enricher;
  pacer: Pacer;
  clock: () => Date;
  /** The gate policy in force now; called at every step, so a change applies at the next step. */
  policy: () => Promise<GatePolicy>;
  /** Domain used on the right of every Message-ID. */
  messageIdDomain: string;
  /** The one-click unsubscribe link every message carries (List-Unsubscribe and a footer line): where it points and what signs it. */
  unsubscribe: UnsubscribeLinks;
  /** The calendar used when neither the prospect, the account nor the owner has a time zone. */
  defaultTimeZone: string;
  /** Caps, pacing, warmup and health limits for sending mailboxes, and the per-recipient-domain cap. */
  limits: SendingLimits;
  /** Which From domains may send automatically (sender authentication). */
  senderAuth: SenderAuthPolicy;
  /** The jitter source for pacing; Math.random unless a test fixes it. */
  random?: () => number;
  /** Where the scheduled CRM suppression sync fetches its lists; absent when CRM_SYNC_URL is not set. */
  crmSync?: CrmSyncSource;
  /** The CRM adapters configured on this worker (HubSpot, Salesforce); their feeds' deliveries go through them. */
  crm?: CrmAdapters;
  /** The learning loop's and the boundary report's thresholds; config/app.ts learningDefaults when absent. */
  learning?: LearningSettings;
}

/** The CRM endpoint the suppression sync pulls from. */
export interface CrmSyncSource {
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
}

export const noPacing: Pacer = {
  async waitTurn(_mailbox, signal) {
    signal.throwIfAborted();
  },
};
