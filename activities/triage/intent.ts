/**
 * Rules for replies written by people: intent, sentiment and whether a manager should see the reply.
 * Every rule is a phrase pattern over the folded new text (quotes and signature already removed), in
 * English, German, French and Spanish. When nothing matches clearly the answer is `other`.
 */
import { fold, findEmails, matchRules, snippet, type PhraseHit, type PhraseRule } from './text';
import type { Intent, Sentiment } from './types';

type HumanIntent = Exclude<Intent, 'out_of_office' | 'auto_reply_other' | 'bounce_hard' | 'bounce_soft'>;

const UNSUBSCRIBE: PhraseRule[] = [
  { re: /\bunsubscribe\b|\bunsub\b/, label: 'unsubscribe', weight: 2 },
  { re: /\bremove (me|us|my (e-?mail|address|name|details)|our (e-?mails?|addresses))\b/, label: 'remove me', weight: 2 },
  { re: /\b(take|get|put) (me|us|all of us|us all|everyone|my (e-?mail|address)) off\b/, label: 'take me off', weight: 2 },
  { re: /\boff (of )?(your|the|this) (mailing |e-?mail |distribution |contact )?list\b/, label: 'off your list', weight: 2 },
  { re: /\bstop (e-?mailing|mailing|contacting|messaging|spamming|sending (me|us|these|this|e-?mails))\b/, label: 'stop emailing', weight: 2 },
  { re: /\b(do not|don't|dont|never|please don't) (e-?mail|contact|message|write to|reach out to) (me|us)\b/, label: 'do not contact me', weight: 2 },
  { re: /\bopt(ed|ing)? (me )?out\b/, label: 'opt out', weight: 2 },
  { re: /\bno (more|further) (e-?mails|messages|contact)\b/, label: 'no more emails' },
  { re: /\babmelden\b|\babmeldung\b|\babbestellen\b/, label: 'abmelden', weight: 2 },
  { re: /\baustragen\b|\btragen sie (mich|uns)\b.{0,40}\baus\b/, label: 'austragen', weight: 2 },
  { re: /\b(nehmen|streichen|entfernen|loschen) sie (mich|uns|meine (adresse|daten|e-?mail))\b.{0,40}\b(aus|von)\b/, label: 'aus dem Verteiler nehmen', weight: 2 },
  { re: /\baus (ihrem|dem|ihrer|der) (verteiler|mailingliste|liste|newsletter|e-?mail-?verteiler)\b/, label: 'aus dem Verteiler', weight: 2 },
  { re: /\bkeine (weiteren )?(e-?mails|nachrichten|werbung|zusendungen)\b/, label: 'keine weiteren E-Mails' },
  { re: /\bnicht (mehr )?(kontaktieren|anschreiben)\b/, label: 'nicht mehr kontaktieren', weight: 2 },
  { re: /\bdesinscri|\bdesabonn/, label: 'désinscrire', weight: 2 },
  { re: /\b(retirez|supprimez|enlevez)[- ]moi\b|\b(retirer|supprimer|enlever) (mon adresse|mon e-?mail|mes coordonnees)\b/, label: 'retirez-moi de la liste', weight: 2 },
  { re: /\bne (plus )?me (contactez|contacter|ecrivez|envoyez) plus\b|\bne plus (me contacter|recevoir)\b/, label: 'ne plus me contacter', weight: 2 },
  { re: /\bdar(me|nos)? de baja\b|\bdarme de baja\b|\bme doy de baja\b/, label: 'darme de baja', weight: 2 },
  { re: /\b(eliminar|borrar|quitar|sacar)(me|nos)? de (su|la|esta|vuestra|sus) (lista|base de datos|listas)\b|\b(eliminen|borren|quiten|saquen)me\b/, label: 'eliminarme de la lista', weight: 2 },
  { re: /\bno (me |nos )?(envien|envies|manden|escriban|contacten) mas\b|\bno quiero recibir\b|\bdejen de (escribirme|enviarme|contactarme)\b/, label: 'no me envíen más', weight: 2 },
  { re: /\b(cancelar (mi |la )?suscripcion|desuscribir(me)?)\b/, label: 'cancelar suscripción', weight: 2 },
];

