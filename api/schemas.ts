import { z } from 'zod';
import { nextCursorField, pageFields } from './pagination';
import { WEBHOOK_EVENT_TYPES } from '../db/webhook-events';

/** The email addresses the API accepts, published as the document's pattern (a client checks what the API checks). */
const emailAddress = (message = 'must be an email address such as pat@example.com') => z.string().max(320).regex(z.regexes.email, message);
const email = emailAddress();

export const enrollRequest = z
  .object({
    cadenceId: z.string().min(1).describe('The cadence definition to run'),
    ownerId: z
      .string()
      .min(1)
      .optional()
      .describe('The rep who owns the prospect; defaults to the caller when the caller is a rep, otherwise routing rules pick one'),
    prospect: z
      .object({
        email,
        firstName: z.string().min(1).max(100),
        lastName: z.string().max(100).optional(),
        title: z.string().max(200).optional(),
        timezone: z.string().max(64).optional(),
        attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      })
      .strict(),
    account: z
      .object({
        name: z.string().min(1).max(200),
        domain: z
          .string()
          .regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'must be a domain such as example.com')
          .transform((d) => d.toLowerCase()),
        tier: z.string().min(1).max(50).optional(),
        dealValue: z.number().int().min(0).max(2_147_483_647).optional(),
        industry: z.string().max(100).optional(),
        employeeCount: z.number().int().min(0).max(2_147_483_647).optional(),
        country: z.string().min(1).max(100).optional().describe('Country (e.g. "DE"); routing rules match it case-insensitively'),
        region: z.string().min(1).max(100).optional().describe('Sales region or territory (e.g. "EMEA")'),
        segment: z.string().min(1).max(100).optional().describe('Segment (e.g. "enterprise", "smb")'),
        timezone: z.string().min(1).max(64).optional().describe('IANA time zone of the account'),
        attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'EnrollRequest' });

export const enrollResponse = z
  .object({
    enrollmentId: z.string(),
    prospectId: z.string(),
    workflowId: z.string(),
    runId: z.string(),
  })
  .meta({ id: 'EnrollResponse' });

export const decisionRequest = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('approve'), draftVersion: z.number().int().min(1).max(2_147_483_647) }).strict(),
    z
      .object({
        action: z.literal('edit'),
        draftVersion: z.number().int().min(1).max(2_147_483_647),
        subject: z.string().min(1).max(300).optional(),
        body: z.string().min(1).max(20_000).optional(),
      })
      .strict()
      .refine((v) => v.subject !== undefined || v.body !== undefined, { message: 'an edit needs a subject or a body', path: ['body'] }),
    z
      .object({
        action: z.literal('reject'),
        draftVersion: z.number().int().min(1).max(2_147_483_647),
        mode: z.enum(['skip-step', 'end-cadence']).default('skip-step'),
        reason: z.string().max(2000).optional(),
      })
      .strict(),
  ])
  .meta({ id: 'DecisionRequest' });
export type DecisionRequest = z.infer<typeof decisionRequest>;

export const decisionResponse = z
  .object({
    approvalId: z.string(),
    action: z.enum(['approve', 'edit', 'reject']),
    step: z.number().int(),
    contentHash: z.string().nullable().describe('Hash of exactly what will be sent; null on reject'),
    duplicate: z
      .boolean()
      .describe('False for the one call that decided; true for any other call (concurrent or repeated, by anyone) that asked for the same decision'),
    decidedBy: z.string().describe('The user whose decision stands'),
    decidedAt: z.string().describe('When that decision was made (ISO 8601)'),
  })
  .meta({ id: 'DecisionResponse' });

export const approvalViewRequest = z
  .object({
    visibleMs: z
      .number()
      .int()
      .min(0)
      .max(3_600_000)
      .default(0)
      .describe('Milliseconds the item was in view since your previous report (0 on the first); capped by the time that has passed'),
  })
  .strict()
  .meta({ id: 'ApprovalViewRequest' });

export const approvalViewResponse = z
  .object({
    approvalId: z.string(),
    viewerId: z.string(),
    firstViewedAt: z.string().describe('When this reviewer first had the item in view: review time is the decision minus this'),
    visibleMs: z.number().int().describe('Time in view so far, all reports together'),
    first: z.boolean().describe('True when this report was the first view'),
  })
  .meta({ id: 'ApprovalViewResponse' });

const messageId = z
  .string()
  .min(3)
  .max(998)
  .transform((v) => (v.trim().startsWith('<') ? v.trim() : `<${v.trim()}>`));

