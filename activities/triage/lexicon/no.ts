import type { Lexicon } from './types';

// Folded Norwegian (Bokmål, with common Nynorsk forms): æ becomes ae, ø becomes o, å becomes a ("mote" is møte, "na" is nå).
const DAG = '(mandag|tirsdag|onsdag|torsdag|fredag|i morgen|i overmorgen|neste uke|i neste uke|pa mandag|pa tirsdag|pa onsdag|pa torsdag|pa fredag)';
// "kl. 14", "klokken 10", "14:00", "14.30" (not "30.11", a date).
const TID = '(kl\\.? ?\\d{1,2}([.:]\\d{2})?|klokken \\d{1,2}([.:]\\d{2})?|\\d{1,2}:\\d{2}|\\d{1,2}\\.(00|15|30|45)(?![.\\d]))';
const MANED = '(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)';
// When a later contact is wanted: "i mars", "etter nyttår", "om et halvt år", "til våren".
const SENERE = `(i (${MANED}|varen|host|sommer|det nye aret|q[1-4]|neste (ar|kvartal|maned))|etter (nyttar|arsskiftet|sommer(en|ferien)?|jul(en)?|arsoppgjoret|regnskapsavslutningen|q[1-4]|${MANED})|over (nyttar|jul|sommeren|arsskiftet)|om (et|en|noen|et par|\\d+|to|tre|fire|seks) (maned(er)?|uker|ar|halvt ar|kvartal)|neste (ar|kvartal|maned)|til (varen|hosten|sommeren|neste ar|${MANED})|senere|litt senere|pa et senere tidspunkt)`;
const AVSTEMMING = '(blackline|floqast|trintech|cadency|adra|autorek)';
const ERP = '(tripletex|visma|poweroffice|xledger|unit4|agresso|fiken|business central|dynamics|netsuite|sap|oracle|24sevenoffice)';

