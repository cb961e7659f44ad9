import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import {
  bounceKindForStatus,
  classifyMessage,
  extractNewText,
  findReturnDate,
  htmlToText,
  isAutomaticIntent,
  parseDateExpression,
  parseDeliveryStatus,
  type Intent,
  type Triage,
} from '../../activities/triage';
import { classifyReplyCommand } from '../../scripts/cadence-classify';

interface Expected {
  intent: Intent;
  sentiment: Triage['sentiment'];
  escalate: boolean;
  returnDate: string | null;
}
const FIELDS = ['intent', 'sentiment', 'escalate', 'returnDate'] as const;

const DIR = path.join(__dirname, '..', 'fixtures', 'replies');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.eml'))
  .sort();
const results = new Map<string, Triage>();

const pick = (t: Triage): Expected => ({ intent: t.intent, sentiment: t.sentiment, escalate: t.escalate, returnDate: t.returnDate });

/** A minimal raw message around a plain-text body. */
function eml(body: string, { subject = 'Re: Month-end forecasting at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 -0500' } = {}): string {
  return [
    'From: Pat Doe <pat@acme.com>',
    'To: Dana Whitfield <dana@northpeak.io>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Message-ID: <reply-1@acme.com>',
    'In-Reply-To: <enr-1.step-1.v1@mail.northpeak.io>',
    'References: <enr-0.step-1.v1@mail.northpeak.io> <enr-1.step-1.v1@mail.northpeak.io>',
    ...(headers ? [headers] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

beforeAll(async () => {
  for (const f of files) results.set(f, await classifyMessage(readFileSync(path.join(DIR, f))));
});

describe('fixture set', () => {
  test('has at least 40 messages, each with an expected label', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  test.each(files)('%s', (file) => {
    expect(pick(results.get(file)!)).toEqual(expected[file]);
  });

  test('accuracy per field is at least 0.95, and no human reply is ever classified as automatic', () => {
    const lines: string[] = [];
    for (const field of FIELDS) {
      const right = files.filter((f) => results.get(f)![field] === expected[f]![field]).length;
      const accuracy = right / files.length;
      lines.push(`triage accuracy ${field}: ${right}/${files.length} = ${accuracy.toFixed(3)}`);
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
    }
    const human = files.filter((f) => !isAutomaticIntent(expected[f]!.intent));
    const unsafe = human.filter((f) => isAutomaticIntent(results.get(f)!.intent));
    lines.push(`triage safety (human replies never automatic): ${human.length - unsafe.length}/${human.length} = ${((human.length - unsafe.length) / human.length).toFixed(3)}`);
    console.log(lines.join('\n'));
    expect(unsafe).toEqual([]);
  });

  test('every result explains itself and carries the message headers', () => {
    for (const f of files) {
      const t = results.get(f)!;
      expect(t.reasons.length).toBeGreaterThan(0);
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
      expect(t.message.from).toMatch(/@/);
    }
    const gmail = results.get('human-interested-gmail-quoted-pricing.eml')!;
    expect(gmail.message).toEqual({
      messageId: '<CAJx2kQ7p1yHcV0kz3+Tf0s8Rz9mWn4aL6bXq5eY2uN8d1oGf7w@mail.gmail.com>',
      from: 'priya@ferngrove.com',
      to: ['dana@northpeak.io'],
      subject: 'Re: Month-end forecasting at Ferngrove',
      date: '2026-11-17T17:41:58.000Z',
      inReplyTo: '<0b6f7c8e-3a51-4f0e-9d7a-5c2e1f4a9b10.step-1.v1@mail.northpeak.io>',
      references: ['<0b6f7c8e-3a51-4f0e-9d7a-5c2e1f4a9b10.step-1.v1@mail.northpeak.io>'],
    });
  });

  test('bounces name the failed recipients', () => {
    expect(results.get('dsn-postfix-5.1.1-user-unknown.eml')!.bouncedRecipients).toEqual(['wmarsh@ferngrove.com']);
    expect(results.get('dsn-exim-text-5.1.1.eml')!.bouncedRecipients).toEqual(['p.nowak@tidewell.com']);
    expect(results.get('dsn-qmail-failure-notice.eml')!.bouncedRecipients).toEqual(['jdoe@brightwater.co']);
    expect(results.get('dsn-o365-5.1.10-recipient-not-found.eml')!.bouncedRecipients).toEqual(['mreyes@lanternhealth.com']);
    expect(results.get('dsn-postfix-5.1.1-user-unknown.eml')!.reasons).toContain(
      'DSN status 5.1.1 for wmarsh@ferngrove.com, Action: failed: address does not exist',
    );
    expect(results.get('human-referral-colleague.eml')!.bouncedRecipients).toEqual([]);
  });

  test('bounces name the Message-ID of the message that bounced', () => {
    // From the returned message (Postfix), its headers (Sendmail warning), and the copy in a plain-text bounce (qmail).
    expect(results.get('dsn-postfix-5.1.1-user-unknown.eml')!.bouncedMessageId).toBe('<9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d81.step-1.v1@mail.northpeak.io>');
    expect(results.get('dsn-sendmail-4.4.7-warning.eml')!.bouncedMessageId).toBe('<6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8ef8.step-1.v1@mail.northpeak.io>');
    expect(results.get('dsn-qmail-failure-notice.eml')!.bouncedMessageId).toBe('<1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4d.step-1.v1@mail.northpeak.io>');
    expect(results.get('human-objection-price.eml')!.bouncedMessageId).toBeNull();
  });
});

describe('quotes and signatures', () => {
  test('Gmail attribution wrapped over two lines, quoted ">" lines and a sign-off are cut', () => {
    const r = extractNewText(
      [
        'Yes, send me the deck.',
        '',
        'Thanks,',
        'Priya',
        '',
        'On Mon, Nov 16, 2026 at 8:02 AM Dana Whitfield <dana@northpeak.io>',
        'wrote:',
        '',
        '> Pricing starts at $40 per seat. Reply "unsubscribe" to opt out.',
      ].join('\n'),
    );
    expect(r.newText).toBe('Yes, send me the deck.');
    expect(r.cuts.join(' ')).toMatch(/On … wrote/);
  });

  test.each([
    ['-----Original Message-----\nFrom: Dana <dana@northpeak.io>\nSent: 16 November 2026 09:30'],
    ['________________________________\nFrom: Dana Whitfield <dana@northpeak.io>\nSent: Monday, November 16, 2026 2:15 PM\nTo: Pat\nSubject: Hi'],
    ['From: Dana Whitfield <dana@northpeak.io>\nSent: Monday, November 16, 2026 2:15 PM\nTo: Pat\nSubject: Hi'],
    ['Von: Dana Whitfield <dana@northpeak.io>\nGesendet: Montag, 16. November 2026 15:02\nAn: Pat\nBetreff: Hi'],
    ['Am Mo., 16. Nov. 2026 um 09:00 Uhr schrieb Dana Whitfield <dana@northpeak.io>:'],
    ['De : Dana Whitfield <dana@northpeak.io>\nEnvoyé : lundi 16 novembre 2026 10:00\nÀ : Pat\nObjet : Hi'],
    ['Le lun. 16 nov. 2026 à 10:20, Dana Whitfield <dana@northpeak.io> a écrit :'],
    ['El lun, 16 nov 2026 a las 9:30, Dana Whitfield (<dana@northpeak.io>)\nescribió:'],
    ['---- On Mon, 16 Nov 2026 09:45:12 +0530 Dana Whitfield <dana@northpeak.io> wrote ---'],
  ])('cuts the quoted message after %j', (header) => {
    const r = extractNewText(`We already use Clari.\n\n${header}\n\nPlease unsubscribe me? No: this is the quoted pitch, pricing and all.`);
    expect(r.newText).toBe('We already use Clari.');
  });

  test.each([
    ['Sounds good.\n\n-- \nPat Doe\nVP Sales', 'Sounds good.'],
    ['Sounds good.\n\nSent from my iPhone', 'Sounds good.'],
    ['Klingt gut.\n\nVon meinem iPhone gesendet', 'Klingt gut.'],
    ['Ça marche.\n\nEnvoyé de mon iPhone', 'Ça marche.'],
    ['Me interesa.\n\nEnviado desde mi iPhone', 'Me interesa.'],
    ['Sounds good.\n\nBest regards,\nPat Doe\nDirector, Sales Operations\n+1 312 555 0147', 'Sounds good.'],
    ['Klingt gut.\n\nMit freundlichen Grüßen\nPat Doe', 'Klingt gut.'],
    ['Thanks', 'Thanks'],
  ])('signature: %j', (body, newText) => {
    expect(extractNewText(body).newText).toBe(newText);
  });

  test('the quoted pitch does not decide the intent', async () => {
    const t = await classifyMessage(
      eml(
        [
          'Sounds interesting, tell me more.',
          '',
          'On Mon, Nov 16, 2026 at 9:00 AM Dana Whitfield <dana@northpeak.io> wrote:',
          '> Pricing starts at $40 per seat. Not interested? Reply "unsubscribe" and I will stop emailing you.',
        ].join('\r\n'),
      ),
    );
    expect(pick(t)).toEqual({ intent: 'interested', sentiment: 'positive', escalate: false, returnDate: null });
    expect(t.newText).toBe('Sounds interesting, tell me more.');
  });
});

describe('delivery status notifications', () => {
  test.each([
    ['5.1.1', null, 'failed', 'hard'],
    ['5.1.2', null, 'failed', 'hard'],
    ['5.1.10', null, 'failed', 'hard'],
    ['5.4.4', null, 'failed', 'hard'],
    ['5.2.1', null, 'failed', 'hard'],
    ['5.2.2', null, 'failed', 'soft'],
    ['4.2.2', null, 'delayed', 'soft'],
    ['4.4.1', null, 'delayed', 'soft'],
    ['4.4.7', null, 'failed', 'soft'],
    ['5.0.0', 'smtp; 552 5.2.2 <a@b.com>: Mailbox full', 'failed', 'soft'],
    ['5.0.0', 'smtp; 550 5.1.1 <a@b.com>: Recipient address rejected: User unknown', 'failed', 'hard'],
    ['5.0.0', 'smtp; 550 User unknown', 'failed', 'hard'],
    ['5.7.1', 'smtp; 550 5.7.1 Message rejected as spam', 'failed', 'hard'],
    ['5.7.1', 'smtp; 550 5.7.1 Only accepts mail from internal senders', 'failed', 'hard'],
    ['5.0.0', 'smtp; 550 No Such User Here', 'failed', 'hard'],
    ['5.0.0', 'smtp; 452 4.2.2 Over quota', 'failed', 'soft'],
    [null, 'Host not responding, will retry for 4 more days', 'failed', 'soft'],
    [null, 'not listed in Domino Directory', 'failed', 'hard'],
    ['5.1.1', null, 'delayed', 'soft'],
    ['2.0.0', null, 'delivered', null],
  ] as const)('Status %s (%s, Action %s) is %s', (status, diagnostic, action, kind) => {
    expect(bounceKindForStatus(status, diagnostic, action).kind).toBe(kind);
  });

  test('parses per-recipient groups with folded lines', () => {
    const ds = parseDeliveryStatus(
      [
        'Reporting-MTA: dns; mail.northpeak.io',
        'Arrival-Date: Wed, 18 Nov 2026 14:00:02 +0000 (UTC)',
        '',
        'Final-Recipient: rfc822; a@acme.com',
        'Original-Recipient: rfc822;A@acme.com',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does',
        '    not exist.',
        '',
        'Final-Recipient: rfc822; b@acme.com',
        'Action: delayed',
        'Status: 4.4.1',
      ].join('\r\n'),
    );
    expect(ds.perMessage['reporting-mta']).toBe('dns; mail.northpeak.io');
    expect(ds.recipients).toEqual([
      { finalRecipient: 'a@acme.com', originalRecipient: 'a@acme.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550-5.1.1 The email account that you tried to reach does not exist.' },
      { finalRecipient: 'b@acme.com', originalRecipient: null, action: 'delayed', status: '4.4.1', diagnosticCode: null },
    ]);
  });

  test('a multi-recipient report is hard when any recipient is hard, and lists only failed recipients', async () => {
    const raw = [
      'From: MAILER-DAEMON@mail.northpeak.io (Mail Delivery System)',
      'To: dana@northpeak.io',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Wed, 18 Nov 2026 14:00:09 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered to one or more recipients.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.northpeak.io',
      '',
      'Final-Recipient: rfc822; ok@acme.com',
      'Action: delivered',
      'Status: 2.0.0',
      '',
      'Final-Recipient: rfc822; full@acme.com',
      'Action: failed',
      'Status: 5.2.2',
      '',
      'Final-Recipient: rfc822; gone@acme.com',
      'Action: failed',
      'Status: 5.1.1',
      '--b1--',
      '',
    ].join('\r\n');
    const t = await classifyMessage(raw);
    expect(t.intent).toBe('bounce_hard');
    expect(t.bouncedRecipients).toEqual(['full@acme.com', 'gone@acme.com']);
  });

  test('non-standard bounces: an Office 365 NDR without a report part, and a mail daemon without a status code', async () => {
    const ndr = [
      'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@acme.onmicrosoft.com>',
      'To: dana@northpeak.io',
      'Subject: Undeliverable: Month-end forecasting at Acme',
      'Date: Wed, 18 Nov 2026 17:30:05 +0000',
      'X-MS-Exchange-Message-Is-Ndr:',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset="utf-8"',
      '',
      "<html><body><p>Your message to <a href=\"mailto:pat@acme.com\">pat@acme.com</a> couldn't be delivered.</p><p>Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'</p></body></html>",
      '',
    ].join('\r\n');
    const t = await classifyMessage(ndr);
    expect(t.intent).toBe('bounce_hard');
    expect(t.bouncedRecipients).toEqual(['pat@acme.com']);

    const full = await classifyMessage(
      [
        'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        'To: dana@northpeak.io',
        'Subject: Delivery Status Notification (Failure)',
        'Date: Wed, 18 Nov 2026 17:30:05 +0000',
        '',
        "Your message to pat@acme.com couldn't be delivered: the recipient's mailbox is full.",
        '',
      ].join('\r\n'),
    );
    expect(full.intent).toBe('bounce_soft');
  });

  test('a human forwarding a bounce is not a bounce', async () => {
    const t = await classifyMessage(eml('FYI this bounced - Jane moved to jane@newco.com, try her there.\r\n\r\n---------- Forwarded message ---------\r\nFrom: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\nSubject: Delivery Status Notification (Failure)\r\n\r\nAddress not found. 550 5.1.1', { subject: 'Fwd: Delivery Status Notification (Failure)' }));
    expect(isAutomaticIntent(t.intent)).toBe(false);
  });
});

describe('dates', () => {
  const en = { dayFirst: false, reference: '2026-11-18' };
  const eu = { dayFirst: true, reference: '2026-11-18' };
  test.each([
    ['November 30, 2026', en, '2026-11-30'],
    ['30 November 2026', en, '2026-11-30'],
    ['Monday, November 30th', en, '2026-11-30'],
    ['January 11th', en, '2027-01-11'],
    ['30. November 2026', eu, '2026-11-30'],
    ['3. März 2027', eu, '2027-03-03'],
    ['14. Januar', eu, '2027-01-14'],
    ['2 décembre 2026', eu, '2026-12-02'],
    ['1er décembre', eu, '2026-12-01'],
    ['lundi 30 novembre', eu, '2026-11-30'],
    ['5 janvier 2027', eu, '2027-01-05'],
    ['1 de diciembre de 2026', eu, '2026-12-01'],
    ['15 de enero', eu, '2027-01-15'],
    ['24.11.2026', en, '2026-11-24'],
    ['24.11.', eu, '2026-11-24'],
    ['11/24/2026', en, '2026-11-24'],
    ['24/11/2026', eu, '2026-11-24'],
    ['24/11/2026', en, '2026-11-24'],
    ['03/12/2026', en, '2026-03-12'],
    ['03/12/2026', eu, '2026-12-03'],
    ['2026-12-07', en, '2026-12-07'],
  ])('%s (%j) is %s', (expr, opts, date) => {
    expect(parseDateExpression(expr, opts)).toBe(date);
  });

  test.each([
    // Wednesday 18 November 2026
    ["I'm back on Monday.", en, '2026-11-23'],
    ['Back on Wednesday.', en, '2026-11-25'],
    ['I will return tomorrow.', en, '2026-11-19'],
    ['Ich bin ab Montag wieder im Büro.', eu, '2026-11-23'],
    ['Je serai de retour lundi.', eu, '2026-11-23'],
    ['Volveré el lunes.', eu, '2026-11-23'],
    ['Out from 11/20/2026 through 11/27/2026, returning on 11/30/2026.', en, '2026-11-30'],
    ['Ich bin vom 16. bis 27. November im Urlaub und ab dem 30. November wieder erreichbar.', eu, '2026-11-30'],
    ['Je suis absente jusqu’au 2 décembre 2026 inclus.', eu, '2026-12-02'],
    ['Estaré fuera de la oficina hasta el 1 de diciembre de 2026.', eu, '2026-12-01'],
    ['I am out of the office with limited access to email.', en, null],
    ['I was out on Monday but I am back.', en, null],
  ])('return date in %j', (text, opts, date) => {
    expect(findReturnDate(text, opts)?.date ?? null).toBe(date);
  });

  test('the weekday resolves against the Date header in the sender’s own time zone', async () => {
    // 23:30 on Sunday in New York is already Monday in UTC: "back on Monday" is the next day, not a week later.
    const t = await classifyMessage(eml('I am on vacation and back on Monday.', { subject: 'Out of office', headers: 'Auto-Submitted: auto-replied', date: 'Sun, 22 Nov 2026 23:30:00 -0500' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe('2026-11-23');
  });
});

describe('HTML-only messages', () => {
  test('blockquotes become ">" lines, blocks become lines, entities are decoded', () => {
    const text = htmlToText(
      '<html><head><style>p{margin:0}</style></head><body><div>Hi Dana,</div><div><br></div><div>Sounds good &mdash; we&#39;re in. A&amp;B</div>' +
        '<blockquote style="border-left:1px solid #ccc"><p>Pricing starts at $40.</p><p>Reply <b>unsubscribe</b> to stop.</p></blockquote></body></html>',
    );
    expect(text).toBe("Hi Dana,\n\nSounds good — we're in. A&B\n\n> Pricing starts at $40.\n>\n> Reply unsubscribe to stop.");
  });

  test('an HTML-only reply is classified on its new text', async () => {
    const html =
      '<div>Not interested, thanks.</div><div><br></div><div>Grace</div><hr><div id="divRplyFwdMsg"><b>From:</b> Dana Whitfield &lt;dana@northpeak.io&gt;<br><b>Sent:</b> Monday, November 16, 2026 11:20 AM<br><b>To:</b> Grace<br><b>Subject:</b> Hi</div>' +
      '<div><p>Would 20 minutes next week work? Pricing starts at $40. Reply unsubscribe to opt out.</p></div>';
    const raw = eml(html).replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: text/html; charset=utf-8');
    const t = await classifyMessage(raw);
    expect(t.newText).toBe('Not interested, thanks.\n\nGrace');
    expect(pick(t)).toEqual({ intent: 'not_interested', sentiment: 'negative', escalate: false, returnDate: null });
    expect(t.reasons).toContain('HTML-only body converted to text');
  });
});

describe('fail safe', () => {
  test('out-of-office words in a person’s reply without any automatic evidence stay human', async () => {
    const t = await classifyMessage(eml("I'm on vacation."));
    expect(t.intent).toBe('other');
    expect(t.reasons.join(' ')).toMatch(/fail-safe/);
  });

  test('an automatic-sounding text without an automatic header stays human', async () => {
    const t = await classifyMessage(eml('Thank you for your message. This is an automated response.'));
    expect(pick(t)).toEqual({ intent: 'other', sentiment: 'neutral', escalate: false, returnDate: null });
  });

  test('X-Auto-Response-Suppress alone does not make a reply automatic', async () => {
    const t = await classifyMessage(eml('Can we talk on Thursday at 2pm?', { headers: 'X-Auto-Response-Suppress: All' }));
    expect(t.intent).toBe('meeting_request');
  });

  test('Auto-Submitted: no is a person; Auto-Submitted: auto-replied is not', async () => {
    expect((await classifyMessage(eml('Thanks, not for us.', { headers: 'Auto-Submitted: no' }))).intent).toBe('not_interested');
    expect((await classifyMessage(eml('Thanks, not for us.', { headers: 'Auto-Submitted: auto-replied' }))).intent).toBe('auto_reply_other');
  });

  test.each(['Precedence: bulk', 'Precedence: junk', 'X-Precedence: auto_reply', 'X-Autoreply: yes', 'X-Autorespond: vacation'])('%s marks an automatic reply', async (header) => {
    const t = await classifyMessage(eml('Your request has been received.', { headers: header }));
    expect(t.intent).toBe('auto_reply_other');
    expect(t.reasons).toContain(header);
  });

  test('angry, threatening and confused replies escalate; a legal disclaimer in the signature does not', async () => {
    expect((await classifyMessage(eml('This is spam. I have reported your domain to Spamhaus.'))).escalate).toBe(true);
    expect((await classifyMessage(eml('How did you get my email address?'))).escalate).toBe(true);
    const disclaimer = await classifyMessage(
      eml('Yes, send me the deck.\r\n\r\nBest regards,\r\nPat\r\n\r\nCONFIDENTIALITY NOTICE: this message is confidential. Misuse may result in legal action by our attorneys.'),
    );
    expect(pick(disclaimer)).toEqual({ intent: 'interested', sentiment: 'positive', escalate: false, returnDate: null });
  });
});

describe('cadence classify-reply', () => {
  async function run(argv: string[], input: string | Buffer) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on('data', (c: Buffer) => out.push(c));
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await classifyReplyCommand(argv, Readable.from([Buffer.from(input)]), stdout, stderr);
    return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  }

  test.each([[[]], [['--json']]])('prints one line of JSON with exactly four keys (%j)', async (argv) => {
    const r = await run(argv, readFileSync(path.join(DIR, 'ooo-en-exchange-return-date.eml')));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['intent', 'sentiment', 'escalate', 'returnDate']);
    expect(parsed).toEqual({ intent: 'out_of_office', sentiment: 'neutral', escalate: false, returnDate: '2026-11-30' });
  });

  test('an unknown flag prints the usage on stderr and exits 2', async () => {
    const r = await run(['--yaml'], 'From: a@b.c\r\n\r\nhi');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown option "--yaml"/);
    expect(r.stderr).toMatch(/usage: cadence classify-reply/);
  });

  test('empty input is an error, exit 1', async () => {
    const r = await run([], '  \r\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no message on standard input/);
  });
});