export const inboundReplyRequest = z
  .object({
    messageId: messageId.describe('Message-ID of the inbound message; the webhook is idempotent by it'),
    from: email.describe('Sender address'),
    to: z.string().max(998).optional(),
    subject: z.string().max(998).optional(),
    text: z.string().max(200_000).default('').describe('Plain-text body (may be empty when raw is given)'),
    raw: z.string().max(10_000_000).optional().describe('The whole RFC 5322 message; when given, triage reads it (headers, MIME parts, DSNs)'),
    inReplyTo: messageId.optional(),
    references: z.array(messageId).max(100).optional(),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((v) => v.text.trim() !== '' || v.raw !== undefined, { message: 'a reply needs text or raw', path: ['text'] })
  .meta({ id: 'InboundReply' });

export const inboundReplyResponse = z
  .object({
    replyId: z.string(),
    duplicate: z.boolean(),
    matched: z.boolean(),
    matchedBy: z.enum(['in-reply-to', 'references', 'bounced-message', 'bounced-recipient', 'sender']).nullable(),
    prospectId: z.string().nullable(),
    intent: z.string().describe('What triage made of the message'),
    sentiment: z.enum(['negative', 'neutral', 'positive']),
    escalate: z.boolean(),
    returnDate: z.string().nullable(),
    effect: z.enum(['hand-over', 'unsubscribe', 'hard-bounce', 'soft-bounce', 'away', 'record-only']),
    cadenceStopped: z.boolean().describe('True when the running cadence was told'),
    cadence: z
      .object({
        status: z.string().describe("The cadence's status as it took the reply in: 'replied' for a reply it hands to the rep"),
        step: z.number().int(),
        stepStatus: z.string().nullable().describe("The step in progress: 'cancelling' when the reply stopped a send in flight"),
      })
      .nullable()
      .describe('What the cadence answered as it acted on the reply; null when none was told, or when its worker did not answer within a few seconds and the reply was queued for it instead'),
  })
  .meta({ id: 'InboundReplyResult' });

const confidenceReason = z.object({
  code: z.string(),
  effect: z.number(),
  detail: z.string(),
  span: z
    .object({ slot: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })
    .optional()
    .describe('For a finding in AI-written text: the slot and the words, by character offsets within what was written for it'),
});
const spamFinding = z
  .object({
    code: z.string().describe('trigger-phrase, too-many-links, too-many-images, all-caps, caps-subject, punctuation-run, url-shortener, missing-unsubscribe, unresolved-merge-field'),
    severity: z.enum(['warn', 'block']),
    detail: z.string().describe("Where and what, e.g. \"subject: punctuation run '!!!'\""),
    match: z.string().optional().describe('The text that triggered the finding'),
  })
  .meta({ id: 'SpamFinding' });
const threadEntry = z.object({
  direction: z.enum(['outbound', 'inbound']),
  at: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  messageId: z.string(),
});

export const approvalItem = z
  .object({
    id: z.string(),
    status: z.string(),
    step: z.number().int(),
    ownerId: z.string(),
    workflowId: z.string(),
    createdAt: z.string(),
    remindAt: z.string().nullable(),
    policyVersion: z.string(),
    draft: z.object({ version: z.number().int(), subject: z.string(), body: z.string(), contentHash: z.string() }),
    whyGated: z.array(z.object({ rule: z.string(), detail: z.string() })),
    confidence: z.number(),
    confidenceReasons: z.array(confidenceReason),
    drafter: z
      .object({
        name: z.string().describe("'template', or the provider and model ('local:gemma-3-270m-q4_k_m', 'openai:gpt-4o-mini')"),
        ai: z
          .object({ provider: z.enum(['local', 'openai']), model: z.string(), version: z.string(), slots: z.record(z.string(), z.string()).describe('What the model wrote for each AI slot') })
          .nullable()
          .describe('Set when a model wrote part of the draft: the draft is AI-written'),
      })
      .describe('Who drafted the text shown'),
    spamFindings: z
      .array(spamFinding)
      .describe('What the spam-trigger check finds in the draft; a block is never sent (approve and edit answer 422 spam-check)'),
    prospect: z.object({ id: z.string(), email: z.string(), name: z.string(), title: z.string().nullable() }),
    account: z.object({
      name: z.string(),
      domain: z.string(),
      tier: z.string(),
      dealValue: z.number(),
      industry: z.string().nullable(),
    }),
    thread: z.array(threadEntry),
  })
  .meta({ id: 'ApprovalItem' });

export const approvalQueue = z.object({ items: z.array(approvalItem), nextCursor: nextCursorField }).meta({ id: 'ApprovalQueue' });

export const approvalQueueQuery = z
  .object({
    status: z.enum(['pending', 'approved', 'edited', 'rejected', 'expired', 'cancelled']).default('pending'),
    ...pageFields,
  })
  .strict();

export const timelineEvent = z.object({
  id: z.string(),
  seq: z.number().int().nullable().describe("The event's place in the audit hash chain; null only for an event outside it, which `cadence verify-audit` reports"),
  hash: z.string().nullable().describe('sha256 over the event and the previous hash (`cadence verify-audit` recomputes it)'),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  step: z.number().int().nullable(),
  contentHash: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const timelineResponse = z
  .object({ prospectId: z.string(), events: z.array(timelineEvent), nextCursor: nextCursorField })
  .meta({ id: 'Timeline' });

export const errorResponse = z
  .object({
    error: z.string().describe('Machine-readable code'),
    message: z.string().describe('What was wrong, naming the field or resource'),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

export const idParam = z.object({ id: z.string().min(1) });

// Trigger-based enrollment, deduplication, cooldown and owner routing.

const leadProspect = enrollRequest.shape.prospect;
const leadAccount = enrollRequest.shape.account;

export const enrollmentResult = enrollResponse
  .extend({
    ownerId: z.string().describe('The owner of the cadence'),
    routedBy: z.string().nullable().describe('The routing rule that picked the owner; null when the owner was given or is the calling rep'),
  })
  .meta({ id: 'EnrollmentResult' });

export const triggerRequest = z
  .object({
    type: z.enum(['form_fill', 'content_download']).describe('What the prospect did'),
    source: z.string().min(1).max(200).optional().describe('Where it happened (a site, a landing page, a tool); matched as the attribute "source" unless attributes has one'),
    attributes: z
      .record(z.string().min(1).max(100), z.string().max(1000))
      .default({})
      .describe('What enrollment rules match on, e.g. {"formId":"pricing"} or {"asset":"state-of-sales-2026.pdf"}'),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    prospect: leadProspect,
    account: leadAccount,
    ownerId: z.string().min(1).optional().describe('The owner; routing rules pick one when absent'),
  })
  .strict()
  .meta({ id: 'TriggerRequest' });

const skipReason = z.enum(['no-rule', 'already-enrolled', 'cooldown', 'suppressed']);

export const triggerEnrolled = enrollmentResult
  .extend({ enrolled: z.literal(true), ruleId: z.string().describe('The enrollment rule that matched') })
  .meta({ id: 'TriggerEnrolled' });

export const triggerSkipped = z
  .object({
    enrolled: z.literal(false),
    reason: skipReason.describe('no-rule: no enrollment rule matches; already-enrolled: in a running cadence; cooldown: the last cadence ended too recently; suppressed: the address or its domain is on a suppression list'),
    message: z.string(),
    until: z.string().optional().describe('For cooldown: when the prospect may be enrolled again'),
    ruleId: z.string().nullable(),
    prospectId: z.string().nullable(),
    workflowId: z.string().optional(),
  })
  .meta({ id: 'TriggerSkipped' });

export const listImportLead = z
  .object({
    prospect: leadProspect,
    account: leadAccount,
    ownerId: z.string().min(1).optional().describe('The owner; defaults to the caller when the caller is a rep, otherwise routing rules pick one'),
  })
  .strict()
  .meta({ id: 'ListImportLead' });

export const listImportRequest = z
  .object({
    listName: z.string().min(1).max(200).describe('Matched by list_import enrollment rules as the attribute "listName"'),
    source: z.string().min(1).max(200).optional(),
    leads: z.array(listImportLead).min(1).max(1000).describe('Each lead is validated on its own: a bad one is reported and the others go ahead'),
  })
  .strict()
  .meta({ id: 'ListImportRequest' });

/** The request envelope as parsed: leads are validated one by one against listImportLead. */
export const listImportEnvelope = listImportRequest.extend({ leads: z.array(z.unknown()).min(1).max(1000) });

export const listImportRow = z
  .object({
    index: z.number().int().describe('0-based position in leads'),
    line: z.number().int().describe('1-based line number of the lead'),
    status: z.enum(['enrolled', 'skipped', 'failed']),
    reason: z.string().optional().describe('skipped: already-enrolled or cooldown; failed: invalid, invalid-owner, no-owner or error'),
    message: z.string().optional(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    email: z.string().optional(),
    until: z.string().optional(),
    enrollmentId: z.string().optional(),
    prospectId: z.string().optional(),
    workflowId: z.string().optional(),
    ownerId: z.string().optional(),
    routedBy: z.string().nullable().optional(),
  })
  .meta({ id: 'ListImportRow' });

export const listImportResponse = z
  .object({
    listName: z.string(),
    ruleId: z.string(),
    total: z.number().int(),
    enrolled: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    rows: z.array(listImportRow),
  })
  .meta({ id: 'ListImportResult' });

export const listImportFailure = listImportResponse.extend({ error: z.string(), message: z.string() }).meta({ id: 'ListImportFailure' });

// --- cadence controls and tasks ---

export const controlAction = z.enum(['pause', 'resume', 'skip-step', 'finish']);

export const controlParams = z.object({ id: z.string().min(1), action: controlAction });

export const controlRequest = z
  .object({ reason: z.string().max(2000).optional().describe('Why; recorded in the audit trail') })
  .strict()
  .meta({ id: 'ControlRequest' });

export const controlResponse = z
  .object({
    workflowId: z.string(),
    action: controlAction,
    status: z.string().describe("The cadence's status once the action was applied"),
    step: z.number().int(),
    duplicate: z.boolean().describe('False when this call applied the action; true when the cadence already was as asked by the last control applied (concurrent or earlier)'),
    actedBy: z.string().describe('The user whose control stands'),
    actedAt: z.string().describe('When (ISO 8601)'),
  })
  .meta({ id: 'ControlResult' });

export const taskItem = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    status: z.string(),
    step: z.number().int().nullable(),
    dueAt: z.string().nullable(),
    slaDueAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    prospectId: z.string(),
    enrollmentId: z.string().nullable(),
    notes: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    reply: z
      .object({
        id: z.string(),
        from: z.string(),
        subject: z.string().nullable(),
        body: z.string().describe('The new text of the reply: no quoted earlier messages, no signature'),
        receivedAt: z.string(),
        intent: z.string().nullable(),
        sentiment: z.string().nullable(),
        escalate: z.boolean(),
        confidence: z.number().nullable().describe("The triage's confidence in the intent, 0..1"),
        reasons: z.array(z.string()).describe('The phrases, headers and floors that decided the triage'),
      })
      .nullable()
      .describe('For a reply task: the reply and how the triage read it'),
  })
  .meta({ id: 'Task' });

export const taskListQuery = z
  .object({
    status: z.enum(['open', 'done', 'skipped', 'expired']).default('open'),
    ...pageFields,
  })
  .strict();

export const taskList = z.object({ items: z.array(taskItem), nextCursor: nextCursorField }).meta({ id: 'TaskList' });

export const taskParams = z.object({ id: z.string().min(1), action: z.enum(['complete', 'skip']) });

export const taskRequest = z
  .object({
    outcome: z.string().max(500).optional().describe('e.g. connected, voicemail, meeting booked'),
    notes: z.string().max(5000).optional(),
    meetingAt: z.iso.datetime({ offset: true }).optional().describe('For a meeting step: the time the rep confirmed with the prospect'),
  })
  .strict()
  .meta({ id: 'TaskRequest' });

export const taskResponse = z
  .object({
    taskId: z.string(),
    action: z.enum(['complete', 'skip']),
    duplicate: z.boolean().describe('False for the one call that acted; true for any other call (concurrent or repeated, by anyone) that asked the same'),
    actedBy: z.string().describe('The user whose action stands'),
    actedAt: z.string().describe('When (ISO 8601)'),
  })
  .meta({ id: 'TaskResult' });

// --- cadence definitions (cadences, their templates and A/B variants) and holidays ---

export const stepKind = z.enum(['email', 'manual_email', 'call', 'linkedin', 'meeting']);
export const delayUnit = z.enum(['minutes', 'hours', 'days', 'business_hours', 'business_days']);

const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be 'HH:MM' (00:00–23:59, or 24:00 for an end at midnight)");

export const stepDelay = z
  .object({
    amount: z.number().min(0).describe('How long after the previous touch (the first step: after enrollment); whole numbers for days and business_days'),
    unit: delayUnit.describe(
      'minutes and hours without a window are plain elapsed time (stored as delay_seconds); days (same local time N days later), business_hours and business_days are counted in business time',
    ),
  })
  .strict()
  .meta({ id: 'StepDelay' });

export const sendWindow = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('ISO weekdays on which the window opens: 1 = Monday … 7 = Sunday'),
    start: clockTime.describe("Local wall-clock time the window opens (inclusive), 'HH:MM'"),
    end: clockTime.describe("Local wall-clock time the window closes (exclusive), after start; '24:00' = midnight"),
  })
  .strict()
  .describe("When the step may go out, in the prospect's time zone (else the account's, the owner's, the default); holidays of the default calendar are skipped")
  .meta({ id: 'SendWindow' });

export const templateContent = z
  .object({
    subject: z.string().regex(/\S/, 'must not be blank').trim().min(1).max(300).describe('Merge fields: {{name}} or {{name|fallback}}; AI slots: {{ai:NAME|instruction}} or {{ai:NAME|instruction|max=WORDS}}'),
    body: z.string().min(1).max(20_000).describe('Merge fields: {{name}} or {{name|fallback}}; AI slots: {{ai:NAME|instruction}} or {{ai:NAME|instruction|max=WORDS}}'),
    instructions: z.string().regex(/\S/, 'must not be blank').trim().min(1).max(5000).optional().describe("A framework's goal, value points and tone, for every AI slot"),
    dos: z.array(z.string().regex(/\S/, 'must not be blank').trim().min(1).max(300)).max(30).optional().describe('What AI-written text must do (a "quoted phrase" or a {{field}} is checked)'),
    donts: z.array(z.string().regex(/\S/, 'must not be blank').trim().min(1).max(300)).max(30).optional().describe('What AI-written text must not do; a draft that does is gated with the reason ai-dont'),
  })
  .strict()
  .meta({ id: 'TemplateContent' });

export const stepVariantInput = z
  .object({
    variant: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be 1–20 letters, digits, _ or -, e.g. "A"').describe('The variant name, e.g. "A"'),
    template: templateContent,
  })
  .strict()
  .meta({ id: 'StepVariantInput' });

export const cadenceStepInput = z
  .object({
    kind: stepKind.describe('email: drafted and sent when the gate allows; manual_email: always approved by a rep; call, linkedin: a task; meeting: a rep confirms'),
    delay: stepDelay.optional().describe('Wait before this step; none = at once'),
    window: sendWindow.optional(),
    taskSlaMinutes: z.number().int().min(1).max(525_600).optional().describe('call, linkedin and meeting steps: minutes until an open task is escalated'),
    instructions: z.string().regex(/\S/, 'must not be blank').trim().min(1).max(5000).optional().describe('call, linkedin and meeting steps: what the rep should do, shown on the task'),
    template: templateContent.optional().describe('email and manual_email steps: the template (or give variants)'),
    variants: z.array(stepVariantInput).min(1).max(10).optional().describe('email and manual_email steps: A/B templates; each prospect gets one, always the same'),
    drafter: z
      .enum(['template', 'local', 'openai'])
      .optional()
      .describe("email and manual_email steps: who drafts the step: the approved template, the embedded model or the OpenAI-compatible server; the deployment's DRAFTER when absent"),
  })
  .strict()
  .meta({ id: 'CadenceStepInput' });

export const cadenceDefinitionRequest = z
  .object({
    name: z.string().regex(/\S/, 'must not be blank').trim().min(1).max(200),
    steps: z.array(cadenceStepInput).min(1).max(30),
  })
  .strict()
  .meta({ id: 'CadenceDefinitionRequest' });

export const cadenceIdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit')
    .describe('The cadence id; a changed definition is a new id'),
});

export const storedTemplate = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    subject: z.string(),
    body: z.string(),
    approved: z.boolean(),
    contentHash: z.string().describe('Hash of the subject and body, as recorded in the template.approved audit event'),
    instructions: z.string().nullable(),
    dos: z.array(z.string()),
    donts: z.array(z.string()),
  })
  .meta({ id: 'StoredTemplate' });

