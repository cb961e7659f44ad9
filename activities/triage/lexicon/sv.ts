import type { Lexicon } from './types';

// Folded Swedish: å and ä become a, ö becomes o ("mote" is möte, "nasta" is nästa).
const DAG = '(mandag|tisdag|onsdag|torsdag|fredag|mandagen|tisdagen|onsdagen|torsdagen|fredagen|imorgon|i morgon|i overmorgon|nasta vecka|i nasta vecka)';
// "kl. 14", "klockan 10", "14:00", "15.00" (not "30.11", a date).
const TID = '(kl\\.? ?\\d{1,2}([.:]\\d{2})?|klockan \\d{1,2}([.:]\\d{2})?|\\d{1,2}:\\d{2}|\\d{1,2}\\.(00|15|30|45)(?![.\\d]))';
const MANAD = '(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)';
// When a later contact is wanted: "i mars", "efter nyår", "om ett halvår", "till hösten".
const SENARE = `(i (${MANAD}|var|host|vinter|sommar|borjan|slutet|q[1-4]|nasta)|efter (nyar|arsskiftet|sommaren|semestern|jul|bokslutet|arsbokslutet|helgerna|q[1-4]|${MANAD})|om (ett|en|nagra|par|\\d+|tva|tre|fyra|sex) (manad|manader|veckor|ar|halvar|kvartal)|nasta (ar|kvartal|manad|termin)|till (hosten|varen|sommaren|nasta ar|arsskiftet|${MANAD})|senare|lite senare|langre fram|framat|framover|fram i \\w+)`;
// Reconciliation and close tools (using one is the objection), and ERPs (an objection only when "already" is said).
const AVSTAMNING = '(blackline|floqast|trintech|cadency|adra|autorek|reconart)';
const ERP = '(fortnox|visma|hogia|unit4|agresso|xledger|ifs|netsuite|business central|dynamics|sap|oracle|pe accounting|bjorn lunden)';

