import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 -0500' } = {}): string {
  return [
    'From: Pat <pat@acme.example>',
    'To: Dana Whitfield <dana@northpeak.io>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Message-ID: <r1@acme.example>',
    'In-Reply-To: <enr-1.step-1.v1@mail.northpeak.io>',
    ...(headers ? [headers] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

describe('English replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    // opt-outs
    ['Please remove me from your mailing list.', 'unsubscribe'],
    ['Kindly take my name off whatever list this is.', 'unsubscribe'],
    ['How do I get off this list?', 'unsubscribe'],
    ['I withdraw my consent to receive marketing emails.', 'unsubscribe'],
    ['We have blocked your domain. Do not write again.', 'unsubscribe'],
    ['Stop bugging me.', 'unsubscribe'],
    ['I would like to be removed from your database, thank you.', 'unsubscribe'],
    ['Not the right person and please scrub this address from your CRM.', 'unsubscribe'],
    ["I'd rather you didn't email this address again.", 'unsubscribe'],
    ['Please stop the spam.', 'unsubscribe'],
    ['Under GDPR Article 17 I request erasure of all personal data you hold on me.', 'unsubscribe'],
    ['unsubscribe', 'unsubscribe'],
    // declines
    ['No thanks.', 'not_interested'],
    ["We've decided not to pursue this.", 'not_interested'],
    ["I don't see a fit for us here.", 'not_interested'],
    ["Appreciate it, but no.", 'not_interested'],
    ['Not something we need.', 'not_interested'],
    // objections
    ['At that price point this will never get approved.', 'objection_price'],
    ['Our budget for new tools has been cut to zero.', 'objection_price'],
    ['Way too expensive for a team of five.', 'objection_price'],
    ['Reach out again in Q2 once our audit is done.', 'objection_timing'],
    ["Timing's not great, we're mid-ERP migration. Try me in the spring.", 'objection_timing'],
    ['Not right now, maybe later in the year.', 'objection_timing'],
    ["We're a FloQast shop and happy with it.", 'objection_competitor'],
    ['We went live with BlackLine in September.', 'objection_competitor'],
    ['We built our own reconciliation scripts years ago.', 'objection_competitor'],
    ['We already have a tool in place for this.', 'objection_competitor'],
    // referrals
    ["I'm not the right person - try our controller, jane.doe@acme.example.", 'referral'],
    ['Maria runs finance ops here, copying her.', 'referral'],
    ["I've forwarded this to our VP of Finance.", 'referral'],
    ['Whoever runs AP would be your contact; that is Sam Lee now.', 'referral'],
    // meetings, questions, interest
    ['Tuesday at 2pm ET works for me.', 'meeting_request'],
    ['Sure, send me a calendar invite.', 'meeting_request'],
    ["Let's find 30 minutes next week.", 'meeting_request'],
    ['Does it integrate with NetSuite?', 'question'],
    ['What would pricing look like for 15 users?', 'question'],
    ['Is customer data stored in the EU?', 'question'],
    ['Sounds interesting, please send more information.', 'interested'],
    ['Definitely relevant for us. Keep me posted.', 'interested'],
    // other
    ['Thanks.', 'other'],
    ['?', 'other'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each([
    ["I'm out of the office until Friday, November 27 with limited access to email.", '2026-11-27'],
    ['I am on PTO and will be back in the office on Monday, November 30.', '2026-11-30'],
    ['I will return on 12/1. For anything urgent please contact ops@acme.example.', '2026-12-01'],
    ["I'm away from 20 November to 27 November and back the following Monday, 30 November.", '2026-11-30'],
    ["I'll be back the Monday after Thanksgiving.", '2026-11-30'],
    ['I am out of the office this week, back next week Monday.', '2026-11-23'],
    ['I am out of the office with limited access to email.', null],
  ])('absence notice %j returns %s', async (body, returnDate) => {
    const t = await classifyMessage(eml(body, { subject: 'Automatic reply: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test('calling it spam escalates but is not by itself an opt-out (the brief); asking to stop is', async () => {
    const accusation = await classifyMessage(eml('This is spam. Nobody here asked for it, and next quarter is the earliest we would look at anything.'));
    expect(accusation.escalate).toBe(true);
    expect(accusation.intent).toBe('objection_timing');
    expect((await classifyMessage(eml('This is spam. Stop emailing me.'))).intent).toBe('unsubscribe');
  });
});