export const storedTiming = z
  .object({ delay: stepDelay, window: sendWindow.nullable() })
  .describe('Business-time delay and send window, as the workflow reads them; null for a plain delay of delaySeconds')
  .meta({ id: 'StepTiming' });

export const cadenceStepDefinition = z
  .object({
    position: z.number().int().describe('1-based'),
    kind: stepKind,
    delay: stepDelay.nullable().describe('The delay in the request form (from timing, else from delaySeconds); null = none'),
    window: sendWindow.nullable(),
    delaySeconds: z.number().int().describe('Stored plain delay, used when timing is null'),
    timing: storedTiming.nullable(),
    taskSlaMinutes: z.number().int().nullable(),
    instructions: z.string().nullable(),
    template: storedTemplate.nullable(),
    variants: z.array(z.object({ variant: z.string(), template: storedTemplate })),
    drafter: z.enum(['template', 'local', 'openai']).nullable().describe("Who drafts the step; null = the deployment's DRAFTER"),
  })
  .meta({ id: 'CadenceStep' });

export const cadenceDefinition = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    steps: z.array(cadenceStepDefinition),
  })
  .meta({ id: 'CadenceDefinition' });

export const cadenceList = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), steps: z.number().int() })), nextCursor: nextCursorField })
  .meta({ id: 'CadenceList' });

