import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0200' } = {}): string {
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

describe('Finnish replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['Poistakaa minut postituslistalta.', 'unsubscribe'],
    ['Älkää lähettäkö enää viestejä.', 'unsubscribe'],
    ['En halua enää vastaanottaa viestejänne.', 'unsubscribe'],
    ['Kiellän tietojeni käytön suoramarkkinointiin.', 'unsubscribe'],
    ['Ei kiinnosta, poistakaa osoitteeni.', 'unsubscribe'],
    ['Ei kiitos.', 'not_interested'],
    ['Emme ole kiinnostuneita.', 'not_interested'],
    ['Liian kallis meille.', 'objection_price'],
    ['Ei juuri nyt, ottakaa yhteyttä ensi vuonna.', 'objection_timing'],
    ['Käytämme jo Procountoria.', 'objection_competitor'],
    ['En ole oikea henkilö, ottakaa yhteyttä talousjohtajaamme.', 'referral'],
    ['Tiistaina klo 14 sopii.', 'meeting_request'],
    ['Haluaisin tietää, toimiiko se Netvisorin kanssa.', 'question'],
    ['Kuulostaa kiinnostavalta, kertokaa lisää.', 'interested'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, string, string | null]>([
    ['Olen lomalla 17.–27.11. ja palaan maanantaina 30.11.', 'Automaattinen vastaus: Month-end close', '2026-11-30'],
    ['Olen koulutuksessa ja luen sähköpostia rajoitetusti.', 'Automaattinen vastaus: x', null],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['Poissa', 'Olen vuosilomalla. Palattuani vastaan viestiisi.', 'out_of_office'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

