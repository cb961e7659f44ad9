import type { Lexicon } from './types';

// Folded Danish: æ becomes ae, ø becomes o, å becomes a ("mode" is møde, "naeste" is næste).
const DAG = '(mandag|tirsdag|onsdag|torsdag|fredag|i morgen|i overmorgen|naeste uge|i naeste uge|pa mandag|pa tirsdag|pa onsdag|pa torsdag|pa fredag)';
// "kl. 14", "klokken 10", "14:00", "14.30" (not "30.11", a date).
const TID = '(kl\\.? ?\\d{1,2}([.:]\\d{2})?|klokken \\d{1,2}([.:]\\d{2})?|\\d{1,2}:\\d{2}|\\d{1,2}\\.(00|15|30|45)(?![.\\d]))';
const MANED = '(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)';
// When a later contact is wanted: "i marts", "efter nytår", "om et halvt år", "til foråret".
const SENERE = `(i (${MANED}|foraret|efteraret|sommer|det nye ar|q[1-4]|naeste (ar|kvartal|maned))|efter (nytar|arsskiftet|sommer(en|ferien)?|jul(en)?|regnskabsafslutningen|arsafslutningen|statusen|q[1-4]|${MANED})|om (et|en|nogle|et par|\\d+|to|tre|fire|seks) (maned(er)?|uger|ar|halvt ar|kvartal)|naeste (ar|kvartal|maned)|til (foraret|efteraret|sommer|naeste ar|${MANED})|senere|lidt senere|pa et senere tidspunkt|hen ad vejen)`;
const AFSTEMNING = '(blackline|floqast|trintech|cadency|adra|autorek)';
const ERP = '(e-?conomic|dinero|uniconta|navision|business central|dynamics|visma|netsuite|sap|oracle|xena|billy)';

