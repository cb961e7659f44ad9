// The one check that a response is what GET /v1/openapi.json promises: every response the suite's tests
// receive through `stack.api` goes through `assertDocumentedResponse`, so a test that meets an undocumented
// status or a body off its schema fails where it happened, whatever the test itself asserts.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { match } from 'path-to-regexp';
import { buildOpenApiDocument } from '../../api/openapi';

type Document = ReturnType<typeof buildOpenApiDocument>;

interface Operation {
  template: string;
  matches: (path: string) => boolean;
  /** Path parameters: fewer means more specific (`/v1/suppressions/import` before `/v1/suppressions/{kind}/{value}`). */
  params: number;
  method: string;
}

let compiled: { doc: Document; operations: Operation[]; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | null = null;

/** The document as the API serves it, with its operations and a validator over its schemas (built once). */
function contract() {
  if (compiled) return compiled;
  const doc = buildOpenApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, 'openapi.json');
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    const test = match(template.replace(/\{([^}]+)\}/g, ':$1'), { decode: false });
    for (const method of Object.keys(item as object)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      operations.push({ template, method, matches: (p) => test(p) !== false, params: (template.match(/\{/g) ?? []).length });
    }
  }
  compiled = { doc, operations, ajv, validators: new Map() };
  return compiled;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Throws, naming the operation and what is off, unless the status is documented for the operation the request
 * reached and the body matches that status's JSON schema. A request no operation serves (an unknown route, an
 * undeclared method) must answer in the error shape.
 */
export function assertDocumentedResponse(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  const { doc, operations, ajv, validators } = contract();
  const path = new URL(url, 'http://api.invalid').pathname;
  // HEAD is GET without the body (RFC 9110 §9.3.2): its status must be one GET documents.
  const head = method.toUpperCase() === 'HEAD';
  const operation = operations
    .filter((o) => o.method === (head ? 'get' : method.toLowerCase()) && o.matches(path))
    .sort((a, b) => a.params - b.params)[0];
  const where = operation ? `${method.toUpperCase()} ${operation.template}` : `${method.toUpperCase()} ${path} (no operation)`;
  let ref: string;
  if (!operation) {
    if (status < 400) throw new Error(`${where} answered ${status}: the document has no operation for it`);
    ref = `openapi.json#/components/schemas/Error`;
  } else {
    const responses = (doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>)[operation.template]![operation.method]!.responses;
    const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!documented) throw new Error(`${where} answered ${status}, which its responses (${Object.keys(responses).join(', ')}) do not document`);
    const mediaType = (contentType ?? '').split(';')[0]!.trim();
    if (head) return;
    if (!documented.content) {
      if (body !== null && body !== undefined && body !== '') throw new Error(`${where} ${status} is documented without a body, and answered one`);
      return;
    }
    if (!(mediaType in documented.content)) throw new Error(`${where} ${status} answered ${mediaType || 'no content type'}; documented: ${Object.keys(documented.content).join(', ')}`);
    if (mediaType !== 'application/json') return;
    ref = `openapi.json#/${pointer('paths', operation.template, operation.method, 'responses', String(status) in responses ? String(status) : `${String(status)[0]}XX`, 'content', 'application/json', 'schema')}`;
  }
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  if (!validate(body)) {
    const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    throw new Error(`${where} ${status}: the body does not match the documented schema: ${problems.join('; ')}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
  }
}
