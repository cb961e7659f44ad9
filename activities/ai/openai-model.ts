/**
 * Any server that speaks the OpenAI chat-completions protocol (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp's
 * server, LM Studio), through the official `openai` package, with the answer constrained by a JSON schema
 * (response_format json_schema). The client's own retries are off: retries and their budget are the caller's
 * (the drafting activity's, which Temporal retries), so every attempt is visible.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ModelError, type Generation, type GenerationRequest, type LanguageModel } from './model';

export interface OpenAiModelOptions {
  baseURL: string;
  model: string;
  apiKey?: string;
  /** Per request; default 60 s. */
  timeoutMs?: number;
}

/** Maps a failed request to whether it may pass: rate limits, 5xx, timeouts and dropped connections may. */
export function modelErrorFrom(err: unknown): ModelError {
  if (err instanceof ModelError) return err;
  if (err instanceof APIUserAbortError) return new ModelError('the generation was cancelled', 'aborted', false);
  if (err instanceof APIConnectionTimeoutError) return new ModelError(`the drafting server did not answer in time: ${err.message}`, 'unavailable', true);
  if (err instanceof APIConnectionError) return new ModelError(`the drafting server could not be reached: ${err.message}`, 'unavailable', true);
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    if (status === 429 || status === 408 || status >= 500) return new ModelError(`the drafting server answered ${status}: ${err.message}`, 'unavailable', true);
    return new ModelError(`the drafting server refused the request (${status}): ${err.message}`, 'rejected', false);
  }
  return new ModelError(`the drafting server failed: ${(err as Error).message}`, 'unavailable', true);
}

export function createOpenAiModel(options: OpenAiModelOptions): LanguageModel {
  // Local servers (Ollama, llama.cpp, vLLM) take any key; the client insists on one.
  const client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey || 'none', maxRetries: 0, timeout: options.timeoutMs ?? 60_000 });
  let version = options.model;
  return {
    provider: 'openai',
    model: options.model,
    get version() {
      return version;
    },
    async generate(request: GenerationRequest): Promise<Generation> {
      const started = performance.now();
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model: options.model,
            messages: request.messages,
            temperature: request.temperature,
            seed: request.seed,
            max_tokens: request.maxTokens,
            response_format: { type: 'json_schema', json_schema: { name: request.schema.name, schema: request.schema.jsonSchema, strict: true } },
          },
          { signal: request.signal },
        );
      } catch (err) {
        throw modelErrorFrom(err);
      }
      request.onProgress?.();
      version = completion.system_fingerprint ? `${completion.model} (${completion.system_fingerprint})` : completion.model || options.model;
      const choice = completion.choices?.[0];
      if (!choice || typeof choice.message?.content !== 'string') {
        throw new ModelError('the drafting server answered without a message', 'unparseable', true);
      }
      return {
        raw: choice.message.content,
        promptTokens: completion.usage?.prompt_tokens ?? null,
        completionTokens: completion.usage?.completion_tokens ?? null,
        latencyMs: Math.round(performance.now() - started),
        finishReason: choice.finish_reason === 'length' ? 'length' : 'stop',
      };
    },
  };
}
