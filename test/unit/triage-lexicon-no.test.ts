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

describe('Norwegian replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['Vennligst fjern meg fra listen.', 'unsubscribe'],
    ['Meld meg av, takk.', 'unsubscribe'],
    ['Ikke kontakt meg igjen.', 'unsubscribe'],
    ['Jeg ønsker ikke å motta flere e-poster fra dere.', 'unsubscribe'],
    ['Slutt å sende meg e-post.', 'unsubscribe'],
    ['Slett mine personopplysninger.', 'unsubscribe'],
    ['Ingen flere henvendelser, takk.', 'unsubscribe'],
    ['Jeg er reservert mot markedsføring.', 'unsubscribe'],
    ['Jeg protesterer mot bruk av mine personopplysninger til markedsføring.', 'unsubscribe'],
    ['Jeg kommer til å melde dette til Datatilsynet.', 'unsubscribe'],
    ['Ikke interessert, og vennligst fjern meg fra listen.', 'unsubscribe'],
    ['Ta meg av listen deres.', 'unsubscribe'],
    ['Nei takk.', 'not_interested'],
    ['Ikke interessert.', 'not_interested'],
    ['Det er ikke aktuelt for oss.', 'not_interested'],
    ['Vi har ikke behov for dette.', 'not_interested'],
    ['Takk, men vi står over.', 'not_interested'],
    ['Det blir for dyrt for oss.', 'objection_price'],
    ['Vi har ikke budsjett til dette.', 'objection_price'],
    ['Prisen er dessverre for høy.', 'objection_price'],
    ['Ikke akkurat nå. Ta kontakt igjen etter nyttår.', 'objection_timing'],
    ['Vi er midt i årsoppgjøret. Kontakt meg i mars.', 'objection_timing'],
    ['Ikke på nåværende tidspunkt, kanskje senere.', 'objection_timing'],
    ['Vi bruker allerede Tripletex og er fornøyde.', 'objection_competitor'],
    ['Vi har valgt en annen leverandør.', 'objection_competitor'],
    ['Vi har en egen løsning som vi har utviklet selv.', 'objection_competitor'],
    ['Jeg er ikke rett person. Kontakt vår økonomisjef.', 'referral'],
    ['Henvend deg heller til Kari Nordmann, kari@acme.no.', 'referral'],
    ['Jeg har videresendt e-posten din til controlleren vår.', 'referral'],
    ['Det er ikke jeg som har ansvaret for dette. Snakk med min kollega Ola.', 'referral'],
    ['Tirsdag kl. 14 passer fint.', 'meeting_request'],
    ['Send en kalenderinvitasjon til onsdag kl 10.', 'meeting_request'],
    ['La oss ta en prat neste uke. Når passer det deg?', 'meeting_request'],
    ['Vi tar gjerne et kort møte.', 'meeting_request'],
    ['Fungerer det med Tripletex?', 'question'],
    ['Jeg lurer på hvordan dere håndterer flere valutaer.', 'question'],
    ['Kan dere sende prisliste og noen referanser?', 'question'],
    ['Høres spennende ut, send gjerne mer informasjon.', 'interested'],
    ['Vi er interessert. Fortell gjerne mer.', 'interested'],
    ['Hvem er du, og hvor har dere fått tak i adressen min?', 'other'],
    ['Dette er spam.', 'other'],
    ['Vennligst fjern meg.', 'unsubscribe'],
    ['Jeg ønsker å bli fjernet fra listen.', 'unsubscribe'],
    ['Jeg trekker tilbake mitt samtykke.', 'unsubscribe'],
    ['Jeg vil ikke ha flere slike e-poster.', 'unsubscribe'],
    ['Jeg står i Reservasjonsregisteret.', 'unsubscribe'],
    ['Vi trenger ikke dette.', 'not_interested'],
    ['Altfor dyrt.', 'objection_price'],
    ['Kom tilbake til meg i mars.', 'objection_timing'],
    ['Vi har allerede et system for avstemming.', 'objection_competitor'],
    ['Snakk med vår regnskapssjef, hun har ansvaret for dette.', 'referral'],
    ['Onsdag passer bra. Send en møteinnkalling.', 'meeting_request'],
    ['Jeg vil gjerne vite om dere har integrasjon mot Visma.', 'question'],
    ['Ser lovende ut. Hold meg oppdatert.', 'interested'],
    ['Vennligst slett meg fra e-postlisten deres.', 'unsubscribe'],
    ['Ikke kontakt oss igjen.', 'unsubscribe'],
    ['Ta kontakt over nyttår.', 'objection_timing'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, boolean]>([
    ['Jeg kommer til å melde dette til Datatilsynet.', true],
    ['Hvem er du, og hvor har dere fått tak i adressen min?', true],
    ['Dette er spam.', true],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });

  test.each<[string, string, string | null]>([
    ['Jeg er på ferie og tilbake mandag 30.11.', 'Automatisk svar: Month-end close', '2026-11-30'],
    ['Jeg er fraværende til og med 27.11. I hastesaker kontakt regnskap@acme.no.', 'Automatisk svar: x', '2026-11-27'],
    ['Takk for din e-post. Jeg har ferie fra 18.11. til og med 27.11. og er tilbake på kontoret 30.11.', 'Fravær', '2026-11-30'],
    ['Jeg er i foreldrepermisjon. Tilbake tirsdag 1/12.', 'Autosvar: x', '2026-12-01'],
    ['Jeg er på kurs og har begrenset tilgang til e-post.', 'Automatisk svar: x', null],
    ['Jeg har avspasering og er tilbake på jobb tirsdag 1.12.', 'Fravær', '2026-12-01'],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['Ikke på kontoret', 'Jeg er på ferie til og med 27/11. Når jeg er tilbake, svarer jeg så snart som mulig.', 'out_of_office'],
    ['Re: Month-end close', 'Dette er en automatisk melding. Postkassen overvåkes ikke.', 'auto_reply_other'],
    ['Automatisk svar: Re: Month-end close', 'Vi har mottatt din henvendelse. Saksnummer 12345.', 'auto_reply_other'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