const NOT_INTERESTED: PhraseRule[] = [
  { re: /\bnot (really |currently |at all |very |even remotely )?interested\b|\bno longer interested\b/, label: 'not interested', weight: 2 },
  { re: /\bno interest\b/, label: 'no interest', weight: 2 },
  { re: /^(no,? )?(thanks|thank you),? but no\b|\bno,? thank(s| you)\b/, label: 'no thanks', weight: 2 },
  { re: /\b(we'll|we will|i'll|i will|going to|gonna) pass\b|\bpass on this\b/, label: 'we will pass', weight: 2 },
  { re: /\bnot (a )?(good )?fit\b|\bnot (relevant|something we need|for us)\b/, label: 'not a fit', weight: 2 },
  { re: /\b(we )?(don't|do not) need (this|it|your|any)\b|\bno need for\b/, label: 'do not need it' },
  { re: /\bwhat part of no\b|\bi (already )?(said|told you)( that)? no\b/, label: 'already said no', weight: 2 },
  { re: /\bkein(e|en)? (interesse|bedarf)\b|\bnicht interessiert\b/, label: 'kein Interesse', weight: 2 },
  { re: /\bpas interesse(e|s|es)?\b|\bne (nous|m') interesse pas\b|\bpas (de )?besoin\b/, label: 'pas intéressé', weight: 2 },
  { re: /\bno (nos|me) interesa\b|\bno (estamos|estoy) interesad[oa]s?\b|\bno necesitamos\b/, label: 'no nos interesa', weight: 2 },
];

const PRICE: PhraseRule[] = [
  { re: /\btoo (expensive|pricey|costly|much money)\b|\b(way|far|much) too (expensive|pricey|much)\b/, label: 'too expensive', weight: 2 },
  { re: /\b(out of|outside( of)?|over|beyond|above|exceeds?) (our|the|my) (budget|price range)\b/, label: 'out of budget', weight: 2 },
  { re: /\b(no|don't have (the |a )?|do not have (the |a )?|haven't got (the |a )?) budget\b/, label: 'no budget', weight: 2 },
  { re: /\b(can't|cannot|can not|couldn't) (afford|justify the (cost|price|spend))\b/, label: "can't afford", weight: 2 },
  { re: /\b(price|pricing|cost|costs) (is|are|seems?) (too |a bit |way |rather |very )?(high|steep)\b/, label: 'price too high', weight: 2 },
  { re: /\bzu teuer\b|\bkein budget\b|\bbudget (reicht nicht|fehlt)\b/, label: 'zu teuer', weight: 2 },
  { re: /\btrop cher\b|\bpas (de|le) budget\b|\bhors budget\b/, label: 'trop cher', weight: 2 },
  { re: /\bdemasiado car[oa]\b|\bsin presupuesto\b|\bno (tenemos|hay) presupuesto\b/, label: 'demasiado caro', weight: 2 },
];

const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const TIMING: PhraseRule[] = [
  { re: /\bnot (a|the) (right|good|great) time\b|\bbad time\b|\bbad timing\b/, label: 'not the right time', weight: 2 },
  { re: /\b(not|won't be|isn't|is not) (a |our )?(top )?priority\b/, label: 'not a priority', weight: 2 },
  { re: /\b(reach|circle|check|touch|follow) (back )?(out |in |up |base )?(again )?(in|after|next|around|later)\b/, label: 'reach back out later', weight: 2 },
  { re: new RegExp(`\\b(in|until|after|around|by) (q[1-4]|${MONTHS_EN}|the new year|a few months|a couple( of)? months|six months|the spring|the summer|the fall|the autumn)\\b`), label: 'later in the year' },
  { re: /\b(next|the next) (quarter|year|fiscal year|budget cycle)\b/, label: 'next quarter' },
  { re: /\bat the earliest\b|\bmaybe later\b|\bnot (right )?now\b|\bnot at (the|this) moment\b|\bnot this (quarter|year)\b/, label: 'not now', weight: 2 },
  { re: /\b(in the middle of|too busy|swamped|tied up with|heads[- ]down on)\b/, label: 'busy with something else' },
  { re: /\b(derzeit|aktuell|momentan|im moment|zurzeit) (nicht|kein thema|keine prioritat)\b|\bspater (im jahr|nochmal|wieder)\b|\bnachstes jahr\b|\bzu einem spateren zeitpunkt\b/, label: 'derzeit nicht', weight: 2 },
  { re: /\bpas (le bon moment|maintenant|pour le moment|pour l'instant)\b|\bplus tard\b|\bl'annee prochaine\b|\brecontactez-moi\b/, label: 'pas le bon moment', weight: 2 },
  { re: /\bno es (el )?(buen )?momento\b|\bahora no\b|\bmas adelante\b|\bel (proximo|ano que viene) (ano|trimestre)?\b/, label: 'no es el momento', weight: 2 },
];

const COMPETITOR: PhraseRule[] = [
  { re: /\b(we|i)( already| currently)? (use|using|have|work with|are working with|rely on|signed with|went with|chose|are on)\b.{0,40}\b(already|for (this|that|forecasting|now)|and (are|we're) (happy|satisfied))\b/, label: 'already use another tool', weight: 2 },
  { re: /\balready (use|using|have|has|work with|working with|signed|chose|went with|pay for|invested in|got)\b/, label: 'already have a solution', weight: 2 },
  { re: /\b(happy|satisfied) with (our|the) (current|existing) (vendor|provider|solution|tool|platform|setup|system)\b/, label: 'happy with the current vendor', weight: 2 },
  { re: /\bjust renewed\b|\b(locked|tied) in(to)?\b.{0,30}\b(contract|agreement)\b|\bsigned a (multi-?year )?contract\b/, label: 'under contract with another vendor', weight: 2 },
  { re: /\b(nutzen|verwenden|haben) (bereits|schon)\b|\bbestehenden anbieter\b/, label: 'nutzen bereits eine Lösung', weight: 2 },
  { re: /\b(utilisons|avons) deja\b|\bnotre (prestataire|fournisseur|solution) actuel(le)?\b/, label: 'avons déjà une solution', weight: 2 },
  { re: /\bya (usamos|utilizamos|tenemos|trabajamos con|contamos con)\b/, label: 'ya tenemos una solución', weight: 2 },
];

const REFERRAL: PhraseRule[] = [
  { re: /\b(i'm|i am|im) not the (right|best|correct|appropriate) (person|contact|one)\b|\bnot the right (person|contact)\b/, label: 'not the right person', weight: 2 },
  { re: /\b(talk|speak|reach out|get in touch|connect|contact|e-?mail|write|follow up) (to |with )?(my|our) (colleague|coworker|co-worker|teammate|boss|manager|head of|cfo|cro|vp|director)\b/, label: 'talk to my colleague', weight: 2 },
  { re: /\b(looping in|i've looped in|i have looped in|i'll loop in|i will loop in|cc'?ing|i've copied|i have copied|i've added|i have added) [a-z]+\b(?<!\banyone)(?<!\bsomeone)(?<!\beveryone)/, label: 'looping in a colleague', weight: 2 },
  { re: /\b(cc'?d|cc'?ed|in cc|copied here|copied in)\b/, label: 'colleague cc’d' },
  { re: /\b(forwarded|passed|passing|forwarding) (this|your (e-?mail|note|message)) (on |along )?to\b/, label: 'passed it on to a colleague', weight: 2 },
  { re: /\b(he|she|they) (owns|handles|runs|is responsible for|looks after|would be the (right|best) person)\b|\bwho (owns|handles|runs) (this|that|our)\b/, label: 'someone else owns this' },
  { re: /\bnicht zustandig\b|\bnicht der (richtige )?ansprechpartner\b|\b(wenden sie sich|wende dich) (bitte )?an\b|\bmein(en|e)? (kollegen|kollegin)\b|\bzustandig ist\b/, label: 'nicht zuständig / Kollege', weight: 2 },
  { re: /\bpas la bonne personne\b|\b(mon|ma) collegue\b|\badressez-vous a\b|\bcontacter plutot\b/, label: 'pas la bonne personne / collègue', weight: 2 },
  { re: /\bno soy la persona (adecuada|indicada|correcta)\b|\b(mi|nuestro|nuestra) (companer[oa]|colega)\b|\b(contacta|contacte|hable|habla|escriba|escribe) (a|con) (mi|nuestro|nuestra)\b/, label: 'no soy la persona adecuada / compañero', weight: 2 },
];

const WEEKDAY_WORDS = 'monday|tuesday|wednesday|thursday|friday|tomorrow|next week|this week|montag|dienstag|mittwoch|donnerstag|freitag|morgen|nachste woche|lundi|mardi|mercredi|jeudi|vendredi|demain|semaine prochaine|lunes|martes|miercoles|jueves|viernes|manana|la proxima semana|la semana que viene';
const MEETING: PhraseRule[] = [
  { re: /\b(set up|schedule|book|arrange|find|grab|put) (a |some |the |an? )?(time|call|meeting|demo|chat|slot|session|zoom|teams)\b/, label: 'schedule a call', weight: 2 },
  { re: /\b(calendar invite|send (me |us |over )?(an? |the )?(calendar )?invite|calendly|cal\.com|booking link|meeting link)\b/, label: 'calendar invite', weight: 2 },
  { re: /\b(do|would|will) you have (\d+|some|a few|time|a minute|an? hour|half an hour)\b.{0,20}\b(min(ute)?s?|time|call|chat)?\b.{0,40}\b(on|this|next|tomorrow|monday|tuesday|wednesday|thursday|friday)\b/, label: 'do you have time', weight: 2 },
  { re: /\blet'?s (talk|chat|meet|connect|set up|schedule|find a time|hop on|jump on|do (a|the) call)\b/, label: "let's talk", weight: 2 },
  { re: /\b(happy|glad|open|available) to (chat|talk|meet|hop on|jump on|connect)\b/, label: 'happy to talk' },
  { re: new RegExp(`\\b(call|meeting|demo|chat|zoom|teams|talk)\\b.{0,40}\\b(${WEEKDAY_WORDS})\\b|\\b(${WEEKDAY_WORDS})\\b.{0,40}\\b(call|meeting|demo|chat|zoom)\\b`), label: 'a call on a day', weight: 2 },
  { re: new RegExp(`\\b(i'm|i am|we're|we are) (free|available)\\b.{0,30}\\b(${WEEKDAY_WORDS}|\\d{1,2}(:\\d{2})? ?(am|pm)|\\d{1,2}:\\d{2})\\b`), label: 'free at a time', weight: 2 },
  { re: /\b(times|slots?) (that )?(work|for a call|next week)\b|\bsend (me )?(a few|some) times\b/, label: 'propose times', weight: 2 },
  { re: new RegExp(`\\b(how about|what about|does|would|could we do|are you free|works? for me)\\b.{0,30}\\b(${WEEKDAY_WORDS})\\b`), label: 'proposes a day', weight: 2 },
  { re: new RegExp(`\\b(${WEEKDAY_WORDS})\\b.{0,20}\\b(at |um |a las |a )?\\d{1,2}(:\\d{2})? ?(am|pm|uhr|h)\\b`), label: 'proposes a time', weight: 2 },
  { re: /\b(termin|telefonat|telefontermin|gesprach|videocall|call) (vereinbaren|ausmachen|machen)\b|\bkurz (telefonieren|sprechen)\b|\bkalendereinladung\b/, label: 'Termin vereinbaren', weight: 2 },
  { re: /\b(rendez-vous|rdv|appel|reunion|visio|echange telephonique)\b.{0,40}\b(lundi|mardi|mercredi|jeudi|vendredi|demain|semaine prochaine)\b|\b(appelons-nous|s'appeler|on s'appelle|caler un (creneau|appel|rendez-vous))\b/, label: 'rendez-vous', weight: 2 },
  { re: /\bpodemos (hablar|reunirnos|quedar|tener una llamada)\b|\b(agendar|programar|organizar) (una )?(llamada|reunion|cita|videollamada)\b|\b(mandame|enviame|enviadme|envieme) una invitacion\b/, label: 'podemos hablar', weight: 2 },
];

const INTEREST: PhraseRule[] = [
  { re: /(?<!\bnot )(?<!\bno longer )\b(i'm|i am|we're|we are|i'd be|we'd be|would be|definitely|very|quite|genuinely|really) interested\b/, label: 'interested', weight: 2 },
  { re: /^(yes|yep|yeah|sure|absolutely|definitely)\b|\b(yes|yep|sure),? (please|let's|this|that|we're|i'm|i'd)\b/, label: 'yes' },
  { re: /\bsounds (good|great|interesting|promising|relevant|intriguing)\b|\blooks (interesting|great|promising|relevant)\b/, label: 'sounds good', weight: 2 },
  { re: /\b(tell|send) me more\b|\b(learn|hear|know|see) more\b/, label: 'tell me more', weight: 2 },
  { re: /\bsend (me |us )?(over )?(the |a |an |some |more |your )?(info|information|details|deck|slides|one-pager|overview|video|walkthrough|case stud(y|ies)|materials?|brochure|references|pricing sheet)\b/, label: 'send me the material', weight: 2 },
  { re: /\b(this is|that's|that is|it's|it is|this looks|seems) (actually |very |quite |really )?(relevant|interesting|timely|promising|useful)\b/, label: 'this is relevant', weight: 2 },
  { re: /\bhappy to (take a look|learn more|hear more|see)\b|\bwould love to\b|\bkeen to\b|\bcurious (to|about)\b/, label: 'happy to take a look', weight: 2 },
  { re: /\bklingt (spannend|interessant|gut|vielversprechend)\b|\b(bin|sind) (sehr )?interessiert\b|(?<!kein )\binteresse (an|haben|hatten)\b|\b(weitere|mehr) informationen\b|\bmehr erfahren\b/, label: 'klingt spannend', weight: 2 },
  { re: /(?<!pas )\binteresse(e|s|es)? par\b|\bca m'interesse\b|\ben savoir plus\b|\benvoyez-moi\b/, label: 'intéressé', weight: 2 },
  { re: /(?<!\bno )\bme interesa\b|(?<!\bno )\bnos interesa\b|\bsuena (bien|interesante)\b|\b(mas|mayor) informacion\b/, label: 'me interesa', weight: 2 },
];

const THREAT: PhraseRule[] = [
  { re: /\b(lawyer|lawyers|attorney|legal (department|team|action|counsel|steps)|sue you|lawsuit|take you to court|cease and desist)\b/, label: 'legal threat' },
  { re: /\breport(ing|ed)? (you|your|this|it)\b.{0,40}\b(spam|abuse|authorit|regulator)|\b(spamhaus|blacklist|blocklist)\b|\bmark(ed|ing)? (this|you|it) as spam\b/, label: 'threat to report as spam' },
  { re: /\b(this is|this was|that's|that is|pure|more|total|unsolicited) spam\b|\bspam\b.{0,30}\breported\b/, label: 'calls it spam' },
  { re: /\bharass(ing|ment|ed)?\b|\bstalk(ing)?\b|\bpolice\b/, label: 'harassment' },
  { re: /\b(gdpr|dsgvo|rgpd|ccpa|can-spam|data protection (authority|officer)|datenschutzbehorde|datenschutz(beauftragte)?|cnil|aepd|art\.? ?(15|17|21) (gdpr|dsgvo|rgpd))\b/, label: 'data-protection complaint' },
  { re: /\b(anwalt|abmahnung|rechtliche schritte|avocat|plainte|poursuites|abogado|denuncia|acciones legales)\b/, label: 'legal threat (DE/FR/ES)' },
];

const ANGER: PhraseRule[] = [
  { re: /\b(fuck\w*|shit|crap|bullshit|damn|goddamn|wtf|garbage|idiot\w*|stupid|ridiculous|pathetic|scam\w*|spammer|unacceptable|outrageous|disgusting|ffs)\b/, label: 'angry wording' },
  { re: /\b(second|third|fourth|fifth|sixth|\d+(st|nd|rd|th)) (e-?mail|time|message|follow-?up)\b|\bhow many times\b|\bwhat part of\b/, label: 'repeated unwanted contact' },
  { re: /\b(unverschamt|frechheit|belastigung|inadmissible|scandaleux|harcelement|inaceptable|vergonzoso|acoso)\b/, label: 'angry wording (DE/FR/ES)' },
];

const CONFUSED: PhraseRule[] = [
  { re: /\bwho (are|is) (you|this)\b|\bdo i know you\b|\b(don't|do not) know (who you are|you)\b/, label: 'who are you' },
  { re: /\b(how|where) did you (get|find|obtain) (my|this|our) (e-?mail|address|contact|details|number|info|data)\b/, label: 'how did you get my email' },
  { re: /\bi (never|did not|didn't|have never) (sign(ed)? up|subscribed?|opt(ed)? in|gave you|asked for|agreed|requested)\b/, label: 'never signed up / never asked for this' },
  { re: /\bwhy am i (getting|receiving)\b|\bwhat is this (about|regarding)\b/, label: 'why am I getting this' },
  { re: /\bwoher haben sie (meine|diese|unsere)\b|\bwer sind sie\b|\bnie (zugestimmt|angemeldet|eingewilligt|eingetragen)\b|\bkenne sie nicht\b/, label: 'woher haben Sie meine Adresse' },
  { re: /\bqui etes-vous\b|\bcomment avez-vous (eu|obtenu|trouve) (mon|mes|notre)\b|\bjamais inscrit/, label: 'comment avez-vous eu mon adresse' },
  { re: /\bquien (es usted|eres|son ustedes)\b|\b(como|de donde) (consiguio|consiguieron|obtuvo|obtuvieron|saco|sacaron|tienen) (mi|mis|nuestro)\b|\bnunca me (suscribi|registre|di de alta)\b/, label: 'cómo consiguió mi correo' },
];

const POSITIVE_TONE = /\b(great|love|excited|thrilled|awesome|excellent|perfect|fantastic|wonderful|timely|spannend|super|genial|excelente|parfait|ravi|encantad[oa])\b/;

export interface HumanAnalysis {
  intent: HumanIntent;
  sentiment: Sentiment;
  escalate: boolean;
  confidence: number;
  reasons: string[];
}

export interface HumanContext {
  /** The subject when the message is not a reply ("UNSUBSCRIBE"), otherwise null. */
  ownSubject: string | null;
  senderAddress: string | null;
  ourAddresses: string[];
}

function describe(kind: string, hits: PhraseHit[]): string {
  return `${kind}: ${hits.map((h) => `"${snippet(h.text, 50)}"`).join(', ')}`;
}

// "Could you send over the deck?" asks for something rather than about something.
const REQUEST = /^(could|can|would|will) you (please |kindly )?(send|share|forward|email|e-mail|pass|provide|drop)\b|^(please )?(send|share|forward)\b/;

/** Sentences that end in "?" and ask something (not a lone "?"); requests for material too unless `withoutRequests`. */
function questions(text: string, withoutRequests: boolean): string[] {
  const joined = text.replace(/\n(?!\n)/g, ' ');
  return (joined.match(/[^.!?\n]*\?/g) ?? [])
    .map((q) => q.trim())
    .filter((q) => /[a-z]{2,}/i.test(q))
    .filter((q) => !withoutRequests || !REQUEST.test(fold(q).replace(/^[^a-z]*/, '')));
}

export function analyzeHuman(newText: string, ctx: HumanContext): HumanAnalysis {
  const f = fold(newText);
  const subj = ctx.ownSubject ? fold(ctx.ownSubject) : '';
  const reasons: string[] = [];

  const unsub = [...matchRules(f, UNSUBSCRIBE), ...matchRules(subj, UNSUBSCRIBE).map((h) => ({ ...h, text: `subject: ${h.text}` }))];
  const notInterested = matchRules(f, NOT_INTERESTED);
  const price = matchRules(f, PRICE);
  const timing = matchRules(f, TIMING);
  const competitor = matchRules(f, COMPETITOR);
  const referral = matchRules(f, REFERRAL);
  const meeting = matchRules(f, MEETING);
  const interest = matchRules(f, INTEREST);
  const threat = matchRules(f, THREAT);
  const anger = matchRules(f, ANGER);
  const confused = matchRules(f, CONFUSED);
  // A request for material next to interest ("I'd like to learn more. Could you send the deck?") is interest, not a question.
  const qs = questions(newText, interest.length > 0);

  // Another person's address in the new text supports a referral ("talk to jane@acme.com").
  const own = new Set([ctx.senderAddress, ...ctx.ourAddresses].filter(Boolean));
  const others = findEmails(newText).filter((a) => !own.has(a));
  const referralStrength = referral.reduce((s, h) => s + h.weight, 0) + (others.length && referral.length ? 1 : 0);

  const score = (hits: PhraseHit[]) => hits.reduce((s, h) => s + h.weight, 0);
  const shouting = (newText.match(/\b[A-Z]{4,}\b/g) ?? []).filter((w) => !/^(HTTP|HTTPS|HTML|GDPR|DSGVO|RGPD|ASAP|FYI)$/.test(w)).length;

  let intent: HumanIntent = 'other';
  let hits: PhraseHit[] = [];
  let kind = '';
  if (unsub.length) [intent, hits, kind] = ['unsubscribe', unsub, 'unsubscribe request'];
  else if (referralStrength >= 2) [intent, hits, kind] = ['referral', referral, 'referral'];
  else if (competitor.length) [intent, hits, kind] = ['objection_competitor', competitor, 'competitor objection'];
  else if (price.length) [intent, hits, kind] = ['objection_price', price, 'price objection'];
  else if (score(timing) >= 2) [intent, hits, kind] = ['objection_timing', timing, 'timing objection'];
  else if (notInterested.length) [intent, hits, kind] = ['not_interested', notInterested, 'not interested'];
  else if (meeting.length) [intent, hits, kind] = ['meeting_request', meeting, 'meeting request'];
  else if (qs.length && !confused.length) [intent, hits, kind] = ['question', [], 'question'];
  else if (interest.length) [intent, hits, kind] = ['interested', interest, 'interest'];
  else if (referral.length) [intent, hits, kind] = ['referral', referral, 'referral (weak)'];

  if (intent === 'question') reasons.push(`question: "${snippet(qs[0]!, 70)}"`);
  else if (intent !== 'other') reasons.push(describe(kind, hits));
  if (intent === 'referral' && others.length) reasons.push(`referred address: ${others.join(', ')}`);
  if (intent === 'question' && interest.length) reasons.push(describe('also shows interest', interest));
  if (intent === 'other') {
    if (confused.length) reasons.push('the only questions are about who we are: confused, not a product question');
    else if (f.trim() === '') reasons.push('no new text above the quoted message');
    else reasons.push('no clear intent in the new text (fail-safe: a person reads it)');
  }

  // Interest shown next to a question ("sounds great, how does X work?") makes it positive; the rest follows the intent.
  let sentiment: Sentiment;
  switch (intent) {
    case 'interested':
    case 'meeting_request':
      sentiment = 'positive';
      break;
    case 'not_interested':
    case 'unsubscribe':
    case 'objection_price':
    case 'objection_competitor':
      sentiment = 'negative';
      break;
    default:
      sentiment = (interest.length || POSITIVE_TONE.test(f)) && intent !== 'other' ? 'positive' : 'neutral';
  }

  const escalateBecause: string[] = [];
  if (threat.length) escalateBecause.push(describe('threat', threat));
  if (anger.length) escalateBecause.push(describe('anger', anger));
  if (shouting >= 2 && (unsub.length || notInterested.length || anger.length)) escalateBecause.push(`shouting (${shouting} words in capitals)`);
  if (confused.length) escalateBecause.push(describe('confused about who we are', confused));
  const escalate = escalateBecause.length > 0;
  if (escalate) {
    reasons.push(...escalateBecause.map((r) => `escalate: ${r}`));
    sentiment = 'negative';
  }

  const strength = intent === 'question' ? 2 : score(hits);
  const confidence = intent === 'other' ? (confused.length ? 0.6 : 0.4) : Math.min(0.95, 0.55 + 0.1 * strength + (intent === 'referral' && others.length ? 0.1 : 0));
  return { intent, sentiment, escalate, confidence: Math.round(confidence * 100) / 100, reasons };
}
