/**
 * An in-memory HubSpot CRM v3 server that the real `@hubspot/api-client` (13.5.0) talks to over HTTP:
 * `new Client({ accessToken: api.token, basePath: api.url, numberOfApiCallRetries: 0 })`. It covers contact
 * search / create / read / update and the four engagement objects the cadence engine logs (emails, notes, tasks,
 * meetings, created with contact associations), and can inject faults (errors, hung requests).
 *
 * Request and response shapes follow HubSpot's API reference:
 *   https://developers.hubspot.com/docs/api/crm/contacts
 *   https://developers.hubspot.com/docs/api/crm/search
 *   https://developers.hubspot.com/docs/api/crm/emails
 *   https://developers.hubspot.com/docs/api/crm/notes
 *   https://developers.hubspot.com/docs/api/crm/tasks
 *   https://developers.hubspot.com/docs/api/crm/meetings
 *   https://developers.hubspot.com/docs/api/crm/associations (HUBSPOT_DEFINED association type ids)
 *   https://developers.hubspot.com/docs/api-reference/error-handling (error body: status, message, correlationId, category, context, errors)
 *   https://developers.hubspot.com/docs/api/usage-details (429 body: errorType, policyName)
 * Where the reference gives no exact error wording, bodies copy errors HubSpot returned in public issue threads
 * (cited inline); the rest is marked as the fake's own wording.
 */
import { randomUUID } from 'node:crypto';
import { FakeVendorApi, HttpError } from './fake-vendor-api';

export type { LoggedRequest } from './fake-vendor-api';

export type EngagementType = 'emails' | 'notes' | 'tasks' | 'meetings';

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface HubSpotEngagement extends HubSpotRecord {
  /** Ids of the contacts it is associated to. */
  associations: string[];
  /** The association specs as sent. */
  associationSpecs: Array<{ toId: string; associationCategory: string; associationTypeId: number }>;
}

// engagement -> contact ids, from the SDK's own AssociationTypes enum (emailToContact = 198, ...) and the associations reference.
const CONTACT_ASSOCIATION: Record<EngagementType, number> = { emails: 198, meetings: 200, notes: 202, tasks: 204 };
const SINGULAR: Record<EngagementType, string> = { emails: 'EMAIL', notes: 'NOTE', tasks: 'TASK', meetings: 'MEETING' };

// Enumerations as listed on the engagement reference pages; a misspelt option is a 400 at HubSpot, so it is here too.
const OPTIONS: Record<string, string[]> = {
  hs_task_status: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
  hs_task_priority: ['LOW', 'MEDIUM', 'HIGH'],
  hs_task_type: ['EMAIL', 'CALL', 'TODO'],
  hs_email_direction: ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'],
  hs_email_status: ['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT'],
  hs_meeting_outcome: ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED'],
};
// "You can use either a Unix timestamp in milliseconds or UTC format" (engagement pages); answers carry ISO strings.
const DATETIMES = ['hs_timestamp', 'hs_meeting_start_time', 'hs_meeting_end_time'];
// What search and GET return when no `properties` are asked for (contacts reference, "Retrieve contacts").
const DEFAULT_CONTACT_PROPERTIES = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
const ALWAYS_CONTACT_PROPERTIES = ['createdate', 'hs_object_id', 'lastmodifieddate'];
const DEFAULT_ENGAGEMENT_PROPERTIES = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];
const FILTER_OPERATORS = ['EQ', 'NEQ', 'IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'];

const hsError = (category: string, message: string, extra: object = {}) => ({ status: 'error', message, correlationId: randomUUID(), category, ...extra });
const fail = (status: number, category: string, message: string, extra?: object) => new HttpError(status, hsError(category, message, extra), 'HubSpot');
const lower = (v: unknown) => String(v ?? '').toLowerCase();

