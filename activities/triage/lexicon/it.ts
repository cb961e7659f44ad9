import type { Lexicon } from './types';

const GIORNO = '(lunedi|martedi|mercoledi|giovedi|venerdi|domani|la prossima settimana|settimana prossima|questa settimana)';

export const it: Lexicon = {
  lang: 'it',
  optOut: [
    { re: /\b(cancellate|cancellami|cancellatemi|rimuovete|rimuovetemi|rimuovermi|cancellarmi|toglietemi|toglimi|eliminatemi|eliminate) ?(il mio|la mia|i miei|mi|ci)?\b.{0,40}\b(indirizzo|email|e-mail|dati|lista|mailing|contatto|database|elenco)\b|\b(cancellazione|disiscrizione|disiscriver|disiscrivetemi)\b|\bnon (mi |ci )?(contattate|contattatemi|scrivete|scrivetemi|inviate|mandate) piu\b|\bdi non (contattarmi|scrivermi|inviarmi|mandarmi|contattarci|scriverci|inviarci)\b|\bnon voglio (piu )?ricevere\b|\bsmettete(la)? di\b|\bbasta (email|mail|messaggi)\b|\b(mi oppongo|opposizione)\b.{0,60}\b(trattamento|dati|marketing)\b|\bgarante (della )?privacy\b|\bdiritto all'oblio\b|\b(e|questo e) spam\b|\bavvocato\b|\bdenuncia\b/, label: 'cancellatemi', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [
    { re: /\bnon (siamo|sono) interessat[oiae]\b|\bnon (ci|mi) interessa\b|\bno,? grazie\b|\bgrazie,? ma no\b|\bnessun interesse\b|\bnon (abbiamo|ho) bisogno\b|\bnon fa per noi\b|\bnon e rilevante\b/, label: 'non interessati', weight: 2 },
  ],
  price: [
    { re: /\btroppo (caro|costoso|cari|costosi)\b|\bnessun budget\b|\bnon (abbiamo|c'e) (il )?budget\b|\bbudget (e )?(esaurito|bloccato|congelato|limitato)\b|\b(prezzo|costo|prezzi|costi) (e |sono )?(troppo )?(alto|alti|elevato|elevati)\b|\bfuori budget\b/, label: 'troppo caro', weight: 2 },
  ],
  timing: [
    { re: /\bnon (e|sarebbe) il momento( giusto)?\b|\bpiu avanti\b|\bl'anno prossimo\b|\bil prossimo (anno|trimestre)\b|\bricontatta(temi|mi|teci)\b|\bsentiamoci (a|in|dopo|piu avanti)\b|\bin questo momento no\b|\bal momento no\b|\bper ora no\b|\bnon ora\b|\b(a|da) (gennaio|febbraio|marzo|aprile|maggio|giugno|settembre)\b|\bnel (primo|secondo) (trimestre|semestre)\b/, label: 'non è il momento', weight: 2 },
  ],
  competitor: [
    { re: /\b(usiamo|utilizziamo|abbiamo|lavoriamo con) gia\b|\bgia (una|un|in uso|utilizziamo|usiamo|abbiamo)\b|\b(altro|altra) (fornitore|soluzione|strumento)\b|\bfornitore attuale\b|\bsoluzione (interna|proprietaria)\b|\bsviluppat[oa] internamente\b/, label: 'abbiamo già una soluzione', weight: 2 },
  ],
  referral: [
    { re: /\bnon sono la persona (giusta|corretta|adatta)\b|\b(il mio|la mia|un mio|una mia) (collega|responsabile|direttore|direttrice|capo)\b|\bcontatt(i|are|ate) (il|la) (mio|mia|nostro|nostra)\b|\bho inoltrato\b|\binoltro (la|il) (sua|tua|vostra)\b|\bin copia\b|\bse ne occupa\b|\be (il|la) responsabile\b/, label: 'non sono la persona giusta', weight: 2 },
  ],
  meeting: [
    { re: new RegExp(`\\b(fissare|organizzare|programmare|pianificare|concordare) (una |un )?(call|chiamata|riunione|incontro|demo|appuntamento|videochiamata)\\b|\\b(call|chiamata|riunione|incontro|demo|videochiamata)\\b.{0,40}\\b${GIORNO}\\b|\\b${GIORNO}\\b.{0,30}\\b(alle \\d{1,2}|va bene|mi va bene|perfetto|pomeriggio|mattina)\\b|\\bmandami (un |l')?invito\\b|\\blink (del|al|per il) (suo|tuo|vostro) calendario\\b|\\b(scegliere|scelgo|scegliamo|fissiamo) (un|l'|il) ?(orario|giorno|appuntamento)\\b|\\bquando (ha|hai|avete) tempo\\b|\\bsentiamoci\\b|\\bvolentieri (una|un) (call|chiamata|incontro)\\b|\\bdisponibile (per|il|lunedi|martedi|mercoledi|giovedi|venerdi)\\b`), label: 'fissare una call', weight: 2 },
  ],
  question: [
    { re: /\b(vorrei|vorremmo|mi piacerebbe) (sapere|capire|conoscere)\b|\b(potrebbe|potreste|puoi|potete) (inviarmi|mandarmi|dirmi|indicarmi|spiegarmi)\b/, label: 'vorrei sapere', weight: 2 },
  ],
  interest: [
    { re: /\b(siamo|sono) interessat[oiae]\b|(?<!non )\b(mi|ci) interessa\b|\binteressante\b|\bmaggiori informazioni\b|\bpiu informazioni\b|\bsaperne di piu\b/, label: 'interessati', weight: 2 },
  ],
  threat: [{ re: /\b(avvocato|denuncia|garante (della )?privacy|azioni legali)\b/, label: 'minaccia legale' }],
  anger: [{ re: /\b(vergogna|inaccettabile|molestia|basta|cazzo|stufo|stufa)\b/, label: 'rabbia' }],
  confused: [{ re: /\bchi (e lei|siete|sei)\b|\bdove (avete|ha) (preso|trovato|ottenuto) (il mio|la mia|i miei)\b|\bcome (avete|ha) (avuto|ottenuto) (il mio|la mia)\b/, label: 'chi siete' }],
  away: [
    { re: /\bfuori (ufficio|sede)\b|\b(sono|saro|e|sara) (in ferie|assente|in vacanza|in viaggio|in trasferta|in maternita|in congedo|fuori sede|fuori ufficio)\b|\bin ferie\b|\bassente\b|\bin congedo\b/, label: 'fuori ufficio' },
  ],
  awayNotice: [
    { re: /\bal mio rientro\b|\baccesso limitato\b|\bper (questioni|richieste|urgenze) urgenti\b|\bin caso di urgenza\b|\bgrazie per (il suo|la sua|il tuo|la tua) (messaggio|email|e-mail)\b|\bdurante la mia assenza\b/, label: 'avviso di assenza' },
  ],
  automatic: [
    { re: /\b(risposta|messaggio) automatic[oa]\b|\bgenerat[oa] automaticamente\b|\bnon fa piu parte\b|\bnon lavora piu\b|\babbiamo ricevuto la (sua|vostra) (richiesta|email)\b/, label: 'risposta automatica' },
  ],
  autoSubjects: [
    { re: /^(risposta automatica|risposta autom)/, away: false },
    { re: /^(fuori ufficio|fuori sede|assente|in ferie|assenza)/, away: true },
  ],
  returnCue: ['rientro', 'rientrero', 'rientra', 'di ritorno', 'ritorno', 'tornero', 'torno', 'di nuovo in ufficio', 'a partire da', 'a partire dal'],
  untilCue: ['fino a', 'fino al', 'fino all\'', 'sino al', 'al'],
  fromCue: ['da', 'dal', 'dall\'', 'tra'],
};
