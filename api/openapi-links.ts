/**
 * OpenAPI links (https://spec.openapis.org/oas/v3.1.0#link-object) between the operations of the document
 * buildOpenApiDocument() makes: how a value one answer returns is used by the next request. They tell a
 * reader (and Schemathesis's stateful phase, test/integration/api-schemathesis.test.ts) the chains of the
 * API: enroll -> the approval queue -> view -> decide, the task list -> complete or skip, define a cadence ->
 * read it -> enroll into it, add a holiday -> list -> remove it, a list page -> the next one, and so on.
 *
 * The document has no operationIds, so each link names its target with an operationRef
 * (`#/paths/~1v1~1approvals~1{id}~1decision/post`). A link whose source or target operation, source response or
 * target parameter is not in the document throws, so a renamed path or parameter fails where the document is
 * built instead of silently losing a chain.
 */

type Method = 'get' | 'put' | 'post' | 'delete';

interface LinkSpec {
  /** The link's name, unique among the links of its response. */
  name: string;
  target: readonly [Method, string];
  /** Target parameter, with its location (`path.id`, `query.calendar`) -> a runtime expression or a constant. */
  parameters?: Record<string, string>;
  /** Fields of the target's request body, each a runtime expression; merged into the generated body. */
  requestBody?: Record<string, string>;
  description: string;
}

interface SourceSpec {
  source: readonly [Method, string];
  /** The responses (status codes) whose bodies the links read. */
  statuses: readonly string[];
  links: readonly LinkSpec[];
}

const enroll = ['post', '/v1/enrollments'] as const;
const approvals = ['get', '/v1/approvals'] as const;
const decision = ['post', '/v1/approvals/{id}/decision'] as const;
const views = ['post', '/v1/approvals/{id}/views'] as const;
const timeline = ['get', '/v1/prospects/{id}/timeline'] as const;
const control = ['post', '/v1/prospects/{id}/cadence/{action}'] as const;
const tasks = ['get', '/v1/tasks'] as const;
const taskAction = ['post', '/v1/tasks/{id}/{action}'] as const;
const cadences = ['get', '/v1/cadences'] as const;
const cadence = ['get', '/v1/cadences/{id}'] as const;
const defineCadence = ['put', '/v1/cadences/{id}'] as const;
const promote = ['post', '/v1/templates/{id}/promote'] as const;
const holidays = ['get', '/v1/holidays'] as const;
const putHoliday = ['put', '/v1/holidays/{date}'] as const;
const deleteHoliday = ['delete', '/v1/holidays/{date}'] as const;
const importSuppressions = ['post', '/v1/suppressions/import'] as const;
const lookupSuppressions = ['get', '/v1/suppressions'] as const;
const deleteSuppression = ['delete', '/v1/suppressions/{kind}/{value}'] as const;
const subscribeWebhook = ['post', '/v1/webhook-subscriptions'] as const;
const deleteWebhookSubscription = ['delete', '/v1/webhook-subscriptions/{id}'] as const;
const replayWebhookSubscription = ['post', '/v1/webhook-subscriptions/{id}/replay'] as const;
const resumeWebhookSubscription = ['post', '/v1/webhook-subscriptions/{id}/resume'] as const;
const mailboxes = ['get', '/v1/mailboxes'] as const;
const mailbox = ['get', '/v1/mailboxes/{address}'] as const;
const putMailbox = ['put', '/v1/mailboxes/{address}'] as const;
const resumeMailbox = ['post', '/v1/mailboxes/{address}/resume'] as const;
const boundaryReport = ['get', '/v1/boundary-report'] as const;
const acceptRecommendation = ['post', '/v1/boundary-report/accept'] as const;
const triggers = ['post', '/v1/triggers'] as const;
const inboundReply = ['post', '/v1/webhooks/inbound-reply'] as const;
const deliveryEvents = ['post', '/v1/webhooks/delivery-events'] as const;

/** The links from a response that names a prospect with a running cadence, at the given JSON pointer. */
const prospectLinks = (pointer: string, what: string): LinkSpec[] => [
  { name: 'Timeline', target: timeline, parameters: { 'path.id': `$response.body#${pointer}` }, description: `The timeline of ${what}` },
  { name: 'ControlCadence', target: control, parameters: { 'path.id': `$response.body#${pointer}` }, description: `Pause, resume, skip a step of or finish the cadence of ${what}` },
];

const cadenceLinks = (pointer: string, what: string): LinkSpec[] => [
  { name: 'GetCadence', target: cadence, parameters: { 'path.id': `$response.body#${pointer}` }, description: `The definition of ${what}` },
  { name: 'Enroll', target: enroll, requestBody: { cadenceId: `$response.body#${pointer}` }, description: `Enroll a prospect in ${what}` },
];

