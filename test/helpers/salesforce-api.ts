/**
 * An in-memory Salesforce REST API server that the real `jsforce` (3.10.16) talks to over HTTP:
 * `new jsforce.Connection({ instanceUrl: api.url, accessToken: api.token, version: api.version })`. It covers
 * the SOQL lookups the CRM adapter sends, creating / updating / reading Lead, Contact and Task records, and fault
 * injection (errors, hung requests). jsforce makes no discovery calls (no /services/data version list, no describe)
 * for query / create / update / retrieve, so none are served.
 *
 * Request and response shapes follow the Salesforce REST API Developer Guide:
 *   https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
 *   https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 *   https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
 *   https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_get_field_values.htm
 *   https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 * and the SOQL reference:
 *   https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
 *   https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm
 * Object fields: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
 * (and sforce_api_objects_lead.htm, sforce_api_objects_contact.htm).
 */
import { FakeVendorApi, HttpError } from './fake-vendor-api';

export type { LoggedRequest } from './fake-vendor-api';

export type SObjectType = 'Lead' | 'Contact' | 'Task';
export type SalesforceRecord = Record<string, unknown> & { Id: string };

interface Spec {
  prefix: string;
  required: string[];
  writable: string[];
  readOnly: string[];
  custom: boolean;
}

// Key prefixes: 00Q Lead, 003 Contact, 00T Task. Custom (__c) fields are accepted on Lead and Contact as orgs have them.
const SYSTEM = ['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'IsDeleted', 'CreatedById', 'LastModifiedById'];
const SPECS: Record<SObjectType, Spec> = {
  Lead: {
    prefix: '00Q',
    required: ['LastName', 'Company'],
    writable: ['Salutation', 'FirstName', 'LastName', 'Title', 'Company', 'Email', 'Phone', 'MobilePhone', 'Website', 'Description', 'LeadSource', 'Status', 'Industry', 'Rating', 'Street', 'City', 'State', 'PostalCode', 'Country', 'OwnerId', 'HasOptedOutOfEmail', 'NumberOfEmployees', 'IsConverted'],
    readOnly: [...SYSTEM, 'Name', 'ConvertedContactId', 'ConvertedAccountId', 'ConvertedDate'],
    custom: true,
  },
  Contact: {
    prefix: '003',
    required: ['LastName'],
    writable: ['Salutation', 'FirstName', 'LastName', 'Title', 'AccountId', 'Email', 'Phone', 'MobilePhone', 'Department', 'Description', 'LeadSource', 'MailingStreet', 'MailingCity', 'MailingState', 'MailingPostalCode', 'MailingCountry', 'OwnerId', 'HasOptedOutOfEmail'],
    readOnly: [...SYSTEM, 'Name'],
    custom: true,
  },
  Task: {
    prefix: '00T',
    required: [],
    writable: ['Subject', 'Description', 'Status', 'Priority', 'WhoId', 'WhatId', 'ActivityDate', 'TaskSubtype', 'Type', 'OwnerId', 'ReminderDateTime', 'IsReminderSet', 'CompletedDateTime'],
    readOnly: [...SYSTEM, 'IsClosed', 'AccountId'],
    custom: false,
  },
};
const BOOLEANS = new Set(['IsConverted', 'IsDeleted', 'HasOptedOutOfEmail', 'IsClosed', 'IsReminderSet']);
// The standard TaskStatus / TaskPriority values of a new org.
const PICKLISTS: Record<string, string[]> = {
  'Task.Status': ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
  'Task.Priority': ['High', 'Normal', 'Low'],
};

// errorcodes.htm: an error answer is an array of {message, errorCode} (plus fields for field-level errors).
const sfError = (status: number, errorCode: string, message: string, fields?: string[]) => new HttpError(status, [{ message, errorCode, ...(fields ? { fields } : {}) }], 'Salesforce');
const malformed = (message: string) => sfError(400, 'MALFORMED_QUERY', message);
// Salesforce datetimes look like 2024-05-01T12:00:00.000+0000.
const sfDateTime = (d: Date) => d.toISOString().replace('Z', '+0000');

// An 18-character id is the 15-character one plus a checksum of where its upper-case letters are.
function idSuffix(id15: string): string {
  return [0, 5, 10]
    .map((start) => {
      let bits = 0;
      for (let j = 0; j < 5; j++) if (/[A-Z]/.test(id15[start + j]!)) bits |= 1 << j;
      return 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'[bits];
    })
    .join('');
}
/** The 18-character form of a well-formed 15- or 18-character id, else undefined. */
function normalizeId(v: unknown): string | undefined {
  if (typeof v !== 'string' || !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(v)) return undefined;
  const id15 = v.slice(0, 15);
  return v.length === 18 && v.slice(15) !== idSuffix(id15) ? undefined : id15 + idSuffix(id15);
}

function canonicalField(type: SObjectType, name: string): string | undefined {
  const spec = SPECS[type];
  const hit = [...spec.writable, ...spec.readOnly].find((f) => f.toLowerCase() === name.toLowerCase());
  return hit ?? (spec.custom && /^[A-Za-z]\w*__c$/.test(name) ? name : undefined);
}
const canonicalType = (name: string) => (Object.keys(SPECS) as SObjectType[]).find((t) => t.toLowerCase() === name.toLowerCase());
// Text comparison in SOQL is case-insensitive except on case-sensitive unique fields (comparison operators page).
const same = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);

