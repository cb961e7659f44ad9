/**
 * An approved framework is a template whose text may hold AI slots beside merge fields:
 *
 *   {{ai:opener|a personalised opener about the prospect's recent news, at most 40 words}}
 *   {{ai:body|the whole body: goal, value points, tone|max=120}}
 *
 * The fixed text around the slots is the approved wording; the model writes only the slots, each under its own
 * instruction and limit. The template's instructions (goal, value points, tone) and its do/don't lists apply to
 * every slot.
 */

export interface AiSlot {
  name: string;
  instruction: string;
  /** At most this many words ("max=40", or "at most 40 words" in the instruction). */
  maxWords: number;
  /** Where the slot is: the subject or the body. */
  part: 'subject' | 'body';
}

export interface Framework {
  subject: string;
  body: string;
  instructions: string;
  dos: string[];
  donts: string[];
}

/** `{{ai:NAME|instruction}}` or `{{ai:NAME|instruction|max=N}}`. */
export const AI_SLOT = /\{\{\s*ai:([A-Za-z][A-Za-z0-9_-]*)\s*(?:\|([^|}]*))?(?:\|\s*max\s*=\s*(\d+)\s*)?\}\}/g;

const DEFAULT_MAX_WORDS = { subject: 10, body: 60 } as const;

export function findSlots(framework: Pick<Framework, 'subject' | 'body'>): AiSlot[] {
  const slots: AiSlot[] = [];
  for (const part of ['subject', 'body'] as const) {
    for (const m of framework[part].matchAll(AI_SLOT)) {
      const instruction = (m[2] ?? '').trim();
      const stated = /\b(?:at most|max(?:imum)?|up to|no more than|under)\s+(\d+)\s+words\b/i.exec(instruction)?.[1];
      const maxWords = Number(m[3] ?? stated ?? DEFAULT_MAX_WORDS[part]);
      if (!slots.some((s) => s.name === m[1])) slots.push({ name: m[1]!, instruction: instruction || `the ${m[1]} of the email`, maxWords, part });
    }
  }
  return slots;
}

export function hasAiSlots(framework: Pick<Framework, 'subject' | 'body'>): boolean {
  return findSlots(framework).length > 0;
}

/** The framework's text with each slot replaced by what was written for it (or by `missing` when nothing was). */
export function fillSlots(text: string, values: Record<string, string>, missing: (name: string) => string = () => ''): string {
  return text.replace(AI_SLOT, (_whole, name: string) => values[name] ?? missing(name));
}

/** The fixed text of a framework: everything but its slots (what the model did not write). */
export function fixedText(framework: Pick<Framework, 'subject' | 'body'>): string {
  return `${framework.subject}\n${framework.body}`.replace(AI_SLOT, ' ');
}
