import type { Lexicon } from './types';

export const da: Lexicon = {
  lang: 'da',
  optOut: [
    { re: /\bafmeld\w*\b|\b(fjern|slet|stryg) (mig|os|min (adresse|e-?mail)|mine (oplysninger|data))\b|\bikke (kontakt|skriv til) (mig|os) (igen|mere)\b|\b(stop|hold op) med at (skrive|sende|kontakte)\b|\bingen flere (mails|e-?mails|henvendelser)\b|\bspam\b.{0,20}\b(anmeld|indberet)|\bdatatilsynet\b/, label: 'afmeld mig', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [{ re: /\bikke interesseret\b|\bnej tak\b|\bikke (noget|relevant) for os\b|\bingen interesse\b|\bingen behov\b/, label: 'ikke interesseret', weight: 2 }],
  price: [{ re: /\bfor dyrt\b|\bintet budget\b|\bikke budget\b/, label: 'for dyrt', weight: 2 }],
  timing: [{ re: /\bikke (lige )?nu\b|\bsenere\b.{0,20}\b(ar|aret)\b|\bnaeste ar\b|\bnaeste kvartal\b/, label: 'ikke nu', weight: 2 }],
  competitor: [{ re: /\b(bruger|har) allerede\b|\ben anden leverandor\b/, label: 'bruger allerede', weight: 2 }],
  referral: [{ re: /\bikke den rette (person|kontakt)\b|\b(min|vores) (kollega|chef|okonomichef|controller)\b|\bvideresendt\b/, label: 'ikke den rette person', weight: 2 }],
  meeting: [{ re: /\b(mode|mode|opkald|demo|snak)\b.{0,40}\b(mandag|tirsdag|onsdag|torsdag|fredag|i morgen|naeste uge)\b|\bsend (en )?(invitation|kalenderinvitation)\b/, label: 'møde', weight: 2 }],
  question: [],
  interest: [{ re: /\blyder (interessant|spaendende|godt)\b|\b(er )?interesseret\b|\bmere information\b/, label: 'lyder interessant', weight: 2 }],
  threat: [{ re: /\b(advokat|datatilsynet|politianmeld)\w*/, label: 'trussel' }],
  anger: [],
  confused: [{ re: /\bhvem er (du|i)\b|\bhvor har (du|i) (min|mine)\b/, label: 'hvem er du' }],
  away: [{ re: /\b(er|vil vaere) (pa ferie|fravaerende|pa barsel|ude af huset|ikke pa kontoret|syg|pa kursus|pa forretningsrejse)\b|\bpa ferie\b|\bfravaerende\b|\bpa barsel\b|\bferie\b/, label: 'på ferie' }],
  awayNotice: [{ re: /\bnar jeg (er )?tilbage\b|\bbegraenset adgang\b|\bi (akutte|hastende) (tilfaelde|sager)\b|\btak for (din|jeres) (mail|e-?mail|henvendelse)\b/, label: 'fraværsbesked' }],
  automatic: [{ re: /\bautomatisk (svar|besked|genereret)\b/, label: 'automatisk svar' }],
  autoSubjects: [
    { re: /^(automatisk svar|autosvar)/, away: false },
    { re: /^(fravaer|ferie|ude af kontoret)/, away: true },
  ],
  returnCue: ['tilbage', 'tilbage pa kontoret', 'igen fra', 'er tilbage'],
  untilCue: ['til og med', 'til'],
  fromCue: ['fra'],
};