/** The query of a list with no filter of its own: cadences, mailboxes, a prospect's timeline. */
export const pageQuery = z.object(pageFields).strict();

/**
 * A real calendar date YYYY-MM-DD from the year 1000 on, as a regular expression (so the document states it):
 * 29 February only in Gregorian leap years, each month's own last day.
 */
const CALENDAR_DATE =
  /^(?:(?:[1-9]\d(?:[2468][048]|[13579][26]|0[48])|(?:[2468][048]|[13579][26])00)-02-29|[1-9]\d{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))$/;

const isoDate = z.string().regex(CALENDAR_DATE, 'must be a real calendar date YYYY-MM-DD (from the year 1000)');

const calendarName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be 1–100 letters, digits, ".", "_", ":" or "-"')
  .describe("The holiday calendar; cadences skip the holidays of 'default'");

export const holidayParams = z.object({ date: isoDate.describe('YYYY-MM-DD') });

export const holidayRequest = z
  .object({
    name: z.string().regex(/\S/, 'must not be blank').trim().min(1).max(200),
    calendar: calendarName.default('default'),
  })
  .strict()
  .meta({ id: 'HolidayRequest' });

export const holidayDeleteQuery = z.object({ calendar: calendarName.default('default') }).strict();

export const holidayListQuery = z
  .object({
    from: isoDate.optional().describe('First date, inclusive'),
    to: isoDate.optional().describe('Last date, inclusive'),
    calendar: calendarName.optional().describe('Only this calendar; all calendars when absent'),
  })
  .strict();

export const holiday = z.object({ date: z.string(), name: z.string(), calendar: z.string() }).meta({ id: 'Holiday' });

export const holidayList = z.object({ items: z.array(holiday) }).meta({ id: 'HolidayList' });

// --- suppression lists: bulk import, lookup, removal ---

const suppressionReasonEnum = z.enum(['do-not-contact', 'unsubscribed', 'bounced', 'complained', 'closed-lost', 'competitor']);
const suppressionKindEnum = z.enum(['address', 'domain']);

/** What a suppression list holds: an email address or a domain (leading and trailing spaces are trimmed). */
const SUPPRESSION_VALUE = new RegExp(`^\\s*(?:${z.regexes.email.source.slice(1, -1)}|[A-Za-z0-9.-]+\\.[A-Za-z]{2,})\\s*$`);

export const suppressionImportRow = z
  .object({
    kind: suppressionKindEnum.optional().describe('address or domain; default domain when the value has no "@", else address'),
    value: z
      .string()
      .regex(SUPPRESSION_VALUE, 'must be an email address or a domain such as example.com')
      .describe('An email address (stored normalized: lower-case, no +tag, Gmail dots ignored) or a domain such as example.com'),
    reason: suppressionReasonEnum.describe('The list the entry belongs to'),
  })
  .meta({ id: 'SuppressionImportRow' });

export const suppressionImportRequest = z
  .object({
    source: z.string().min(1).max(200).optional().describe('Where the list comes from (recorded on each new entry); default "api-import"'),
    rows: z.array(suppressionImportRow).min(1, 'no rows to import').max(10_000).describe('Each row is validated on its own: a bad one is reported with its line (index + 1), the good ones are kept'),
  })
  .meta({ id: 'SuppressionImportRequest' });

/** The envelope as parsed: rows are validated one by one by the suppressions repository. */
export const suppressionImportEnvelope = z
  .object({ source: z.string().min(1).max(200).optional(), rows: z.array(z.unknown()).max(10_000) })
  .strict();

export const suppressionImportQuery = z
  .object({ source: z.string().min(1).max(200).optional().describe('For a CSV body: where the list comes from; default "api-import"') })
  .strict();

export const suppressionRejectedRow = z
  .object({
    line: z.number().int().describe('CSV: the file line (the header is line 1); JSON: the index in rows + 1'),
    value: z.string().nullable().describe('The value as given'),
    errors: z.array(z.string()).describe('Why, each naming the field, e.g. "reason: must be one of …"'),
  })
  .meta({ id: 'SuppressionRejectedRow' });

export const suppressionImportResult = z
  .object({
    total: z.number().int().describe('Rows in the input'),
    imported: z.number().int().describe('New entries'),
    duplicates: z.number().int().describe('Valid rows already on the list (they keep their reason and source)'),
    rejected: z.array(suppressionRejectedRow),
  })
  .meta({ id: 'SuppressionImportResult' });

export const suppressionImportFailure = suppressionImportResult
  .extend({ error: z.string(), message: z.string() })
  .meta({ id: 'SuppressionImportFailure' });

export const suppressionEntry = z
  .object({ kind: suppressionKindEnum, value: z.string(), reason: suppressionReasonEnum, source: z.string(), createdAt: z.string() })
  .meta({ id: 'Suppression' });

export const suppressionLookupQuery = z
  .object({
    value: z.string().regex(/\S/, 'must not be blank').trim().min(1).max(320).optional().describe('An email address (matched by address and by its domain) or a domain; absent: page through the whole list'),
    ...pageFields,
  })
  .strict();

export const suppressionLookup = z
  .object({
    value: z.string().nullable().describe('The value looked up; null when the list was paged'),
    suppressed: z.boolean().nullable().describe('Whether the value is suppressed; null when the list was paged'),
    items: z.array(suppressionEntry).describe('With value: every entry that hits it, address entries first. Without: a page of the whole list, oldest first'),
    nextCursor: nextCursorField,
  })
  .meta({ id: 'SuppressionLookup' });

export const suppressionParams = z.object({ kind: suppressionKindEnum, value: z.string().min(1).max(320) });

// --- provider delivery events (bounces and complaints) and mailbox administration ---

/** At most this many events in one webhook delivery. */
export const MAX_DELIVERY_EVENTS = 1000;

export const deliveryEvent = z
  .object({
    id: z.string().regex(/\S/, 'must not be blank').trim().min(1).max(500).describe("The provider's event id; with the provider, what makes a redelivery a duplicate"),
    type: z.enum(['bounce', 'complaint']).describe('bounce: the message was not delivered; complaint: the recipient reported it as spam'),
    bounceType: z
      .enum(['hard', 'soft'])
      .optional()
      .describe('Required for a bounce: hard (the address does not exist: suppressed, counted in the health figure) or soft (temporary: only recorded)'),
    recipient: email.describe('The address that bounced or complained'),
    messageId: messageId.optional().describe('The Message-ID of our message, with or without <>; links the event to the send'),
    mailbox: email.optional().describe('The sending mailbox, when the provider says; without a matching Message-ID, the recipient\'s latest send from it is linked'),
    occurredAt: z.iso.datetime({ offset: true }).describe('When the provider saw the bounce or complaint'),
    details: z.record(z.string(), z.unknown()).optional().describe("The provider's own fields (diagnostic code, feedback type …), kept as given"),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.type === 'bounce' && e.bounceType === undefined) ctx.addIssue({ code: 'custom', path: ['bounceType'], message: 'is required for a bounce (hard or soft)' });
    if (e.type === 'complaint' && e.bounceType !== undefined) ctx.addIssue({ code: 'custom', path: ['bounceType'], message: 'is only for a bounce; a complaint has none' });
  })
  .meta({ id: 'DeliveryEvent' });