interface Query {
  fields: string[];
  object: string;
  where: Array<{ field: string; value: string | boolean | null; quoted: boolean }>;
  orderBy?: { field: string; desc: boolean };
  limit?: number;
}

// SOQL escapes (quoted string escape sequences page); \_ and \% are only legal inside LIKE, which is not supported here.
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };
function unescapeSoql(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (seq: string, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    const out = ESCAPES[c] ?? ESCAPES[c.toLowerCase()];
    if (out === undefined || c === 'U') throw malformed(`Invalid string literal: Illegal escape sequence '${seq}'`);
    return out;
  });
}

/** The subset of SOQL the adapter sends: SELECT a, b FROM X [WHERE f = 'v' | true | false | null [AND ...]] [ORDER BY f [ASC|DESC]] [LIMIT n]. */
function parseSoql(soql: string): Query {
  const tokens: Array<{ kind: 'word' | 'string' | 'number' | 'punct'; text: string; value?: string }> = [];
  const re = /\s*(?:'((?:[^'\\]|\\[\s\S])*)'|([A-Za-z_][\w.]*)|(\d+)|(,|=))/y;
  for (let at = 0; soql.slice(at).trim() !== ''; at = re.lastIndex) {
    re.lastIndex = at;
    const m = re.exec(soql);
    if (!m) throw malformed(`unexpected token: '${soql.slice(at).trim().split(/\s+/)[0]}'`);
    const text = m[0].trim();
    if (m[1] !== undefined) tokens.push({ kind: 'string', text, value: unescapeSoql(m[1]) });
    else tokens.push({ kind: m[2] ? 'word' : m[3] ? 'number' : 'punct', text });
  }
  let i = 0;
  const unexpected = () => malformed(tokens[i] ? `unexpected token: '${tokens[i]!.text}'` : 'unexpected end of query');
  const isKeyword = (k: string) => tokens[i]?.kind === 'word' && tokens[i]!.text.toUpperCase() === k;
  const keyword = (k: string) => {
    if (!isKeyword(k)) throw unexpected();
    i++;
  };
  const word = () => {
    if (tokens[i]?.kind !== 'word') throw unexpected();
    return tokens[i++]!.text;
  };
  keyword('SELECT');
  const fields = [word()];
  while (tokens[i]?.text === ',') {
    i++;
    fields.push(word());
  }
  keyword('FROM');
  const query: Query = { fields, object: word(), where: [] };
  if (isKeyword('WHERE')) {
    do {
      i++; // WHERE or AND
      const field = word();
      if (tokens[i]?.text !== '=') throw unexpected();
      const v = tokens[++i];
      if (v?.kind === 'string') query.where.push({ field, value: v.value!, quoted: true });
      else if (v?.kind === 'word' && /^(true|false|null)$/i.test(v.text)) query.where.push({ field, value: v.text.toLowerCase() === 'null' ? null : v.text.toLowerCase() === 'true', quoted: false });
      else throw unexpected();
      i++;
    } while (isKeyword('AND'));
  }
  if (isKeyword('ORDER')) {
    i++;
    keyword('BY');
    query.orderBy = { field: word(), desc: false };
    if (isKeyword('ASC') || isKeyword('DESC')) query.orderBy.desc = tokens[i++]!.text.toUpperCase() === 'DESC';
  }
  if (isKeyword('LIMIT')) {
    i++;
    if (tokens[i]?.kind !== 'number') throw unexpected();
    query.limit = Number(tokens[i++]!.text);
  }
  if (i < tokens.length) throw unexpected();
  return query;
}