export const no: Lexicon = {
  lang: 'no',
  optOut: [
    { re: /\bavmeld(e|er|es|t|ing)?\b|\bmeld (meg|oss) (av|ut)\b|\b(fjern|slett|stryk) (vennligst |bare |umiddelbart )?(meg|oss|min (adresse|e-?post|e-?postadresse|epost|epostadresse|kontakt)|mitt navn|var (adresse|e-?postadresse)|mine (opplysninger|data|personopplysninger|kontaktopplysninger))\b/, label: 'avmeld meg / fjern meg', weight: 2 },
    { re: /\b(fjern|slett|stryk|ta|fjerne|slette|ta ut) (meg|oss|min adresse|mitt navn|min e-?post(adresse)?) (fra|av|ut av|bort fra) (listen|deres|din|ditt|databasen|registeret|e-?postlisten|epostlisten|mailinglisten|nyhetsbrevet|kampanjen|sekvensen|systemet|alle)\b|\b(fjernet|slettet|stroket|avmeldt) (fra|av) (listen|deres|e-?postlisten|databasen)\b/, label: 'fjern meg fra listen', weight: 2 },
    { re: /\b(kontakt|skriv til|send e-?post til|ring) (meg|oss) (ikke|aldri) ?(igjen|mer|fremover)?\b|\bikke (kontakt|skriv til|kontakte|send e-?post til|send meg) (meg|oss|flere|mer)( igjen| mer| fremover)?\b|\b(jeg|vi) vil ikke (kontaktes|ha flere|motta)\b|\bunnlat (a|vennligst a) (kontakte|sende|skrive)\b/, label: 'ikke kontakt meg igjen', weight: 2 },
    { re: /\b(slutt|slutte|hold opp|stopp) (med )?a (sende|skrive|kontakte|maile|spamme|ringe)\b|\bsend (meg|oss) ikke (flere|mer)\b|\bingen (flere|ytterligere) (e-?poster|eposter|e-?post|mailer|mail|henvendelser|meldinger|nyhetsbrev|tilbud|salgshenvendelser)\b|\bstopp (disse|deres|dine) (e-?postene|epostene|henvendelsene|utsendelsene)\b/, label: 'slutt å sende', weight: 2 },
    { re: /\b(onsker|vil) (ikke|ikke lenger) (a )?(motta|bli kontaktet|kontaktes)\b|\b(onsker|vil) (ikke|ikke lenger) (a )?(ha|fa) (flere|mer|ytterligere|e-?poster|eposter|henvendelser|tilbud|markedsforing|reklame|nyhetsbrev)\b|\bfrabedes\b|\bfrabe(r|d) (meg|oss)\b|\breservert mot\b/, label: 'ønsker ikke å motta', weight: 2 },
    { re: /\b(la|la vennligst) (meg|oss) (vaere|vare) i fred\b|\breservasjonsregisteret\b|\b(blokkerer|blokkert|har blokkert) (deres|ditt|din) (domene|adresse|avsender)\b/, label: 'la meg være i fred', weight: 2 },
    { re: /\b(protesterer|protest|innsigelse) mot\b.{0,60}\b(behandling|bruk|markedsforing|personopplysning)|\brett(en)? til (a bli glemt|sletting)\b|\b(slett|slette|sletting av) (alle )?(mine|vare) (person)?(opplysninger|data)\b|\bsletting av (mine|meg)\b|\bartikkel (17|21)\b|\b(gdpr|personvernforordningen|personopplysningsloven)\b.{0,60}\b(slett|innsigelse|protest|markedsfor|samtykke|personopplysning|artikkel)|\bmarkedsforingsloven\b|\bdatatilsynet\b|\bforbrukertilsynet\b|\btrekker (mitt )?samtykke tilbake\b|\btrekker tilbake (mitt )?samtykke\b/, label: 'GDPR: protest / sletting / Datatilsynet', weight: 2 },
    { re: /\b(anmelder|anmelde|rapporterer|rapportere|melder) (dere|deg|det|dette|firmaet|northpeak)\b.{0,40}\b(spam|datatilsynet|forbrukertilsynet|politi)|\bstopp (med )?(deres|din|all den) spam\b|\bikke (mer|flere) spam\b|\bslutt a spamme\b/, label: 'melder spam', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bfor a (melde (deg|dere) av|avmelde)\b|\bmeld (deg|dere) av (her|via|nederst|nar som helst)\b|\bavmeldingslenke\w*\b|\bhvis du (ikke lenger )?(onsker|vil) a (melde deg av|avmelde)\b/, label: 'avmeldingsveiledning' },
  ],
  notInterested: [
    { re: /\b(ikke|slett ikke|ikke lenger|ikke saerlig|ikkje) interessert(e)?\b|\bingen interesse\b|\binteresserer (meg|oss) ikke\b/, label: 'ikke interessert', weight: 2 },
    { re: /\bnei,? takk\b|\btakk,? men nei\b|\b(vi )?takker nei\b|\bvi (star over|melder pass)\b|\bmelder pass\b/, label: 'nei takk', weight: 2 },
    { re: /\bikke (noe|aktuelt|relevant|interessant) for (oss|meg)\b|\bikke (aktuelt|relevant|interessant)\b|\bdet er ikke noe (for oss|vi)\b|\bikke noe for (oss|meg)\b|\bpasser ikke (for )?(oss|var)\b/, label: 'ikke aktuelt', weight: 2 },
    { re: /\b(ikke|ingen) behov\b|\bhar ikke behov for\b|\b(vi|jeg) trenger ikke (dette|det|noe|en|et|slikt|hjelp)\b|\bser (ikke noe|ingen) behov\b|\bklarer oss (fint )?uten\b|\bgar ikke videre\b/, label: 'ikke behov', weight: 2 },
  ],
  price: [
    { re: /\bfor (dyrt|dyr|dyre|hoy pris|kostbart)\b|\baltfor (dyrt|dyr|kostbart)\b|\b(prisen|kostnaden|kostnadene|lisensprisen|utgiften) (er |blir |ligger )?(alt |litt |dessverre )*(for )?(hoy|hoye|hoyt|dyr|stor)\b/, label: 'for dyrt', weight: 2 },
    { re: /\b(ikke|ingen|intet|har ikke) budsjett\b|\bbudsjett(et)? (er )?(brukt opp|oppbrukt|fryst|lagt|stengt|sprukket)\b|\bikke (plass|rom) i budsjettet\b|\bikke budsjettert\b|\b(har )?ikke rad (til)?\b|\bkostnadskutt\b|\bsparetiltak\b|\binnkjopsstopp\b|\bkan ikke (forsvare|rettferdiggjore) (prisen|kostnaden|utgiften)\b/, label: 'ikke budsjett', weight: 2 },
  ],
  timing: [
    { re: /\bikke (akkurat )?na\b|\bikke (pa navaerende tidspunkt|for oyeblikket|for tiden|i ar)\b|\b(pa navaerende tidspunkt|for oyeblikket|akkurat na) (ikke|er det ikke)\b|\bikke (riktig|rett|et godt) tidspunkt\b|\b(darlig|feil) timing\b|\bkanskje senere\b/, label: 'ikke nå', weight: 2 },
    { re: new RegExp(`\\b(kontakt|skriv til|ring) (meg|oss) (gjerne |igjen |gjerne igjen )?${SENERE}\\b|\\bta (gjerne )?kontakt (igjen )?${SENERE}\\b|\\bkom (gjerne )?tilbake (til meg |til oss )?${SENERE}\\b|\\bhor (med meg|fra deg) (igjen )?${SENERE}\\b|\\bskriv (gjerne )?igjen ${SENERE}\\b|\\b(vi|jeg) (kommer tilbake|tar kontakt|kontakter deg|kontakter dere|gir lyd) (nar|hvis|${SENERE})\\b`), label: 'ta kontakt senere', weight: 2 },
    { re: new RegExp(`\\bsenere i (ar|aret)\\b|\\bneste (ar|kvartal|regnskapsar)\\b|\\b(etter|over) (nyttar|arsskiftet|sommerferien|jul|arsoppgjoret)\\b|\\bi (starten|slutten|begynnelsen) av (neste ar|aret|${MANED})\\b|\\bmidt i (en|et|arsoppgjoret|regnskapsavslutningen)\\b|\\bikke prioritert\\b`), label: 'senere i år', weight: 2 },
    { re: new RegExp(`\\b(i|etter|fra) (${MANED}|varen|hosten|q[1-4])\\b|\\bmye a gjore\\b|\\bfull fart\\b|\\bsenere\\b`), label: 'senere', weight: 1 },
  ],
  competitor: [
    { re: /\b(bruker|benytter|kjorer) (allerede|alt)\b|\ballerede (bruker|benytter|har valgt|har implementert|har automatisert|lost)\b|\bhar (allerede|alt) (et|en) (system|verktoy|losning|leverandor|avtale|program)\b|\ballerede (et|en) (system|verktoy|losning|leverandor)\b/, label: 'bruker allerede', weight: 2 },
    { re: /\b(en )?annen leverandor\b|\bvalgt (en annen|et annet|en konkurrent)\b|\bgatt (videre )?med (en annen|et annet|en konkurrent)\b|\b(inngatt|signert) (en )?avtale med\b|\bbundet av (en|var) avtale\b/, label: 'en annen leverandør', weight: 2 },
    { re: /\begen (losning|utvikling|utviklet)\b|\begenutvikle\w*\b|\butviklet (selv|internt)\b|\bbygget (selv|internt|vart eget)\b|\bfornoyd(e)? med (var|vart|vare|dagens|navaerende|den navaerende)\b|\b(dagens|navaerende) leverandor\b/, label: 'egen løsning', weight: 2 },
    { re: new RegExp(`\\b(bruker|kjorer|har|benytter|valgte|har valgt|har kjopt|har implementert|byttet til) (allerede |nettopp )?${AVSTEMMING}\\b|\\b(allerede|alt) (bruker|kjorer|har|benytter) ${ERP}\\b|\\b(bruker|kjorer|har|benytter) ${ERP} (allerede|alt)\\b|\\bfornoyd(e)? med ${ERP}\\b`), label: 'bruker et navngitt produkt', weight: 2 },
  ],
  referral: [
    { re: /\bikke (rett|riktig|korrekt|den rette|den riktige) (person|kontakt|kontaktperson|mottaker)\b|\bfeil (person|mottaker|kontaktperson)\b|\b(det er )?ikke (jeg|meg),? som (har ansvaret|bestemmer|handterer|tar (meg )?av|er ansvarlig|har ansvar)\b|\bikke mitt (omrade|ansvar|bord)\b/, label: 'ikke rett person', weight: 2 },
    { re: /\b(kontakt|ta kontakt med|snakk med|skriv til|ring|sporr|spor|hor med|henvend deg til|henvend dere til) (heller |i stedet |gjerne |direkte )*(min|mitt|mine|var|vart|vare) (kollega|kolleger|kolleg|sjef|leder|okonomisjef|cfo|controller|okonomiavdeling|regnskapsavdeling|regnskapssjef|okonomiansvarlige|innkjopsavdeling|innkjop|it-avdeling|daglig leder|finansdirektor)\b/, label: 'kontakt min kollega', weight: 2 },
    { re: /\bhenvend (deg|dere) (heller |i stedet |vennligst |gjerne |direkte )*til (?!oss|meg)|\b(den )?(rette|riktige) (personen|kontakten|person|kontakt) (er|a snakke med|a kontakte|for dette)\b/, label: 'henvend deg til', weight: 2 },
    { re: /\b(videresendt|videresender|sendt videre|sender videre|sendt e-?posten din videre|gitt videre|gir videre)( din (e-?post|epost|henvendelse)| dette| det| den| e-?posten( din)?| eposten( din)?| henvendelsen( din)?)?( videre)? til\b/, label: 'videresendt', weight: 2 },
    { re: /\b(satt|setter|lagt til)\b.{0,30}\b(pa|i) (kopi|cc)\b/, label: 'satt på kopi', weight: 2 },
    { re: /(?<!\bjeg )(?<!\bvi )\b(har ansvaret for|er ansvarlig for|tar seg av|bestemmer over|handterer) (dette|det|slikt|slike (saker|innkjop)|okonomi\w*|regnskap\w*|innkjop\w*|finans\w*|systemer\w*)\b|\b(han|hun|ho) (har ansvaret|tar seg av|bestemmer|handterer)\b/, label: 'har ansvaret for dette', weight: 2 },
    { re: /\b(pa|i) (kopi|cc)\b|\b(har )?(byttet|skiftet) (rolle|stilling|avdeling|jobb)\b/, label: 'på kopi', weight: 1 },
  ],
  meeting: [
    { re: new RegExp(`\\b(mote|motet|samtale|samtalen|demo|demoen|prat|gjennomgang|teams|zoom|videomote|telefonmote)\\b[^.!?\\n]{0,40}\\b${DAG}\\b|\\b${DAG}\\b[^.!?\\n]{0,30}(${TID}|\\b(passer|fungerer|gar fint|gar bra|er fint|er jeg ledig|formiddag|ettermiddag)\\b)`), label: 'møte på en dag', weight: 3 },
    { re: new RegExp(`\\b(passer|fungerer|gar)( fint| bra| godt| utmerket)?( for meg| for oss)? ${DAG}\\b|\\b(tirsdag|onsdag|begge dagene|begge dager)( passer| fungerer| gar fint| gar bra| er fint)\\b`), label: 'foreslår en tid', weight: 3 },
    { re: /\b(send|sender) (gjerne |meg |oss )*(en )?(invitasjon|kalenderinvitasjon|moteinnkalling|motebooking|teams-?invitasjon|teams-?lenke|zoom-?lenke|lenke til (motet|teams|zoom)|bookinglenke)\b|\bkalenderinvitasjon\b|\bmoteinnkalling\b|\bhvilke tidspunkt(er)? (passer|har du)\b|\bnar passer det (deg|dere|best)\b|\b(foresla|foreslar|send) (et par|noen|to|tre) (tider|tidspunkt|tidspunkter|forslag)\b/, label: 'send en invitasjon', weight: 3 },
    { re: /\b(book|booke|avtale|avtal|sett opp|sette opp|finne|finn|ta|planlegg) (gjerne )?(et|en) (kort |kortere |raskt |forste |innledende )?(mote|samtale|demo|prat|tid|gjennomgang|teams-?mote|videomote|telefonmote)\b|\b(tar|ta|vil) gjerne (et|en) (kort |kortere )?(mote|samtale|prat|demo|gjennomgang)\b|\bla oss (ta en prat|snakke sammen|motes|booke|finne en tid|ta et mote)\b|\b(vil|ville) gjerne (se|ha|booke) (en|et) (demo|mote|samtale|gjennomgang|presentasjon)\b|\b20 minutter (passer|er fint|hores bra)\b/, label: 'book et møte', weight: 2 },
  ],
  question: [
    { re: /\b(jeg |vi )?(vil|ville) gjerne (vite|hore),? (hvordan|hva|om|hvilke|hvilken|nar|hvor|mer om (prisen|priser|integrasjon|sikkerhet|implementering|piloten))\b|\b(jeg |vi )?lurer pa,? (om|hvordan|hva|hvilke|hvilken|nar|hvor)\b/, label: 'vil gjerne vite', weight: 2 },
    { re: /\bkan (dere|du) (fortelle|forklare|sende|dele|bekrefte)\b.{0,50}\b(pris\w*|kostnad\w*|referanser|kundecaser|sikkerhet\w*|soc ?2|integrasjon\w*|api|hvordan|om|hvilke|kontrakt\w*|vilkar)\b|\bsend (gjerne )?(deres |en )?(prisliste|priser|referanser|kundecaser|sikkerhetsdokumentasjon|dokumentasjon|kontrakt|vilkar)\b|\bmer informasjon om (pris\w*|integrasjon\w*|sikkerhet|implementering|piloten|api)\b/, label: 'spør om spesifikk informasjon', weight: 2 },
  ],
  interest: [
    { re: /\b(hores|horest|virker|ser) (veldig |svaert |ganske |virkelig )?(interessant|spennende|bra|lovende|relevant|fornuftig)( ut)?\b|\bspennende\b|(?<!\b(ikke|ikkje|slett ikke|nicht|niet|not|pas|peu|guere) (saerlig |serlig |spesielt |so |sehr |zo |erg |tres |vraiment |si )?)\binteressant\b/, label: 'høres interessant ut', weight: 2 },
    { re: /(?<!\bikke )(?<!\bikkje )\b(veldig |svaert )?interessert(e)?\b/, label: 'interessert', weight: 2 },
    { re: /\bsend (gjerne |meg |oss )*(mer |noe |litt )?(informasjon|info|materiell|materiale|presentasjon|brosjyre|produktark)\b|\bmer (informasjon|info)\b|\bfortell (gjerne |litt )?mer\b|\b(vil|ville) gjerne (hore|vite|se|lare) (mer|litt mer)\b|\bhold (meg|oss) (oppdatert|orientert)\b|\bakkurat (hva|det) vi (trenger|mangler|ser etter)\b|\brelevant for oss\b/, label: 'send mer informasjon', weight: 2 },
  ],
  threat: [
    { re: /\b(advokat\w*|datatilsynet|forbrukertilsynet|politianmeld\w*|rettslige (skritt|tiltak)|saksoke\w*|markedsforingsloven)\b|\b(anmelder|anmelde|rapporterer|rapportere) (dere|deg|det|dette|firmaet|northpeak)\b/, label: 'trussel' },
    { re: /\b(dette|det her|det|e-?postene deres) er (ren |bare |jo )?(spam|soppelpost)\b|\bspammer\w*\b|\btrakassering\w*\b|\buonsket (reklame|markedsforing|e-?post|henvendelse)\b/, label: 'kaller det spam' },
  ],
  anger: [
    { re: /\b(faen|fy faen|for faen|jaevla|javla|helvete|dritt\w*|idioter|idiotisk|frekt|latterlig|irriterende|lei av|nok na|skandal\w*)\b/, label: 'sinne' },
    { re: /\b(andre|tredje|fjerde|femte) (e-?post|epost|gang|purring|paminnelse)\b|\bhvor mange ganger\b/, label: 'gjentatt kontakt' },
  ],
  confused: [
    { re: /\bhvem er (du|dere|det her|northpeak|dana)\b|\bkjenner (jeg|vi) (deg|dere)\b|\bhar vi (motts|snakket sammen)\b/, label: 'hvem er du' },
    { re: /\b(hvor|hvordan) (har|fikk) (du|dere) (fatt|funnet|kjopt|hentet)? ?(tak i )?(min|mine|mitt|var|denne)\b|\bhvem har gitt (deg|dere) (min|mitt|mine)\b/, label: 'hvor har dere fått adressen min' },
    { re: /\b(jeg|vi) har (aldri|ikke) (meldt (meg|oss) pa|registrert|gitt|bedt om|samtykket|godtatt)\b|\buten (mitt|vart) samtykke\b/, label: 'aldri samtykket', weight: 2 },
    { re: /\bhvorfor (far|mottar) jeg (dette|disse|det her)\b|\bhvorfor skriver (du|dere) til (meg|oss)\b/, label: 'hvorfor får jeg dette' },
  ],
  away: [
    { re: /\b(er|vil vaere|blir) (pa ferie|fravaerende|i permisjon|i foreldrepermisjon|ute av kontoret|ikke pa kontoret|pa reise|pa tjenestereise|pa forretningsreise|pa kurs|pa konferanse|sykmeldt|sykemeldt|syk|bortreist|fri)\b/, label: 'er på ferie' },
    { re: /\bpa ferie\b|\bhar (ferie|fri|avspasering)\b|\bavspaserer\b|\bavspasering\b|\bfravaerende\b|\bi permisjon\b|\bforeldrepermisjon\b|\bfodselspermisjon\b|\bpappaperm\w*\b|\bmammaperm\w*\b|\b(avvikler|min|har|i) ferie\b|\bferie(n)? (til|fra|frem til|til og med|t\.o\.m\.)\b|\bjuleferie\b|\bvinterferie\b|\bhostferie\b|\bsykmeldt\b|\bsykemeldt\b|\btjenestereise\b|\bforretningsreise\b|\bute av kontoret\b|\bikke pa kontoret\b|\bkontoret er stengt\b|\bstengt (i|over|mellom) (julen|jul|nyttar|helligdagene)\b/, label: 'fravær' },
    { re: new RegExp(`\\b(tilbake|pa kontoret igjen|tilbake pa kontoret|tilbake pa jobb|treffes igjen|kan nas igjen|tilgjengelig igjen)\\b[^.!?\\n]{0,12}\\b(den |pa |fra |fra og med )?(\\d{1,2}|${DAG}|${MANED})\\b`), label: 'tilbake den' },
  ],
  awayNotice: [
    { re: /\bnar jeg (er |kommer )?tilbake\b|\better (at jeg er tilbake|min retur|hjemkomst)\b|\bved (min )?retur\b|\bsa snart jeg er tilbake\b/, label: 'når jeg er tilbake' },
    { re: /\bbegrenset (tilgang|mulighet)\b|\bleser (ikke|sjelden) (min )?(e-?post|epost|mail)\b|\b(e-?post|epost|e-?poster|meldinger) (blir|vil) ikke (bli )?(videresendt|lest|besvart)\b|\bvideresendes ikke\b/, label: 'begrenset tilgang til e-post' },
    { re: /\bi (hastesaker|akutte saker|presserende saker)\b|\bhvis (det haster|saken haster|henvendelsen haster)\b|\bved (hastesaker|akutte saker)\b|\bhaster det\b|\b(under|i) mitt fravaer\b/, label: 'i hastesaker' },
    { re: /\btakk for (din |deres )?(e-?post|epost|e-?posten|eposten|henvendelsen|henvendelse|melding|meldingen|mailen|mail)\b/, label: 'takk for e-posten' },
  ],
  automatic: [
    { re: /\bautomatisk (svar|melding|generert|utsendt|sendt)\b|\bautogenerert\b|\bdette er en automatisk\b|\bautosvar\b/, label: 'automatisk svar' },
    { re: /\b(besvar|svar) (vennligst )?ikke pa (denne|dette) (e-?posten|eposten|e-?post|meldingen)\b|\bdenne (e-?posten|eposten|meldingen) kan ikke besvares\b/, label: 'ikke svar' },
    { re: /\b(postkassen|innboksen|adressen|e-?postadressen|epostadressen) (overvakes|leses|brukes|sjekkes) ikke\b|\bikke overvaket (postkasse|innboks)\b/, label: 'postkassen overvåkes ikke', weight: 2 },
    { re: /\b(jobber|arbeider|er) ikke lenger (i|hos|ansatt|for)\b|\bhar sluttet (i|hos) (selskapet|firmaet|bedriften|[a-z]+)\b|\bikke lenger ansatt\b|\bhar fratradt (sin stilling)?\b/, label: 'left the company (sluttet)' },
    { re: /\b(din|deres) (henvendelse|sak|foresporsel) er (registrert|opprettet)\b/, label: 'sak opprettet', weight: 2 },
    { re: /\bvi har mottatt (din|deres) (henvendelse|e-?post|epost|melding|foresporsel|sak)\b|\b(din|deres) (henvendelse|sak) er mottatt\b/, label: 'henvendelse mottatt' },
    { re: /\bsaksnummer\b|\bsaks ?(nr|id)\b|\bvi (kommer tilbake|svarer) (sa snart som mulig|innen \d+|snarest)\b/, label: 'saksnummer' },
    { re: /\bble lest (den |pa )?(\d|mandag|tirsdag|onsdag|torsdag|fredag|lordag|sondag)|\blesebekreftelse\b|\blesekvittering\b/, label: 'lesebekreftelse', weight: 2 },
  ],
  autoSubjects: [
    { re: /^(automatisk svar|autosvar|automatisk melding)/, away: false },
    { re: /^(fravaer|fravaersmelding|fravaerende|ferie|ute av kontoret|ikke pa kontoret|pa ferie|permisjon)/, away: true },
    { re: /^(lest|lesebekreftelse):/, away: false },
  ],
  returnCue: [
    'tilbake', 'tilbake pa kontoret', 'igjen fra', 'er tilbake', 'pa kontoret igjen', 'tilbake pa jobb', 'pa jobb igjen', 'treffes igjen', 'kan nas igjen',
    'tilgjengelig igjen', 'tilbake i jobb', 'i arbeid igjen',
  ],
  untilCue: ['til og med', 'til', 'frem til', 't.o.m.'],
  fromCue: ['fra', 'fra og med', 'f.o.m.'],
};
