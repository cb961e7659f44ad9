/**
 * A real HTTP server that speaks the OpenAI chat-completions protocol (POST /v1/chat/completions, GET /v1/models)
 * and answers with a local model, for testing the `openai` provider end to end. Faults can be queued: a 429 or 500,
 * a malformed answer, or a request held open until the client gives up (what a reply's cancellation does).
 * Response shapes follow https://platform.openai.com/docs/api-reference/chat/object.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LanguageModel } from '../../activities/ai/model';

export type Fault = '429' | '500' | '400' | 'malformed' | 'hold';

export interface FakeOpenAi {
  baseURL: string;
  /** Answers the next requests with these faults, in order (then normally). */
  fail(...faults: Fault[]): void;
  /** Every request, with what happened to it. */
  requests: Array<{ body: any; outcome: Fault | 'answered' | 'aborted' }>;
  /** Resolves when a request is being held open. */
  held(): Promise<void>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function startFakeOpenAi(model: LanguageModel, options: { always?: Fault } = {}): Promise<FakeOpenAi> {
  const faults: Fault[] = [];
  const requests: FakeOpenAi['requests'] = [];
  let onHeld: (() => void) | undefined;
  let heldPromise = new Promise<void>((r) => (onHeld = r));
  const send = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const server: Server = createServer(async (req, res) => {
    try {
      if (req.method === 'GET' && req.url === '/v1/models') return send(res, 200, { object: 'list', data: [{ id: model.model, object: 'model', created: 0, owned_by: 'local' }] });
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
      const body = await readJson(req);
      const entry: FakeOpenAi['requests'][number] = { body, outcome: 'answered' };
      requests.push(entry);
      const fault = faults.shift() ?? options.always;
      if (fault) entry.outcome = fault;
      if (fault === '429') return send(res, 429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } });
      if (fault === '500') return send(res, 500, { error: { message: 'The server had an error', type: 'server_error' } });
      if (fault === '400') return send(res, 400, { error: { message: "Invalid schema for response_format 'draft_slots'", type: 'invalid_request_error' } });
      if (fault === 'hold') {
        res.on('close', () => {
          if (!res.writableFinished) entry.outcome = 'aborted';
        });
        onHeld?.();
        return; // never answered: the client has to give up
      }
      const ac = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) {
          entry.outcome = 'aborted';
          ac.abort(new Error('client disconnected'));
        }
      });
      const schema = body.response_format?.json_schema;
      const generation =
        fault === 'malformed'
          ? { raw: 'Sure! Here is an email opener you might like:', promptTokens: 10, completionTokens: 10, finishReason: 'stop' as const }
          : await model.generate({
              messages: body.messages,
              schema: { name: schema?.name ?? 'answer', jsonSchema: schema?.schema ?? { type: 'object' } },
              temperature: body.temperature ?? 1,
              seed: body.seed ?? 0,
              maxTokens: body.max_tokens ?? body.max_completion_tokens ?? 256,
              signal: ac.signal,
            });
      send(res, 200, {
        id: `chatcmpl-${randomUUID()}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        system_fingerprint: `fp_${model.version.slice(7, 17)}`,
        choices: [{ index: 0, message: { role: 'assistant', content: generation.raw, refusal: null }, logprobs: null, finish_reason: generation.finishReason }],
        usage: { prompt_tokens: generation.promptTokens ?? 0, completion_tokens: generation.completionTokens ?? 0, total_tokens: (generation.promptTokens ?? 0) + (generation.completionTokens ?? 0) },
      });
    } catch (err) {
      if (!res.headersSent && !res.destroyed) send(res, 500, { error: { message: (err as Error).message, type: 'server_error' } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    fail: (...f) => faults.push(...f),
    requests,
    held: () => heldPromise,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      heldPromise = new Promise<void>((r) => (onHeld = r));
    },
  };
}