const providerName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be 1–100 letters, digits, ".", "_" or "-", e.g. "ses"')
  .transform((v) => v.toLowerCase())
  .describe('The mail provider (e.g. ses, sendgrid, postmark), case-insensitive; event ids are unique per provider');

export const deliveryEventsRequest = z
  .object({
    provider: providerName,
    events: z
      .array(deliveryEvent)
      .min(1)
      .max(MAX_DELIVERY_EVENTS)
      .describe('Each event is validated on its own: a bad one is reported with its index, the good ones are applied'),
  })
  .strict()
  .meta({ id: 'DeliveryEventsRequest' });

/** The envelope as parsed: events are validated one by one against deliveryEvent. */
export const deliveryEventsEnvelope = z
  .object({
    provider: providerName,
    events: z
      .array(z.unknown())
      .min(1, 'must hold at least one event')
      .max(MAX_DELIVERY_EVENTS, `at most ${MAX_DELIVERY_EVENTS} events in one delivery`),
  })
  .strict();

export const deliveryEventApplied = z
  .object({
    index: z.number().int().describe('0-based position in events'),
    id: z.string(),
    type: z.enum(['bounce', 'complaint']),
    bounceType: z.enum(['hard', 'soft']).nullable(),
    recipient: z.string(),
    matchedBy: z.enum(['message-id', 'recipient']).nullable().describe("How the send was found: by our Message-ID, else as the recipient's latest send; null: none of ours"),
    sendId: z.string().nullable(),
    mailbox: z.string().nullable().describe('The mailbox the event counts against: the send\'s, else the one the provider named'),
    prospectId: z.string().nullable(),
    suppressed: z.boolean().describe('True for a hard bounce or a complaint: the address is on the bounced or complained list (an earlier entry keeps its reason)'),
    cadenceStopped: z.boolean().describe("True when the prospect's running cadence was told to end"),
  })
  .meta({ id: 'DeliveryEventApplied' });

export const deliveryEventRejected = z
  .object({
    index: z.number().int().describe('0-based position in events'),
    id: z.string().nullable().describe("The event's id as given"),
    errors: z.array(z.string()).describe('Why, each naming the field, e.g. "bounceType: is required for a bounce (hard or soft)"'),
  })
  .meta({ id: 'DeliveryEventRejected' });

export const deliveryEventsResult = z
  .object({
    provider: z.string(),
    total: z.number().int(),
    applied: z.array(deliveryEventApplied),
    duplicates: z
      .array(z.object({ index: z.number().int(), id: z.string() }))
      .describe('Events already recorded (same provider and id): nothing changed'),
    rejected: z.array(deliveryEventRejected),
    mailboxesStopped: z
      .array(z.object({ address: z.string(), reason: z.string() }))
      .describe('Mailboxes these events stopped: a hard-bounce or complaint rate above its limit'),
  })
  .meta({ id: 'DeliveryEventsResult' });

export const deliveryEventsFailure = deliveryEventsResult.extend({ error: z.string(), message: z.string() }).meta({ id: 'DeliveryEventsFailure' });

const mailboxAddress = emailAddress('must be an email address such as dana@example.com').transform((v) => v.toLowerCase());

export const mailboxParams = z.object({ address: mailboxAddress.describe('The sending address, case-insensitive') });

const rateLimit = z
  .number()
  .gt(0, 'must be above 0: a fraction such as 0.05 for 5%')
  .max(1, 'must be at most 1: a fraction such as 0.05 for 5%');

export const mailboxWarmupInput = z
  .object({
    startDaily: z.number().int().min(1).max(100_000).describe('The daily cap on the first day'),
    dailyIncrease: z.number().int().min(0).max(100_000).describe('Added each day until the daily cap is reached'),
    startedAt: z.iso.datetime({ offset: true }).optional().describe('Day one of the ramp; default now (a new warmup starts the ramp again)'),
  })
  .strict()
  .meta({ id: 'MailboxWarmupInput' });

export const mailboxRequest = z
  .object({
    ownerId: z.string().min(1).nullable().optional().describe("The user whose cadences send from it; null: nobody's"),
    dailyCap: z.number().int().min(1).max(100_000).optional().describe('Sends in any 24 hours'),
    hourlyCap: z.number().int().min(1).max(100_000).optional().describe('Sends in any hour; at most the daily cap'),
    minGapSeconds: z.number().int().min(0).max(86_400).optional().describe('Least time between two sends'),
    jitterSeconds: z.number().int().min(0).max(86_400).optional().describe('Up to this much is added to each gap at random, so sends do not fall on a grid'),
    warmup: mailboxWarmupInput.nullable().optional().describe('A ramp from startDaily up to dailyCap; null: none (the full daily cap at once)'),
    bounceRateLimit: rateLimit.optional().describe('Hard-bounce rate above which the mailbox stops (a fraction: 0.05 = 5%)'),
    complaintRateLimit: rateLimit.optional().describe('Complaint rate above which the mailbox stops (a fraction: 0.003 = 0.3%)'),
  })
  .strict()
  .describe('Creating a mailbox needs every setting but ownerId and warmup; changing one needs only what changes (the rest is kept)')
  .meta({ id: 'MailboxRequest' });

export const mailboxResumeRequest = z
  .object({
    reason: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required: say why the mailbox may send again' : 'must be a string') })
      .regex(/\S/, 'is required: say why the mailbox may send again')
      .trim()
      .min(1, 'is required: say why the mailbox may send again')
      .max(2000)
      .describe('Why it may send again; recorded in the audit trail'),
  })
  .strict()
  .meta({ id: 'MailboxResumeRequest' });

export const mailboxHealthFigure = z
  .object({
    windowDays: z.number().int(),
    since: z.string(),
    sends: z.number().int().describe('Sends from the mailbox in the window (sent or unconfirmed)'),
    hardBounces: z.number().int(),
    complaints: z.number().int(),
    minSample: z.number().int().describe('Rates are events / max(sends, minSample), so one early bounce out of 2 sends does not read as 50%'),
    bounceRate: z.number(),
    complaintRate: z.number(),
    overLimit: z.array(z.enum(['bounce', 'complaint'])).describe('Figures above their limit now'),
  })
  .meta({ id: 'MailboxHealth' });

