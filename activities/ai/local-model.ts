/**
 * The embedded model: a GGUF file run in this process by node-llama-cpp on the CPU (its prebuilt binaries come
 * from npm; nothing is compiled or downloaded at run time), one generation at a time per loaded model, the JSON
 * schema enforced by a grammar.
 *
 * The local default, Gemma 3 270M, is a base model: it continues text rather than following chat turns, so the
 * messages are laid out as a plain document of worked examples ending where the answer goes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Llama, LlamaContextSequence, LlamaGrammar, LlamaModel } from 'node-llama-cpp';
import { loadNodeLlamaCpp } from './esm';
import { ModelError, type ChatMessage, type Generation, type GenerationRequest, type LanguageModel } from './model';

export interface LocalModelOptions {
  modelPath: string;
  /** CPU threads for generation. One keeps a loaded machine responsive; the figures are in the README. */
  threads?: number;
  contextSize?: number;
}

interface Engine {
  llama: Llama;
  model: LlamaModel;
  sequence: LlamaContextSequence;
  grammars: Map<string, Promise<LlamaGrammar>>;
  version: string;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The plain-text document a base model continues: instructions, worked examples, then the case. */
export function completionPrompt(messages: ChatMessage[]): string {
  const parts: string[] = [];
  for (const m of messages) {
    if (m.role === 'system') parts.push(m.content.trim(), '');
    else if (m.role === 'user') parts.push('### Input', m.content.trim(), '');
    else parts.push('### Output', m.content.trim(), '');
  }
  parts.push('### Output', '');
  return parts.join('\n');
}

export function createLocalModel(options: LocalModelOptions): LanguageModel & { dispose(): Promise<void> } {
  let engine: Promise<Engine> | undefined;
  // One generation at a time: the model has one sequence, and two generations on it corrupt each other silently.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = () =>
    (engine ??= (async () => {
      const { getLlama, LlamaLogLevel } = await loadNodeLlamaCpp();
      // build 'never' and skipDownload: a missing prebuilt binary is an error here, never a compile.
      const llama = await getLlama({ gpu: false, build: 'never', skipDownload: true, logLevel: LlamaLogLevel.error });
      const model = await llama.loadModel({ modelPath: options.modelPath });
      const context = await model.createContext({ contextSize: options.contextSize ?? 4096, threads: options.threads ?? 1 });
      return { llama, model, sequence: context.getSequence(), grammars: new Map(), version: `sha256:${await sha256(options.modelPath)}` };
    })().catch((err: unknown) => {
      engine = undefined;
      throw new ModelError(`the local model ${options.modelPath} could not be loaded: ${(err as Error).message}`, 'unavailable', false);
    }));

  let version = '';
  const model: LanguageModel & { dispose(): Promise<void> } = {
    provider: 'local',
    model: path.basename(options.modelPath, '.gguf'),
    get version() {
      return version;
    },
    async generate(request: GenerationRequest): Promise<Generation> {
      const e = await load();
      version = e.version;
      const key = JSON.stringify(request.schema.jsonSchema);
      let grammar = e.grammars.get(key);
      if (!grammar) {
        grammar = e.llama.createGrammarForJsonSchema(request.schema.jsonSchema as never) as Promise<LlamaGrammar>;
        e.grammars.set(key, grammar);
      }
      const g = await grammar;
      return serialized(async () => {
        request.signal?.throwIfAborted();
        const { LlamaCompletion } = await loadNodeLlamaCpp();
        // A fresh cache per generation: with a fixed seed the same prompt then gives the same answer.
        await e.sequence.clearHistory();
        const completion = new LlamaCompletion({ contextSequence: e.sequence });
        const before = e.sequence.tokenMeter.getState();
        const started = performance.now();
        try {
          const result = await completion.generateCompletionWithMeta(completionPrompt(request.messages), {
            grammar: g,
            temperature: request.temperature,
            seed: request.seed,
            maxTokens: request.maxTokens,
            signal: request.signal,
            stopOnAbortSignal: false,
            onTextChunk: () => request.onProgress?.(),
          });
          const after = e.sequence.tokenMeter.getState();
          return {
            raw: result.response,
            promptTokens: after.usedInputTokens - before.usedInputTokens,
            completionTokens: after.usedOutputTokens - before.usedOutputTokens,
            latencyMs: Math.round(performance.now() - started),
            finishReason: result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
          };
        } catch (err) {
          if (request.signal?.aborted) throw new ModelError('the generation was cancelled', 'aborted', false);
          throw new ModelError(`the local model failed: ${(err as Error).message}`, 'unavailable', true);
        } finally {
          completion.dispose({ disposeSequence: false });
        }
      });
    },
    async dispose() {
      const e = engine ? await engine.catch(() => undefined) : undefined;
      engine = undefined;
      await e?.llama.dispose();
    },
  };
  return model;
}