const LINKS: readonly SourceSpec[] = [
  // --- enroll -> approval queue -> view -> decide ---
  {
    source: enroll,
    statuses: ['201'],
    links: [
      ...prospectLinks('/prospectId', 'the enrolled prospect'),
      { name: 'ApprovalQueue', target: approvals, parameters: { 'query.status': 'pending' }, description: 'The approval queue, where the first gated draft of the cadence waits' },
      { name: 'Tasks', target: tasks, parameters: { 'query.status': 'open' }, description: 'The open tasks, where a first call, LinkedIn or meeting step waits' },
    ],
  },
  {
    source: triggers,
    statuses: ['201'],
    links: [
      ...prospectLinks('/prospectId', 'the enrolled prospect'),
      { name: 'ApprovalQueue', target: approvals, parameters: { 'query.status': 'pending' }, description: 'The approval queue, where the first gated draft of the cadence waits' },
      { name: 'Tasks', target: tasks, parameters: { 'query.status': 'open' }, description: 'The open tasks, where a first call, LinkedIn or meeting step waits' },
    ],
  },
  {
    source: approvals,
    statuses: ['200'],
    links: [
      {
        name: 'Decide',
        target: decision,
        parameters: { 'path.id': '$response.body#/items/0/id' },
        requestBody: { draftVersion: '$response.body#/items/0/draft/version' },
        description: 'Approve, edit or reject the first item, bound to the draft version shown',
      },
      { name: 'View', target: views, parameters: { 'path.id': '$response.body#/items/0/id' }, description: 'Report the first item in view' },
      ...prospectLinks('/items/0/prospect/id', "the first item's prospect"),
    ],
  },
  {
    source: views,
    statuses: ['201', '200'],
    links: [{ name: 'Decide', target: decision, parameters: { 'path.id': '$response.body#/approvalId' }, description: 'Decide the approval just viewed' }],
  },
  {
    source: decision,
    statuses: ['200'],
    links: [
      // A decided approval takes no new decision (409 not-pending) but the same one again (200, duplicate: true).
      { name: 'DecideAgain', target: decision, parameters: { 'path.id': '$response.body#/approvalId' }, description: 'The same approval again: the same decision is a duplicate, another one a 409' },
      { name: 'View', target: views, parameters: { 'path.id': '$response.body#/approvalId' }, description: 'A view of a decided approval: 409 not-pending' },
    ],
  },
  {
    source: timeline,
    statuses: ['200'],
    links: [{ name: 'ControlCadence', target: control, parameters: { 'path.id': '$response.body#/prospectId' }, description: "Pause, resume, skip a step of or finish the prospect's cadence" }],
  },
  {
    source: control,
    statuses: ['200'],
    links: [
      { name: 'Timeline', target: timeline, parameters: { 'path.id': '$request.path.id' }, description: 'The timeline, which records the control' },
      { name: 'ControlAgain', target: control, parameters: { 'path.id': '$request.path.id' }, description: 'Another control of the same cadence' },
    ],
  },
  {
    source: inboundReply,
    statuses: ['202', '200'],
    links: [{ name: 'Timeline', target: timeline, parameters: { 'path.id': '$response.body#/prospectId' }, description: 'The timeline of the matched prospect (none when unmatched)' }],
  },
  {
    source: deliveryEvents,
    statuses: ['200', '207'],
    links: [
      { name: 'Timeline', target: timeline, parameters: { 'path.id': '$response.body#/applied/0/prospectId' }, description: 'The timeline of the first event\'s prospect' },
      { name: 'Mailbox', target: mailbox, parameters: { 'path.address': '$response.body#/applied/0/mailbox' }, description: 'The mailbox the first event counts against, with its health figure' },
    ],
  },

  // --- tasks ---
  {
    source: tasks,
    statuses: ['200'],
    links: [
      { name: 'CompleteOrSkip', target: taskAction, parameters: { 'path.id': '$response.body#/items/0/id' }, description: 'Complete or skip the first task' },
      ...prospectLinks('/items/0/prospectId', "the first task's prospect"),
    ],
  },
  {
    source: taskAction,
    statuses: ['200'],
    links: [{ name: 'Again', target: taskAction, parameters: { 'path.id': '$response.body#/taskId' }, description: 'The same task again: 409 not-open once done or skipped' }],
  },

  // --- cadence definitions and templates ---
  { source: cadences, statuses: ['200'], links: cadenceLinks('/items/0/id', 'the first cadence') },
  {
    source: cadence,
    statuses: ['200'],
    links: [
      { name: 'Enroll', target: enroll, requestBody: { cadenceId: '$response.body#/id' }, description: 'Enroll a prospect in this cadence' },
      { name: 'PromoteTemplate', target: promote, parameters: { 'path.id': '$response.body#/steps/0/template/id' }, description: "Promote a rep's edit to the next version of the first step's template" },
    ],
  },
  {
    source: defineCadence,
    statuses: ['201', '200'],
    links: [
      ...cadenceLinks('/id', 'the cadence just defined'),
      { name: 'DefineAgain', target: defineCadence, parameters: { 'path.id': '$response.body#/id' }, description: 'The same id again: the same definition is 200, another one 409 cadence-exists' },
      { name: 'PromoteTemplate', target: promote, parameters: { 'path.id': '$response.body#/steps/0/template/id' }, description: "Promote a rep's edit to the next version of the first step's template" },
    ],
  },

  // --- holidays ---
  {
    source: putHoliday,
    statuses: ['201', '200'],
    links: [
      { name: 'List', target: holidays, parameters: { 'query.from': '$response.body#/date', 'query.to': '$response.body#/date', 'query.calendar': '$response.body#/calendar' }, description: 'The holiday in the list' },
      { name: 'Remove', target: deleteHoliday, parameters: { 'path.date': '$response.body#/date', 'query.calendar': '$response.body#/calendar' }, description: 'Remove the holiday' },
      { name: 'Rename', target: putHoliday, parameters: { 'path.date': '$response.body#/date' }, requestBody: { calendar: '$response.body#/calendar' }, description: 'Rename the holiday (200)' },
    ],
  },
  {
    source: holidays,
    statuses: ['200'],
    links: [
      { name: 'Remove', target: deleteHoliday, parameters: { 'path.date': '$response.body#/items/0/date', 'query.calendar': '$response.body#/items/0/calendar' }, description: 'Remove the first holiday' },
      { name: 'Rename', target: putHoliday, parameters: { 'path.date': '$response.body#/items/0/date' }, requestBody: { calendar: '$response.body#/items/0/calendar' }, description: 'Rename the first holiday' },
    ],
  },
  {
    source: deleteHoliday,
    statuses: ['204'],
    links: [{ name: 'RemoveAgain', target: deleteHoliday, parameters: { 'path.date': '$request.path.date', 'query.calendar': '$request.query.calendar' }, description: 'Remove it again: 404' }],
  },

  // --- suppression lists ---
  {
    source: importSuppressions,
    statuses: ['200'],
    links: [{ name: 'Lookup', target: lookupSuppressions, parameters: { 'query.value': '$request.body#/rows/0/value' }, description: 'Look up the first imported value' }],
  },
  {
    source: lookupSuppressions,
    statuses: ['200'],
    links: [
      { name: 'Remove', target: deleteSuppression, parameters: { 'path.kind': '$response.body#/items/0/kind', 'path.value': '$response.body#/items/0/value' }, description: 'Remove the first entry that hits the value' },
    ],
  },
  {
    source: deleteSuppression,
    statuses: ['204'],
    links: [
      { name: 'Lookup', target: lookupSuppressions, parameters: { 'query.value': '$request.path.value' }, description: 'Look the value up again' },
      { name: 'RemoveAgain', target: deleteSuppression, parameters: { 'path.kind': '$request.path.kind', 'path.value': '$request.path.value' }, description: 'Remove it again: 404' },
    ],
  },

  // --- webhook subscriptions ---
  {
    source: subscribeWebhook,
    statuses: ['201'],
    links: [
      { name: 'Replay', target: replayWebhookSubscription, parameters: { 'path.id': '$response.body#/id' }, description: 'Replay its backlog from a point in time' },
      { name: 'Resume', target: resumeWebhookSubscription, parameters: { 'path.id': '$response.body#/id' }, description: 'Resume it (active: answered as it is)' },
      { name: 'Delete', target: deleteWebhookSubscription, parameters: { 'path.id': '$response.body#/id' }, description: 'Delete the new subscription' },
    ],
  },
  {
    source: deleteWebhookSubscription,
    statuses: ['204'],
    links: [{ name: 'DeleteAgain', target: deleteWebhookSubscription, parameters: { 'path.id': '$request.path.id' }, description: 'Delete it again: 404' }],
  },

  // --- mailboxes ---
  {
    source: mailboxes,
    statuses: ['200'],
    links: [
      { name: 'Get', target: mailbox, parameters: { 'path.address': '$response.body#/items/0/address' }, description: 'The first mailbox' },
      { name: 'Change', target: putMailbox, parameters: { 'path.address': '$response.body#/items/0/address' }, description: 'Change the first mailbox' },
      { name: 'Resume', target: resumeMailbox, parameters: { 'path.address': '$response.body#/items/0/address' }, description: 'Resume the first mailbox (409 not-stopped when active)' },
    ],
  },
  {
    source: putMailbox,
    statuses: ['201', '200'],
    links: [
      { name: 'Get', target: mailbox, parameters: { 'path.address': '$response.body#/address' }, description: 'The mailbox as stored' },
      { name: 'Change', target: putMailbox, parameters: { 'path.address': '$response.body#/address' }, description: 'Change it again' },
      { name: 'Resume', target: resumeMailbox, parameters: { 'path.address': '$response.body#/address' }, description: 'Resume it (409 not-stopped when active)' },
    ],
  },
  {
    source: mailbox,
    statuses: ['200'],
    links: [
      { name: 'Change', target: putMailbox, parameters: { 'path.address': '$response.body#/address' }, description: 'Change the mailbox' },
      { name: 'Resume', target: resumeMailbox, parameters: { 'path.address': '$response.body#/address' }, description: 'Resume the mailbox (409 not-stopped when active)' },
    ],
  },
  {
    source: resumeMailbox,
    statuses: ['200'],
    links: [{ name: 'Get', target: mailbox, parameters: { 'path.address': '$response.body#/address' }, description: 'The mailbox, active again' }],
  },

  // --- the boundary report ---
  {
    source: boundaryReport,
    statuses: ['200'],
    links: [
      { name: 'Accept', target: acceptRecommendation, requestBody: { recommendationId: '$response.body#/recommendations/0' }, description: 'Accept the first recommendation' },
    ],
  },
];

