import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0100' } = {}): string {
  return [
    'From: Pat <pat@acme.example>',
    'To: Dana Whitfield <dana@northpeak.io>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Message-ID: <r1@acme.example>',
    'In-Reply-To: <enr-1.step-1.v1@mail.northpeak.io>',
    ...(headers ? [headers] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

const AUTO = { subject: 'Automatische Antwort: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' };

describe('German replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    // unsubscribe
    ['Bitte streichen Sie mich aus Ihrem Verteiler.', 'unsubscribe'],
    ['Bitte tragen Sie mich aus Ihrer Liste aus.', 'unsubscribe'],
    ['Ich möchte keine weiteren E-Mails von Ihnen erhalten.', 'unsubscribe'],
    ['Bitte keine Mails mehr.', 'unsubscribe'],
    ['Abmelden', 'unsubscribe'],
    ['Kontaktieren Sie mich bitte nicht mehr.', 'unsubscribe'],
    ['Hören Sie bitte auf, mir zu schreiben.', 'unsubscribe'],
    ['Hiermit widerspreche ich der Nutzung meiner Daten zu Werbezwecken gemäß Art. 21 DSGVO.', 'unsubscribe'],
    ['Löschen Sie umgehend alle meine Daten und teilen Sie mir mit, woher Sie meine Adresse haben.', 'unsubscribe'],
    ['Wenn das nicht aufhört, melde ich Sie bei der Datenschutzbehörde.', 'unsubscribe'],
    ['Das ist Spam. Unterlassen Sie das.', 'unsubscribe'],
    ['Schick mir bitte nichts mehr.', 'unsubscribe'],
    ['Lasst mich in Ruhe!', 'unsubscribe'],
    ['Kein Interesse, bitte entfernen Sie meine Adresse.', 'unsubscribe'],
    ['Wir nutzen bereits DATEV. Bitte nehmen Sie uns von Ihrer Liste.', 'unsubscribe'],
    ['Ich wünsche nicht, weiter angeschrieben zu werden.', 'unsubscribe'],
    ['Bitte melden Sie mich von diesem Newsletter ab.', 'unsubscribe'],
    ['Ich verbitte mir jede weitere Kontaktaufnahme.', 'unsubscribe'],
    ['Bitte sehen Sie von weiteren Kontaktaufnahmen ab.', 'unsubscribe'],
    ['Bitte löschen.', 'unsubscribe'],
    ['STOPP', 'unsubscribe'],
    ['Unerwünschte Werbung – bitte sofort einstellen.', 'unsubscribe'],
    ['Ich habe kein Interesse an Ihren E-Mails.', 'unsubscribe'],
    ['Mein Anwalt wird sich um diese unverlangte Werbung kümmern.', 'unsubscribe'],
    ['Bitte aus dem Verteiler loeschen', 'unsubscribe'],
    ['Ich moechte keine Werbung mehr bekommen.', 'unsubscribe'],
    ['Nehmt mich bitte raus aus eurem Verteiler.', 'unsubscribe'],
    ['Ich widerrufe hiermit jegliche Einwilligung.', 'unsubscribe'],
    ['Schreiben Sie mir nie wieder.', 'unsubscribe'],
    ['Bitte nicht mehr anschreiben, danke.', 'unsubscribe'],
    ['Ich bitte um sofortige Löschung meiner Kontaktdaten.', 'unsubscribe'],
    ['Wir möchten nicht mehr kontaktiert werden.', 'unsubscribe'],
    ['Sie schicken mir ungefragt Werbung. Das ist nach § 7 UWG unzulässig.', 'unsubscribe'],
    ['Hören Sie auf mit diesen Mails!', 'unsubscribe'],
    ['Bitte setzen Sie uns auf Ihre Sperrliste.', 'unsubscribe'],
    ['Ich melde Ihre Mails ab sofort als Spam.', 'unsubscribe'],
    ['Bitte nehmen Sie mich aus allen Ihren Listen. Danke.', 'unsubscribe'],
    ['Keine Werbung!', 'unsubscribe'],
    ['Danke, aber bitte keine weiteren Nachrichten.', 'unsubscribe'],
    ['Bitte stellen Sie die Zusendung von Werbung ein.', 'unsubscribe'],
    ['Nicht an Ihren E-Mails interessiert, bitte keine weiteren.', 'unsubscribe'],
    ['Ich will nichts mehr von Ihnen hören.', 'unsubscribe'],
    ['Verschonen Sie mich mit Ihren Mails.', 'unsubscribe'],
    ['Hören Sie auf zu spammen!', 'unsubscribe'],
    ['Ich habe Ihre Mails als Spam gemeldet.', 'unsubscribe'],
    ['Werbung ist bei uns unerwünscht.', 'unsubscribe'],
    // not interested
    ['Kein Bedarf, danke.', 'not_interested'],
    ['Vielen Dank, aber das ist nichts für uns.', 'not_interested'],
    ['Nein danke.', 'not_interested'],
    ['Das passt leider nicht zu uns.', 'not_interested'],
    ['Wir sehen hier keinen Mehrwert.', 'not_interested'],
    ['Wir möchten das nicht weiterverfolgen.', 'not_interested'],
    ['Interessiert uns nicht.', 'not_interested'],
    ['Danke für die Nachricht, aber wir verzichten.', 'not_interested'],
    ['Wir haben kein Interesse.', 'not_interested'],
    ['Brauchen wir nicht.', 'not_interested'],
    ['Keine weiteren Informationen nötig, danke.', 'not_interested'],
    // objection price
    ['Das ist uns deutlich zu teuer.', 'objection_price'],
    ['Dafür haben wir kein Budget.', 'objection_price'],
    ['49 Dollar pro Nutzer sind für uns viel zu viel.', 'objection_price'],
    ['Unser Budget für 2027 ist bereits verplant.', 'objection_price'],
    ['Die Preise sind für uns zu hoch.', 'objection_price'],
    ['Das können wir uns als kleines Team nicht leisten.', 'objection_price'],
    ['Das rechnet sich für uns leider nicht.', 'objection_price'],
    // objection timing
    ['Aktuell nicht, melden Sie sich gerne im Frühjahr wieder.', 'objection_timing'],
    ['Wir stecken mitten in der ERP-Umstellung. Kommen Sie bitte nach dem Jahresabschluss wieder auf mich zu.', 'objection_timing'],
    ['Im Moment passt es leider nicht, vielleicht später im Jahr.', 'objection_timing'],
    ['Derzeit keine Kapazitäten. Fragen Sie gerne im Q2 noch einmal nach.', 'objection_timing'],
    ['Das Thema ist bei uns auf Eis gelegt.', 'objection_timing'],
    ['Frühestens im März, vorher haben wir keine Zeit.', 'objection_timing'],
    ['Ich melde mich im neuen Jahr bei Ihnen.', 'objection_timing'],
    ['Jetzt nicht, vielleicht im nächsten Quartal.', 'objection_timing'],
    ['Schreiben Sie mir nicht vor Januar, dann gerne.', 'objection_timing'],
    // objection competitor
    ['Wir arbeiten seit Jahren mit DATEV und sind damit zufrieden.', 'objection_competitor'],
    ['Wir haben uns bereits für einen anderen Anbieter entschieden.', 'objection_competitor'],
    ['Das haben wir intern gelöst, mit einer Eigenentwicklung.', 'objection_competitor'],
    ['Wir nutzen bereits eine ähnliche Lösung.', 'objection_competitor'],
    ['Unser Steuerberater übernimmt das für uns.', 'objection_competitor'],
    ['Wir haben gerade einen Dreijahresvertrag mit BlackLine unterschrieben.', 'objection_competitor'],
    // referral
    ['Dafür ist meine Kollegin Frau Albers zuständig.', 'referral'],
    ['Ich bin nicht der richtige Ansprechpartner. Bitte wenden Sie sich an unseren CFO, Herrn Weber.', 'referral'],
    ['Ich habe Ihre Nachricht an unsere Buchhaltung weitergeleitet.', 'referral'],
    ['Ich habe Herrn Vogel in Kopie gesetzt, er kümmert sich darum.', 'referral'],
    ['Schreiben Sie bitte an m.vogel@acme.example, er entscheidet das.', 'referral'],
    // meeting request
    ['Dienstag um 14 Uhr passt mir gut.', 'meeting_request'],
    ['Gerne ein kurzes Telefonat. Wann haben Sie Zeit?', 'meeting_request'],
    ['Mittwoch, 25.11., 10:00 Uhr wäre ideal. Schicken Sie mir gerne eine Einladung.', 'meeting_request'],
    ['Lassen Sie uns nächste Woche telefonieren.', 'meeting_request'],
    ['Können wir nächsten Donnerstag eine Demo machen?', 'meeting_request'],
    ['Schicken Sie mir einen Buchungslink.', 'meeting_request'],
    ['Mittwoch passt.', 'meeting_request'],
    ['Ich bin bis Freitag nicht im Büro, aber Montag um 10 Uhr passt.', 'meeting_request'],
    ['Wir hätten Interesse an einer kurzen Demo.', 'meeting_request'],
    ['Können Sie mich kurz anrufen?', 'meeting_request'],
    ['Keine weiteren Informationen nötig, Dienstag um 10 Uhr passt.', 'meeting_request'],
    // question
    ['Gibt es eine Schnittstelle zu DATEV?', 'question'],
    ['Mich würde interessieren, ob Ihre Lösung auch mehrere Mandanten abbildet.', 'question'],
    ['Ich hätte vorab ein paar Fragen zur Datensicherheit.', 'question'],
    ['Bitte senden Sie mir Ihre Preisliste für 25 Nutzer.', 'question'],
    ['Wo werden die Daten gehostet, und gibt es einen AV-Vertrag?', 'question'],
    ['Gibt es eine DSGVO-konforme Löschung der Daten nach Vertragsende?', 'question'],
    ['Unser Anwalt muss den AV-Vertrag noch prüfen. Können Sie ihn schicken?', 'question'],
    // interested
    ['Klingt spannend, schicken Sie mir gerne weitere Informationen.', 'interested'],
    ['Das Thema ist für uns durchaus relevant. Halten Sie mich auf dem Laufenden.', 'interested'],
    ['Ja, gerne mehr erfahren.', 'interested'],
    ['Grundsätzlich interessiert – gerne Unterlagen per Mail.', 'interested'],
    ['Das würde mich interessieren.', 'interested'],
    ['Den kostenlosen Pilot würden wir gerne testen.', 'interested'],
    // other
    ['Danke für die Info.', 'other'],
    ['Wer sind Sie und woher haben Sie meine Adresse?', 'other'],
    ['Das ist reiner Spam.', 'other'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, string | null, { subject?: string; headers?: string }]>([
    ['Ich bin bis einschließlich 27.11. nicht im Büro und ab dem 30.11. wieder erreichbar.', '2026-11-30', AUTO],
    ['Vielen Dank für Ihre Nachricht. Ich befinde mich bis zum 4. Dezember im Urlaub. In dringenden Fällen wenden Sie sich bitte an kollegin@acme.example.', '2026-12-04', AUTO],
    ['Unser Büro bleibt vom 24.12. bis einschließlich 01.01. geschlossen. Ab dem 04.01.2027 sind wir wieder für Sie da.', '2027-01-04', AUTO],
    ['Ich bin auf Dienstreise und ab Montag, den 23. November, wieder im Büro.', '2026-11-23', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ich bin bis und mit 27. November in den Ferien.', '2026-11-27', { subject: 'Abwesend: Month-end close at Acme' }],
    ['Ich befinde mich derzeit in Elternzeit. Ihre E-Mail wird nicht weitergeleitet.', null, AUTO],
    ['Guten Tag, ich bin bis 25.11. auf einer Messe und habe nur eingeschränkten Zugriff auf meine E-Mails.', '2026-11-25', { subject: 'Re: Month-end close at Acme' }],
    ['Ich bin nicht im Büro. Ab Montag, 23.11., 8 Uhr bin ich wieder erreichbar. Ihre Nachricht wird nicht weitergeleitet.', '2026-11-23', { subject: 'Re: Month-end close at Acme' }],
    ['Ich bin erst wieder am 2. Dezember im Büro.', '2026-12-02', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Vielen Dank für Ihre E-Mail. Ich bin vom 23.11. bis einschließlich 04.12.2026 nicht erreichbar. Ab dem 07.12. bin ich wieder im Büro.', '2026-12-07', AUTO],
    ['Ich bin bis zum 30. November 2026 außer Haus.', '2026-11-30', AUTO],
    ['Ich befinde mich im Krankenstand. Ihre E-Mail wird nicht gelesen.', null, AUTO],
    ['Ich bin in Karenz bis 31. Jänner 2027.', '2027-01-31', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ich bin bis Montag auf Geschäftsreise.', '2026-11-23', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ich bin am Donnerstag und Freitag nicht im Büro. Ab Montag bin ich wieder erreichbar.', '2026-11-23', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ich bin bis am 27. November abwesend.', '2026-11-27', { subject: 'Abwesend: Month-end close at Acme' }],
    ['Unser Büro bleibt zwischen den Jahren geschlossen. Ab dem 4. Januar 2027 sind wir wieder für Sie da.', '2027-01-04', { subject: 'Betriebsferien', headers: 'Auto-Submitted: auto-replied' }],
    ['Guten Tag, ich bin bis 27.11. im Urlaub und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an info@acme.example.', '2026-11-27', {}],
    ['Ich bin bis einschl. 27.11. nicht im Hause.', '2026-11-27', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ich bin ab dem 30. November wieder erreichbar. Bis dahin bin ich auf einer Konferenz.', '2026-11-30', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ab 20.11. bin ich im Urlaub, zurück am 30.11.', '2026-11-30', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ich bin bis 27.11. im Urlaub. Ihre E-Mail wird nicht weitergeleitet und nach meiner Rückkehr gelöscht. Bitte senden Sie Ihre Nachricht danach erneut.', '2026-11-27', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
    ['Ich bin bis 27.11. nicht im Büro. In dieser Zeit werden keine E-Mails weitergeleitet und ich lese keine E-Mails.', '2026-11-27', { subject: 'Abwesenheitsnotiz: Month-end close at Acme' }],
  ])('absence notice %j returns %s', async (body, returnDate, opts) => {
    const t = await classifyMessage(eml(body, opts));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, { subject?: string; headers?: string }]>([
    ['Dies ist eine automatisch generierte Nachricht. Ihre Anfrage ist bei uns eingegangen und wurde unter der Ticketnummer 48213 erfasst.', {}],
    ['Frau Berger ist nicht mehr in unserem Unternehmen tätig. Ihre E-Mail wird nicht weitergeleitet.', AUTO],
    ['Ihre Nachricht\n\n  An: Pat\n  Betreff: Month-end close at Acme\n\nwurde am Dienstag, 17. November 2026 15:03:12 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien gelesen.', { subject: 'Gelesen: Month-end close at Acme' }],
    ['Dieses Postfach wird nicht überwacht. Bitte antworten Sie nicht auf diese E-Mail.', {}],
    ['Ich bin nicht mehr bei der Acme GmbH tätig und erhalte unter dieser Adresse keine E-Mails mehr. Bitte wenden Sie sich an info@acme.example.', AUTO],
  ])('automatic message %j is not an absence', async (body, opts) => {
    expect((await classifyMessage(eml(body, opts))).intent).toBe('auto_reply_other');
  });

  test.each<[string, boolean]>([
    ['Das ist reiner Spam.', true],
    ['Wenn das nicht aufhört, melde ich Sie bei der Datenschutzbehörde.', true],
    ['Wer sind Sie und woher haben Sie meine Adresse?', true],
    ['Ihre unverlangte Werbung nervt.', true],
    ['Unser Anwalt muss den AV-Vertrag noch prüfen. Können Sie ihn schicken?', false],
    ['Kein Bedarf, danke.', false],
    ['Ohne Zustimmung unseres CFO kann ich nichts entscheiden.', false],
    ['Zum ersten Mal höre ich von Ihnen, klingt spannend.', false],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });
});
