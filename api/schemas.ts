import { z } from 'zod';

const email = z.email().max(320);

export const enrollRequest = z
  .object({
    cadenceId: z.string().min(1).describe('The cadence definition to run'),
    ownerId: z.string().min(1).optional().describe("The rep who owns the prospect; defaults to the caller when the caller is a rep"),
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
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain such as example.com')
          .transform((d) => d.toLowerCase()),
        tier: z.string().min(1).max(50).optional(),
        dealValue: z.number().int().min(0).optional(),
        industry: z.string().max(100).optional(),
        employeeCount: z.number().int().min(0).optional(),
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
    z.object({ action: z.literal('approve'), draftVersion: z.number().int().min(1) }).strict(),
    z
      .object({
        action: z.literal('edit'),
        draftVersion: z.number().int().min(1),
        subject: z.string().min(1).max(300).optional(),
        body: z.string().min(1).max(20_000).optional(),
      })
      .strict()
      .refine((v) => v.subject !== undefined || v.body !== undefined, { message: 'an edit needs a subject or a body', path: ['body'] }),
    z
      .object({
        action: z.literal('reject'),
        draftVersion: z.number().int().min(1),
        mode: z.enum(['skip-step', 'end-cadence']).default('skip-step'),
        reason: z.string().max(2000).optional(),
      })
      .strict(),
  ])
  .meta({ id: 'DecisionRequest' });

export const decisionResponse = z
  .object({
    approvalId: z.string(),
    action: z.enum(['approve', 'edit', 'reject']),
    step: z.number().int(),
    contentHash: z.string().nullable().describe('Hash of exactly what will be sent; null on reject'),
    duplicate: z.boolean().describe('True when this exact decision had already been made'),
  })
  .meta({ id: 'DecisionResponse' });

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
    text: z.string().max(200_000).describe('Plain-text body'),
    inReplyTo: messageId.optional(),
    references: z.array(messageId).max(100).optional(),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .meta({ id: 'InboundReply' });

export const inboundReplyResponse = z
  .object({
    replyId: z.string(),
    duplicate: z.boolean(),
    matched: z.boolean(),
    matchedBy: z.enum(['in-reply-to', 'references', 'sender']).nullable(),
    prospectId: z.string().nullable(),
    cadenceStopped: z.boolean().describe('True when a running cadence was signalled to stop'),
  })
  .meta({ id: 'InboundReplyResult' });

const confidenceReason = z.object({ code: z.string(), effect: z.number(), detail: z.string() });
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

export const approvalQueue = z.object({ items: z.array(approvalItem) }).meta({ id: 'ApprovalQueue' });

export const approvalQueueQuery = z
  .object({
    status: z.enum(['pending', 'approved', 'edited', 'rejected', 'expired', 'cancelled']).default('pending'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const timelineEvent = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  step: z.number().int().nullable(),
  contentHash: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const timelineResponse = z
  .object({ prospectId: z.string(), events: z.array(timelineEvent) })
  .meta({ id: 'Timeline' });

export const errorResponse = z
  .object({
    error: z.string().describe('Machine-readable code'),
    message: z.string().describe('What was wrong, naming the field or resource'),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

export const idParam = z.object({ id: z.string().min(1) });
