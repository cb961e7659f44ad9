import type { Enrichment } from '../../activities/deps';
import { builtInDrafter } from '../../activities/drafter';
import { scoreDraft } from '../../activities/scoring';

const enrichment: Enrichment = {
  fields: { firstName: 'Pat', company: 'Acme', industry: 'logistics', title: 'VP Sales', senderName: 'Dana' },
  sources: {},
};
const template = (subject: string, body: string) => ({ id: 't', name: 't', version: 1, subject, body });
const longBody = (s: string) => `${s} ${'we help teams like yours follow up without the busywork every single week '.repeat(3)}`;

test('merge fields are filled from enrichment, fall back to their default, or stay visible when unknown', async () => {
  const draft = await builtInDrafter.draft(template('Hi {{ firstName }}', 'At {{company}} {{city|your city}} {{recentFunding}}'), enrichment);
  expect(draft.subject).toBe('Hi Pat');
  expect(draft.body).toBe('At Acme your city {{recentFunding}}');
  expect(draft).toMatchObject({ personalizedFields: ['firstName', 'company'], fallbackFields: ['city'], unresolvedFields: ['recentFunding'] });
});

test('a fully personalized draft scores 1; an unresolved merge field drops it below the threshold, with the reason', async () => {
  const good = await builtInDrafter.draft(template('{{company}} and {{industry}}', longBody('Hi {{firstName}}, as {{title}} at {{company}}')), enrichment);
  expect(scoreDraft(good, enrichment)).toEqual({ confidence: 1, reasons: [] });

  const weak = await builtInDrafter.draft(template('Hello', longBody('Hi {{firstName}}, congrats on {{recentFunding}} in {{industry}}')), enrichment);
  const score = scoreDraft(weak, enrichment);
  expect(score.confidence).toBe(0.5);
  expect(score.reasons).toEqual([{ code: 'unresolved-merge-field', effect: -0.5, detail: 'merge field {{recentFunding}} has no value for this prospect' }]);
});

test('generic, short and title-less drafts lose confidence for each reason', async () => {
  const bare = { fields: { firstName: 'Pat', company: 'Acme' }, sources: {} };
  const draft = await builtInDrafter.draft(template('Hi', 'Hi {{firstName}} at {{company}}'), bare);
  const score = scoreDraft(draft, bare);
  expect(score.reasons.map((r) => r.code)).toEqual(['generic', 'missing-title', 'too-short']);
  expect(score.confidence).toBe(0.8);
});