export const sv: Lexicon = {
  lang: 'sv',
  optOut: [
    { re: /\bavregistrera\b|\bavregistrering\b|\bavanmal(a|an|ning)?\b|\bavprenumerera\b|\b(avsluta|saga upp|sag upp) (min |var |alla |era )?(prenumeration(en)?|utskick(et|en)?|nyhetsbrev(et)?)\b|\bavregistrera(t|de) (mig|oss)\b|\bhur (kan jag |gor jag for att )?avregistrera(r)? (jag )?(mig|oss)\b/, label: 'avregistrera', weight: 2 },
    { re: /\b(ta|tag|plocka|lyft) (bort|ut) (mig|oss|min (adress|e-?post|e-?postadress|mejladress|mailadress|kontakt)|mitt namn|var (adress|e-?postadress)|mina (uppgifter|personuppgifter|kontaktuppgifter))\b|\b(stryk|radera) (mig|oss|min (adress|e-?postadress|mejladress)|mina (uppgifter|personuppgifter|kontaktuppgifter))\b/, label: 'ta bort mig', weight: 2 },
    { re: /\b(ta|tag|tar|plocka|plockar|stryk|stryker|radera|raderar|lyft|lyfter) (bort |ut )?(mig|oss|min adress|mitt namn|var adress|min e-?postadress|min mejladress) (fran|ur|ut ur|bort fran) (er|ert|era|eran|erat|din|ditt|dina|listan|registret|utskicket|utskicken|utskickslistan|sandlistan|mejllistan|maillistan|e-?postlistan|databasen|kundregistret|systemet|kampanjen|sekvensen|alla)\b|\b(fran|ur) (er|din|listan|registret|utskickslistan|sandlistan)\b.{0,20}\b(ta bort|stryk)\b/, label: 'ta bort mig från listan', weight: 2 },
    { re: /\bvill (bli )?(borttagen|borttagna|struken|strukna|avregistrerad)\b|\b(borttagen|struken) (fran|ur) (er|listan|registret|utskick)/, label: 'vill bli borttagen', weight: 2 },
    { re: /\b(kontakta|mejla|maila|ring|skriv till) (mig|oss) (inte|ej|aldrig) ?(mer|igen|fler ganger|i fortsattningen)?\b|\b(kontakta|mejla|maila) (inte|ej|aldrig) (mig|oss)\b|\bhor inte av (er|dig) (igen|mer|till mig)\b|\b(ej|inga) (fler )?kontakt(er)? (tack|onskas|onskad)\b|\b(behover|beh) (inte|ej) (kontakta|hora av er till|hora av dig till|mejla|maila|skriva till) (mig|oss)( igen| mer)?\b|\b(behover|beh) (inte|ej) hora av (er|dig) (igen|mer)\b|\b(att|vanligen|var vanlig och|snalla|garna) (inte|ej) (kontakta|mejla|maila|skriva till) (mig|oss)\b/, label: 'kontakta mig inte igen', weight: 2 },
    { re: /\bsluta (skicka|mejla|maila|kontakta|skriva|hora av er|spamma|ringa|hora av dig)\b|\b(skicka|mejla|maila) (inte|inga|ej) (fler|mer|nagra fler|nagot mer)\b|\bskicka inte (fler |mer )?(mejl|mail|e-?post|utskick|reklam)\b|\binga (fler|mer|vidare) (mejl|mail|mejlutskick|e-?postmeddelanden|e-?postutskick|utskick|meddelanden|saljmejl|saljmail|erbjudanden|kontakter|paminnelser|uppfoljningar)\b/, label: 'sluta skicka', weight: 2 },
    { re: /\b(vill|onskar) (inte|ej) (ha|fa|ta emot|motta|erhalla) (fler|mer|nagra fler|nagot mer|nagra|era|dina|mejl|mail|e-?post|utskick|reklam|erbjudanden|saljmejl)\b|\b(vill|onskar) (inte|ej) bli kontaktad\w*\b|\b(vill|onskar) (inte|ej) (ha |fa )?(fler|mer|nagra fler|nagra) (mejl|mail|utskick|e-?post|erbjudanden|saljmejl|kontakter|meddelanden|nyhetsbrev)\b/, label: 'vill inte få fler mejl', weight: 2 },
    { re: /\bundanb(er|ad|edes|ads)\b|\b(reklam|saljmejl|saljmail|saljsamtal|forsaljning|utskick) (undanbedes|frabedes|tas inte emot)\b|\btar inte emot (saljmejl|saljmail|saljsamtal|reklam|oombedda)\b/, label: 'undanber mig kontakt', weight: 2 },
    { re: /\b(lamna|lat) (mig|oss) (i fred|ifred)\b|\b(sparra|sparrar|blockera|blockerar|har blockerat|har sparrat) (er|din|era) (doman|adress|avsandare)\b|\bsparrlist\w*\b|\bnix-?registret\b|\bsta (pa|i) nix\b/, label: 'lämna mig i fred', weight: 2 },
    { re: /\b(invander|invandning|invanda)\b.{0,60}\b(behandling|personuppgifter|marknadsforing|direktmarknadsforing|uppgifter)\b|\b(radera|ta bort|rensa) (alla )?(mina|vara) (person)?uppgifter\b|\bbegar (att ni raderar|radering|borttagning)\b|\bratt(en)? att (bli (raderad|bortglomd|glomd)|radera)\b|\bartikel (17|21)\b|\b(gdpr|dataskyddsforordningen)\b.{0,60}\b(radera|invand|marknadsfor|samtycke|personuppgift|artikel)|\baterkalla(r)? (mitt |vart )?samtycke\b|\bsamtycker (inte|ej) till (att|behandling|marknadsforing|utskick|fler)\b|\bmarknadsforingslagen\b|\bimy\b|\bintegritetsskyddsmyndigheten\b|\bdatainspektionen\b|\bkonsumentverket\b/, label: 'GDPR: invändning / radering / IMY', weight: 2 },
    { re: /\b(anmala|anmaler|rapportera|rapporterar) (er|dig|detta|det har|foretaget|northpeak|mejlet|mejlen)\b.{0,40}\b(spam|skrappost|imy|konsumentverket|polis)|\bsluta (spamma|med (spammet|skrapposten|utskicken|mejlen))\b|\b(inget|inga) (mer|fler) (spam|skrappost)\b/, label: 'anmäler er / sluta spamma', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bfor att (avregistrera|avsluta (din |er )?prenumeration|avanmala)\b|\bavregistrera (dig|er) (har|genom|via|nar som helst)\b|\b(lank|knapp)(en)? for att avregistrera\b|\bom du (inte langre )?(vill|onskar) avregistrera\b/, label: 'avregistreringsinstruktion' },
  ],
  notInterested: [
    { re: /\b(inte|ej|inte alls|inte sarskilt|inte langre) intresserad(e)?\b|\binget (som helst )?intresse\b|\bintresserar (mig|oss) inte\b/, label: 'inte intresserad', weight: 2 },
    { re: /\bnej,? tack\b|\btack,? men nej\b|\btack,? men vi (avstar|tackar nej|ar inte)\b|\b(vi )?tackar nej\b|\bvi avstar\b|\bavstar (tack|den har gangen)\b/, label: 'nej tack', weight: 2 },
    { re: /\binte (sa |sarskilt |speciellt |alls )?(aktuellt|aktuell|relevant|relevanta|intressant|av intresse|nagot for oss|for oss)\b|\binget for (oss|mig)\b|\b(det|detta) (ar|later) inte (nagot|intressant|aktuellt|relevant)\b|\bpassar (inte|ej) (oss|mig|var verksamhet)\b/, label: 'inte aktuellt', weight: 2 },
    { re: /\b(vi|jag) (behover|beh) (inte|ej) (detta|det har|det|nagot|nagon|nagra|er|ert|era|ett|en|hjalp|sadant|sant)\b|\binget behov\b|\bhar inget behov\b|\bser (inget|inte nagot) behov\b|\bklarar oss (bra )?utan\b|\bvi gar inte vidare\b|\binte nagot (vi|jag) (behover|letar efter|ar intresserade av)\b/, label: 'inget behov', weight: 2 },
  ],
  price: [
    { re: /\bfor (dyrt|dyr|dyra|kostsamt|hogt pris|hog kostnad)\b|\b(priset|kostnaden|prisnivan|avgiften|licenskostnaden|prislappen) (ar |blir |ligger )?(alldeles |lite |tyvarr |nog )*(for )?(hogt|hog|dyrt|saftigt|saltat)\b/, label: 'för dyrt', weight: 2 },
    { re: /\b(ingen|saknar|inte nagon|har inte|har ingen|finns ingen|finns inte) budget\b|\bbudget(en)? (ar |har )?(slut|frusen|fryst|stoppad|last|tom|forbrukad|spikad|redan lagd|inte rackt)\b|\binte (budgeterat|med i budgeten|i budgeten)\b|\b(ryms|finns|far plats) (inte|ej) (i|inom) (budgeten|var budget|arets budget)\b|\bhar inte rad\b|\b(kostnads|investerings|inkops)stopp\b|\bsparkrav\b|\bkan (inte|ej) (motivera|forsvara) (kostnaden|priset|den kostnaden|utgiften)\b/, label: 'ingen budget', weight: 2 },
  ],
  timing: [
    { re: /\binte (ratt|bra|ratta|en bra) (tid|tidpunkt|lage|timing)\b|\b(fel|dalig) (tid|tidpunkt|timing)\b|\binte (just )?nu\b|\binte i (nulaget|dagslaget|detta skede|nuvarande lage)\b|\b(inte|ej) for tillfallet\b|\bfor tillfallet (inte|ej)\b|\binte lage (just )?nu\b|\binte (just )?(i ar|denna termin|det har kvartalet)\b/, label: 'inte just nu', weight: 2 },
    { re: new RegExp(`\\b(hor|hora) av (dig|er) (igen |garna |igen garna )?${SENARE}\\b|\\baterkom (garna |igen )?${SENARE}\\b|\\bkontakta (mig|oss) (igen |garna )?${SENARE}\\b|\\b(vi|jag) (aterkommer|hor av (mig|oss)) (nar|${SENARE})\\b|\\bta (kontakt|det) (igen )?${SENARE}\\b`), label: 'hör av dig senare', weight: 2 },
    { re: new RegExp(`\\b(kanske |eventuellt )?langre fram\\b|\\bsenare (i ar|i host|i var|under aret|fram)\\b|\\bnasta (ar|kvartal|budgetar|rakenskapsar)\\b|\\befter (arsskiftet|nyar|sommaren|semestern|jul|bokslutet|arsbokslutet|revisionen|upphandlingen|systembytet|q[1-4])\\b|\\bi (borjan|slutet) av (nasta ar|aret|${MANAD})\\b|\\bmitt i (ett|en|bokslutet|arsbokslutet)\\b|\\binte (hogt )?prioriterat\\b|\\bkanske senare\\b`), label: 'längre fram', weight: 2 },
    { re: new RegExp(`\\b(i|efter|fran) (${MANAD}|var|host|q[1-4])\\b|\\bfullt upp\\b|\\bmycket (att gora|pa gang)\\b|\\bsenare\\b`), label: 'senare', weight: 1 },
  ],
  competitor: [
    { re: /\b(anvander|nyttjar|kor) redan\b|\bredan (anvander|kor|jobbar med|arbetar med|valt|infort|implementerat|automatiserat|lost (det|detta)|pa plats)\b|\b(jobbar|arbetar) redan (med|i)\b|\b(har )?redan (en|ett) (losning|verktyg|leverantor|system|avtal|program)\b|\bredan lost\b/, label: 'har redan en lösning', weight: 2 },
    { re: /\b(en )?annan leverantor\b|\bannat (system|verktyg)\b|\b(valt|gatt vidare med|gick vidare med|bestamt oss for) (en annan|ett annat|en konkurrent)\b|\b(tecknat|skrivit|signerat) (avtal|kontrakt) med\b|\b(bundna|lasta) (i|av) (ett|vart) avtal\b/, label: 'annan leverantör', weight: 2 },
    { re: /\begen (losning|utveckling)\b|\begenutveckla\w*\b|\bbyggt (sjalva|internt|eget|ett eget|nagot eget|en egen)\b|\binternt (utvecklad|utvecklat|byggd|byggt)\b|\bnojda med (var|vart|vara|nuvarande|dagens) \w+\b|\bnuvarande leverantor\b/, label: 'egen lösning', weight: 2 },
    { re: new RegExp(`\\b(anvander|kor|har|jobbar i|jobbar med|gick med|valde|har valt|har skaffat|har kopt|har infort|implementerade|bytte till|gick over till) (redan |precis |nyligen )?${AVSTAMNING}\\b|\\b(redan|sedan lange|sedan flera ar) (anvander|kor|har|jobbar i|jobbar med) ${ERP}\\b|\\b(anvander|kor|har|jobbar i|jobbar med) ${ERP} (redan|sedan lange|sedan flera ar)\\b|\\bnojda med ${ERP}\\b`), label: 'använder en namngiven produkt', weight: 2 },
  ],
  referral: [
    { re: /\b(inte|ej) (ratt|ratta|ansvarig|behorig) (person|kontaktperson|mottagare)\b|\bfel (person|mottagare|kontaktperson)\b|\bdet ar inte (jag|mitt bord) som\b|\binte (mitt|mina) (omrade|ansvar|ansvarsomrade|bord)\b|\bligger (inte|ej) pa mitt bord\b|\b(jag|vi) (ansvarar|beslutar|hanterar) (inte|ej) (for|om)\b/, label: 'inte rätt person', weight: 2 },
    { re: /\b(kontakta|prata med|tala med|hor med|mejla|maila|skriv till|ring|vand dig till|vand er till|ta kontakt med|fraga) (hellre |istallet |i stallet |garna |direkt )*(min|mitt|mina|var|vart|vara) (kollega|kollegor|chef|ekonomichef|cfo|controller|redovisningschef|ekonomiavdelning|ekonomiansvarig|inkopsavdelning|inkopschef|it-avdelning|vd|finanschef|redovisningsansvarig|ekonomidirektor|ekonomiteam|redovisningsavdelning|ledning)\b/, label: 'kontakta min kollega', weight: 2 },
    { re: /\bvand (dig|er) (hellre |istallet |i stallet |direkt |garna )*till (?!oss|mig)|\b(ratt|ratta|bast lampad) (person|kontaktperson) (ar|att (prata|tala) med|att kontakta|for (detta|det har|sadant))\b/, label: 'vänd dig till', weight: 2 },
    { re: /\b(vidarebefordrat|vidarebefordrar|skickat vidare|skickar vidare|skickat over|skickar over|lamnat vidare|lamnar vidare)( ditt (mejl|mail|meddelande)| detta| det| mejlet| mailet| fragan)?( vidare)? till\b/, label: 'vidarebefordrat', weight: 2 },
    { re: /\b(satt|lagt till|kopierat in|kopierar in|satter)\b.{0,30}\b(i|pa) kopia\b|\b(kopierat|kopierar|cc:?at|cc:?ar) in (min|var|henne|honom|dem|[a-z]+)\b/, label: 'satt i kopia', weight: 2 },
    { re: /(?<!\bjag )(?<!\bvi )\b(ansvarar|beslutar) (for|om) (detta|det har|sadant|sadana (fragor|beslut|inkop)|ekonomi\w*|bokslut\w*|redovisning\w*|inkop\w*|finans\w*)\b|\b(han|hon|hen) (ansvarar|hanterar|ager|skoter|tar hand om|beslutar)\b/, label: 'ansvarar för detta', weight: 2 },
    { re: /\b(har )?(bytt (roll|tjanst|avdelning|jobb)|slutat ansvara)\b|\bjobbar (inte|ej) (langre )?med (detta|det har|ekonomi|sadant)\b|\bi kopia\b|\btar hand om (sadant|detta|det har)\b/, label: 'någon annan hanterar detta', weight: 1 },
  ],
  meeting: [
    { re: new RegExp(`\\b(mote|motet|samtal|samtalet|demo|demon|genomgang|telefonmote|videomote|teamsmote|teams|zoom)\\b[^.!?\\n]{0,40}\\b${DAG}\\b|\\b${DAG}\\b[^.!?\\n]{0,30}(${TID}|\\b(passar|funkar|fungerar|gar bra|gar fint|ar jag ledig|formiddag|eftermiddag)\\b)`), label: 'möte på en dag', weight: 3 },
    { re: new RegExp(`\\b(passar|funkar|fungerar|gar bra)( bra| fint| utmarkt)?( for mig| for oss)? (pa |nasta |i )?${DAG}\\b|\\b(tisdag|onsdag|bada dagarna|vilken som|vilken dag som helst)( passar| funkar| fungerar| gar bra| ar bra)\\b`), label: 'föreslår en tid', weight: 3 },
    { re: /\b(skicka|skickar|maila|mejla) (garna |over )?(en |ett |mig en |oss en )?(kalenderinbjudan|inbjudan|motesinbjudan|teamsinbjudan|teams-?lank|zoom-?lank|moteslank|lank till (motet|teams|zoom)|bokningslank)\b|\bkalenderinbjudan\b|\bmotesinbjudan\b|\bbokningslank\b|\bvilka tider (passar|funkar|fungerar|har du)\b|\bnar (passar|funkar|fungerar) det (dig|er|for dig|for er|bast)\b|\b(foresla|foreslar|skicka|ge mig) (nagra|ett par|tva|tre) (tider|tidsforslag|alternativ)\b|\btidsforslag\b/, label: 'skicka en inbjudan', weight: 3 },
    { re: /\b(boka|bokar|bestamma|bestammer|satta upp|satter upp|planera|planerar|ordna|ordnar|hitta|hittar|ta|tar|lagga in|lagger in) (garna )?(in )?(ett|en) (kort |kortare |snabbt |forsta |inledande )?(mote|samtal|demo|genomgang|tid|telefonmote|videomote|teamsmote|digitalt mote|presentation|avstamning|pratstund)\b|\b(garna|tar garna|stallet garna upp pa|stalla upp pa|kan tanka mig) (ett|en) (kort |kortare )?(mote|samtal|demo|genomgang|telefonmote|videomote|pratstund)\b|\blat oss (prata|ses|ta ett samtal|boka|hitta en tid|ta ett mote)\b|\b(vill|skulle vilja) (garna )?(se|ha|boka|ta) (en|ett) (demo|mote|samtal|genomgang|presentation)\b|\b(en )?demo (vore|hade varit|later) (bra|intressant|fint|toppen)\b|\b20 minuter (passar|funkar|gar bra|later bra)\b/, label: 'boka ett möte', weight: 2 },
  ],
  question: [
    { re: /\b(jag |vi )?(skulle (vilja|garna vilja)|vill garna|vill) (veta|forsta|fa veta|hora) (hur|vad|om|vilka|vilken|vilket|nar|var|mer om (priset|priser|prissattning|integration|sakerhet|implementering|piloten))\b|\b(jag |vi )?undrar (om|hur|vad|vilka|vilken|vilket|nar|over)\b|\bnyfiken pa (hur|om|vad)\b/, label: 'vill veta', weight: 2 },
    { re: /\bkan (ni|du) (beratta|forklara|skicka|dela|bekrafta)\b.{0,50}\b(pris\w*|kostnad\w*|referens\w*|kundcase|sakerhet\w*|soc ?2|integration\w*|api|hur|om|vilka|avtal\w*|villkor)\b|\b(skicka|dela) (garna )?(er |en )?(prislista|prisuppgifter|prisinformation|referenser|referenskunder|kundcase|sakerhetsdokumentation|soc ?2-?rapport|dokumentation|avtalsvillkor|villkor)\b|\bmer (information|info|detaljer) (om|kring|gallande) (pris\w*|integration\w*|sakerhet|implementering|piloten|avtal\w*|api)\b/, label: 'frågar efter specifik information', weight: 2 },
  ],
  interest: [
    { re: /\b(later|verkar|ser) (mycket |valdigt |riktigt |klart |ju )?(intressant|spannande|bra|lovande|klokt|vettigt|relevant|anvandbart)( ut)?\b|\b(ar|vore|kan vara|kunde vara) (mycket |valdigt |riktigt |absolut |definitivt |klart )?(intressant|spannande|relevant|aktuellt) (for oss|for mig)\b|(?<!\b(inte|ej|inte alls) (sa |sarskilt |speciellt |sa vidare )?)\bintressant\b|\bspannande\b/, label: 'låter intressant', weight: 2 },
    { re: /(?<!\binte )(?<!\bej )\b(mycket |valdigt |absolut |definitivt )?intresserad(e)?\b/, label: 'är intresserad', weight: 2 },
    { re: /\b(skicka|skickar|maila|mejla|dela) (garna |over )?(mig |oss )?(mer |lite mer |nagon |lite |er |en )?(information|info|material|underlag|presentation|broschyr|produktblad|sammanfattning|detaljer)\b|\bmer (information|info)\b|\b(beratta|hor) (garna )?(mer|lite mer)\b|\b(vill|skulle vilja) (garna )?(veta|hora|lara mig|se) (mer|lite mer)\b|\bhall (mig|oss) (uppdaterad|uppdaterade|informerad|informerade|underrattad)\b|\bprecis (vad|det) (vi|jag) (behover|letar efter|letat efter)\b/, label: 'skicka mer information', weight: 2 },
  ],
  threat: [
    { re: /\b(advokat|advokater|jurist|juridiska avdelning|rattsliga atgarder|rattsliga steg|stamning|polisanmalan|polisanmala|imy|integritetsskyddsmyndigheten|datainspektionen|konsumentverket|marknadsdomstolen|marknadsforingslagen)\b|\bstamma (er|dig|foretaget|northpeak)\b|\b(anmala|anmaler|rapportera|rapporterar) (er|dig|detta|det har|foretaget|northpeak|mejlen)\b/, label: 'hot' },
    { re: /\b(det har|detta|det|ert mejl|era mejl|ni skickar) (ar|ar bara) (ren |rent |bara |uppenbart |ju )?(spam|skrappost)\b|\bspammare\b|\bspammar\b|\btrakasseri\w*\b|\boombedd(a)? (reklam|mejl|mail|utskick|e-?post|marknadsforing|saljmejl)\b|\boonskad(e)? (reklam|mejl|mail|utskick|e-?post|marknadsforing|saljmejl)\b/, label: 'kallar det spam' },
  ],
  anger: [
    { re: /\b(oforskamt|oforskammat|oforskammad|frackt|skandal\w*|javla|javlar|helvete|for fan|vad fan|fy fan|fan ta|skitsnack|skitforetag|idiot\w*|patetiskt|lojligt|irriterande|trottnat|trott pa|less pa|nog nu|sluta tjata|tjatigt)\b/, label: 'ilska' },
    { re: /\b(andra|tredje|fjarde|femte) (mejlet|mailet|gangen|paminnelsen)\b|\bhur manga ganger\b/, label: 'upprepad kontakt' },
  ],
  confused: [
    { re: /\bvem (ar|e) (du|ni|det har|detta|northpeak|dana)\b|\bvilka ar ni\b|\bkanner (jag|vi) (dig|er)\b|\bhar vi (traffats|pratats vid|haft kontakt)\b/, label: 'vem är du' },
    { re: /\b(var|hur|varifran) (fick|har|hittade|kopte) (du|ni) (tag pa )?(min|mina|mitt|var|vara|vart|denna|den har)\b|\bvarifran (kommer|har ni) (min|mina|mitt|denna)\b|\bvem (gav|har gett) (er|dig) (min|mitt|mina)\b/, label: 'var fick ni min adress' },
    { re: /\b(jag|vi) har (aldrig|inte) (anmalt|registrerat|prenumererat|gett|bett om|samtyckt|godkant|lamnat)\b|\butan (mitt|vart|nagot) samtycke\b|\baldrig (samtyckt|anmalt mig|registrerat mig|bett om)\b/, label: 'aldrig samtyckt', weight: 2 },
    { re: /\bvarfor (far|fick) jag (detta|det har|dessa|era)\b|\bvarfor (mejlar|kontaktar|skriver) (du|ni) (mig|oss|till mig)\b/, label: 'varför får jag detta' },
  ],
  away: [
    { re: /\b(ar|kommer att vara|blir|befinner mig) (pa semester|ledig|tjanstledig|franvarande|bortrest|pa resa|pa tjansteresa|foraldraledig|pappaledig|mammaledig|sjukskriven|sjukledig|pa konferens|pa utbildning|pa kurs|inte pa kontoret|inte i tjanst|utanfor kontoret)\b/, label: 'är på semester' },
    { re: /\bpa semester\b|\bsemester\b|\bfranvarande\b|\bforaldraledig\w*\b|\bpappaledig\w*\b|\bmammaledig\w*\b|\btjanstledig\w*\b|\bsjukskriven\b|\bsjukledig\w*\b|\bledig\b|\bjulledig\w*\b|\bkompledig\w*\b|\btjanste(resa|resor)\b|\bpa resa\b|\bpa resande fot\b|\bbortrest\b|\bpa (konferens|kurs|utbildning|massa|kundbesok)\b|\bute pa (uppdrag|resa|kundbesok)\b|\binte pa kontoret\b|\bej i tjanst\b|\butanfor kontoret\b|\bkontoret (ar|halls|haller) stangt\b|\bstangt (over|under) (jul|helg|nyar|mellandag)\w*\b/, label: 'frånvarande' },
    { re: new RegExp(`\\b(tillbaka|ater|aater|pa plats igen|pa kontoret igen|i tjanst igen|ater i tjanst|antraffbar igen|nas igen|tillganglig igen)\\b[^.!?\\n]{0,12}\\b(den |pa |fran |fr\\.?o\\.?m\\.? )?(\\d{1,2}|${DAG}|${MANAD})\\b`), label: 'tillbaka den' },
  ],
  awayNotice: [
    { re: /\bnar jag (ar |kommer )?tillbaka\b|\b(efter|vid) min (aterkomst|retur|hemkomst)\b|\bsa snart jag (ar|kommer) tillbaka\b|\bvid aterkomst\b/, label: 'när jag är tillbaka' },
    { re: /\bbegransad (tillgang|mojlighet)\b|\b(laser|kollar) (min |mina )?(e-?post|mejl|mail) (sporadiskt|sallan|begransat|endast sporadiskt)\b|\b(laser|kollar|bevakar) (inte|ej|sallan) (min |mina )?(e-?post|mejl|mail|inkorg)\b|\b(mejl|mail|e-?post|mejlen|mailen|meddelanden)( kommer)? (inte att )?(lases|vidarebefordras|besvaras) (inte|ej)\b|\b(mejl|mail|e-?post|mejlen|mailen|meddelanden) kommer (inte|ej) att (lasas|vidarebefordras|besvaras)\b/, label: 'begränsad tillgång till e-post' },
    { re: /\b(i|vid|for) (bradskande|akuta) (arenden|fragor|fall|saker)\b|\bom det (ar|galler) (bradskande|akut)\b|\bom ditt arende ar bradskande\b|\b(under|i) min franvaro\b|\bmin (ersattare|vikarie) (ar|nas)\b/, label: 'vid brådskande ärenden' },
    { re: /\btack for ditt (mejl|mail|meddelande|e-?postmeddelande)\b|\btack for (din|er) (e-?post|kontakt)\b/, label: 'tack för ditt mejl' },
  ],
  automatic: [
    { re: /\bautomatiskt (svar|meddelande|genererat|utskick|skickat)\b|\bautomatgenererat\b|\bdetta (ar ett|meddelande ar) automatisk\w*\b|\bautosvar\b/, label: 'automatiskt svar' },
    { re: /\b(svara|besvara) (inte|ej) (pa )?(detta|det har) (mejl|mail|meddelande)\b|\b(detta|det har) (meddelande|mejl|mail) gar (inte|ej) att (svara|besvara)\b/, label: 'svara inte' },
    { re: /\b(brevladan|inkorgen|adressen|e-?postadressen|brevlada|inkorg|mejladressen) (bevakas|lases|overvakas|anvands|kontrolleras) (inte|ej)\b|\bobevakad (brevlada|inkorg|adress)\b/, label: 'brevlådan bevakas inte', weight: 2 },
    { re: /\b(arbetar|jobbar) (inte|ej) (langre|kvar) (pa|hos|for|i)\b|\bhar slutat (sin anstallning|pa|hos|pa foretaget|i foretaget)\b|\b(ar|hon ar|han ar) (inte|ej) (langre )?anstalld\b/, label: 'left the company (slutat)' },
    // A person may write "we have received your email"; a case that has been registered is a help desk's wording.
    { re: /\b(ditt|ert) (arende|forfragan) (har )?(registrerats|skapats|tagits emot|mottagits)\b|\bvi har registrerat (ditt|ert) (arende|forfragan)\b/, label: 'ärende registrerat', weight: 2 },
    { re: /\b(vi har|har) (tagit emot|mottagit) (ditt|din|er|ert) (arende|meddelande|mejl|mail|fraga|forfragan|e-?post)\b/, label: 'meddelande mottaget' },
    { re: /\barendenummer\b|\barende ?(nr|nummer|id)\b|\bvi (aterkommer|svarar|hor av oss) (sa snart som mojligt|inom \d+|snarast|sa fort)\b/, label: 'ärendenummer' },
    { re: /\blastes (den |pa )?(\d|mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)|\blaskvitto\b/, label: 'läskvitto', weight: 2 },
  ],
  autoSubjects: [
    { re: /^(autosvar|automatiskt svar|automatsvar|automatiskt meddelande)/, away: false },
    { re: /^(franvaro|franvaromeddelande|semester|ledig|tjanstledig|foraldraledig|inte pa kontoret|ej pa kontoret|pa semester)/, away: true },
    { re: /^laskvitto/, away: false },
  ],
  returnCue: [
    'tillbaka', 'aater', 'ater', 'pa plats igen', 'pa kontoret igen', 'tillbaka pa kontoret', 'tillbaka i tjanst', 'ater i tjanst', 'ater pa kontoret',
    'i tjanst igen', 'nas igen', 'antraffbar igen', 'tillganglig igen', 'kommer tillbaka', 'ar tillbaka', 'aterkommer', 'pa jobbet igen', 'ater pa plats',
  ],
  untilCue: ['till', 'till och med', 't.o.m.', 't.o.m', 'tom', 'fram till', 'fram till och med'],
  fromCue: ['fran', 'sedan', 'fran och med', 'fr.o.m.', 'fr.o.m', 'mellan'],
};