export const da: Lexicon = {
  lang: 'da',
  optOut: [
    { re: /\bafmeld(e|er|es|t|ing)?\b|\bframeld(e|er|es|t|ing)?\b|\b(fjern|slet|stryg) (venligst |lige |hurtigst muligt )?(mig|os|min (adresse|e-?mail|e-?mailadresse|mail|mailadresse|kontakt)|mit navn|vores (adresse|e-?mailadresse)|mine (oplysninger|data|personoplysninger|kontaktoplysninger))\b(?! (en|et) (demo|mode|snak))/, label: 'afmeld mig / fjern mig', weight: 2 },
    { re: /\b(fjern|slet|stryg|tag|fjerne|slette|tage) (mig|os|min adresse|mit navn|min e-?mail(adresse)?) (fra|af|ud af|ud fra) (listen|jeres|din|dit|databasen|registret|mailinglisten|maillisten|nyhedsbrevet|kampagnen|sekvensen|systemet|alle)\b|\b(fjernet|slettet|stroget|afmeldt) (fra|af) (listen|jeres|mailinglisten|databasen)\b/, label: 'fjern mig fra listen', weight: 2 },
    { re: /\b(kontakt|skriv til|mail|ring til) (mig|os) (ikke|aldrig) ?(igen|mere|fremover)?\b|\bikke (kontakt|skriv til|maile|mail til|kontakte) (mig|os)( igen| mere| fremover)?\b|\bundlad (venligst )?at (kontakte|skrive|maile|sende)\b|\b(jeg|vi) vil ikke (kontaktes|have flere|modtage)\b/, label: 'kontakt mig ikke igen', weight: 2 },
    { re: /\b(stop|hold op|hor op) med at (skrive|sende|kontakte|maile|spamme|ringe)\b|\bsend (mig|os) ikke (flere|mere)\b|\bikke send (mig|os) (flere|mere|nogen)\b|\bsend ikke (flere|mere) (mails|e-?mails|beskeder|tilbud)\b|\bingen (flere|yderligere) (mails|e-?mails|henvendelser|beskeder|nyhedsbreve|tilbud|salgsmails)\b|\bstop (venligst )?(jeres|disse|dine) (mails|e-?mails|henvendelser|udsendelser)\b/, label: 'stop med at skrive', weight: 2 },
    { re: /\b(onsker|vil) (ikke|ikke laengere) (at )?(modtage|blive kontaktet|kontaktes)\b|\b(onsker|vil) (ikke|ikke laengere) (at )?(have|fa) (flere|mere|yderligere|mails|e-?mails|henvendelser|tilbud|markedsforing|reklame|nyhedsbreve)\b|\bfrabede?s\b|\bfrabeder (mig|os)\b|\bbeder mig fritaget\b/, label: 'ønsker ikke at modtage', weight: 2 },
    { re: /\b(lad|lad venligst) (mig|os) vaere i fred\b|\brobinsonlisten\b|\b(blokerer|blokeret|har blokeret) (jeres|din|dit) (domaene|adresse|afsender)\b/, label: 'lad mig være i fred', weight: 2 },
    { re: /\b(gor|gjort|gore) indsigelse\b|\bindsigelse mod\b|\bret(ten)? til at blive (glemt|slettet)\b|\b(slet|slette|sletning af) (alle )?(mine|vores) (person)?(oplysninger|data)\b|\bsletning af (mine|mig)\b|\bartikel (17|21)\b|\b(gdpr|databeskyttelsesforordningen)\b.{0,60}\b(slet|indsigelse|markedsfor|samtykke|personoplysning|artikel)|\btilbagekald\w* (mit |vores )?samtykke\b|\bmarkedsforingsloven\b|\bdatatilsynet\b|\bforbrugerombudsmand\w*\b|\btraekker (mit )?samtykke tilbage\b/, label: 'GDPR: indsigelse / sletning / Datatilsynet', weight: 2 },
    { re: /\b(anmelder|anmelde|indberetter|indberette|rapporterer) (jer|dig|det|dette|jeres firma|northpeak)\b.{0,40}\b(spam|datatilsynet|forbrugerombudsmand|politi)|\bspam\b.{0,20}\b(anmeld|indberet)|\bstop (med )?(jeres|din|al den) spam\b|\b(stop|hold op|hor op) med at spamme\b|\bikke (mere|flere) spam\b/, label: 'anmelder spam', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bfor at (afmelde|framelde)\b|\bafmeld (dig|jer)? ?(her|via|nederst|nar som helst)\b|\bafmeldingslink\w*\b|\bhvis du (ikke laengere )?(onsker|vil) at (afmelde|framelde)\b/, label: 'afmeldingsvejledning' },
  ],
  notInterested: [
    { re: /\b(ikke|slet ikke|ikke laengere|ikke saerlig) interesse(ret|rede)\b|\bingen interesse\b|\binteresserer (mig|os) ikke\b/, label: 'ikke interesseret', weight: 2 },
    { re: /\bnej,? tak\b|\btak,? men nej\b|\b(vi )?takker nej\b|\bvi (springer over|star over|melder pas)\b|\bmelder pas\b/, label: 'nej tak', weight: 2 },
    { re: /\bikke (noget|relevant|aktuelt|interessant) for (os|mig)\b|\bikke (relevant|aktuelt|interessant)\b|\bdet er ikke noget (for os|vi)\b|\bikke noget for (os|mig)\b|\bpasser ikke (til )?(os|vores)\b/, label: 'ikke noget for os', weight: 2 },
    { re: /\b(intet|ingen) behov\b|\bhar ikke (brug|behov) for\b|\bvi (behover|har brug for) ikke\b|\bser (intet|ikke noget) behov\b|\bklarer os (fint )?uden\b|\bgar ikke videre\b/, label: 'intet behov', weight: 2 },
  ],
  price: [
    { re: /\bfor (dyrt|dyr|dyre|hoj en pris|hoj pris|bekosteligt)\b|\b(prisen|omkostningen|omkostningerne|licensprisen|udgiften) (er |bliver |ligger )?(alt |lidt |desvaerre )*(for )?(hoj|hoje|hojt|dyr|stor)\b/, label: 'for dyrt', weight: 2 },
    { re: /\b(intet|ikke|ingen|ikke noget|har ikke) budget\b|\bbudget(tet)? (er )?(brugt|opbrugt|frosset|lukket|lagt|ikke til det)\b|\bikke (plads|rum) i budgettet\b|\bikke budgetteret\b|\b(har )?ikke rad (til)?\b|\bsparerunde\b|\bindkobsstop\b|\bkan ikke (forsvare|retfaerdiggore) (prisen|udgiften|omkostningen)\b/, label: 'intet budget', weight: 2 },
  ],
  timing: [
    { re: /\bikke (lige )?nu\b|\bikke (pa nuvaerende tidspunkt|i ojeblikket|for tiden|lige for tiden|i ar)\b|\b(pa nuvaerende tidspunkt|i ojeblikket|lige nu) (ikke|er det ikke)\b|\bikke det rette tidspunkt\b|\b(darlig|forkert) timing\b|\bikke (et )?godt tidspunkt\b|\bmaske senere\b/, label: 'ikke nu', weight: 2 },
    { re: new RegExp(`\\b(kontakt|skriv til|ring til) (mig|os) (gerne |igen |gerne igen )?${SENERE}\\b|\\b(vend|vende) (gerne )?tilbage ${SENERE}\\b|\\bskriv (gerne )?igen ${SENERE}\\b|\\b(vi|jeg) (vender tilbage|kontakter dig|kontakter jer|henvender os) (nar|hvis|${SENERE})\\b|\\btag (fat i mig|kontakt) (igen )?${SENERE}\\b`), label: 'vend tilbage senere', weight: 2 },
    { re: new RegExp(`\\bsenere pa aret\\b|\\bnaeste (ar|kvartal|regnskabsar)\\b|\\befter (nytar|arsskiftet|sommerferien|jul|arsafslutningen|regnskabsafslutningen)\\b|\\bi (starten|slutningen|begyndelsen) af (naeste ar|aret|${MANED})\\b|\\bmidt i (en|et|arsafslutningen|regnskabsafslutningen)\\b|\\bikke prioriteret\\b`), label: 'senere på året', weight: 2 },
    { re: new RegExp(`\\b(i|efter|fra) (${MANED}|foraret|efteraret|q[1-4])\\b|\\b(meget )?travlt\\b|\\bsenere\\b`), label: 'senere', weight: 1 },
  ],
  competitor: [
    { re: /\b(bruger|anvender|benytter|korer) (allerede|i forvejen)\b|\ballerede (bruger|anvender|har valgt|har implementeret|har automatiseret|lost)\b|\bhar (allerede|i forvejen) (et|en) (system|vaerktoj|losning|leverandor|aftale|program)\b|\ballerede (et|en) (system|vaerktoj|losning|leverandor)\b/, label: 'bruger allerede', weight: 2 },
    { re: /\b(en )?anden leverandor\b|\bvalgt (en anden|et andet|en konkurrent)\b|\bgaet (videre )?med (en anden|et andet|en konkurrent)\b|\b(indgaet|underskrevet) (en )?aftale med\b|\b(bundet|laast) af (en|vores) aftale\b/, label: 'en anden leverandør', weight: 2 },
    { re: /\begen (losning|udvikling|udviklet)\b|\begenudvikle\w*\b|\budviklet (selv|internt)\b|\bbygget (selv|internt|vores eget)\b|\b(tilfredse|tilfreds) med (vores|den nuvaerende|det nuvaerende)\b|\bglade for (vores |den |det )?(nuvaerende )?(losning|leverandor|system|vaerktoj)\b|\bnuvaerende leverandor\b/, label: 'egen løsning', weight: 2 },
    { re: new RegExp(`\\b(bruger|korer|har|anvender|valgte|har valgt|har kobt|har implementeret|skiftede til) (allerede |netop )?${AFSTEMNING}\\b|\\b(allerede|i forvejen) (bruger|korer|har|anvender) ${ERP}\\b|\\b(bruger|korer|har|anvender) ${ERP} (allerede|i forvejen)\\b|\\btilfredse med ${ERP}\\b`), label: 'bruger et navngivet produkt', weight: 2 },
  ],
  referral: [
    { re: /\bikke (den )?(rette|rigtige|korrekte) (person|kontakt|modtager)\b|\bforkert (person|modtager|kontakt)\b|\b(det er )?ikke mig,? der (star for|tager (mig )?af|beslutter|handterer|har ansvaret|er ansvarlig)\b|\bikke mit (omrade|ansvar|bord)\b/, label: 'ikke den rette person', weight: 2 },
    { re: /\b(kontakt|tal med|skriv til|ring til|sporg|ret henvendelse til|henvend dig til|henvend jer til) (hellere |i stedet |gerne |direkte )*(min|mit|mine|vores) (kollega|kolleger|chef|okonomichef|cfo|controller|okonomiafdeling|bogholderi|regnskabschef|okonomiansvarlige|indkobsafdeling|indkob|it-afdeling|direktor|finansdirektor|regnskabsafdeling)\b/, label: 'kontakt min kollega', weight: 2 },
    { re: /\bhenvend (dig|jer) (hellere |i stedet |venligst |gerne |direkte )*til (?!os|mig)|\b(den )?(rette|rigtige) (person|kontakt) (er|at tale med|at kontakte|for dette)\b/, label: 'henvend dig til', weight: 2 },
    { re: /\b(videresendt|videresender|sendt videre|sender videre|sendt din mail videre|givet videre|giver videre)( din (mail|e-?mail|henvendelse)| dette| det| den| mailen| mailen videre| henvendelsen)?( videre)? til\b/, label: 'videresendt', weight: 2 },
    { re: /\b(sat|satt|saetter|tilfojet)\b.{0,30}\b(pa|i) (cc|kopi)\b/, label: 'sat på cc', weight: 2 },
    { re: /(?<!\bjeg )(?<!\bvi )\b(star for|har ansvaret for|er ansvarlig for|tager sig af|beslutter) (dette|det|den slags|okonomi\w*|regnskab\w*|indkob\w*|finans\w*|bogholderi\w*|systemer\w*)\b|\b(han|hun) (star for|har ansvaret|tager sig af|beslutter)\b/, label: 'står for dette', weight: 2 },
    { re: /\b(pa|i) cc\b|\bi kopi\b|\b(har )?skiftet (rolle|stilling|afdeling|job)\b/, label: 'i kopi', weight: 1 },
  ],
  meeting: [
    { re: new RegExp(`\\b(mode|modet|opkald|opkaldet|demo|demoen|snak|samtale|teams|zoom|gennemgang|videomode|telefonmode)\\b[^.!?\\n]{0,40}\\b${DAG}\\b|\\b${DAG}\\b[^.!?\\n]{0,30}(${TID}|\\b(passer|fungerer|gar fint|er fint|er jeg ledig|formiddag|eftermiddag)\\b)`), label: 'møde på en dag', weight: 3 },
    { re: new RegExp(`\\b(passer|fungerer|gar)( fint| godt| glimrende)?( for mig| for os)? ${DAG}\\b|\\b(tirsdag|onsdag|begge dage|begge dagene)( passer| fungerer| gar fint| er fint)\\b`), label: 'foreslår en tid', weight: 3 },
    { re: /\b(send|sender) (gerne |lige )?(mig |os )?(en )?(invitation|kalenderinvitation|modeindkaldelse|teams-?invitation|teams-?link|zoom-?link|link til (modet|teams|zoom)|bookinglink)\b|\bkalenderinvitation\b|\bmodeindkaldelse\b|\bhvilke tidspunkter (passer|har du)\b|\bhvornar passer det (dig|jer|bedst)\b|\b(foresla|foreslar|send) (et par|nogle|to|tre) (tider|tidspunkter|forslag)\b/, label: 'send en invitation', weight: 3 },
    { re: /\b(book|booke|aftale|aftal|saet op|saette|finde|find|tage|tag|planlaeg) (gerne )?(et|en) (kort |kortere |hurtigt |forste |indledende )?(mode|opkald|demo|snak|samtale|tid|gennemgang|teams-?mode|videomode|telefonmode|online mode)\b|\b(tager|tage|vil) gerne (et|en) (kort |kortere )?(mode|opkald|snak|demo|samtale|gennemgang)\b|\blad os (tage en snak|tale sammen|mode|booke|finde en tid|tage et mode)\b|\b(vil|ville) gerne (se|have|booke) (en|et) (demo|mode|opkald|gennemgang|praesentation)\b|\b20 minutter (passer|er fint|lyder godt)\b/, label: 'book et møde', weight: 2 },
  ],
  question: [
    { re: /\b(jeg |vi )?(vil|ville) gerne (vide|hore),? (hvordan|hvad|om|hvilke|hvilken|hvornar|hvor|mere om (prisen|priser|integration|sikkerhed|implementering|piloten))\b|\bkunne godt taenke (mig|os) at vide\b|\b(jeg |vi )?(undrer mig over|er nysgerrig efter at vide) (om|hvordan|hvad)?\b/, label: 'vil gerne vide', weight: 2 },
    { re: /\bkan (i|du) (fortaelle|forklare|sende|dele|bekraefte)\b.{0,50}\b(pris\w*|omkostning\w*|referencer|kundecases|sikkerhed\w*|soc ?2|integration\w*|api|hvordan|om|hvilke|kontrakt\w*|vilkar)\b|\bsend (gerne )?(jeres |en )?(prisliste|priser|referencer|kundecases|sikkerhedsdokumentation|dokumentation|kontrakt|vilkar)\b|\bmere information om (pris\w*|integration\w*|sikkerhed|implementering|piloten|api)\b/, label: 'spørger om specifik information', weight: 2 },
  ],
  interest: [
    { re: /\b(lyder|virker|ser) (meget |rigtig |ret |virkelig )?(interessant|spaendende|godt|lovende|relevant|fornuftigt)( ud)?\b|\bspaendende\b|(?<!\b(ikke|slet ikke|nicht|niet|not|pas|peu|guere) (saerlig |specielt |so |sehr |zo |erg |ret |tres |vraiment |si )?)\binteressant\b/, label: 'lyder interessant', weight: 2 },
    { re: /(?<!\bikke )\b(meget |rigtig )?interesse(ret|rede)\b/, label: 'interesseret', weight: 2 },
    { re: /\bsend (gerne |lige )?(mig |os )?(mere |noget |lidt )?(information|info|materiale|praesentation|brochure|produktark)\b|\bmere (information|info)\b|\b(fortael|fortaelle) (gerne |lidt )?mere\b|\b(vil|ville) gerne (hore|vide|se|laere) (mere|lidt mere)\b|\bhold (mig|os) (opdateret|orienteret)\b|\bprecis (hvad|det) vi (mangler|har brug for|leder efter)\b|\bpraecis (hvad|det) vi (mangler|har brug for|leder efter)\b|\brelevant for os\b/, label: 'send mere information', weight: 2 },
  ],
  threat: [
    { re: /\b(advokat\w*|datatilsynet|forbrugerombudsmand\w*|politianmeld\w*|retslige skridt|sagsoge\w*|markedsforingsloven)\b|\b(anmelder|anmelde|indberetter|indberette) (jer|dig|det|dette|jeres firma|northpeak)\b/, label: 'trussel' },
    { re: /\b(det her|dette|det|jeres mails) er (ren |bare |jo )?spam\b|\bspammer\w*\b|\bchikane\w*\b|\buopfordret\w* (reklame|markedsforing)\b/, label: 'kalder det spam' },
  ],
  anger: [
    { re: /\b(for fanden|fandens|for helvede|hold kaeft|lort|idioter|idiotisk|uforskammet|fraekt|latterligt|irriterende|traet af|nok nu|skandal\w*)\b/, label: 'vrede' },
    { re: /\b(anden|tredje|fjerde|femte) (mail|gang|paamindelse|pamindelse)\b|\bhvor mange gange\b/, label: 'gentagen kontakt' },
  ],
  confused: [
    { re: /\bhvem er (du|i|det her|northpeak|dana)\b|\bkender (jeg|vi) (dig|jer)\b|\bhar vi (modt|talt sammen)\b/, label: 'hvem er du' },
    { re: /\b(hvor|hvordan) har (du|i) (faet|fundet|kobt) (fat i )?(min|mine|mit|vores|denne)\b|\bhvor har (du|i) (min|mine|mit)\b|\bhvem har givet (dig|jer) (min|mit|mine)\b/, label: 'hvor har I min adresse fra' },
    { re: /\b(jeg|vi) har (aldrig|ikke) (tilmeldt|givet|bedt om|samtykket|accepteret)\b|\buden (mit|vores) samtykke\b/, label: 'aldrig givet samtykke', weight: 2 },
    { re: /\bhvorfor (far|modtager) jeg (dette|det her|disse)\b|\bhvorfor skriver (du|i) til (mig|os)\b/, label: 'hvorfor får jeg dette' },
  ],
  away: [
    { re: /\b(er|vil vaere|bliver) (pa ferie|fravaerende|pa barsel|pa orlov|ude af huset|ikke pa kontoret|syg|sygemeldt|pa kursus|pa konference|pa forretningsrejse|pa rejse|bortrejst|fri)\b/, label: 'er på ferie' },
    { re: /\bpa ferie\b|\bholder (ferie|fri|lukket|juleferie|vinterferie)\b|\bhar (ferie|fri)\b|\bfravaerende\b|\bpa barsel\b|\bbarselsorlov\b|\bforaeldreorlov\b|\bpa orlov\b|\b(afholder|min|har|i) ferie\b|\bferie(n)? (til|fra|frem til|indtil|til og med|t\.o\.m\.)\b|\bjuleferie\b|\bvinterferie\b|\befterarsferie\b|\bafspadsering\b|\bafspadserer\b|\bferiefridag\b|\bsygemeldt\b|\bforretningsrejse\b|\bude af huset\b|\bikke pa kontoret\b|\bkontoret er lukket\b|\blukket (i|mellem|hen over) (julen|jul|nytar|helligdagene)\b/, label: 'fravær' },
    { re: new RegExp(`\\b(tilbage|pa kontoret igen|tilbage pa kontoret|traeffes igen|kan kontaktes igen|moder ind( igen)?)\\b[^.!?\\n]{0,12}\\b(den |d\\. |pa |fra )?(\\d{1,2}|${DAG}|${MANED})\\b`), label: 'tilbage den' },
  ],
  awayNotice: [
    { re: /\bnar jeg (er |kommer )?tilbage\b|\b(efter|ved) min (hjemkomst|tilbagekomst|tilbagevenden)\b|\bsa snart jeg er tilbage\b/, label: 'når jeg er tilbage' },
    { re: /\bbegraenset (adgang|mulighed)\b|\blaeser (ikke|sjaeldent) (min )?(mail|e-?mail|mails)\b|\b(mails|e-?mails|mail) (bliver|vil) ikke (blive )?(videresendt|laest|besvaret)\b|\bvideresendes ikke\b/, label: 'begrænset adgang til mail' },
    { re: /\bi (akutte|hastende|presserende) (tilfaelde|sager|henvendelser)\b|\bhvis (det haster|din henvendelse haster|sagen haster)\b|\bved (akutte|hastende) (sager|henvendelser)\b|\b(under|i) mit fravaer\b/, label: 'i hastende sager' },
    { re: /\btak for (din|jeres) (mail|e-?mail|henvendelse|besked)\b/, label: 'tak for din mail' },
  ],
  automatic: [
    { re: /\bautomatisk (svar|besked|genereret|udsendt|sendt)\b|\bautogenereret\b|\bdette er en automatisk\b|\bautosvar\b/, label: 'automatisk svar' },
    { re: /\b(besvar|svar) (venligst )?ikke pa (denne|dette) (mail|e-?mail|besked)\b|\bdenne (mail|e-?mail|besked) kan ikke besvares\b/, label: 'svar ikke' },
    { re: /\b(postkasse|postkassen|indbakken|indbakke|adressen|mailadressen|e-?mailadressen) (overvages|laeses|bruges|tjekkes) ikke\b|\bikke overvaget (postkasse|indbakke)\b/, label: 'postkassen overvåges ikke', weight: 2 },
    { re: /\b(arbejder|er) ikke (laengere|laenger) (hos|i|ansat|for)\b|\bhar (fratradt|forladt) (sin stilling|virksomheden|firmaet)\b|\bfratradt\b|\bikke laengere ansat\b/, label: 'left the company (fratrådt)' },
    { re: /\b(din|jeres) (henvendelse|sag|foresporgsel) er (registreret|oprettet)\b/, label: 'sag oprettet', weight: 2 },
    { re: /\bvi har modtaget (din|jeres) (henvendelse|mail|e-?mail|besked|foresporgsel|sag)\b|\b(din|jeres) (henvendelse|sag) er modtaget\b/, label: 'henvendelse modtaget' },
    { re: /\bsagsnummer\b|\bsags ?(nr|id)\b|\bvi (vender tilbage|svarer) (hurtigst muligt|inden for \d+|snarest)\b/, label: 'sagsnummer' },
    { re: /\bblev laest (den |pa )?(\d|mandag|tirsdag|onsdag|torsdag|fredag|lordag|sondag)|\blaesekvittering\b/, label: 'læsekvittering', weight: 2 },
  ],
  autoSubjects: [
    { re: /^(automatisk svar|autosvar|automatisk besked)/, away: false },
    { re: /^(fravaer|fravaersbesked|fravaerende|ferie|ude af kontoret|ikke pa kontoret|pa ferie|barsel)/, away: true },
    { re: /^(laest|laesekvittering):/, away: false },
  ],
  returnCue: [
    'tilbage', 'tilbage pa kontoret', 'igen fra', 'er tilbage', 'pa kontoret igen', 'traeffes igen', 'kan kontaktes igen', 'moder ind', 'moder ind igen',
    'tilbage igen', 'tilgaengelig igen', 'tilbage pa arbejde',
  ],
  untilCue: ['til og med', 'til', 'frem til', 't.o.m.', 'tom'],
  fromCue: ['fra', 'fra og med', 'fra den', 'f.o.m.'],
};
