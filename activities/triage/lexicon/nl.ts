import type { Lexicon } from './types';

const DAG = '(maandag|dinsdag|woensdag|donderdag|vrijdag|morgen|volgende week|deze week)';

export const nl: Lexicon = {
  lang: 'nl',
  optOut: [
    { re: /\bafmelden\b|\bafmelding\b|\buitschrijven\b|\buitschrijving\b|\b(haal|verwijder|schrap) (me|mij|ons|mijn (adres|e-?mailadres|gegevens))\b|\b(van|uit) (de|jullie|uw|je|deze) (lijst|mailinglijst|database|verzendlijst|bestand)\b.{0,30}\b(halen|verwijderen|schrappen|af)\b|\b(me|mij|ons) (niet meer|nooit meer) (mailen|benaderen|contacteren|e-?mailen|schrijven)\b|\bniet meer (mailen|benaderen|contacteren|e-?mailen|ontvangen)\b|\bgeen (e-?mails|mails|berichten) meer\b|\bstop (met|hiermee)\b|\bhou (op|hiermee op)\b|\b(bezwaar|verzet)\b.{0,60}\b(verwerking|gegevens|marketing|avg)\b|\bautoriteit persoonsgegevens\b|\bdit is spam\b|\badvocaat\b/, label: 'afmelden', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [
    { re: /\bgeen (interesse|behoefte)\b|\bniet geinteresseerd\b|\bnee,? (dank|bedankt)\b|\bniet relevant\b|\bniets voor ons\b|\bhebben (we|wij) niet nodig\b|\bpast niet\b/, label: 'geen interesse', weight: 2 },
  ],
  price: [
    { re: /\bte duur\b|\bgeen budget\b|\bbudget (is )?(op|bevroren|beperkt)\b|\b(prijs|kosten) (is |zijn )?(te )?hoog\b|\bbuiten (ons|het) budget\b/, label: 'te duur', weight: 2 },
  ],
  timing: [
    { re: /\beven niet\b|\bmisschien later\b|\bgeen tijd\b|\b(na|in|rond|zeg|begin|eind) (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|de jaarafsluiting|de zomer)\b|\bniet (het juiste|een goed) moment\b|\bop dit moment niet\b|\bmomenteel niet\b|\bnu niet\b|\blater (dit jaar|nog eens|terug)\b|\bvolgend jaar\b|\bvolgend kwartaal\b|\bneem (later|in|na|volgend) .{0,20}contact\b|\b(in|na) (januari|februari|maart|april|mei|juni|q[1-4]|de zomer)\b/, label: 'niet het juiste moment', weight: 2 },
  ],
  competitor: [
    { re: /\b(gebruiken|hebben|werken met) (al|reeds)\b|\b(al|reeds) (een|een andere) (oplossing|leverancier|tool|pakket)\b|\bandere (leverancier|oplossing|partij)\b|\bhuidige (leverancier|oplossing)\b|\bgekozen voor\b|\bzelf\b[^.!?\n]{0,30}\b(gebouwd|ontwikkeld|gemaakt)\b|\bin-?house\b/, label: 'hebben al een oplossing', weight: 2 },
  ],
  referral: [
    { re: /\bniet de (juiste|aangewezen) persoon\b|\b(mijn|onze) (collega|manager|cfo|controller|leidinggevende)\b|\bdoorgestuurd\b|\bstuur (het|dit) door\b|\bin de cc\b|\bin cc\b|\bis verantwoordelijk\b|\bgaat (hier )?over\b/, label: 'niet de juiste persoon', weight: 2 },
  ],
  meeting: [
    { re: /\bwanneer (heb je|heeft u|hebben jullie|schikt het|kun je|kunt u)\b/, label: 'wanneer heb je tijd', weight: 2 },
    { re: new RegExp(`\\b(afspraak|gesprek|call|belafspraak|demo|meeting|videocall)\\b.{0,40}\\b(${DAG}|inplannen|plannen|maken|ingepland)\\b|\\b${DAG}\\b.{0,30}\\b(om \\d{1,2}|schikt|past|komt goed uit|is goed|prima)\\b|\\b(stuur|stuurt) (me |mij )?(een )?(uitnodiging|agenda-?uitnodiging)\\b|\\blaten we (even |eens |maar )?(bellen|afspreken|praten)\\b`), label: 'afspraak maken', weight: 2 },
  ],
  question: [
    { re: /\b(ik wil|ik zou) (graag )?(weten|horen)\b|\bkunt u (me |mij )?(laten weten|vertellen|sturen)\b/, label: 'ik wil graag weten', weight: 2 },
  ],
  interest: [
    { re: /\bhoud (me|mij|ons) (op de hoogte|geinformeerd)\b|\bprecies waar (we|wij|ik) (mee )?(worstelen|mee bezig zijn|naar zoeken)\b|\bklinkt (interessant|goed|leuk)\b|\b(ben|zijn) (zeer |erg )?geinteresseerd\b|\bmeer (informatie|info) (ontvangen|graag)\b|\bgraag meer (informatie|info)\b|\binteressant\b/, label: 'klinkt interessant', weight: 2 },
  ],
  threat: [{ re: /\b(advocaat|autoriteit persoonsgegevens|aangifte|juridische stappen)\b/, label: 'juridische dreiging' }],
  anger: [{ re: /\b(belachelijk|schandalig|irritant|kappen|godverdomme|klote)\b/, label: 'boosheid' }],
  confused: [{ re: /\bwie (bent u|ben jij|zijn jullie)\b|\bhoe (komt u|komen jullie|kom je) aan (mijn|dit)\b/, label: 'wie bent u' }],
  away: [
    { re: /\b(ben|is) (momenteel |op dit moment |tot en met \S+ )?(afwezig|op vakantie|met vakantie|niet op kantoor|met verlof|niet bereikbaar)\b|\bafwezig\b|\bmet vakantie\b|\bop vakantie\b|\bmet verlof\b|\bzwangerschapsverlof\b|\bouderschapsverlof\b/, label: 'afwezig' },
  ],
  awayNotice: [
    { re: /\bbij (mijn )?terugkomst\b|\bbeperkt toegang\b|\bvoor dringende (zaken|vragen)\b|\bin dringende gevallen\b|\bbedankt voor (uw|je) (bericht|e-?mail)\b|\btijdens mijn afwezigheid\b/, label: 'afwezigheidsmelding' },
  ],
  automatic: [
    { re: /\b(automatisch|automatische) (antwoord|bericht)\b|\bniet meer werkzaam\b|\bwe hebben uw (verzoek|bericht) ontvangen\b/, label: 'automatisch antwoord' },
  ],
  autoSubjects: [
    { re: /^(automatisch antwoord|automatisch bericht)/, away: false },
    { re: /^(afwezig|afwezigheid|op vakantie|niet op kantoor)/, away: true },
  ],
  returnCue: ['terug', 'weer aanwezig', 'weer op kantoor', 'ben ik weer', 'vanaf'],
  untilCue: ['tot', 'tot en met', 't/m', 'tm'],
  fromCue: ['van'],
};
