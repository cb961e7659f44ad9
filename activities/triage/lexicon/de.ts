import type { Lexicon } from './types';

// Folding turns ü, ö, ä into u, o, a; writers without umlauts type ue, oe, ae. Patterns accept both ("zurue?ck").
const TAG =
  '(montag|dienstag|mittwoch|donnerstag|freitag|(?<!guten )morgen|ue?bermorgen|nae?chste woche|nae?chsten (montag|dienstag|mittwoch|donnerstag|freitag)|kommende woche|kommenden (montag|dienstag|mittwoch|donnerstag|freitag)|diese woche|diesen (montag|dienstag|mittwoch|donnerstag|freitag))';
const UHR = '(\\d{1,2}([:.]\\d{2})? ?uhr\\b|\\d{1,2}:\\d{2}|\\d{1,2}[:.]\\d{2} ?h\\b)';
const MONAT = '(januar|jae?nner|februar|mae?rz|april|mai|juni|juli|august|september|oktober|november|dezember)';
// Not an absence notice's return: "ab Montag, 8 Uhr wieder erreichbar" proposes nothing.
const NOT_BACK = '(?![^.!?\\n]{0,40}\\b(wieder|erreichbar|zurue?ck|im bue?ro|abwesend|urlaub|nicht im)\\b)';
// Not followed by a refusal: "Dienstag passt" proposes, "Dienstag passt leider nicht" does not.
const NOT_NEG = '(?![^.!?\\n]{0,25}\\b(nicht|schlecht|kein|keine)\\b)';
// Products a German or Austrian finance team names when it already has a solution.
const PRODUKT =
  '(datev|sap|lexware|sevdesk|diamant|agicap|blackline|trintech|floqast|navision|business central|dynamics|netsuite|xero|quickbooks|candis|addison|abacus|bexio|bmd|rzl|exact|afas|twinfield|visma|unit4|infoniqa|proalpha|abas|sage 100)';

