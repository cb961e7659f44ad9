/**
 * A drafter that has a language model write a framework's AI slots, then checks what it wrote. The fixed text and
 * the merge fields are filled as by the template drafter; a framework without AI slots is a plain template.
 */
import { renderTemplate, templateDraft } from '../drafter';
import type { DraftContent, DraftContext, Drafter, DraftTemplate, Enrichment } from '../deps';
import { checkAiOutput } from './checks';
import { fillSlots, findSlots, type Framework } from './framework';
import { ModelError, type Generation, type LanguageModel } from './model';
import { buildPrompt, promptHash, slotJsonSchema, slotSchema } from './prompt';

export interface AiDrafterOptions {
  temperature?: number;
  seed?: number;
  /** Attempts when the answer does not parse or fit its schema (a small budget: a model that cannot, will not). */
  parseAttempts?: number;
  maxTokens?: number;
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', nl: 'Dutch', pt: 'Portuguese', sv: 'Swedish',
  da: 'Danish', no: 'Norwegian', fi: 'Finnish', pl: 'Polish', cs: 'Czech', ru: 'Russian', ja: 'Japanese', zh: 'Chinese',
};

/** The first JSON object in a model's answer (some servers wrap it in prose or a code fence). */
function parseJson(raw: string): unknown {
  const start = raw.indexOf('{');
  const end = raw.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('no JSON object in the answer');
  return JSON.parse(raw.slice(start, end + 1));
}

export function createAiDrafter(model: LanguageModel, options: AiDrafterOptions = {}): Drafter {
  const temperature = options.temperature ?? 0.4;
  const seed = options.seed ?? 7;
  const parseAttempts = options.parseAttempts ?? 2;
  return {
    name: `${model.provider}:${model.model}`,
    async draft(template: DraftTemplate, enrichment: Enrichment, context?: DraftContext): Promise<DraftContent> {
      const framework: Framework = { subject: template.subject, body: template.body, instructions: template.instructions ?? '', dos: template.dos ?? [], donts: template.donts ?? [] };
      const slots = findSlots(framework);
      if (slots.length === 0) return templateDraft(template, enrichment);
      const ctx: DraftContext = context ?? { ownerName: enrichment.fields.senderName ?? 'the sender', language: null, thread: [], approvedExamples: [] };
      const messages = buildPrompt(framework, slots, enrichment, {
        ownerName: ctx.ownerName,
        language: LANGUAGE_NAMES[ctx.language ?? 'en'] ?? 'English',
        thread: ctx.thread,
        approvedExamples: ctx.approvedExamples,
      });
      const schema = slotSchema(slots);
      const maxTokens = options.maxTokens ?? Math.min(1024, 40 + slots.reduce((n, s) => n + s.maxWords * 3, 0));
      const raw: string[] = [];
      let generation: Generation | undefined;
      let values: Record<string, string> | undefined;
      let problem = '';
      for (let attempt = 0; attempt < parseAttempts && !values; attempt++) {
        generation = await model.generate({
          messages,
          schema: { name: 'draft_slots', jsonSchema: slotJsonSchema(slots) },
          temperature,
          seed: seed + attempt,
          maxTokens,
          signal: ctx.signal,
          onProgress: ctx.onProgress,
        });
        raw.push(generation.raw);
        try {
          const parsed = schema.safeParse(parseJson(generation.raw));
          if (parsed.success) values = parsed.data as Record<string, string>;
          else problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`).join('; ');
        } catch (err) {
          problem = generation.finishReason === 'length' ? `the answer was cut off at ${maxTokens} tokens` : (err as Error).message;
        }
      }
      if (!values || !generation) {
        throw new ModelError(`${model.provider}:${model.model} gave no usable answer in ${parseAttempts} attempts (${problem})`, 'unparseable', false);
      }
      const written = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
      const usage = { unresolvedFields: [], fallbackFields: [], personalizedFields: [] };
      const subject = renderTemplate(fillSlots(framework.subject, written), enrichment, usage).replace(/\s{2,}/g, ' ').trim();
      const body = renderTemplate(fillSlots(framework.body, written), enrichment, usage);
      const findings = checkAiOutput({ slots, values: written, framework, enrichment, ownerName: ctx.ownerName, thread: ctx.thread, language: ctx.language });
      return {
        subject,
        body,
        ...usage,
        findings,
        ai: {
          provider: model.provider,
          model: model.model,
          version: model.version,
          prompt: messages,
          promptHash: promptHash(messages),
          temperature,
          seed: seed + raw.length - 1,
          maxTokens,
          latencyMs: generation.latencyMs,
          promptTokens: generation.promptTokens,
          completionTokens: generation.completionTokens,
          raw,
          slots: written,
        },
      };
    },
  };
}
