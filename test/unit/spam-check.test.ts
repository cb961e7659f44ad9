import type { Enrichment } from '../../activities/deps';
import { builtInDrafter } from '../../activities/drafter';
import { suggestAnswer } from '../../activities/reply-suggestions';
import { scoreDraft } from '../../activities/scoring';
import { blockingFindings, checkContent, URL_SHORTENERS, type SpamFinding } from '../../activities/spam-check';
import { demoTemplates } from '../../scripts/demo-seed';
import { goodTemplate, weakTemplate } from '../helpers/seed';

// An otherwise clean text: it has unsubscribe wording, so only the rule under test shows.
const footer = '\n\nNot relevant? Reply "unsubscribe" and I will not write again.';
const clean = { subject: 'A thought on follow-up at Acme', body: `Hi Pat,\n\nA short note about follow-up.${footer}` };
const check = (subject: string, body: string) => checkContent({ subject, body: body + footer });
const codes = (findings: SpamFinding[]) => findings.map((f) => `${f.severity}:${f.code}`);

const enrichment: Enrichment = {
  fields: { firstName: 'Pat', company: 'Acme Freight', industry: 'logistics', title: 'VP Sales', senderName: 'Dana Whitfield', senderFirstName: 'Dana' },
  sources: {},
};
const render = (t: { subject: string; body: string }, e: Enrichment = enrichment) =>
  builtInDrafter.draft({ id: 't', name: 't', version: 1, subject: t.subject, body: t.body }, e);

test('a clean text has no findings', () => {
  expect(checkContent({ subject: clean.subject, body: clean.body })).toEqual([]);
});

describe('trigger phrases', () => {
  test.each([
    ['act now', 'Act now to reserve your seat.'],
    ['100% free', 'The pilot is 100% FREE for you.'],
    ['risk-free', 'It is completely risk-free.'],
    ['risk free', 'It is completely risk free.'],
    ['guaranteed', 'Results GUARANTEED.'],
    ['click here', 'Click here to book.'],
    ['winner', 'You are a winner.'],
    ['no obligation', 'There is no obligation at all.'],
    ['$$$', 'Save $$$ this quarter.'],
    ["don't miss out", 'Don’t miss out on this.'],
  ])('%s is a warning, case-insensitive', (phrase, body) => {
    const findings = check('Hello', body);
    expect(codes(findings)).toEqual(['warn:trigger-phrase']);
    expect(findings[0]!.detail).toBe(`body: trigger phrase '${findings[0]!.match}'`);
    expect(findings[0]!.match!.toLowerCase().replace('’', "'")).toBe(phrase);
  });

  test('a phrase in the subject is named as the subject', () => {
    expect(check('Act now, Pat', 'Hi Pat.')).toEqual([{ code: 'trigger-phrase', severity: 'warn', detail: "subject: trigger phrase 'Act now'", match: 'Act now' }]);
  });

  test('a claim that the message is not spam blocks', () => {
    expect(check('Hello', 'This is not spam, promise.')).toEqual([
      { code: 'trigger-phrase', severity: 'block', detail: "body: trigger phrase 'This is not spam'", match: 'This is not spam' },
    ]);
  });

  test('phrases match whole words only', () => {
    // "winners", "guarantee", "react now", "nowhere", "freedom" are not the listed phrases.
    expect(check('Hello', 'Our winners guarantee that you react nowhere near 100% freedom. Guaranteedly? Transact now.')).toEqual([]);
  });
});

