import type { Lexicon } from './types';

// Folded Czech: háčky and čárky removed ("odstrante" is odstraňte, "nepritomn" is nepřítomn).
const DEN = '(pondeli|utery|streda|stredu|ctvrtek|patek|zitra|pozitri|pristi tyden|tento tyden)';
const CAS = '(v \\d{1,2}([:.]\\d{2})?(?![\\d.])|\\d{1,2}:\\d{2}|dopoledne|odpoledne)';

export const cs: Lexicon = {
  lang: 'cs',
  optOut: [
    { re: /\b(odstrante|odstranit|vymazte|vymazat|smazte|smazat|vyradte|vyradit|odhlaste|odhlasit) (me|nas|muj|moji|moje|mne|nasi|nase)\b|\bodhlasit\b|\bodhlaseni\b|\b(odstraneni|vymazani|vyrazeni) (z|ze) (databaze|seznamu|adresare|rozesilky)\b/, label: 'odstraňte mě', weight: 2 },
    { re: /\bnezasilejte\b|\bneposilejte (mi|nam)\b|\bnepiste (mi|nam)\b|\bnekontaktujte (me|nas)\b|\bnepreji si (dale |jiz |uz )?(dostavat|byt kontaktovan|zadne)\b|\bnechci (uz |jiz |dale )?(dostavat|dostat|zadne|dalsi)\b|\bprestante (posilat|psat|obtezovat|mi psat)\b|\bzadne dalsi (e-?maily|zpravy|nabidky)\b/, label: 'nezasílejte', weight: 2 },
    { re: /\bz (vasi|vaseho|vasich) (databaze|seznamu|adresare|rozesilky|kontaktu)\b|\bnevyzadan\w* (obchodni )?(sdeleni|posta|reklam\w*|e-?mail\w*)\b|\b480\/2004\b|\buoou\b|\burad pro ochranu osobnich udaju\b|\bnamitk\w* proti (zpracovani|pouziti)\b|\bodvolavam (svuj )?souhlas\b|\bgdpr\b.{0,60}\b(vymaz|smaz|namit|marketing)/, label: 'nevyžádaná obchodní sdělení / GDPR', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bpro odhlaseni\b|\bodhlasit se (muzete|lze)\b|\bodkaz (pro|k) odhlaseni\b/, label: 'návod k odhlášení' },
  ],
  notInterested: [
    { re: /\bnemame zajem\b|\bnemam zajem\b|\bne,? dekuji\b|\bne,? dekujeme\b|\bdekuji,? ale ne\b|\bnezajima (nas|me)\b|\bnepotrebujeme\b|\bnepotrebuji\b|\bneni to pro nas\b|\bnehodi se (nam|pro nas)\b|\bneni pro nas (aktualni|relevantni)\b/, label: 'nemáme zájem', weight: 2 },
  ],
  price: [
    { re: /\b(prilis|moc|prlis|prehnane) drah\w*\b|\bnemame (na to )?(rozpocet|penize|prostredky)\b|\brozpocet (je )?(vycerpan|zmrazen|uzavren)\w*\b|\bcena je (pro nas )?(prilis |moc )?vysoka\b|\bmimo (nas )?rozpocet\b/, label: 'příliš drahé', weight: 2 },
  ],
  timing: [
    { re: /\bted ne\b|\bmomentalne (ne|nemame|neni)\b|\bv tuto chvili (ne|neni|nemame)\b|\bpristi (rok|ctvrtleti)\b|\bmozna pozdeji\b|\bozvete se (mi |nam )?(znovu |prosim |zase )?(v|po|za|na|pristi|pozdeji)\b|\bpo novem roce\b|\bpo uzaverce\b|\bneni (ted )?vhodna doba\b/, label: 'teď ne', weight: 2 },
    { re: /\bpozdeji\b|\bmame plne ruce prace\b/, label: 'později', weight: 1 },
  ],
  competitor: [
    { re: /\b(uz|jiz) (pouzivame|mame (system|nastroj|reseni|dodavatele)|jsme si vybrali)\b|\bvlastni (reseni|system|nastroj)\b|\bjineho dodavatele\b|\bjiny dodavatel\b|\bspokojeni se (stavajicim|soucasnym|nasim)\b|\bpouzivame (money s3|pohodu|helios|abra|sap|blackline)\b/, label: 'už používáme', weight: 2 },
  ],
  referral: [
    { re: /\bnejsem (ta )?(spravna|prava) osoba\b|\bmuj kolega\b|\bma kolegyne\b|\bobratte se (prosim )?na\b|\bkontaktujte (prosim )?(meho|mou|naseho|nasi|kolegu|kolegyni)\b|\bpreposlal(a)?\b|\b(dal|dala) jsem (vas e-?mail |to )?(do kopie|v kopii)\b/, label: 'nejsem správná osoba', weight: 2 },
    { re: /\bv kopii\b/, label: 'v kopii', weight: 1 },
  ],
  meeting: [
    { re: new RegExp(`\\b(schuzk\\w*|hovor\\w*|demo|prezentac\\w*|call|telefonat|teams|zoom)\\b[^.!?\\n]{0,40}\\b${DEN}\\b|\\b${DEN}\\b[^.!?\\n]{0,30}(${CAS}|\\b(vyhovuje|hodi|muzu|muzeme)\\b)`), label: 'schůzka v den', weight: 3 },
    { re: /\bposlete (mi |nam )?pozvank\w*\b|\bkdy se vam hodi\b|\bdomluv\w* (si )?(schuzk\w*|hovor|call|termin|demo)\b|\brad(a)? se (potkam|spojim)\b/, label: 'domluvme schůzku', weight: 2 },
  ],
  question: [
    { re: /\b(rad|rada|radi) (bych|bychom) (vedel|vedela|vedeli|zjistil|zjistila|se zeptal|se zeptala)\b|\bzajima (me|nas),? (cena|jak|zda|jestli|integrace)\b|\bjak (to )?funguje\b|\bpodporuje(te)?\b|\bkolik (to )?stoji\b/, label: 'rád bych věděl', weight: 2 },
  ],
  interest: [
    { re: /\bzni zajimave\b|\bmame zajem\b|\bmam zajem\b|\bposlete (mi |nam )?(vice |dalsi )?(informac\w*|podklad\w*|material\w*)\b|\bvice informaci\b|\bzajimave\b/, label: 'zní zajímavě', weight: 2 },
  ],
  threat: [{ re: /\b(pravnik\w*|advokat\w*|uoou|zalob\w*|polici(e|i|ii)|stiznost\w*)\b/, label: 'hrozba' }],
  anger: [{ re: /\b(obtezov\w*|do prdele|sakra|hruza|otravuj\w*)\b/, label: 'hněv' }],
  confused: [
    { re: /\bkdo jste\b|\bodkud (mate|jste (vzali|ziskali)) (muj|moji|me|nas)\b/, label: 'kdo jste' },
    { re: /\bnikdy jsem (nedal|nedala|neudelil|neudelila) souhlas\b|\bbez (meho|naseho) souhlasu\b/, label: 'bez souhlasu', weight: 2 },
  ],
  away: [
    { re: /\b(jsem|budu) (na dovolene|mimo kancelar|nepritomn[ya]|na sluzebni ceste|na nemocenske|na materske|na rodicovske)\b|\bna (dovolene|rodicovske dovolene|materske dovolene|sluzebni ceste|nemocenske)\b|\bmimo kancelar\b|\bcerpam dovolenou\b|\bnepritomn\w*\b|\bnejsem v kancelari\b/, label: 'na dovolené' },
  ],
  awayNotice: [
    { re: /\bpo (mem )?navratu\b|\bomezeny pristup\b|\bv nalehavych (pripadech|vecech)\b|\bdekuji za (vas |vasi )?(e-?mail|zpravu)\b|\b(behem|v dobe) (me )?nepritomnosti\b/, label: 'oznámení o nepřítomnosti' },
  ],
  automatic: [
    { re: /\bautomaticka odpoved\b|\bautomaticky (generovan|vytvoren|odeslan)\w*\b|\bneodpovidejte na (tento|tuto) (e-?mail|zpravu)\b/, label: 'automatická odpověď' },
    { re: /\b(jiz|uz) (u nas |ve spolecnosti )?nepracuje\b/, label: 'left the company (již nepracuje)' },
    { re: /\b(vasi|vas) (zpravu|e-?mail|pozadavek) jsme (obdrzeli|prijali)\b/, label: 'zpráva přijata' },
  ],
  autoSubjects: [
    { re: /^(automaticka odpoved)/, away: false },
    { re: /^(nepritomnost|mimo kancelar|dovolena)/, away: true },
    { re: /^(precteno|prectena):/, away: false },
  ],
  returnCue: ['vracim se', 'vratim se', 'opet v kancelari', 'zpet', 'zpet v kancelari', 'budu zpet', 'opet k dispozici', 'k dispozici od'],
  untilCue: ['do'],
  fromCue: ['od'],
};
