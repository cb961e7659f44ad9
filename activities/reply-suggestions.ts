/** Opening lines a rep can start an answer from, by what the prospect's reply was about. */
const openers: Record<string, string> = {
  interested: 'Thanks for getting back to me, glad this is relevant. Would a 20-minute call this week or next work? Send me two times that suit you and I will confirm one.',
  meeting_request: 'Happy to set that up. Which of these suits you: [propose two times]? I will send an invite as soon as you confirm.',
  question: 'Good question. [Answer it here, briefly and specifically.] Happy to go into more detail on a short call if useful.',
  objection_price: 'Understood, budget matters. Before we talk numbers, could you share what you use today and roughly what it costs? Pricing depends on team size, and I would rather give you a real figure than a list price.',
  objection_timing: 'Thanks for being upfront about timing. When would be a better moment to reconnect? I will make a note and not chase you before then.',
  objection_competitor: 'Thanks for letting me know. Many of our customers evaluated [competitor] too; if it would help, I can share how they compared the two.',
  not_interested: 'Thanks for letting me know, I appreciate the reply. I will close this out on my side; if anything changes, you know where to find me.',
  referral: 'Thank you for pointing me in the right direction. I will reach out to your colleague and mention that you suggested it.',
};

const fallback = 'Thanks for your reply. [Answer the message here.]';

export function suggestAnswer(intent: string | null, subject: string | null, firstName: string, senderName: string): { subject: string; body: string } {
  const opener = (intent && openers[intent]) ?? fallback;
  const base = subject?.trim() || 'your note';
  return {
    subject: /^re:/i.test(base) ? base : `Re: ${base}`,
    body: `Hi ${firstName},\n\n${opener}\n\nBest,\n${senderName}`,
  };
}

/**
 * The framework a model answers a reply from: the greeting and sign-off are fixed, the answer is the model's, from
 * the reply's text and the thread. Whatever it writes, a rep sends it or not: an answer is never automatic.
 */
export const replyFramework = {
  subject: '{{replySubject}}',
  body: "Hi {{firstName}},\n\n{{ai:answer|an answer to the prospect's last message in the thread: answer what they asked or said, briefly and specifically, using only facts from the thread and the fixed text, at most 80 words}}\n\nBest,\n{{senderName}}",
  instructions: 'Answer in the language of their message. Be helpful and plain. Where a fact is missing (a price, a date), say the rep will confirm it rather than inventing one.',
  dos: [],
  donts: ['promise discounts', 'commit to a meeting time', 'invent prices'],
};

/** The framework of a call or meeting task's brief: an account brief and discovery questions from the enrichment. */
export const taskBriefFramework = {
  subject: 'Brief',
  body: "{{ai:brief|a short account brief for the rep before the call: who the prospect is and what may matter to their company, from the prospect data only, at most 60 words}}\n\n{{ai:questions|three discovery questions for the call, each tied to the prospect data, at most 50 words}}",
  instructions: 'For the rep, not the prospect. Plain and factual; no claims beyond the prospect data.',
  dos: [],
  donts: ['promise discounts'],
};