describe('links and images', () => {
  const links = (n: number) => Array.from({ length: n }, (_, i) => `https://example${i}.com/page`).join(' and ');

  test('two links are fine; three warn; six block', () => {
    expect(check('Hello', `See ${links(2)}.`)).toEqual([]);
    expect(check('Hello', `See ${links(3)}.`)).toEqual([{ code: 'too-many-links', severity: 'warn', detail: 'body: 3 links (more than 2)' }]);
    expect(check('Hello', `See ${links(5)}.`)).toEqual([{ code: 'too-many-links', severity: 'warn', detail: 'body: 5 links (more than 2)' }]);
    expect(check('Hello', `See ${links(6)}.`)).toEqual([{ code: 'too-many-links', severity: 'block', detail: 'body: 6 links (more than 5)' }]);
  });

  test('www. and scheme-less host/path links count; email addresses do not', () => {
    expect(codes(check('Hello', 'Visit www.example.com, example.org/pricing and https://example.net, or mail pat@example.com.'))).toEqual(['warn:too-many-links']);
    expect(check('Hello', 'Mail pat@example.com, sales@example.org or ops@example.net.')).toEqual([]);
  });

  test('more than one image warns: <img> tags and image URLs', () => {
    expect(check('Hello', '<img src="https://cdn.example.com/logo.png">')).toEqual([]);
    expect(check('Hello', '<img src="https://cdn.example.com/logo.png"> <IMG src="https://cdn.example.com/banner.gif">')).toEqual([
      { code: 'too-many-images', severity: 'warn', detail: 'body: 2 images (more than 1)' },
    ]);
    expect(codes(check('Hello', 'https://cdn.example.com/a.jpg https://cdn.example.com/b.webp'))).toEqual(['warn:too-many-images']);
  });
});

describe('shouting', () => {
  test('three consecutive all-caps words of four or more letters warn', () => {
    expect(check('Hello', 'THIS WEEK ONLY we can talk.')).toEqual([
      { code: 'all-caps', severity: 'warn', detail: "body: all-caps words 'THIS WEEK ONLY'", match: 'THIS WEEK ONLY' },
    ]);
  });

  test('acronyms and short capitals are not shouting', () => {
    expect(check('Hello', 'Your CRM, ROI and SLA reports for the EMEA team, in the USA and UK, ASAP. NOTE: also VERY GOOD.')).toEqual([]);
  });

  test('a subject mostly in capitals warns', () => {
    expect(check('QUICK QUESTION FOR ACME', 'Hi.')).toEqual([
      { code: 'caps-subject', severity: 'warn', detail: 'subject: mostly capitals (100% of its letters)', match: 'QUICK QUESTION FOR ACME' },
    ]);
    expect(check('Re: CRM', 'Hi.')).toEqual([]); // too few letters to judge
    expect(check('Your Q3 CRM and ROI numbers', 'Hi.')).toEqual([]);
  });
});

describe('punctuation runs', () => {
  test.each(['!!!', '???', '!?!?'])('%s warns in the body and blocks in the subject', (run) => {
    expect(check('Hello', `Can we talk${run}`)).toEqual([{ code: 'punctuation-run', severity: 'warn', detail: `body: punctuation run '${run}'`, match: run }]);
    expect(check(`Hello${run}`, 'Can we talk?')).toEqual([{ code: 'punctuation-run', severity: 'block', detail: `subject: punctuation run '${run}'`, match: run }]);
  });

  test('one or two marks are fine', () => {
    expect(check('Hello!', 'Really?! Great!!')).toEqual([]);
  });
});

describe('URL shorteners', () => {
  test.each(URL_SHORTENERS)('%s blocks', (host) => {
    const findings = check('Hello', `Details: https://${host}/x1Y2z`);
    expect(findings).toEqual([{ code: 'url-shortener', severity: 'block', detail: `body: URL shortener ${host}`, match: host }]);
  });

  test('without a scheme, with www., or in the subject', () => {
    expect(check('Hello', 'See bit.ly/abc.')).toEqual([{ code: 'url-shortener', severity: 'block', detail: 'body: URL shortener bit.ly', match: 'bit.ly' }]);
    expect(codes(check('Hello', 'See http://www.tinyurl.com/abc'))).toEqual(['block:url-shortener']);
    expect(check('Read tinyurl.com/abc', 'Hi.')).toEqual([{ code: 'url-shortener', severity: 'block', detail: 'subject: URL shortener tinyurl.com', match: 'tinyurl.com' }]);
  });

  test('hosts that only end like a shortener do not block', () => {
    expect(check('Hello', 'See https://microsoft.com/start, https://gist.co/x or mail ops@t.co.')).toEqual([]);
  });
});

