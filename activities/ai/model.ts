/** A language model that writes JSON to a schema: the local GGUF model or any OpenAI-compatible server. */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerationRequest {
  /** The instructions (system), worked examples (user/assistant pairs) and the case (the last user message). */
  messages: ChatMessage[];
  /** The JSON schema the answer must follow (a grammar for the local model, response_format for a server). */
  schema: { name: string; jsonSchema: Record<string, unknown> };
  temperature: number;
  seed: number;
  maxTokens: number;
  signal?: AbortSignal;
  /** Called as the answer is written, so a long generation can heartbeat. */
  onProgress?: () => void;
}

export interface Generation {
  /** The model's answer as it wrote it. */
  raw: string;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  finishReason: 'stop' | 'length';
}

export interface LanguageModel {
  readonly provider: 'local' | 'openai';
  /** The model's name. */
  readonly model: string;
  /** What pins the model down: the GGUF file's SHA-256, or the server's model id. */
  readonly version: string;
  generate(request: GenerationRequest): Promise<Generation>;
}

/**
 * Why a generation failed, and whether trying again may help: a rate limit, a 5xx, a timeout or a dropped
 * connection may pass; a 4xx will not; an answer that does not parse may, a few times.
 */
export type ModelFailure = 'unavailable' | 'rejected' | 'unparseable' | 'aborted';

export class ModelError extends Error {
  constructor(
    message: string,
    readonly failure: ModelFailure,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
