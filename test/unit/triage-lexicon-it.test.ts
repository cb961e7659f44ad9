import { classifyMessage } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0100' } = {}): string {
  return ['From: Pat <pat@acme.example>', 'To: Dana Whitfield <dana@northpeak.io>', `Subject: ${subject}`, `Date: ${date}`,
    'Message-ID: <r1@acme.example>', 'In-Reply-To: <enr-1.step-1.v1@mail.northpeak.io>', ...(headers ? [headers] : []),
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n');
}

// Short replies written for these tests (not taken from the corpus), the intent each must get.
describe('Italian replies', () => {
  test.each([
    ['Cancellatemi dalla vostra lista.', 'unsubscribe'],
    ['Vi prego di cancellarmi dalla mailing list.', 'unsubscribe'],
    ['Rimuovete il mio indirizzo dal vostro database.', 'unsubscribe'],
    ['La prego di rimuovermi dai vostri contatti.', 'unsubscribe'],
    ['Non scrivetemi più.', 'unsubscribe'],
    ['Non contattatemi più, grazie.', 'unsubscribe'],
    ['Vi prego di non scrivermi più.', 'unsubscribe'],
    ['Non desidero più ricevere vostre comunicazioni.', 'unsubscribe'],
    ['Non voglio ricevere altre email.', 'unsubscribe'],
    ['Smettetela di mandarmi email.', 'unsubscribe'],
    ['Basta email, grazie.', 'unsubscribe'],
    ['Toglimi dalla lista per favore.', 'unsubscribe'],
    ['Mi cancelli dai vostri elenchi.', 'unsubscribe'],
    ['Richiedo la cancellazione dei miei dati ai sensi del GDPR.', 'unsubscribe'],
    ['Mi oppongo al trattamento dei miei dati personali per finalità di marketing.', 'unsubscribe'],
    ['Revoco il consenso al trattamento.', 'unsubscribe'],
    ['Se continuate segnalerò la cosa al Garante della privacy.', 'unsubscribe'],
    ['Questo è spam. Smettete di scrivermi.', 'unsubscribe'],
    ['Non mi interessa. Eliminate il mio contatto.', 'unsubscribe'],
    ['Lasciatemi in pace.', 'unsubscribe'],
    ['STOP', 'unsubscribe'],
    ['Cancellazione', 'unsubscribe'],
    ['Disiscrivetemi subito.', 'unsubscribe'],
    ['Per favore non inviatemi più messaggi.', 'unsubscribe'],
    ['Desidero essere cancellato dalla vostra lista.', 'unsubscribe'],
    ['Abbiamo già un gestionale. Vi chiedo di non contattarci più.', 'unsubscribe'],
    ['Niente più email, grazie.', 'unsubscribe'],
    ['Segnalo queste email come spam.', 'unsubscribe'],
    ['No grazie.', 'not_interested'],
    ['Non siamo interessati.', 'not_interested'],
    ['Non ci interessa, grazie.', 'not_interested'],
    ['Non fa al caso nostro.', 'not_interested'],
    ['Grazie, ma non fa per noi.', 'not_interested'],
    ['Non ne abbiamo bisogno.', 'not_interested'],
    ['Al momento non siamo interessati, grazie.', 'not_interested'],
    ['Non è di nostro interesse.', 'not_interested'],
    ['Passo, grazie.', 'not_interested'],
    ["Non vediamo l'utilità per la nostra realtà.", 'not_interested'],
    ['Troppo caro per noi.', 'objection_price'],
    ["Non abbiamo budget quest'anno.", 'objection_price'],
    ['Il prezzo è troppo alto per una realtà come la nostra.', 'objection_price'],
    ['Costa troppo.', 'objection_price'],
    ['Fuori budget, mi dispiace.', 'objection_price'],
    ['Il budget è già esaurito.', 'objection_price'],
    ['Non ce lo possiamo permettere.', 'objection_price'],
    ['49 dollari a utente sono troppi per noi.', 'objection_price'],
    ['Non è il momento giusto, mi ricontatti a febbraio.', 'objection_timing'],
    ['Siamo nel pieno della chiusura di fine anno, sentiamoci a gennaio.', 'objection_timing'],
    ['Per ora no, magari più avanti.', 'objection_timing'],
    ["Ne riparliamo l'anno prossimo.", 'objection_timing'],
    ['Ricontattatemi tra qualche mese.', 'objection_timing'],
    ['Non ora, siamo in piena migrazione del gestionale.', 'objection_timing'],
    ["Ci risentiamo dopo l'approvazione del bilancio.", 'objection_timing'],
    ['Progetto rimandato al 2027.', 'objection_timing'],
    ['Usiamo già TeamSystem.', 'objection_competitor'],
    ['Abbiamo già una soluzione in uso.', 'objection_competitor'],
    ['Abbiamo scelto un altro fornitore.', 'objection_competitor'],
    ['Lo abbiamo sviluppato internamente.', 'objection_competitor'],
    ['Lavoriamo già con un partner per questo.', 'objection_competitor'],
    ['Siamo già clienti di BlackLine.', 'objection_competitor'],
    ['Il nostro gestionale copre già le riconciliazioni.', 'objection_competitor'],
    ['Non sono la persona giusta, si rivolga al nostro CFO.', 'referral'],
    ['Non me ne occupo io, ho inoltrato la sua email al responsabile amministrativo.', 'referral'],
    ['Metto in copia la collega che segue questi temi.', 'referral'],
    ['Se ne occupa la dott.ssa Bianchi.', 'referral'],
    ['Non è di mia competenza. Può scrivere a amministrazione@acme.example.', 'referral'],
    ['Ho cambiato ruolo, ora se ne occupa Marco Rossi.', 'referral'],
    ['Martedì alle 15 va bene.', 'meeting_request'],
    ['Mercoledì pomeriggio sono disponibile.', 'meeting_request'],
    ['Mi mandi un invito Teams.', 'meeting_request'],
    ['Quali sono le sue disponibilità la prossima settimana?', 'meeting_request'],
    ['Fissiamo una call.', 'meeting_request'],
    ['Volentieri una chiamata di 20 minuti.', 'meeting_request'],
    ['Sentiamoci giovedì.', 'meeting_request'],
    ['Ok per martedì.', 'meeting_request'],
    ['Vorrei vedere una demo.', 'meeting_request'],
    ['Mi può mandare il link al suo calendario?', 'meeting_request'],
    ['Vorrei sapere se si integra con TeamSystem.', 'question'],
    ['Potrebbe indicarmi i prezzi in euro?', 'question'],
    ['Funziona con SAP Business One?', 'question'],
    ['Volevo sapere quanto costa per 10 utenti.', 'question'],
    ['Mi chiedevo se il periodo di prova richiede la carta di credito.', 'question'],
    ['Ho alcune domande sulla sicurezza dei dati.', 'question'],
    ['Sembra interessante. Mandami pure del materiale.', 'interested'],
    ['Ci interessa, mi mandi maggiori informazioni.', 'interested'],
    ['Interessante, vorrei saperne di più.', 'interested'],
    ['Argomento molto attuale per noi.', 'interested'],
    ['Potrebbe esserci utile. Tenetemi aggiornato.', 'interested'],
    ['Molto interessante!', 'interested'],
    ['Grazie, ricevuto.', 'other'],
    ['Chi siete?', 'other'],
    ['Dove avete preso il mio indirizzo?', 'other'],
    ['Basta inviarmi il contratto firmato e procediamo col pagamento della fattura 2026/114.', 'other'],
    ['Come gestite la cancellazione dei dati alla fine della prova?', 'question'],
    ['Oggi eliminiamo i duplicati dal file a mano: il vostro strumento lo fa in automatico?', 'question'],
    ['Basta mandarmi una presentazione, la giro al mio capo. Interessante.', 'referral'],
    ['Martedì non posso, mercoledì alle 11 va bene.', 'meeting_request'],
    ['Siete conformi al GDPR? Dove sono ospitati i dati?', 'question'],
    ['Ci sentiamo presto.', 'other'],
    ['Le sue integrazioni funzionano con TeamSystem?', 'question'],
    ['Molto interessante, grazie per le sue informazioni.', 'interested'],
    ['Grazie, ricevuto. Ci sentiamo.', 'other'],
    ['Vi chiedo cortesemente di rimuovere il mio indirizzo.', 'unsubscribe'],
    ['Non inviatemi più nulla.', 'unsubscribe'],
    ['Gradirei non ricevere più queste email.', 'unsubscribe'],
    ['Per cortesia, eliminate la mia email dai vostri archivi.', 'unsubscribe'],
    ['Non sono interessato, non mi scriva più.', 'unsubscribe'],
    ['Smettetela!', 'unsubscribe'],
    ['Vorrei essere rimosso dalla vostra lista.', 'unsubscribe'],
    ['Questa è posta indesiderata: vi prego di cancellarmi.', 'unsubscribe'],
    ['Preferirei non essere contattato.', 'unsubscribe'],
    ['La sua email era finita nella posta indesiderata, scusi il ritardo. Ci interessa!', 'interested'],
    ['Il vostro strumento può eliminare i dati duplicati?', 'question'],
    ['Non siamo interessati, grazie.\n\nCordiali saluti\nMario Rossi\nInformativa privacy: ai sensi del Regolamento UE 2016/679 (GDPR) i suoi dati sono trattati per finalità contrattuali. In qualsiasi momento potrà esercitare i diritti di cui agli artt. 15-22 del GDPR (accesso, rettifica, cancellazione, limitazione, opposizione al trattamento) scrivendo a privacy@acme.example.', 'not_interested'],
    ["Sembra interessante, mi mandi del materiale.\n\nSaluti\nLuca\nL'interessato ha diritto di ottenere la cancellazione dei dati e di opporsi al trattamento.", 'interested'],
    ['Cancellazione immediata!', 'unsubscribe'],
    ['Cancellazione', 'unsubscribe'],
    ['Opposizione al trattamento dei miei dati.', 'unsubscribe'],
    ['Con la presente esprimo formale opposizione al trattamento dei miei dati per finalità di marketing.', 'unsubscribe'],
    ['Potete chiedere a chi volete, ma cancellatemi dalla lista.', 'unsubscribe'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each([
    ['Buongiorno,\nsarò fuori ufficio fino al 27 novembre compreso, con rientro lunedì 30 novembre.\nPer urgenze potete contattare amministrazione@acme.example.\nCordiali saluti', '2026-11-30'],
    ['Sono in ferie fino al 24/11/2026 compreso, con accesso limitato alla posta.', '2026-11-24'],
    ['Rientrerò in ufficio lunedì 30 novembre. Risponderò al mio rientro.', '2026-11-30'],
    ['Sono assente fino a mercoledì.', '2026-11-25'],
    ['Gli uffici resteranno chiusi per ferie dal 24 dicembre al 6 gennaio compreso. Riapriremo il 7 gennaio.', '2027-01-07'],
    ['Sarò assente per ferie dal 19 novembre, con rientro il 1° dicembre.', '2026-12-01'],
    ['Sarò assente a partire dal 19 novembre e fino al 27 novembre.', '2026-11-27'],
    ['Sono in congedo di maternità. La sua email non verrà inoltrata. Per comunicazioni urgenti scrivere a ufficio@acme.example.', null],
    ['Sono fuori sede fino a venerdì 27/11.', '2026-11-27'],
    ['Sarò assente dal 19 al 27 novembre compresi.', '2026-11-27'],
    ['Sono in malattia. Rientrerò il giorno 30 novembre.', '2026-11-30'],
    ['Sarò di nuovo operativo da lunedì 30 novembre.', '2026-11-30'],
    ["L'ufficio resterà chiuso dal 7 all'8 dicembre. Riapriremo mercoledì 9 dicembre.", '2026-12-09'],
    ['Sono in congedo parentale. Per urgenze scrivere a amministrazione@acme.example.', null],
    ['Sono in trasferta. Rientro previsto lunedì 30/11.', '2026-11-30'],
    ['Sarò in viaggio di lavoro fino al 27 novembre incluso, con accesso limitato alla posta elettronica.', '2026-11-27'],
  ])('absence notice %j returns %s', async (body, returnDate) => {
    const t = await classifyMessage(eml(body, { subject: 'Risposta automatica: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each([
    ['Questo è un messaggio automatico. Questa casella di posta non è monitorata.'],
    ["Il dott. Verdi non fa più parte dell'azienda. Per informazioni scrivere a info@acme.example."],
  ])('automatic reply %j is auto_reply_other', async (body) => {
    expect((await classifyMessage(eml(body, { subject: 'Risposta automatica: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' }))).intent).toBe('auto_reply_other');
  });

  // Without automatic headers the subject and wording decide, and a person's reply that mentions a holiday stays a person's.
  test.each([
    ['Sono in trasferta fino al 27/11 e sarò di nuovo in ufficio dal 30/11. In caso di urgenza chiamare il 02 1234567.', 'Fuori ufficio: Month-end close at Acme', 'out_of_office'],
    ['Sono in trasferta fino al 27/11 e sarò di nuovo in ufficio dal 30/11. In caso di urgenza chiamare il 02 1234567.', 'Re: Month-end close at Acme', 'out_of_office'],
    ['Abbiamo ricevuto la sua richiesta n. 20931. Un nostro operatore la contatterà al più presto.', 'Conferma di ricezione: richiesta n. 20931', 'auto_reply_other'],
    ['Il messaggio\n\nA: Pat\nOggetto: Month-end close at Acme\nInviato: martedì 17 novembre 2026 15:02\n\nè stato letto martedì 17 novembre 2026 15:10.', 'Letto: Month-end close at Acme', 'auto_reply_other'],
    ['Messaggio generato automaticamente, si prega di non rispondere. Casella non presidiata.', 'Risposta automatica: Month-end close at Acme', 'auto_reply_other'],
    ['Grazie per la sua email. Parto per le ferie domani, mi ricontatti a gennaio.', 'Re: Month-end close at Acme', 'objection_timing'],
    ['Sono in trasferta questa settimana ma giovedì alle 15 va bene.', 'Re: Month-end close at Acme', 'meeting_request'],
    ['Abbiamo ricevuto la sua mail, la giro al nostro responsabile amministrativo.', 'Re: Month-end close at Acme', 'referral'],
  ])('without automatic headers, %j under %j is %s', async (body, subject, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });

  test.each([
    ['R: Month-end close at Acme - cancellatemi'],
    ['Re: Month-end close at Acme -- non scrivetemi più'],
    ['Cancellazione'],
  ])('an empty reply under the subject %j is an opt-out', async (subject) => {
    expect((await classifyMessage(eml('', { subject }))).intent).toBe('unsubscribe');
  });

  test.each([
    ['Cancellatemi, grazie.', false],
    ['È spam. Se continuate vi denuncio al Garante della privacy.', true],
    ['Chi siete? Dove avete preso il mio indirizzo?', true],
    ['Vergognatevi, è la terza email questa settimana.', true],
    ['Sede legale: Via Roma 1, Milano. Iscritta al Tribunale di Milano. Non siamo interessati.', false],
    ['Le sue disponibilità? Martedì alle 15 va bene per me.', false],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });
});

test('calling it spam escalates but is no opt-out by itself (the brief); Portuguese "é spam" folds to the same words', async () => {
  for (const body of ['Questo è spam.', 'Isso é spam.']) {
    const t = await classifyMessage(
      ['From: Pat <pat@acme.example>', 'To: Dana Whitfield <dana@northpeak.io>', 'Subject: Re: x', 'Date: Wed, 18 Nov 2026 10:00:00 +0100', 'Message-ID: <r1@acme.example>', '', body, ''].join('\r\n'),
    );
    expect(t.intent).not.toBe('unsubscribe');
    expect(t.escalate).toBe(true);
  }
});