export const mailboxView = z
  .object({
    address: z.string(),
    ownerId: z.string().nullable(),
    status: z.enum(['active', 'stopped']).describe('stopped: every send from it is deferred (checked again hourly) until a manager resumes it'),
    stoppedReason: z.string().nullable(),
    stoppedAt: z.string().nullable(),
    stoppedBy: z.string().nullable().describe('component:mailbox-health for an automatic stop'),
    dailyCap: z.number().int(),
    hourlyCap: z.number().int(),
    minGapSeconds: z.number().int(),
    jitterSeconds: z.number().int(),
    warmup: z.object({ startedAt: z.string(), startDaily: z.number().int(), dailyIncrease: z.number().int() }).nullable(),
    bounceRateLimit: z.number(),
    complaintRateLimit: z.number(),
    usage: z
      .object({
        lastHour: z.number().int(),
        lastDay: z.number().int(),
        hourlyCap: z.number().int(),
        dailyCapNow: z.number().int().describe('The daily cap in force today (the warmup ramp)'),
        dailyCap: z.number().int(),
        scheduledAhead: z.number().int().describe('Slots reserved by deferred sends'),
        warmupDay: z.number().int().nullable(),
      })
      .describe('Use of the caps now'),
    health: mailboxHealthFigure,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Mailbox' });

export const mailboxList = z.object({ items: z.array(mailboxView), nextCursor: nextCursorField }).meta({ id: 'MailboxList' });

// --- approval theater and bottleneck (db/repositories/review-metrics.ts) ---

const WINDOW_BOUND = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+ -]\d{2}:\d{2}))?$/;

