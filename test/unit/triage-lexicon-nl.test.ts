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

const AUTO = { subject: 'Automatisch antwoord: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' };

describe('Dutch replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    // unsubscribe
    ['Haal mij alstublieft van uw mailinglijst.', 'unsubscribe'],
    ['Graag uitschrijven.', 'unsubscribe'],
    ['Wilt u mij verwijderen uit uw bestand?', 'unsubscribe'],
    ['Ik wil geen e-mails meer van jullie ontvangen.', 'unsubscribe'],
    ['Mail me niet meer.', 'unsubscribe'],
    ['Stop met mailen aub.', 'unsubscribe'],
    ['Hou hier nou eens mee op, dit is de derde mail.', 'unsubscribe'],
    ['Ik maak hierbij bezwaar tegen het gebruik van mijn gegevens voor direct marketing.', 'unsubscribe'],
    ['Verwijder al mijn gegevens uit jullie systemen, conform de AVG.', 'unsubscribe'],
    ['Als dit doorgaat meld ik het bij de Autoriteit Persoonsgegevens.', 'unsubscribe'],
    ['Geen interesse, en graag ook geen mails meer.', 'unsubscribe'],
    ['We gebruiken al Exact Online. Haal ons van de lijst a.u.b.', 'unsubscribe'],
    ['Gelieve mij niet meer te contacteren.', 'unsubscribe'],
    ['Laat me met rust.', 'unsubscribe'],
    ['Afmelden', 'unsubscribe'],
    ['Ik wens niet langer benaderd te worden.', 'unsubscribe'],
    ['Stuur me niets meer.', 'unsubscribe'],
    ['Ik ontvang graag geen commerciële e-mails meer.', 'unsubscribe'],
    ['Neem geen contact meer met mij op.', 'unsubscribe'],
    ['Ik heb nooit toestemming gegeven. Verwijder mijn e-mailadres per direct.', 'unsubscribe'],
    ['Schrijf me uit van deze nieuwsbrief.', 'unsubscribe'],
    ['Ongevraagde reclame, bedankt maar stop hiermee.', 'unsubscribe'],
    ['Meld mij af voor deze mailings.', 'unsubscribe'],
    ['Kunnen jullie mij uit jullie database halen?', 'unsubscribe'],
    ['Hou je mails voor je.', 'unsubscribe'],
    ['Wij stellen geen prijs op ongevraagde mails.', 'unsubscribe'],
    ['Stop met die mails.', 'unsubscribe'],
    ['Stop met spammen.', 'unsubscribe'],
    ['Uw mails zijn niet gewenst.', 'unsubscribe'],
    ['Ik heb jullie als spam gemarkeerd.', 'unsubscribe'],
    // not interested
    ['Geen interesse.', 'not_interested'],
    ['Nee, dank je.', 'not_interested'],
    ['Dit is niets voor ons.', 'not_interested'],
    ['Daar hebben we geen behoefte aan.', 'not_interested'],
    ['Niet geïnteresseerd, bedankt.', 'not_interested'],
    ['We zien er geen toegevoegde waarde in.', 'not_interested'],
    ['Ik pas, bedankt.', 'not_interested'],
    ['Ik heb geen verdere informatie nodig.', 'not_interested'],
    // objection price
    ['Te duur voor ons.', 'objection_price'],
    ['Daar hebben we geen budget voor.', 'objection_price'],
    ['49 dollar per gebruiker is voor ons veel te veel.', 'objection_price'],
    ['De kosten zijn voor een klein team als het onze te hoog.', 'objection_price'],
    ['We moeten dit jaar bezuinigen, dus helaas.', 'objection_price'],
    // objection timing
    ['Op dit moment niet, neem in het voorjaar nog eens contact op.', 'objection_timing'],
    ['We zitten midden in een reorganisatie. Probeer het na de zomer opnieuw.', 'objection_timing'],
    ['Geen goed moment, misschien later dit jaar.', 'objection_timing'],
    ['Ik kom er in januari op terug.', 'objection_timing'],
    ['Nu even niet, we zijn druk met de jaarafsluiting.', 'objection_timing'],
    // objection competitor
    ['We hebben al een oplossing hiervoor.', 'objection_competitor'],
    ['Wij werken al jaren met AFAS en zijn daar tevreden over.', 'objection_competitor'],
    ['We hebben dit zelf gebouwd in Excel met wat macro\'s.', 'objection_competitor'],
    ['Daar is al in voorzien, dank je.', 'objection_competitor'],
    ['We zijn vorig jaar overgestapt op Twinfield.', 'objection_competitor'],
    // referral
    ['Ik ben niet de juiste persoon, neem contact op met onze controller Jan de Boer.', 'referral'],
    ['Ik heb je mail doorgestuurd naar mijn collega van finance.', 'referral'],
    ['Daar ga ik niet over, dat doet onze CFO.', 'referral'],
    ['Mijn collega Sanne gaat hierover, ik heb haar in de cc gezet.', 'referral'],
    // meeting request
    ['Dinsdag om 14:00 schikt mij prima.', 'meeting_request'],
    ['Laten we even bellen. Wanneer heb je tijd?', 'meeting_request'],
    ['Stuur me maar een agenda-uitnodiging voor donderdag.', 'meeting_request'],
    ['Graag een demo volgende week.', 'meeting_request'],
    ['Woensdag past.', 'meeting_request'],
    ['Wij hebben interesse in een demo.', 'meeting_request'],
    // question
    ['Ik ben benieuwd hoe de koppeling met Exact werkt.', 'question'],
    ['Kunt u aangeven wat de prijs is voor 25 gebruikers?', 'question'],
    ['Ik heb nog een paar vragen over de beveiliging.', 'question'],
    ['Waar worden de gegevens opgeslagen?', 'question'],
    ['Onze advocaat bekijkt de verwerkersovereenkomst nog. Kunt u die sturen?', 'question'],
    // interested
    ['Klinkt interessant, stuur me gerust wat meer informatie.', 'interested'],
    ['Houd me op de hoogte!', 'interested'],
    ['Ja graag!', 'interested'],
    ['Dit spreekt ons wel aan, ik hoor graag meer.', 'interested'],
    ['De gratis pilot willen we graag uitproberen.', 'interested'],
    ['Houd ons op de hoogte van de ontwikkelingen.', 'interested'],
    // other
    ['Dit is gewoon spam.', 'other'],
    ['Bedankt voor de info.', 'other'],
    ['Wie bent u en hoe komt u aan mijn e-mailadres?', 'other'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, string | null, { subject?: string; headers?: string }]>([
    ['Ik ben tot en met vrijdag 27 november afwezig en vanaf maandag 30 november weer bereikbaar.', '2026-11-30', AUTO],
    ['Bedankt voor uw bericht. Ik ben met vakantie tot 4 december. Voor dringende zaken kunt u contact opnemen met info@acme.example.', '2026-12-04', AUTO],
    ['Ons kantoor is gesloten van 24 december tot en met 1 januari. Vanaf maandag 4 januari staan we weer voor u klaar.', '2027-01-04', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Ik ben met zwangerschapsverlof. Uw e-mail wordt niet doorgestuurd.', null, AUTO],
    ['Ik ben t/m 27 november met vakantie en op 30 november weer op kantoor.', '2026-11-30', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Ik ben tot maandag niet op kantoor en heb beperkt toegang tot mijn e-mail.', '2026-11-23', { subject: 'Re: Month-end close at Acme' }],
    ['Ik ben afwezig van 23 november tot en met 4 december. Vanaf 7 december ben ik weer aanwezig.', '2026-12-07', AUTO],
    ['Ik ben met ouderschapsverlof tot 15 januari 2027.', '2027-01-15', { subject: 'Afwezig', headers: 'Auto-Submitted: auto-replied' }],
    ['Ik ben tot en met maandag niet op kantoor.', '2026-11-23', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Wegens de feestdagen is ons kantoor gesloten van 24 december t/m 1 januari.', '2027-01-01', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Ik ben afwezig tot en met 27 november. Voor dringende zaken kan u terecht bij mijn collega.', '2026-11-27', { subject: 'Afwezigheidsbericht: Month-end close at Acme' }],
    ['Ik ben op zakenreis en vanaf donderdag weer op kantoor.', '2026-11-19', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Bedankt voor je bericht. Ik ben tot 30 november op vakantie en heb geen toegang tot mijn mail.', '2026-11-30', {}],
    ['Ik ben op 30 november weer terug op kantoor.', '2026-11-30', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Ik ben met vakantie tot en met 27 november en ben op maandag 30 november weer op kantoor.', '2026-11-30', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Ik ben tot 27 november afwezig. Uw e-mail wordt niet doorgestuurd en na mijn terugkomst verwijderd.', '2026-11-27', { subject: 'Afwezig: Month-end close at Acme' }],
    ['Ik ben met vakantie tot 30 november. Ik lees mijn mail niet; dringende zaken graag naar mijn collega via info@acme.example.', '2026-11-30', AUTO],
  ])('absence notice %j returns %s', async (body, returnDate, opts) => {
    const t = await classifyMessage(eml(body, opts));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, { subject?: string; headers?: string }]>([
    ['Dit is een automatisch gegenereerd bericht. Wij hebben uw e-mail in goede orde ontvangen en reageren binnen twee werkdagen.', {}],
    ['Jan Jansen is niet langer werkzaam bij Acme. Uw e-mail wordt niet doorgestuurd.', AUTO],
    ['Uw bericht\n\n  Aan: Pat\n  Onderwerp: Month-end close at Acme\n\nis gelezen op dinsdag 17 november 2026 15:03:12 (UTC+01:00).', { subject: 'Gelezen: Month-end close at Acme' }],
    ['Deze mailbox wordt niet gelezen. Gelieve niet te antwoorden op dit bericht.', {}],
    ['Ik ben niet meer werkzaam bij Acme en ontvang op dit adres geen e-mails meer.', AUTO],
  ])('automatic message %j is not an absence', async (body, opts) => {
    expect((await classifyMessage(eml(body, opts))).intent).toBe('auto_reply_other');
  });

  test.each<[string, boolean]>([
    ['Dit is gewoon spam.', true],
    ['Als dit doorgaat meld ik het bij de Autoriteit Persoonsgegevens.', true],
    ['Wie bent u en hoe komt u aan mijn e-mailadres?', true],
    ['Ik schakel mijn advocaat in als dit niet stopt.', true],
    ['Onze advocaat bekijkt de verwerkersovereenkomst nog. Kunt u die sturen?', false],
    ['We zijn druk met de aangifte, probeer het na de zomer.', false],
    ['Geen interesse.', false],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });
});
