import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAiDrafter } from '../activities/ai/ai-drafter';
import { createLocalModel } from '../activities/ai/local-model';
import { createOpenAiModel } from '../activities/ai/openai-model';
import type { Drafter } from '../activities/deps';
import { builtInDrafter } from '../activities/drafter';
import type { AppConfig } from '../config/app';
import { ConfigError } from '../config/errors';
import type { DrafterKind } from '../db/types';

export const DEFAULT_MODEL_FILE = 'gemma-3-270m-q4_k_m.gguf';

export function modelPathFromConfig(config: Pick<AppConfig, 'DRAFTER_MODEL_PATH' | 'DATA_DIR'>): string {
  return path.resolve(config.DRAFTER_MODEL_PATH ?? path.join(config.DATA_DIR, 'models', DEFAULT_MODEL_FILE));
}

export interface Drafters {
  /** The drafter of steps that name none (DRAFTER). */
  drafter: Drafter;
  /** Every drafter this process can offer a step that names one. */
  drafters: Partial<Record<DrafterKind, Drafter>>;
  dispose(): Promise<void>;
}

/**
 * The drafters from configuration. The one DRAFTER names must be usable (a missing setting or model file stops
 * start-up naming it); the others are offered when their settings are present, so a step may name them.
 */
export function buildDrafters(config: AppConfig): Drafters {
  const options = { temperature: config.DRAFTER_TEMPERATURE, seed: config.DRAFTER_SEED };
  const drafters: Partial<Record<DrafterKind, Drafter>> = { template: builtInDrafter };
  const disposers: Array<() => Promise<void>> = [];

  const modelPath = modelPathFromConfig(config);
  if (existsSync(modelPath)) {
    const local = createLocalModel({ modelPath, threads: config.DRAFTER_THREADS });
    disposers.push(() => local.dispose());
    drafters.local = createAiDrafter(local, options);
  } else if (config.DRAFTER === 'local') {
    throw new ConfigError(`DRAFTER_MODEL_PATH: ${modelPath} does not exist; \`npm run model\` fetches the default model (Gemma 3 270M) into ${path.dirname(modelPath)}`);
  }

  if (config.DRAFTER_BASE_URL && config.DRAFTER_MODEL) {
    drafters.openai = createAiDrafter(createOpenAiModel({ baseURL: config.DRAFTER_BASE_URL, model: config.DRAFTER_MODEL, apiKey: config.DRAFTER_API_KEY, timeoutMs: config.DRAFTER_TIMEOUT }), options);
  } else if (config.DRAFTER === 'openai') {
    throw new ConfigError(`${config.DRAFTER_BASE_URL ? 'DRAFTER_MODEL' : 'DRAFTER_BASE_URL'}: required with DRAFTER=openai (the OpenAI-compatible server's /v1 URL and the model's name)`);
  }

  return {
    drafter: drafters[config.DRAFTER]!,
    drafters,
    dispose: async () => {
      for (const d of disposers) await d();
    },
  };
}
