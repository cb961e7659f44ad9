import type { Lexicon } from './types';

const DAG =
  '(maandag|dinsdag|woensdag|donderdag|vrijdag|(?<!goede )morgen|overmorgen|volgende week|deze week|komende (maandag|dinsdag|woensdag|donderdag|vrijdag)|volgende (maandag|dinsdag|woensdag|donderdag|vrijdag))';
const TIJD = '(om \\d{1,2}([:.]\\d{2})?( uur)?\\b|\\d{1,2}[:.]\\d{2}\\b|\\d{1,2} uur\\b|half (een|twee|drie|vier|vijf|negen|tien|elf|twaalf|\\d{1,2}))';
const MAAND = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
// Not an absence notice's return ("vanaf maandag 9 uur weer bereikbaar") and not a refusal ("dinsdag past niet").
const NIET_TERUG = '(?![^.!?\\n]{0,40}\\b(weer|terug|bereikbaar|afwezig|vakantie|verlof|niet op kantoor)\\b)';
const NIET_NEE = '(?![^.!?\\n]{0,20}\\b(niet|geen|slecht)\\b)';
// Products a Dutch or Flemish finance team names when it already has a solution.
const PAKKET = '(exact( online)?|afas|twinfield|snelstart|moneybird|yuki|e-?boekhouden|visma|unit4|king|basecone|blackline|trintech|floqast|netsuite|xero|quickbooks|sap|dynamics|business central|odoo|octopus|winbooks|teamleader)';