describe('unsubscribe wording', () => {
  test('no unsubscribe or opt-out wording warns', () => {
    expect(checkContent({ subject: 'Hello', body: 'Hi Pat, can we talk?' })).toEqual([
      { code: 'missing-unsubscribe', severity: 'warn', detail: 'body: no unsubscribe or opt-out wording (only the sender footer would carry the link)' },
    ]);
  });

  test.each([
    ['English', 'Reply "unsubscribe" to stop these emails.'],
    ['English opt-out', 'You can opt out at any time.'],
    ['English opt-out, hyphen', 'Opt-out: reply stop.'],
    ['German', 'Sie können sich jederzeit abmelden.'],
    ['German noun', 'Zur Abmeldung antworten Sie kurz.'],
    ['French', 'Pour vous désinscrire, répondez simplement.'],
    ['French, unaccented', 'Pour vous desinscrire, repondez.'],
    ['French désabonner', 'Pour vous désabonner, répondez.'],
    ['Spanish', 'Para darse de baja, responda a este correo.'],
    ['Spanish, informal', 'Si prefieres darte de baja, responde.'],
  ])('%s wording counts', (_lang, body) => {
    expect(checkContent({ subject: 'Hello', body: `Hi Pat.\n\n${body}` })).toEqual([]);
  });

  test('it is only looked for in the body, and not at all for a one-to-one answer to a reply', () => {
    expect(codes(checkContent({ subject: 'Unsubscribe', body: 'Hi.' }))).toEqual(['warn:missing-unsubscribe']);
    expect(checkContent({ subject: 'Re: pricing', body: 'Hi Pat, happy to.' }, { requireUnsubscribe: false })).toEqual([]);
  });
});

describe('unresolved merge fields', () => {
  test('a {{…}} left in the subject or body blocks', () => {
    expect(check('Hi {{firstName}}', 'About {{ company | your team }} and {{recentFunding}}.')).toEqual([
      { code: 'unresolved-merge-field', severity: 'block', detail: 'subject: unresolved merge field {{firstName}}', match: '{{firstName}}' },
      { code: 'unresolved-merge-field', severity: 'block', detail: 'body: unresolved merge field {{ company | your team }}', match: '{{ company | your team }}' },
      { code: 'unresolved-merge-field', severity: 'block', detail: 'body: unresolved merge field {{recentFunding}}', match: '{{recentFunding}}' },
    ]);
  });

  test('stray braces block too', () => {
    expect(codes(check('Hello', 'Hi {{firstName, welcome.'))).toEqual(['block:unresolved-merge-field']);
    expect(check('Hello', 'Hi firstName}}.')[0]!.detail).toBe("body: stray merge-field braces '}}'");
  });
});

test('every finding in one text, with its severity; blockingFindings keeps the blocks', () => {
  const findings = checkContent({
    subject: 'WINNER!!! {{firstName}}',
    body: 'Click here: https://bit.ly/x https://a.example/1 https://b.example/2 THIS WEEK ONLY!!!',
  });
  expect(codes(findings)).toEqual([
    'block:unresolved-merge-field',
    'warn:trigger-phrase',
    'block:punctuation-run',
    'warn:trigger-phrase',
    'warn:punctuation-run',
    'warn:all-caps',
    'block:url-shortener',
    'warn:too-many-links',
    'warn:missing-unsubscribe',
  ]);
  expect(blockingFindings(findings).map((f) => f.detail)).toEqual([
    'subject: unresolved merge field {{firstName}}',
    "subject: punctuation run '!!!'",
    'body: URL shortener bit.ly',
  ]);
});

