import type { Lexicon } from './types';

const JOUR = '(lundi|mardi|mercredi|jeudi|vendredi|demain|la semaine prochaine|semaine prochaine|cette semaine)';

export const fr: Lexicon = {
  lang: 'fr',
  optOut: [
    { re: /\bdesinscri|\bdesabonn|\bdesinscription\b/, label: 'désinscrire', weight: 2 },
    { re: /\b(retirez|supprimez|enlevez|effacez|rayez|otez|sortez)[- ]?(moi|nous)\b|\b(retirer|supprimer|enlever|effacer|rayer|oter|sortir) (mon adresse|mon e-?mail|mon courriel|mes coordonnees|mes donnees|mon nom|mon contact|moi|nous)\b|\bme (retirer|supprimer|desinscrire|rayer|sortir|enlever)\b/, label: 'retirez-moi de la liste', weight: 2 },
    { re: /\bne (plus |jamais )?(me|nous) (contactez|contacter|ecrivez|ecrire|envoyez|envoyer|sollicitez|solliciter|relancez|relancer|appelez)( plus| jamais)?\b|\bne plus (me|nous) (contacter|solliciter|ecrire|envoyer|relancer)\b|\bne plus recevoir\b|\bmerci de ne (plus|pas) (me|nous)\b|\bcessez (de|vos|tout)\b|\barretez (de|vos|ces|tout)\b|\barreter (de|ces|vos)\b/, label: 'ne plus me contacter', weight: 2 },
    { re: /\b(de|d'une|d'un|de la|de votre|de vos|de cette) (liste|listes|fichier|base de donnees|mailing|campagne|sequence)( de diffusion| de prospection| marketing)?\b.{0,20}\b(retir|supprim|enlev|ray|sort)|\b(retir|supprim|enlev|ray|sort)\w* .{0,30}\b(liste|listes|fichier|base de donnees|mailing)\b/, label: 'retirer de la liste', weight: 2 },
    { re: /\b(je m'oppose|opposition|m'opposer)\b.{0,60}\b(traitement|utilisation|prospection|donnees|marketing)\b|\b(droit|demande) (d'opposition|d'effacement|a l'oubli|de suppression)\b|\b(art\.?|article) ?(17|21)\b|\brgpd\b|\bcnil\b/, label: 'opposition RGPD', weight: 2 },
    { re: /\bplus de (mails|e-?mails|courriels|messages|sollicitations)\b|\baucun (autre )?(mail|e-?mail|courriel|message)\b|\bje ne (veux|souhaite) (plus|pas) (recevoir|etre (contacte|sollicite))\b/, label: 'plus de mails', weight: 2 },
    { re: /\b(c'est du|du pur|encore du) spam\b|\bspammer\b|\bspam\b.{0,20}\b(signale|signaler)\b|\b(signaler|signalerai|signale) .{0,30}\b(spam|cnil|abus)\b|\bavocat\b|\bplainte\b|\bpoursuites\b|\blaissez-moi tranquille\b|\bfoutez-moi la paix\b/, label: 'menace / spam', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bpour (vous )?(vous )?desinscrire\b|\blien de desinscription\b/, label: 'instructions de désinscription' },
  ],
  notInterested: [
    { re: /\bne (donnerons|donnerai|pouvons donner|pourrons donner|souhaitons pas donner) pas suite\b|\bpas (donner|de) suite\b|\bpas interesse(e|s|es)?\b|\b(ne|n') (nous|m') interesse (pas|guere)\b|\bpas (de|d') (besoin|interet)\b|\baucun (besoin|interet)\b|\bnon,? merci\b|\bmerci,? (mais )?non\b|\bca ne (nous|m') interesse pas\b|\bpas pertinent\b|\bne correspond pas\b|\bnous n'en avons pas besoin\b|\bnous n'avons pas besoin\b|\bje (vais|vous) passe(r)?\b|\bpas pour nous\b|\bsans (suite|objet)\b|\bje decline\b|\bnous declinons\b/, label: 'pas intéressé', weight: 2 },
  ],
  price: [
    { re: /\bpas dans (nos|mes) moyens\b|\bau-?dessus de nos moyens\b|\btrop cher\b|\bpas (de|le) budget\b|\bhors budget\b|\bbudget (est |a ete )?(gele|epuise|serre|limite|consomme|insuffisant)\b|\bsans budget\b|\baucun budget\b|\b(tarif|prix|cout)s? (est |sont )?(trop )?(eleve|eleves|cher|chers|onereux)\b|\bau-?dessus de (notre|nos) (budget|moyens)\b|\bpas les moyens\b|\btrop onereux\b/, label: 'trop cher', weight: 2 },
  ],
  timing: [
    { re: /\bpas (le bon moment|maintenant|pour le moment|pour l'instant|tout de suite|d'actualite|prioritaire)\b|\bplus tard\b|\bl'annee prochaine\b|\brecontactez-(moi|nous)\b|\b(revenez|relancez-moi|recontactez|reprenez contact)\b.{0,40}\b(dans|en|apres|au|a partir|l'an)\b|\b(au|en|d'ici) (premier|deuxieme|second|prochain) (trimestre|semestre)\b|\b(en|a partir de|apres|d'ici) (janvier|fevrier|mars|avril|mai|juin|juillet|septembre|octobre|2027|la rentree)\b|\bpas avant\b|\ben pleine? (migration|cloture|projet|reorganisation)\b|\bdebordes?\b|\bpas le temps\b|\bpas de disponibilite\b|\bmauvais moment\b|\bau prochain (exercice|trimestre)\b/, label: 'pas le bon moment', weight: 2 },
  ],
  competitor: [
    { re: /\b(utilisons|avons|travaillons avec|sommes equipes|sommes deja equipes)( deja| actuellement| depuis)\b|\bdeja (une|un|equipes?|en place|un outil|une solution|un prestataire|un fournisseur)\b|\bnotre (prestataire|fournisseur|solution|outil|logiciel) actuel(le)?\b|\bautre (prestataire|fournisseur|solution|editeur)\b|\bavons (choisi|retenu|opte pour|signe avec)\b|\bdeveloppe(e)? en interne\b|\ben interne\b|\bsolution maison\b|\boutil maison\b/, label: 'avons déjà une solution', weight: 2 },
  ],
  referral: [
    { re: /\bpas la bonne personne\b|\bpas le bon interlocuteur\b|\b(mon|ma|notre) (collegue|responsable|directeur|directrice|daf|cfo|manager|chef)\b|\badressez-vous a\b|\bcontacter plutot\b|\bje vous mets en (relation|contact)\b|\bje transmets\b|\bj'ai transmis\b|\btransfere (votre|ce) (message|mail|e-?mail)\b|\ben copie\b|\bs'occupe de\b|\best (le|la) (responsable|bon interlocuteur|bonne personne|mieux place)\b|\bc'est (lui|elle) qui\b|\bpas de mon ressort\b|\bne (suis|m'occupe) (pas|plus)\b.{0,30}\b(charge|responsable|sujet)\b/, label: 'pas la bonne personne / collègue', weight: 2 },
  ],
  meeting: [
    { re: new RegExp(`\\b(rendez-vous|rdv|appel|reunion|visio|visioconference|echange|demo|demonstration|call|point)\\b.{0,40}\\b${JOUR}\\b|\\b(appelons-nous|s'appeler|on s'appelle|caler un (creneau|appel|rendez-vous|rdv|point|echange)|fixer un (rendez-vous|rdv|creneau|appel)|planifier un|organiser un (appel|echange|rendez-vous|point))\\b|\\b${JOUR}\\b.{0,30}\\b(\\d{1,2} ?h(\\d{2})?|me convient|me va|vous convient|ca me va|est parfait)\\b|\\b(envoyez|envoyer)(-moi)? une invitation\\b|\\bvolontiers pour (un|une) (appel|echange|rendez-vous|demo|visio)\\b|\\bdisponible (pour|le|mardi|mercredi|jeudi|lundi|vendredi)\\b|\\bquelles? (sont vos )?disponibilites\\b|\\bvos disponibilites\\b`), label: 'rendez-vous', weight: 2 },
  ],
  question: [
    { re: /\b(j'aimerais|je voudrais|nous aimerions|nous voudrions) (savoir|connaitre|comprendre|avoir (des|plus de) (informations|details|precisions) sur)\b|\bpourriez-vous (m'|nous )?(envoyer|indiquer|preciser|dire|expliquer|communiquer)\b|\bquel(le)?s? (est|sont) (le|la|les) (prix|tarif|tarifs|cout)\b/, label: 'voudrais savoir', weight: 2 },
  ],
  interest: [
    { re: /\btenez-(moi|nous) au courant\b|(?<!pas )\binteresse(e|s|es)? par\b|\bca m'interesse\b|\bcela m'interesse\b|\bcela nous interesse\b|\bca nous interesse\b|\ben savoir plus\b|\benvoyez-moi\b|\bplus d'informations\b|\bvolontiers\b|\bpourquoi pas\b|\bca a l'air (interessant|pertinent|bien)\b|\b(tres|plutot) interessant\b|\bpertinent pour nous\b/, label: 'intéressé', weight: 2 },
  ],
  threat: [
    { re: /\b(avocat|plainte|poursuites|cnil|mise en demeure|action en justice|signaler|signalement)\b/, label: 'menace juridique' },
  ],
  anger: [
    { re: /\b(inadmissible|scandaleux|harcelement|insupportable|ras le bol|marre|honteux|inacceptable|putain|merde|arnaque)\b/, label: 'colère' },
  ],
  confused: [
    { re: /\bqui etes-vous\b|\bqui etes vous\b|\bcomment avez-vous (eu|obtenu|trouve|recupere) (mon|mes|notre|cette)\b|\bou avez-vous (eu|obtenu|trouve|recupere)\b/, label: 'comment avez-vous eu mon adresse' },
    { re: /\bjamais inscrit|\bsans (mon )?consentement\b|\bjamais (donne|consenti|accepte)\b/, label: 'jamais consenti', weight: 2 },
  ],
  away: [
    { re: /\b(je suis|suis|serai|je serai|sera|est) (actuellement |en ce moment |absente? |actuellement absente? )?(absente?|en conges?|en vacances|en deplacement|hors du bureau|en conge (maternite|paternite|parental|maladie)|en arret maladie|en formation|en seminaire|indisponible)\b|\babsente? du bureau\b|\ben conges?\b|\ben vacances\b|\bfermeture (annuelle|du bureau|de nos bureaux|de l'entreprise|de fin d'annee)\b|\b(nos |les )?bureaux (seront|sont) fermes\b|\bferme(e|s|es)? (du|jusqu'au|pour les fetes|pendant)\b/, label: 'je suis absent(e)' },
  ],
  awayNotice: [
    { re: /\bdes mon retour\b|\ba mon retour\b|\b(acces|acces tres) (limite|restreint)\b|\ben cas d'urgence\b|\bpour toute (demande|question) urgente\b|\bde retour le\b|\bmerci (pour|de) votre (message|mail|e-?mail)\b|\bpendant mon absence\b|\ben mon absence\b|\bvotre (message|mail|e-?mail) ne (sera|sera pas) (pas )?transfere\b|\bvous pouvez (contacter|joindre)\b/, label: "message d'absence" },
  ],
  automatic: [
    { re: /\b(reponse|message) (automatique|genere automatiquement)\b|\bmessage automatique\b|\bgenere automatiquement\b|\bne (plus )?fait plus partie\b|\bn'est plus (en poste|au sein|dans l'entreprise|joignable a cette adresse)\b|\bboite (aux lettres )?(non surveillee|n'est pas surveillee)\b|\bnous avons (bien )?recu votre (demande|message)\b|\bvotre demande .{0,30}a (bien )?ete (enregistree|recue)\b|\bmerci de ne pas repondre\b|\bticket\b.{0,10}\d{3,}/, label: 'réponse automatique' },
  ],
  autoSubjects: [
    { re: /^(reponse automatique|reponse auto|message automatique|accuse de reception)/, away: false },
    { re: /^(absence|absent(e)?\b|en conges|message d'absence|hors du bureau|absent du bureau|conges|je suis absent)/, away: true },
  ],
  returnCue: ['de retour', 'retour', 'retour le', 'je serai de retour', 'a partir du', 'a partir de', 'des le', 'reprendrai', 'reprise', 'serai present', 'serai presente', 'joignable a nouveau', 'rentre', 'de nouveau disponible'],
  untilCue: ['jusqu\'au', 'jusqu\'a', 'jusqu', 'au'],
  fromCue: ['du', 'depuis', 'entre', 'a compter du'],
};
