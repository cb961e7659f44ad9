// `cadence triage-eval [--set dev|blind|all] [--dir DIR] [--misses] [--json]`: runs the reply triage over a
// labelled corpus of raw messages and prints per-class precision and recall, the confusion matrix and the
// safety figures, each next to its goal.
//
// A corpus is a directory with one folder per set (`dev/`, `blind/`), each holding `*.eml` files and a
// `labels.json` that maps a file name to {"intent","sentiment","escalate","returnDate","note"}. The default
// is the project's corpus, test/fixtures/triage-corpus (its README says how it was written and split).
//
// --misses lists the wrongly classified messages of the dev set only: the blind set is for figures, so that
// nobody tunes the classifier to its messages.
//
// Exit codes: 0 the report was printed, 1 the corpus could not be read, 2 bad usage.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { classifyMessage, isAutomaticIntent, type Intent, type Sentiment, type Triage } from '../activities/triage';

export const TRIAGE_EVAL_USAGE = `usage: cadence triage-eval [--set dev|blind|all] [--dir DIR] [--misses] [--json]

Classifies every message of a labelled corpus and prints per-class precision
and recall, a confusion matrix and the safety figures, each with its goal.
  --set     which half: dev, blind or all (default: dev and blind, each on its own)
  --dir     the corpus directory (default: test/fixtures/triage-corpus)
  --misses  list the dev set's misclassified messages with their notes
  --json    print the reports as one JSON document instead`;

export const DEFAULT_CORPUS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'triage-corpus');

export const INTENTS: readonly Intent[] = [
  'unsubscribe',
  'not_interested',
  'objection_price',
  'objection_timing',
  'objection_competitor',
  'referral',
  'meeting_request',
  'question',
  'interested',
  'other',
  'out_of_office',
  'auto_reply_other',
  'bounce_hard',
  'bounce_soft',
];
const SENTIMENTS: readonly Sentiment[] = ['positive', 'neutral', 'negative'];

/** The goals of the triage issue, on the blind half. */
export const GOALS = {
  intentAccuracy: 0.92,
  sentimentAccuracy: 0.9,
  unsubscribeRecall: 1,
  hardBounceRecall: 1,
  humanTakenForAutomatic: 0,
  returnDateAccuracy: 0.95,
} as const;

export interface CorpusLabel {
  intent: Intent;
  sentiment: Sentiment;
  escalate: boolean;
  returnDate: string | null;
  note: string;
}

export interface CorpusCase {
  set: string;
  file: string;
  raw: Buffer;
  label: CorpusLabel;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads one set of a corpus; every problem with a label is an error naming the file and the field. */
export function loadCorpusSet(dir: string, set: string): CorpusCase[] {
  const folder = path.join(dir, set);
  const labelsFile = path.join(folder, 'labels.json');
  if (!existsSync(labelsFile)) throw new Error(`${labelsFile} does not exist`);
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, Partial<CorpusLabel>>;
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  const problems: string[] = [];
  for (const f of files) if (!labels[f]) problems.push(`${set}/${f}: no entry in labels.json`);
  for (const f of Object.keys(labels)) if (!files.includes(f)) problems.push(`${set}/labels.json: "${f}" has no .eml file`);
  for (const [f, l] of Object.entries(labels)) {
    if (!INTENTS.includes(l.intent as Intent)) problems.push(`${set}/${f}: intent "${String(l.intent)}" is not one of ${INTENTS.join(', ')}`);
    if (!SENTIMENTS.includes(l.sentiment as Sentiment)) problems.push(`${set}/${f}: sentiment "${String(l.sentiment)}" is not positive, neutral or negative`);
    if (typeof l.escalate !== 'boolean') problems.push(`${set}/${f}: escalate must be true or false`);
    if (l.returnDate !== null && !(typeof l.returnDate === 'string' && DATE.test(l.returnDate))) problems.push(`${set}/${f}: returnDate must be YYYY-MM-DD or null`);
  }
  if (problems.length) throw new Error(`the corpus at ${dir} has bad labels:\n  ${problems.join('\n  ')}`);
  return files.map((file) => ({ set, file, raw: readFileSync(path.join(folder, file)), label: labels[file] as CorpusLabel }));
}

export interface ClassCounts {
  intent: Intent;
  support: number;
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface Miss {
  file: string;
  note: string;
  expected: Pick<CorpusLabel, 'intent' | 'sentiment' | 'escalate' | 'returnDate'>;
  got: Pick<Triage, 'intent' | 'sentiment' | 'escalate' | 'returnDate' | 'confidence'>;
  fields: string[];
  reasons: string[];
}

export interface Fraction {
  right: number;
  total: number;
  value: number | null;
}

export interface EvalReport {
  set: string;
  messages: number;
  intent: Fraction;
  sentiment: Fraction;
  escalate: Fraction;
  unsubscribeRecall: Fraction;
  hardBounceRecall: Fraction;
  /** Messages a person wrote that the triage took for automatic (automation would carry on). */
  humanTakenForAutomatic: number;
  /** Automatic messages taken for a person's reply (a rep looks at them; safe, but work). */
  automaticTakenForHuman: number;
  returnDate: Fraction;
  perClass: ClassCounts[];
  /** confusion[expected][classified] */
  confusion: Record<string, Record<string, number>>;
  misses: Miss[];
}

const fraction = (right: number, total: number): Fraction => ({ right, total, value: total ? right / total : null });

export async function evaluateCorpus(cases: CorpusCase[], classify: (raw: Buffer) => Promise<Triage> = classifyMessage): Promise<EvalReport> {
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of INTENTS) confusion[a] = Object.fromEntries(INTENTS.map((b) => [b, 0]));
  let intentRight = 0;
  let sentimentRight = 0;
  let escalateRight = 0;
  let unsubscribes = 0;
  let unsubscribesFound = 0;
  let hardBounces = 0;
  let hardBouncesFound = 0;
  let humanTakenForAutomatic = 0;
  let automaticTakenForHuman = 0;
  let ooo = 0;
  let oooDateRight = 0;
  const misses: Miss[] = [];

