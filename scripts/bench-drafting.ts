// The drafting part of `npm run bench`: the embedded model (Gemma 3 270M, one thread) drafting a framework's AI
// slot for varied prospects, as the drafting worker does one at a time. Prints drafts per second, p50/p95
// latency and the share of drafts the checks send to review, with the reasons that did.
import { existsSync } from 'node:fs';
import { createAiDrafter } from '../activities/ai/ai-drafter';
import { createLocalModel } from '../activities/ai/local-model';
import { scoreDraft } from '../activities/scoring';
import { gatePolicyFromConfig, loadAppConfig } from '../config/app';
import { decideGate } from '../workflows/policy';

const FRAMEWORK = {
  id: 'bench-framework',
  name: 'bench-framework',
  version: 1,
  subject: 'Month-end close at {{company}}',
  body: "Hi {{firstName}},\n\n{{ai:opener|a personalised opener about the prospect's recent news, at most 40 words}}\n\nNorthpeak automates reconciliation and cuts close time by about 40%.\n\nWould a 20-minute call next week work?\n\nBest,\n{{senderName}}",
  instructions: 'Friendly and concise.',
  dos: [],
  donts: ['promise discounts'],
};

const NEWS = [
  'opened a new warehouse in Rotterdam',
  'hired a new CFO from a Big Four firm',
  'acquired a regional competitor in Ohio',
  'moved its ERP to NetSuite this year',
  'announced a second clinic in Austin',
  'raised a Series B led by Accel',
  'expanded its finance team to twelve people',
  'launched an online store for wholesale buyers',
];
const NAMES = [['Priya', 'Keystone Foods'], ['Tom', 'Brightline Solar'], ['Ana', 'Lumina Health'], ['Marco', 'Fjord Freight'], ['Lena', 'Orbit Dental'], ['Sam', 'Harbor Tools']];

export interface DraftingFigures {
  drafts: number;
  seconds: number;
  loadMs: number;
  latencies: number[];
  toReview: number;
  reasons: Map<string, number>;
  model: string;
}

export async function measureDrafting(modelPath: string, drafts: number, log: (m: string) => void): Promise<DraftingFigures | null> {
  if (drafts <= 0) return null;
  if (!existsSync(modelPath)) {
    log(`(d) skipped: no model at ${modelPath} (npm run model fetches it)`);
    return null;
  }
  const model = createLocalModel({ modelPath, threads: 1 });
  const drafter = createAiDrafter(model, { temperature: 0.4, seed: 7 });
  const cases = Array.from({ length: drafts }, (_, i) => {
    const [firstName, company] = NAMES[i % NAMES.length]!;
    return { fields: { firstName: firstName!, company: company!, title: 'Controller', recentNews: NEWS[i % NEWS.length]!, senderName: 'Dana Whitfield' }, sources: { recentNews: 'crm' } };
  });
  const context = { ownerName: 'Dana Whitfield', language: 'en', thread: [], approvedExamples: [] };
  log(`(d) drafting: loading ${modelPath}`);
  const loadStarted = performance.now();
  await drafter.draft(FRAMEWORK, cases[0]!, context); // loads the model; not counted
  const loadMs = performance.now() - loadStarted;
  log(`(d) ${drafts} drafts with the local model, one at a time`);
  const latencies: number[] = [];
  const reasons = new Map<string, number>();
  let toReview = 0;
  // The default policy (GATE_CONFIDENCE_THRESHOLD 0.85 unless set): what it decides for a step that is not a first touch.
  const policy = gatePolicyFromConfig(loadAppConfig({}));
  const started = performance.now();
  for (const enrichment of cases) {
    const t = performance.now();
    const content = await drafter.draft(FRAMEWORK, enrichment, context);
    latencies.push(performance.now() - t);
    const score = scoreDraft(content, enrichment);
    const gate = decideGate({ stepKind: 'email', isFirstTouch: false, confidence: score.confidence, account: { dealValue: 0, tier: 'standard' }, templateId: FRAMEWORK.id, drafter: drafter.name }, policy);
    if (gate.gated) {
      toReview++;
      for (const r of score.reasons.filter((x) => x.code.startsWith('ai-'))) reasons.set(r.code, (reasons.get(r.code) ?? 0) + 1);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await model.dispose();
  return { drafts, seconds, loadMs, latencies, toReview, reasons, model: drafter.name };
}
