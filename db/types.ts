import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';
import type { ReplyIntent } from '../workflows/definitions';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, T | string, T | string>;
/** A JSON column with a database default, optional on insert. */
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;

export type Role = 'rep' | 'manager' | 'admin' | 'integration';

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  role: Role;
  manager_id: string | null;
  timezone: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AccountsTable {
  id: string;
  name: string;
  domain: string;
  tier: ColumnType<string, string | undefined, string>;
  deal_value: ColumnType<number, number | undefined, number>;
  industry: string | null;
  employee_count: number | null;
  attributes: JsonWithDefault<Record<string, unknown>>;
  timezone: ColumnType<string | null, string | null | undefined, string | null>;
  country: ColumnType<string | null, string | null | undefined, string | null>;
  region: ColumnType<string | null, string | null | undefined, string | null>;
  segment: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProspectsTable {
  id: string;
  email: string;
  /** Lower-cased, without +tags (and without dots for Gmail): the same person across channels. */
  normalized_email: string;
  first_name: string;
  last_name: string | null;
  title: string | null;
  timezone: string | null;
  account_id: string;
  attributes: JsonWithDefault<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TemplatesTable {
  id: string;
  name: string;
  version: number;
  subject: string;
  body: string;
  approved: ColumnType<boolean, boolean | undefined, boolean>;
  /** A framework's goal, value points and tone, for every AI slot; null for a plain template. */
  instructions: ColumnType<string | null, string | null | undefined, string | null>;
  dos: JsonWithDefault<string[]>;
  donts: JsonWithDefault<string[]>;
  created_at: Timestamp;
}

export interface CadencesTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

/** email: drafted and sent automatically when the gate allows; manual_email: always a rep; call and
 * linkedin: a task for the rep; meeting: a rep confirms before anything is booked or promised. */
export type StepKind = 'email' | 'manual_email' | 'call' | 'linkedin' | 'meeting';

export interface CadenceStepsTable {
  cadence_id: string;
  position: number;
  kind: StepKind;
  /** Plain elapsed delay, used when timing is null. */
  delay_seconds: number;
  /** Business-time delay and send window (workflows/business-time.ts StepTiming). */
  timing: ColumnType<StepTimingJson | null, StepTimingJson | string | null | undefined, StepTimingJson | string | null>;
  task_sla_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  instructions: ColumnType<string | null, string | null | undefined, string | null>;
  template_id: string | null;
  /** Who drafts the step; null = the deployment's default (DRAFTER). */
  drafter: ColumnType<DrafterKind | null, DrafterKind | null | undefined, DrafterKind | null>;
}

export type DrafterKind = 'template' | 'local' | 'openai';

/** Everything a model did for a draft, kept beside it as long as the draft. */
export interface AiRecord {
  provider: 'local' | 'openai';
  model: string;
  /** The GGUF file's SHA-256, or the server's model id. */
  version: string;
  prompt: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  promptHash: string;
  temperature: number;
  seed: number;
  maxTokens: number;
  latencyMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
  /** The raw answer of each attempt (the last one was used). */
  raw: string[];
  slots: Record<string, string>;
}

export interface StepTimingJson {
  delay: { amount: number; unit: 'minutes' | 'hours' | 'days' | 'business_hours' | 'business_days' };
  window: { days: number[]; start: string; end: string } | null;
}

export interface CadenceStepVariantsTable {
  cadence_id: string;
  position: number;
  variant: string;
  template_id: string;
}

export interface HolidaysTable {
  calendar: ColumnType<string, string | undefined, string>;
  date: ColumnType<string, string, string>;
  name: string;
}

export interface EnrollmentsTable {
  id: string;
  workflow_id: string;
  prospect_id: string;
  cadence_id: string;
  owner_id: string;
  status: string;
  current_step: ColumnType<number, number | undefined, number>;
  started_at: Timestamp;
  updated_at: Timestamp;
  ended_at: NullableTimestamp;
  trigger: ColumnType<Record<string, unknown> | null, Record<string, unknown> | string | null | undefined, Record<string, unknown> | string | null>;
  routed_by: ColumnType<string | null, string | null | undefined, string | null>;
  sending_mailbox: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ConfidenceReason {
  code: string;
  effect: number;
  detail: string;
  /** For a finding in AI-written text: the slot and the words. */
  span?: { slot: string; start: number; end: number; text: string };
}

export interface DraftsTable {
  id: string;
  enrollment_id: string;
  step: number;
  version: number;
  author: string;
  subject: string;
  body: string;
  content_hash: string;
  template_id: string | null;
  template_version: number | null;
  enrichment: JsonWithDefault<Record<string, unknown>>;
  confidence: ColumnType<number | null, number | null | undefined, number | null>;
  confidence_reasons: JsonWithDefault<ConfidenceReason[]>;
  variant: ColumnType<string | null, string | null | undefined, string | null>;
  kind: ColumnType<'step' | 'reply', 'step' | 'reply' | undefined, 'step' | 'reply'>;
  /** 'template', 'local:<model>' or 'openai:<model>'; a rep's version is null. */
  drafter: ColumnType<string | null, string | null | undefined, string | null>;
  /** For a draft a model wrote: the provider, model, prompt, parameters, raw output and timing. */
  ai: ColumnType<AiRecord | null, AiRecord | string | null | undefined, AiRecord | string | null>;
  /** Runs of non-space characters in the subject and body; generated by PostgreSQL (migration 0016). */
  words: ColumnType<number, never, never>;
  created_at: Timestamp;
}

/** What the reply ledger keeps of a classification (activities/triage's Triage has these fields and more). */
export interface StoredTriage {
  intent: ReplyIntent;
  sentiment: 'negative' | 'neutral' | 'positive';
  escalate: boolean;
  /** YYYY-MM-DD, for an out-of-office that says when its sender is back. */
  returnDate: string | null;
  confidence: number;
  reasons: string[];
  /** The message's new text: no quoted earlier messages, no signature. */
  newText: string;
  bouncedRecipients: string[];
  bouncedMessageId: string | null;
}

export type ApprovalStatus = 'pending' | 'approved' | 'edited' | 'rejected' | 'expired' | 'cancelled';

export interface ApprovalRequestsTable {
  id: string;
  enrollment_id: string;
  workflow_id: string;
  prospect_id: string;
  owner_id: string;
  step: number;
  draft_id: string;
  draft_version: number;
  status: ApprovalStatus;
  gate_rules: Json<Array<{ rule: string; detail: string }>>;
  policy_version: string;
  context: Json<Record<string, unknown>>;
  remind_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  created_at: Timestamp;
  resolved_at: NullableTimestamp;
  kind: ColumnType<'step' | 'reply', 'step' | 'reply' | undefined, 'step' | 'reply'>;
  reply_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** While pending, the queue item's JSON but its status and thread; kept by a trigger (migration 0018), never written by code. */
  queue_item: ColumnType<string | null, never, never>;
}

export interface ApprovalDecisionsTable {
  id: string;
  approval_request_id: string;
  actor_id: string;
  action: 'approve' | 'edit' | 'reject';
  reject_mode: 'skip-step' | 'end-cadence' | null;
  reason: string | null;
  draft_version: number;
  content_hash: string | null;
  decided_at: Timestamp;
  recorded_at: Timestamp;
  /** The decider's first view of the approval when the decision was recorded; null: decided without a view. */
  first_viewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** How long the approval was in the decider's view before the decision; null with no view. */
  visible_ms: ColumnType<number | null, number | null | undefined, number | null>;
  // What the decision is evidence about, filled at insert by a trigger (migration 0017): the template of a step's
  // draft shown (null for an answer to a reply), the step's kind, the drafter of its first draft, the words shown,
  // the rules that gated it.
  template_id: ColumnType<string | null, never, never>;
  step_kind: ColumnType<StepKind | null, never, never>;
  drafter: ColumnType<string | null, never, never>;
  words: ColumnType<number | null, never, never>;
  gate_rules: ColumnType<string[] | null, never, never>;
  /** Levenshtein distance between the draft shown and the rep's version (subject and body) of an edit. */
  edit_distance: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Step approval requests per UTC day and what gated them (kept by a trigger on approval_requests, migration 0017). */
export interface GateRequestDaysTable {
  day: ColumnType<string, never, never>;
  template_id: string;
  step_kind: StepKind;
  drafter: string;
  rules: string[];
  at_or_below_floor: boolean;
  /** A day's count is split over a few rows so that concurrent writers do not queue on one (migration 0020). */
  shard: ColumnType<number, never, never>;
  max_confidence: number | null;
  requests: number;
}

/** One reviewer's view of one approval, as the rep page reports it. */
export interface ApprovalViewsTable {
  approval_request_id: string;
  viewer_id: string;
  first_viewed_at: Timestamp;
  last_reported_at: Timestamp;
  visible_ms: ColumnType<number, number | undefined, number>;
}

export interface SendsTable {
  id: string;
  idempotency_key: string;
  message_id: string;
  enrollment_id: string;
  prospect_id: string;
  step: number;
  draft_id: string;
  draft_version: number;
  mailbox: string;
  recipient: string;
  subject: string;
  body: string;
  content_hash: string;
  status: SendStatus;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  attempt: ColumnType<number, number | undefined, number>;
  bounced_at: NullableTimestamp;
  bounce_kind: ColumnType<string | null, string | null | undefined, string | null>;
  slot_at: NullableTimestamp;
  recipient_domain: string;
  lease: ColumnType<string | null, string | null | undefined, string | null>;
  handed_off_at: NullableTimestamp;
  complained_at: NullableTimestamp;
  // Filled at insert by a trigger (migrations 0017, 0019): the template of a step's draft (null for an answer to a
  // reply), the step's kind, the drafter of its first draft, whether a rep was asked to approve the step, and the
  // enrollment's cadence.
  template_id: ColumnType<string | null, never, never>;
  step_kind: ColumnType<StepKind | null, never, never>;
  drafter: ColumnType<string | null, never, never>;
  gated: ColumnType<boolean | null, never, never>;
  cadence_id: ColumnType<string | null, never, never>;
}

/** See db/migrations/2026_11_21_0003_deliverability.ts for what each phase means. */
export type SendStatus = 'scheduled' | 'sending' | 'handing-off' | 'sent' | 'unconfirmed' | 'failed' | 'cancelled';

export interface MailboxesTable {
  address: string;
  owner_id: ColumnType<string | null, string | null | undefined, string | null>;
  daily_cap: number;
  hourly_cap: number;
  min_gap_seconds: number;
  jitter_seconds: number;
  warmup_started_at: NullableTimestamp;
  warmup_start_daily: ColumnType<number | null, number | null | undefined, number | null>;
  warmup_daily_increase: ColumnType<number | null, number | null | undefined, number | null>;
  bounce_rate_limit: number;
  complaint_rate_limit: number;
  status: ColumnType<'active' | 'stopped', 'active' | 'stopped' | undefined, 'active' | 'stopped'>;
  stopped_reason: ColumnType<string | null, string | null | undefined, string | null>;
  stopped_at: NullableTimestamp;
  stopped_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeliveryEventsTable {
  id: string;
  provider: string;
  provider_event_id: string;
  kind: 'bounce' | 'complaint';
  bounce_type: ColumnType<'hard' | 'soft' | null, 'hard' | 'soft' | null | undefined, 'hard' | 'soft' | null>;
  recipient: string;
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  send_id: ColumnType<string | null, string | null | undefined, string | null>;
  mailbox: ColumnType<string | null, string | null | undefined, string | null>;
  occurred_at: Timestamp;
  received_at: Timestamp;
  details: ColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined, Record<string, unknown> | string>;
}

export interface SenderDomainChecksTable {
  domain: string;
  verdict: 'pass' | 'warn' | 'fail';
  summary: string;
  report: ColumnType<Record<string, unknown>, Record<string, unknown> | string, Record<string, unknown> | string>;
  checked_at: Timestamp;
}

export interface RepliesTable {
  id: string;
  message_id: string;
  prospect_id: string | null;
  enrollment_id: string | null;
  matched_by: 'in-reply-to' | 'references' | 'bounced-message' | 'bounced-recipient' | 'sender' | null;
  from_address: string;
  subject: string | null;
  body: string;
  in_reply_to: string | null;
  references: JsonWithDefault<string[]>;
  received_at: Timestamp;
  recorded_at: Timestamp;
  signaled_at: NullableTimestamp;
  intent: ColumnType<string | null, string | null | undefined, string | null>;
  sentiment: ColumnType<string | null, string | null | undefined, string | null>;
  escalate: ColumnType<boolean, boolean | undefined, boolean>;
  return_date: ColumnType<string | null, string | null | undefined, string | null>;
  triage: JsonWithDefault<Record<string, unknown>>;
  raw: ColumnType<string | null, string | null | undefined, string | null>;
}

export type HoldKind = 'reply' | 'account-reply' | 'rep-pause' | 'out-of-office';

/** While an enrollment has an unreleased hold, nothing automated is sent to its prospect. */
export interface EnrollmentHoldsTable {
  id: string;
  enrollment_id: string;
  kind: HoldKind;
  reply_id: string | null;
  actor: string;
  reason: string;
  until: NullableTimestamp;
  created_at: Timestamp;
  released_at: NullableTimestamp;
  released_by: string | null;
}

export type SuppressionReason =
  | 'do-not-contact'
  | 'unsubscribed'
  | 'bounced'
  | 'complained'
  | 'closed-lost'
  | 'competitor';

export interface SuppressionsTable {
  id: string;
  kind: 'address' | 'domain';
  value: string;
  reason: SuppressionReason;
  source: string;
  created_at: Timestamp;
}

export interface TasksTable {
  id: string;
  key: string;
  owner_id: string;
  prospect_id: string;
  enrollment_id: string | null;
  kind: string;
  title: string;
  status: ColumnType<string, string | undefined, string>;
  due_at: NullableTimestamp;
  created_at: Timestamp;
  step: ColumnType<number | null, number | null | undefined, number | null>;
  sla_due_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  completed_by: ColumnType<string | null, string | null | undefined, string | null>;
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
  notes: ColumnType<string | null, string | null | undefined, string | null>;
  details: JsonWithDefault<Record<string, unknown>>;
}

export interface NotificationsTable {
  id: string;
  key: string;
  user_id: string;
  kind: string;
  message: string;
  approval_request_id: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export type TriggerType = 'form_fill' | 'content_download' | 'list_import';

export interface EnrollmentRulesTable {
  id: string;
  name: string;
  trigger_type: TriggerType;
  match: JsonWithDefault<Record<string, unknown>>;
  cadence_id: string;
  priority: ColumnType<number, number | undefined, number>;
  cooldown_days: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface RoutingRulesTable {
  id: string;
  name: string;
  priority: ColumnType<number, number | undefined, number>;
  match: JsonWithDefault<Record<string, unknown>>;
  pool: Json<string[]>;
  next_index: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  event_key: string;
  occurred_at: Timestamp;
  actor: string;
  action: string;
  prospect_id: string | null;
  enrollment_id: string | null;
  step: number | null;
  content_hash: string | null;
  details: JsonWithDefault<Record<string, unknown>>;
  /**
   * The event's place in the audit hash chain, assigned by the database when the inserting transaction
   * commits (migration 2026_11_21_0005): NULL only inside that transaction, or for a row written with the
   * triggers bypassed (which `cadence verify-audit` reports).
   */
  seq: GeneratedAlways<string | null>;
  prev_hash: GeneratedAlways<string | null>;
  hash: GeneratedAlways<string | null>;
}

/** A gate policy version made by accepting a boundary-report recommendation; the newest is in force. */
export interface GatePolicyVersionsTable {
  /** `v<seq>`. */
  version: string;
  seq: number;
  /** The whole GatePolicy as it stood when the version was made (workflows/policy.ts), with its templateOverrides. */
  policy: Json<Record<string, unknown>>;
  /** The version it replaced: the previous one, or the configuration's `config:<fingerprint>`. */
  based_on: string | null;
  /** What changed and the evidence for it (the accepted recommendation). */
  change: Json<Record<string, unknown>>;
  /** `user:<id>` of who accepted it. */
  created_by: string;
  created_at: Timestamp;
}

export type WebhookSubscriptionStatus = 'active' | 'paused';

/** A webhook subscription (migration 2026_12_06_0012): where the signed activity feed goes. */
/** webhook: signed POSTs to a URL; hubspot, salesforce: the CRM adapter made from the worker's settings. */
export type WebhookSubscriptionKind = 'webhook' | 'hubspot' | 'salesforce';
export type CrmSystem = Exclude<WebhookSubscriptionKind, 'webhook'>;

export interface WebhookSubscriptionsTable {
  id: string;
  kind: ColumnType<WebhookSubscriptionKind, WebhookSubscriptionKind | undefined, never>;
  url: string;
  /** The event types delivered, or ['*'] for all. */
  events: ColumnType<string[], string, string>;
  description: string | null;
  /** `whsec_` + base64: the Standard Webhooks signing secret, shown once when the subscription is made; null for a CRM. */
  secret: string | null;
  status: Generated<WebhookSubscriptionStatus>;
  paused_reason: string | null;
  paused_at: NullableTimestamp;
  /** The feed starts after this audit seq (the newest when the subscription was made). */
  start_seq: ColumnType<string, string | number, string | number>;
  consecutive_failures: Generated<number>;
  failing_since: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
}

/** One outbound event's delivery to one subscription; the payload is frozen, so retries send the same bytes. */
export interface WebhookDeliveriesTable {
  subscription_id: string;
  event_id: string;
  event_type: string;
  audit_seq: ColumnType<string, string | number, string | number>;
  prospect_id: string | null;
  payload: string;
  status: Generated<'pending' | 'delivered'>;
  attempts: Generated<number>;
  last_error: string | null;
  last_attempt_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
}

/** What a CRM calls one of our objects: a prospect's contact or lead, a task's task, an event's record. */
export interface CrmLinksTable {
  system: CrmSystem;
  local_kind: 'prospect' | 'task' | 'event';
  local_id: string;
  /** The CRM's object type: contact, email, note, task, meeting (HubSpot); Contact, Lead, Task (Salesforce). */
  external_type: string;
  external_id: string;
  created_at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  api_tokens: ApiTokensTable;
  accounts: AccountsTable;
  prospects: ProspectsTable;
  templates: TemplatesTable;
  cadences: CadencesTable;
  cadence_steps: CadenceStepsTable;
  cadence_step_variants: CadenceStepVariantsTable;
  holidays: HolidaysTable;
  enrollment_holds: EnrollmentHoldsTable;
  enrollment_rules: EnrollmentRulesTable;
  routing_rules: RoutingRulesTable;
  enrollments: EnrollmentsTable;
  drafts: DraftsTable;
  approval_requests: ApprovalRequestsTable;
  approval_decisions: ApprovalDecisionsTable;
  gate_request_days: GateRequestDaysTable;
  approval_views: ApprovalViewsTable;
  sends: SendsTable;
  replies: RepliesTable;
  suppressions: SuppressionsTable;
  tasks: TasksTable;
  notifications: NotificationsTable;
  audit_events: AuditEventsTable;
  mailboxes: MailboxesTable;
  delivery_events: DeliveryEventsTable;
  sender_domain_checks: SenderDomainChecksTable;
  gate_policy_versions: GatePolicyVersionsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  crm_links: CrmLinksTable;
}

export type User = Selectable<UsersTable>;
export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type Prospect = Selectable<ProspectsTable>;
export type NewProspect = Insertable<ProspectsTable>;
export type Template = Selectable<TemplatesTable>;
export type Draft = Selectable<DraftsTable>;
export type ApprovalRequest = Selectable<ApprovalRequestsTable>;
export type ApprovalRequestUpdate = Updateable<ApprovalRequestsTable>;
export type Send = Selectable<SendsTable>;
export type Mailbox = Selectable<MailboxesTable>;
export type Reply = Selectable<RepliesTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