export class SalesforceApi extends FakeVendorApi<{ errorCode?: string; message?: string }> {
  readonly version: string;
  protected override readonly contentType = 'application/json;charset=UTF-8';
  private counter = 0;
  private readonly store = new Map<SObjectType, SalesforceRecord[]>();
  private readonly byId = new Map<string, { type: SObjectType; record: SalesforceRecord }>();
  private readonly userId: string;

  constructor(options: { token?: string; version?: string } = {}) {
    super(options.token ?? '00D000000000001!fake.session.token');
    this.version = options.version ?? '62.0';
    this.userId = this.newId('005');
  }

  /** Stored records of one type, in creation order (live objects). */
  records(type: SObjectType): SalesforceRecord[] {
    return this.store.get(type) ?? [];
  }

  /** Adds a record directly (no validation, no request logged), as if it existed in the org; returns its 18-character id. */
  seed(type: SObjectType, fields: Record<string, unknown>): string {
    return this.insert(type, fields).Id;
  }

  /** failNext: Salesforce's error array for the status; `overrides` replace its errorCode / message. */
  protected override injectedFaultBody(status: number, overrides?: { errorCode?: string; message?: string }): object {
    const [errorCode, message] = FAULTS[status] ?? FAULTS[500]!;
    return [{ message, errorCode, ...overrides }];
  }