// HubSpot rejects bad property values with the offending entries serialised into the message
// (e.g. {"isValid":false,"message":"...","error":"INVALID_OPTION","name":"hs_task_status"}).
function invalidProperties(props: Record<string, string>, checkEmail: boolean): HttpError | undefined {
  const problems: Array<{ isValid: false; message: string; error: string; name: string }> = [];
  for (const [name, value] of Object.entries(props)) {
    const options = OPTIONS[name];
    if (options && value !== '' && !options.includes(value)) problems.push({ isValid: false, message: `${value} was not one of the allowed options: [${options.join(', ')}]`, error: 'INVALID_OPTION', name });
    if (DATETIMES.includes(name) && value !== '' && Number.isNaN(toDate(value).getTime())) problems.push({ isValid: false, message: `${value} is not a valid datetime (fake's wording)`, error: 'INVALID_DATE', name });
  }
  if (checkEmail && props.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(props.email)) problems.push({ isValid: false, message: `Email address ${props.email} is invalid`, error: 'INVALID_EMAIL', name: 'email' });
  return problems.length ? fail(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(problems)}`) : undefined;
}

const toDate = (v: string) => new Date(/^\d+$/.test(v) ? Number(v) : v);

function asProperties(input: unknown): Record<string, string> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw fail(400, 'VALIDATION_ERROR', 'Invalid input JSON: Some required fields were not set: [properties]');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) out[k] = v === null || v === undefined ? '' : String(v);
  for (const name of DATETIMES) if (out[name] && !Number.isNaN(toDate(out[name]).getTime())) out[name] = toDate(out[name]).toISOString();
  return out;
}

export class HubSpotApi extends FakeVendorApi<object> {
  // The SDK refuses to parse a body without a Content-Type ("Cannot parse content. No Content-Type defined."), so always JSON.
  protected override readonly contentType = 'application/json;charset=utf-8';
  private nextId = 100_000;
  private readonly contactStore: HubSpotRecord[] = [];
  private readonly engagementStore = new Map<EngagementType, HubSpotEngagement[]>();

  constructor(options: { token?: string } = {}) {
    super(options.token ?? 'pat-na1-test-token');
  }

  /** Stored contacts, in creation order (live objects: tests may read or tweak them). */
  contacts(): HubSpotRecord[] {
    return this.contactStore;
  }

  /** Stored engagements of one type, with the contact ids they were associated to. */
  objects(type: EngagementType): HubSpotEngagement[] {
    return this.engagementStore.get(type) ?? [];
  }

  /** Adds a contact directly (no request logged), as if it had been created in HubSpot earlier. */
  seedContact(properties: Record<string, string>): string {
    return this.storeContact(asProperties(properties)).id;
  }

  /** failNext: HubSpot's error body for the status; `overrides` replace body fields. */
  protected override injectedFaultBody(status: number, overrides?: object): object {
    return { ...faultBody(status), ...overrides };
  }

  protected override unauthorizedBody(): object {
    return faultBody(401);
  }

  // Wording from a real response: hubspot-api-ruby#187 ("Invalid JSON input: ...", VALIDATION_ERROR).
  protected override badJsonBody(): object {
    return hsError('VALIDATION_ERROR', 'Invalid input JSON on line 1, column 1: Unexpected character');
  }

  protected override crashBody(err: Error): object {
    return hsError('INTERNAL_ERROR', `fake HubSpot crashed: ${err.message}`);
  }

  // Private-app tokens and OAuth tokens both arrive as a bearer token (the SDK's oauth2 auth method).
  protected override acceptsAuthorization(header: string | undefined): boolean {
    return header === `Bearer ${this.token}`;
  }

  /** Repeated parameters (the SDK sends `properties=a&properties=b`) are joined with commas, as HubSpot reads them. */
  protected override queryRecord(params: URLSearchParams): Record<string, string> {
    return Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k).join(',')]));
  }

  protected override route(method: string, url: URL, query: Record<string, string>, body: unknown): [number, object] {
    const path = url.pathname;
    const m = /^\/crm\/v3\/objects\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    const type = m?.[1];
    // The SDK percent-encodes the id segment, so an email used with idProperty=email arrives as a%40b.com.
    const id = m?.[2] === undefined ? undefined : decodeURIComponent(m[2]);
    const known = type === 'contacts' || (type !== undefined && type in CONTACT_ASSOCIATION);
    if (!m || !known) throw fail(404, 'OBJECT_NOT_FOUND', `fake HubSpot does not implement ${method} ${path}`);
    if (method === 'POST' && type === 'contacts' && id === 'search') return [200, this.search(body)];
    if (method === 'POST' && id === undefined) return [201, type === 'contacts' ? this.createContact(body) : this.createEngagement(type as EngagementType, body)];
    if (id !== undefined && (method === 'GET' || method === 'PATCH')) {
      const record = this.find(type!, id, query.idProperty);
      if (method === 'GET') return [200, this.view(type!, record, query.properties?.split(','), query.associations?.split(','))];
      return [200, this.update(type!, record, body)];
    }
    throw fail(404, 'OBJECT_NOT_FOUND', `fake HubSpot does not implement ${method} ${path}`);
  }

  // POST /crm/v3/objects/contacts/search. Filters within a group are ANDed, groups are ORed (search reference).
  private search(body: unknown): object {
    const req = (body ?? {}) as { filterGroups?: Array<{ filters?: Array<{ propertyName: string; operator: string; value?: string; values?: string[] }> }>; properties?: string[]; limit?: number; after?: string; sorts?: unknown[] };
    const limit = req.limit ?? 10;
    if (limit > 200) throw fail(400, 'VALIDATION_ERROR', 'limit must be at most 200'); // search reference: max 200 per page
    const groups = req.filterGroups ?? [];
    for (const f of groups.flatMap((g) => g.filters ?? [])) {
      if (!FILTER_OPERATORS.includes(f.operator)) throw fail(400, 'VALIDATION_ERROR', `fake HubSpot supports only ${FILTER_OPERATORS.join(', ')} filters, not ${f.operator}`);
    }
    // Text matching is case-insensitive in HubSpot search, which is why an email found by EQ may differ in case.
    const matches = this.contactStore.filter((c) =>
      groups.length === 0 ||
      groups.some((g) =>
        (g.filters ?? []).every((f) => {
          const v = c.properties[f.propertyName];
          const has = v !== undefined && v !== '';
          if (f.operator === 'HAS_PROPERTY') return has;
          if (f.operator === 'NOT_HAS_PROPERTY') return !has;
          if (f.operator === 'IN') return has && (f.values ?? []).map(lower).includes(lower(v));
          return (has && lower(v) === lower(f.value)) === (f.operator === 'EQ');
        }),
      ),
    );
    // The SDK types `sorts` as strings ('-createdate'); the REST docs show {propertyName, direction} objects. Accept both.
    const sort = req.sorts?.[0] as string | { propertyName: string; direction?: string } | undefined;
    if (sort) {
      const [prop, desc] = typeof sort === 'string' ? [sort.replace(/^-/, ''), sort.startsWith('-')] : [sort.propertyName, sort.direction === 'DESCENDING'];
      matches.sort((a, b) => (a.properties[prop] ?? '').localeCompare(b.properties[prop] ?? '') * (desc ? -1 : 1));
    }
    const start = Number(req.after ?? 0);
    const page = matches.slice(start, start + limit);
    const props = req.properties?.length ? [...new Set([...req.properties, ...ALWAYS_CONTACT_PROPERTIES])] : DEFAULT_CONTACT_PROPERTIES;
    return {
      total: matches.length,
      results: page.map((c) => publicObject(c, props)),
      ...(start + limit < matches.length ? { paging: { next: { after: String(start + limit) } } } : {}),
    };
  }

  private createContact(body: unknown): object {
    const props = asProperties((body as { properties?: unknown } | undefined)?.properties);
    const invalid = invalidProperties(props, true);
    if (invalid) throw invalid;
    const existing = props.email ? this.contactStore.find((c) => lower(c.properties.email) === lower(props.email)) : undefined;
    // Exact body HubSpot answers (hubspot-api-nodejs#545): 409, CONFLICT, "Contact already exists. Existing ID: <id>".
    if (existing) throw fail(409, 'CONFLICT', `Contact already exists. Existing ID: ${existing.id}`);
    return publicObject(this.storeContact(props));
  }

  private storeContact(props: Record<string, string>): HubSpotRecord {
    const id = String(this.nextId++);
    const now = new Date().toISOString();
    const record = { id, properties: { ...props, createdate: now, lastmodifieddate: now, hs_object_id: id }, createdAt: now, updatedAt: now };
    this.contactStore.push(record);
    return record;
  }

  private createEngagement(type: EngagementType, body: unknown): object {
    const input = (body ?? {}) as { properties?: unknown; associations?: Array<{ to?: { id?: unknown }; types?: Array<{ associationCategory?: string; associationTypeId?: number }> }> };
    const props = asProperties(input.properties);
    // Meetings reference: "When the property value is missing, the value will default to hs_meeting_start_time."
    if (type === 'meetings' && !props.hs_timestamp && props.hs_meeting_start_time) props.hs_timestamp = props.hs_meeting_start_time;
    // hs_timestamp is "Required" on all four pages; body as HubSpot returned it (PipedreamHQ/pipedream#12366).
    if (!props.hs_timestamp) throw fail(400, 'VALIDATION_ERROR', `Error creating ${SINGULAR[type]}. Some required properties were not set.`, { context: { properties: ['hs_timestamp'] } });
    const invalid = invalidProperties(props, false);
    if (invalid) throw invalid;
    const specs: HubSpotEngagement['associationSpecs'] = [];
    const expected = CONTACT_ASSOCIATION[type];
    for (const a of input.associations ?? []) {
      const toId = String(a.to?.id ?? '');
      if (!a.types?.length) throw fail(400, 'VALIDATION_ERROR', 'Invalid input JSON: Some required fields were not set: [types]');
      // The exact wording of these two rejections is not documented; the shape is the error-handling page's.
      for (const t of a.types) {
        if (t.associationCategory !== 'HUBSPOT_DEFINED' || t.associationTypeId !== expected) {
          throw fail(400, 'VALIDATION_ERROR', `Invalid association type: ${t.associationCategory} ${t.associationTypeId}; ${SINGULAR[type].toLowerCase()} to contact is HUBSPOT_DEFINED ${expected} (fake's wording)`, { context: { associationTypeId: [String(t.associationTypeId)] } });
        }
        specs.push({ toId, associationCategory: t.associationCategory, associationTypeId: t.associationTypeId });
      }
      if (!this.contactStore.some((c) => c.id === toId)) {
        throw fail(400, 'VALIDATION_ERROR', `One or more associations are invalid: no contact with id ${toId} (fake's wording)`, { context: { toObjectId: [toId] } });
      }
    }
    const id = String(this.nextId++);
    const now = new Date().toISOString();
    const record: HubSpotEngagement = {
      id,
      properties: { ...props, hs_createdate: now, hs_lastmodifieddate: now, hs_object_id: id },
      createdAt: now,
      updatedAt: now,
      associations: [...new Set(specs.map((a) => a.toId))],
      associationSpecs: specs,
    };
    this.engagementStore.set(type, [...this.objects(type), record]);
    return publicObject(record);
  }

  private find(type: string, id: string, idProperty?: string): HubSpotRecord {
    const store: HubSpotRecord[] = type === 'contacts' ? this.contactStore : this.objects(type as EngagementType);
    const found = idProperty ? store.find((r) => lower(r.properties[idProperty]) === lower(id)) : store.find((r) => r.id === id);
    // 404 body as seen from the v3 objects API (hubspot-api-nodejs#669: category OBJECT_NOT_FOUND).
    if (!found) throw fail(404, 'OBJECT_NOT_FOUND', 'resource not found', { context: { id: [id] } });
    return found;
  }

  private view(type: string, record: HubSpotRecord, properties?: string[], associations?: string[]): object {
    const defaults = type === 'contacts' ? DEFAULT_CONTACT_PROPERTIES : DEFAULT_ENGAGEMENT_PROPERTIES;
    const answer: Record<string, unknown> = publicObject(record, properties ? [...new Set([...properties, ...(type === 'contacts' ? ALWAYS_CONTACT_PROPERTIES : DEFAULT_ENGAGEMENT_PROPERTIES)])] : defaults);
    if (associations?.includes('contacts') && type !== 'contacts') {
      const label = `${SINGULAR[type as EngagementType].toLowerCase()}_to_contact`;
      answer.associations = { contacts: { results: (record as HubSpotEngagement).associations.map((id) => ({ id, type: label })) } };
    }
    return answer;
  }

  private update(type: string, record: HubSpotRecord, body: unknown): object {
    const props = asProperties((body as { properties?: unknown } | undefined)?.properties);
    const invalid = invalidProperties(props, type === 'contacts');
    if (invalid) throw invalid;
    const now = new Date().toISOString();
    Object.assign(record.properties, props, type === 'contacts' ? { lastmodifieddate: now } : { hs_lastmodifieddate: now });
    record.updatedAt = now;
    return publicObject(record);
  }
}