/** since/until as a Date, or null when it is not a real ISO 8601 date, or date-time with its offset. A "+" of an offset that arrived unencoded in the query string reads as a space. */
export function parseWindowBound(value: string): Date | null {
  const match = WINDOW_BOUND.exec(value);
  if (!match) return null;
  const day = new Date(`${match[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== match[1]) return null;
  const at = new Date(match[2] ? value.replace(/ (\d{2}:\d{2})$/, '+$1') : `${match[1]}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** WINDOW_BOUND as the document states it: a real calendar date, or a date-time with its offset (Z or ±HH:MM; a "+" unencoded in a query string arrives as a space). */
const WINDOW_BOUND_PATTERN = new RegExp(`^(?:${CALENDAR_DATE.source.slice(1, -1)})(?:T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+ -](?:[01]\\d|2[0-3]):[0-5]\\d))?$`);

const windowBound = (name: string) =>
  z
    .string()
    .regex(WINDOW_BOUND_PATTERN, { error: 'must be an ISO 8601 date such as 2026-11-01, or a date-time with its offset such as 2026-11-01T09:00:00Z', abort: true })
    .refine((v) => parseWindowBound(v) !== null, 'must be an ISO 8601 date such as 2026-11-01, or a date-time with its offset such as 2026-11-01T09:00:00Z')
    .describe(`${name} of the window: a date (its midnight UTC) or a date-time with its offset`);

export const reviewMetricsQuery = z
  .object({
    since: windowBound('Start (inclusive)').optional(),
    until: windowBound('End (exclusive)').optional(),
  })
  .strict()
  .describe('Without since and until: the last REVIEW_METRICS_WINDOW (30 days) up to now. At most 366 days; since must be before until.');

const reviewFlag = z
  .object({
    code: z.enum(['fast-approvals', 'unchanged-run', 'queue-age', 'escalation-breaches', 'gated-share']),
    reason: z.string().describe('In words, with the figures and the threshold'),
  })
  .meta({ id: 'ReviewFlag' });

export const reviewerMetrics = z
  .object({
    reviewerId: z.string(),
    name: z.string(),
    role: z.string(),
    decisions: z.number().int(),
    approvals: z.number().int().describe('Approved unchanged'),
    edits: z.number().int(),
    rejections: z.number().int(),
    approvalRate: z.number().describe('(approvals + edits) / decisions'),
    unchangedApprovalRate: z.number().describe('approvals / decisions'),
    medianReviewSeconds: z.number().nullable().describe("Median review time: the decision minus the reviewer's first view of the item, over viewed decisions; null when none was viewed"),
    medianSecondsPer100Words: z.number().nullable().describe('Median of review seconds per 100 words of the draft shown (subject and body), viewed decisions only'),
    medianWords: z.number(),
    notViewed: z.number().int().describe('Decisions made without a view of the item (through the API, never shown on the rep page)'),
    fastApprovals: z.number().int().describe('Unchanged approvals decided faster than a plausible read (max(words / READ_WORDS_PER_MINUTE minutes, READ_MIN_SECONDS) from the first view), or without a view'),
    fastApprovalShare: z.number().describe('fastApprovals / decisions'),
    longestUnchangedRun: z.number().int().describe('Most unchanged approvals in a row, in decision order'),
    currentUnchangedRun: z.number().int(),
    flags: z.array(reviewFlag),
  })
  .meta({ id: 'ReviewerMetrics' });

const queueFigureFields = {
  depth: z.number().int().describe('Pending approvals now'),
  ageSeconds: z.object({ p50: z.number(), p90: z.number(), max: z.number() }).nullable().describe('Ages of the pending approvals now; null when none'),
  slaBreaches: z
    .object({
      reminder: z.number().int().describe('Pending past their reminder time'),
      escalation: z.number().int().describe('Pending past their escalation time (also counted under reminder)'),
    }),
  oldest: z
    .object({ approvalId: z.string(), prospectId: z.string(), step: z.number().int(), createdAt: z.string(), ageSeconds: z.number() })
    .nullable(),
  expiredInWindow: z.number().int().describe('Approvals that expired undecided in the window'),
  flags: z.array(reviewFlag),
};

export const queueMetrics = z
  .object({ ownerId: z.string(), name: z.string(), ...queueFigureFields })
  .meta({ id: 'QueueMetrics' });

export const reviewMetricsReport = z
  .object({
    window: z.object({ since: z.string(), until: z.string() }).describe('Decisions, expiries and gate decisions in [since, until)'),
    asOf: z.string().describe('Queue figures are as of this moment, whatever the window'),
    reviewTime: z.string().describe('What review time measures here (the same as in the boundary report)'),
    thresholds: z.object({
      readWordsPerMinute: z.number(),
      readMinSeconds: z.number(),
      minDecisions: z.number().int().describe('Fewer decisions than this are never flagged'),
      fastApprovalShare: z.number(),
      unchangedRun: z.number().int(),
      queueP90AgeSeconds: z.number(),
      gatedShareHealthy: z.number(),
    }),
    reviewers: z.array(reviewerMetrics).describe('Everyone in scope who decided an approval in the window'),
    drafters: z
      .array(reviewerMetrics.omit({ reviewerId: true, name: true, role: true, flags: true, longestUnchangedRun: true, currentUnchangedRun: true }).extend({ drafter: z.string().describe("'template', or the model that drafted ('local:…', 'openai:…')") }))
      .describe("The decision figures per drafter, team-wide: AI drafts judged on their own evidence"),
    queues: z.array(queueMetrics).describe("Each rep's and manager's queue in scope, empty ones too"),
    team: z.object(queueFigureFields).describe('All the queues in scope together'),
    gating: z
      .object({
        decisions: z.number().int().describe('Gate decisions (gate.decided) in the window'),
        gated: z.number().int(),
        gatedShare: z.number().nullable().describe('gated / decisions: a healthy policy gates a minority'),
        byRule: z.array(z.object({ rule: z.string(), count: z.number().int(), share: z.number().describe('count / decisions') })),
        flags: z.array(reviewFlag),
      })
      .describe('Of the steps the gate policy decided, the share sent to a human, and why'),
    flagged: z
      .array(
        z.object({
          subject: z.enum(['reviewer', 'queue', 'team', 'gating']),
          id: z.string().nullable(),
          name: z.string().nullable(),
          code: reviewFlag.shape.code,
          reason: z.string(),
        }),
      )
      .describe('Every flag in one list'),
  })
  .meta({ id: 'ReviewMetrics' });

// --- the learning loop: boundary report, policy versions, template promotion ---

const templateRef = z.object({ id: z.string(), name: z.string(), version: z.number().int() }).meta({ id: 'TemplateRef' });
const share = z.number().nullable().describe('A fraction (0.96 = 96%); null when there is nothing to divide by');

export const reviewStats = z
  .object({
    decided: z.number().int().describe('Drafts a rep decided on (approve, edit, reject)'),
    approvedUnchanged: z.number().int(),
    edited: z.number().int(),
    rejected: z.number().int(),
    unchangedRate: share,
    editRate: share,
    rejectRate: share,
    medianEditDistance: z.number().nullable().describe('Levenshtein distance between the shown draft and the rep\'s text (subject and body), median over edits'),
    medianReviewSeconds: z.number().nullable().describe("From the decider's first view to the decision, median over the viewed decisions"),
    notViewed: z.number().int().describe('Decisions made without a view of the draft'),
    rejectReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
    gatedBy: z.array(z.object({ rule: z.string(), count: z.number().int() })).describe('The gate rules that put these drafts in front of a rep'),
  })
  .meta({ id: 'ReviewStats' });

export const sendOutcomes = z
  .object({
    sends: z.number().int().describe('Messages sent (a soft-bounce resend of the same step counts once)'),
    repliesByIntent: z.record(z.string(), z.number().int()).describe('Replies to these sends, by the triage class'),
    negativeReplies: z.number().int().describe('Not interested, or a human reply with a negative sentiment'),
    hardBounces: z.number().int(),
    unsubscribes: z.number().int().describe('An unsubscribe reply, or the one-click unsubscribe after the send'),
    complaints: z.number().int(),
    withException: z.number().int().describe('Sends with at least one of the four'),
    exceptionRate: share,
    delivered: z.number().int().describe('Sends that did not hard-bounce'),
    rates: z.object({ hardBounce: share, complaint: share, unsubscribe: share, negativeReply: share }).describe('Each outcome per send'),
  })
  .meta({ id: 'SendOutcomes' });

const outcomeRate = z.enum(['hardBounce', 'complaint', 'unsubscribe', 'negativeReply']);

const rateCheck = z
  .object({
    rate: outcomeRate,
    count: z.number().int(),
    value: share,
    limit: z.number().describe('The BOUNDARY_MAX_*_RATE limit'),
    cadenceValue: share.describe("The same rate over the other templates' sends in the same cadences; null with fewer than minSends of them"),
    cadenceSends: z.number().int(),
    over: z.enum(['limit', 'cadence']).nullable().describe("Over the limit, or over maxRatioToCadence x the cadence's rate (with at least two events); null: within both"),
  })
  .meta({ id: 'BoundaryRateCheck' });

const recommendationFields = {
  id: z.string().nullable().describe('graduate:<templateId>@<policyVersion> or gate:<templateId>@<policyVersion>; null for keep'),
  override: z.enum(['automatic', 'gated']).nullable().describe('What accepting it sets for the template'),
  summary: z.string().describe('The recommendation in words, with its figures'),
};

const drafterField = z.string().describe("Who drafted: 'template', or a model ('local:…', 'openai:…'); each drafter's figures and recommendation stand on their own, and accepting one moves the boundary for that drafter only");

export const gatedEntry = z
  .object({
    template: templateRef,
    stepKind,
    drafter: drafterField,
    sample: z.number().int().describe('Trusted decisions: viewed, not approved faster than a plausible read, not by a reviewer flagged for approval theater'),
    unchangedRate: share.describe('Approved unchanged, of the trusted decisions'),
    medianReviewSeconds: z.number().nullable().describe("Decision minus the decider's first view, median over the trusted decisions"),
    review: reviewStats.describe('What reps did with every draft, trusted or not'),
    outcomes: sendOutcomes.describe("After the template's drafts went out, approved or automatic"),
    recommendation: z.object({
      ...recommendationFields,
      action: z.enum(['graduate', 'keep']),
      evidence: z.object({
        decided: z.number().int(),
        discounted: z
          .object({
            total: z.number().int(),
            notViewed: z.number().int().describe('Decided without a view of the draft'),
            fastApproval: z.number().int().describe('Approved unchanged faster than a plausible read from the first view'),
            flaggedReviewer: z.number().int().describe('By a reviewer the review metrics flag for approval theater in the window'),
            reviewers: z.array(z.object({ reviewerId: z.string(), flags: z.array(z.string()) })),
          })
          .describe('Decisions that do not count toward graduation, and why (each counted once, in this order)'),
        sample: z.number().int(),
        minSample: z.number().int(),
        approvedUnchanged: z.number().int(),
        unchangedRate: share,
        minUnchangedRate: z.number(),
        medianReviewSeconds: z.number().nullable(),
        gatedDrafts: z.number().int().describe('Drafts of the template the gate sent to a rep in the window'),
        wouldChange: z.number().int().describe('Of those, gated only by rules graduation lifts: the decisions accepting it would have changed'),
        wouldChangeShare: share,
        minWouldChangeShare: z.number(),
        stayingRules: z.array(z.object({ rule: z.string(), count: z.number().int() })).describe('The rules that gated the others, which graduation does not lift'),
        deliveredSends: z.number().int(),
        minSends: z.number().int(),
        rates: z.array(rateCheck),
        conditions: z
          .array(z.object({ code: z.string(), met: z.boolean(), detail: z.string() }))
          .describe('Everything graduation needs, whether it holds, with the figures; a graduation is offered only when all hold'),
      }),
    }),
  })
  .meta({ id: 'BoundaryGatedEntry' });

export const automaticEntry = z
  .object({
    template: templateRef,
    stepKind,
    drafter: drafterField,
    sends: z.number().int(),
    exceptionRate: share,
    exceptions: z.object({
      negativeReplies: z.number().int(),
      hardBounces: z.number().int(),
      unsubscribes: z.number().int(),
      complaints: z.number().int(),
      total: z.number().int().describe('Sends with at least one exception'),
    }),
    outcomes: sendOutcomes,
    recommendation: z.object({
      ...recommendationFields,
      action: z.enum(['gate', 'keep']),
      evidence: z.object({
        sends: z.number().int(),
        negativeReplies: z.number().int(),
        hardBounces: z.number().int(),
        unsubscribes: z.number().int(),
        complaints: z.number().int(),
        withException: z.number().int(),
        exceptionRate: share,
        rates: z.array(rateCheck).describe('Back behind a gate when any rate is over'),
      }),
    }),
  })
  .meta({ id: 'BoundaryAutomaticEntry' });

export const boundaryReport = z
  .object({
    generatedAt: z.string(),
    window: z.object({ from: z.string(), to: z.string(), days: z.number() }),
    policyVersion: z.string().describe('The gate policy in force, which the recommendations are made against'),
    templateOverrides: z.record(z.string(), z.enum(['automatic', 'gated'])).describe('Per template id, from accepted recommendations'),
    reviewTime: z.string().describe('What review time measures (the same as in the review metrics)'),
    thresholds: z.object({
      minSample: z.number().int().describe('BOUNDARY_MIN_SAMPLE trusted decisions'),
      unchangedRate: z.number().describe('BOUNDARY_UNCHANGED_RATE'),
      minWouldChangeShare: z.number().describe('BOUNDARY_MIN_WOULD_CHANGE_SHARE of the gated drafts gated only by rules graduation lifts'),
      minSends: z.number().int().describe('BOUNDARY_MIN_SENDS delivered sends'),
      maxRates: z.object({ hardBounce: z.number(), complaint: z.number(), unsubscribe: z.number(), negativeReply: z.number() }).describe('BOUNDARY_MAX_*_RATE, per send'),
      maxRatioToCadence: z.number().describe("BOUNDARY_MAX_RATIO_TO_CADENCE: a rate above this multiple of the cadence's other templates' is too high"),
      review: z
        .object({ readWordsPerMinute: z.number(), readMinSeconds: z.number(), minDecisions: z.number().int(), fastApprovalShare: z.number(), unchangedRun: z.number().int() })
        .describe("What discounts a decision: the review metrics' reading speed and theater thresholds"),
    }),
    gated: z.array(gatedEntry).describe('Templates whose drafts reps reviewed, per step kind'),
    automatic: z.array(automaticEntry).describe('Templates whose steps went out without a rep, per step kind'),
    recommendations: z.array(z.string()).describe('The ids of every graduate and gate recommendation'),
    summary: z.string().describe('"2 templates ready to graduate, 1 to put back behind a gate"'),
  })
  .meta({ id: 'BoundaryReport' });

export const acceptRecommendationRequest = z
  .object({
    recommendationId: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required: the id of a recommendation in the current boundary report' : 'must be a string') })
      .regex(/^(graduate|gate):[^@\s]+@[^@\s]+$/, 'must be a recommendation id from the boundary report, such as graduate:<templateId>@<policyVersion>'),
  })
  .strict()
  .meta({ id: 'AcceptRecommendationRequest' });

export const policyVersionView = z
  .object({
    version: z.string().describe('v1, v2, …; decides every gate from the next step of each running cadence on'),
    basedOn: z.string().nullable().describe('The version it replaced (config:<fingerprint> for the configuration)'),
    createdBy: z.string().describe('user:<id> of who accepted it'),
    createdAt: z.string(),
    templateOverrides: z.record(z.string(), z.enum(['automatic', 'gated'])),
    change: z.record(z.string(), z.unknown()).describe('What changed, and the accepted recommendation with its evidence'),
  })
  .meta({ id: 'PolicyVersion' });

export const promoteTemplateRequest = z
  .object({
    draftId: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required: the id of a draft a rep edited' : 'must be a string') })
      .min(1, 'is required: the id of a draft a rep edited'),
  })
  .strict()
  .meta({ id: 'PromoteTemplateRequest' });

export const promotedTemplate = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    subject: z.string(),
    body: z.string(),
    approved: z.boolean(),
    createdAt: z.string(),
    promotedFrom: z.object({ templateId: z.string(), version: z.number().int(), draftId: z.string(), author: z.string() }),
    mergeFieldsRestored: z
      .array(z.object({ field: z.string(), value: z.string(), occurrences: z.number().int() }))
      .describe("The prospect's own values in the rep's text turned back into the template's merge fields"),
    repointed: z.object({
      steps: z.array(z.object({ cadenceId: z.string(), position: z.number().int() })),
      variants: z.array(z.object({ cadenceId: z.string(), position: z.number().int(), variant: z.string() })),
    }),
  })
  .meta({ id: 'PromotedTemplate' });

