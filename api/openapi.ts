import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { addOpenApiLinks } from './openapi-links';
import { documentRefinements } from './openapi-refinements';
import { documentRateLimits } from './rate-limit';
import * as s from './schemas';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
/** A request body the operation cannot do without (an absent one is 400, naming the fields it lacks). */
const requiredJson = (schema: z.ZodType) => ({ required: true, ...json(schema) });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, { description: errorDescriptions[status]!, ...json(s.errorResponse) }]));
const errorDescriptions: Record<number, string> = {
  400: 'Malformed request; the message names the bad field',
  401: 'Missing or unknown bearer token',
  403: "The token's role or owner may not do this",
  404: 'No such resource',
  409: 'Conflicts with the current state (already enrolled, in the cooldown after a cadence, stale draft version, already decided)',
  422: 'Understood but not doable as configured (no routing rule yields an owner, no enrollment rule matches the list, the prospect is suppressed)',
};

/** The OpenAPI document, generated from the same zod schemas the routes validate with. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const security = [{ bearer: [] }];

  registry.registerPath({
    method: 'post',
    path: '/v1/enrollments',
    summary: 'Enroll a prospect in a cadence',
    description:
      'Upserts the account and prospect (deduplicated by normalized email), then starts one cadence workflow per prospect. ' +
      'The owner is ownerId, else the calling rep, else the routing rules. 409 already-enrolled for a running cadence, ' +
      '409 cooldown (with until) when the last cadence ended less than 30 days ago, 422 no-owner when routing finds nobody, ' +
      '422 suppressed (naming the list, reason and kind) when the address or its whole domain is on a suppression list.',
    security,
    request: { body: requiredJson(s.enrollRequest) },
    responses: { 201: { description: 'Enrolled', ...json(s.enrollmentResult) }, ...errors(400, 401, 403, 404, 409, 422) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/triggers',
    summary: 'Report a form fill or content download (integrations); a matching enrollment rule enrolls the prospect',
    description:
      'The first active enrollment rule for the type whose match accepts the attributes picks the cadence and the cooldown. ' +
      'A prospect already in a cadence, or inside the cooldown after one, is skipped (200 enrolled: false), not enrolled twice; so is a trigger no rule matches. ' +
      'Every skip is recorded in the audit trail.',
    security,
    request: { body: requiredJson(s.triggerRequest) },
    responses: {
      201: { description: 'Enrolled', ...json(s.triggerEnrolled) },
      200: { description: 'Not enrolled: no rule, already enrolled or cooldown', ...json(s.triggerSkipped) },
      ...errors(400, 401, 403, 404, 422),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/triggers/list-import',
    summary: 'Import a list of leads; each one is validated and enrolled on its own',
    description:
      'Needs an active list_import enrollment rule matching listName (else 422 no-rule). Every lead gets an outcome with its 0-based index and 1-based line: ' +
      'enrolled, skipped (already-enrolled, cooldown) or failed (invalid, with the zod issues naming the field; invalid-owner; no-owner). A bad lead never stops the others.',
    security,
    request: { body: requiredJson(s.listImportRequest) },
    responses: {
      200: { description: 'One outcome per lead', ...json(s.listImportResponse) },
      400: { description: 'Malformed envelope (invalid-request, naming the field), or no valid lead (no-valid-leads, with the per-lead report)', ...json(z.union([s.listImportFailure, s.errorResponse])) },
      ...errors(401, 403, 422),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/approvals',
    summary: "The caller's approval queue, each item with its full context",
    security,
    request: { query: s.approvalQueueQuery },
    responses: { 200: { description: 'Queue', ...json(s.approvalQueue) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/approvals/{id}/decision',
    summary: 'Approve, edit and approve, or reject a gated draft',
    description:
      'Bound to the draft version the rep saw; a stale version is refused with 409. Approve and edit are refused with 409 suppressed when the prospect ' +
      '(its address or whole domain) has been suppressed since the draft was queued: nothing is sent, and reject is still allowed.',
    security,
    request: { params: s.idParam, body: requiredJson(s.decisionRequest) },
    responses: { 200: { description: 'Decision accepted', ...json(s.decisionResponse) }, ...errors(400, 401, 403, 404, 409, 422) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/approvals/{id}/views',
    summary: 'Report that the caller has a pending approval in view (the rep page does, as the card shows and while it stays)',
    description:
      'The first report is the reviewer\'s first view (201, audited as approval.viewed); later ones add the time in view since the previous report (200), ' +
      'capped by the time that has passed. Review time in the review metrics and the boundary report is the decision minus the decider\'s first view; ' +
      'a decision without one is "not viewed". Whoever may decide the approval may report viewing it; 409 not-pending once it is decided or expired.',
    security,
    request: { params: s.idParam, body: json(s.approvalViewRequest) },
    responses: {
      201: { description: 'First view recorded', ...json(s.approvalViewResponse) },
      200: { description: 'Time in view added', ...json(s.approvalViewResponse) },
      ...errors(400, 401, 403, 404, 409),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/webhooks/inbound-reply',
    summary: 'Deliver an inbound reply (integrations)',
    description: "Matched by In-Reply-To/References, else by sender; recorded before the cadence is signalled; idempotent by Message-ID.",
    security,
    request: { body: requiredJson(s.inboundReplyRequest) },
    responses: {
      202: { description: 'Recorded', ...json(s.inboundReplyResponse) },
      200: { description: 'Already recorded (duplicate delivery)', ...json(s.inboundReplyResponse) },
      ...errors(400, 401, 403),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/prospects/{id}/timeline',
    summary: "A prospect's story from the audit trail, in chain order (paginated)",
    security,
    request: { params: s.idParam, query: s.pageQuery },
    responses: { 200: { description: 'Timeline', ...json(s.timelineResponse) }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/prospects/{id}/cadence/{action}',
    summary: "Pause, resume, skip the current step of, or finish a prospect's running cadence",
    description:
      'A pause holds sends at the data layer at once. Resume also releases a pause made by an out-of-office, by a reply from another contact at the account, or hands a replied cadence back to automation.',
    security,
    request: { params: s.controlParams, body: json(s.controlRequest) },
    responses: { 200: { description: 'Applied', ...json(s.controlResponse) }, ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/tasks',
    summary: "The caller's tasks: calls, LinkedIn touches, meetings to confirm, replies to answer",
    security,
    request: { query: s.taskListQuery },
    responses: { 200: { description: 'Tasks', ...json(s.taskList) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/tasks/{id}/{action}',
    summary: 'Complete or skip a task; a meeting step is completed only with the confirmed meeting time',
    security,
    request: { params: s.taskParams, body: json(s.taskRequest) },
    responses: { 200: { description: 'Recorded', ...json(s.taskResponse) }, ...errors(400, 401, 403, 404, 409) },
  });

  // --- cadence definitions and holidays ---
  const definitionConflict = {
    409: {
      description: 'A cadence with this id exists with a different definition (cadence-exists, naming where it differs); definitions are immutable, a change is a new id',
      ...json(s.errorResponse),
    },
  };
  registry.registerPath({
    method: 'get',
    path: '/v1/cadences',
    summary: 'The cadence definitions: ids, names and step counts, oldest first (paginated)',
    security,
    request: { query: s.pageQuery },
    responses: { 200: { description: 'Cadences', ...json(s.cadenceList) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cadences/{id}',
    summary: 'A cadence definition as stored and run: steps with their timing, templates and A/B variants',
    security,
    request: { params: s.idParam },
    responses: { 200: { description: 'Definition', ...json(s.cadenceDefinition) }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/cadences/{id}',
    summary: 'Define a cadence (managers, admins): its steps, timing, templates and A/B variants, in one transaction',
    description:
      'email and manual_email steps need a template or variants; call, linkedin and meeting steps take none, and only they take taskSlaMinutes and instructions. ' +
      'At most 30 steps. The timing is checked as the workflow will run it, and merge fields must be {{name}} or {{name|fallback}}; a 400 names the field (e.g. body.steps.1.window.end). ' +
      'Each template is stored as version 1, approved: defining it is the approval, recorded as a template.approved audit event with the actor and the content hash; the cadence gets a cadence.defined event. ' +
      'Idempotent: the same definition again is 200 with the stored one. Definitions are immutable once created (running cadences and their history refer to them): a different definition for an existing id is 409 cadence-exists.',
    security,
    request: { params: s.cadenceIdParam, body: requiredJson(s.cadenceDefinitionRequest) },
    responses: {
      201: { description: 'Defined', ...json(s.cadenceDefinition) },
      200: { description: 'Already defined exactly so', ...json(s.cadenceDefinition) },
      ...errors(400, 401, 403),
      ...definitionConflict,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/holidays',
    summary: 'Holidays, oldest first; cadences skip those of the calendar "default"',
    security,
    request: { query: s.holidayListQuery },
    responses: { 200: { description: 'Holidays', ...json(s.holidayList) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/holidays/{date}',
    summary: 'Add (201) or rename (200) a holiday (managers, admins); recorded as holiday.added or holiday.renamed',
    description: 'Cadences read the holidays of the calendar "default" (about a year ahead) when they start, and again when a long one continues as new.',
    security,
    request: { params: s.holidayParams, body: requiredJson(s.holidayRequest) },
    responses: {
      201: { description: 'Added', ...json(s.holiday) },
      200: { description: 'Already there (renamed when the name differed)', ...json(s.holiday) },
      ...errors(400, 401, 403),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/holidays/{date}',
    summary: 'Remove a holiday (managers, admins); recorded as holiday.removed',
    security,
    request: { params: s.holidayParams, query: s.holidayDeleteQuery },
    responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) },
  });

  // --- suppression lists ---
  registry.registerPath({
    method: 'post',
    path: '/v1/suppressions/import',
    summary: 'Import suppression entries (managers, admins, integrations): JSON rows or a CSV file, validated row by row',
    description:
      'A CSV body (Content-Type text/csv) has a header line naming the columns value, reason and optionally kind, in any order; quoted fields may hold commas. ' +
      'kind defaults to domain when the value has no "@", else address; addresses are stored normalized (lower-case, no +tag, Gmail dots ignored), domains lower-cased. ' +
      'At most 10 000 rows. A bad row is reported with its line (CSV: the file line, the header is line 1; JSON: index + 1) and errors naming the field; ' +
      'the good rows are kept. An entry already on the list keeps its reason and source (counted as a duplicate). ' +
      'The import is recorded as one suppressions.imported audit event (actor, counts, source). A body without one valid row is 400 no-valid-rows with the same per-row report.',
    security,
    request: {
      query: s.suppressionImportQuery,
      body: { required: true, content: { 'application/json': { schema: s.suppressionImportRequest }, 'text/csv': { schema: z.string() } } },
    },
    responses: {
      200: { description: 'Imported; bad rows reported', ...json(s.suppressionImportResult) },
      400: { description: 'Malformed body (invalid-request, naming the field), or no valid row (no-valid-rows, with the per-row report)', ...json(z.union([s.suppressionImportFailure, s.errorResponse])) },
      ...errors(401, 403),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/suppressions',
    summary: 'Look up whether an address (by address and by its domain) or a domain is suppressed',
    security,
    request: { query: s.suppressionLookupQuery },
    responses: { 200: { description: 'The matching entries', ...json(s.suppressionLookup) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/suppressions/{kind}/{value}',
    summary: 'Remove one suppression entry (admins); recorded as suppression.removed',
    security,
    request: { params: s.suppressionParams },
    responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) },
  });

  // --- webhook subscriptions: the signed CRM activity feed ---
  registry.registerPath({
    method: 'post',
    path: '/v1/webhook-subscriptions',
    summary: 'Subscribe a URL to the signed activity feed (admins); the secret is shown only in this answer',
    description:
      'Events (enrollment.started, email.sent, reply.received, approval.decided, task.created, task.completed, meeting.confirmed, cadence.paused, ' +
      'cadence.resumed, cadence.finished, prospect.unsubscribed, email.bounced) from this moment on are POSTed as JSON {type, timestamp, data}, ' +
      'signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), in audit order, retried with backoff under the same webhook-id. ' +
      'The URL must be https, or http to a loopback host.',
    security,
    request: { body: requiredJson(s.webhookSubscriptionRequest) },
    responses: { 201: { description: 'Subscribed; the feed starts', ...json(s.webhookSubscriptionCreated) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/webhook-subscriptions',
    summary: 'List webhook subscriptions (admins), oldest first, without their secrets',
    security,
    request: { query: s.pageQuery },
    responses: { 200: { description: 'One page of subscriptions', ...json(s.webhookSubscriptionList) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/webhook-subscriptions/{id}',
    summary: 'Delete a webhook subscription (admins): its feed stops and its delivery records go',
    security,
    request: { params: s.webhookSubscriptionParams },
    responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/webhook-subscriptions/{id}/resume',
    summary: 'Resume a paused webhook subscription (admins): its feed starts again from the first event not yet delivered',
    description: 'Clears the failure count and the pause reason, audited as webhook-subscription.resumed. Resuming an active subscription changes nothing and answers it as it is.',
    security,
    request: { params: s.webhookSubscriptionParams },
    responses: { 200: { description: 'The subscription, active', ...json(s.webhookSubscriptionView) }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/webhook-subscriptions/{id}/replay',
    summary: 'Replay a subscription\'s backlog from a point in time (admins)',
    description:
      'Every event from the first audit event at or after `from` is delivered again, in audit order, each under its own webhook-id (the same as before: ' +
      'a receiver that dedupes keeps one copy). A point before the subscription was made sends those older events too. Audited as webhook-subscription.replayed. ' +
      'A paused subscription keeps the replay until it is resumed.',
    security,
    request: { params: s.webhookSubscriptionParams, body: requiredJson(s.webhookReplayRequest) },
    responses: { 202: { description: 'The replay is under way (or waits for a resume)', ...json(s.webhookReplayAccepted) }, ...errors(400, 401, 403, 404) },
  });

  // --- one-click unsubscribe (RFC 8058): reached from the List-Unsubscribe header and the footer link, no login ---
  const unsubscribeToken = z.object({
    token: z.string().describe('The opaque signed token from the link: it names the recipient and the enrollment, and is the only credential'),
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document (OpenAPI 3.1); no token needed',
    security: [],
    responses: { 200: { description: 'The OpenAPI document', ...json(z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }).loose()) } },
  });
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness of the API process; no token needed',
    security: [],
    responses: { 200: { description: 'The process answers', ...json(z.object({ ok: z.literal(true) })) } },
  });
  const unsubscribeHeaders = 'Answers carry Cache-Control: no-store and Referrer-Policy: no-referrer, and never set a cookie or redirect.';
  registry.registerPath({
    method: 'get',
    path: '/u/{token}',
    summary: 'The unsubscribe confirmation page (HTML with a button); it does not unsubscribe by itself, because link scanners fetch links',
    description: `The button POSTs List-Unsubscribe=One-Click to the same URL. ${unsubscribeHeaders}`,
    security: [],
    request: { params: unsubscribeToken },
    responses: {
      200: { description: 'The confirmation page, or "you are unsubscribed" when the address already is', content: { 'text/html': { schema: z.string() } } },
      400: { description: 'A forged, altered or unknown token (nothing more is said)', content: { 'text/html': { schema: z.string() } } },
      503: { description: 'The API has no UNSUBSCRIBE_SECRET to verify links with', content: { 'text/html': { schema: z.string() } } },
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/u/{token}',
    summary: "One-click unsubscribe: suppresses the recipient's address at once and ends the cadence as unsubscribed",
    description:
      'The body mail providers send (RFC 8058): List-Unsubscribe=One-Click, url-encoded or multipart; the confirmation page posts the same, and an empty body is accepted. ' +
      'The address is suppressed (reason unsubscribed, source one-click) before the answer, recorded as a prospect.unsubscribed audit event, and the cadence is told as if the prospect had replied asking to unsubscribe. ' +
      `Idempotent: a repeat is 200 and changes nothing. ${unsubscribeHeaders}`,
    security: [],
    request: {
      params: unsubscribeToken,
      body: {
        required: false,
        content: { 'application/x-www-form-urlencoded': { schema: z.object({ 'List-Unsubscribe': z.literal('One-Click').optional() }) } },
      },
    },
    responses: {
      200: { description: 'Unsubscribed (a short plain-text confirmation)', content: { 'text/plain': { schema: z.string() } } },
      400: { description: 'invalid-token: a forged, altered or unknown token, nothing suppressed; or a List-Unsubscribe value other than One-Click', ...json(s.errorResponse) },
      503: { description: 'unsubscribe-unavailable: the API has no UNSUBSCRIBE_SECRET to verify links with', ...json(s.errorResponse) },
    },
  });

  // --- provider delivery events and mailbox administration ---
  registry.registerPath({
    method: 'post',
    path: '/v1/webhooks/delivery-events',
    summary: "Deliver the mail provider's bounces and complaints (integrations, admins), validated event by event",
    description:
      `At most ${s.MAX_DELIVERY_EVENTS} events. Idempotent by (provider, id): a redelivered event changes nothing and is listed under duplicates. ` +
      "Each event is linked to our send by its Message-ID, else to the recipient's latest send (from the named mailbox, when one is named), and recorded with its effects in one transaction before any cadence is told: " +
      'a hard bounce marks the send bounced, suppresses the address (reason bounced) and ends the prospect\'s running cadence as bounced; ' +
      'a complaint marks the send complained, suppresses the address (reason complained) and ends the cadence as unsubscribed; a soft bounce is only recorded. ' +
      'Each is audited (delivery.bounced, delivery.complained). Hard bounces and complaints count toward the mailbox\'s health figure: a mailbox whose hard-bounce or complaint rate ' +
      'over the last 30 days is then above its limit stops sending (mailbox.stopped, listed under mailboxesStopped) and the owner\'s manager and every admin are alerted once. ' +
      'A bad event is reported with its 0-based index and errors naming the field; the good ones are applied. A batch without one valid event is 400 no-valid-events with the same report.',
    security,
    request: { body: requiredJson(s.deliveryEventsRequest) },
    responses: {
      200: { description: 'Every event applied or already recorded', ...json(s.deliveryEventsResult) },
      207: { description: 'Some events rejected (see rejected); the others applied', ...json(s.deliveryEventsResult) },
      400: { description: 'Malformed envelope (invalid-request, naming the field), or no valid event (no-valid-events, with the per-event report)', ...json(z.union([s.deliveryEventsFailure, s.errorResponse])) },
      ...errors(401, 403),
      503: {
        description: 'temporal-unavailable: the events are recorded and the addresses suppressed, but a cadence could not be told to end; deliver the batch again',
        ...json(s.errorResponse),
      },
    },
  });
  const mailboxParams = s.mailboxParams;
  registry.registerPath({
    method: 'get',
    path: '/v1/mailboxes',
    summary: 'Every sending mailbox (managers, admins): settings, status, use of its caps and health figure',
    description:
      'The health figure is over the sends of the last 30 days that reached the provider (sent or unconfirmed): hard bounces / max(sends, 20) and complaints / max(sends, 20). ' +
      'The floor of 20 keeps one early bounce out of 2 sends from reading as 50%.',
    security,
    request: { query: s.pageQuery },
    responses: { 200: { description: 'Mailboxes, by address (paginated)', ...json(s.mailboxList) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/mailboxes/{address}',
    summary: 'One mailbox (managers, admins)',
    security,
    request: { params: mailboxParams },
    responses: { 200: { description: 'Mailbox', ...json(s.mailboxView) }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/mailboxes/{address}',
    summary: 'Create a mailbox (201) or change its settings (200) (admins): caps, gap, jitter, warmup, health limits, owner',
    description:
      'Creating needs every setting but ownerId and warmup; a change needs only what changes, the rest is kept. hourlyCap must be at most dailyCap and warmup.startDaily at most dailyCap ' +
      '(a 400 names both, saying which one is the current value). Recorded as mailbox.created or mailbox.changed with what changed. ' +
      'A changed health limit re-evaluates the figure at once: a limit below the current rate stops the mailbox. A mailbox the sender first meets is created with the configured defaults.',
    security,
    request: { params: mailboxParams, body: requiredJson(s.mailboxRequest) },
    responses: {
      201: { description: 'Created', ...json(s.mailboxView) },
      200: { description: 'Changed (or already so)', ...json(s.mailboxView) },
      ...errors(400, 401, 403),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/mailboxes/{address}/resume',
    summary: 'Let a stopped mailbox send again (managers, admins); recorded as mailbox.resumed with who and why',
    description:
      'Sends deferred by the stop go at their next check (within the hour). Resuming does not reset the health figure: ' +
      'while it is above a limit, the next hard bounce or complaint stops the mailbox again. 409 not-stopped for an active mailbox.',
    security,
    request: { params: mailboxParams, body: requiredJson(s.mailboxResumeRequest) },
    responses: { 200: { description: 'Active again', ...json(s.mailboxView) }, ...errors(400, 401, 403, 404, 409) },
  });

  // --- approval theater and bottleneck ---
  registry.registerPath({
    method: 'get',
    path: '/v1/review-metrics',
    summary: "Approval theater and bottleneck (managers: their own and their reps' figures; admins: everyone's), with flags",
    description:
      'Per reviewer (who decided), over the decisions in [since, until): decisions, approval rate, unchanged-approval rate, median review time ' +
      "(the decision time minus the request's creation) and per 100 words of the draft shown, fast approvals (unchanged approvals decided faster than " +
      'max(words / READ_WORDS_PER_MINUTE minutes, READ_MIN_SECONDS)) and the longest and current run of unchanged approvals. ' +
      'Per queue (every rep and manager in scope) and for all of them together, now: depth, age p50/p90/max, pending past the reminder and the escalation time, the oldest item. ' +
      'The gated share of the gate decisions in the window, by rule. A reviewer with at least THEATER_MIN_DECISIONS decisions is flagged when fast approvals are at least ' +
      'THEATER_FAST_APPROVAL_SHARE of them or THEATER_UNCHANGED_RUN unchanged approvals came in a row; a queue when its p90 age is above QUEUE_P90_AGE or an approval is past its escalation; ' +
      'the policy when more than GATED_SHARE_HEALTHY of at least THEATER_MIN_DECISIONS gate decisions were gated. Each flag says why in words.',
    security,
    request: { query: s.reviewMetricsQuery },
    responses: { 200: { description: 'Figures and flags', ...json(s.reviewMetricsReport) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'The same figures for everyone in the Prometheus text format, over the last REVIEW_METRICS_WINDOW (admins, integrations)',
    description:
      'Computed from the database at each scrape. Give Prometheus a token of an admin or integration user: ' +
      'in scrape_configs, authorization: { type: Bearer, credentials_file: /etc/prometheus/cadence-token }. ' +
      'Series: cadence_reviewer_{decisions, approval_ratio, unchanged_approval_ratio, median_review_seconds, median_review_seconds_per_100_words, fast_approvals, fast_approvals_ratio, unchanged_run, longest_unchanged_run}{reviewer}, ' +
      'cadence_reviewer_flagged{reviewer, reason}, cadence_queue_depth{owner}, cadence_queue_age_seconds{owner, quantile}, cadence_queue_sla_breaches{owner, stage}, cadence_queue_flagged{owner}, ' +
      'the same for all queues as cadence_team_queue_*, cadence_gate_decisions, cadence_gated_share, cadence_gated_by_rule{rule}, cadence_gated_share_flagged.',
    security,
    responses: {
      200: { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: z.string() } } },
      ...errors(401, 403),
    },
  });

  // --- the learning loop: boundary report, policy versions, template promotion ---
  registry.registerPath({
    method: 'get',
    path: '/v1/boundary-report',
    summary: 'Where the line between gated and automatic should move, with the evidence (managers, admins)',
    description:
      'Over the last BOUNDARY_WINDOW, per template version, step kind and drafter. Gated: the decisions reps made on its drafts (sample, unchanged-approval, edit and reject rates, ' +
      'median edit distance and review time from first view, reject reasons, outcomes after sending). Recommended to graduate only when every condition in evidence.conditions holds: ' +
      'at least BOUNDARY_MIN_SAMPLE trusted decisions (not-viewed, fast approvals and decisions by a reviewer flagged for theater are discounted, counted in evidence.discounted) ' +
      'of which at least BOUNDARY_UNCHANGED_RATE approved unchanged; at least BOUNDARY_MIN_WOULD_CHANGE_SHARE of its gated drafts gated only by rules graduating lifts; ' +
      'at least BOUNDARY_MIN_SENDS delivered sends with each outcome rate within its limit and the ratio to the cadence\'s other templates. Automatic: the sends the gate let through ' +
      'and their outcome rates; recommended back behind a gate when one is over its limit or ratio. Every threshold is in thresholds. Each recommendation has an id bound to the policy version it is made against.',
    security,
    responses: { 200: { description: 'The report', ...json(s.boundaryReport) }, ...errors(401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/boundary-report/accept',
    summary: 'Accept a recommendation of the current boundary report: a new gate policy version (managers, admins)',
    description:
      'The new version (v1, v2 …) carries the template override (graduate: automatic; gate: gated) and is recorded with who accepted it and the evidence (policy.changed). ' +
      "Every running cadence applies it from its next step; each step's gate.decided audit names the version that decided it. " +
      '409 recommendation-not-current when the report no longer has that recommendation (already accepted, the policy changed since, or the evidence moved), with the current ids.',
    security,
    request: { body: requiredJson(s.acceptRecommendationRequest) },
    responses: {
      201: { description: 'The new policy version', ...json(s.acceptRecommendationResponse) },
      200: { description: 'Already accepted (duplicate: true): the version that acceptance made, with who accepted it and when', ...json(s.acceptRecommendationResponse) },
      ...errors(400, 401, 403, 409),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/templates/{id}/promote',
    summary: "Promote a rep's edited text to the template's next version (reps for their own prospects' drafts, managers, admins)",
    description:
      "The draft must be a rep's edit (version 2 or later, by a user) of a draft from this template, which must be the latest version of its name. " +
      "The prospect's own values in the text (their name, their company, a fallback) turn back into the template's merge fields. The new version is approved, " +
      'and the cadence steps and A/B variants that used the old version use it from the next enrollment on. Recorded as template.promoted (who, from which version and draft, what changed) and template.approved. ' +
      '409 not-an-edit, draft-not-from-template or template-superseded; 404 for an unknown template or draft.',
    security,
    request: { params: s.idParam, body: requiredJson(s.promoteTemplateRequest) },
    responses: { 201: { description: 'The new template version', ...json(s.promotedTemplate) }, ...errors(400, 401, 403, 404, 409) },
  });

  const generated = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Cadence engine API', version: '1.0.0', description: 'Human-in-the-loop sales cadences on Temporal' },
  });
  return addOpenApiLinks(documentRefinements(documentRateLimits(generated)));
}
