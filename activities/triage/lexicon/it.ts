import type { Lexicon } from './types';

// Days a meeting can be set on, and clock times as Italian writes them ("alle 15", "ore 10:30", "h 9.30").
const GIORNO = '(lunedi|martedi|mercoledi|giovedi|venerdi|domani|dopodomani|la prossima settimana|settimana prossima|la settimana prossima|questa settimana|inizio settimana|il \\d{1,2}( (novembre|dicembre|gennaio|febbraio))?)';
const ORA = '((alle|ore|verso le|dalle|per le|h\\.?) ?\\d{1,2}([:.]\\d{2})?|\\d{1,2}:\\d{2})';
// An absence notice's own days and hours ("rientro lunedì alle 9") do not propose a meeting.
const NOT_ABSENCE = '(?<!(rientro|rientrero|rientra|ritorno|tornero|assente|ferie|fino a|fino al|chius[oiae]|riapertura|ripresa|riprendero|congedo|vacanza)[^.!?\\n]{0,30})';
// Verbs that take someone off a list: imperative (voi, tu, Lei), infinitive with the pronoun attached.
const CANCELLA =
  '(cancellate|cancellatemi|cancellateci|cancellami|cancellaci|cancellarmi|cancellarci|mi cancelli|ci cancelli|cancelli|rimuovete|rimuovetemi|rimuoveteci|rimuovimi|rimuovermi|rimuoverci|mi rimuova|ci rimuova|rimuova|togliete|toglietemi|toglieteci|toglimi|togliermi|toglierci|mi tolga|ci tolga|tolga|eliminate|eliminatemi|eliminateci|eliminami|eliminarmi|eliminarci|mi elimini|elimini|depennatemi|depennate|depennarmi|mi depenni|escludetemi|escludermi|mi escluda|stralciate|stralciatemi|disiscrivetemi|disiscrivermi|mi disiscriva|disiscrivimi|levatemi|levami|levarmi)';
const ELENCO =
  '(lista|liste|mailing ?list|mailing|elenco|elenchi|database|data ?base|banca dati|banche dati|anagrafica|archivio|archivi|indirizzario|rubrica|newsletter|campagna|campagne|sequenza|invii|contatti|destinatari|crm)';