export const acceptRecommendationResponse = z
  .object({
    policy: policyVersionView.describe('The new policy version, in force from the next step of every running cadence'),
    accepted: z.object({
      id: z.string(),
      action: z.enum(['graduate', 'gate']),
      override: z.enum(['automatic', 'gated']),
      summary: z.string(),
      evidence: z.record(z.string(), z.unknown()),
      template: templateRef,
      stepKind,
    }),
    duplicate: z.boolean().describe('False for the call that made the version (201); true when the recommendation had already been accepted (200), by acceptedBy'),
    acceptedBy: z.string().describe('The user whose acceptance made the version'),
    acceptedAt: z.string().describe('When (ISO 8601)'),
  })
  .meta({ id: 'AcceptRecommendationResponse' });

// --- webhook subscriptions: the signed CRM activity feed (activities/crm-feed) ---

const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const PORT = '(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?';
/**
 * A receiver's URL: https to a host name (the last label starts with a letter, so it is never read as an IPv4
 * address), or http to a loopback host for a receiver on this machine; a port, a path, a query.
 */
const WEBHOOK_URL = new RegExp(
  `^(?:https://(?:${HOST_LABEL}\\.)*[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?|http://(?:localhost|127\\.0\\.0\\.1|\\[::1\\]))${PORT}(?:[/?#]\\S*)?$`,
);

export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES).describe('An outbound event type');

export const webhookSubscriptionRequest = z
  .object({
    url: z
      .string()
      .max(2048)
      .regex(WEBHOOK_URL, 'must be an https URL (http only to localhost, 127.0.0.1 or [::1])')
      .describe('Where events are POSTed: https, or http only to a loopback host (localhost, 127.0.0.1, [::1]) for a local receiver'),
    events: z
      .array(z.union([webhookEventType, z.literal('*')]))
      .min(1)
      .max(WEBHOOK_EVENT_TYPES.length + 1)
      .describe('The event types to receive, or ["*"] for all'),
    description: z.string().max(500).optional().describe('What the subscription is for'),
  })
  .strict()
  .meta({ id: 'WebhookSubscriptionRequest' });

export const webhookSubscriptionView = z
  .object({
    id: z.string(),
    kind: z
      .enum(['webhook', 'hubspot', 'salesforce'])
      .describe('webhook: signed POSTs to url; hubspot, salesforce: the CRM adapter a worker runs from its settings (url is the CRM API)'),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    status: z.enum(['active', 'paused']).describe('paused: deliveries failed past the limit; nothing more is sent'),
    pausedReason: z.string().nullable(),
    pausedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict()
  .meta({ id: 'WebhookSubscription' });

export const webhookSubscriptionCreated = webhookSubscriptionView
  .extend({
    secret: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/)
      .describe('The Standard Webhooks signing secret (whsec_ + base64). Shown only in this answer: store it now'),
  })
  .strict()
  .meta({ id: 'WebhookSubscriptionCreated' });

export const webhookSubscriptionList = z.object({ items: z.array(webhookSubscriptionView), nextCursor: nextCursorField }).meta({ id: 'WebhookSubscriptionList' });

export const webhookSubscriptionParams = z.object({ id: z.string().min(1).max(200) });

export const webhookReplayRequest = z
  .object({
    from: z.iso
      .datetime({ offset: true })
      .describe('Replay every event from the first audit event at or after this time (chain order), including events from before the subscription existed'),
  })
  .strict()
  .meta({ id: 'WebhookReplayRequest' });

export const webhookReplayAccepted = z
  .object({
    subscription: webhookSubscriptionView,
    from: z.string(),
    fromAuditSeq: z.string().regex(/^\d+$/).describe('The first audit seq the feed reads again (decimal)'),
    requeued: z.number().int().min(0).describe('Deliveries already made from that point that will be made again, under the same webhook-id'),
    feed: z.enum(['replaying', 'waiting-for-resume']).describe('waiting-for-resume: the subscription is paused; the replay starts when it is resumed'),
  })
  .strict()
  .meta({ id: 'WebhookReplayAccepted' });
