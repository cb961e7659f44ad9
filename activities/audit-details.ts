import { createHash } from 'node:crypto';

// What the audit trail records about drafts beyond their content hash: the input a draft was made from
// (so two drafts can be told to come from the same input) and what a rep changed in one.

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 over the drafter's input (template text, enrichment fields …) as JSON with sorted keys. */
export function draftInputHash(input: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(sortedJson(input), 'utf8').digest('hex')}`;
}

export interface DraftEdit {
  /** null when the rep kept the subject. */
  subject: { from: string; to: string } | null;
  /** A unified diff of the body's lines (one line of context, no file headers); null when it is unchanged. */
  body: string | null;
  linesAdded: number;
  linesRemoved: number;
}

type Op = { kind: ' ' | '-' | '+'; text: string; oldBefore: number; newBefore: number };

/** Past this many line pairs the body diff is one whole replacement rather than a longest common subsequence. */
const MAX_LCS_CELLS = 4_000_000;

function lineOps(from: string[], to: string[]): Op[] {
  let head = 0;
  while (head < from.length && head < to.length && from[head] === to[head]) head++;
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  const a = from.slice(head, from.length - tail);
  const b = to.slice(head, to.length - tail);

  const middle: Array<{ kind: Op['kind']; text: string }> = [];
  if ((a.length + 1) * (b.length + 1) > MAX_LCS_CELLS) {
    middle.push(...a.map((text) => ({ kind: '-' as const, text })), ...b.map((text) => ({ kind: '+' as const, text })));
  } else {
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        middle.push({ kind: ' ', text: a[i]! });
        i++;
        j++;
      } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        // On a tie the removal goes first, as diff(1) prints a replaced line.
        middle.push({ kind: '-', text: a[i++]! });
      } else {
        middle.push({ kind: '+', text: b[j++]! });
      }
    }
  }

  const ops: Op[] = [];
  let oldBefore = 0;
  let newBefore = 0;
  const push = (kind: Op['kind'], text: string) => {
    ops.push({ kind, text, oldBefore, newBefore });
    if (kind !== '+') oldBefore++;
    if (kind !== '-') newBefore++;
  };
  for (const text of from.slice(0, head)) push(' ', text);
  for (const op of middle) push(op.kind, op.text);
  for (const text of from.slice(from.length - tail)) push(' ', text);
  return ops;
}

/** A unified diff of two texts by line, with `context` unchanged lines around each change. */
export function unifiedLineDiff(from: string, to: string, context = 1): string {
  const ops = lineOps(from.split('\n'), to.split('\n'));
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let lastChange = i;
    let j = i + 1;
    while (j < ops.length) {
      if (ops[j]!.kind !== ' ') {
        lastChange = j++;
        continue;
      }
      let k = j;
      while (k < ops.length && ops[k]!.kind === ' ') k++;
      // Two changes with at most 2 × context unchanged lines between them share a hunk.
      if (k < ops.length && k - j <= 2 * context) j = k;
      else break;
    }
    const stop = Math.min(ops.length, lastChange + 1 + context);
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const oldStart = hunk[0]!.oldBefore + (oldCount > 0 ? 1 : 0);
    const newStart = hunk[0]!.newBefore + (newCount > 0 ? 1 : 0);
    hunks.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...hunk.map((op) => `${op.kind}${op.text}`));
    i = stop;
  }
  return hunks.join('\n');
}

/** What the rep changed between the draft they were shown and what they approved. */
export function draftEdit(shown: { subject: string; body: string }, edited: { subject: string; body: string }): DraftEdit {
  const body = shown.body === edited.body ? null : unifiedLineDiff(shown.body, edited.body);
  const lines = body?.split('\n').filter((l) => !l.startsWith('@@')) ?? [];
  return {
    subject: shown.subject === edited.subject ? null : { from: shown.subject, to: edited.subject },
    body,
    linesAdded: lines.filter((l) => l.startsWith('+')).length,
    linesRemoved: lines.filter((l) => l.startsWith('-')).length,
  };
}
