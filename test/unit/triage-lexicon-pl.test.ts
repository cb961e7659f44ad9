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

describe('Polish replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['Proszę usunąć mnie z listy mailingowej.', 'unsubscribe'],
    ['Proszę o usunięcie mojego adresu z Państwa bazy.', 'unsubscribe'],
    ['Wypiszcie mnie z tej listy.', 'unsubscribe'],
    ['Usuńcie moje dane.', 'unsubscribe'],
    ['Nie wysyłajcie mi więcej takich wiadomości.', 'unsubscribe'],
    ['Proszę więcej do mnie nie pisać.', 'unsubscribe'],
    ['Nie chcę otrzymywać od Państwa żadnych ofert.', 'unsubscribe'],
    ['Nie życzę sobie kontaktu.', 'unsubscribe'],
    ['Przestańcie spamować.', 'unsubscribe'],
    ['Proszę zaprzestać wysyłania wiadomości na ten adres.', 'unsubscribe'],
    ['Wnoszę sprzeciw wobec przetwarzania moich danych osobowych w celach marketingowych (art. 21 RODO).', 'unsubscribe'],
    ['Cofam zgodę na przetwarzanie danych.', 'unsubscribe'],
    ['Jeśli to się powtórzy, złożę skargę do UODO.', 'unsubscribe'],
    ['To niezamówiona informacja handlowa.', 'unsubscribe'],
    ['Nie jestem zainteresowany, proszę wypisać mnie z listy mailingowej.', 'unsubscribe'],
    ['Dajcie mi spokój.', 'unsubscribe'],
    ['Nie, dziękuję.', 'not_interested'],
    ['Nie jesteśmy zainteresowani.', 'not_interested'],
    ['Dziękuję za propozycję, ale nie skorzystamy.', 'not_interested'],
    ['Nie potrzebujemy takiego narzędzia.', 'not_interested'],
    ['To nie dla nas.', 'not_interested'],
    ['Nie interesuje nas to.', 'not_interested'],
    ['Zdecydowanie za drogo.', 'objection_price'],
    ['Nie mamy budżetu na nowe narzędzia.', 'objection_price'],
    ['Cena jest dla nas za wysoka.', 'objection_price'],
    ['Nie stać nas na to w tym roku.', 'objection_price'],
    ['Nie teraz. Proszę o kontakt w marcu.', 'objection_timing'],
    ['Jesteśmy w trakcie zamknięcia roku, proszę odezwać się po Nowym Roku.', 'objection_timing'],
    ['Na chwilę obecną nie, może później.', 'objection_timing'],
    ['Wróćmy do tematu w przyszłym kwartale.', 'objection_timing'],
    ['Odezwę się, jak skończymy wdrożenie.', 'objection_timing'],
    ['Używamy już Comarch Optima i to nam wystarcza.', 'objection_competitor'],
    ['Wybraliśmy innego dostawcę.', 'objection_competitor'],
    ['Mamy własne rozwiązanie, zbudowaliśmy je sami.', 'objection_competitor'],
    ['Korzystamy już z BlackLine.', 'objection_competitor'],
    ['Nie jestem właściwą osobą. Proszę skontaktować się z naszą główną księgową.', 'referral'],
    ['Przekazałem wiadomość do działu finansów.', 'referral'],
    ['Za to odpowiada nasz dyrektor finansowy, pan Kowalski: j.kowalski@acme.pl.', 'referral'],
    ['Tym zajmuje się moja koleżanka Anna, dodałem ją do kopii.', 'referral'],
    ['Wtorek o 14:00 mi pasuje.', 'meeting_request'],
    ['Umówmy się na rozmowę w czwartek.', 'meeting_request'],
    ['Proszę przesłać zaproszenie na środę o 10.', 'meeting_request'],
    ['Chętnie porozmawiam. Jakie terminy Panu odpowiadają?', 'meeting_request'],
    ['Poproszę o demo.', 'meeting_request'],
    ['Czy system działa z Comarch Optima?', 'question'],
    ['Chciałbym się dowiedzieć, jak wygląda integracja z bankiem.', 'question'],
    ['Proszę o cennik dla 30 użytkowników.', 'question'],
    ['Interesuje mnie, czy macie certyfikat SOC 2.', 'question'],
    ['Brzmi ciekawie, proszę o więcej informacji.', 'interested'],
    ['Jestem zainteresowany. Proszę przesłać materiały.', 'interested'],
    ['Ciekawe. Chętnie dowiem się więcej.', 'interested'],
    ['Kim Pan jest i skąd ma Pan mój adres?', 'other'],
    ['To jest spam.', 'other'],
    ['Nigdy nie wyrażałem zgody na kontakt.', 'other'],
    ['Proszę mnie wypisać.', 'unsubscribe'],
    ['Chcę się wypisać z newslettera.', 'unsubscribe'],
    ['Rezygnuję z subskrypcji.', 'unsubscribe'],
    ['Nie wyrażam zgody na otrzymywanie ofert.', 'unsubscribe'],
    ['Proszę usunąć mój adres mailowy z Państwa bazy.', 'unsubscribe'],
    ['Żądam usunięcia moich danych.', 'unsubscribe'],
    ['Czy mogę usunąć użytkownika z systemu?', 'question'],
    ['Podziękuję.', 'not_interested'],
    ['Nie mieści się to w naszym budżecie.', 'objection_price'],
    ['Proszę wrócić do tematu za kilka miesięcy.', 'objection_timing'],
    ['Podpisaliśmy już umowę z innym dostawcą.', 'objection_competitor'],
    ['To nie do mnie. Właściwą osobą jest nasz kontroler finansowy.', 'referral'],
    ['W środę po południu jestem dostępny, proszę o zaproszenie.', 'meeting_request'],
    ['Mam kilka pytań dotyczących bezpieczeństwa danych.', 'question'],
    ['Wygląda obiecująco, chętnie dowiem się więcej.', 'interested'],
    ['Otrzymaliśmy Pana wiadomość i przekazaliśmy ją do działu finansów.', 'referral'],
    ['Proszę wykreślić mój adres z bazy mailingowej.', 'unsubscribe'],
    ['Nie życzę sobie otrzymywać od Państwa korespondencji.', 'unsubscribe'],
    ['Prosimy o nieprzesyłanie nam ofert handlowych.', 'unsubscribe'],
    ['Więcej nie piszcie.', 'unsubscribe'],
    ['Dziękujemy, ale temat nas nie interesuje.', 'not_interested'],
    ['Temat może być ciekawy, ale dopiero po Nowym Roku.', 'objection_timing'],
    ['Od lat pracujemy na Symfonii i nie planujemy zmian.', 'objection_competitor'],
    ['Proszę kierować takie zapytania do naszego działu finansów: finanse@acme.pl.', 'referral'],
    ['Możemy porozmawiać w czwartek o 11?', 'meeting_request'],
    ['Czy oferujecie wersję w języku polskim?', 'question'],
    ['Jesteśmy wstępnie zainteresowani, proszę o prezentację oferty.', 'interested'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, boolean]>([
    ['Jeśli to się powtórzy, złożę skargę do UODO.', true],
    ['Kim Pan jest i skąd ma Pan mój adres?', true],
    ['To jest spam.', true],
    ['Nigdy nie wyrażałem zgody na kontakt.', true],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });

  test.each<[string, string, string | null]>([
    ['Jestem na urlopie do 4 grudnia. Wracam 7 grudnia.', 'Odpowiedź automatyczna: Month-end close', '2026-12-07'],
    ['Jestem poza biurem do 27.11. W pilnych sprawach proszę o kontakt z biuro@acme.pl.', 'Automatyczna odpowiedź: x', '2026-11-27'],
    ['Dziękuję za wiadomość. Przebywam w delegacji. Będę ponownie dostępny od poniedziałku 30.11.', 'Nieobecność', '2026-11-30'],
    ['Jestem na zwolnieniu lekarskim do 20 listopada włącznie. Od 23.11 będę w biurze.', 'Odpowiedź automatyczna: x', '2026-11-23'],
    ['Jestem na szkoleniu i mam ograniczony dostęp do poczty.', 'Odpowiedź automatyczna: x', null],
    ['Jestem poza biurem do 27 listopada. Wracam w poniedziałek 30.11.', 'Poza biurem', '2026-11-30'],
    ['Dzień dobry, do 30 listopada przebywam na urlopie. W pilnych sprawach proszę kontaktować się z sekretariatem.', 'Automatyczna odpowiedź: x', '2026-11-30'],
    ['Jestem w podróży służbowej. Wracam do biura w poniedziałek 23 listopada.', 'Nieobecność', '2026-11-23'],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['Poza biurem', 'Jestem na urlopie do 27.11. Odpowiem po powrocie.', 'out_of_office'],
    ['Re: Month-end close', 'To jest wiadomość wygenerowana automatycznie. Ta skrzynka nie jest monitorowana.', 'auto_reply_other'],
    ['Automatyczna odpowiedź: Re: Month-end close', 'Otrzymaliśmy Twoje zgłoszenie. Numer zgłoszenia: 4521.', 'auto_reply_other'],
    ['Re: Month-end close', 'Dziękuję za wiadomość. Jestem w delegacji, ale w czwartek o 15:00 mogę porozmawiać.', 'meeting_request'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

