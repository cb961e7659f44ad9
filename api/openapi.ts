import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as s from './schemas';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, { description: errorDescriptions[status]!, ...json(s.errorResponse) }]));
const errorDescriptions: Record<number, string> = {
  400: 'Malformed request; the message names the bad field',
  401: 'Missing or unknown bearer token',
  403: "The token's role or owner may not do this",
  404: 'No such resource',
  409: 'Conflicts with the current state (already enrolled, stale draft version, already decided)',
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
    description: 'Upserts the account and prospect, then starts one cadence workflow per prospect.',
    security,
    request: { body: json(s.enrollRequest) },
    responses: { 201: { description: 'Enrolled', ...json(s.enrollResponse) }, ...errors(400, 401, 403, 404, 409) },
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
    description: 'Bound to the draft version the rep saw; a stale version is refused with 409.',
    security,
    request: { params: s.idParam, body: json(s.decisionRequest) },
    responses: { 200: { description: 'Decision accepted', ...json(s.decisionResponse) }, ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/webhooks/inbound-reply',
    summary: 'Deliver an inbound reply (integrations)',
    description: "Matched by In-Reply-To/References, else by sender; recorded before the cadence is signalled; idempotent by Message-ID.",
    security,
    request: { body: json(s.inboundReplyRequest) },
    responses: {
      202: { description: 'Recorded', ...json(s.inboundReplyResponse) },
      200: { description: 'Already recorded (duplicate delivery)', ...json(s.inboundReplyResponse) },
      ...errors(400, 401, 403),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/prospects/{id}/timeline',
    summary: "A prospect's story from the audit trail, oldest first",
    security,
    request: { params: s.idParam },
    responses: { 200: { description: 'Timeline', ...json(s.timelineResponse) }, ...errors(401, 403, 404) },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Cadence engine API', version: '1.0.0', description: 'Human-in-the-loop sales cadences on Temporal' },
  });
}
