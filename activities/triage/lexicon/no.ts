import type { Lexicon } from './types';

export const no: Lexicon = {
  lang: 'no',
  optOut: [
    { re: /\bavmeld\w*\b|\b(fjern|slett|stryk) (meg|oss|min (adresse|e-?post)|mine (opplysninger|data))\b|\bikke (kontakt|skriv til) (meg|oss) (igjen|mer)\b|\bslutt a (sende|skrive|kontakte)\b|\bingen flere (e-?poster|mailer|henvendelser)\b|\bdatatilsynet\b/, label: 'avmeld meg', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [{ re: /\bikke interessert\b|\bnei takk\b|\bikke (noe|aktuelt|relevant) for oss\b|\bingen interesse\b|\bikke behov\b/, label: 'ikke interessert', weight: 2 }],
  price: [{ re: /\bfor dyrt\b|\bikke budsjett\b|\bingen budsjett\b/, label: 'for dyrt', weight: 2 }],
  timing: [{ re: /\bikke (akkurat )?na\b|\bneste ar\b|\bneste kvartal\b|\bsenere\b/, label: 'ikke nå', weight: 2 }],
  competitor: [{ re: /\b(bruker|har) allerede\b|\ben annen leverandor\b/, label: 'bruker allerede', weight: 2 }],
  referral: [{ re: /\bikke (rett|riktig) person\b|\b(min|var) (kollega|sjef|okonomisjef|controller)\b|\bvideresendt\b/, label: 'ikke rett person', weight: 2 }],
  meeting: [{ re: /\b(mote|samtale|demo|telefon)\b.{0,40}\b(mandag|tirsdag|onsdag|torsdag|fredag|i morgen|neste uke)\b|\bsend (en )?(invitasjon|kalenderinvitasjon)\b/, label: 'møte', weight: 2 }],
  question: [],
  interest: [{ re: /\bhores (interessant|spennende|bra)\b|\b(er )?interessert\b|\bmer informasjon\b/, label: 'høres interessant ut', weight: 2 }],
  threat: [{ re: /\b(advokat|datatilsynet|politianmeld)\w*/, label: 'trussel' }],
  anger: [],
  confused: [{ re: /\bhvem er du\b|\bhvor har (du|dere) (fatt|min)\b/, label: 'hvem er du' }],
  away: [{ re: /\b(er|vil vaere) (pa ferie|fravaerende|i permisjon|ute av kontoret|ikke pa kontoret|pa reise)\b|\bpa ferie\b|\bfravaerende\b|\bi permisjon\b|\bferie\b/, label: 'på ferie' }],
  awayNotice: [{ re: /\bnar jeg er tilbake\b|\bbegrenset tilgang\b|\bi (hastesaker|akutte saker)\b|\btakk for (din|e-?posten|henvendelsen)\b/, label: 'fraværsmelding' }],
  automatic: [{ re: /\bautomatisk (svar|melding|generert)\b/, label: 'automatisk svar' }],
  autoSubjects: [
    { re: /^(automatisk svar|autosvar)/, away: false },
    { re: /^(fravaer|ferie|ikke pa kontoret)/, away: true },
  ],
  returnCue: ['tilbake', 'tilbake pa kontoret', 'igjen fra', 'er tilbake'],
  untilCue: ['til og med', 'til'],
  fromCue: ['fra'],
};