  /** 401 INVALID_SESSION_ID, as for a revoked session. */
  protected override unauthorizedBody(): object {
    return [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
  }

  protected override badJsonBody(): object {
    return [{ message: 'Unexpected character in JSON body', errorCode: 'JSON_PARSER_ERROR' }];
  }

  protected override crashBody(err: Error): object {
    return [{ message: `fake Salesforce crashed: ${err.message}`, errorCode: 'UNKNOWN_EXCEPTION' }];
  }

  // jsforce sends "Authorization: Bearer <token>"; the REST guide also shows the older "OAuth <token>" form.
  protected override acceptsAuthorization(header: string | undefined): boolean {
    const auth = header ?? '';
    return auth === `Bearer ${this.token}` || auth === `OAuth ${this.token}`;
  }

  /** A repeated parameter keeps its last value. */
  protected override queryRecord(params: URLSearchParams): Record<string, string> {
    return Object.fromEntries(params);
  }

  protected override route(method: string, url: URL, _query: Record<string, string>, body: unknown): [number, object | undefined] {
    const notFound = sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const m = /^\/services\/data\/v(\d+\.\d+)(\/.*)$/.exec(url.pathname);
    if (!m || m[1] !== this.version) throw notFound; // a version this fake was not built for: as if unsupported
    const rest = m[2]!;
    if (method === 'GET' && rest === '/query') return [200, this.query(url.searchParams.get('q') ?? '')];
    const s = /^\/sobjects\/([^/]+)(?:\/([^/]+))?$/.exec(rest);
    const type = s && canonicalType(s[1]!);
    if (!s || !type) throw notFound;
    if (!s[2]) {
      if (method !== 'POST') throw notFound;
      // dome_sobject_create.htm: 201 {id, success, errors}.
      return [201, { id: this.create(type, body).Id, success: true, errors: [] }];
    }
    const id = normalizeId(s[2]);
    const hit = id && this.byId.get(id);
    if (!hit || hit.type !== type) {
      // For a non-id the URL segment is read as an external id value, hence Salesforce's different message.
      throw id ? notFound : sfError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${s[2]}`);
    }
    if (method === 'GET') {
      const wanted = url.searchParams.get('fields')?.split(',').map((f) => canonicalField(type, f.trim()) ?? f.trim());
      return [200, this.view(type, hit.record, wanted ?? Object.keys(hit.record))];
    }
    if (method === 'PATCH') {
      this.applyWrite(type, body, hit.record);
      return [204, undefined]; // dome_update_fields.htm: 204 No Content
    }
    throw notFound;
  }

  private query(soql: string): object {
    const q = parseSoql(soql);
    const type = canonicalType(q.object);
    if (!type) throw sfError(400, 'INVALID_TYPE', `sObject type '${q.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
    const field = (name: string) => {
      const f = canonicalField(type, name);
      if (!f) throw sfError(400, 'INVALID_FIELD', `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
      return f;
    };
    const fields = q.fields.map(field);
    const where = q.where.map((c) => {
      const f = field(c.field);
      // Salesforce type-checks filter literals: booleans bare, strings quoted.
      if (c.value !== null && BOOLEANS.has(f) === c.quoted) {
        throw sfError(400, 'INVALID_QUERY_FILTER_OPERATOR', `value of filter criterion for field '${f}' must be of type ${BOOLEANS.has(f) ? 'boolean and should not be enclosed in quotes' : 'string and should be enclosed in quotes'}`);
      }
      return { f, value: c.value };
    });
    let rows = this.records(type).filter((r) => where.every(({ f, value }) => (value === null ? r[f] == null : same(r[f], value))));
    if (q.orderBy) {
      const f = field(q.orderBy.field);
      const dir = q.orderBy.desc ? -1 : 1;
      // Nulls sort first ascending (SOQL default NULLS FIRST); Array.prototype.sort is stable, so ties keep creation order.
      rows = [...rows].sort((a, b) => (a[f] == null ? (b[f] == null ? 0 : -1) : b[f] == null ? 1 : String(a[f]).localeCompare(String(b[f]))) * dir);
    }
    if (q.limit !== undefined) rows = rows.slice(0, q.limit);
    // resources_query.htm: {totalSize, done, records[{attributes:{type,url}, ...selected fields}]}; totalSize honours LIMIT.
    return { totalSize: rows.length, done: true, records: rows.map((r) => this.view(type, r, fields)) };
  }

  private view(type: SObjectType, record: SalesforceRecord, fields: string[]): object {
    return { attributes: { type, url: `/services/data/v${this.version}/sobjects/${type}/${record.Id}` }, ...Object.fromEntries(fields.map((f) => [f, record[f] ?? null])) };
  }

  private create(type: SObjectType, body: unknown): SalesforceRecord {
    const fields = this.applyWrite(type, body);
    return this.insert(type, fields);
  }

  /** Validates a create (no `existing`) or update body as Salesforce does, and applies it to `existing`. */
  private applyWrite(type: SObjectType, body: unknown, existing?: SalesforceRecord): Record<string, unknown> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw sfError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of sObject from a non-object JSON value');
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attributes') continue; // a record body may carry its attributes object
      const f = canonicalField(type, key);
      if (!f) throw sfError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${type}`);
      if (SPECS[type].readOnly.includes(f)) throw sfError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${f}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, [f]);
      fields[f] = value;
    }
    const merged = { ...existing, ...fields };
    const missing = SPECS[type].required.filter((f) => merged[f] === undefined || merged[f] === null || merged[f] === '');
    if (missing.length) throw sfError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
    if (typeof fields.Email === 'string' && fields.Email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.Email)) {
      throw sfError(400, 'INVALID_EMAIL_ADDRESS', `Email: invalid email address: ${fields.Email}`, ['Email']);
    }
    for (const [f, allowed] of Object.entries(PICKLISTS)) {
      const [t, name] = f.split('.') as [string, string];
      if (t === type && fields[name] != null && !allowed.includes(String(fields[name]))) {
        throw sfError(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${name}: bad value for restricted picklist field: ${String(fields[name])}`, [name]);
      }
    }
    if (fields.ActivityDate != null && !/^\d{4}-\d{2}-\d{2}$/.test(String(fields.ActivityDate))) {
      throw sfError(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of date from VALUE_STRING value ${String(fields.ActivityDate)} or request may be missing a required field`);
    }
    if (fields.WhoId != null) fields.WhoId = this.checkWhoId(fields.WhoId);
    if (fields.WhatId != null) {
      const whatId = normalizeId(fields.WhatId);
      if (!whatId) throw sfError(400, 'MALFORMED_ID', `Related To ID: id value of incorrect type: ${String(fields.WhatId)}`, ['WhatId']);
      fields.WhatId = whatId;
    }
    if (existing) {
      Object.assign(existing, fields, { LastModifiedDate: sfDateTime(new Date()), SystemModstamp: sfDateTime(new Date()) });
      this.derive(type, existing);
    }
    return fields;
  }

  // Task.WhoId ("Name ID") must be a Lead or Contact of this org. Ids are stored in their 18-character form.
  private checkWhoId(v: unknown): string {
    const id = normalizeId(v);
    if (!id) throw sfError(400, 'MALFORMED_ID', `Name ID: id value of incorrect type: ${String(v)}`, ['WhoId']);
    if (!id.startsWith('00Q') && !id.startsWith('003')) throw sfError(400, 'FIELD_INTEGRITY_EXCEPTION', `Name ID: id value of incorrect type: ${id}`, ['WhoId']);
    if (!this.byId.has(id)) throw sfError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['WhoId']);
    return id;
  }