export const it: Lexicon = {
  lang: 'it',
  optOut: [
    {
      re: new RegExp(
        `\\b${CANCELLA}\\b[^.!?\\n]{0,50}\\b(il mio|la mia|i miei|le mie|il nostro|la nostra|i nostri|questo|questa|l')? ?(indirizzo|indirizzi|e-?mail|mail|dati|nominativo|nominativi|contatto|contatti|recapito|recapiti|nome|${ELENCO})\\b` +
          `|\\b(cancellatemi|cancellateci|cancellami|cancellaci|rimuovetemi|rimuoveteci|rimuovimi|toglietemi|toglieteci|toglimi|eliminatemi|eliminateci|eliminami|depennatemi|escludetemi|disiscrivetemi|disiscrivimi|levatemi|levami)\\b` +
          `|\\b(di|per favore|vi prego di|la prego di|potete|potreste|puo|potrebbe|vorrei|desidero|chiedo di|richiedo di|voglio)( gentilmente)? (cancellarmi|cancellarci|rimuovermi|rimuoverci|togliermi|toglierci|eliminarmi|eliminarci|depennarmi|escludermi|disiscrivermi|disiscriverci|levarmi)\\b` +
          `|\\b(cancellare|rimuovere|togliere|eliminare|depennare|escludere|stralciare|levare) (il mio|la mia|i miei|le mie|il nostro|la nostra|i nostri|le nostre) (indirizzo|indirizzi|e-?mail|mail|dati|nominativo|nominativi|contatto|contatti|recapito|recapiti|nome|azienda|societa)\\b` +
          `|\\b(mi|ci) (cancelli|cancellate|rimuova|rimuovete|tolga|togliete|elimini|eliminate|depenni|depennate|escluda|escludete|disiscriva|disiscrivete)\\b` +
          `|\\bessere (cancellat|rimoss|tolt|eliminat|depennat|esclus|disiscritt)[oaie] (da|dalla|dalle|dai|dal|dalla vostra|dai vostri)\\b`,
      ),
      label: 'cancellatemi dalla lista',
      weight: 2,
    },
    {
      re: /^\s*(richiesta (di )?)?cancellazione\b[^a-z]{0,3}(immediata|subito|grazie|per favore|dati|indirizzo|dalla lista|dalla mailing list)?[.!]*\s*$|\bcancellazione (immediata|subito|grazie|per favore)\b|\b(attendo|confermate|confermatemi|procedete alla|procedere alla|provvedete alla|provvedere alla|sollecito la) (la )?(conferma (della|di avvenuta) )?cancellazione\b|\b(disiscrizione|disiscriver\w*|disiscritt[oaie]|annullare (la mia|l'|la) iscrizione|annullate (la mia|l') iscrizione|revocare (la mia|l') iscrizione|(richiedo|chiedo|richiesta di|vorrei|desidero|domanda di|procedete con|procedere con) (la )?(cancellazione|rimozione)|cancellazione (immediata |definitiva )?(dei miei|del mio|della mia|delle mie|dei nostri|del nostro|dalla|dalle|dai|dal)|rimozione (immediata |definitiva )?(del mio|della mia|dei miei|dalla|dalle|dai|dal))\b/,
      label: 'cancellazione',
      weight: 2,
    },
    {
      re: /\bnon (mi |ci )?(contattate|contattatemi|contattateci|contatti|contattarmi|contattarci|ricontattate|ricontattatemi|ricontattarmi|ricontatti|scrivete|scrivetemi|scriveteci|scriva|scrivermi|scriverci|inviate|inviatemi|inviateci|invii|inviarmi|inviarci|mandate|mandatemi|mandateci|mandi|mandarmi|mandarci|cercate|cercatemi|cercarmi|disturbate|disturbatemi|disturbarmi|disturbi|chiamate|chiamatemi|chiamarmi|importunate|importunatemi)( (mai )?piu| mai| in futuro| ulteriormente| oltre)\b|\bdi non (contattarmi|contattarci|ricontattarmi|ricontattarci|scrivermi|scriverci|inviarmi|inviarci|mandarmi|mandarci|disturbarmi|disturbarci|cercarmi|importunarmi|chiamarmi|inserirmi|includermi)\b|\bnon ricevere piu\b|\b(preferirei|preferiamo|preferiremmo|gradirei|gradiremmo) non (essere (ri)?contattat|ricevere)|\bvi diffido\b|^\s*(smettetela|smettila|basta)[.! ]*$|\bnon (voglio|vogliamo|desidero|desideriamo|intendo|intendiamo|gradisco|gradiamo|accetto|accettiamo) (piu |ulteriormente |in alcun modo |assolutamente )?(ricevere|essere (ri)?contattat|essere disturbat|essere important|altre (email|mail|comunicazioni)|vostre (email|mail|comunicazioni|offerte)|comunicazioni|email|mail|messaggi|sentire|avere vostre notizie)/,
      label: 'non contattatemi più',
      weight: 2,
    },
    {
      re: /\bsmettete(la)? di\b|\b(smettete|smettetela|smettila|smetta|smettere|smettiamola|cessate|cessi|cessare|interrompete|interrompa|interrompere|sospendete|sospenda|sospendere|finitela|piantatela|evitate|eviti|evitare) (di|con|le|l'|gli|gli invii|ogni|qualsiasi|questi|queste|immediatamente)\b[^.!?\n]{0,30}\b(scriv|contatt|invia|invii|inviare|manda|mail|email|messagg|comunicazion|spam|disturb|importun|ricontatt|sollecit|newsletter)|\bbasta (con )?(le |queste |con queste |con le |vostre |mandare |inviare |scrivere )?(email|e-mail|mail|messaggi|spam|comunicazioni|sollecit\w*|invii|scrivermi|contattarmi)\b|\bstop (alle|a queste|con le|a) (email|e-?mail|mail|comunicazioni|messaggi|sollecitazioni)\b|^\s*stop\b[^a-z]*(grazie|per favore|!)?[^a-z]*$|\b(niente|nessun'?altra|nessun altro|niente piu) (email|e-?mail|mail|messaggi|messaggio|comunicazion[ei]|sollecit\w*|invi[io])( (in futuro|per favore|grazie|da parte vostra))?\b/,
      label: 'smettete di scrivermi',
      weight: 2,
    },
    {
      re: /\b(mi oppongo|ci opponiamo|opporsi|opporre|esercito (il )?(mio )?diritto|esercitare il (mio )?diritto)\b.{0,80}\b(trattamento|dati|marketing|utilizzo|uso|invio|comunicazioni|opposizione|cancellazione|oblio)\b|\b(revoco|revochiamo|ritiro|revocare|ritirare) (il )?(mio |nostro |qualsiasi |ogni )?consenso\b|\brevoca (del|di ogni|di qualsiasi) consenso\b|\bdiritto (all'oblio|alla cancellazione|di cancellazione|di opposizione)\b|\b(mia|la mia|presento|esprimo|faccio|comunico|notifico|formale|formalmente|con la presente) opposizione\b|^\s*opposizione (al|all') (trattamento|utilizzo|uso|invio)\b|\b(art\.?|articolo|artt\.?) ?(17|21)\b.{0,40}\b(gdpr|regolamento|2016\/679)\b|\bgarante (della |per la )?(privacy|protezione dei dati)\b|\bregistro (pubblico )?delle opposizioni\b/,
      label: 'opposizione GDPR',
      weight: 2,
    },
    {
      // Calling it spam or unsolicited escalates (threat, anger) but is no opt-out by itself (the brief); reporting it is.
      re: /\b(segnal\w*|marc\w*|classific\w*|sposta\w*|mett\w*)\b[^.!?\n]{0,40}\b(come|nello|nella|tra lo|in) (spam|posta indesiderata|indesiderat[aei])\b/,
      label: 'segnalato come spam',
      weight: 2,
    },
    { re: /\b(mio|nostro|un|il mio|il nostro|dal mio|al mio|al nostro|dal nostro) (avvocato|legale)\b|\bavvocat[oi]\b|\b(sporgere|sporgero|sporgeremo|presentare|presentero|presenteremo|fare|faro|faremo) (una )?(denuncia|querela|reclamo formale|esposto)\b|\b(denuncero|denunceremo|denunciarvi|vi denuncio|la denuncio|querelarvi|vi querelo)\b|\bdenuncia\b(?! (dei redditi|di infortunio|di sinistro|iva|annuale))|\b(azioni|vie|iniziative) legali\b|\bdiffida\b|\bpolizia postale\b/, label: 'minaccia legale', weight: 2 },
    { re: /\blasciate(mi|ci) (in pace|stare|perdere)\b|\blasciami (in pace|stare)\b|\bmi lasci (in pace|stare)\b|\bnon (mi )?rompete\b|\bdimenticate (il mio|questo) (indirizzo|contatto)\b/, label: 'lasciatemi in pace', weight: 2 },
  ],
  optOutNotRequest: [
    // "le sue disponibilità" (your availability, formal): the Italian possessive, not the English "sue".
    { re: /\b(le|delle|alle|dalle|sulle|nelle|tra le|fra le|con le|per le|tutte le|alcune|queste|quelle|e|o) sue\b|\bsue (domande|disponibilita|informazioni|e-?mail|mail|richieste|esigenze|parole|considerazioni|proposte|soluzioni|offerte|condizioni|tariffe|referenze|slide|funzionalita|integrazioni|risposte|indicazioni|date|note|credenziali|competenze|caratteristiche)\b/, label: 'possessivo "sue"' },
    { re: /\bper (cancellarsi|disiscriversi|annullare l'iscrizione|non ricevere piu)\b|\b(clicca|cliccare|cliccate|clicchi|segui|seguire|utilizza|utilizzare|usa)\b[^.!?\n]{0,40}\b(disiscri|cancellazione|cancellar|annullare l'iscrizione)\w*|\bse (non )?(desidera|desiderate|vuole|volete|preferisce|preferite) (non )?(piu )?(ricevere|essere contattat)[^.!?\n]{0,80}/, label: 'istruzioni di disiscrizione' },
    { re: /\b(come|quando|cosa|quale|quali|in che modo|dove|prevista|previsto|gestite|gestisce)\b[^.!?\n]{0,60}\bcancellazione\b[^.!?\n]{0,60}\?/, label: 'domanda sulla cancellazione dei dati' },
    // Privacy notices in signatures ("potrà esercitare i diritti di accesso, rettifica, cancellazione, opposizione…").
    {
      re: /\b(potra|puo|potrete|potete|l'interessato puo|gli interessati possono) (in qualsiasi momento |in ogni momento |sempre |altresi |inoltre )?(esercitare (i|tali|gli|il) (suoi |propri |vostri )?diritt[io]|richiedere l'accesso|chiedere l'accesso|ottenere l'accesso)\b[\s\S]{0,250}|\b(ha|avete|hanno) (il )?diritto (di|ad|a) (accedere|ottenere|chiedere|richiedere)[\s\S]{0,250}|\bper (esercitare|l'esercizio de)(i| i)? (suoi |vostri |tali |propri )?diritti\b[^.\n]{0,120}|\bdiritti di cui agli? (art|artt)[\s\S]{0,200}/,
      label: 'informativa privacy',
    },
  ],
  notInterested: [
    {
      re: /\bnon (siamo|sono|saremmo|sarei|e|sara)( piu| davvero| proprio| affatto| minimamente| per nulla| al momento)? interessat[oiae]\b|\bnon (ci|mi|le|gli) interessa(no)?\b|\bnon (ci|mi) puo interessare\b|\bnon e di (nostro|mio) interesse\b|\bnon rientra (nei nostri|nelle nostre|nel nostro) (interessi|esigenze|piani|priorita|ambito)\b|\b(nessun|zero|alcun) interesse\b|\bnon ne (abbiamo|ho) interesse\b|\bdisinteressat[oiae]\b/,
      label: 'non interessati',
      weight: 2,
    },
    {
      re: /\bno,? grazie\b|\bgrazie,? (ma )?no\b|\bgrazie,? ma non (fa|e|ci|siamo|sono|abbiamo|ho)\b|^no[.!]*$|^no,? (grazie|non ci interessa|non fa per noi|siamo a posto|sono a posto|ciao)\b|\b(siamo|sono) a posto( cosi)?,? grazie\b|\bpreferi(amo|sco) di no\b|\bpasso,? grazie\b|^passo[.!]*$|\bper (questa volta|ora|stavolta) passo\b|\bdeclin(o|iamo|are) (l'offerta|la proposta|l'invito|gentilmente|cortesemente)\b/,
      label: 'no grazie',
      weight: 2,
    },
    {
      re: /\bnon fa (per noi|per me|al caso nostro|al caso mio|al nostro caso)\b|\bnon (e|sembra) (quello che cerchiamo|quello che ci serve|rilevante|pertinente|adatto|adatta|in linea|di interesse|utile|applicabile) (per noi|per me|alle nostre|con le nostre|nel nostro)?\b|\bnon (e|sembra) (rilevante|pertinente)\b|\bnon (ci|mi) (serve|servono|occorre|occorrono|riguarda|riguardano)\b|\bnon (ne )?(abbiamo|ho) (alcun |nessun |proprio )?(bisogno|necessita|esigenza)\b|\b(nessuna|alcuna) (necessita|esigenza)\b|\bnon (abbiamo|ho|riscontriamo) (questo|questa|tale|un simile|questo tipo di) (problema|problematica|esigenza|bisogno|necessita)\b|\bnon (siamo|sono) (il vostro |il )?target\b|\bnon (vediamo|vedo|ne vediamo|ne vedo) (l'utilita|l'esigenza|la necessita|il valore|il vantaggio|un'utilita)\b|\bla nostra (chiusura|riconciliazione|contabilita)[^.!?\n]{0,30}\b(funziona|va) (gia )?(bene|benissimo|alla grande)\b/,
      label: 'non fa per noi',
      weight: 2,
    },
    { re: /\bnon (procediamo|procederemo|procedero|daremo seguito|daro seguito|intendiamo procedere|intendo procedere|andremo avanti|proseguiremo|proseguiamo)\b|\bnon (siamo|sono) alla ricerca\b|\bnon (stiamo|sto) cercando\b|\bnon (valutiamo|valuteremo|prendiamo in considerazione|prenderemo in considerazione)\b|\bnon (mi|ci) convince\b|\bnon (siamo|sono) convint[oiae]\b|\binutile (insistere|ricontattarmi|richiamarmi|scrivermi ancora)\b|\bnon insistete\b/, label: 'non procediamo', weight: 2 },
  ],
  price: [
    {
      re: /\b(troppo|decisamente troppo|un po' troppo|davvero troppo|eccessivamente) (car[oaie]|costos[oaie]|onerose?|oneros[oi]|dispendios[oaie]|alt[oi])\b|\bcosta (troppo|davvero tanto|parecchio|tanto)\b|\bcostano (troppo|parecchio)\b|\b(prezzo|prezzi|costo|costi|tariffa|tariffe|canone|listino|investimento|spesa)\b[^.!?\n]{0,30}\b(?<!non )(?<!non e )(?<!non sono )(troppo |decisamente |un po' |eccessivamente |davvero |molto )?(alt[oi]|elevat[oi]|eccessiv[oi]|proibitiv[oi]|fuori (mercato|portata|budget)|insostenibil[ei]|non sostenibil[ei]|ingiustificat[oi]|non giustificabil[ei])\b|\bfuori (dal |dal nostro |dalla nostra |dalle nostre )?(budget|portata|possibilita)\b|\boltre (il|il nostro) budget\b|\bnon (rientra|rientrano|sta|stiamo) (nel|nel nostro|nei nostri|nelle nostre) (budget|costi|possibilita|spese)\b|\bnon (ce lo|ce la|ce li|me lo) (possiamo|posso|potremmo) permettere\b|\bnon (possiamo|posso|potremmo) permetter(celo|ci|melo|mi)\b|\b(insostenibile|proibitivo|fuori portata)\b|\b49 ?(\$|dollari\b|usd\b|euro\b)[^.!?\n]{0,50}\b(troppo|troppi|tanto|tanti|eccessiv\w*|caro|cari|molto|molti)\b|\b(sono|e|sarebbero|sarebbe) (decisamente |davvero |un po' |comunque )?(troppi|troppo) per (noi|la nostra|una realta|un'azienda|una piccola|una pmi)\b/,
      label: 'troppo caro',
      weight: 2,
    },
    {
      re: /\b(nessun|niente|senza|zero) budget\b|\bnon (abbiamo|ho|c'e|ce|esiste|e previsto|e stato previsto|e stanziato) (il |un |alcun |nessun |del )?budget\b|\bbudget (e |gia |ormai |e gia |per quest'anno e )*(esaurito|bloccato|congelato|limitato|ridotto|tagliato|finito|allocato|impegnato|speso|azzerato|chiuso|stretto|limitatissimo)\b|\b(tagli|taglio|blocco|congelamento|riduzione|contenimento|revisione) (del |dei |di |al )?(budget|costi|spese|acquisti|investimenti)\b|\bspending review\b|\b(vincoli|restrizioni|limiti) di budget\b|\bbudget (ridotto|limitato|risicato|stretto)\b|\bnon (e|sono) (stato |stati )?(previsto|previsti|stanziat[oi]) (a|in|nel) budget\b/,
      label: 'nessun budget',
      weight: 2,
    },
    { re: /\b(soluzion[ei]|alternativ[ae]|strument[oi]|opzion[ei]) (piu economic[ahe]|meno costos[aei]|gratuit[aei]|low ?cost)\b|\bnon vale (il prezzo|la spesa|l'investimento)\b/, label: 'alternativa più economica', weight: 1 },
  ],
  timing: [
    {
      re: /\bnon (e|sarebbe|mi sembra|ci sembra|sembra) (il|un) (momento|periodo) (giusto|adatto|buono|opportuno|ideale|migliore)\b|\bnon e il momento\b|\b(momento|periodo|tempismo) (sbagliato|poco opportuno|non adatto|non ideale|difficile|complicato|delicato)\b|\b(per ora|al momento|in questo momento|per il momento|per adesso),? (no\b|non (e|sarebbe) (il momento|possibile|una priorita|prioritario)|non se ne parla)\b|\bnon (ora|adesso|subito|ancora|in questo momento|al momento|per ora|prima di)\b|\bnon (e|sara) (una )?priorit(a|ario|aria)\b|\b(in|fra|tra) (qualche|un paio di|due|tre|quattro|sei|\d+) (mesi|trimestri|semestri)\b|\b(tra|fra) un anno\b/,
      label: 'non è il momento',
      weight: 2,
    },
    {
      re: /\bpiu (avanti|in la|tardi)\b|\bin futuro\b|\bin un secondo momento\b|\b(l'anno|l'esercizio|il trimestre|il semestre|il mese) (prossimo|prossima|che viene)\b|\b(il|nel|al|dal) prossimo (anno|trimestre|semestre|esercizio)\b|\b(nel|al|dal|entro il) (primo|secondo|terzo|1°|2°) (trimestre|semestre|quadrimestre)\b|\b(nel|a|ad|da|dopo|entro|verso|fine|inizio|meta|metà|dalla meta di|dalla fine di|all'inizio del|all'inizio di|a inizio|a fine|prima di|non prima di) (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|settembre|ottobre|2027|l'anno prossimo|anno nuovo|primavera|estate|autunno)\b|\b(q|t)[1-4] 2027\b|\bdopo (le feste|le festivita|natale|capodanno|l'epifania|le vacanze|la chiusura|il bilancio|la chiusura (d'anno|di fine anno|del bilancio|dell'esercizio|annuale)|l'approvazione del bilancio|l'audit|la revisione|la migrazione|il passaggio|l'implementazione|il go-?live|l'estate|la pausa estiva)\b|\b(a|ad|dopo) (inizio|fine) anno\b|\bcon l'anno nuovo\b|\bnel nuovo anno\b/,
      label: 'più avanti',
      weight: 2,
    },
    {
      re: /\bricontatta(temi|mi|teci|ci)\b|\bmi ricontatti\b|\bci ricontatti\b|\b(mi|ci) (ricontatti|riscriva|ricontattate|riscrivete|risenta) (pure |tranquillamente |pure tra |volentieri )?(tra|fra|a|ad|in|dopo|verso|il prossimo|l'anno|piu avanti|nel|dal|a partire)\b|\b(risentiamoci|riparliamone|aggiorniamoci|rivediamoci|riaggiorniamoci|ne riparliamo|ci risentiamo|torniamo a sentirci|ci aggiorniamo|riprendiamo il discorso|riprendiamo i contatti|rimandiamo|rinviamo|posticipare|posticipiamo)\b|\bsentiamoci (a|ad|in|dopo|piu avanti|piu in la|tra|fra|l'anno|il prossimo|nel|a inizio|a fine|verso)\b|\b(magari|forse) (piu avanti|piu in la|l'anno prossimo|in futuro|tra qualche mese|nel 2027|dopo)\b|\b(progetto|tema|argomento|iniziativa|acquisto) (in pausa|sospes[oa]|congelat[oa]|rimandat[oa]|rinviat[oa]|in standby|in stand-by)\b|\b(in|in fase di) stand-?by\b/,
      label: 'ricontattatemi più avanti',
      weight: 2,
    },
    {
      re: /\b(siamo|sono) (nel pieno|in piena|nel bel mezzo|in mezzo|presi con|impegnati con|sommersi|oberati|subissati|pieni|incasinati|molto presi|molto impegnati|super impegnati)\b|\bnel pieno (della|del|di)\b|\bin piena (chiusura|migrazione|revisione|implementazione|riorganizzazione|ristrutturazione|fase di)\b|\b(sommers[oiae]|oberat[oiae]|subissat[oiae]) (di|dal|dalla|dalle|dai)\b|\bnon (abbiamo|ho) (il )?tempo\b|\bnon (abbiamo|ho) (la )?(disponibilita|capacita|banda|risorse) (per|in questo|al momento|ora|adesso)\b|\b(periodo|momento|mese) (molto |particolarmente |estremamente )?(intenso|impegnativo|pieno|complicato|caldo|critico|frenetico)\b|\b(carichi|carico) di lavoro\b|\btroppo presto\b/,
      label: 'nel pieno della chiusura',
      weight: 2,
    },
    { re: /\b(al momento|per ora|in questo momento|per il momento|attualmente|adesso|in questa fase)\b/, label: 'al momento', weight: 1 },
  ],
  competitor: [
    {
      re: /\b(usiamo|utilizziamo|adottiamo|impieghiamo|lavoriamo con|collaboriamo con|ci appoggiamo a|ci affidiamo a|ci serviamo di|uso|utilizzo) (gia|da (anni|tempo|diversi anni|molti anni|\d+ anni))\b|\bgia (usiamo|utilizziamo|adottiamo|lavoriamo con|collaboriamo con|ci appoggiamo|ci affidiamo|abbiamo scelto)\b|\b(lavoriamo|collaboriamo) gia con\b|\bci (appoggiamo|affidiamo|serviamo) gia\b|\b(abbiamo|ho|disponiamo di|possediamo) (gia|da tempo|da anni) (una?|uno|un'|il nostro|la nostra|i nostri|le nostre|dei|degli|delle) ?(soluzion[ei]|software|gestionale|gestionali|strument[oi]|fornitor[ei]|partner|sistem[ai]|tool|prodott[oi]|programm[ai]|erp|piattaform[ae]|process[oi]|serviz[io]|applicativ[oi]|consulent[ei]|studio|commercialista|modulo|moduli)\b|\bgia (una?|uno|un') ?(soluzione|software|gestionale|strumento|fornitore|partner|sistema|tool|prodotto|programma|erp|piattaforma|applicativo|consulente|contratto)\b|\bgia in uso\b|\bin uso da (anni|tempo|\d+)\b/,
      label: 'abbiamo già una soluzione',
      weight: 2,
    },
    {
      re: /\b(abbiamo|ho|avevamo) (appena |gia |recentemente |da poco |poco fa )?(scelto|optato per|selezionato|firmato con|firmato un contratto con|deciso di (andare|procedere|lavorare) con)\b(?! (di|se) )|\b(abbiamo|ho|avevamo) (appena |gia |recentemente |da poco |poco fa )?(sottoscritto|acquistato|adottato|implementato|introdotto|rinnovato|attivato) (un|una|uno|un'|il|lo|la|l') ?(altr[oa] )?(software|soluzione|strumento|gestionale|sistema|tool|piattaforma|prodotto|erp|modulo|contratto|abbonamento|licenza)\b|\b(altro|altra|un altro|un'altra) (fornitore|soluzione|strumento|software|vendor|partner|prodotto|piattaforma|gestionale)\b|\bun (vostro )?concorrente\b|\b(soluzione|offerta) concorrente\b|\b(fornitore|soluzione|strumento|partner) (attuale|in uso|esistente|corrente|di riferimento)\b|\b(attuale|nostro attuale) (fornitore|soluzione|strumento|partner)\b|\b(siamo|sono) (gia )?(clienti|cliente|vincolati|legati) (di|del|della|dell'|con|da|a)\b|\bsiamo (molto |gia |pienamente )?soddisfatti (del nostro|della nostra|dell'attuale|degli attuali|del fornitore|della soluzione|dello strumento|di quello che)\b|\bci troviamo (molto |gia |)bene con\b|\bcontratto (in essere|in corso|pluriennale|appena rinnovato|gia firmato)\b|\bvincolati (da|per) (un|contratto)\b/,
      label: 'abbiamo scelto un altro fornitore',
      weight: 2,
    },
    {
      re: /\b(sviluppat[oaie]|realizzat[oaie]|costruit[oaie]|creat[oaie]|gestit[oaie]|automatizzat[oaie]|risolt[oaie]) (internamente|in casa|in house|in-house|dal nostro (it|reparto it|team it|ufficio it))\b|\b(soluzione|strumento|software|tool|sistema|procedura|applicativo) (intern[oa]|proprietari[oa]|fatt[oa] in casa|sviluppat[oa] in casa|su misura|custom)\b|\b(gestiamo|facciamo|risolviamo|automatizziamo) (tutto |gia )?(internamente|in casa|da soli|con (il nostro|un nostro|i nostri))\b|\bil nostro (gestionale|erp|sistema|software)[^.!?\n]{0,30}\b(?<!non )(copre gia|gestisce gia|fa gia|gia copre|gia gestisce|copre anche|gestisce anche)\b/,
      label: 'soluzione interna',
      weight: 2,
    },
  ],
  referral: [
    { re: /\bnon (sono|e) (io )?(la persona|il referente|la referente|l'interlocutore|l'interlocutrice|il contatto|la figura) (giust[oa]|corrett[oa]|adatt[oa]|piu (indicat[oa]|adatt[oa]|giust[oa])|competente|di riferimento|che se ne occupa)\b|\bnon sono (io )?(il|la) (referente|responsabile|decisore|decisor[ae])\b|\b(persona|interlocutore|contatto|destinatario|indirizzo) sbagliat[oa]\b/, label: 'non sono la persona giusta', weight: 2 },
    {
      re: /\bnon (me ne occupo|mi occupo|seguo|gestisco|curo|ho competenza)\b|\bnon e (di mia competenza|mia competenza|il mio ambito|il mio settore|compito mio|un mio compito)\b|\b(esula|esce) dalle mie (competenze|responsabilita|mansioni)\b|\bnon rientra nelle mie (competenze|responsabilita|mansioni)\b|\bnon (me ne occupo|mi occupo) (piu|io)\b|\b(non lavoro|non sono) piu (in|nell'|nell|nel|nella) (amministrazione|finanza|contabilita|ufficio|reparto|area|team)\b|\b(ho cambiato|cambiato) (ruolo|reparto|mansione|posizione|azienda)\b|\bmi (sono spostat[oa]|occupo ora|occupo adesso) (in|di|nell|nel|nella|su)\b/,
      label: 'non è di mia competenza',
      weight: 2,
    },
    {
      re: /\b(si rivolga|rivolgetevi|rivolgersi|rivolgiti|vi invito a (contattare|rivolgervi|scrivere)|la invito a (contattare|rivolgersi|scrivere)|le consiglio di (contattare|rivolgersi|scrivere|sentire)|vi consiglio di (contattare|rivolgervi|scrivere|sentire)|meglio (contattare|sentire|scrivere a)|dovrebbe (contattare|sentire|scrivere a)|dovreste (contattare|sentire|scrivere a)|puo (contattare|sentire|scrivere a)|potete (contattare|sentire|scrivere a)|contatti pure|scriva pure a|senta pure)\b[^.!?\n]{0,25}\b(a |al |alla |allo |all'|il |la |lo |l'|con )?(mio|mia|miei|nostro|nostra|nostri|collega|responsabile|ufficio|direttore|direttrice|dott|dottor|dottoressa|ing|sig|signor|signora|rag|amministrazione|cfo|[a-z0-9._%+-]+@)/,
      label: 'si rivolga a un collega',
      weight: 2,
    },
    {
      re: /\bho (gia )?(inoltrato|girato|passato|trasmesso|segnalato) (la sua|la tua|la vostra|il suo|il tuo|la|il|questa|questo|la mail|la email|il messaggio|la richiesta|la proposta|il contatto)\b|\b(inoltro|giro|passo|trasmetto|giriamo|inoltriamo) (la sua|la tua|la vostra|il suo|il tuo|questa|questo|la mail|la email|il messaggio|la richiesta|la proposta|il contatto) (a|al|alla|allo|all'|ai|alle)\b|\b(la|lo|le|li|l'ho|l'abbiamo) ?(giro|inoltro|passo|trasmetto|giriamo|inoltriamo|ho girata|ho girato|ho inoltrata|ho inoltrato|ho passata|ho passato|girata|girato|inoltrata|inoltrato|passata|passato) (subito |gia |direttamente )?(a|al|alla|allo|all'|ai|alle)\b|\b(metto|ho messo|inserisco|ho inserito|aggiungo|ho aggiunto|tengo) in (copia|cc)\b|\b(in copia|in cc)\b|\bla (metto|mettiamo) in contatto\b|\bvi metto in contatto\b|\bti metto in contatto\b|\ble passo il contatto\b|\bvi presento\b|\b(le|vi|ti) (giro|passo|inoltro) (il contatto|la mail|la richiesta)\b/,
      label: 'ho inoltrato al collega',
      weight: 2,
    },
    {
      re: /\bse ne (occupa|occupano|sta occupando)\b|\b(e|sara) (lui|lei|(?!(teamsystem|zucchetti|sap|excel|il gestionale|il sistema|il software|questo|cio)\b)[a-z]+) (che|a) (se ne occupa|gestisce|decide|segue|occuparsene)\b|\b(e|sara) (il|la) (responsabile|referente|persona giusta|persona di riferimento|persona piu indicata|decisore|interlocutore giusto)\b|\b(il|la) (referente|responsabile|persona giusta|persona di riferimento|persona piu indicata|interlocutore) (e|sara|per questo|per questi temi|per questo tipo)\b|\b(segue|gestisce|cura) (lui|lei|direttamente) (questi|questo|queste|la)\b|\b(segue|gestisce|cura|coordina) (questi|queste|questo|tali) (temi|argomenti|aspetti|progetti|tematiche|argomento|tema|acquisti)\b|\b(e|sono) (competente|competenti) (per|in materia)\b/,
      label: 'se ne occupa un collega',
      weight: 2,
    },
    { re: /\b(il mio|la mia|un mio|una mia|il nostro|la nostra|i miei|le mie) (collega|colleghi|colleghe|responsabile|direttore|direttrice|capo|cfo|controller|amministratore|amministratrice|ufficio|reparto|team|dipartimento|commercialista|titolare)\b|\bufficio (acquisti|amministrazione|amministrativo|contabilita|finanza|it|legale)\b/, label: 'un collega', weight: 1 },
  ],
  meeting: [
    {
      re: new RegExp(`${NOT_ABSENCE}\\b${GIORNO}\\b(?![^.!?\\n]{0,20}\\b20\\d\\d\\b)[^.!?\\n]{0,25}\\b${ORA}(?![\\d])|${NOT_ABSENCE}\\b${GIORNO} (mattina|pomeriggio|in mattinata|nel pomeriggio|in tarda mattinata|a pranzo|sera|in serata|primo pomeriggio|tardo pomeriggio)\\b`),
      label: 'un giorno e un orario',
      weight: 3,
    },
    {
      re: new RegExp(
        `\\b${GIORNO}\\b[^.!?\\n]{0,30}\\b(va bene|andrebbe bene|mi va bene|ci va bene|mi sta bene|mi andrebbe bene|va benissimo|e perfetto|sarebbe perfetto|perfetto|funziona|mi torna|ci torna|posso|potrei|possiamo|sono disponibile|sono libero|sono libera|siamo disponibili|e ok|ok per me)\\b` +
          `|\\b(va bene|ok per|ok a|d'accordo per|facciamo|diciamo|propongo|le propongo|vi propongo|ti propongo|che ne dice di|che ne dite di|sentiamoci|ci sentiamo|possiamo sentirci|potremmo sentirci|call|chiamata|videochiamata|riunione|incontro|appuntamento|demo|teams|zoom|meet)\\b[^.!?\\n]{0,25}\\b${GIORNO}\\b` +
          `|\\b(sono|saro|siamo|saremo) (disponibile|disponibili|liber[oaie])\\b[^.!?\\n]{0,30}\\b(${GIORNO}|${ORA}|mattina|pomeriggio|tutto il giorno)`,
      ),
      label: 'propone un giorno',
      weight: 3,
    },
    {
      re: /\b(mandami|mandatemi|mi mandi|mi mandate|inviami|inviatemi|mi invii|mi inviate|mi giri|giratemi|mi faccia avere|mi fate avere|potete mandarmi|puo mandarmi|potrebbe mandarmi|potete inviarmi|puo inviarmi|potrebbe inviarmi|mi mandi pure|mi invii pure)\b[^.!?\n]{0,25}\b(invito|invit|link (teams|zoom|meet|google meet|del calendario|al calendario|per (prenotare|fissare|la call))|calendar|calendario|agenda|disponibilita|slot|orari|date)\b|\b(invito|link) (teams|zoom|meet|google meet|outlook|calendar|in calendario|a calendario)\b|\blink (del|al) (suo |tuo |vostro )?(calendario|agenda|calendly)\b|\blink (per (prenotare|fissare)|di prenotazione)\b|\bcalendly\b|\b(quali sono le (sue|tue|vostre) disponibilita|le (sue|tue|vostre) disponibilita|quando (e|sei|siete|sarebbe|sareste) (disponibile|disponibili|liber[oaie])|quando (ha|hai|avete) tempo|che giorno (le|ti|vi) (va bene|andrebbe bene|torna comodo)|(mi|ci) (proponga|proponete|indichi|indicate|dica|dite) (pure )?(un paio di |qualche |alcune |due |tre |una )?(date|orari|slot|giorni|disponibilita|data|orario))\b|\bil mio (assistente|assistente|segretari[oa])[^.!?\n]{0,40}\b(agenda|appuntamento|fissare|organizzare|calendario|invito)\b/,
      label: 'chiede orari o un invito',
      weight: 3,
    },
    {
      re: /\b(fissare|fissiamo|organizzare|organizziamo|programmare|programmiamo|pianificare|pianifichiamo|concordare|concordiamo|prenotare|prenotiamo|schedulare|mettere in agenda|mettiamo in agenda|trovare|troviamo|fare|facciamo)( pure| subito| volentieri)? (una |un |uno |un')?(breve |veloce |rapida |prima |piccola )?(call|chiamata|telefonata|riunione|incontro|demo|dimostrazione|appuntamento|videochiamata|videocall|meeting|presentazione|chiacchierata|slot|momento)\b|\b(sentiamoci|vediamoci|possiamo sentirci|potremmo sentirci|ci possiamo sentire|parliamone|facciamo due chiacchiere|fare due chiacchiere|sentirci al telefono|ne parliamo a voce|parlarne a voce)\b/,
      label: 'fissare una call',
      weight: 2,
    },
    {
      re: /\b(volentieri|con piacere|ok|d'accordo|certo|disponibile|disponibili|aperto|aperta|felice|lieto|lieta|ben felice) (a |ad |per |di |per fare )?(una |un |uno )?(breve |veloce )?(call|chiamata|telefonata|incontro|demo|dimostrazione|videochiamata|riunione|confronto|presentazione|chiacchierata|sentirci|parlarne|approfondire a voce|vederci)\b|\b(vorrei|vorremmo|mi piacerebbe|ci piacerebbe|gradirei|gradiremmo) (vedere |fare |avere |organizzare |fissare )?(una |un )?(demo|dimostrazione|call|chiamata|presentazione|incontro|videochiamata)\b|\b(una|la) (demo|call|chiamata|presentazione) (mi|ci) (interessa|va bene|farebbe piacere|sarebbe utile)\b|\b(call|chiamata) di (15|20|30|venti|quindici|trenta) minuti\b[^.!?\n]{0,30}\b(va bene|ok|volentieri|perfetto|d'accordo|si|mi sta bene)\b|\bdisponibil[ei] (per (una|un|uno|la|il) (breve |veloce )?(call|chiamata|telefonata|incontro|demo|dimostrazione|videochiamata|riunione|confronto|presentazione|appuntamento)|per (sentirci|parlarne|vederci)|il (\d|lunedi|martedi|mercoledi|giovedi|venerdi)|lunedi|martedi|mercoledi|giovedi|venerdi|domani|la prossima settimana)\b/,
      label: 'volentieri una call',
      weight: 2,
    },
  ],
  question: [
    {
      re: /\b(vorrei|vorremmo|mi piacerebbe|ci piacerebbe|volevo|volevamo|desidererei|gradirei|avrei bisogno di|mi servirebbe)( anche| prima| innanzitutto| solo| gentilmente)? (sapere|capire|conoscere|chiedere|chiederle|chiedervi|domandare|domandarle|verificare|avere (qualche|alcune|maggiori|piu) (informazioni|info|dettagli|chiarimenti|precisazioni) (su|sul|sulla|sui|sulle|riguardo|in merito|circa))\b|\bmi (chiedevo|domandavo|chiedo) (se|come|quanto|quale|quali|cosa|perche|dove)\b|\bci (chiedevamo|domandavamo|chiediamo) (se|come|quanto|quale|quali)\b|\b(avrei|ho|abbiamo|avremmo) (una|alcune|qualche|un paio di|due|tre) domand[ae]\b/,
      label: 'vorrei sapere',
      weight: 2,
    },
    {
      re: /\b(potrebbe|potreste|puo|puoi|potete|potrebbe gentilmente|potreste gentilmente|sapreste|saprebbe|mi sa|ci sa|mi sapete|le chiedo di|vi chiedo di|chiedo cortesemente di|vi chiederei di|le chiederei di)( cortesemente| gentilmente| per favore)? ?(inviarmi|mandarmi|dirmi|dirci|indicarmi|indicarci|spiegarmi|spiegarci|specificarmi|precisarmi|chiarirmi|confermarmi|confermarci|inviarci|mandarci|girarmi|farmi avere|farci avere|illustrarmi|dettagliarmi|dire|indicare|spiegare|confermare|specificare|chiarire|inviare|mandare|fornire|fornirmi|fornirci)\b.{0,80}\b(prezz[oi]|cost[oi]|tariff[ae]|listino|canone|preventivo|offerta|contratt[oi]|condizioni|referenze|clienti|casi|sicurezza|soc ?2|iso ?27001|hosting|server|dati|gdpr|integrazion[ei]|integra|compatibil\w*|connettor[ei]|api|funziona|funzionamento|come|se |quant[oiae]|qual[ei]?|tempi|durata|implementazione|attivazione|pilota|prova|periodo di prova|supporto|assistenza|formazione|utenti|licenz[ae]|euro|iva|fatturazione|export|erp|gestionale|teamsystem|zucchetti|sap|excel|banche|lingua|italiano)\b/,
      label: 'potrebbe indicarmi',
      weight: 2,
    },
    {
      re: /\b(mi dica|ci dica|mi dite|ci dite|mi dici|mi spieghi|mi spiegate|mi indichi|mi indicate|mi faccia sapere|mi fate sapere|mi confermi|mi confermate|fatemi sapere|fammi sapere)\b.{0,60}\b(se|come|quanto|quanti|quale|quali|cosa|perche|dove|il prezzo|i prezzi|i costi|il costo)\b|\b(saperne|sapere|dirmi|capire) di piu (su|sul|sulla|sui|sulle|riguardo|in merito|circa) (il |la |i |le |l'|vostr[oiae] )?(prezz[oi]|cost[oi]|tariff[ae]|sicurezza|integrazion[ei]|implementazione|pilota|prova|funzionamento|hosting|api|referenze|contratt[oi]|condizioni|dati)\b|\b(maggiori|piu|ulteriori|alcune|qualche) (informazioni|info|dettagli|chiarimenti|precisazioni) (su|sul|sulla|sui|sulle|riguardo|in merito|circa) (al |alla |ai |alle |il |la |i |le |l'|vostr[oiae] |a )?(prezz[oi]|cost[oi]|tariff[ae]|sicurezza|integrazion[ei]|implementazione|pilota|prova|funzionamento|hosting|api|referenze|contratt[oi]|condizioni|dati|compatibilita|modalita)\b|\bdomanda (su|sul|sulla|sui|riguardo|in merito) (al |alla |il |la |i |le |l')?(prezz[oi]|cost[oi]|sicurezza|integrazion[ei]|pilota|prova|funzionamento|dati|contratt[oi])\b/,
      label: 'mi dica / maggiori dettagli su',
      weight: 2,
    },
    { re: /\b(quanto costa|quanto costerebbe|come funziona|funziona con|e compatibile con|si integra con|si interfaccia con|e possibile|sarebbe possibile|avete (clienti|referenze|casi)|qual e|quali sono)\b/, label: 'forma interrogativa', weight: 1 },
  ],
  interest: [
    {
      re: /(?<!\bnon\b[^.!?\n]{0,20})\b(siamo|sono|saremmo|sarei|sarebbe|sarebbero|molto|assolutamente|decisamente|potenzialmente|davvero) (molto |decisamente |davvero |assolutamente |potenzialmente |senz'altro |sicuramente |certamente )?interessat[oiae]\b|(?<!\bnon\b[^.!?\n]{0,5})\b(mi|ci) (interessa|interesserebbe|potrebbe interessare|incuriosisce)\b(?! (poco|relativamente))|^(molto )?interessat[oiae][.!]*$/,
      label: 'interessati',
      weight: 2,
    },
    {
      re: /(?<!\b(non|nao|no|nicht|niet|not|pas)\b[^.!?\n]{0,20})\b(molto|davvero|piuttosto|decisamente|assolutamente|sembra|mi sembra|ci sembra|pare|appare|e|argomento|tema|proposta|idea|spunto) (molto |davvero |piuttosto |decisamente |assolutamente |proprio )?(interessante|interessanti|rilevante|pertinente|promettente|utile|stimolante|intrigante|valida|valido)\b|\b(argomento|tema|problema|questione) (molto |proprio |particolarmente )?(attuale|sentito|caldo|centrale|rilevante) (per noi|da noi|in azienda|nella nostra)\b|\b(e|questo e) (proprio|esattamente|precisamente) (il nostro|quello che|cio che|un tema)\b|\bfa (proprio |esattamente )?al caso nostro\b(?<!non fa (proprio |esattamente )?al caso nostro)|\bpotrebbe (esserci|esser(ci|mi)|essere) utile\b|\bci potrebbe servire\b|\bcasca (proprio )?a fagiolo\b|\barriva al momento giusto\b/,
      label: 'sembra interessante',
      weight: 2,
    },
    {
      re: /\b(saperne|capirne|conoscere) di piu\b|\b(maggiori|piu|ulteriori) (informazioni|info|dettagli|materiale)\b|\b(mandami|mandatemi|mi mandi|mi mandate|inviami|inviatemi|mi invii|mi inviate|mi giri|mi faccia avere|mi fate avere|condividete|condivida|potete mandarmi|puo mandarmi|potrebbe mandarmi|potete inviarmi|puo inviarmi|potrebbe inviarmi)( pure| volentieri| gentilmente)?\b[^.!?\n]{0,30}\b(materiale|documentazione|brochure|presentazione|informazioni|info|dettagli|scheda|video|casi (di successo|studio)|case study|deck|qualcosa)\b|\btenete(mi|ci) (aggiornat[oiae]|informat[oiae]|al corrente)\b|\bmi tenga (aggiornat[oa]|informat[oa])\b|\btienimi aggiornat[oa]\b|\b(vorrei|vorremmo|mi piacerebbe|ci piacerebbe) (approfondire|capire meglio|valutare|vedere (come|di che)|saperne)\b|\bvolentieri\b|\bben volentieri\b|\bperche no\b|\bcon piacere\b|\bincuriosit[oiae]\b|\bci (diamo|do) un'occhiata\b|\b(daro|daremo) un'occhiata\b/,
      label: 'mandatemi più informazioni',
      weight: 2,
    },
    { re: /^(si[,!.]|certo\b|certamente\b|assolutamente\b|volentieri\b|perfetto\b|ottimo\b)/, label: 'sì', weight: 1 },
  ],
  threat: [
    { re: /\b(avvocat[oi]|il mio legale|il nostro legale|denuncero|denunceremo|denunciarvi|querela|querelarvi|azioni legali|vie legali|diffida|in tribunale|garante (della |per la )?(privacy|protezione dei dati)|polizia postale|carabinieri|illegale|violazione (del|della) (gdpr|privacy|normativa|legge))\b|\b(sporgere|sporgero|presentare|presentero|fare|faro) (una )?(denuncia|querela|esposto)\b|\bsegnal(ero|eremo|are|arvi|ato)\b[^.!?\n]{0,40}\b(spam|garante|autorita|polizia|abuso)\b/, label: 'minaccia legale' },
    { re: /\bmolesti(a|e)\b|\bstalking\b|\b(e|questo e) spam\b/, label: 'molestia / spam' },
  ],
  anger: [
    {
      re: /\b(vergogna|vergognoso|vergognosa|vergognatevi|inaccettabile|inammissibile|intollerabile|scandaloso|scandalosa|molestia|molestie|cazzo|stufo|stufa|stufi|che palle|rompete|rompere le scatole|rompiscatole|vaffanculo|fanculo|merda|idioti|idiota|cretini|cretino|truffa|truffatori|spammatori|ciarlatani|maleducati|insopportabile|ne ho abbastanza|adesso basta|ora basta|ma basta)\b|\bbasta!/,
      label: 'rabbia',
    },
    { re: /\b(e la|questa e la) (seconda|terza|quarta|quinta|ennesima|\d+a)( volta| mail| email| e-mail| richiesta)?\b|\bennesim[ao] (mail|email|messaggio|volta)\b|\bquante volte\b|\b(ve l'ho|gliel'ho|ve lo|l'ho) gia (detto|scritto|chiesto|ripetuto)\b|\bho gia (risposto|detto|chiesto)\b|\bogni (giorno|settimana)\b.{0,20}\b(mail|email|messagg)/, label: 'contatti ripetuti' },
  ],
  confused: [
    { re: /\bchi (e lei|siete|sei|e questa persona|e northpeak|e dana|vi conosce)\b|\bci conosciamo\b|\bnon (vi|la|ti) conosco\b|\bnon vi conosciamo\b|\bchi vi ha (dato|fornito|passato|girato|venduto) (il mio|la mia|i miei|questo)\b/, label: 'chi siete' },
    {
      re: /\b(dove|come|da dove|da chi|in che modo|tramite chi|perche) (avete|ha|hai) (preso|trovato|ottenuto|avuto|recuperato|reperito|acquistato|comprato) (il mio|la mia|i miei|le mie|questo|questa|il nostro|la nostra|i nostri)\b|\bda dove (arriva|arrivano|proviene|provengono|viene|vengono) (il mio|la mia|i miei|questo|questa)\b|\bperche (ricevo|mi arriva|mi arrivano|mi scrivete|mi scrive|mi contattate|mi contatta)\b/,
      label: 'dove avete preso il mio indirizzo',
    },
    { re: /\bnon (mi sono|ci siamo) mai (iscritt[oiae]|registrat[oiae])\b|\bnon (ho|abbiamo) mai (dato|fornito|prestato|rilasciato|autorizzato|chiesto|richiesto|acconsentito|dato il consenso)\b|\bsenza (il mio|il nostro|alcun) (consenso|permesso|autorizzazione)\b|\bnon (ho|abbiamo) (chiesto|richiesto) (nulla|niente)\b|\bmai (iscritt[oiae]|registrat[oiae])\b/, label: 'mai dato il consenso', weight: 2 },
  ],
  away: [
    {
      re: /\bfuori (ufficio|sede)\b|\b(sono|saro|e|sara|siamo|saremo|resto|restero|rimango|rimarro|attualmente|momentaneamente|temporaneamente)( attualmente| momentaneamente| temporaneamente| al momento)? (in ferie|assente|assenti|in vacanza|in viaggio|in trasferta|in maternita|in paternita|in congedo|in malattia|in permesso|in missione|in convalescenza|fuori sede|fuori ufficio|lontan[oa] dall'ufficio|non raggiungibile|irraggiungibile|non disponibile|indisponibile|in fiera|a un convegno|ad un convegno|a una conferenza|in formazione|all'estero)\b/,
      label: 'fuori ufficio',
    },
    {
      re: /\bin ferie\b|\bassente (dall'ufficio|dal lavoro|per ferie|per malattia|per motivi|fino|dal \d|da lunedi|da martedi|da mercoledi|da giovedi|da venerdi)|\bassente\b|\bin congedo( (di )?(maternita|paternita|parentale|per malattia|straordinario))?\b|\bcongedo (di )?(maternita|paternita|parentale)\b|\bin maternita\b|\bin malattia\b|\bin vacanza\b|\bin trasferta\b|\bper ferie\b|\b(rientrero|tornero|saro di ritorno|saro di nuovo|saro nuovamente) (in ufficio|in sede|al lavoro|operativ[oa]|disponibile|raggiungibile|il \d|lunedi|martedi|mercoledi|giovedi|venerdi|domani|dal \d|a partire)\b|\b(con )?rientro (in ufficio|in sede|previsto|il \d|lunedi|martedi|mercoledi|giovedi|venerdi|dal \d)\b/,
      label: 'in ferie',
    },
    {
      re: /\bchiusura (aziendale|per ferie|estiva|natalizia|invernale|per le festivita|per festivita|degli uffici|dell'ufficio|collettiva|straordinaria)\b|\b(gli |i nostri |nostri |l')?(uffici|ufficio|azienda|sede|stabilimento|studio|negozio) (saranno|sono|sara|e|resteranno|resta|restera|rimarranno|rimarra|rimangono) (chius[oiae])\b|\b(chius[oiae]) (per ferie|per le (festivita|feste|vacanze)|dal \d|fino al|a partire dal)\b|\bferie (aziendali|collettive|natalizie|estive)\b|\bponte (di|del|dell')\b/,
      label: 'chiusura aziendale',
    },
  ],
  awayNotice: [
    { re: /\bal mio (rientro|ritorno)\b|\b(appena|non appena) (rientrat[oa]|rientrero|possibile al mio rientro|tornat[oa]|tornero)\b|\b(rispondero|provvedero a rispondere|leggero|ricontattero|risponderemo)\b.{0,60}\b(rientro|ritorno|appena possibile|al piu presto|prima possibile|quanto prima)\b|\bprendero visione\b/, label: 'al mio rientro' },
    { re: /\baccesso (limitato|ridotto|saltuario|sporadico|discontinuo)\b|\bnon (avro|ho) (accesso|la possibilita di (leggere|consultare))\b|\bcon (limitato|ridotto|scarso) accesso\b|\b(consultero|leggero) (la posta|le email|le mail) (saltuariamente|raramente|occasionalmente|solo)\b|\bnon (potro|saro in grado di) (leggere|rispondere|consultare)\b/, label: 'accesso limitato' },
    {
      re: /\bper (questioni|richieste|urgenze|comunicazioni|pratiche|necessita|problemi|argomenti) (urgenti|urgenza|indifferibili|improrogabili)\b|\bper urgenze\b|\bin caso di (urgenza|necessita urgente|emergenza)\b|\bse (urgente|la questione e urgente|la richiesta e urgente|si tratta di (questione|richiesta) urgente)\b|\bper qualsiasi urgenza\b|\b(potete|puo|potra|potrete|si prega di|vi prego di|la prego di|e possibile) (contattare|scrivere a|rivolgersi a|rivolgervi a|chiamare|fare riferimento a)\b[^.!?\n]{0,80}(@|\b0\d{1,3}[ .]?\d|\+39|\b3\d\d[ .]?\d)/,
      label: 'per urgenze',
    },
    {
      re: /\bdurante la mia assenza\b|\bnel periodo di (assenza|chiusura|ferie)\b|\bin mia assenza\b|\b(la sua|la vostra|la tua) (email|e-mail|mail|messaggio) non (verra|sara) (inoltrat[oa]|lett[oa])\b|\bmi sostituisce\b|\b(il mio|la mia) (sostitut[oa]|collega di riferimento)\b/,
      label: 'durante la mia assenza',
    },
  ],
  automatic: [
    { re: /\b(risposta|messaggio|e-?mail|mail|comunicazione|notifica) (automatic[oa]|generat[oa] automaticamente|inviat[oa] automaticamente)\b|\b(generat[oa]|inviat[oa]|spedit[oa]) (automaticamente|in automatico|da un sistema automatico)\b|\bquesto e un messaggio automatico\b/, label: 'risposta automatica' },
    { re: /\b(si prega di|vi preghiamo di|la preghiamo di|per favore|si chiede di) non rispondere\b|\bnon rispondere a (questo|questa) (messaggio|email|e-mail|mail)\b|\bnon rispondete a (questo|questa)\b/, label: 'non rispondere' },
    {
      re: /\b(casella|indirizzo|mailbox|account|casella di posta|indirizzo (e-?mail|di posta))( e-?mail| di posta)?( elettronica)? (non (e )?(piu )?(monitorat[oa]|presidiat[oa]|controllat[oa]|lett[oa]|attiv[oa]|in uso|abilitat[oa]|gestit[oa])|dismess[oa]|disattivat[oa])\b|\bnon (e|viene) (piu )?(monitorat[oa]|presidiat[oa]|controllat[oa]|lett[oa])\b|\b(il suo|il vostro|questo) messaggio non (verra|sara) (lett[oa]|elaborat[oa]|gestit[oa])\b/,
      label: 'casella non presidiata',
      weight: 2,
    },
    { re: /\bnon fa (piu|ormai piu) parte\b|\bnon lavora piu\b|\bnon (e|e piu) (piu )?(in forza|in servizio|dipendente|nostro dipendente|parte del|presente in azienda|attiv[oa] presso)\b|\bha lasciato (l'azienda|la societa|il gruppo|lo studio|il suo incarico)\b|\bnon collabora piu\b|\bha cessato (il suo rapporto|la collaborazione|il rapporto|la sua attivita)\b/, label: 'non fa più parte dell’azienda' },
    {
      re: /\babbiamo (ricevuto|preso in carico|registrato) (la sua|la vostra|la tua|il suo|il vostro) (richiesta|email|e-mail|mail|messaggio|segnalazione|ticket)\b[^.!?\n]{0,120}\b(ticket|numero|protocollo|operatore|prima possibile|al piu presto|entro \d+|quanto prima|ore lavorative|giorni lavorativi)\b|\b(la sua|la vostra|la tua) (richiesta|segnalazione|pratica|email|mail)( n\.?| numero| #)?[^.!?\n]{0,30} (e stata|e|sara) (correttamente |regolarmente )?(ricevuta|registrata|presa in carico|inoltrata|inserita|aperta|assegnata)\b|\b(la contatteremo|vi contatteremo|le risponderemo|vi risponderemo|un (nostro )?operatore (la|vi) (contattera|rispondera)|sarete ricontattati|sara ricontattato|sara ricontattata)\b.{0,40}\b(prima possibile|al piu presto|entro|breve|quanto prima|tempi)\b/,
      label: 'richiesta ricevuta',
      weight: 2,
    },
    { re: /\babbiamo (ricevuto|registrato) (la sua|la vostra|il suo|il vostro) (richiesta|segnalazione|messaggio)\b/, label: 'richiesta ricevuta' },
    { re: /\b(ticket|richiesta|pratica|segnalazione|protocollo|caso)( n\.?| numero| nr\.?| #|:)? ?#? ?[a-z]*-?\d{3,}\b/, label: 'numero di ticket' },
    { re: /\b(il|questo|il suo|il vostro) messaggio\b[^!?]{0,250}\b(e stato|e stata) (letto|letta|visualizzato|visualizzata|aperto|aperta)\b|\b(conferma|notifica|ricevuta|avviso) di (lettura|ritorno|recapito)\b/, label: 'conferma di lettura', weight: 2 },
    {
      re: /\b(moderatore|moderatori|moderazione)\b|\bin attesa di (approvazione|moderazione|verifica|convalida)\b|\b(confermare|dimostrare|verificare) di (non essere un robot|essere una persona)\b|\bverifica (del mittente|anti-?spam)\b|\b(lista|elenco) (bianca|dei mittenti (autorizzati|approvati))\b|\bmittenti autorizzati\b|\bclicc\w* sul link[^.!?\n]{0,40}\b(confermare|verificare|convalidare)\b/,
      label: 'verifica del mittente',
      weight: 2,
    },
    { re: /\b(il mio|il nostro) (nuovo indirizzo|indirizzo (e-?mail|di posta) e cambiato)\b|\bsi prega di aggiornare (i|la|il) (vostri|vostra|vostro|suoi|sua|suo) (contatti|rubrica|indirizzo)\b|\bil mio nuovo indirizzo (e-?mail |di posta )?e\b/, label: 'cambio di indirizzo' },
  ],
  autoSubjects: [
    { re: /^(risposta automatica|risposta autom|risposta auto\b|messaggio automatico|notifica automatica|conferma di ricezione|conferma ricezione|ricevuta di ricezione|abbiamo ricevuto|richiesta ricevuta|la sua richiesta|\[ticket|ticket ?(n|#|:)|\[#)/, away: false },
    { re: /^(letto ?:|conferma di lettura|notifica di lettura|ricevuta di lettura|ricevuta di ritorno)/, away: false },
    { re: /^(fuori ufficio|fuori sede|assente|in ferie|assenza|ferie\b|in vacanza|chiusura (aziendale|per ferie|uffici|natalizia|estiva)|sono assente|sono in ferie|uffici chiusi)/, away: true },
  ],
  returnCue: [
    'rientro', 'rientrero', 'rientra', 'di ritorno', 'ritorno', 'tornero', 'torno', 'di nuovo in ufficio', 'a partire da', 'a partire dal',
    'rientrero in ufficio', 'rientro in ufficio', 'rientro previsto', 'con rientro', 'con rientro il', 'saro di nuovo in ufficio', 'saro nuovamente in ufficio', 'nuovamente in ufficio',
    'di nuovo disponibile', 'nuovamente disponibile', 'di nuovo raggiungibile', 'nuovamente raggiungibile', 'di nuovo operativo', 'di nuovo operativa', 'nuovamente operativo', 'nuovamente operativa',
    'riprendero', 'riprendero servizio', 'riprendero il lavoro', 'ripresa', 'ripresa delle attivita', 'riapertura', 'riapriremo', 'riapriranno', 'riaprira', 'tornero in ufficio', 'in ufficio da', 'in ufficio dal',
    'operativo dal', 'operativa dal', 'disponibile dal', 'disponibile a partire dal', 'raggiungibile dal', 'presente in ufficio dal', 'tornero disponibile', 'rientrata', 'rientrato',
  ],
  untilCue: ['fino a', 'fino al', "fino all'", 'sino al', 'al', 'fino', 'sino', 'fino alla giornata di', 'fino a tutto il', 'fino a tutto'],
  fromCue: [
    'da', 'dal', "dall'", 'tra', 'a decorrere dal', 'assente a partire dal', 'assente a partire da', 'in ferie a partire dal', 'in ferie a partire da', 'fuori ufficio a partire dal',
    'in congedo a partire dal', 'chiusi a partire dal', 'chiuso a partire dal', 'chiusa a partire dal', 'assente dal', 'in ferie dal',
  ],
};
