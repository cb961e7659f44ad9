import type { Lexicon } from './types';

const TAG = '(montag|dienstag|mittwoch|donnerstag|freitag|morgen|ubermorgen|nachste woche|nachsten (montag|dienstag|mittwoch|donnerstag|freitag)|kommende woche|diese woche)';

export const de: Lexicon = {
  lang: 'de',
  optOut: [
    { re: /\babmelden\b|\babmeldung\b|\babbestellen\b|\babbestellung\b|\bausbestellen\b/, label: 'abmelden', weight: 2 },
    { re: /\baustragen\b|\bausgetragen\b|\btragen sie (mich|uns)\b.{0,60}\baus\b/, label: 'austragen', weight: 2 },
    { re: /\b(nehmen|streichen|entfernen|loschen|nimm|entferne|losche|streiche)( sie)? (mich|uns|meine (e-?mail-?adresse|adresse|daten|e-?mail|kontaktdaten)|meinen (kontakt|namen|eintrag))\b.{0,60}\b(aus|von|raus)\b/, label: 'aus dem Verteiler nehmen', weight: 2 },
    { re: /\b(entfernen|loschen|streichen)( sie)? (mich|uns|meine (daten|adresse|e-?mail-?adresse|kontaktdaten))\b|\b(mich|uns|meine (daten|adresse)) (zu )?(entfernen|loschen|streichen|austragen)\b/, label: 'entfernen Sie mich', weight: 2 },
    { re: /\baus (ihrem|dem|ihrer|der|diesem|dieser|allen|ihren|jeglichen) (verteiler|mailingliste|liste|newsletter|e-?mail-?verteiler|e-?mail-?liste|datenbank|kampagne|sequenz|adressliste|kontaktliste)\b/, label: 'aus dem Verteiler', weight: 2 },
    { re: /\bkeine (weiteren |e-?mails? |mails? )?(e-?mails?|mails|nachrichten|werbung|zusendungen|kontaktaufnahmen?|anfragen|werbemails|werbe-?e-?mails|akquise(-?mails)?|angebote)( mehr)?\b/, label: 'keine weiteren E-Mails', weight: 2 },
    { re: /\b(nicht|nie) (mehr |wieder )?(kontaktieren|anschreiben|anmailen|schreiben|belastigen|anrufen)\b|\b(kontaktieren|schreiben|mailen) sie mich (bitte )?nicht\b|\bsehen sie von (weiteren|jeglichen|kunftigen) (kontakt|e-?mail|nachricht|zusendung)/, label: 'nicht mehr kontaktieren', weight: 2 },
    { re: /\b(horen|hore|lassen) sie (bitte )?(auf|mich in ruhe)\b|\blass(en sie)? mich in ruhe\b|\bhoren sie auf\b.{0,40}\b(schreiben|mailen|senden|kontaktieren)\b|\bunterlassen sie\b/, label: 'hören Sie auf', weight: 2 },
    { re: /\bwiderspreche\b|\bwiderspruch\b|\bwidersprechen\b|\bwiderrufe\b|\bwiderruf\b/, label: 'Widerspruch', weight: 2 },
    { re: /\b(art\.?|artikel) ?(17|21)\b|\bloschung (meiner|der|aller|samtlicher)\b|\bloschen sie (meine|alle|samtliche)\b|\bdatenschutz(behorde|aufsicht)\b|\baufsichtsbehorde\b|\bdsgvo\b.{0,60}\b(widerspr|losch|werb)/, label: 'DSGVO-Widerspruch / Löschung', weight: 2 },
    { re: /\b(anwalt|abmahnung|rechtliche schritte|anzeige|unterlassungserklarung|unlauterer wettbewerb|uwg)\b/, label: 'rechtliche Drohung', weight: 2 },
    { re: /\b(das ist|ist das|reiner|purer|unverlangter|unerwunschter) spam\b|\bspam-?(mail|nachricht)s?\b/, label: 'Spam', weight: 2 },
    { re: /\bwerbung (ist )?(unerwunscht|nicht erwunscht)\b|\bunerwunschte (werbung|e-?mails?|mails?|nachrichten)\b|\bunverlangt\b/, label: 'unerwünschte Werbung', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bum sich abzumelden\b|\bzum abmelden\b|\babmelde-?link\b|\bhier abmelden\b/, label: 'Abmelde-Hinweis' },
  ],
  notInterested: [
    { re: /\bkein(e|en)? (interesse|bedarf)\b|\bnicht interessiert\b|\binteressiert (mich|uns) nicht\b|\bkein thema\b/, label: 'kein Interesse', weight: 2 },
    { re: /\bnein,? danke\b|\bdanke,? (aber )?nein\b|\bdanke,? kein\b/, label: 'nein danke', weight: 2 },
    { re: /\b(passt|ist) (nicht|leider nicht) (zu uns|fur uns|relevant)\b|\b(nicht|kaum) relevant\b|\bbrauchen (wir|das) nicht\b|\b(benotigen|brauchen) (wir )?(so etwas|sowas|das|keine|kein)\b.{0,20}\b(nicht)?\b|\bkeinen bedarf\b|\bkommt (fur uns )?nicht in frage\b|\bwir verzichten\b|\bverzichten (wir|dankend)\b|\bsehen (wir )?keinen (bedarf|mehrwert)\b/, label: 'passt nicht', weight: 2 },
  ],
  price: [
    { re: /\bzu teuer\b|\bkein budget\b|\bbudget (reicht nicht|fehlt|ist (erschopft|ausgeschopft|eingefroren|verbraucht|aufgebraucht|knapp))\b|\bkeine mittel\b|\b(preis|preise|kosten) (ist|sind|liegt|liegen) (zu |uns zu |deutlich zu )?(hoch|teuer)\b|\bnicht (im|in unserem) budget\b|\bbudgetstopp\b|\bausgabenstopp\b|\bnicht leisten\b|\b(uberschreitet|sprengt) (unser|das) budget\b|\bzu kostspielig\b|\bpreislich\b.{0,30}\b(nicht|zu)\b/, label: 'zu teuer', weight: 2 },
  ],
  timing: [
    { re: /\bdanach (gerne|gern|wieder|konnen wir)\b|\b(bis|nach|ab) (ende|anfang|mitte) (januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember|q[1-4]|des jahres|nachsten jahres)\b|\b(derzeit|aktuell|momentan|im moment|zurzeit|zur zeit|gerade|jetzt) (nicht|kein thema|keine prioritat|nicht relevant|nicht der richtige zeitpunkt|ungunstig|leider nicht)\b|\bspater (im jahr|nochmal|wieder|melden)\b|\bnachstes jahr\b|\bim nachsten (jahr|quartal|fruhjahr|sommer|herbst)\b|\bzu einem spateren zeitpunkt\b|\bnicht der richtige zeitpunkt\b|\bungunstiger zeitpunkt\b|\b(melden sie sich|kommen sie|kontaktieren sie (mich|uns)|schreiben sie (mir|uns)) (gerne |bitte |doch )?(im|in|nach|ab|wieder|nochmal|erneut|spater)\b|\b(in|ab|nach) (q[1-4]|dem (jahreswechsel|jahresabschluss|quartal)|januar|februar|marz|april|mai|juni|juli|august|september|oktober)\b|\bnach (dem|unserem) (jahresabschluss|projekt|umstieg|go-live|audit|ende)\b|\bmitten (in|im)\b|\b(keine|wenig) (kapazitat|kapazitaten|zeit)\b|\bvoll ausgelastet\b/, label: 'derzeit nicht', weight: 2 },
  ],
  competitor: [
    { re: /\b(nutzen|verwenden|haben|arbeiten mit|setzen)( bereits| schon| seit)\b|\b(wir )?arbeiten (bereits |schon |seit jahren )?mit (datev|sap|lexware|diamant|navision|dynamics|[a-z]+ (online|cloud))\b|\bbestehenden anbieter\b|\b(bereits|schon) (eine|ein|im einsatz|vorhanden|gelost|umgesetzt)\b|\bim einsatz\b|\banderen anbieter\b|\bfur (einen|ein) (anderen|anderes|alternative)\b|\b(haben|hatten) uns (fur|bereits fur) .{0,40} entschieden\b|\bselbst (entwickelt|gebaut|programmiert)\b|\beigene (losung|entwicklung|tool)\b|\binhouse\b|\bintern (gelost|entwickelt)\b/, label: 'nutzen bereits eine Lösung', weight: 2 },
  ],
  referral: [
    { re: /\bnicht (zustandig|der richtige|die richtige|der passende|die passende|der korrekte)( ansprechpartner(in)?| kontakt| person)?\b|\b(wenden sie sich|wende dich)( bitte| gerne| direkt| doch)* an\b|\b(meine[nm]?|unsere[nm]?) (kollegen|kollegin|kollege|chef|chefin|vorgesetzten|cfo|finanzleiter(in)?|leiter(in)?|buchhaltung|einkauf|controlling)\b|\bzustandig( fur [^!?\n]{0,60})? (ist|sind|ware)\b|\b(ist|sind|ware) [^!?\n]{0,60}zustandig\b|\b(habe|hab) (ihre (e-?mail|nachricht|anfrage)|das|es) (an|weiter)\b.{0,40}\b(weitergeleitet|weitergegeben)\b|\bweitergeleitet\b|\bin (kopie|cc) (gesetzt|genommen)\b|\bansprechpartner(in)? (ist|ware|fur)\b|\bkummert sich\b|\bverantwortlich (ist|fur)\b/, label: 'nicht zuständig / Kollege', weight: 2 },
  ],
  meeting: [
    { re: /\b(termin|telefonat|telefontermin|gesprach|videocall|call|meeting|demo|austausch|web-?meeting|teams-?call|zoom)( gerne)? (vereinbaren|ausmachen|machen|einplanen|vorschlagen|buchen|abstimmen|organisieren)\b|\bkurz (telefonieren|sprechen|austauschen)\b|\bkalendereinladung\b|\beinladung (schicken|senden)\b|\btermin(vorschlag|vorschlage)\b|\bpasst (mir|uns) (gut|gerne|prima)?\b|\bpasst (am|um)\b|\b(gerne|gern) (einen|ein|zu einem) (termin|telefonat|gesprach|call|demo|austausch|meeting)\b/, label: 'Termin vereinbaren', weight: 2 },
    { re: new RegExp(`\\b${TAG}\\b.{0,30}\\b(\\d{1,2}(:\\d{2})? ?uhr|passt|geht|ginge|ware|vormittag|nachmittag)\\b|\\b(um|ab) \\d{1,2}(:\\d{2})? ?uhr\\b`), label: 'Termin an einem Tag', weight: 2 },
  ],
  question: [
    { re: /\b(ich )?(wurde|mochte|mochten) (gerne |gern )?(wissen|erfahren)\b|\b(konnten|konnen) sie (mir|uns) (sagen|mitteilen|erklaren|schicken|senden)\b.{0,40}\b(preis|preise|kosten|referenz|sicherheit|integration|schnittstelle|wie|ob)\b|\bmehr (informationen|infos|details) (zu|uber) (den |die |der |ihre[nm]? )?(preis|kosten|integration|sicherheit|schnittstelle|pilot)/, label: 'möchte wissen', weight: 2 },
  ],
  interest: [
    { re: /\bschicken sie (mir |uns )?(gerne |gern |bitte |doch )?(ein paar |einige |weitere |mehr |ein paar weitere )?(unterlagen|informationen|infos|material|details)\b|\bhalten sie (mich|uns) (bitte )?(auf dem laufenden|informiert)\b|\b(ist|ware|klingt) (fur uns )?(durchaus |sehr |grundsatzlich )?(relevant|interessant|spannend)\b|\bklingt (spannend|interessant|gut|vielversprechend|super|toll|spannend)\b|\b(bin|sind|waren|ware) (sehr |durchaus |grundsatzlich |prinzipiell )?interessiert\b|(?<!kein )\binteresse (an|haben|hatten|ware)\b|\b(weitere|mehr) (informationen|infos|unterlagen)\b|\bmehr erfahren\b|\bdas (ist|ware|klingt) (interessant|relevant|spannend)\b|\bschicken sie (mir |uns )?(gerne |bitte )?(unterlagen|informationen|infos|material)\b/, label: 'klingt spannend', weight: 2 },
  ],
  threat: [
    { re: /\b(anwalt|abmahnung|rechtliche schritte|anzeige erstatten|unterlassungserklarung|datenschutzbehorde|aufsichtsbehorde|datenschutzaufsicht|landesdatenschutz\w*|datenschutzbeauftragte[nr]?|bundesnetzagentur|verbraucherzentrale|melde (sie|das|ihre)|uwg)\b/, label: 'rechtliche Drohung' },
  ],
  anger: [
    { re: /\b(ihr(em|en)?|mit ihrem) spam\b|\bbelastigen\b|\b(unverschamt|frechheit|belastigung|dreist|nervig|nervt|reicht jetzt|scheiss\w*|mist|spinnen sie|unserios)\b/, label: 'Ärger' },
  ],
  confused: [
    { re: /\bwoher (haben|hast) (sie|du) (meine|diese|unsere|die)\b|\bwer sind sie\b|\bkenne (sie|ich) nicht\b/, label: 'woher haben Sie meine Adresse' },
    { re: /\b(keine|ohne (meine )?) ?(einwilligung|zustimmung)\b|\bzu keinem zeitpunkt\b[^.!?\n]{0,60}\b(adresse|gegeben|eingewilligt|zugestimmt)\b|\bnie (zugestimmt|angemeldet|eingewilligt|eingetragen)\b/, label: 'nie eingewilligt', weight: 2 },
  ],
  away: [
    { re: /\b(nicht|nicht mehr) im (buro|hause|haus|office)\b|\babwesend\b|\bim urlaub\b|\bin (den|die) (urlaub|ferien)\b|\bauf (dienst|geschafts)reise\b|\bnicht erreichbar\b|\bausser haus\b|\bin elternzeit\b|\bin mutterschutz\b|\bkrankgeschrieben\b|\bbetriebsferien\b|\bbetriebsurlaub\b|\b(bin|ist|sind) (derzeit |zurzeit |aktuell |momentan |bis )?(nicht da|weg|unterwegs|verreist)\b/, label: 'abwesend' },
  ],
  awayNotice: [
    { re: /\b(keinen|kein|eingeschrankten|begrenzten) zugriff auf (meine |mein )?(e-?mails?|postfach)\b|\bin dringenden fallen\b|\b(wird|werden) nicht weitergeleitet\b|\bwieder (im buro|erreichbar|zuruck|da|im haus|fur sie da)\b|\bnach meiner ruckkehr\b|\bbei dringenden (anliegen|angelegenheiten|fragen)\b|\bvielen dank fur ihre (nachricht|e-?mail)\b|\bin meiner abwesenheit\b|\bwahrend meiner abwesenheit\b|\bvertretung\b|\bvertreten\b/, label: 'Abwesenheitsnotiz' },
  ],
  automatic: [
    { re: /\b(automatische|automatisch erstellte|automatisch generierte) (antwort|nachricht|e-?mail|benachrichtigung)\b|\bautomatisch (generiert|erstellt|versandt|versendet)\b|\bnicht (mehr )?(besetzt|uberwacht|gelesen)\b|\bnicht mehr (im unternehmen|bei uns|fur uns tatig|tatig)\b|\bhat (das unternehmen|uns) verlassen\b|\bihre (anfrage|nachricht|e-?mail) (ist|wurde) (eingegangen|erhalten)\b|\b(ticket|anfrage|vorgang)(nummer|-?nr\.?|-?id)?\s?#?\s?\d{3,}\b|\bwir melden uns\b.{0,40}\b(schnellstmoglich|in kurze|innerhalb)\b|\bbitte antworten sie nicht\b/, label: 'automatische Antwort' },
  ],
  autoSubjects: [
    { re: /^(automatische antwort|autom\. antwort|automatische benachrichtigung)/, away: false },
    { re: /^(abwesenheitsnotiz|abwesenheit|abwesend|urlaub|nicht im buro|out of office|ich bin abwesend|betriebsferien)/, away: true },
  ],
  returnCue: ['wieder', 'zuruck', 'zuruck am', 'ab dem', 'ab', 'wieder im buro', 'wieder erreichbar', 'wieder da', 'ruckkehr', 'zuruck im buro'],
  untilCue: ['bis', 'bis zum', 'bis einschliesslich', 'bis inkl', 'bis am'],
  fromCue: ['vom', 'von', 'seit', 'zwischen'],
};