export const de: Lexicon = {
  lang: 'de',
  optOut: [
    { re: /\babmelden\b|\babmeldung\b|\babbestellen\b|\babbestellung\b|\bmelden (sie|du) (mich|uns) (\w+ ){0,3}ab\b|\bmeldet (mich|uns) (\w+ ){0,3}ab\b|\b(mich|uns) (\w+ )?abzumelden\b|\babgemeldet (zu )?werden\b/, label: 'abmelden', weight: 2 },
    { re: /\baustragen\b|\bausgetragen\b|\baustragung\b|\btrag(en|t|e)? (sie |du )?(mich|uns|meine (e-?mail-?)?adresse)\b.{0,60}\baus\b/, label: 'austragen', weight: 2 },
    {
      re: /\b(nehmen|streichen|entfernen|loe?schen|nimm|nehmt|entferne|entfernt|loe?sche|loe?scht|streiche|streicht|werfen|schmeissen)( sie| du)? (mich|uns|meine (e-?mail-?adresse|e-?mail|adresse|daten|kontaktdaten|personenbezogenen daten)|meinen (kontakt|namen|eintrag|datensatz)|diese (e-?mail-?)?adresse)\b.{0,60}\b(aus|von|raus|heraus)\b/,
      label: 'aus dem Verteiler nehmen',
      weight: 2,
    },
    {
      re: /\b(entfernen|loe?schen|streichen)( sie)? (bitte |umgehend |sofort |unverzue?glich |endlich |auch )*(mich|uns|meine (daten|adresse|e-?mail-?adresse|kontaktdaten|personenbezogenen daten|e-?mail))\b|\b(entferne|entfernt|loe?sche|loe?scht|streiche|streicht) (bitte )?(mich|uns|meine)\b|\b(mich|uns|meine (daten|adresse|e-?mail-?adresse|kontaktdaten|personenbezogenen daten)) (bitte |umgehend |sofort |endlich )*(zu )?(entfernen|loe?schen|streichen|austragen)\b/,
      label: 'entfernen Sie mich',
      weight: 2,
    },
    {
      re: /\baus (ihrem|ihrer|ihren|eurem|eurer|euren|deinem|deiner|diesem|dieser|allen|jeglichen|saemtlichen|samtlichen) (\w+ )?(verteiler|verteilerliste|e-?mail-?verteiler|mail-?verteiler|mailing-?liste|liste|listen|newsletter|e-?mail-?liste|datenbank|kampagne|sequenz|adressliste|kontaktliste|adressdatei|kartei|crm|system|marketing-?liste|empfae?ngerliste|adressbestand|kundendatei|vertriebsliste|akquiseliste)\b|\baus (dem|der|den) (e-?mail-?|mail-?|marketing-?|newsletter-?)?(verteiler|verteilerliste|mailing-?liste|e-?mail-?liste|kontaktliste|adressliste|empfae?ngerliste|newsletter-?verteiler)\b|\bvon (ihrer|eurer|deiner|dieser|der) (mailing-?|e-?mail-?|kontakt-?|verteiler)?liste\b/,
      label: 'aus dem Verteiler',
      weight: 2,
    },
    {
      re: /\bkeine (weiteren|weitere|zukue?nftigen|kue?nftigen|erneuten) (e-?mails?|mails?|nachrichten|zusendungen|kontaktaufnahmen?|kontaktversuche|anfragen|werbung|werbemails?|werbe-?e-?mails?|angebote|newsletter|anschreiben|mailings|sales-?mails?|akquise\w*|follow-?ups?|nachfass\w*|erinnerungen|anrufe)\b|\bkeine (e-?mails?|mails?|nachrichten|zusendungen|werbung|werbemails?|werbe-?e-?mails?|newsletter|mailings|angebote|anfragen|akquise\w*|kontaktaufnahmen?|kontaktversuche|post|spam-?mails?|follow-?ups?|infos|informationen|anrufe) mehr\b/,
      label: 'keine weiteren E-Mails',
      weight: 2,
    },
    {
      re: /\bbitte keine weiteren\b|\bnicht an (ihren |weiteren |diesen |solchen )?(e-?mails?|mails|werbe-?e?-?mails?|newslettern|zusendungen|werbung) interessiert\b|\bbitte keine (e-?mails?|mails?|nachrichten|werbung|werbemails?|werbe-?e-?mails?|anrufe|angebote|zusendungen|kontaktaufnahmen?|akquise\w*|newsletter|mailings)\b|\bkeine (e-?mails?|mails?|nachrichten|werbung|werbemails?|angebote|zusendungen|akquise\w*|kontaktaufnahmen?) (bitte|erwue?nscht|gewue?nscht)\b|\b(moe?chte|moe?chten|will|wollen|wue?nsche|wue?nschen)\b[^.!?\n]{0,30}\bkeine (weiteren |werbe-?)?(e-?mails?|mails?|nachrichten|werbung|post|zusendungen|angebote|newsletter|infos|informationen|mailings|anfragen|anrufe)( mehr)?( von (ihnen|euch|dir|ihrer firma|northpeak))?( mehr)? (zu )?(erhalten|bekommen|zugeschickt|zugesandt|zugestellt|empfangen)\b/,
      label: 'möchte keine E-Mails erhalten',
      weight: 2,
    },
    {
      re: /\bkein(e|en)? (weiteres |grosses )?interesse an (weiteren |ihren |euren |deinen |diesen |solchen |zukue?nftigen )?(e-?mails?|mails?|nachrichten|zusendungen|kontakt\w*|werbung|newsletter|mailings|werbe\w*|akquise\w*)\b/,
      label: 'kein Interesse an E-Mails',
      weight: 2,
    },
    {
      re: /\b(kontaktieren|schreiben|mailen|anschreiben|anrufen|belae?stigen|kontaktiert|schreibt|kontaktiere|schreib|maile|mailt|ruf|rufen) (sie |ihr |du )?(mich|uns|mir) (bitte |ab sofort |ab jetzt |kue?nftig |zukue?nftig |in zukunft |einfach |auch |hier )*(nicht|nie|keinesfalls)\b(?! (nur|zu|so|vor|bevor|erst|hier|an diese|unter diese|sondern|auf|mehr (als|so))\b)|\b(nicht|nie|keinesfalls) (mehr|wieder|erneut|weiter)( \w+)? (kontaktieren|anschreiben|anmailen|anrufen|belae?stigen|kontaktiert|angeschrieben|angemailt|angerufen|belae?stigt|zu kontaktieren|anzuschreiben|anzumailen|anzurufen|zu belae?stigen|mailen|e-?mailen|zu mailen)\b|\bbitte (mich |uns |mir )?nicht (mehr )?(kontaktieren|anschreiben|anrufen|anmailen|schreiben|mailen)\b/,
      label: 'nicht mehr kontaktieren',
      weight: 2,
    },
    {
      // also "ich wünsche nicht, weiter angeschrieben zu werden"
      re: /\b(moe?chte|moe?chten|will|wollen|wue?nsche|wue?nschen)\b[^.!?\n]{0,30}\b(nicht|nicht mehr|nie wieder|nie mehr|keinesfalls) (mehr |wieder )?(kontaktiert|angeschrieben|angemailt|angerufen|belae?stigt|beworben|angesprochen|kontaktiert zu) (zu )?werden\b|\b(nicht|keinesfalls|nie wieder|nie mehr),? (mehr |weiter |wieder |erneut |weiterhin )?(kontaktiert|angeschrieben|angemailt|angerufen|belae?stigt) (zu )?werden\b|\b(nichts|nie wieder (etwas|was)|nie mehr (etwas|was)) (mehr )?von (ihnen|euch|dir|ihrer firma|northpeak) (hoe?ren|lesen)\b|\b(schicken|senden|schreiben|mailen|schick|send|sende|schreib|schickt|sendet)( sie| ihr| du)? (mir|uns) (bitte |ab sofort |ab jetzt |kue?nftig |zukue?nftig |in zukunft |einfach )*(nichts|nicht) mehr\b|\b(schicken|senden|schick|sende|schickt|sendet)( sie| ihr| du)? (mir|uns) (bitte |ab sofort |kue?nftig |zukue?nftig |in zukunft )*keine\b/,
      label: 'möchte nicht mehr kontaktiert werden',
      weight: 2,
    },
    {
      re: /\bsehen sie (bitte )?(kue?nftig |zukue?nftig |in zukunft |ab sofort )?(von (weiteren|jeglichen|kue?nftigen|zukue?nftigen|erneuten|allen) (kontakt\w*|e-?mails?|mails?|nachrichten|zusendungen|anfragen|anschreiben|werbe\w*|akquise\w*|anrufen)|davon ab,? (mich|uns))|\bunterlassen sie\b|\bunterlasst\b|\bbitte unterlassen\b|\bunterlassen,? bitte\b|\b(zusendung\w*|kontaktaufnahme\w*|e-?mails?|mails|werbung|anschreiben)\b[^.!?\n]{0,25}\b(bitte )?(unterlassen|einstellen)\b|\bstellen sie (\w+ ){0,4}(zusendung\w*|e-?mails?|mails|kontaktaufnahme\w*|werbung|kampagne|nachrichten|anschreiben) (\w+ )?ein\b|\bunterlassungs(erklae?rung|aufforderung|klage|anspruch)\b/,
      label: 'unterlassen Sie',
      weight: 2,
    },
    {
      re: /\bhoe?ren sie (bitte |endlich |sofort |jetzt )*(auf|damit auf)\b(?! (mich|mein|unser|ihr)\b)|\bhoe?r(t)? (bitte |endlich |sofort |jetzt )*(auf|damit auf),? (mir|mich|uns|damit)\b|\bhoe?r(t)? (endlich |bitte )?auf damit\b|\b(bitte|endlich|sofort|damit) aufhoe?ren\b|\baufhoe?ren,? (mir|mich|uns) (\w+ )?(zu )?(schreiben|mailen|kontaktieren|belae?stigen)|\blass(en sie|t)? (mich|uns) (bitte |endlich |einfach |doch )*in ruhe\b|\bverschonen sie (mich|uns)\b|\bverschont (mich|uns)\b|\bverpiss\w*|\bhau(t)? ab\b/,
      label: 'hören Sie auf',
      weight: 2,
    },
    {
      re: /\bbitte stopp?\b|\bstopp,? bitte\b|^\s*stopp\b|\bstopp?en sie (bitte )?(die|diese|ihre|das|jegliche|alle|sofort)\b|\bstoppt (bitte )?(die|diese|eure|das)\b/,
      label: 'stoppen Sie',
      weight: 2,
    },
    { re: /^\s*(bitte )?(loe?schen|entfernen|austragen|streichen|abmelden)( bitte)?[.!]*\s*$|^\s*keine (werbung|werbemails?|e-?mails?|mails?)( bitte| mehr)?[.!]*\s*$|\bverbitte (ich )?mir\b|\buntersage\b/, label: 'löschen / verbitte mir', weight: 2 },
    {
      re: /\b(ich|wir) widersprech(e|en)\b|\bwidersprech(e|en) (ich|wir)\b|\bwiderspreche\b|\b(lege|legen) (ich |wir )?(hiermit |hierdurch |hiermit ausdrue?cklich |ausdrue?cklich )?widerspruch\b|\bwiderspruch (gem(\.|ae?ss)?|nach|laut|i\.?s\.?d\.?) (art|§)|\bwiderspruch gegen (die |jede |jegliche )?(verarbeitung|nutzung|verwendung|speicherung) (meiner|unserer)\b|^\s*widerspruch\b|\bwiderrufe\b|\b(ich|wir) widerrufen\b|\bwiderrufen (ich|wir)\b|\bwiderruf (meiner|unserer|jeglicher|der) (einwilligung|zustimmung)\b/,
      label: 'Widerspruch',
      weight: 2,
    },
    {
      re: /\b(art\.?|artikel) ?(17|21)\b|\b(dsgvo|ds-?gvo|gdpr)\b[^.!?\n]{0,60}\b(widersprech|widerspruch|werbe|werbung)|\b(widersprech\w*|widerspruch|werbe\w*|werbung)[^.!?\n]{0,60}\b(dsgvo|ds-?gvo)\b|\bloe?schung (aller |sae?mtlicher )?(meiner|unserer|der (mich|uns) betreffenden|meiner gespeicherten)\b|\bloe?schen sie (bitte |umgehend |sofort |unverzue?glich )*(meine|unsere|jegliche|alle (meine|unsere|daten|gespeicherten)|sae?mtliche (meine|unsere|daten|gespeicherten))\b|\b(um|auf) (die )?(sofortige |umgehende |unverzue?gliche )?(loe?schung|austragung|entfernung|abmeldung)\b|\bmein(em)? recht auf (loe?schung|widerspruch|vergessenwerden)\b|\bmache (ich )?(hiermit )?(mein|meine) (recht|rechte)\b/,
      label: 'DSGVO-Widerspruch / Löschung',
      weight: 2,
    },
    {
      re: /\b(datenschutzbehoe?rde|datenschutzaufsicht|landesdatenschutz\w*|landesbeauftragte\w* fue?r (den )?datenschutz|bfdi|wettbewerbszentrale)\b|\b(ich|wir)\b[^.!?\n]{0,60}\b(aufsichtsbehoe?rde|datenschutzbeauftragte\w*|bundesnetzagentur|verbraucherzentrale)\b|\b(aufsichtsbehoe?rde|datenschutzbeauftragte\w*|bundesnetzagentur|verbraucherzentrale)\b[^.!?\n]{0,60}\b(melden|einschalten|eingeschaltet|informieren|informiert|einreichen|vorlegen|anzeigen|weiterleiten|weitergeleitet)\b/,
      label: 'meldet an Datenschutzbehörde',
      weight: 2,
    },
    {
      re: /\brechtliche(n)? schritte(n)?\b|\bgerichtliche(n)? (schritte|massnahmen)\b|\babmahnung\b|\babmahnen\b|\bmahne (ich )?(sie|euch) ab\b|\bstrafbewehrt\w*|\bunlauterer wettbewerb\b|\buwg\b|\bunzumutbare belae?stigung\b|\bstrafanzeige\b|\banzeige (erstatten|erstattet|machen|bringen|gegen)\b|\bzur anzeige\b|\bzeige (ich )?(sie|euch) an\b|\banwaltlich\w*|\b(anwalt|anwae?ltin|rechtsanwalt\w*|anwaltskanzlei|juristen|justiziar\w*)\b[^.!?\n]{0,60}\b(einschalten|eingeschaltet|einschalte|weiterleiten|weitergeleitet|weitergeben|ue?bergeben|ue?bergebe|informieren|informiert|beauftragen|beauftragt|kue?mmern|melden)\b|\b(einschalten|einschalte|weiterleiten|leite|ue?bergebe|informiere|beauftrage|gebe)\b[^.!?\n]{0,60}\b(meinen|meinem|unseren|unserem|einen|den) (anwalt|rechtsanwalt|juristen|justiziar)\b|\brechtsabteilung\b[^.!?\n]{0,40}\b(einschalten|eingeschaltet|informieren|informiert)\b|\b(einschalten|informiere|schalte)\b[^.!?\n]{0,40}\brechtsabteilung\b/,
      label: 'rechtliche Drohung',
      weight: 2,
    },
    {
      // Calling it spam escalates (threat) but asks for nothing (the brief); stopping it or reporting it as spam does.
      re: /\b(keinen|kein) spam mehr\b|\bschluss mit (dem|ihrem|eurem|diesem) spam\b|\bhoe?r(en sie|t)? (\w+ )?auf,? (\w+ )?(zu )?spammen\b|\bspammen sie (mich|uns) (\w+ )?nicht\b|\b(ich|wir|habe|haben|werde|werden)\b[^.!?\n]{0,40}\bals spam (markiert|melden|gemeldet|markieren|kennzeichnen|gekennzeichnet|blockieren|blockiert|einstufen)\b|\bmelde (ich )?(sie|das|diese (e-?mail|mail|nachricht)|ihre (e-?mails?|mails?|domain|adresse))\b[^.!?\n]{0,30}\bals spam\b/,
      label: 'Spam stoppen / melden',
      weight: 2,
    },
    {
      re: /\b(werbung|werbe-?e-?mails?|werbemails?|e-?mails? dieser art|solche (e-?mails?|mails|nachrichten)|ihre (e-?mails?|mails|nachrichten)) (ist |sind )?(hier |bei uns |bei mir )?(unerwue?nscht|nicht erwue?nscht|nicht gewue?nscht|nicht willkommen)\b/,
      label: 'Werbung unerwünscht',
      weight: 2,
    },
    {
      re: /\b(auf|in) (ihre|die|eure|eine|ihre interne) (sperrliste|robinsonliste|robinson-?liste|blacklist|schwarze liste|do-?not-?contact-?liste|nicht-?kontaktieren-?liste)\b/,
      label: 'Sperrliste',
      weight: 2,
    },
  ],
  optOutNotRequest: [
    { re: /\bum sich (\w+ )?abzumelden\b|\bzum abmelden\b|\babmelde-?link\b|\bhier abmelden\b|\bsich (jederzeit |hier |einfach |mit einem klick )*(ab|aus)(melden|tragen)\b/, label: 'Abmelde-Hinweis' },
    { re: /\b(wenn|falls|sofern) sie (\w+ ){0,6}(nicht mehr|keine (weiteren )?\w+( mehr)?) (erhalten|bekommen|empfangen) (moe?chten|wollen|wue?nschen)\b/, label: 'Abmelde-Hinweis' },
    // A departed employee's notice: "ich lese unter dieser Adresse keine E-Mails mehr" says nothing about our mail.
    { re: /\b(lese|erhalte|bekomme|empfange|beantworte|bearbeite|rufe|checke)\b((?!gerne|gern|lieber)[^.!?\n]){0,40}\bkeine (e-?mails?|mails?|nachrichten)( mehr)?\b|\b(werden|wird) (\w+ ){0,3}keine (e-?mails?|mails?|nachrichten) (mehr )?(gelesen|bearbeitet|beantwortet|empfangen|weitergeleitet)\b/, label: 'liest keine E-Mails mehr' },
    // Privacy footers: "Sie haben ein Widerspruchsrecht nach Art. 21 DSGVO".
    { re: /\b(sie haben|steht ihnen|ihre rechte|betroffenenrechte|widerspruchsrecht|ihr recht)\b[^.!?\n]{0,80}\b(art\.?|artikel) ?\d+/, label: 'Datenschutzhinweis' },
  ],
  notInterested: [
    { re: /\bkein(e|en)? (grosses |wirkliches |echtes |weiteres )?(interesse|bedarf)\b|\bkeinerlei (interesse|bedarf)\b|\bnull interesse\b|\bnicht (\w+ )?interessiert\b|\binteressiert (mich|uns) (\w+ )?nicht\b|\b(fue?r uns|bei uns) (derzeit |aktuell )?kein thema\b|\bkein thema (fue?r uns|bei uns)\b|\buninteressant\b|\bnicht interessant\b/, label: 'kein Interesse', weight: 2 },
    { re: /\bnein,? danke\b|\bdanke,? (aber )?nein\b|\bdanke,? kein\b|^\s*nein[.!]*\s*$|\bleider nein\b|\blieber nicht\b|\bwir lehnen (\w+ )?ab\b|\blehnen (wir |ich )?(dankend )?ab\b|\b(muss|muessen|mue?ssen) (ihnen )?(leider )?(eine )?absage (erteilen|geben)\b|\bmuss (ihnen )?leider absagen\b/, label: 'nein danke', weight: 2 },
    {
      re: /\b(passt|ist|waere|ware) (\w+ )?(leider )?nicht (zu uns|fue?r uns|relevant|das richtige|unser thema|in unser)\b|\b(nicht|kaum) relevant\b|\birrelevant\b|\b(brauchen|benoe?tigen) (wir|ich) nicht\b|\b(brauchen|benoe?tigen) (wir |ich )?(so etwas|sowas|das|dies|diese loe?sung|ihre loe?sung|ihr (tool|produkt|angebot)) (\w+ )?nicht\b|\bkommt (fue?r uns )?nicht in (frage|betracht)\b|\bwir verzichten\b|\bverzichten (wir|dankend)\b|\bsehen (wir )?(hier |dafue?r |darin )?keinen (bedarf|mehrwert|nutzen|anwendungsfall)\b|\b(ist|sind|waere|ware) (\w+ )?nichts fue?r (uns|mich)\b|\bnichts fue?r uns\b|\b(nicht|nicht weiter) (weiter)?verfolgen\b|\bhaben uns dagegen entschieden\b|\bsehen (wir |ich )?davon ab\b|\bsehe (ich )?davon ab\b|\b(nicht|kein) (\w+ )?problem,? (das|welches) wir haben\b|\bhaben (dieses|das|so ein) problem nicht\b|\bnicht unser (thema|problem|fokus)\b/,
      label: 'passt nicht',
      weight: 2,
    },
    { re: /\b(sind|bin) (\w+ )?(gut|bestens|ausreichend) aufgestellt\b|\bkein handlungsbedarf\b|\bkeine (weiteren )?(informationen|infos|unterlagen) (noe?tig|notwendig|beno?e?tigt|erforderlich)\b/, label: 'gut aufgestellt', weight: 1 },
  ],
  price: [
    {
      re: /\bzu teuer\b|\bzu kostspielig\b|\bzu viel geld\b|\bkein(en)? (\w+ )?budget\b|\bbudget( fue?r [\w-]+)? (reicht nicht|fehlt|gibt es nicht|(ist|sind) (\w+ )?(erschoe?pft|ausgeschoe?pft|eingefroren|verbraucht|aufgebraucht|knapp|verplant|gekue?rzt|gestrichen|nicht vorhanden|nicht da|zu klein|begrenzt))\b|\bkeine (finanziellen )?mittel\b|\b(preis|preise|kosten|lizenzkosten|gebue?hren) (\w+ )?(ist|sind|liegt|liegen|waere|ware|waeren|waren|erscheinen|scheinen) (\w+ ){0,2}(zu |uns zu |deutlich zu |viel zu |etwas zu |schlicht zu )?(hoch|teuer|happig|heftig|saftig)\b|\b(preis|preise|kosten|lizenzkosten|gebue?hren) (\w+ )?(ist|sind|liegt|liegen|waere|ware|wae?ren|waren|erscheinen|scheinen)\b[^.!?\n]{0,40}\b(zu|viel zu|deutlich zu|etwas zu|ziemlich|recht|sehr) (hoch|teuer|happig|heftig|saftig)\b|\bnicht (im|in unserem|in unser) budget\b|\bnicht budgetiert\b|\bbudget(stopp|sperre|freeze|kue?rzung\w*)\b|\b(ausgaben|investitions|einstellungs)stopp\b|\bsparkurs\b|\bsparmassnahmen\b|\bnicht leisten\b|\b(ue?berschreitet|sprengt|uebersteigt|ubersteigt) (unser|das|den|unseren) (budget|rahmen)\b|\b(ue?ber|ausserhalb) (unserem|unseres|dem) budget\w*\b|\bpreislich\b.{0,30}\b(nicht|zu|uninteressant)\b|\b(rechnet|lohnt|amortisiert) sich (\w+ )?(fue?r uns )?(leider )?nicht\b|\bpreis-?leistung\w*\b[^.!?\n]{0,30}\b(nicht|stimmt nicht|passt nicht|schlecht)\b|\b(budget|geld|finanziell|preislich|kosten|dollar|euro|\$|€|lizenz)\b[^.!?\n]{0,60}\bnicht drin\b|\bnicht drin\b[^.!?\n]{0,30}\b(budget|geld|finanziell|preislich|kosten)\b|\b(49|\$ ?49|49 ?\$|49 (dollar|usd|euro))\b[^.!?\n]{0,50}\b(zu (viel|hoch|teuer)|viel zu|happig|heftig|nicht drin|nicht vermittelbar|nicht darstellbar|nicht zu rechtfertigen)\b|\bnicht (zu rechtfertigen|darstellbar|vermittelbar)\b/,
      label: 'zu teuer',
      weight: 2,
    },
    { re: /\b(gue?nstiger|billiger|preiswerter)e? (alternative|loe?sung|anbieter|tool|variante)\w*\b|\bkosten(senkung|druck|einsparung)\w*\b/, label: 'günstigere Alternative', weight: 1 },
  ],
  timing: [
    {
      re: new RegExp(
        [
          '\\bdanach (gerne|gern|wieder|koe?nnen wir)\\b',
          `\\b(derzeit|aktuell|momentan|im moment|zurzeit|zur zeit|gerade|jetzt|vorerst|fue?rs erste) (leider |einfach |noch )?(nicht|kein thema|keine prioritae?t|nicht relevant|nicht der richtige zeitpunkt|ungue?nstig|leider nicht)(?=\\s*([.,!;)\\n-]|$| danke| leider| aber| sinnvoll| relevant| passend| prioritae?r| realisierbar| moe?glich| umsetzbar| machbar| der richtige| im fokus| auf der agenda| geplant| vorgesehen| dran| in frage))`,
          '\\b(passt|ist|waere|ware) (es |das )?(gerade|derzeit|aktuell|momentan|im moment|jetzt) (leider )?(nicht|schlecht|ungue?nstig)\\b',
          '\\bjetzt nicht\\b|\\bnicht jetzt\\b|\\bspae?ter (im jahr|nochmal|noch einmal|wieder|melden|gerne|vielleicht|darauf zurue?ck)\\b|\\bvielleicht spae?ter\\b',
          '\\bzu einem spae?teren zeitpunkt\\b|\\b(nicht der richtige|kein guter|ein ungue?nstiger|ungue?nstiger) zeitpunkt\\b|\\bzeitpunkt (ist|passt) (\\w+ )?(nicht|schlecht|ungue?nstig)\\b',
          `\\b(melden sie sich|kommen sie|kontaktieren sie (mich|uns)|schreiben sie (mir|uns)|fragen sie|meld dich|melde dich) (gerne |gern |bitte |doch |einfach |dann )*(im|in|nach|ab|anfang|mitte|ende|wieder|nochmal|noch einmal|erneut|spae?ter|nae?chstes|naechstes)\\b`,
          '\\b(komme|kommen|melde|melden) (ich |wir )?(mich |uns )?(gerne |gern |dann |von selbst |unaufgefordert )*(im|in|nach|anfang|mitte|ende|spae?ter|wieder|nochmal|darauf zurue?ck|auf sie zurue?ck)\\b[^.!?\\n]{0,40}\\b(zurue?ck|melden|jahr|quartal|q[1-4]|' + MONAT.slice(1, -1) + '|wochen|monaten|abschluss|umstellung|projekt)\\b',
          '\\bnach (dem|unserem|der|unserer|den) (jahresabschluss|abschluss|umstieg|go-?live|audit|prue?fung|wirtschaftspruefung|wirtschaftsprue?fung|umstellung|migration|systemumstellung|erp-?umstellung|reorganisation|umstrukturierung|fusion|jahreswechsel|feiertagen|budgetplanung)\\b',
          '\\bmitten (in|im) (der|einer|einem|dem|unserer|unserem)? ?\\w*(umstellung|migration|einfue?hrung|abschluss|pruefung|prue?fung|projekt|reorganisation|umstrukturierung|integration|jahresabschluss|budgetplanung)\\b|\\bstecken (gerade |derzeit |aktuell )?mitten\\b',
          '\\b(keine|wenig|kaum) (freien )?(kapazitae?t|kapazitae?ten|ressourcen|zeit|luft|bandbreite)\\b|\\bvoll ausgelastet\\b|\\bland unter\\b|\\bzu viel um die ohren\\b|\\bhae?nde voll\\b',
          '\\bauf eis( gelegt)?\\b|\\bzurue?ckgestellt\\b|\\bwiedervorlage\\b|\\b(nicht|noch nicht) auf (der|unserer) agenda\\b|\\bkeine prioritae?t\\b|\\bfrue?hestens\\b|\\bnicht vor (dem |ende |anfang |mitte )?(q[1-4]|nae?chstem jahr|' + MONAT.slice(1, -1) + ')\\b',
          '\\bgerne (im|in|nach|anfang|mitte|ende) (\\w+ )?(jahr|quartal|q[1-4]|' + MONAT.slice(1, -1) + '|fruehjahr|frue?hjahr|sommer|herbst)\\b[^.!?\\n]{0,30}\\b(nochmal|noch einmal|wieder|erneut)\\b',
        ].join('|'),
      ),
      label: 'derzeit nicht',
      weight: 2,
    },
    {
      re: new RegExp(
        // German says "im September"; "in September" and "in Q1" are English too, and every language's rules run on every message.
        `\\b(bis|nach|ab|im|anfang|mitte|ende) (ende |anfang |mitte )?(${MONAT.slice(1, -1)}|q[1-4]|des jahres|nae?chsten jahres|des nae?chsten jahres|dem jahreswechsel|dem jahresabschluss|dem quartal|den feiertagen|weihnachten|neujahr|dem neuen jahr|neuen jahr|frue?hjahr|sommer|herbst|ein paar (monaten|wochen)|einigen (monaten|wochen)|\\w+ monaten|einem halben jahr|einem jahr)\\b|\\bin (ein paar|einigen|zwei|drei|sechs|\\d+) (monaten|wochen)\\b|\\bin einem halben jahr\\b|\\bnae?chstes jahr\\b|\\bim nae?chsten (jahr|quartal|frue?hjahr|sommer|herbst|halbjahr|geschae?ftsjahr)\\b|\\bim neuen jahr\\b|\\bnach jahreswechsel\\b|\\bnoch nicht\\b`,
      ),
      label: 'später im Jahr',
      weight: 1,
    },
  ],
  competitor: [
    {
      re: new RegExp(
        `\\b(nutzen|verwenden|benutzen|haben|arbeiten|setzen|sind|fahren)( wir)? (bereits|schon|seit (jahren|langem|\\d+ jahren)|inzwischen|mittlerweile|aktuell|derzeit|momentan|seit kurzem|erfolgreich) ((?!kein\\w*\\b|noch\\b)\\w+ ){0,3}(eine?n? |ein )?(andere[nsmr]? (loe?sung|anbieter|software|tool|system|dienstleister|partner|plattform|produkt)|loe?sung|tool|software|system|anbieter|programm|plattform|dienstleister|partner|produkt|ae?hnliche\\w*|vergleichbare\\w*|${PRODUKT.slice(1, -1)})\\b|\\b(wir )?(arbeiten|nutzen|verwenden|setzen) ((?!sie\\b|ihr\\b)\\w+ ){0,3}(mit|auf) ${PRODUKT}\\b|\\b(nutzen|verwenden|haben|setzen|arbeiten mit) (wir |bereits |schon |seit jahren |derzeit |aktuell |intern )*${PRODUKT}\\b`,
      ),
      label: 'nutzen bereits eine Lösung',
      weight: 2,
    },
    {
      re: /\b(bereits|schon|seit \w+|erfolgreich|aktuell) (\w+ ){0,2}im einsatz\b|\b(eine|ein|unsere|unser) (\w+ )?(loe?sung|tool|software|system) (ist |sind )?(bereits |schon )?im einsatz\b|\b(bestehenden|bisherigen|jetzigen|aktuellen|anderen) (anbieter|dienstleister|partner|loe?sung)\b|\bfue?r (einen|ein|eine) (anderen|anderes|andere|alternative\w*|mitbewerber|wettbewerber)\b|\b(haben|hatten) uns (bereits |schon |kue?rzlich |vor kurzem |letztes jahr )?fue?r (?!sie\b|ihre?n?\b|northpeak)[^.!?\n]{1,40} entschieden\b|\b(mit|fue?r|bei) (einem|einen) (ihrer |anderen )?(wettbewerber|mitbewerber|konkurrenten)\b|\b(bei|mit|fue?r) der konkurrenz\b|\bkonkurrenz(produkt|anbieter|loe?sung)\b/,
      label: 'anderer Anbieter',
      weight: 2,
    },
    {
      re: /\bselbst (entwickelt|gebaut|programmiert|geloe?st|geschrieben|aufgebaut)\b|\bselber (entwickelt|gebaut|programmiert|geloe?st|gemacht)\b|\beigenentwicklung\b|\beigene(n)? (loe?sung|entwicklung|tools?|software|skripte|makros|automatisierung)\b|\binhouse\b|\bin-house\b|\bintern (geloe?st|entwickelt|abgebildet|umgesetzt|automatisiert)\b|\b(erledigt|macht|ue?bernimmt|deckt) (das |dies |alles )?(bei uns )?(unser|das|der|die) (erp|system|steuerberater|steuerbue?ro|datev|sap|buchhaltungssoftware)\b|\b(ue?ber|mit) (unseren|den|unserem|dem) steuer(berater|bue?ro)\b|\b(unser|der|die) steuer(berater|beraterin|bue?ro) (erledigt|macht|ue?bernimmt|kue?mmert sich um)\b|\b\w*vertrag mit [^.!?\n]{1,40}\b(unterschrieben|unterzeichnet|abgeschlossen|verlae?ngert)\b|\b(sind|bin) (bereits|schon) (gut |bestens )?versorgt\b|\bvertraglich gebunden\b|\b(laufenden|bestehenden|langfristigen|mehrjae?hrigen) vertrag\b|\bvertrag lae?uft noch\b|\b(gerade|kue?rzlich|erst) (verlae?ngert|unterschrieben|unterzeichnet)\b|\b(sehr |durchaus )?zufrieden mit (unserer|unserem|der|dem) (jetzigen |aktuellen |bisherigen |bestehenden )?(loe?sung|anbieter|tool|software|system|prozess)\b/,
      label: 'eigene Lösung / Vertrag',
      weight: 2,
    },
  ],
  referral: [
    {
      re: /\bnicht (zustae?ndig|der richtige|die richtige|der passende|die passende|der korrekte|die korrekte|der zustae?ndige|die zustae?ndige)( ansprechpartner(in)?| kontakt| person| adressat(in)?)?\b|\bfalsche(r|n)? (ansprechpartner(in)?|adresse|person|abteilung)\b|\b(wenden sie sich|wende dich|wendet euch|richten sie (ihre (anfrage|e-?mail|nachricht) )?)( bitte| gerne| gern| direkt| doch| hierzu| damit| dafue?r| diesbezue?glich)* an\b(?! mich\b)|\bzustae?ndig( fue?r [^!?\n]{0,60})? (ist|sind|ware|waere|wae?re)\b|\b(ist|sind|ware|waere|wae?re) [^!?\n]{0,60}zustae?ndig\b|\b(habe|hab) (ihre (e-?mail|nachricht|anfrage|mail)|das|es|dies|sie) (\w+ ){0,6}(weitergeleitet|weitergegeben)\b|(?<!nicht )\bweitergeleitet\b|\bleite (ihre (e-?mail|nachricht|anfrage|mail)|das|es|dies|sie) (\w+ ){0,6}weiter\b|\bgebe (ihre (e-?mail|nachricht|anfrage|mail)|das|es|dies|sie) (\w+ ){0,6}weiter\b|\bin (kopie|cc) (gesetzt|genommen)\b|\b(setze|nehme) (\w+ ){0,4}in (kopie|cc)\b|\bansprechpartner(in)? (ist|ware|waere|wae?re|fue?r|hierfue?r|dafue?r)\b|\b(richtige|passende|zustae?ndige) ansprechpartner(in)?\b|\bkue?mmert sich (bei uns )?(darum|um (das|dieses|diese|solche) (thema|themen|anfragen))\b|\bkue?mmert sich bei uns\b|\bverantwortlich (ist|sind|waere|wae?re)\b|\bverantwortet (das|dies|den|die|bei uns)\b|\bentscheidet (das|dies|daru?e?ber)\b|\bdas entscheidet\b/,
      label: 'nicht zuständig / Kollege',
      weight: 2,
    },
    { re: /\b(kontaktieren|fragen|schreiben) sie (bitte |gerne |gern |direkt |doch )*((meine[nm]?|unsere[nm]?|den|die) (kollegen|kollegin|kollege|chef|chefin|vorgesetzten|cfo|finanzleiter(in)?|leiter(in)?|buchhaltung|einkauf|controlling|controller(in)?|geschae?ftsfue?hrer(in)?)|(herrn|frau) \w+)\b/, label: 'fragen Sie meine Kollegin', weight: 2 },
    { re: /\b(meine[nm]?|unsere[nm]?) (kollegen|kollegin|kollege|chef|chefin|vorgesetzten|vorgesetzte|cfo|finanzleiter(in)?|finanzchef(in)?|leiter(in)?|buchhaltung|einkauf|controlling|controller(in)?|geschae?ftsfue?hrer(in)?|geschae?ftsfue?hrung)\b/, label: 'Kollegin erwähnt', weight: 1 },
  ],
  meeting: [
    {
      re: /(?<!\bkeine[nms]? )(?<!\bkein )\b(termin|telefonat|telefontermin|gespra?e?ch|videocall|call|meeting|demo|austausch|web-?meeting|teams-?call|teams-?meeting|zoom|kennenlernen|vorstellungstermin)( gerne| gern| kurz| doch| mal)? (zu )?(vereinbaren|ausmachen|machen|einplanen|vorschlagen|buchen|abstimmen|organisieren|finden|ansetzen)\b|\bkurz (telefonieren|sprechen|austauschen)\b|\b(gerne|gern) (einen|ein|zu einem|eine) (kurzen |kurzes |ersten |erstes )?(termin|telefonat|gespra?e?ch|call|demo|austausch|meeting|kennenlernen)\b|\blassen sie uns (\w+ ){0,3}(telefonieren|sprechen|einen termin|ein (telefonat|gespra?e?ch|meeting)|austauschen|treffen)\b|\b(offen|bereit) fue?r (ein|einen|eine) (kurzes |kurzen |erstes |ersten )?(gespra?e?ch|telefonat|call|austausch|demo|meeting|kennenlernen)\b|\b(wue?rde|wue?rden|moe?chte|moe?chten) (\w+ )?(gerne |gern )?(eine demo|einen termin|ein gespra?e?ch|ein telefonat|einen call)\b|\bdemo (sehen|anschauen|ansehen|vereinbaren)\b|(?<!\bkein )(?<!\bkeinerlei )\binteresse an (einer|einem) (kurzen |kurzes |ersten |erstes )?(demo|termin|gespra?e?ch|telefonat|call|vorfue?hrung|produktvorfue?hrung|kennenlernen|austausch)\b|\bkoe?nnen wir (gerne |mal |kurz |gern )*(telefonieren|sprechen|einen termin|ein (telefonat|gespra?e?ch))\b|\brufen sie (mich )?(gerne |gern |doch |einfach )*(mal )?an\b|(?<!\bnicht )(?<!\bnie )\b(mich|uns) (gerne |gern |kurz |mal |einfach )*anrufen\b/,
      label: 'Termin vereinbaren',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${TAG}\\b${NOT_BACK}[^.!?\\n]{0,30}\\b(${UHR}|um \\d{1,2}\\b|(passt|passen|geht|ginge|waere|ware|wae?re|kann ich|koe?nnte ich|habe ich zeit|hae?tte ich zeit|bin ich (frei|verfue?gbar))${NOT_NEG}|vormittags?|nachmittags?)|\\bam \\d{1,2}\\.\\d{1,2}\\.?${NOT_BACK}[^.!?\\n]{0,20}\\b${UHR}`),
      label: 'Termin an einem Tag',
      weight: 3,
    },
    {
      re: /\b(kalendereinladung|termineinladung|outlook-?einladung|teams-?einladung|zoom-?einladung|terminanfrage|terminvorschlae?ge?|buchungslink|kalenderlink|terminlink)\b|\b(schicken|senden|schick|schicke|sende) (sie )?(mir |uns |ihnen )?(gerne |gern |bitte |einfach |doch )*(eine |einen )?(einladung|termin)\b|\beinladung (schicken|senden|zukommen)\b|\bwann (haben|hae?tten|hae?ttest|hast|passt es|wue?rde es|ginge es|koe?nnten) (sie|ihnen|du|dir)\b|\b(welche|wann) (termine|zeiten|tage|slots) (passen|haben sie|hae?tten sie|wae?ren|koe?nnen sie)\b|\bnennen sie (mir )?(ein paar|einige|zwei|drei|2|3) (termine|zeiten|optionen)\b|\bschlagen sie (mir |uns )?(gerne )?(einen|ein paar|zwei|drei|einige) (termin|zeit)\w*\b|\bihre verfue?gbarkeit\b|\bin meine(m|n)? kalender\b|\bpasst (mir|uns) (gut|gerne|prima|perfekt|bestens)\b/,
      label: 'Einladung / wann haben Sie Zeit',
      weight: 3,
    },
    { re: new RegExp(`\\b(dienstag|mittwoch|beide tage?|beides) (passt|geht|ist gut|wae?re gut|ware gut|wue?rde passen|ist mir recht)\\b${NOT_NEG}`), label: 'Dienstag passt', weight: 3 },
  ],
  question: [
    {
      re: /\b(ich )?(wue?rde|moe?chte|moe?chten|wue?sste|hae?tte) (gerne |gern |noch |vorab |zunae?chst )*(wissen|erfahren)\b|\bmich (wue?rde|interessiert) (\w+ ){0,2}(interessieren,? )?(ob|wie|was|welche\w*|wo|wann|wer|inwiefern|inwieweit|insbesondere|vor allem)\b|\b(koe?nnten|koe?nnen) sie (mir|uns) (\w+ )?(sagen|mitteilen|erklae?ren|erlae?utern|schicken|senden|nennen|beantworten)\b.{0,40}\b(preis|preise|kosten|referenz|sicherheit|integration|schnittstelle|wie|ob|welche|was)\b|\bmehr (informationen|infos|details) (zu|ue?ber) (den |die |der |dem |ihre[nm]? )?(preis|kosten|integration|sicherheit|schnittstelle|pilot|hosting|datenschutz|lizenz|vertrag|implementierung|einfue?hrung|testphase)/,
      label: 'möchte wissen',
      weight: 2,
    },
    {
      re: /\bbitte (teilen sie mir mit|sagen sie mir|erklae?ren sie (mir )?),? (ob|wie|was|welche\w*|wo|wann)\b|\b(ich )?(habe|hae?tte) (da )?(noch |vorab |zunae?chst )?(eine|ein paar|einige|zwei|drei|folgende|noch) (kurze |konkrete )?(frage|fragen|rue?ckfrage|rue?ckfragen)\b|\bkurze frage\b|\b(senden|schicken) sie (mir |uns )?(bitte |gerne )?(ihre |die |eine |den )?(preisliste|preisue?bersicht|preise|referenzen|sicherheitsunterlagen|dokumentation|technische dokumentation|zertifikate|soc[- ]?2\w*|iso[- ]?27001\w*|av-?vertrag|avv|auftragsverarbeitungsvertrag)\b/,
      label: 'hat Fragen',
      weight: 2,
    },
  ],
  interest: [
    {
      re: /\b(schicken|senden|schick|sende|lassen) sie (mir |uns )?(gerne |gern |bitte |doch |einfach )*(ein paar |einige |weitere |mehr |ein paar weitere |nae?here |ihre |die )?(unterlagen|informationen|infos|material|infomaterial|details|broschue?re|prae?sentation|produktinfos)\b|\b(unterlagen|informationen|infos|infomaterial) (\w+ )?zukommen\b|\bhalten sie (mich|uns) (bitte |gerne )?(auf dem laufenden|informiert)\b/,
      label: 'schicken Sie Unterlagen',
      weight: 2,
    },
    {
      re: /\b(ist|waere|ware|wae?re|klingt|scheint) (fue?r uns |fue?r mich )?(durchaus |sehr |grundsae?tzlich |tatsae?chlich |wirklich |absolut |ziemlich |ganz )?(relevant|interessant|spannend|vielversprechend)\b|\bklingt (\w+ )?(spannend|interessant|gut|vielversprechend|super|toll|sinnvoll|nach etwas)\b|\b(bin|sind|waren|ware|wae?re|wae?ren) (sehr |durchaus |grundsae?tzlich |prinzipiell |schon |tatsae?chlich )?interessiert\b|\b(grundsae?tzlich|durchaus|sehr|prinzipiell|generell) interessiert\b|\bgerne (\w+ )?(unterlagen|infos|informationen|infomaterial)\b|(?<!kein )(?<!keinerlei )(?<!null )(?<!wenig )\binteresse (an|haben|hae?tten|ware|waere|wae?re|ist (da|vorhanden)|besteht|vorhanden)\b|\b(grosses|durchaus|grundsae?tzlich(es)?|prinzipiell(es)?|echtes|starkes) interesse\b|\b(weitere|mehr) (informationen|infos|unterlagen|details)\b|\bmehr (dazu )?(erfahren|hoe?ren|wissen)\b|\bdas (ist|waere|ware|klingt) (ja )?(interessant|relevant|spannend)\b|\b(das|es|dies) (wue?rde|koe?nnte) (mich|uns) (\w+ )?interessieren\b|\bgenau (unser|das) (thema|problem)\b|\bgenau (das|so etwas|sowas),? was wir (suchen|brauchen)\b|\btrifft (\w+ )?(einen|unseren) nerv\b|\bbin neugierig\b|\b(pilot|pilotphase|testphase|testzugang|testversion|probephase)\b[^.!?\n]{0,40}\b(testen|ausprobieren|starten|nutzen|klingt|interessant|gerne)\b|\b(gerne|gern) (\w+ ){0,3}(testen|ausprobieren)\b|\binteressant\b(?<!\bnicht interessant)|^\s*(ja|ja gerne|ja bitte|gerne|gern)[!.,]*\s*$|^\s*ja,? (gerne|gern|bitte|klingt|das|sehr|durchaus)\b/,
      label: 'klingt spannend',
      weight: 2,
    },
  ],
  threat: [
    {
      re: /\b(anwaltlich\w*|abmahnung|abmahnen|rechtliche(n)? schritte(n)?|gerichtliche(n)? schritte|strafanzeige|anzeige erstatten|unterlassungs\w+|datenschutzbehoe?rde|datenschutzaufsicht|landesdatenschutz\w*|bfdi|bundesnetzagentur|verbraucherzentrale|wettbewerbszentrale|melde (sie|das|ihre)|uwg|unlauterer wettbewerb|unzumutbare belae?stigung)\b|\b(anwalt|anwae?ltin|rechtsanwalt\w*|anwaltskanzlei|justiziar\w*)\b[^.!?\n]{0,60}\b(einschalten|eingeschaltet|weiterleiten|weitergeleitet|ue?bergeben|informieren|informiert|beauftragen|beauftragt|kue?mmern|melden)\b|\b(einschalten|einschalte|weiterleiten|leite|ue?bergebe|informiere|beauftrage|gebe)\b[^.!?\n]{0,60}\b(meinen|meinem|unseren|unserem|einen|den) (anwalt|rechtsanwalt|juristen|justiziar)\b|\b(ich|wir)\b[^.!?\n]{0,60}\baufsichtsbehoe?rde\b/,
      label: 'rechtliche Drohung',
    },
    { re: /\b(das ist|ist das|es ist|das hier ist|dies ist|reiner|purer|unverlangter|unerwue?nschter|nichts als|einfach nur|ihr(em|en)?|euer|eurem) spam\b|\bspammer\w*|\bspammen\b|\b(zu|voll)gespammt\b|\bals spam (markiert|melden|gemeldet|markieren)\b|\bunerwue?nschte (werbung|e-?mails?|mails?|nachrichten|zusendung\w*|kontaktaufnahme\w*|werbe\w*|post)\b|\bunverlangt\w*|\bunaufgefordert\w* (zugesandt\w*|zugeschickt\w*|werbung|e-?mails?|mails?|zusendung\w*|werbe\w*)\b|\b(werbe-?e-?mails?|werbemails?|werbung|werbe-?nachrichten)\b[^.!?\n]{0,30}\b(unaufgefordert|ungefragt)\b/, label: 'Spam-Vorwurf' },
    { re: /\b(ich|wir)\b[^.!?\n]{0,60}\bdatenschutzbeauftragte\w*\b|\bauskunft (nach|gem(\.|ae?ss)?) (art\.?|artikel) ?15\b|\b(art\.?|artikel) ?15 (dsgvo|ds-?gvo)\b/, label: 'Datenschutz-Auskunft' },
  ],
  anger: [
    {
      re: /\b(ihr(em|en)?|mit ihrem|euer|eurem) spam\b|\bbelae?stig\w*|\b(unverschae?mt\w*|frechheit|dreist\w*|nervig|nervt|nerven sie|reicht jetzt|es reicht|scheiss\w*|scheisse|verdammt\w*|spinnen sie|spinnt ihr|unserioe?s|unprofessionell|zumutung|lae?cherlich|penetrant|aufdringlich|schwachsinn|bloe?dsinn|idiot\w*|verarsch\w*|gehts noch|geht's noch|so ein mist|mistkerl\w*|sauerei|wie oft noch|zum (zweiten|dritten|vierten|fue?nften|x-?ten|wiederholten|\d+\.) mal)\b/,
      label: 'Ärger',
    },
  ],
  confused: [
    {
      re: /\bwoher (haben|hast|habt) (sie|du|ihr) (\w+ ){0,2}(meine|diese|unsere|die|meinen|den)\b|\bwie (sind|seid|bist) (sie|ihr|du) (\w+ ){0,2}(an|auf) (meine|unsere|diese|mich|uns)\b|\bwie kommen sie (\w+ )?(an|auf) (meine|unsere|diese|mich|uns)\b|\bwer hat ihnen (meine|unsere|diese)\b|\bwoher stammen (meine|die|diese|unsere)\b|\bquelle (meiner|der|unserer) daten\b|\bwer sind sie\b|\bwer seid ihr\b|\bkennen wir uns\b|\bkenne (sie|ich) nicht\b|\bwas wollen sie (eigentlich )?von mir\b/,
      label: 'woher haben Sie meine Adresse',
    },
    {
      re: /\bohne (meine|unsere) (ausdrue?ckliche |vorherige )?(einwilligung|zustimmung|erlaubnis)\b|\b(keine|nie eine|niemals eine|zu keinem zeitpunkt eine) (einwilligung|erlaubnis)\b|\b(habe|haben) (ihnen |euch )?(nie|niemals|keine) (eine )?(einwilligung|zustimmung|erlaubnis) (gegeben|erteilt)\b|\bzu keinem zeitpunkt\b[^.!?\n]{0,60}\b(adresse|gegeben|eingewilligt|zugestimmt)\b|\bnie (zugestimmt|angemeldet|eingewilligt|eingetragen|registriert)\b|\b(habe|hab) mich (nie|niemals|nirgends) (\w+ )?(angemeldet|eingetragen|registriert)\b/,
      label: 'nie eingewilligt',
      weight: 2,
    },
  ],
  away: [
    {
      re: /\b(nicht|nicht mehr) im (bue?ro|hause|haus|office|dienst)\b|\babwesend\b|\bim (\w+)?urlaub\b|\bin (den|die) (\w+)?(urlaub|ferien)\b|\bin den ferien\b|\bferienabwesend\b|\bauf (dienst|geschae?fts)reise\b|\bauf reisen\b|\bnicht erreichbar\b|\bausser haus\b|\bin (elternzeit|elternteilzeit|karenz|mutterschutz|elternurlaub)\b|\bim (mutterschutz|krankenstand|sabbatical|zeitausgleich|bildungsurlaub|sonderurlaub)\b|\bkrankgeschrieben\b|\berkrankt\b|\bbetriebsferien\b|\bbetriebsurlaub\b|\bbetriebsruhe\b|\b(weihnachts|jahres|sommer|winter)(urlaub|ferien|pause)\b|\b(bue?ro|unternehmen|firma|geschae?ftsstelle|verwaltung|praxis|kanzlei|betrieb) (ist|bleibt|sind|bleiben) (\S+ ){0,8}geschlossen\b|\b(bin|ist|sind) (derzeit |zurzeit |aktuell |momentan |heute |bis \S+ )?(nicht da|weg|unterwegs|verreist|krank|abwesend|freigestellt)\b|\bauf (einer|der) (messe|konferenz|tagung|schulung|fortbildung|weiterbildung|dienstreise)\b|\b(bin|ist) (\w+ ){0,4}auf (montage|seminar|geschae?ftsreise|dienstreise)\b|\b(militae?r|zivil)dienst\b|\bzwischen den jahren\b/,
      label: 'abwesend',
    },
  ],
  awayNotice: [
    {
      re: /\b(keinen|kein|eingeschrae?nkten|begrenzten|nur eingeschrae?nkten|nur sporadisch|unregelmae?ssig(en)?) (zugriff|zugang) (auf|zu) (meine |mein |meinen |die )?(e-?mails?|postfach|mails)\b|\b(e-?mails?|mails|nachrichten) (werden |wird )?(nur )?(sporadisch|unregelmae?ssig|eingeschrae?nkt|nicht) (gelesen|abgerufen|beantwortet|bearbeitet)\b|\bin dringenden fae?llen\b|\bin (eiligen|wichtigen) fae?llen\b|\b(wird|werden) nicht weitergeleitet\b|\bwieder (im bue?ro|erreichbar|zurue?ck|da|im haus|im hause|fue?r sie da|fue?r sie erreichbar|verfue?gbar|am arbeitsplatz)\b|\bwieder (am|ab) [^!?\n]{0,30}\b(im bue?ro|erreichbar|zurue?ck|im hause?|am arbeitsplatz|fue?r sie da)\b|\berst (wieder )?(ab|am) \d|\bnach meiner rue?ckkehr\b|\bnach (der|unserer) rue?ckkehr\b|\bbei dringenden (anliegen|angelegenheiten|fragen|themen)\b|\bvielen dank fue?r ihre (nachricht|e-?mail|mail)\b|\b(danke|herzlichen dank) fue?r ihre (nachricht|e-?mail|mail)\b|\bin meiner abwesenheit\b|\bwae?hrend meiner abwesenheit\b|\bvertretung\b|\bvertreten\b|\bvertritt mich\b|\bwende(n)? sie sich (\w+ ){0,3}an [^!?\n]{0,80}@|\b(werde|melde) (ich )?(mich )?(\w+ ){0,4}(nach meiner rue?ckkehr|so bald wie moe?glich|schnellstmoe?glich|baldmoe?glichst|umgehend nach)\b|\b(ihre e-?mail|ihre nachricht) wird (\w+ )?(nicht gelesen|geloe?scht|automatisch)\b/,
      label: 'Abwesenheitsnotiz',
    },
  ],
  automatic: [
    { re: /\b(automatische|automatisch erstellte|automatisch generierte|automatisch versandte|automatisierte) (antwort|nachricht|e-?mail|benachrichtigung|eingangsbestae?tigung|bestae?tigung|mitteilung)\b|\bautomatisch (generiert|erstellt|versandt|versendet|verschickt|erzeugt)\b/, label: 'automatische Antwort' },
    { re: /\b(e-?mail-?adresse|adresse|e-?mail-?konto) (wird|ist) (\w+ )?(nicht|nicht mehr) (aktiv|in (gebrauch|benutzung|betrieb)|genutzt)\b/, label: 'Adresse nicht mehr aktiv' },
    { re: /\b(postfach|e-?mail-?postfach|mailbox) (wird|ist) (\w+ )?(nicht|nicht mehr) (besetzt|ue?berwacht|gelesen|betreut|aktiv|in (gebrauch|benutzung|betrieb)|abgerufen|genutzt)\b|\bnicht (mehr )?(ue?berwachte|betreute|besetzte)s? (postfach|adresse)\b/, label: 'Postfach nicht überwacht', weight: 2 },
    { re: /\bnicht mehr (im unternehmen|bei uns|fue?r uns tae?tig|fue?r \w+ tae?tig|tae?tig|beschae?ftigt|angestellt|in unserem (unternehmen|haus|hause))\b|\bhat (das unternehmen|uns|unser unternehmen|die firma) verlassen\b|\b(ist|sind) (\w+ )?(aus dem unternehmen )?ausgeschieden\b/, label: 'nicht mehr im Unternehmen' },
    { re: /\bihre (anfrage|nachricht|e-?mail|mail|meldung|supportanfrage) (ist|wurde) (\w+ ){0,3}(eingegangen|erhalten|registriert|erfasst|angelegt|aufgenommen)\b|\bwir haben ihre (anfrage|nachricht|e-?mail|mail) (\w+ )?erhalten\b|\beingangsbestae?tigung\b|\bempfangsbestae?tigung\b/, label: 'Eingangsbestätigung', weight: 2 },
    { re: /\b(ticket|anfrage|vorgang|vorgangs|referenz)(nummer|-?nr\.?|-?id)?\s?#?:?\s?\d{3,}\b|\bwir melden uns\b.{0,40}\b(schnellstmoe?glich|in kue?rze|innerhalb|zeitnah|baldmoe?glichst|so schnell wie moe?glich)\b|\bbitte antworten sie nicht\b|\bantworten sie (bitte )?nicht auf diese\b|\bantworten (an|auf) diese (adresse|e-?mail|nachricht) (werden|wird) nicht\b/, label: 'Ticket / nicht antworten' },
    { re: /\blesebestae?tigung\b|\bwurde am\b[^\n]{0,120}\bgelesen\b|\bwurde (\w+ ){0,3}gelesen am\b|\bwurde ohne (vorheriges )?lesen geloe?scht\b/, label: 'Lesebestätigung', weight: 2 },
    { re: /\b(bestae?tigen|verifizieren) sie (bitte )?(ihre (e-?mail|absender|adresse|identitae?t)|dass sie (ein mensch|kein (roboter|bot|spammer)))\b|\babsenderverifizierung\b|\bmoderator\w*\b|\bfreigabe (durch|des) (den |die )?(moderator|administrator)\b/, label: 'Verifizierung / Moderation', weight: 2 },
    { re: /\b(meine|unsere) (\w+ )?(e-?mail-?)?adresse (hat sich )?(ge(ae|a)ndert|lautet (jetzt|nun|ab sofort))\b|\bneue (e-?mail-?)?adresse( lautet)?\b[^.!?\n]{0,40}@/, label: 'Adresse geändert' },
  ],
  autoSubjects: [
    { re: /^(automatische antwort|autom\. antwort|automatische benachrichtigung|automatische rue?ckantwort|autoantwort|eingangsbestae?tigung|empfangsbestae?tigung|wir haben ihre|nicht gelesen:|zugestellt:)/, away: false },
    { re: /^(abwesenheitsnotiz|abwesenheitsmeldung|abwesenheitsbenachrichtigung|abwesenheit|abwesend|urlaub|ferienabwesenheit|ferien|nicht im bue?ro|ausser haus|out of office|ich bin abwesend|ich bin nicht im bue?ro|bin nicht im bue?ro|betriebsferien|betriebsurlaub|elternzeit|dienstreise|geschae?ftsreise|weihnachtsurlaub|betriebsruhe)/, away: true },
  ],
  returnCue: [
    'wieder', 'zuruck', 'zurueck', 'zuruck am', 'zurueck am', 'ab dem', 'ab', 'wieder im buro', 'wieder im buero', 'wieder erreichbar', 'wieder da', 'ruckkehr', 'rueckkehr', 'zuruck im buro',
    'zurueck im buero', 'wieder im hause', 'wieder im haus', 'wieder fur sie da', 'wieder fuer sie da', 'wieder fur sie erreichbar', 'wieder verfugbar', 'wieder am arbeitsplatz', 'wieder im dienst',
    'wieder zuruck', 'voraussichtlich ab', 'voraussichtlich am', 'voraussichtlich wieder', 'ruckkehr am', 'erster arbeitstag ist', 'ersten arbeitstag', 'und am', 'bin ich am', 'erreichen sie mich wieder',
    'erreichen sie mich ab', 'erreichbar ab',
  ],
  untilCue: ['bis', 'bis zum', 'bis einschliesslich', 'bis inkl', 'bis am', 'bis und mit', 'bis inklusive', 'bis einschl', 'bis zum einschliesslich', 'bis einschliesslich zum', 'bis voraussichtlich', 'bis voraussichtlich zum'],
  fromCue: ['vom', 'von', 'seit', 'zwischen', 'beginnend'],
};