  private insert(type: SObjectType, fields: Record<string, unknown>): SalesforceRecord {
    const now = sfDateTime(new Date());
    const defaults: Record<SObjectType, Record<string, unknown>> = {
      Lead: { Status: 'Open - Not Contacted', IsConverted: false, HasOptedOutOfEmail: false },
      Contact: { HasOptedOutOfEmail: false },
      Task: { Status: 'Not Started', Priority: 'Normal', IsReminderSet: false }, // Status defaults to 'Not Started' in a new org
    };
    const record: SalesforceRecord = {
      Id: this.newId(SPECS[type].prefix),
      OwnerId: this.userId,
      ...defaults[type],
      CreatedDate: now,
      CreatedById: this.userId,
      LastModifiedDate: now,
      LastModifiedById: this.userId,
      SystemModstamp: now,
      IsDeleted: false,
      ...fields,
    };
    this.derive(type, record);
    this.store.set(type, [...this.records(type), record]);
    this.byId.set(record.Id, { type, record });
    return record;
  }

  // Fields Salesforce computes: Name from its parts, Task.IsClosed from Status, Task.AccountId from a Contact WhoId.
  private derive(type: SObjectType, r: SalesforceRecord): void {
    if (type !== 'Task') r.Name = [r.FirstName, r.LastName].filter(Boolean).join(' ');
    else {
      r.IsClosed = r.Status === 'Completed';
      r.AccountId = typeof r.WhoId === 'string' && r.WhoId.startsWith('003') ? (this.byId.get(r.WhoId)?.record.AccountId ?? null) : null;
    }
  }

  private newId(prefix: string): string {
    const n = (++this.counter).toString(36).toUpperCase().padStart(8, '0');
    const id15 = `${prefix}5g00${n}`.slice(0, 15);
    return id15 + idSuffix(id15);
  }
}

// Injected faults: errorCode and message per status, from errorcodes.htm and the SOAP/REST exception codes.
const FAULTS: Record<number, [string, string]> = {
  400: ['INVALID_FIELD', 'injected 400'],
  401: ['INVALID_SESSION_ID', 'Session expired or invalid'],
  403: ['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'],
  404: ['NOT_FOUND', 'The requested resource does not exist'],
  429: ['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'],
  500: ['UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)'],
  503: ['SERVER_UNAVAILABLE', 'Server temporarily unavailable'],
};