export const nl: Lexicon = {
  lang: 'nl',
  optOut: [
    {
      re: /\bafmelden\b|\bafmelding\b|\bmeld (me|mij|ons) (\w+ ){0,3}af\b|\bmeldt u (mij|me|ons) (\w+ ){0,3}af\b|\b(mij|me|ons) (\w+ ){0,2}af te melden\b|\bafgemeld (te )?worden\b|\buitschrijven\b|\buitschrijving\b|\bschrijf (me|mij|ons) (\w+ ){0,3}uit\b|\bschrijft u (mij|me|ons) (\w+ ){0,3}uit\b|\b(mij|me|ons) (\w+ ){0,2}uit te schrijven\b|\buitgeschreven (te )?worden\b/,
      label: 'afmelden',
      weight: 2,
    },
    {
      re: /\b(haal|haalt|verwijder|verwijdert|schrap|schrapt|wis) (u |je |jullie )?(me|mij|ons|mijn (e-?mail-?adres|e-?mailadres|mailadres|adres|naam|gegevens|contactgegevens|persoonsgegevens|e-?mail)|dit (e-?mail)?adres)\b(?! (op|af|even op|binnen)\b)|\b(mij|me|mijn (gegevens|e-?mailadres|e-?mail-?adres|adres|naam|contactgegevens|persoonsgegevens)) (\w+ ){0,3}(te )?(verwijderen|schrappen|wissen|afhalen)\b|\bons (\w+ )?(te )?(verwijderen|schrappen|afhalen)\b|\b(ik|mij|me)\b[^.!?\n]{0,30}\b(verwijderd|uitgeschreven|afgemeld|geschrapt) (te )?worden\b|\b(wij|we) (willen|wensen|zouden) (graag |ook )?(\w+ )?(verwijderd|uitgeschreven|afgemeld|geschrapt) (te )?worden\b/,
      label: 'verwijder mij',
      weight: 2,
    },
    {
      re: /\b(van|uit) (de|jullie|uw|je|jouw|deze|dit|alle|al uw|al jullie) (mailing-?lijst|mailinglist|verzendlijst|lijst|lijsten|e-?mail-?lijst|mailbestand|nieuwsbrief|mailings?|prospectlijst|belbestand|marketinglijst|campagne|sequence|adressenbestand|klantenbestand)\b[^.!?\n]{0,40}\b(halen|haal|gehaald|verwijder\w*|schrap\w*|af|afhalen|afgehaald|uitschrijven|weg|eruit|eraf)\b|\b(van|uit) (jullie|uw|je|jouw) (database|bestand|crm|systeem|adresbestand)\b[^.!?\n]{0,40}\b(halen|haal|gehaald|verwijder\w*|schrap\w*|afhalen|weg|eruit)\b|\b(haal|haalt|halen|verwijder\w*|schrap\w*|uitschrijven)\b[^.!?\n]{0,40}\b(van|uit) (de|jullie|uw|je|jouw|deze|al uw|alle) (mailing-?lijst|mailinglist|verzendlijst|lijst|lijsten|e-?mail-?lijst|mailbestand|nieuwsbrief|prospectlijst|marketinglijst|campagne|sequence|adressenbestand|klantenbestand)\b|\b(haal|haalt|halen|verwijder\w*|schrap\w*)\b[^.!?\n]{0,40}\b(van|uit) (jullie|uw|je|jouw) (database|bestand|crm|systeem|adresbestand)\b/,
      label: 'van de lijst halen',
      weight: 2,
    },
    {
      re: /\b(niet|nooit) (meer|weer|langer|opnieuw)( \w+)? (mailen|e-?mailen|benaderen|contacteren|bellen|lastig ?vallen|lastiggevallen|benaderd|gemaild|ge-?e-?maild|gecontacteerd|gebeld|te (mailen|e-?mailen|benaderen|contacteren|bellen|sturen)|sturen|toesturen|toe te sturen)\b|\b(mail|e-?mail|mailt|e-?mailt|benader|benadert|bel|belt|contacteer|contacteert|stuur|stuurt|stuurt u|schrijf|schrijft) (u |je |jullie )?(me|mij|ons) (alstublieft |alsjeblieft |aub |a\.u\.b\. |svp |voortaan |vanaf nu |in de toekomst |dan ook |verder |graag )*(niet meer|nooit meer|niet langer|niet opnieuw|niets meer|niks meer)\b|\b(neem|neemt) (u |je |jullie )?(alstublieft |aub |voortaan )?(geen|niet meer|nooit meer) (\w+ )?contact (meer )?(met (mij|me|ons) )?op\b/,
      label: 'niet meer mailen',
      weight: 2,
    },
    {
      re: /\b(wil|wens|willen|wensen|hoef|hoeven|zou|zouden)\b[^.!?\n]{0,40}\bniet (meer|langer) (te )?(ontvangen|krijgen|gemaild|benaderd|gecontacteerd|gebeld) (te )?(worden)?\b|\bgeen (e-?mails?|mails?|mailtjes|berichten|nieuwsbrieven|nieuwsbrief|reclame|marketing(-?mails?)?|acquisitie\w*|verkoopmails|salesmails|commerciele (mails|berichten|e-?mails)|spam|aanbiedingen|informatie|info|telefoontjes|follow-?ups?|mailings?|contact) meer\b|\bgeen (verdere|verder) (e-?mails?|mails?|berichten|contact|mailings?|correspondentie|benadering|reclame|opvolging)\b|\b(wil|wens|willen|wensen)\b[^.!?\n]{0,30}\bgeen (e-?mails?|mails?|berichten|reclame|marketing\w*|nieuwsbrie\w*|commerciele \w+|aanbiedingen|spam|acquisitie\w*|verkoop\w*|sales\w*)( meer)?\b|\b(stuur|stuurt|zend|zendt)( u| je| jullie)? (me|mij|ons) (\w+ ){0,2}(geen|niets|niks) (meer|(e-?mails?|mails?|berichten|reclame|informatie|info)( meer)?)\b|\bontvang (\w+ ){0,3}(graag|liever) geen\b/,
      label: 'geen e-mails meer',
      weight: 2,
    },
    {
      re: /\bstop met (mailen|e-?mailen|sturen|spammen|benaderen|contacteren|bellen|mij|me|ons|deze|dit|die|uw|jullie|je|het|al|dat)\b|\bstop (hiermee|ermee|daarmee|nu|alsjeblieft|alstublieft|aub|a\.u\.b\.|svp|onmiddellijk|per direct|nou)\b|\b(stopt|stoppen) (u |jullie |je )?(\w+ )?(met|hiermee|ermee|daarmee) (het |uw |jullie |je |dat |dit )?(mailen|e-?mailen|sturen|spammen|benaderen|contacteren|bellen|toesturen|versturen|berichten|mails|e-?mails|gemail)\b|\bhoud?t? (nou |nu |toch |alsjeblieft |aub |a\.u\.b\. |eens |gewoon |alstublieft )*(op|ermee op|hiermee op|daarmee op)\b(?! (de|het|een|te|voor|aan|maandag|dinsdag|woensdag|donderdag|vrijdag|\d+)\b)|\bhoud?t? (er|hier|daar) (\w+ ){0,3}mee op\b|\blaat (me|mij|ons) (\w+ )?(met rust|in rust|in vrede)\b|\bhoud? (je|uw|jullie) (mails|e-?mails|berichten|spam|verkooppraatjes|reclame) voor (je|jezelf|u|uzelf|jullie)\b|\b(stel|stellen) (ik |wij |we )?(\w+ )?geen prijs op (\w+ ){0,3}(mails?|e-?mails?|berichten|contact|reclame|benadering)\b|\b(kap|kappen) (er|hier|daar)mee\b|\bkap nou\b|\b(rot|donder|flikker|sodemieter)( nou| toch| maar| alsjeblieft)? op\b|\b(oprotten|opdonderen|opflikkeren|opsodemieteren)\b/,
      label: 'stop hiermee',
      weight: 2,
    },
    {
      re: /\b(ik|wij|we) (maak|maken|teken|tekenen) (hierbij |hiermee |bij deze )?(formeel |uitdrukkelijk )?bezwaar\b|\bmaak (ik|wij|we) (hierbij |hiermee |bij deze )?(formeel |uitdrukkelijk )?bezwaar\b|\bbezwaar tegen (de |het )?(verwerking|gebruik|opslag|opslaan) van (mijn|onze)\b|\bbezwaar (op grond van|o\.?g\.?v\.?|volgens|conform|krachtens) (artikel|art\.?)\b|\b(artikel|art\.?) ?(17|21) (van de )?(avg|gdpr)\b|\b(avg|gdpr)\b[^.!?\n]{0,60}\b(verwijder\w*|bezwaar|wissen|gewist)\b|\b(verwijder\w*|bezwaar|wissen)\b[^.!?\n]{0,60}\bavg\b|\b(verwijder|wis|vernietig) (al |alle )?(mijn|onze) (\w+ )?(gegevens|data|persoonsgegevens|contactgegevens)\b|\b(verwijdert|wist|vernietigt|verwijderen|wissen) (u|jullie|je) (al |alle )?mijn (\w+ )?(gegevens|data|persoonsgegevens|contactgegevens)\b|\bverwijdering van (al |alle )?(mijn|onze) (\w+ )?(gegevens|persoonsgegevens|data|contactgegevens)\b|\bmijn recht op (vergetelheid|verwijdering|bezwaar|gegevenswissing)\b|\b(beroep|roep) (ik |mij |me )?(\w+ )?op (het|mijn) recht (op|van) (vergetelheid|verwijdering|bezwaar)\b|\btrek (ik )?(hierbij )?(mijn|alle) toestemming in\b/,
      label: 'bezwaar / verwijder mijn gegevens (AVG)',
      weight: 2,
    },
    {
      re: /\b(autoriteit persoonsgegevens|gegevensbeschermingsautoriteit|privacycommissie)\b|\b(ik|wij|we) (\w+ ){0,6}(melden|melding|klacht|aangeven|rapporteren|inschakelen|indienen)\b[^.!?\n]{0,40}\b(de ap|acm|gba|toezichthouder|reclame code commissie|consumentenbond)\b|\bjuridische stappen\b|\bgerechtelijke stappen\b|\baangifte (\w+ )?(tegen (u|jullie|je|uw bedrijf|northpeak)|bij de politie)\b|\bsommatie\b|\bingebrekestelling\b|\b(advocaat|advocaten|jurist)\b[^.!?\n]{0,60}\b(inschakelen|ingeschakeld|inlichten|ingelicht|overdragen|overgedragen|doorsturen|doorgestuurd|in handen|laten uitzoeken|informeren|geinformeerd)\b|\b(inschakelen|schakel|overdragen|draag|informeer)\b[^.!?\n]{0,60}\b(mijn|onze|een|de) (advocaat|jurist)\b|\bjuridische (afdeling|dienst)\b[^.!?\n]{0,40}\b(inschakelen|ingeschakeld)\b|\b(schakel|schakelen) (\w+ ){0,3}juridische (afdeling|dienst)\b/,
      label: 'juridische dreiging / AP',
      weight: 2,
    },
    {
      // Calling it spam escalates (threat) but asks for nothing (the brief); stopping it or reporting it as spam does.
      re: /\bgeen spam meer\b|\b(stop|stoppen|hou op|houd op|kap) (met )?(het |jullie |uw |je |dat |dit )?spam(men)?\b|\b(ik|wij|we|heb|hebben|zal|ga|gaan)\b[^.!?\n]{0,30}\bals spam (gemarkeerd|markeren|melden|gemeld|rapporteren|aangemerkt|aanmerken|aan te merken|te melden)\b/,
      label: 'spam stoppen / melden',
      weight: 2,
    },
    {
      re: /\b(reclame|e-?mails?|mails?|berichten|benadering)\b[^.!?\n]{0,20}\b(zijn |is )?(ongewenst|niet gewenst|niet welkom)\b/,
      label: 'mails niet gewenst',
      weight: 2,
    },
    {
      re: /\bbel-?me-?niet\b|\b(zet|plaats|zetten|plaatsen) (me|mij|ons|dit adres) (\w+ )?op (de|uw|jullie|een|je) (zwarte lijst|blacklist|bel-?me-?niet-?(lijst|register)|niet-?mailen-?lijst|do-?not-?contact-?lijst)\b/,
      label: 'zwarte lijst',
      weight: 2,
    },
    {
      re: /\bgelieve (\w+ ){0,4}(te verwijderen|uit te schrijven|af te melden|niet (meer |langer )?te (contacteren|mailen|e-?mailen|benaderen|bellen|sturen)|geen \w+( \w+)? meer te (sturen|versturen|zenden))\b|^\s*(graag |aub |a\.u\.b\. )?(verwijderen|afmelden|uitschrijven)( aub| a\.u\.b\.| graag| alstublieft| svp)?[.!]*\s*$/,
      label: 'gelieve te verwijderen',
      weight: 2,
    },
  ],
  optOutNotRequest: [
    { re: /\b(om|hier) (je|u|zich|jezelf|uzelf) (hier |direct |eenvoudig |meteen )?af te melden\b|\bmeld (je|u) (hier|direct|eenvoudig|via|onderaan|altijd) (\w+ )?af\b|\bafmeld-?link\b|\bklik (dan )?hier\b[^.!?\n]{0,40}\b(afmelden|uitschrijven|af te melden|uit te schrijven)\b|\b(u|je) (kunt|kan) (zich|je|u) (\w+ ){0,3}(afmelden|uitschrijven)\b/, label: 'afmeldinstructie' },
    { re: /\b(als|indien|wilt|wil) (u|je) (\w+ ){0,6}(niet (meer|langer)|geen \w+( \w+)? meer) (wilt |wenst )?(ontvangen|krijgen)\b/, label: 'afmeldinstructie' },
    // A departed employee's notice ("ik ontvang op dit adres geen e-mails meer") and writing out invoices are not opt-outs.
    { re: /\b(ontvang|lees|krijg|beantwoord|behandel)\b((?!graag|liever)[^.!?\n]){0,40}\bgeen (e-?mails?|mails?|berichten) meer\b|\b(factuur|facturen|vacature|vacatures|tender|aanbesteding|cheque|opdracht|verkiezingen) (\w+ ){0,2}uitschrijven\b/, label: 'geen verzoek' },
  ],
  notInterested: [
    { re: /\bgeen (interesse|behoefte)\b|\bniet (\w+ )?geinteresseerd\b|\bgeen (enkele |echte )?(interesse|behoefte)\b|\bniet interessant\b|\boninteressant\b/, label: 'geen interesse', weight: 2 },
    { re: /\bnee,? (dank|bedankt|dank je|dank u)\b|\bbedankt,? maar nee\b|\bdank (je|u),? maar nee\b|^\s*nee[.!]*\s*$|\bliever niet\b|\bik pas\b(?=\s*([.,!]|$| (hiervoor|ervoor|voor (deze|dit|de eer)|maar|helaas|deze keer|dit keer|bedankt)\b))|\b(wij|we) passen\b(?=\s*([.,!]|$| (hiervoor|ervoor|voor (deze|dit|de eer)|helaas|deze keer|dit keer|bedankt)\b))|\bwij slaan (deze|dit|het) over\b|\bwe slaan (deze|dit|het) over\b/, label: 'nee bedankt', weight: 2 },
    {
      re: /\bniet relevant\b|\bniet van toepassing\b|\b(niets|niks) voor (ons|mij)\b|\bhebben (we|wij) (dit |dat |het )?niet nodig\b|\b(dit|dat|het) past niet (bij|in|binnen)\b|\bpast niet (bij ons|in ons|binnen ons|voor ons)\b|\bsluit niet aan\b|\bniet aan de orde\b|\bzien (we|wij|er) (hier |daar |er )?geen (meerwaarde|toegevoegde waarde|heil|nut|toepassing)\b|\bgeen (meerwaarde|toegevoegde waarde) voor ons\b|\b(gaan|gaat) (we|wij) (hier |er )?niet op in\b|\blaten (het|dit) (hierbij|aan ons voorbijgaan)\b|\bniet (iets|wat) (voor ons|waar (wij|we) (mee bezig|naar op zoek)|dat (wij|we) (nodig hebben|zoeken))\b|\bniet naar op zoek\b|\b(wij|we) hebben (daar |hier )?geen (behoefte|interesse|nood) aan\b|\b(dat|dit) probleem hebben (wij|we) niet\b|\bgeen (verdere |nadere )?(informatie|info) nodig\b/,
      label: 'niets voor ons',
      weight: 2,
    },
  ],
  price: [
    {
      re: /\bte (duur|prijzig|kostbaar)\b|\bgeen (\w+ )?budget\b|\bbudget (is |zit )?(op|bevroren|beperkt|uitgeput|vergeven|verbruikt|gekort|geschrapt|niet toereikend)\b|\bgeen geld\b|\b(prijs|prijzen|kosten|tarief|tarieven|licentiekosten) (\w+ )?(is|zijn|ligt|liggen|lijkt|lijken|blijft|blijven)\b[^.!?\n]{0,40}\b(te|erg|vrij|best|behoorlijk|nogal|wel erg|veel te|aan de hoge kant|fors) (hoog|duur|fors|stevig|pittig|prijzig)\b|\b(prijs|prijzen|kosten|tarief|tarieven|licentiekosten) (\w+ )?(is|zijn|ligt|liggen|lijkt|lijken) (te |erg )?(hoog|fors|stevig|pittig|aan de hoge kant)\b|\bgeen ruimte (in|binnen) (het|ons|de|onze) (budget|begroting)\b|\b(buiten|boven) (ons|het|onze) (budget|begroting)\b|\bniet begroot\b|\bniet in (de|onze) begroting\b|\bbezuinig\w*\b|\bkostenbesparing\w*\b|\b(kunnen|kan) (we|wij|ik) (ons|me|mij)? ?niet (veroorloven|betalen|permitteren)\b|\bniet te betalen\b|\bte veel geld\b|\b(loont|rendeert) (\w+ )?niet\b|\bniet rendabel\b|\bniet de investering waard\b|\bprijs-?kwaliteit\w*\b[^.!?\n]{0,30}\b(niet|slecht)\b|\b(49|\$ ?49|49 ?\$|49 (dollar|usd|euro))\b[^.!?\n]{0,50}\b(te (veel|hoog|duur)|veel te|fors|pittig|niet te verantwoorden|nooit langs)\b|\bniet te verantwoorden\b|\bbudgetstop\b|\binvesteringsstop\b|\buitgavenstop\b/,
      label: 'te duur',
      weight: 2,
    },
    { re: /\bgoedkoper(e)? (alternatief|oplossing|aanbieder|tool|variant)\w*\b/, label: 'goedkoper alternatief', weight: 1 },
  ],
  timing: [
    {
      re: new RegExp(
        [
          '\\beven niet\\b|\\bmisschien later\\b|\\blater misschien\\b|\\bwellicht later\\b|\\bgeen tijd\\b|\\bnu even niet\\b',
          '\\bniet (het juiste|een goed|het goede|een geschikt|het geschikte) (moment|tijdstip)\\b|\\bgeen goed moment\\b|\\bslecht moment\\b|\\bongelegen moment\\b',
          '\\b(op dit moment|momenteel|op het moment|nu|voorlopig|vooralsnog) (even |helaas |echt |nog )?niet\\b(?=\\s*([.,!;)\\n-]|$| bedankt| dank| helaas| maar| relevant| aan de orde| mogelijk| haalbaar| prioriteit| opportuun))',
          '\\blater (dit jaar|nog eens|terug|contact|opnieuw|in het jaar)\\b|\\bkom (ik )?(er )?later (op )?terug\\b',
          `\\b(neem|neemt|benader|benadert|mail|mailt|bel|belt|probeer|probeert|contacteer)( u| je| jullie)?( me| mij| ons)? (gerust |graag |maar |dan |nog eens |opnieuw |nogmaals |eventueel )*(later|in|na|begin|eind|medio|over|rond|volgend|volgende|na de)\\b[^.!?\\n]{0,40}\\b(contact|opnieuw|nog eens|nogmaals|terug|jaar|kwartaal|q[1-4]|${MAAND.slice(1, -1)}|maanden|weken|zomer|jaarafsluiting|feestdagen)\\b`,
          '\\b(kom|komen) (ik |we |wij )?(er )?(graag |dan |zelf )?(later |in |na |begin |volgend )[^.!?\\n]{0,30}\\b(op terug|bij (u|je|jou|jullie) terug)\\b|\\b(ik|wij|we) (kom|komen|neem|nemen) (zelf |graag )?(wel )?(contact op|terug|op u terug|bij u terug)\\b[^.!?\\n]{0,30}\\b(als|wanneer|zodra)\\b',
          '\\b(na|tot na) (de|onze|het) (jaarafsluiting|jaareinde|feestdagen|kerst|zomer|zomervakantie|migratie|implementatie|overgang|reorganisatie|fusie|audit|controle|accountantscontrole|livegang|go-?live|jaarrekening)\\b',
          '\\b(midden in|druk met|bezig met) (een|de|onze) \\w*(reorganisatie|migratie|implementatie|overgang|overstap|jaarafsluiting|fusie|audit|controle|jaarrekening)\\b|\\b(drukke|hectische) (periode|tijd)\\b|\\bte druk\\b|\\b(onze )?handen vol\\b|\\bgeen (capaciteit|ruimte|bandbreedte)\\b',
          '\\bgeen prioriteit\\b|\\bstaat (\\w+ )?on hold\\b|\\bin de ijskast\\b|\\buitgesteld\\b|\\bop de lange baan\\b|\\bte vroeg\\b|\\bop zijn vroegst\\b|\\bniet voor (de zomer|het nieuwe jaar|volgend jaar|q[1-4]|' + MAAND.slice(1, -1) + ')\\b',
        ].join('|'),
      ),
      label: 'niet het juiste moment',
      weight: 2,
    },
    {
      re: new RegExp(
        // "in september" and "in q1" read the same in English, whose own rules weigh them: only the Dutch spellings after "in".
        `\\bin (januari|februari|maart|mei|juni|juli|augustus|oktober|het voorjaar|het najaar|de zomer|het nieuwe jaar)\\b|\\b(na|rond|zeg|begin|eind|eind van|medio|half|tot|vanaf) (${MAAND.slice(1, -1)}|q[1-4]|de jaarafsluiting|de zomer|het voorjaar|de herfst|het najaar|het nieuwe jaar|nieuwjaar|de feestdagen|de kerst)\\b|\\bvolgend (jaar|kwartaal|boekjaar|voorjaar|najaar)\\b|\\bin het nieuwe jaar\\b|\\bover (een paar|enkele|twee|drie|zes|\\d+) (maanden|weken)\\b|\\bover een half jaar\\b|\\bnog niet\\b`,
      ),
      label: 'later in het jaar',
      weight: 1,
    },
  ],
  competitor: [
    {
      re: new RegExp(
        `\\b(gebruiken|hebben|werken|draaien|zitten)( we| wij)? (al|reeds|sinds|momenteel|nu|inmiddels|sinds kort|tegenwoordig) ((?!aan\\b|geen\\b|zonder\\b|nog\\b)\\w+ ){0,3}(een|ons eigen|onze eigen|iets|een andere|andere)? ?(oplossing|tool|systeem|pakket|software|leverancier|partij|platform|programma|applicatie|iets voor|${PAKKET.slice(1, -1)})\\b|\\b(gebruiken|werken met|draaien op|zitten op|zitten bij|hebben (al|reeds)) (we |wij |al |reeds |sinds jaren |nu )*${PAKKET}\\b`,
      ),
      label: 'gebruiken al een pakket',
      weight: 2,
    },
    {
      re: /\b(al|reeds) (een|een andere) (oplossing|leverancier|tool|pakket|partij|systeem|platform)\b|\bandere (leverancier|oplossing|partij|aanbieder)\b|\bhuidige (leverancier|oplossing|partij|systeem|pakket|tool|aanbieder)\b|\b(gekozen|gegaan) voor (een andere|een concurrent|iemand anders|een alternatief|[a-z0-9-]+ (omdat|want))\b|\bgekozen voor\b(?! (u|jullie|northpeak)\b)|\b(overgestapt|overgegaan|gemigreerd) (op|naar)\b|\b(een|jullie|uw) concurrent (gekozen|gegaan|genomen)\b|\b(voor|bij) (een )?concurrent\b|\b(al|reeds) in (voorzien|gebruik)\b|\bin voorzien\b|\b(al|reeds) (geregeld|opgelost|afgedekt|geautomatiseerd|ingericht)\b|\btevreden (met|over) (onze|de|ons|het) (huidige |bestaande )?(oplossing|leverancier|pakket|systeem|tool|partij|werkwijze|proces)\b/,
      label: 'andere leverancier',
      weight: 2,
    },
    {
      re: /\bzelf\b[^.!?\n]{0,30}\b(gebouwd|ontwikkeld|gemaakt|geprogrammeerd|opgezet|ingericht|geautomatiseerd)\b|\bin-?house\b|\beigen (oplossing|tool|systeem|ontwikkeling|software|scripts|macro's|maatwerk)\b|\bintern (opgelost|ontwikkeld|gebouwd|geregeld)\b|\b(onze|de) accountant (doet|regelt|verzorgt)\b|\bvia (onze|de) accountant\b|\bcontract (loopt|lopen) nog\b|\blopend contract\b|\b(net|pas|onlangs) (verlengd|getekend|ondertekend)\b|\b(vast|gebonden) aan (een )?contract\b/,
      label: 'zelf gebouwd / contract',
      weight: 2,
    },
  ],
  referral: [
    {
      re: /\bniet de (juiste|aangewezen|goede|correcte|verantwoordelijke) (persoon|contactpersoon|persoon voor|man|vrouw)\b|\bverkeerde (persoon|contactpersoon|adres|afdeling)\b|\b(daar|hier) ga ik niet over\b|\bik ga (hier|daar) niet over\b|\bgaat (hier|daar) ?over\b|\bgaat (hierover|daarover)\b|\b(neem|neemt) (u |je )?(\w+ )?contact op met (?!(mij|me|ons)\b)(mijn|onze|de|het|hem|haar|[a-z]+ [a-z]+)\b|\bkunt u (het beste|beter|best) (contact opnemen met|terecht bij|mailen naar)\b|\b(het beste|beter|best) terecht bij\b|(?<!niet )\bdoorgestuurd\b|\bstuur (het|dit|uw (mail|bericht|e-?mail)|je (mail|bericht)) (\w+ ){0,3}door\b|\bdoorsturen naar\b|\bin de cc\b|\bin (de )?cc (gezet|gedaan|toegevoegd|geplaatst)\b|\bcc gezet\b|\b(is|zijn) verantwoordelijk\b|\bde (juiste|aangewezen) (persoon|contactpersoon) (is|hiervoor|daarvoor)\b|\bcontactpersoon (is|hiervoor|daarvoor|voor dit)\b|\bbeslist (hierover|daarover|over)\b|\b(hij|zij|ze) (gaat|beslist) (hier|daar)\b/,
      label: 'niet de juiste persoon',
      weight: 2,
    },
    { re: /\b(mijn|onze) (collega|manager|cfo|controller|leidinggevende|directeur|financieel directeur|hoofd financien|hoofd administratie|administratie|financiele afdeling|baas|teamleider)\b/, label: 'collega genoemd', weight: 1 },
  ],
  meeting: [
    { re: /\bwanneer (heb je|heeft u|hebben jullie|kun je|kunt u) (\w+ )?(tijd|ruimte|een moment|gelegenheid)\b|\bwanneer (schikt|past) het\b|\bwanneer komt het (u|je|jou|jullie) (goed |het beste )?uit\b|\bwat (schikt|past) (u|jou|je|jullie)\b|\bwelke (dagen|tijden|momenten|tijdstippen) (schikken|passen|komen)\b/, label: 'wanneer heb je tijd', weight: 3 },
    {
      re: new RegExp(
        `\\b${DAG}\\b${NIET_TERUG}[^.!?\\n]{0,30}\\b(${TIJD}|(schikt|past|komt (goed|prima|mij goed|me goed) uit|is goed|is prima|kan ik|kan wel|lukt|heb ik tijd|ben ik beschikbaar)${NIET_NEE}|'s ochtends|'s middags|in de ochtend|in de middag)|\\b(stuur|stuurt|schiet|zet)( u| je)? (me |mij |ons )?(maar |gerust |even |graag |dan )*(een )?(agenda-?uitnodiging|uitnodiging|teams-?uitnodiging|invite|agendaverzoek)\\b|\\bplan (maar |gerust |dan |even )*(een (afspraak|call|gesprek|meeting|demo|belafspraak)|iets) in\\b|\\b(zet|plan|prik|schiet) (\\w+ ){0,4}in (mijn|de|uw|je) agenda\\b|\\bagenda-?(uitnodiging|verzoek|link)\\b|\\b(stuur|geef)( me| mij)? (een paar|enkele|wat|twee|drie) (opties|tijdstippen|momenten|data|tijdsloten)\\b|\\b(dinsdag|woensdag|beide dagen) (schikt|past|is goed|kan|lukt)\\b${NIET_NEE}`,
      ),
      label: 'afspraak op een dag',
      weight: 3,
    },
    {
      re: /(?<!\bgeen )\b(afspraak|gesprek|call|belafspraak|demo|meeting|videocall|teams-?call|kennismaking|kennismakingsgesprek)\b[^.!?\n]{0,40}\b(inplannen|plannen|maken|ingepland|afspreken|organiseren)\b|\blaten we (even |eens |maar |gewoon |dan )?(bellen|afspreken|praten|sparren|een (afspraak|call|gesprek|belletje) (maken|plannen|inplannen))\b|\bgraag (een|even een) (afspraak|gesprek|demo|call|belletje|kennismaking|kennismakingsgesprek|meeting)\b|\b(sta|staan) (wel )?open voor (een )?(gesprek|demo|call|kennismaking|belletje|kennismakingsgesprek)\b|\b(ben|zijn) (wel )?in voor een (gesprek|demo|call|belletje|kennismaking)\b|\b(wil|willen|zou|zouden) (\w+ )?(graag )?(een demo|een afspraak|een gesprek|een call|kennismaken)\b|(?<!\bgeen )\binteresse in (een )?(demo|gesprek|kennismaking|kennismakingsgesprek|call|afspraak|presentatie)\b|\bkunnen (we|wij) (een keer |eens |even |binnenkort )?(bellen|afspreken|een call|een demo|een afspraak|een gesprek)\b|\bkennismakingsgesprek\b|\b(kort|even) (bellen|belletje|sparren)\b|\bbel (me|mij) (gerust|maar|even)\b/,
      label: 'afspraak maken',
      weight: 2,
    },
  ],
  question: [
    {
      re: /\b(ik wil|ik zou|wij willen|we willen|ik wou) (graag )?(eerst |nog )?(weten|horen)\b(?! meer)|\bgraag zou ik (willen )?weten\b|\bik vraag me af\b|\bik ben benieuwd (naar hoe|naar wat|naar welke|hoe|of|wat|welke|wanneer)\b|\b(kunt|kan) u (me |mij )?(aangeven|toelichten|uitleggen|vertellen|laten weten)\b[^.!?\n]{0,40}\b(hoe|of|wat|welke|wanneer|prijs|prijzen|kosten|koppeling|integratie|beveiliging)\b|\b(kun|kan) je (me |mij )?(vertellen|uitleggen|laten weten|aangeven)\b[^.!?\n]{0,40}\b(hoe|of|wat|welke|wanneer|prijs|prijzen|kosten|koppeling|integratie)\b/,
      label: 'ik wil graag weten',
      weight: 2,
    },
    {
      re: /\bik heb (nog )?(een|enkele|een paar|wat|twee|drie) (vraag|vragen|vraagjes)\b|\bmijn vraag is\b|\bvraagje:|\bkorte vraag\b|\b(graag ontvang ik|stuur (me|mij) (graag |even |gerust )?|kunt u (me |mij )?(\w+ )?(sturen|toesturen|opsturen))[^.!?\n]{0,20}\b(prijslijst|prijzen|prijsopgave|offerte|referenties|documentatie|verwerkersovereenkomst|soc ?2\w*|iso ?27001\w*|beveiligingsdocumentatie)\b|\bmeer (informatie|info|details) over (de |uw |jullie )?(prijs|prijzen|kosten|koppeling|koppelingen|integratie|beveiliging|hosting|pilot|implementatie|licentie)/,
      label: 'heeft vragen',
      weight: 2,
    },
  ],
  interest: [
    {
      re: /\bhoud? (me|mij|ons) (graag |gerust |maar )?(op de hoogte|geinformeerd)\b|\bprecies waar (we|wij|ik) (mee )?(worstelen|mee bezig zijn|naar zoeken|naar op zoek zijn)\b|\bklinkt (\w+ )?(interessant|goed|leuk|veelbelovend|spannend|nuttig|zinvol|als muziek)\b|\b(ben|zijn) (zeer |erg |wel |heel |zeker |best |absoluut )?geinteresseerd\b|\bmeer (informatie|info) (ontvangen|graag)\b|\bgraag meer (informatie|info|weten|horen)\b|\binteressant\b|\b(dit|dat|het) is (zeker |wel |erg |zeer |best |heel )?relevant voor (ons|mij)\b|\b(zeer|erg|heel|zeker) relevant\b|\b(stuur|stuurt)( u| je)? (me|mij|ons) (gerust |maar |graag |eens |even |dan )*(wat |meer |wat meer |verdere |nadere |uw |jullie |de )?(informatie|info|documentatie|materiaal|brochure|presentatie|deck|voorbeelden)\b|\b(stuur|stuurt)( u| je)? (me|mij|ons) (gerust |maar |graag |eens |even )*(een )?(brochure|presentatie|overzicht)\b|\bmeer (over|van) (jullie|uw|het) (\w+ )?(weten|horen|lezen)\b|\b(wil|wil graag|zou graag|ik hoor graag) meer (weten|horen)\b|\bik hoor graag meer\b|\b(pilot|proefperiode|proefversie|testperiode|proefaccount)\b[^.!?\n]{0,40}\b(proberen|uitproberen|testen|starten|graag|interessant)\b|\b(graag|wel) (\w+ ){0,3}(uitproberen|uittesten)\b|\bbenieuwd naar (meer|de mogelijkheden|jullie|uw|wat)\b|\bspreekt (me|mij|ons) (\w+ )?aan\b|\blijkt (me|mij|ons) (\w+ )?(interessant|nuttig|handig|wel wat|zinvol)\b|(?<!geen )(?<!niet veel )\b(zeker|wel|veel|grote) interesse\b|(?<!geen )\binteresse in\b|^\s*(ja,? graag|graag|ja|jazeker|zeker)[!.,]*\s*$/,
      label: 'klinkt interessant',
      weight: 2,
    },
  ],
  threat: [
    { re: /\b(advocaat|advocaten|jurist)\b[^.!?\n]{0,60}\b(inschakelen|ingeschakeld|inlichten|ingelicht|overdragen|overgedragen|doorsturen|doorgestuurd|in handen|laten uitzoeken|informeren|geinformeerd)\b|\b(inschakelen|schakel|overdragen|draag|informeer)\b[^.!?\n]{0,60}\b(mijn|onze|een|de) (advocaat|jurist)\b|\b(autoriteit persoonsgegevens|gegevensbeschermingsautoriteit|privacycommissie|juridische stappen|gerechtelijke stappen|sommatie|ingebrekestelling|rechtszaak|aangifte (\w+ )?(tegen (u|jullie|je|uw bedrijf|northpeak)|bij de politie))\b/, label: 'juridische dreiging' },
    { re: /\b(dit is|dit zijn|is dit|dat is|pure|puur|regelrechte|ongevraagde|ongewenste|gewoon|jullie|uw) spam\b|\bspammen\b|\bspammer\w*|\bgespamd\b|\bals spam (gemarkeerd|markeren|melden|gemeld|rapporteren)\b|\bongevraagde (e-?mails?|mails?|berichten|reclame|commerciele \w+|verkoop\w*|acquisitie\w*|marketing\w*|benadering)\b|\bongewenste (e-?mails?|mails?|berichten|reclame|commerciele \w+|benadering)\b|\bongevraagd (gemaild|benaderd|toegestuurd|gestuurd|contact)\b/, label: 'spamverwijt' },
    { re: /\b(ik|wij|we) (\w+ ){0,6}(melden|melding|klacht|aangeven|rapporteren)\b[^.!?\n]{0,40}\b(de ap|acm|gba|toezichthouder|reclame code commissie|consumentenbond|politie)\b|\binzageverzoek\b|\b(artikel|art\.?) ?15 (van de )?avg\b/, label: 'klacht bij toezichthouder' },
  ],
  anger: [
    {
      re: /\b(belachelijk|schandalig|schandelijk|irritant|kappen|godverdomme|klote|kut|waardeloos|brutaal|onbeschoft|walgelijk|opdringerig|hinderlijk|lastigvallen|lastig gevallen|idioot|idioten|debiel|tering|te gek voor woorden|ben het zat|zijn het zat|genoeg is genoeg|hoe vaak nog|zoveelste|voor de (tweede|derde|vierde|vijfde|zoveelste) keer|bespottelijk|onprofessioneel|ergerlijk|ergernis|stomme|zeurpiet)\b/,
      label: 'boosheid',
    },
  ],
  confused: [
    {
      re: /\bwie (bent u|ben jij|ben je|zijn jullie|is dit)\b|\bken ik (u|jou|je|jullie)\b|\bkennen (wij|we) elkaar\b|\bik ken (u|jou|jullie|je) niet\b|\bhoe (komt u|komen jullie|kom je|kom jij|bent u|zijn jullie|ben je) (\w+ ){0,2}(aan|bij|op) (mijn|dit|ons|onze|deze)\b|\bwaar (heeft u|hebben jullie|heb je|heb jij) (\w+ ){0,3}(mijn|dit|ons|onze|deze) (\w+ ){0,2}vandaan\b|\bwie heeft (u|jullie|je) (mijn|dit|ons)\b|\bwat wilt u (eigenlijk )?van mij\b/,
      label: 'wie bent u',
    },
    {
      re: /\b(ik|wij|we) (heb|hebben) (\w+ ){0,3}(nooit|geen|nergens) (\w+ ){0,2}(toestemming|akkoord) (\w+ )?(gegeven|verleend)\b|\bzonder (mijn|onze) (uitdrukkelijke |voorafgaande )?(toestemming|akkoord)\b|\b(heb|hebben) (me|mij|ons) (nooit|nergens) (\w+ )?(aangemeld|ingeschreven|geregistreerd)\b|\bnooit (aangemeld|ingeschreven|toestemming gegeven)\b/,
      label: 'nooit toestemming gegeven',
      weight: 2,
    },
  ],
  away: [
    {
      re: /\b(ben|is|zijn) (momenteel |op dit moment |vandaag |tijdelijk |tot en met \S+ |t\/m \S+ )?(afwezig|op vakantie|met vakantie|niet op kantoor|met verlof|niet bereikbaar|niet aanwezig|niet beschikbaar|ziek|vrij|op reis|op zakenreis|buiten kantoor|de deur uit)\b|\bafwezig\b|\bmet vakantie\b|\bop vakantie\b|\bmet verlof\b|\bop verlof\b|\b(zwangerschaps|ouderschaps|bevallings|vaderschaps|geboorte|studie|zieke|ziekte|zorg|sabbatical)verlof\b|\bniet op kantoor\b|\bbuiten kantoor\b|\bop (zakenreis|dienstreis|reis)\b|\b(kerst|zomer|winter|voorjaars|herfst)vakantie\b|\bwintersport\b|\bsnipperdag\b|\bvrije dag\b|\b(kantoor|bedrijf|administratie|praktijk) (is |zijn |blijft )?(\w+ ){0,5}gesloten\b|\bkerstsluiting\b|\bbouwvak\b|\bop (een )?(congres|beurs|seminar|training|cursus)\b|\bziek thuis\b|\bziekgemeld\b/,
      label: 'afwezig',
    },
  ],
  awayNotice: [
    {
      re: /\bbij (mijn |onze )?terugkomst\b|\bna (mijn |onze )?(terugkomst|terugkeer)\b|\bbeperkt (toegang|bereikbaar)\b|\bgeen toegang tot (mijn |de )?(e-?mail|mail|mailbox)\b|\b(voor|bij|in) (dringende|spoedeisende|urgente) (zaken|vragen|gevallen|kwesties)\b|\bin dringende gevallen\b|\b(bedankt|dank|hartelijk dank|dank je wel|dank u wel) voor (uw|je|jouw) (bericht|e-?mail|mail)\b|\b(tijdens|in) mijn afwezigheid\b|\b(wordt|worden) (\w+ )?niet (doorgestuurd|gelezen)\b|\bzo (snel|spoedig) mogelijk (\w+ ){0,3}(beantwoorden|reageren|contact|terug)\b|\bvervangt mij\b|\bneemt (mijn taken )?waar\b|\bwaarneming\b|\b(kunt|kan) u (\w+ ){0,3}contact opnemen met [^!?\n]{0,80}@|\bweer (aanwezig|bereikbaar|op kantoor|terug|beschikbaar|aan het werk)\b/,
      label: 'afwezigheidsmelding',
    },
  ],
  automatic: [
    { re: /\b(automatisch|automatische) (antwoord|bericht|reactie|e-?mail|melding|ontvangstbevestiging|gegenereerd\w*)\b|\bautomatisch (gegenereerd|verzonden|verstuurd|aangemaakt)\b|\bdit is een automatisch\w*\b/, label: 'automatisch antwoord' },
    { re: /\bniet (meer|langer) werkzaam\b|\bniet meer in dienst\b|\buit dienst (getreden|gegaan)\b|\b(heeft|hebben) (ons|het bedrijf|de organisatie|onze organisatie) verlaten\b/, label: 'niet meer werkzaam' },
    { re: /\b(deze )?(mailbox|postbus|inbox) wordt niet (meer )?(gelezen|gecontroleerd|bewaakt|beheerd|gemonitord|bijgehouden)\b/, label: 'mailbox niet bewaakt', weight: 2 },
    { re: /\b(dit )?(e-?mail)?adres (wordt|is) niet (meer )?(in gebruik|actief|gelezen)\b/, label: 'adres niet in gebruik' },
    { re: /\b(we|wij) hebben (uw|je|jouw) (e-?mail|bericht|vraag|verzoek|aanvraag|mail|melding) (\w+ ){0,3}ontvangen\b|\b(uw|je) (e-?mail|bericht|vraag|verzoek|aanvraag|melding|ticket|mail) is (\w+ ){0,3}(ontvangen|geregistreerd|aangemaakt|aangemeld)\b|\bontvangstbevestiging\b/, label: 'ontvangstbevestiging', weight: 2 },
    { re: /\b(ticket|melding|referentie|dossier|zaak)(nummer|nr\.?)?\s?#?:?\s?\d{3,}\b|\b(we|wij) (nemen|zullen|streven) (\w+ ){0,6}contact (met u )?op\b[^.!?\n]{0,40}\b(werkdag\w*|uur|spoedig|zo snel mogelijk)\b|\b(we|wij) reageren binnen\b|\bgelieve niet (te antwoorden|te reageren|op dit bericht te (antwoorden|reageren))\b|\breageer niet op (deze|dit)\b|\breageren op dit bericht is niet mogelijk\b/, label: 'ticket / niet antwoorden' },
    { re: /\bleesbevestiging\b|\b(is|werd) gelezen op\b|\bis verwijderd zonder (te zijn )?gelezen\b/, label: 'leesbevestiging', weight: 2 },
    { re: /\b(mijn|ons) (nieuwe )?(e-?mail)?adres (is gewijzigd|is veranderd|luidt)\b|\bnieuwe (e-?mail)?adres( is| luidt)?\b[^.!?\n]{0,40}@/, label: 'adres gewijzigd' },
  ],
  autoSubjects: [
    { re: /^(automatisch antwoord|automatisch bericht|automatische reactie|automatisch gegenereerd|ontvangstbevestiging|niet gelezen:|bezorgd:)/, away: false },
    { re: /^(afwezig|afwezigheid|afwezigheidsbericht|afwezigheidsmelding|op vakantie|met vakantie|niet op kantoor|buiten kantoor|vakantie|met verlof|verlof|kerstsluiting)/, away: true },
  ],
  returnCue: [
    'terug', 'weer aanwezig', 'weer op kantoor', 'ben ik weer', 'vanaf', 'weer terug', 'weer bereikbaar', 'weer beschikbaar', 'weer aan het werk', 'weer op het werk', 'ben ik terug',
    'terug op kantoor', 'terug vanaf', 'weer te bereiken', 'en op', 'en vanaf', 'weer', 'bereikbaar vanaf', 'aanwezig vanaf',
  ],
  untilCue: ['tot', 'tot en met', 't/m', 'tm', 'tot aan', 'tot op', 'tot uiterlijk', 'tot en met op'],
  fromCue: ['van', 'sinds', 'tussen'],
};