/** `#/paths/~1v1~1approvals~1{id}~1decision/post`: a JSON pointer to the operation (RFC 6901 escapes). */
export function operationRef([method, path]: readonly [Method, string]): string {
  return `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
}

interface Operation {
  parameters?: Array<{ name?: string; in?: string }>;
  responses?: Record<string, { links?: Record<string, unknown> } & Record<string, unknown>>;
}
interface Document {
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
}

function operation(doc: Document, [method, path]: readonly [Method, string]): Operation {
  const op = doc.paths?.[path]?.[method];
  if (!op) throw new Error(`addOpenApiLinks: the document has no operation ${method.toUpperCase()} ${path}`);
  return op;
}

/**
 * Every list that takes a `cursor` query parameter links its 200 to its next page: the answer's nextCursor as
 * the cursor, and the request's other parameters again (a cursor belongs to its list and filters).
 */
function paginationLinks(document: Document): SourceSpec[] {
  const specs: SourceSpec[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const params = item?.get?.parameters ?? [];
    if (!item?.get?.responses?.['200'] || !params.some((p) => p.in === 'query' && p.name === 'cursor')) continue;
    const parameters: Record<string, string> = { 'query.cursor': '$response.body#/nextCursor' };
    for (const p of params) {
      if ((p.in === 'path' || p.in === 'query') && p.name && p.name !== 'cursor') parameters[`${p.in}.${p.name}`] = `$request.${p.in}.${p.name}`;
    }
    const self = ['get', path] as const;
    specs.push({ source: self, statuses: ['200'], links: [{ name: 'NextPage', target: self, parameters, description: 'The next page (nextCursor; null on the last page)' }] });
  }
  return specs;
}

/**
 * Adds the links to the responses of `doc` (the OpenAPI document of buildOpenApiDocument()) in place, and
 * returns it: `addOpenApiLinks(buildOpenApiDocument())`. Idempotent.
 */
export function addOpenApiLinks<T extends object>(doc: T): T {
  const document = doc as Document;
  for (const { source, statuses, links } of [...LINKS, ...paginationLinks(document)]) {
    const op = operation(document, source);
    for (const link of links) {
      const target = operation(document, link.target);
      for (const key of Object.keys(link.parameters ?? {})) {
        const [where, name] = key.split('.') as [string, string];
        if (!target.parameters?.some((p) => p.in === where && p.name === name)) {
          throw new Error(`addOpenApiLinks: ${link.target[0].toUpperCase()} ${link.target[1]} has no ${where} parameter ${name} (link ${link.name})`);
        }
      }
    }
    for (const status of statuses) {
      const response = op.responses?.[status];
      if (!response) throw new Error(`addOpenApiLinks: ${source[0].toUpperCase()} ${source[1]} has no ${status} response`);
      const existing = response.links ?? {};
      for (const link of links) {
        const object = {
          operationRef: operationRef(link.target),
          ...(link.parameters ? { parameters: { ...link.parameters } } : {}),
          ...(link.requestBody ? { requestBody: { ...link.requestBody } } : {}),
          description: link.description,
        };
        // Applying it twice changes nothing; another link of the same name is a conflict.
        if (link.name in existing && JSON.stringify(existing[link.name]) !== JSON.stringify(object)) {
          throw new Error(`addOpenApiLinks: ${source[0].toUpperCase()} ${source[1]} ${status} already has another link ${link.name}`);
        }
        existing[link.name] = object;
      }
      response.links = existing;
    }
  }
  return doc;
}
