// `cadence draft [--json] < case.json`: drafts one email from a framework for one prospect, as a cadence step
// would, and prints one line of JSON:
//
//   {"subject","body","provider","model","confidence","reasons":[{"code","detail","effect"}],"gate":"auto"|"review"}
//
// `gate` is what the default gate policy decides for a step that is not a first touch. The case is
// {"provider": "template"|"local"|"openai", "framework": {"subject","body","instructions","dos","donts"},
//  "prospect": {…}, "account": {…}, "owner": {"name"}} with prospect and account as in POST /v1/enrollments and AI
// slots written {{ai:NAME|instruction}} in the subject or body. It needs no database and no Temporal server; the
// models come from the DRAFTER_* settings (the local model from DRAFTER_MODEL_PATH or .data/models).
//
// Exit codes: 0 drafted, 1 the model could not draft, 2 bad usage or a bad case (the message names the field).
import { z } from 'zod';
import { createAiDrafter } from '../activities/ai/ai-drafter';
import { createLocalModel } from '../activities/ai/local-model';
import { ModelError } from '../activities/ai/model';
import { createOpenAiModel } from '../activities/ai/openai-model';
import type { Drafter } from '../activities/deps';
import { builtInDrafter } from '../activities/drafter';
import { builtInEnricher } from '../activities/enricher';
import { scoreDraft } from '../activities/scoring';
import { enrollRequest } from '../api/schemas';
import { gatePolicyFromConfig, loadAppConfig } from '../config/app';
import { ConfigError, formatZodIssues } from '../config/errors';
import { decideGate } from '../workflows/policy';
import { modelPathFromConfig } from '../workers/drafters';

export const DRAFT_USAGE = `usage: cadence draft [--json] < case.json

Drafts one email from a framework for one prospect and prints one line of JSON:
{"subject","body","provider","model","confidence","reasons","gate"}. The case:
{"provider": "template"|"local"|"openai", "framework": {"subject", "body",
"instructions"?, "dos"?, "donts"?}, "prospect": {...}, "account": {...},
"owner": {"name"}}; AI slots are {{ai:NAME|instruction}} in subject or body.
The local model is DRAFTER_MODEL_PATH (npm run model fetches the default); the
openai provider needs DRAFTER_BASE_URL and DRAFTER_MODEL.`;

export const draftCase = z
  .object({
    provider: z.enum(['template', 'local', 'openai']),
    framework: z
      .object({
        subject: z.string().min(1).max(300),
        body: z.string().min(1).max(20_000),
        instructions: z.string().max(5000).optional(),
        dos: z.array(z.string().min(1).max(300)).max(30).optional(),
        donts: z.array(z.string().min(1).max(300)).max(30).optional(),
      })
      .strict(),
    prospect: enrollRequest.shape.prospect,
    account: enrollRequest.shape.account,
    owner: z.object({ name: z.string().min(1).max(200) }).strict(),
  })
  .strict();

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function draftCommand(argv: string[], stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  for (const arg of argv) {
    if (arg === '--json') continue;
    if (arg === '--help' || arg === '-h') {
      stdout.write(`${DRAFT_USAGE}\n`);
      return 0;
    }
    stderr.write(`cadence draft: unexpected argument "${arg}"\n\n${DRAFT_USAGE}\n`);
    return 2;
  }
  let input: z.output<typeof draftCase>;
  try {
    const parsed = draftCase.safeParse(JSON.parse(await readAll(stdin)));
    if (!parsed.success) {
      stderr.write(`cadence draft: the case is not valid: ${formatZodIssues(parsed.error)}\n`);
      return 2;
    }
    input = parsed.data;
  } catch (err) {
    stderr.write(`cadence draft: standard input is not JSON: ${(err as Error).message}\n`);
    return 2;
  }

  let config;
  try {
    config = loadAppConfig(env);
  } catch (err) {
    stderr.write(`cadence draft: ${(err as ConfigError).message}\n`);
    return 2;
  }
  const options = { temperature: config.DRAFTER_TEMPERATURE, seed: config.DRAFTER_SEED };
  let drafter: Drafter = builtInDrafter;
  let dispose = async () => {};
  if (input.provider === 'local') {
    const model = createLocalModel({ modelPath: modelPathFromConfig(config), threads: config.DRAFTER_THREADS });
    drafter = createAiDrafter(model, options);
    dispose = () => model.dispose();
  } else if (input.provider === 'openai') {
    if (!config.DRAFTER_BASE_URL || !config.DRAFTER_MODEL) {
      stderr.write(`cadence draft: the openai provider needs DRAFTER_BASE_URL and DRAFTER_MODEL\n`);
      return 2;
    }
    drafter = createAiDrafter(createOpenAiModel({ baseURL: config.DRAFTER_BASE_URL, model: config.DRAFTER_MODEL, apiKey: config.DRAFTER_API_KEY, timeoutMs: config.DRAFTER_TIMEOUT }), options);
  }

  try {
    const { prospect, account } = input;
    const enrichment = await builtInEnricher.enrich({
      prospect: { id: 'case', email: prospect.email, firstName: prospect.firstName, lastName: prospect.lastName ?? null, title: prospect.title ?? null, timezone: prospect.timezone ?? null, attributes: prospect.attributes ?? {} },
      account: { id: 'case', name: account.name, domain: account.domain, industry: account.industry ?? null, employeeCount: account.employeeCount ?? null, tier: account.tier ?? 'standard', dealValue: account.dealValue ?? 0, attributes: account.attributes ?? {} },
      owner: { id: 'case', name: input.owner.name, email: 'owner@case.invalid' },
    });
    const template = { id: 'case', name: 'case', version: 1, ...input.framework };
    const content = await drafter.draft(template, enrichment, {
      ownerName: input.owner.name,
      language: typeof enrichment.fields.language === 'string' ? enrichment.fields.language.slice(0, 2).toLowerCase() : null,
      thread: [],
      approvedExamples: [],
    });
    const score = scoreDraft(content, enrichment);
    const gate = decideGate(
      { stepKind: 'email', isFirstTouch: false, confidence: score.confidence, account: { tier: account.tier ?? 'standard', dealValue: account.dealValue ?? 0 }, templateId: 'case' },
      gatePolicyFromConfig(config),
    );
    stdout.write(
      `${JSON.stringify({
        subject: content.subject,
        body: content.body,
        provider: input.provider,
        model: content.ai ? `${content.ai.model} (${content.ai.version})` : null,
        confidence: score.confidence,
        reasons: score.reasons.map((r) => ({ code: r.code, detail: r.detail, effect: r.effect })),
        gate: gate.gated ? 'review' : 'auto',
      })}\n`,
    );
    return 0;
  } catch (err) {
    stderr.write(`cadence draft: ${err instanceof ModelError ? `the ${input.provider} model could not draft: ${err.message}` : (err as Error).message}\n`);
    return 1;
  } finally {
    await dispose();
  }
}