describe("the project's own templates", () => {
  const templates = [
    ['goodTemplate', goodTemplate],
    ...demoTemplates.map((t) => [t.id, t] as const),
  ] as const;

  // The demo templates have fallbacks for industry and title: check them with and without.
  const sparse: Enrichment = { fields: { firstName: 'Pat', company: 'Acme', senderName: 'Dana Whitfield', senderFirstName: 'Dana' }, sources: {} };

  test.each(templates)('%s, personalized, has no finding but the (unscored) missing unsubscribe wording', async (name, template) => {
    for (const e of name === 'goodTemplate' ? [enrichment] : [enrichment, sparse]) {
      const draft = await render(template, e);
      expect(checkContent(draft)).toEqual([
        { code: 'missing-unsubscribe', severity: 'warn', detail: 'body: no unsubscribe or opt-out wording (only the sender footer would carry the link)' },
      ]);
      expect(scoreDraft(draft, e).reasons.filter((r) => r.code.startsWith('spam:'))).toEqual([]);
    }
  });

  test('weakTemplate is flagged only for the merge field it cannot fill', async () => {
    const draft = await render(weakTemplate);
    expect(codes(checkContent(draft))).toEqual(['block:unresolved-merge-field', 'warn:missing-unsubscribe']);
    const filled = await render(weakTemplate, { ...enrichment, fields: { ...enrichment.fields, recentFunding: 'your Series B' } });
    expect(codes(checkContent(filled))).toEqual(['warn:missing-unsubscribe']);
  });

  test('suggested answers to replies have no findings', () => {
    for (const intent of ['interested', 'meeting_request', 'question', 'objection_price', 'objection_timing', 'objection_competitor', 'not_interested', 'referral', null]) {
      expect(checkContent(suggestAnswer(intent, 'Month-end forecasting at Acme', 'Pat', 'Dana Whitfield'), { requireUnsubscribe: false })).toEqual([]);
    }
  });
});

describe('scoring', () => {
  const base = { unresolvedFields: [], fallbackFields: [], personalizedFields: ['firstName', 'company', 'industry'] };
  const long = 'we help teams like yours follow up without the busywork every single week '.repeat(3);

  test('each warning costs 0.1 and each block 0.5, as spam:<code> reasons; the missing unsubscribe wording costs nothing', () => {
    const score = scoreDraft({ ...base, subject: 'A note for Acme', body: `Hi Pat, click here: https://bit.ly/x ${long}` }, enrichment);
    expect(score.reasons).toEqual([
      { code: 'spam:trigger-phrase', effect: -0.1, detail: "body: trigger phrase 'click here'" },
      { code: 'spam:url-shortener', effect: -0.5, detail: 'body: URL shortener bit.ly' },
    ]);
    expect(score.confidence).toBe(0.4);
  });

  test('an unresolved merge field the drafter reported is scored once; one it did not recognize is scored as spam', () => {
    const reported = scoreDraft({ ...base, unresolvedFields: ['recentFunding'], subject: 'A note for Acme', body: `Hi Pat, congrats on {{recentFunding}}. ${long}` }, enrichment);
    expect(reported.reasons.map((r) => r.code)).toEqual(['unresolved-merge-field']);
    expect(reported.confidence).toBe(0.5);

    const unrecognized = scoreDraft({ ...base, subject: 'A note for Acme', body: `Hi {{first name}}, ${long}` }, enrichment);
    expect(unrecognized.reasons).toEqual([{ code: 'spam:unresolved-merge-field', effect: -0.5, detail: 'body: unresolved merge field {{first name}}' }]);
  });

  test('a clean draft keeps full confidence', () => {
    expect(scoreDraft({ ...base, subject: 'A note for Acme', body: `Hi Pat, ${long}` }, enrichment)).toEqual({ confidence: 1, reasons: [] });
  });
});