// SimplePublicObject (the SDK deserialises createdAt / updatedAt into Dates). Without a property list, every stored property.
function publicObject(record: HubSpotRecord, properties?: string[]): { id: string; properties: Record<string, string | null>; createdAt: string; updatedAt: string; archived: false } {
  const props = properties ? Object.fromEntries(properties.map((p) => [p, record.properties[p] ?? null])) : { ...record.properties };
  return { id: record.id, properties: props, createdAt: record.createdAt, updatedAt: record.updatedAt, archived: false };
}

function faultBody(status: number): object {
  // Missing or wrong token; v3 auth error shape announced at
  // https://community.hubspot.com/t5/APIs-Integrations/Improvements-to-authentication-errors-for-V3-endpoints-in/m-p/325369
  if (status === 401) return hsError('INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview');
  // usage-details page: errorType RATE_LIMIT + policyName; the changelog adds category RATE_LIMITS. The SDK's
  // RetryDecorator keys on policyName TEN_SECONDLY_ROLLING (waits 10 s x attempt when retries are enabled).
  if (status === 429) return hsError('RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
  const categories: Record<number, string> = { 400: 'VALIDATION_ERROR', 403: 'MISSING_SCOPES', 404: 'OBJECT_NOT_FOUND', 409: 'CONFLICT' };
  // Real 5xx bodies seen in the wild are {status, message: "internal error", correlationId} with no category.
  return hsError(categories[status] ?? 'INTERNAL_ERROR', status >= 500 ? 'internal error' : `injected ${status}`);
}
