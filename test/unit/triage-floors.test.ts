import { classifyMessage, type IntentRefiner, type RefinerInput, type Refinement } from '../../activities/triage';

/** A minimal raw message around a plain-text body. */
function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '' } = {}): string {
  return [
    'From: Pat Doe <pat@acme.com>',
    'To: Dana Whitfield <dana@northpeak.io>',
    `Subject: ${subject}`,
    'Date: Wed, 18 Nov 2026 10:00:00 -0500',
    'Message-ID: <reply-1@acme.com>',
    'In-Reply-To: <enr-1.step-1.v1@mail.northpeak.io>',
    ...(headers ? [headers] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

/** A second opinion that always answers the same, and remembers what it was asked. */
function fixedRefiner(answer: Refinement | null | Error): IntentRefiner & { asked: RefinerInput[] } {
  const asked: RefinerInput[] = [];
  return {
    name: 'fixed',
    asked,
    async refine(input) {
      asked.push(input);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('the opt-out floor', () => {
  test.each([
    ['Not interested, please remove me.', 'not interested and an opt-out'],
    ['We went with another vendor, take me off your list.', 'a competitor and an opt-out'],
    ['Tuesday at 2 works. Also please stop emailing my colleagues.', 'a meeting and an opt-out'],
  ])('%j is an unsubscribe (%s)', async (body) => {
    const t = await classifyMessage(eml(body));
    expect(t.intent).toBe('unsubscribe');
    expect(t.sentiment).toBe('negative');
    expect(t.reasons.join(' ')).toMatch(/opt-out/);
  });

  test('an opt-out in a P.S. below the signature still counts', async () => {
    const t = await classifyMessage(eml('Thanks for the note.\n\nBest,\nPat\n\nP.S. Please take me off this sequence.'));
    expect(t.intent).toBe('unsubscribe');
    expect(t.reasons[0]).toMatch(/^floor: an opt-out wins/);
  });

  test('an opt-out carried only by the subject, with nothing above the quote', async () => {
    const t = await classifyMessage(
      eml('\nOn Tue, Nov 17, 2026 at 9:02 AM Dana Whitfield <dana@northpeak.io> wrote:\n> Hi Pat,', { subject: 'Re: Month-end close at Acme - REMOVE' }),
    );
    expect(t.intent).toBe('unsubscribe');
  });

  test('the quoted pitch and an unsubscribe link in a footer are not an opt-out', async () => {
    const t = await classifyMessage(
      eml('Sounds interesting, tell me more.\n\nOn Tue, Nov 17, 2026 at 9:02 AM Dana Whitfield <dana@northpeak.io> wrote:\n> If this isn\'t relevant, just let me know and I won\'t follow up. Reply stop to unsubscribe.'),
    );
    expect(t.intent).toBe('interested');
    const footer = await classifyMessage(eml('Yes, send me the deck.\n\n--\nAcme Corp newsletter: click here to unsubscribe from our mailings.'));
    expect(footer.intent).toBe('interested');
  });

  test('no second opinion can turn an opt-out into something else', async () => {
    const refiner = fixedRefiner({ intent: 'meeting_request', confidence: 0.99, reason: 'wants a call' });
    const t = await classifyMessage(eml('Please remove me from your list.'), { refiner });
    expect(t.intent).toBe('unsubscribe');
    expect(refiner.asked).toEqual([]);
  });

  test('a second opinion that misses an opt-out in the text is overruled by the floor', async () => {
    // The rules read the P.S. only through the floor; the refiner is asked about the new text and answers meeting.
    const refiner = fixedRefiner({ intent: 'meeting_request', confidence: 0.99, reason: 'wants a call' });
    const t = await classifyMessage(eml('Happy to chat Tuesday at 2pm.\n\nBest,\nPat\n\nPS: please remove me from this sequence though.'), { refiner });
    expect(t.intent).toBe('unsubscribe');
  });
});

describe('a second opinion', () => {
  test('refines the intent of a person’s reply, and says so in the evidence', async () => {
    const refiner = fixedRefiner({ intent: 'objection_timing', sentiment: 'neutral', confidence: 0.8, reason: 'asks to be contacted after the audit' });
    const t = await classifyMessage(eml('Thanks. Let us revisit this topic once the auditors are gone.'), { refiner });
    expect(refiner.asked).toHaveLength(1);
    expect(refiner.asked[0]!.newText).toBe('Thanks. Let us revisit this topic once the auditors are gone.');
    expect(t.intent).toBe('objection_timing');
    expect(t.confidence).toBe(0.8);
    expect(t.reasons[0]).toMatch(/^second opinion \(fixed\): objection timing rather than/);
  });

  test('is never asked about bounces or automatic replies, and cannot make a reply automatic', async () => {
    const refiner = fixedRefiner({ intent: 'question', confidence: 0.9, reason: 'x' });
    const ooo = await classifyMessage(eml('I am out of the office until 30 November with limited access to email.', { subject: 'Automatic reply: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' }), { refiner });
    expect(ooo.intent).toBe('out_of_office');
    expect(refiner.asked).toEqual([]);

    const sneaky = fixedRefiner({ intent: 'out_of_office' as never, confidence: 0.99, reason: 'looks away' });
    const t = await classifyMessage(eml('Who owns the pilot on your side?'), { refiner: sneaky });
    expect(t.intent).toBe('question');
    expect(t.reasons.join(' ')).toMatch(/which only the rules may decide; ignored/);
  });

  test('a failing second opinion leaves the rules’ reading, and says why', async () => {
    const t = await classifyMessage(eml('Does it work with NetSuite?'), { refiner: fixedRefiner(new Error('model timed out')) });
    expect(t.intent).toBe('question');
    expect(t.reasons.join(' ')).toMatch(/second opinion \(fixed\) failed: model timed out/);
  });
});

describe('the unsure floor', () => {
  test('an automatic reading below the threshold is handled as a person’s reply', async () => {
    const raw = eml('I am away this week. For urgent matters call my mobile.', { subject: 'Re: Month-end close at Acme' });
    const loose = await classifyMessage(raw, { floors: { automaticAtLeast: 0 } });
    expect(loose.intent).toBe('out_of_office');
    const strict = await classifyMessage(raw, { floors: { automaticAtLeast: 0.95 } });
    expect(strict.intent).not.toBe('out_of_office');
    expect(strict.reasons[0]).toMatch(/^floor: not sure enough that a program wrote it \(out of office at 0\.\d+\): handled as a person's reply/);
  });
});
