import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0100' } = {}): string {
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

describe('Czech replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['Odstraňte mě prosím z vaší databáze.', 'unsubscribe'],
    ['Nezasílejte mi další nabídky.', 'unsubscribe'],
    ['Nepřeji si dostávat obchodní sdělení.', 'unsubscribe'],
    ['Toto je nevyžádané obchodní sdělení.', 'unsubscribe'],
    ['Nemáme zájem, děkuji.', 'not_interested'],
    ['Je to pro nás příliš drahé.', 'objection_price'],
    ['Teď ne, ozvěte se po Novém roce.', 'objection_timing'],
    ['Už používáme vlastní řešení.', 'objection_competitor'],
    ['Nejsem správná osoba, obraťte se na našeho finančního ředitele.', 'referral'],
    ['Úterý v 10:00 mi vyhovuje.', 'meeting_request'],
    ['Rád bych věděl, jak to funguje s Pohodou.', 'question'],
    ['Zní zajímavě, pošlete mi více informací.', 'interested'],
    ['Our policies do not allow that.', 'other'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, string, string | null]>([
    ['Jsem na dovolené do 27.11. Zpět v kanceláři 30.11.', 'Automatická odpověď: Month-end close', '2026-11-30'],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['Nepřítomnost', 'Jsem na dovolené do 27.11. V naléhavých případech kontaktujte kolegu.', 'out_of_office'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

