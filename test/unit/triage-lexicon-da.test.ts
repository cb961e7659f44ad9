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

describe('Danish replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['Afmeld mig venligst.', 'unsubscribe'],
    ['Fjern mig fra jeres liste.', 'unsubscribe'],
    ['Slet mine oplysninger og kontakt mig ikke igen.', 'unsubscribe'],
    ['Jeg ønsker ikke at modtage flere mails fra jer.', 'unsubscribe'],
    ['Stop med at skrive til mig.', 'unsubscribe'],
    ['Ingen flere henvendelser, tak.', 'unsubscribe'],
    ['Reklamer frabedes.', 'unsubscribe'],
    ['Jeg står på Robinsonlisten.', 'unsubscribe'],
    ['Jeg gør indsigelse mod behandlingen af mine personoplysninger til markedsføring.', 'unsubscribe'],
    ['Hvis I skriver igen, anmelder jeg jer til Datatilsynet.', 'unsubscribe'],
    ['Ikke interesseret, og fjern mig fra listen.', 'unsubscribe'],
    ['Undlad venligst at kontakte mig fremover.', 'unsubscribe'],
    ['Tag mig af jeres mailingliste.', 'unsubscribe'],
    ['Nej tak.', 'not_interested'],
    ['Det er ikke noget for os.', 'not_interested'],
    ['Vi er ikke interesserede.', 'not_interested'],
    ['Tak, men nej. Vi har ikke brug for det.', 'not_interested'],
    ['Vi takker nej.', 'not_interested'],
    ['Det er for dyrt for os.', 'objection_price'],
    ['Vi har ikke budget til det i år.', 'objection_price'],
    ['Prisen er desværre for høj.', 'objection_price'],
    ['Ikke lige nu. Kontakt mig igen efter nytår.', 'objection_timing'],
    ['Vi er midt i årsafslutningen, skriv igen i marts.', 'objection_timing'],
    ['Ikke på nuværende tidspunkt, måske senere.', 'objection_timing'],
    ['Vi bruger allerede e-conomic og er tilfredse.', 'objection_competitor'],
    ['Vi har valgt en anden leverandør.', 'objection_competitor'],
    ['Vi har udviklet vores egen løsning internt.', 'objection_competitor'],
    ['Jeg er ikke den rette person. Kontakt vores økonomichef.', 'referral'],
    ['Henvend dig hellere til Mette Hansen, mette@acme.dk.', 'referral'],
    ['Jeg har videresendt din mail til vores controller.', 'referral'],
    ['Det er ikke mig, der står for det. Tal med min kollega Lars.', 'referral'],
    ['Tirsdag kl. 14 passer fint.', 'meeting_request'],
    ['Send en kalenderinvitation til onsdag kl. 10.', 'meeting_request'],
    ['Lad os tage en snak i næste uge. Hvornår passer det dig?', 'meeting_request'],
    ['Vi tager gerne et kort møde.', 'meeting_request'],
    ['Virker det med e-conomic?', 'question'],
    ['Jeg vil gerne vide, hvordan I håndterer flere valutaer.', 'question'],
    ['Kan I sende jeres prisliste og et par referencer?', 'question'],
    ['Det lyder spændende, send gerne mere information.', 'interested'],
    ['Vi er interesserede. Fortæl gerne mere.', 'interested'],
    ['Hvem er du, og hvor har du fået min adresse fra?', 'other'],
    ['Det her er spam.', 'other'],
    ['Ikke interesseret.', 'not_interested'],
    ['Jeg er meget interesseret.', 'interested'],
    ['Jeg vil gerne afmeldes jeres nyhedsbrev.', 'unsubscribe'],
    ['Fjern venligst min mail fra jeres system.', 'unsubscribe'],
    ['Jeg tilbagekalder mit samtykke.', 'unsubscribe'],
    ['Send mig ikke flere mails.', 'unsubscribe'],
    ['Lad mig være i fred.', 'unsubscribe'],
    ['Vi melder pas.', 'not_interested'],
    ['Vi er i en sparerunde, så der er ikke plads i budgettet.', 'objection_price'],
    ['Vend tilbage efter sommerferien.', 'objection_timing'],
    ['Vi er glade for vores nuværende løsning.', 'objection_competitor'],
    ['Jeg har sat vores CFO på cc. Hun står for den slags.', 'referral'],
    ['Onsdag passer fint for mig. Send en invitation.', 'meeting_request'],
    ['Kan du forklare, hvordan prisen beregnes?', 'question'],
    ['Det ser spændende ud. Hold mig opdateret.', 'interested'],
    ['Vi har modtaget din mail og videresendt den til vores controller.', 'referral'],
    ['Ikke send mig mere reklame.', 'unsubscribe'],
    ['Jeg frabeder mig henvendelser af denne type.', 'unsubscribe'],
    ['Stop venligst med at sende mig mails.', 'unsubscribe'],
    ['Det er ikke det rette tidspunkt. Skriv gerne igen til foråret.', 'objection_timing'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, boolean]>([
    ['Hvis I skriver igen, anmelder jeg jer til Datatilsynet.', true],
    ['Hvem er du, og hvor har du fået min adresse fra?', true],
    ['Det her er spam.', true],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });

  test.each<[string, string, string | null]>([
    ['Jeg er på ferie og tilbage mandag den 30.11.', 'Automatisk svar: Month-end close', '2026-11-30'],
    ['Jeg er fraværende til og med 27.11. I hastende sager kontakt bogholderi@acme.dk.', 'Automatisk svar: x', '2026-11-27'],
    ['Tak for din mail. Jeg holder ferie fra 18.11. til og med 27.11. og er tilbage på kontoret 30.11.', 'Fraværsbesked', '2026-11-30'],
    ['Jeg er på barsel. Jeg er tilbage tirsdag d. 1/12.', 'Autosvar: x', '2026-12-01'],
    ['Jeg er på kursus og har begrænset adgang til min mail.', 'Automatisk svar: x', null],
    ['Jeg holder juleferie og møder ind igen tirsdag 1.12.', 'Fraværsbesked', '2026-12-01'],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['Ude af kontoret', 'Jeg er på ferie til og med 27/11. Når jeg er tilbage, svarer jeg hurtigst muligt.', 'out_of_office'],
    ['Re: Month-end close', 'Dette er en automatisk besked. Denne postkasse overvåges ikke.', 'auto_reply_other'],
    ['Automatisk svar: Re: Month-end close', 'Vi har modtaget din henvendelse. Sagsnummer 12345.', 'auto_reply_other'],
    ['Re: Month-end close', 'Tak for din mail. Jeg er på ferie i næste uge, men torsdag kl. 14 passer fint.', 'meeting_request'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