  for (const c of cases) {
    const t = await classify(c.raw);
    const l = c.label;
    confusion[l.intent]![t.intent] = (confusion[l.intent]![t.intent] ?? 0) + 1;
    const fields: string[] = [];
    if (t.intent === l.intent) intentRight++;
    else fields.push('intent');
    if (t.sentiment === l.sentiment) sentimentRight++;
    else fields.push('sentiment');
    if (t.escalate === l.escalate) escalateRight++;
    else fields.push('escalate');
    if (l.intent === 'unsubscribe') {
      unsubscribes++;
      if (t.intent === 'unsubscribe') unsubscribesFound++;
    }
    if (l.intent === 'bounce_hard') {
      hardBounces++;
      if (t.intent === 'bounce_hard') hardBouncesFound++;
    }
    if (!isAutomaticIntent(l.intent) && isAutomaticIntent(t.intent)) humanTakenForAutomatic++;
    if (isAutomaticIntent(l.intent) && !isAutomaticIntent(t.intent)) automaticTakenForHuman++;
    if (l.intent === 'out_of_office') {
      ooo++;
      if (t.returnDate === l.returnDate) oooDateRight++;
      else fields.push('returnDate');
    }
    if (fields.length) {
      misses.push({
        file: `${c.set}/${c.file}`,
        note: l.note,
        expected: { intent: l.intent, sentiment: l.sentiment, escalate: l.escalate, returnDate: l.returnDate },
        got: { intent: t.intent, sentiment: t.sentiment, escalate: t.escalate, returnDate: t.returnDate, confidence: t.confidence },
        fields,
        reasons: t.reasons,
      });
    }
  }

  const perClass = INTENTS.map((intent): ClassCounts => {
    const support = INTENTS.reduce((s, b) => s + confusion[intent]![b]!, 0);
    const predicted = INTENTS.reduce((s, a) => s + confusion[a]![intent]!, 0);
    const correct = confusion[intent]![intent]!;
    return { intent, support, predicted, correct, precision: predicted ? correct / predicted : null, recall: support ? correct / support : null };
  });

