import { randomUUID } from 'node:crypto';
import type { Enricher } from '../../activities/deps';
import { builtInEnricher } from '../../activities/enricher';
import { draftingActivities } from '../../activities/drafting';
import { enrollmentActivities } from '../../activities/enrollment';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { testDeps } from '../helpers/harness';
import { createCadence, createProspect, createTeam, goodTemplate } from '../helpers/seed';

// The cadence's worker drafts a step itself (a local activity) only when the template alone writes it; anything a
// model or an outside provider takes part in is the drafting worker's, and the local attempt then writes nothing.

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

const framework = {
  subject: 'A thought for {{company}}',
  body: 'Hi {{firstName}},\n\n{{ai:opener|one sentence on their recent news}}\n\nWorth a short call next week?\n\n{{senderName}}',
};

/** A fresh database with one prospect enrolled in a one-step cadence drafted from `template`. */
async function enrolled(template: { subject: string; body: string }, enricher: Enricher = builtInEnricher) {
  const database = await createTestDatabase();
  databases.push(database);
  const { db } = database;
  const team = await createTeam(db);
  const cadenceId = await createCadence(db, [{ delaySeconds: 0, template }]);
  const { prospectId } = await createProspect(db);
  // No message is sent here: the SMTP port is never dialled.
  const deps = testDeps(db, 1, { enricher });
  const enrollmentId = randomUUID();
  await enrollmentActivities(deps).startEnrollment({ enrollmentId, prospectId, cadenceId, ownerId: team.rep.id, workflowId: `template-drafting-${enrollmentId}` });
  const step = { enrollmentId, prospectId, ownerId: team.rep.id, step: 1, cadenceId, templateId: `${cadenceId}-t1`, gateInput: { stepKind: 'email' as const, isFirstTouch: true, account: { dealValue: 0, tier: 'standard' } } };
  const written = async () => ({
    drafts: await db.selectFrom('drafts').select('id').where('enrollment_id', '=', enrollmentId).execute(),
    actions: (await db.selectFrom('audit_events').select('action').where('enrollment_id', '=', enrollmentId).orderBy('seq').execute()).map((e) => e.action),
  });
  return { drafting: draftingActivities(deps), step, written };
}

test('a template without an AI slot, with the built-in enricher, is drafted, scored and gated by the local activity', async () => {
  const { drafting, step, written } = await enrolled(goodTemplate);
  const here = await drafting.draftScoreAndGateFromTemplate(step);
  if ('needsDraftingWorker' in here) throw new Error(`expected a draft, got: ${here.needsDraftingWorker}`);
  expect(here.draft).toMatchObject({ version: 1, drafter: 'template', confidence: 1 });
  expect(here.gate).toMatchObject({ gated: true, rules: [expect.objectContaining({ rule: 'first-touch' })] });
  expect(await written()).toEqual({ drafts: [{ id: here.draft.draftId }], actions: ['enrollment.started', 'prospect.enriched', 'draft.created', 'draft.scored', 'gate.decided'] });
  // A retry (the local activity attempted again) returns the draft already written and writes no second one.
  const again = await drafting.draftScoreAndGateFromTemplate(step);
  expect(again).toMatchObject({ draft: { draftId: here.draft.draftId, contentHash: here.draft.contentHash } });
  expect((await written()).drafts).toHaveLength(1);
});

test('a template with a slot a model writes is left to the drafting worker: nothing drafted, nothing recorded', async () => {
  const { drafting, step, written } = await enrolled(framework);
  const here = await drafting.draftScoreAndGateFromTemplate(step);
  expect(here).toEqual({ needsDraftingWorker: expect.stringMatching(/^template .+-t1 v1 has a slot a model writes$/) });
  expect(await written()).toEqual({ drafts: [], actions: ['enrollment.started'] });
  // The drafting worker's activity then drafts it (here with the template drafter: the slot is left to a rep).
  const queued = await drafting.draftScoreAndGate(step);
  expect(queued.draft.version).toBe(1);
  expect((await written()).actions).toEqual(['enrollment.started', 'prospect.enriched', 'draft.created', 'draft.scored', 'gate.decided']);
});

test('an enricher other than the built-in one (it may call a provider) is left to the drafting worker', async () => {
  const provider: Enricher = { name: 'acme-data', enrich: (profile) => builtInEnricher.enrich(profile) };
  const { drafting, step, written } = await enrolled(goodTemplate, provider);
  expect(await drafting.draftScoreAndGateFromTemplate(step)).toEqual({ needsDraftingWorker: 'the acme-data enricher may call a provider' });
  expect(await written()).toEqual({ drafts: [], actions: ['enrollment.started'] });
});
