import type { Lexicon } from './types';

const DAG = '(mandag|tisdag|onsdag|torsdag|fredag|imorgon|i morgon|nasta vecka)';

export const sv: Lexicon = {
  lang: 'sv',
  optOut: [
    { re: /\bavregistrera\b|\bavsluta (prenumeration|utskick)\b|\b(ta bort|stryk|radera) (mig|oss|min (adress|e-?post|mejladress|e-?postadress)|mina (uppgifter|personuppgifter))\b|\b(fran|ur) (er|din|listan|registret|utskickslistan|sandlistan)\b.{0,20}\b(ta bort|stryk)\b|\b(kontakta|mejla|maila) (mig|oss) (inte|aldrig) (mer|igen)\b|\bsluta (skicka|mejla|maila|kontakta)\b|\binga fler (mejl|mail|e-?postmeddelanden|utskick)\b|\bvill inte (ha|fa) (fler|mer)\b|\b(invander|invandning)\b.{0,60}\b(behandling|personuppgifter|marknadsforing)\b|\bimy\b|\bintegritetsskyddsmyndigheten\b|\bdet har ar spam\b/, label: 'avregistrera', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [
    { re: /\binte intresserad(e)?\b|\binget intresse\b|\bnej tack\b|\binte aktuellt\b|\bbehover inte\b|\binget behov\b|\binte relevant\b/, label: 'inte intresserad', weight: 2 },
  ],
  price: [
    { re: /\bfor dyrt\b|\bingen budget\b|\bbudgeten (ar )?(slut|frusen|stopp)\b|\b(priset|kostnaden) (ar )?(for )?hog\b/, label: 'för dyrt', weight: 2 },
  ],
  timing: [
    { re: /\binte (ratt|bra) tid(punkt)?\b|\binte just nu\b|\binte nu\b|\bsenare (i ar|fram)\b|\bnasta ar\b|\bnasta kvartal\b|\bhor av dig (i|efter|nasta|igen)\b|\bi (januari|februari|mars|april|maj|juni|q[1-4])\b/, label: 'inte just nu', weight: 2 },
  ],
  competitor: [
    { re: /\b(anvander|har|jobbar med) redan\b|\bredan (en|ett) (losning|verktyg|leverantor|system)\b|\bannan leverantor\b|\bnuvarande (leverantor|losning)\b|\bvalt (en annan|ett annat)\b|\begen (losning|utveckling)\b|\bbyggt (sjalva|internt|eget)\b/, label: 'har redan en lösning', weight: 2 },
  ],
  referral: [
    { re: /\binte (ratt|ansvarig) person\b|\b(min|var) (kollega|chef|cfo|ekonomichef|controller)\b|\bvidarebefordrat\b|\bhar skickat vidare\b|\bkopia\b|\bansvarar for\b|\btar hand om\b/, label: 'inte rätt person', weight: 2 },
  ],
  meeting: [
    { re: new RegExp(`\\b(mote|samtal|mote|demo|mote|telefonmote|videomote)\\b.{0,40}\\b${DAG}\\b|\\b${DAG}\\b.{0,30}\\b(kl\\.? ?\\d{1,2}|passar|funkar|gar bra)\\b|\\b(boka|bestamma|satta upp) (ett )?(mote|samtal|demo)\\b|\\bskicka (en )?(inbjudan|kalenderinbjudan)\\b`), label: 'boka ett möte', weight: 2 },
  ],
  question: [{ re: /\b(jag )?(skulle vilja|vill garna) veta\b|\bkan ni (beratta|skicka)\b/, label: 'vill veta', weight: 2 }],
  interest: [{ re: /\blater (intressant|bra|spannande)\b|\b(ar )?intresserad(e)?\b|\bmer information\b|\bintressant\b/, label: 'låter intressant', weight: 2 }],
  threat: [{ re: /\b(advokat|imy|polisanmalan|anmala)\b/, label: 'hot' }],
  anger: [{ re: /\b(oforskamt|skandal|fan|javla|trakasseri)\b/, label: 'ilska' }],
  confused: [{ re: /\bvem ar (du|ni)\b|\bvar (fick|har) (du|ni) (min|mina)\b/, label: 'vem är du' }],
  away: [
    { re: /\b(ar|kommer att vara) (pa semester|ledig|tjanstledig|franvarande|bortrest|pa resa|foraldraledig|sjukskriven)\b|\bpa semester\b|\bfranvarande\b|\bforaldraledig\b|\bledig\b|\bsemester\b|\btjanste(resa|resor)\b|\bpa resa\b|\bbortrest\b|\bpa (konferens|kurs)\b/, label: 'på semester' },
  ],
  awayNotice: [
    { re: /\bnar jag (ar )?tillbaka\b|\bbegransad tillgang\b|\bi brådskande ärenden\b|\bi bradskande arenden\b|\bvid (brådskande|bradskande) (arenden|fragor)\b|\btack for ditt (mejl|mail|meddelande)\b/, label: 'frånvaromeddelande' },
  ],
  automatic: [{ re: /\bautomatiskt (svar|meddelande|genererat)\b|\barbetar inte langre\b/, label: 'automatiskt svar' }],
  autoSubjects: [
    { re: /^(autosvar|automatiskt svar)/, away: false },
    { re: /^(franvaro|semester|ledig)/, away: true },
  ],
  returnCue: ['tillbaka', 'aater', 'ater', 'pa plats igen', 'pa kontoret igen', 'tillbaka pa kontoret', 'fran och med'],
  untilCue: ['till', 'till och med', 't.o.m.', 'tom'],
  fromCue: ['fran', 'sedan'],
};