  return {
    set: [...new Set(cases.map((c) => c.set))].join('+'),
    messages: cases.length,
    intent: fraction(intentRight, cases.length),
    sentiment: fraction(sentimentRight, cases.length),
    escalate: fraction(escalateRight, cases.length),
    unsubscribeRecall: fraction(unsubscribesFound, unsubscribes),
    hardBounceRecall: fraction(hardBouncesFound, hardBounces),
    humanTakenForAutomatic,
    automaticTakenForHuman,
    returnDate: fraction(oooDateRight, ooo),
    perClass,
    confusion,
    misses,
  };
}

const pct = (f: Fraction) => (f.value === null ? 'n/a' : f.value.toFixed(3));
const ratio = (f: Fraction) => `${f.right}/${f.total}`;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The safety and accuracy figures, one per line, each with its goal: what the suite prints. */
export function summaryLines(r: EvalReport): string[] {
  const atLeast = (f: Fraction, goal: number) => f.value !== null && f.value >= goal - 1e-9;
  return [
    `triage ${r.set}: intent accuracy ${ratio(r.intent)} = ${pct(r.intent)} (goal >= ${GOALS.intentAccuracy}: ${mark(atLeast(r.intent, GOALS.intentAccuracy))})`,
    `triage ${r.set}: sentiment accuracy ${ratio(r.sentiment)} = ${pct(r.sentiment)} (goal >= ${GOALS.sentimentAccuracy}: ${mark(atLeast(r.sentiment, GOALS.sentimentAccuracy))})`,
    `triage ${r.set}: escalate accuracy ${ratio(r.escalate)} = ${pct(r.escalate)}`,
    `triage ${r.set}: unsubscribe recall ${ratio(r.unsubscribeRecall)} (goal all: ${mark(atLeast(r.unsubscribeRecall, GOALS.unsubscribeRecall))})`,
    `triage ${r.set}: hard-bounce recall ${ratio(r.hardBounceRecall)} (goal all: ${mark(atLeast(r.hardBounceRecall, GOALS.hardBounceRecall))})`,
    `triage ${r.set}: human replies taken for automatic ${r.humanTakenForAutomatic} (goal 0: ${mark(r.humanTakenForAutomatic === 0)}); automatic messages taken for human ${r.automaticTakenForHuman}`,
    `triage ${r.set}: out-of-office return date right ${ratio(r.returnDate)} = ${pct(r.returnDate)} (goal >= ${GOALS.returnDateAccuracy}: ${mark(atLeast(r.returnDate, GOALS.returnDateAccuracy))})`,
  ];
}

const SHORT: Record<Intent, string> = {
  unsubscribe: 'unsub',
  not_interested: 'notint',
  objection_price: 'price',
  objection_timing: 'timing',
  objection_competitor: 'compet',
  referral: 'referr',
  meeting_request: 'meet',
  question: 'quest',
  interested: 'intrst',
  other: 'other',
  out_of_office: 'ooo',
  auto_reply_other: 'auto',
  bounce_hard: 'hard',
  bounce_soft: 'soft',
};

export function formatReport(r: EvalReport, options: { misses: boolean }): string {
  const lines = [`triage-eval: ${r.set} set, ${r.messages} messages`, ...summaryLines(r), '', 'per class (support: labelled; predicted: classified as):'];
  lines.push(`  ${'intent'.padEnd(22)}${'support'.padStart(8)}${'predicted'.padStart(10)}${'precision'.padStart(11)}${'recall'.padStart(8)}`);
  for (const c of r.perClass) {
    const p = c.precision === null ? '-' : c.precision.toFixed(3);
    const rc = c.recall === null ? '-' : c.recall.toFixed(3);
    lines.push(`  ${c.intent.padEnd(22)}${String(c.support).padStart(8)}${String(c.predicted).padStart(10)}${p.padStart(11)}${rc.padStart(8)}`);
  }
  lines.push('', 'confusion matrix (rows: label, columns: classified as):');
  lines.push(`  ${''.padEnd(8)}${INTENTS.map((i) => SHORT[i].padStart(7)).join('')}`);
  for (const a of INTENTS) lines.push(`  ${SHORT[a].padEnd(8)}${INTENTS.map((b) => String(r.confusion[a]![b] || '.').padStart(7)).join('')}`);
  if (options.misses) {
    if (r.set.split('+').includes('blind')) {
      lines.push('', 'misses: not listed for the blind set (it is for figures, not for tuning)');
    } else {
      lines.push('', `misses (${r.misses.length}):`);
      for (const m of r.misses) {
        const e = m.expected;
        const g = m.got;
        lines.push(
          `  ${m.file} [${m.fields.join(', ')}] expected ${e.intent}/${e.sentiment}/${e.escalate}/${e.returnDate}, got ${g.intent}/${g.sentiment}/${g.escalate}/${g.returnDate} (confidence ${g.confidence})`,
          `    note: ${m.note}`,
          `    reasons: ${m.reasons.join(' | ')}`,
        );
      }
    }
  }
  return lines.join('\n');
}

export async function triageEvalCommand(argv: string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  let values: { set?: string; dir?: string; misses?: boolean; json?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { set: { type: 'string' }, dir: { type: 'string' }, misses: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    stderr.write(`cadence triage-eval: ${(err as Error).message}\n\n${TRIAGE_EVAL_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    stdout.write(`${TRIAGE_EVAL_USAGE}\n`);
    return 0;
  }
  const set = values.set ?? 'both';
  if (!['dev', 'blind', 'all', 'both'].includes(set)) {
    stderr.write(`cadence triage-eval: --set must be dev, blind or all, not "${set}"\n\n${TRIAGE_EVAL_USAGE}\n`);
    return 2;
  }
  const dir = path.resolve(values.dir ?? DEFAULT_CORPUS_DIR);
  let groups: CorpusCase[][];
  try {
    if (set === 'all') groups = [[...loadCorpusSet(dir, 'dev'), ...loadCorpusSet(dir, 'blind')]];
    else if (set === 'both') groups = [loadCorpusSet(dir, 'dev'), loadCorpusSet(dir, 'blind')];
    else groups = [loadCorpusSet(dir, set)];
  } catch (err) {
    stderr.write(`cadence triage-eval: ${(err as Error).message}\n`);
    return 1;
  }
  const reports = [];
  for (const cases of groups) reports.push(await evaluateCorpus(cases));
  if (values.json) {
    stdout.write(`${JSON.stringify(reports.map((r) => (r.set.includes('blind') ? { ...r, misses: undefined } : r)))}\n`);
  } else {
    stdout.write(`${reports.map((r) => formatReport(r, { misses: values.misses ?? false })).join('\n\n')}\n`);
  }
  return 0;
}
