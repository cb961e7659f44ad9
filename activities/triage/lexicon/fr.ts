import type { Lexicon } from './types';

// Days a meeting can be set on, and clock times as French writes them ("14h", "14 h 30", "9h00", "14:30", "midi").
const JOUR = "(lundi|mardi|mercredi|jeudi|vendredi|demain|apres-demain|la semaine prochaine|semaine prochaine|cette semaine|en debut de semaine|le \\d{1,2}(er)?( (novembre|decembre|janvier|fevrier))?)";
const HEURE = '(\\d{1,2} ?h ?(\\d{2})?|\\d{1,2}:\\d{2}|midi)';
// An absence notice's own days and hours ("de retour mardi à 9h") do not propose a meeting.
const NOT_ABSENCE = "(?<!(retour|absente?|absents|rentre|rentrerai|jusqu'au|jusqu'a|reprise|reprendrai|conges?|vacances|ferme(e|s|es)?|fermeture|reouverture|joignable|disponible a nouveau|de nouveau disponible)[^.!?\\n]{0,30})";
// Verbs that take someone off a list, in the imperative (vous, tu), infinitive and past participle.
const RETIRER =
  '(retirez|retirer|retire|retiree?s?|supprimez|supprimer|supprime|supprimee?s?|enlevez|enlever|enleve|enlevee?s?|rayez|rayer|raye|rayee?s?|radiez|radier|radie|radiee?s?|sortez|sortir|sors|sortie?s?|effacez|effacer|efface|effacee?s?|otez|oter|ote|otee?s?|excluez|exclure|exclu|exclue?s?|desinscrivez|desinscrire|desinscrit|desinscrite?s?|desabonnez|desabonner|desabonnee?s?|biffez|biffer)';
const LISTE =
  '(liste|listes|liste de diffusion|listes de diffusion|mailing|mailings|mailing-?list|fichier|fichiers|base|bases|base de donnees|bases de donnees|bdd|crm|campagne|campagnes|sequence|sequences|newsletter|newsletters|emailing|diffusion|contacts|destinataires|annuaire|envois|relances)';

export const fr: Lexicon = {
  lang: 'fr',
  optOut: [
    { re: /\bdesinscri|\bdesincri|\bdesabonn|\bde-?sinscri|\bdesinscription\b/, label: 'désinscrire', weight: 2 },
    {
      re: new RegExp(
        `\\b${RETIRER}[- ]?(moi|nous)\\b|\\bme (retirer|supprimer|desinscrire|desabonner|rayer|radier|sortir|exclure|effacer|oter|enlever)\\b|\\bm'(enlever|effacer|oter|exclure)\\b|\\bnous (retirer|supprimer|desinscrire|desabonner|rayer|radier|sortir|exclure|effacer|enlever)\\b` +
          `|\\b(retire|supprime|enleve|raye|efface|ote|sors|exclus)-(moi|nous)\\b` +
          `|\\b${RETIRER} (mon|ma|mes|notre|nos|cette|l'|votre contact|le contact) ?(adresse|adresses|e-?mail|e-?mails|mail|mails|courriel|courriels|coordonnees|donnees|nom|nom|contact|contacts|fiche|profil|informations|adresse (e-?mail|mail|electronique|courriel))\\b` +
          `|\\betre (retire|supprime|desinscrit|desabonne|raye|radie|enleve|efface|exclu|ote|sorti)(e|s|es)? (de|des|du)\\b`,
      ),
      label: 'retirez-moi de la liste',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${RETIRER}(-moi|-nous)? (de|des|du) (la |cette |ces |vos |votre |tous |toutes |mes |ma )?(liste|listes|mailing|mailings|mailing-?list|base|bases|base de donnees|fichier|fichiers|newsletter|newsletters|diffusion|campagne|sequence)\\b|\\b${RETIRER}(-moi|-nous)?\\b[^.!?\\n]{0,50}\\b(de|des|du|d') ?(toutes |tous |l'ensemble de |l'ensemble des )?(vos|votre|ta|tes|cette|ces) (differentes |futures |prochaines |)${LISTE}\\b|\\b${RETIRER}(-moi|-nous)?\\b[^.!?\\n]{0,50}\\b(de|des|du) (la |cette )?(liste|listes|mailing|base|fichier) (de diffusion|de contacts|de prospection|d'envoi|marketing|commerciale|d'emailing)\\b`),
      label: 'retirer de la liste',
      weight: 2,
    },
    {
      re: /\bne (plus |jamais |plus jamais )?(me |nous |m')(contactez|contacter|recontactez|recontacter|ecrivez|ecrire|envoyez|envoyer|sollicitez|solliciter|relancez|relancer|appelez|appeler|demarchez|demarcher|spammez|spammer|adressez|adresser|inondez|harcelez|harceler|importunez|importuner|derangez|deranger|mettez|inscrivez|ajoutez)( plus| jamais| pas| plus jamais| aucun| de)?\b|\bne (plus|jamais|plus jamais) (me |nous |m')?(contacter|recontacter|solliciter|ecrire|envoyer|relancer|appeler|demarcher|deranger|importuner|recevoir)\b/,
      label: 'ne plus me contacter',
      weight: 2,
    },
    {
      re: /\b(merci|je vous remercie|je vous prie|nous vous prions|je vous demande|nous vous demandons|veuillez|pourriez-vous|pouvez-vous|prière|svp|s'il vous plait) (de )?(ne pas|ne plus|ne jamais) (me |nous |m')?(contacter|recontacter|ecrire|envoyer|relancer|solliciter|appeler|demarcher|inscrire|deranger|importuner|transmettre|adresser)\b/,
      label: 'merci de ne plus me contacter',
      weight: 2,
    },
    {
      re: /\bmerci de ne (plus|jamais|plus jamais) (me|nous|m')|\b(cessez|cesser) (de|d'|vos|tout|toute|ces|immediatement|donc|s'il vous plait)\b|\barretez (de|d'|vos|ces|tout|immediatement|s'il vous plait|svp)\b|\bopposition (au|a la|a l'|a tout|a toute|a l'utilisation|au traitement)\b.{0,60}\b(traitement|utilisation|prospection|donnees|marketing|envoi|sollicitation|commerciale?)\b/,
      label: 'cessez / opposition',
      weight: 2,
    },
    {
      re: /\b(cessez|cesser|arretez|arreter|arrete|stoppez|stopper|interrompez|interrompre|suspendez|suspendre|mettez fin a|mettre fin a|mettre un terme a|mettez un terme a) (de |d')?(tout |toute |tous |toutes |vos |ces |les |votre |cette |ce |immediatement |definitivement |sur le champ |donc )*(m'|me |nous |envoi|envois|envoyer|ecrire|contacter|contact|contacts|relance|relances|relancer|sollicitation|sollicitations|solliciter|communication|communications|prospection|demarchage|demarcher|spam|spams|spammer|mails|e-?mails|courriels|messages|campagnes?|harcel)/,
      label: 'cessez de m’écrire',
      weight: 2,
    },
    { re: /^\s*stop\b[^a-z]*(svp|stp|s'il vous plait|merci|!)?[^a-z]*$|\bstop (aux|a vos|a ces|a tout|au) (mails|e-?mails|courriels|messages|relances|envois|sollicitations|spams?|demarchage|prospection)\b|\bstop,? (merci|svp|stp)\b/, label: 'stop', weight: 2 },
    {
      re: /\b(ne|n') ?(souhaite|souhaitons|souhaiterais|souhaiterions|veux|voulons|voudrais|voudrions|desire|desirons|tiens|tenons|accepte|acceptons)( absolument| vraiment)? (plus|pas|aucunement|nullement|jamais|plus jamais)( du tout)? (a |de )?(recevoir|etre (re)?contacte|etre sollicite|etre demarche|etre relance|etre destinataire|figurer|faire partie|etre inscrit|etre dans|etre sur|entendre parler|avoir de vos nouvelles|avoir de nouvelles|de vos nouvelles|vos (mails|e-?mails|messages|courriels|sollicitations|relances|offres))/,
      label: 'je ne souhaite plus recevoir',
      weight: 2,
    },
    { re: /\b(ne|n') ?(souhaite|souhaitons|veux|voulons|desire|desirons|tiens|tenons) (pas|plus|aucunement|nullement) (que vous|qu'on|que votre societe|etre) (me |nous |m')?(recontact|contact|ecriv|relanc|sollicit|appel|demarch|envoy)\w*|\b(evitez|evite|veuillez eviter|merci d'eviter) de (me |nous |m')(recontacter|contacter|ecrire|relancer|solliciter|envoyer)\b|\b(m'|nous )oublier\b|\blcap\b|\bloi canadienne anti-?pourriel\b|\bne plus (rien )?recevoir\b|\bje refuse (de recevoir|toute (sollicitation|prospection|communication|relance)|d'etre (contacte|sollicite|demarche))|\bje retire mon consentement\b|\b(retrait|revocation) de (mon|notre) consentement\b|\bje revoque mon consentement\b/, label: 'ne plus recevoir', weight: 2 },
    {
      re: /\bplus (de|d'|aucun|aucune) ?(mails?|e-?mails?|courriels?|messages?|relances?|sollicitations?|envois?|prospection|demarchage|spams?|newsletters?)( svp| s'il vous plait| merci| stp)?[.!]*$|\bplus jamais (de |d')?(mails?|e-?mails?|courriels?|messages?|relances?)\b|\b(?<!(recois|recevons|recevez|envoyer|avoir|reçu|recu|plus) )plus de (mails|e-?mails|courriels|sollicitations|relances|spams?)\b|\baucun (autre |nouvel |nouveau )?(mail|e-?mail|courriel|envoi)\b|(?<!recu )\baucun (autre |nouveau )?message\b|\baucune (autre |nouvelle )?(relance|sollicitation|communication|prospection)\b|\bplus de (mails|e-?mails|courriels|relances|sollicitations) (svp|s'il vous plait|merci|stp|de votre part|de vous)\b/,
      label: 'plus de mails',
      weight: 2,
    },
    { re: /\b(je m'oppose|nous nous opposons|m'opposer|nous opposer|j'exerce mon droit|je fais valoir mon droit|j'ai le droit de m'opposer)\b.{0,80}\b(traitement|utilisation|usage|prospection|donnees|marketing|envoi|reception|sollicitation|opposition|effacement)\b|\b(demande|requete|exercice) (d'opposition|d'effacement|de suppression|de radiation|de desinscription|de retrait)\b|\bdroit (d'opposition|d'effacement|a l'effacement|a l'oubli|de suppression)\b/, label: 'opposition RGPD', weight: 2 },
    { re: /\b(suppression|effacement|destruction|purge) (immediate |definitive |complete |totale )?(de |des |d')(toutes |l'ensemble de |l'ensemble des )?(mes|nos) (donnees|coordonnees|informations|adresses?|contacts?)\b|\b(supprimer|supprimez|effacer|effacez|detruire|detruisez|purger|purgez) (toutes |l'ensemble des |l'ensemble de )?(les|mes|nos) (donnees|informations|coordonnees) (me|nous) concernant\b|\b(donnees|coordonnees|informations) (me|nous) concernant\b.{0,40}\b(supprim|effac|detrui|purg)/, label: 'effacez mes données', weight: 2 },
    { re: /\b(art\.?|article) ?(17|21)\b.{0,40}\b(rgpd|gdpr|reglement)\b|\brgpd\b.{0,80}\b(supprim|effac|oppos|retir|desinscri|desabonn|plainte|cnil|art\.?|article|consentement|violation|infraction|contraire|illegal|illicite|non conforme|respectez|enfrei)|\b(supprim|effac|oppos|retir|desinscri|desabonn|plainte|consentement|violation|infraction|contraire|illegal|illicite|non conforme|respectez|enfrei)\w*\b.{0,60}\brgpd\b|\b(loi )?informatique et libertes\b/, label: 'RGPD cité', weight: 2 },
    { re: /\bcnil\b/, label: 'CNIL', weight: 2 },
    { re: /\bliste (rouge|noire|d'exclusion|d'opposition|de suppression|repoussoir)\b|\bbloctel\b|\bpas de (demarchage|prospection|sollicitation)s?( commerciale?s?)?( svp| merci| s'il vous plait)?[.!]*$|\bnon aux (sollicitations|demarchages)\b/, label: 'liste d’opposition', weight: 2 },
    { re: /\b(c'est|c'etait|ceci est|cela est|ca c'est|du|encore du|pur|vrai|purement du|encore un|un) (du )?(spam|pourriel)s?\b|\b(vos|ces|encore des|toujours des|recevoir des) pourriels\b|\bspamm(ez|er|eur|eurs|euse|ing)\b|\b(vos|ces|votre|ce|cet|de tels|recevoir des|recois des|reception de) (courriers?|courriels?|messages?|mails?|e-?mails?|envois?) (indesirables?|non sollicites?|non desires?|non demandes?)\b|\b(c'est|ceci est|il s'agit d'|il s'agit de) (un |du )?(courrier|courriel|message|mail|e-?mail|envoi)s? (indesirables?|non sollicites?|non desires?)\b|\b(prospection|sollicitation|demarchage) (commerciale )?(non sollicitee?|non desiree?|sauvage|abusive?)\b|\bsignal ?spam\b|\bspam\b.{0,20}\b(signale|signaler|signalerai|signalee?s?)\b|\b(signaler|signalerai|signalerons|signale)\b.{0,30}\b(spam|cnil|abus)\b|\b(signale|signaler|signalerai|signalerons|signalons|signalez|marque|marquer|classe|classer|classerai|mis|mets|mettrai)\b[^.!?\n]{0,40}\b(comme|en|dans les|dans mes|aux|en tant que) (spam|pourriel|indesirable|indesirables|courrier indesirable|abus|hameconnage)\b/, label: 'c’est du spam', weight: 2 },
    { re: /\bavocats?\b|(?<!(aucune|pas de|sans|ni) )\bplaintes?\b|\bpoursuites\b|\b(engager|engagerai|engagerons|entamer|entamerai) des poursuites\b|\bpoursuivre en justice\b|\bmise en demeure\b|\baction en justice\b|\bdevant les tribunaux\b|\bdgccrf\b|\bautorite de (controle|protection des donnees)\b/, label: 'menace juridique', weight: 2 },
    { re: /\blaissez-(moi|nous) (tranquilles?|en paix)\b|\blaisse-moi (tranquille|en paix)\b|\b(foutez|fichez|fiche|fous|foutez|lachez)-(moi|nous) (la paix|la grappe)\b|\blachez-(moi|nous)\b|\boubliez-(moi|nous)\b|\boubliez (mon|mes|notre) (adresse|e-?mail|courriel|coordonnees|contact|nom)\b/, label: 'laissez-moi tranquille', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bpour (vous |se |nous )?(vous )?(desinscrire|desabonner|desinscription|desabonnement)\b|\blien (de|pour) (vous |se )?(desinscription|desabonnement|desinscrire|desabonner)\b|\b(cliquez|cliquer|rendez-vous|suivez|suivre|utilisez|utiliser)\b[^.!?\n]{0,40}\b(desinscri|desabonn)\w*|\bvous (pouvez|pourrez|pouvez a tout moment|pouvez egalement) (vous )?(desinscrire|desabonner)\b/, label: 'instructions de désinscription' },
    { re: /\bsi vous (ne )?(souhaitez|voulez|desirez) (ne )?(plus|pas|ne plus|ne pas) (recevoir|etre (contacte|sollicite))[^.!?\n]{0,80}/, label: 'instructions de désinscription' },
    // Privacy footers in signatures ("Conformément au RGPD, vous disposez d'un droit d'accès, de rectification, d'effacement…").
    {
      re: /\b(conformement|en application|en vertu|au titre|dans le cadre|conformement aux dispositions) (au|a la|du|de la|des|de l')[^.]{0,80}\bvous (disposez|beneficiez|pouvez exercer|avez un droit|avez le droit d'acces)[\s\S]{0,250}|\bvous (disposez|beneficiez) (d'un|du|des|de) droits? (d'acces|de rectification|d'opposition|d'effacement|de suppression|a l'effacement)[\s\S]{0,200}|\bpour exercer (ce|ces|vos|votre) droits?\b[^.\n]{0,120}|\b(vos|les) donnees (personnelles |a caractere personnel )?(sont|seront) (traitees|collectees|conservees|utilisees) (conformement|selon|dans le respect)( (au|du|de la|des|a la))? (rgpd|reglement|loi)\b/,
      label: 'mentions légales RGPD',
    },
    { re: /\b(etes-vous|etes vous|est-ce|est-il|est-elle|(?<!non |pas )conformes?|conformite|compatible|compliant|gerez-vous|respectez-vous|certifie|certifiee|certification|dpa|sous-traitant|hebergement)\b[^.!?\n]{0,60}\brgpd\b[^.!?\n]{0,40}\?|\brgpd\b[^.!?\n]{0,40}\b((?<!non |pas )conformes?|compliant|dpa|sous-traitant|hebergement|hebergees?)\b[^.!?\n]{0,40}\?/, label: 'question de conformité RGPD' },
    { re: /\b(lutter|lutte|proteger|protection|filtrer|filtrage|filtre|bloquer)( \w+){0,3} contre (les |le )?(courriers? indesirables?|spams?|pourriels?|messages? indesirables?)\b|\banti-?(spam|pourriel)s?\b/, label: 'filtre anti-spam' },
    { re: /\b(declaration|declaree?|recepisse|dispense|enregistree?|enregistrement|numero|n[°o]?)( a| aupres de| de la)?( la)? cnil\b|\bcnil (n[°o]?|numero|sous le)\b/, label: 'numéro de déclaration CNIL' },
  ],
  notInterested: [
    {
      re: /\bpas (vraiment |du tout |tellement |trop |specialement |particulierement |tres )?interesse(e|s|es)?\b|\b(nullement|aucunement|guere|plus du tout) interesse(e|s|es)?\b|\b(ne|n') ?(suis|sommes|serai|serons|serions|serais|est|sont)( vraiment)? (plus|pas|nullement|aucunement) (vraiment |du tout |tellement )?interesse(e|s|es)?\b/,
      label: 'pas intéressé',
      weight: 2,
    },
    {
      re: /\b(ne|n') ?(nous |m'|me |vous )?interesse(nt)? (pas|guere|plus|aucunement|nullement|absolument pas|vraiment pas)\b|\b(ne|n') ?interesse (personne|pas)\b|\b(pas|aucun|aucunement|nul) (d'|de |d'un )?interet (pour nous|pour moi|a ce stade)\b|\b(aucun|pas d') ?interet\b|\b(ne|n') (presente|voyons|vois|y voyons|y vois) (pas|aucun|guere)( d'| de | l'| vraiment l'| vraiment d')?(interet|utilite|valeur ajoutee)\b/,
      label: 'ça ne nous intéresse pas',
      weight: 2,
    },
    { re: /\bnon,? merci\b|\bmerci,? (mais )?non\b|\bc'est non\b|\bce sera non\b|\bla reponse est non\b|^non[.!]*$|^non,? (merci|desole|desolee|pas pour nous|ca ira)\b|\bsans facon\b|\bca ira,? merci\b|\bnous allons (nous abstenir|decliner)\b|\bje vais (m'abstenir|decliner)\b|\bon va (s'abstenir|passer)\b/, label: 'non merci', weight: 2 },
    {
      re: /\bpas pour (nous|moi)\b|\bpas (adapte|adaptee|pertinent|pertinente|applicable|utile|necessaire) (pour|a|a notre|a nos|dans notre)\b|\b(pas|peu) (tres |vraiment |forcement |du tout )?pertinente?s?\b|\bne (correspond|repond|convient|s'applique|colle) (pas|guere|aucunement) (a|au|aux|pour|vraiment|du tout)\b|\bhors (sujet|cible|perimetre) pour nous\b|\bne (sommes|suis) pas (la cible|concernee?s?|demandeu(r|rs|se|ses)|preneurs?|acheteurs?)\b|\bpas (concerne|concernee|concernes|demandeurs?|preneurs?)\b|\bca ne nous concerne pas\b|\bne nous concerne pas\b/,
      label: 'pas pour nous',
      weight: 2,
    },
    {
      re: /\b(n'avons|n'ai|n'en avons|n'en ai|n'a|n'en a) (pas|aucun|aucunement|nullement|guere)( vraiment| du tout| actuellement| reellement)? (de )?(besoin|l'utilite|utilite|l'usage|usage|l'utilisation)\b|\baucun (besoin|interet|usage)\b|\bpas (de|d') (besoin|utilite)\b|\bpas besoin,? merci\b|\bnous n'en avons pas besoin\b|\bnous n'avons pas besoin\b|\bnous ne (sommes|serons) pas demandeurs\b|\bnous (n'avons|ne rencontrons) pas (ce|ces|de tels?|ce genre de|de) (probleme|problemes|difficultes|soucis|souci|besoin|besoins)\b|\bnotre (cloture|processus|process|rapprochement)[^.!?\n]{0,30}\b(fonctionne|se passe|marche|tourne) (tres |deja |parfaitement |tres bien |bien )*(bien|tres bien|parfaitement)\b/,
      label: 'pas de besoin',
      weight: 2,
    },
    {
      re: /\b(ne|n') ?(donnerons|donnerai|donnera|pouvons|pourrons|pourrions|souhaitons|souhaite|allons|vais|voulons|veux|comptons|compte) (pas|plus) (donner )?suite\b|\bne pas donner suite\b|\bpas (de )?suite (a donner|favorable)\b|\bsans suite\b|\bpasser (mon|notre) tour\b|\b(je|nous|on) (passe|passons|passerai|passerons) (mon|notre|son) tour\b|\bje (decline|declinerai)\b|\bnous (declinons|declinerons)\b|\bdecliner (votre|cette|l') (offre|proposition|invitation)\b|\bpas convaincue?s?\b|\bne (suis|sommes) pas convaincue?s?\b|\binutile d'insister\b|\bpas la peine (d'insister|de (me|nous) relancer|de revenir vers)\b|\binutile de (me|nous) (relancer|recontacter|rappeler)\b|\bn'insistez pas\b/,
      label: 'nous ne donnerons pas suite',
      weight: 2,
    },
    { re: /\bnous ne (cherchons|recherchons) (pas|rien|aucune)\b|\bje ne cherche (pas|rien)\b|\bpas (a la recherche|en recherche) (de|d')\b|\bpas dans nos (projets|plans|priorites)\b/, label: 'ne cherchons pas', weight: 2 },
  ],
  price: [
    {
      re: /\b(beaucoup |bien |un peu |vraiment |largement |nettement )?trop (cher|chere|chers|cheres|onereux|onereuse|couteux|couteuse|dispendieux)\b|\bhors de prix\b|\bhors (de )?budget\b|\bhors de (notre|nos) (budget|moyens|portee)\b|\b(au-?dessus|au dessus|au-dela|au dela) de (notre|nos|mes|mon) (budget|moyens|enveloppe)\b|\bpas dans (nos|mes|notre|mon) (moyens|budget|enveloppe|prix)\b|\b(ca|cela|c'est|c) (fait |reste |est |serait |me parait |nous parait |semble )?(beaucoup trop |trop |bien trop |un peu )?(cher|onereux|couteux)( pour (nous|une structure|notre|une petite|une pme|une association))?\b|\bpas les moyens\b|\b(beaucoup|bien) trop (pour nous|pour notre|pour une (petite )?(structure|equipe|pme|entreprise))\b|\bn'avons pas les moyens\b|\b(ne|n') ?(pouvons|peux|pourrons|pourrions) pas (nous |me )?(le |la |les |nous |me )?(permettre|offrir|payer|financer|justifier)\b/,
      label: 'trop cher',
      weight: 2,
    },
    {
      re: /\b(pas|aucun|sans|plus) (de |le |d'|du )?budget\b|\bbudget (est |a ete |deja |sont |nous est )*(gele|geles|gelee?s?|epuise|epuisee?s?|bloque|bloquee?s?|serre|serres|limite|limites|restreint|restreints|consomme|insuffisant|insuffisants|boucle|clos|ferme|atteint|reduit|coupe|alloue ailleurs|deja alloue|deja utilise|deja engage)\b|\b(budgets?|depenses|achats|investissements) (sont |est )?(geles?|bloques?|suspendus?)\b|\bgel (des|de nos) (budgets?|depenses|achats|investissements|recrutements)\b|\bgel budgetaire\b|\b(restrictions?|contraintes?|coupes?|arbitrages?|coupes) budgetaires?\b|\bpas (prevu|budgete|budgetise|inscrit) (au|dans notre|dans le) budget\b|\bnon budgete\b|\bpas budgete\b|\baucune ligne budgetaire\b|\bpas de ligne budgetaire\b|\bplan d'economies\b|\breduction (des|de nos) (couts|depenses)\b|\bbudget (serre|contraint|tendu|limite)\b/,
      label: 'pas de budget',
      weight: 2,
    },
    {
      re: /\b(tarifs?|prix|couts?|abonnements?|licences?|tarification|tarif par utilisateur|montant|facture|investissement)\b[^.!?\n]{0,30}\b(?<!pas )(?<!pas trop )(?<!pas si )(?<!pas tres )(?<!pas aussi )(trop |bien trop |un peu |beaucoup trop |assez |tres |largement |nettement |vraiment )?(elev(e|es|ee|ees)|cher|chers|chere|cheres|onereux|onereuse|couteux|couteuse|prohibitif|prohibitifs|prohibitive|excessif|excessifs|excessive|redhibitoire|dissuasif|dissuasive|dispendieux|exorbitant|exorbitants|delirant|astronomique|inabordable|injustifiable|difficile a justifier|pas justifiable)\b|\b(redhibitoire|inabordable|exorbitant)\b|\b49 ?(\$|dollars\b|usd\b|euros?\b)[^.!?\n]{0,50}\b(beaucoup|trop|cher|enorme|pas possible|impossible|difficile)\b|\bretour sur investissement (insuffisant|pas evident|trop faible|pas suffisant)\b|\brapport (qualite-?prix|cout-?benefice) (pas|peu|insuffisant|defavorable)\b/,
      label: 'prix trop élevé',
      weight: 2,
    },
    { re: /\b(solution|outil|alternative|option)s? (moins (chere|cher|couteuse|onereuse)|gratuite?s?|bon marche|low-?cost|plus abordables?)\b|\bmoins (cher|chere|couteux|couteuse) ailleurs\b/, label: 'alternative moins chère', weight: 1 },
  ],
  timing: [
    {
      re: /\bpas (le bon moment|le moment|maintenant|pour (le moment|l'instant|l'heure|maintenant|cette annee|ce trimestre|tout de suite)|tout de suite|d'actualite|prioritaire|une priorite|notre priorite|a l'ordre du jour|encore (le moment|pour nous|prioritaire|d'actualite|a l'ordre du jour)|cette annee|ce trimestre|dans l'immediat|avant (janvier|fevrier|mars|avril|mai|juin|septembre|l'an prochain|l'annee prochaine|2027|la rentree|le printemps|l'ete|la fin))\b|^pas encore\b|\bmauvais moment\b|\bmauvais timing\b|\bmoment (n'est pas|mal choisi|peu opportun)\b|\b(le moment|le timing) n'est pas (ideal|opportun|bon|le bon|propice)\b|\bce n'est pas le moment\b|\bpour (le moment|l'instant|l'heure),? (non|ce n'est pas|pas)\b/,
      label: 'pas le bon moment',
      weight: 2,
    },
    {
      re: /\bplus tard\b|\bulterieurement\b|\ba une date ulterieure\b|\b(l'annee|l'an|l'exercice|le trimestre|le semestre) (prochain|prochaine)\b|\bdans (quelques|deux|trois|quatre|six|\d+|un|une) (mois|trimestres?|semestres?|an|annee)\b|\b(au|en|d'ici|pour le|courant du?) (premier|deuxieme|second|troisieme|prochain|1er|2e|2eme) (trimestre|semestre)\b|\b(au|en|d'ici|a partir du|courant|apres le|des le|pour le) (t|q)[1-4]( 2027)?\b|\b(debut|courant|mi-|fin|a partir de|d'ici|apres|pas avant|des|au cours de) ?(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|2027|l'annee prochaine|l'an prochain|l'exercice prochain|la rentree|le printemps|l'ete prochain|l'automne prochain)\b|(?<!jusqu')\ben (janvier|fevrier|mars|avril|mai|juin|juillet|septembre|octobre|2027)\b|\b(a|pour) la rentree\b|\bau printemps\b|\bapres (les fetes|les vacances|la cloture|notre cloture|la cloture annuelle|le bilan|la periode de cloture|l'audit|notre audit|le bouclage|la migration|notre migration|le deploiement|le passage|la fin d'annee|la fin de l'annee|le premier trimestre|l'arrete des comptes|nos comptes annuels|le changement)\b/,
      label: 'plus tard',
      weight: 2,
    },
    {
      re: /\b(recontactez|relancez|rappelez|contactez|revenez vers|reecrivez|reessayez|reprenez contact avec|refaites signe)[- ]?(moi|nous)?\b.{0,40}\b(dans|en|apres|au|a partir|l'an|l'annee|debut|courant|fin|plus tard|ulterieurement|d'ici|janvier|fevrier|mars|avril|mai|juin|septembre|l'automne|la rentree)\b|\brecontactez-(moi|nous)\b|\b(n'hesitez pas a|vous pouvez|merci de|pourriez-vous) (me |nous )?(recontacter|relancer|revenir vers (moi|nous)|reecrire)\b.{0,30}\b(dans|en|apres|au|a partir|l'an|l'annee|debut|courant|fin|plus tard|ulterieurement|d'ici)\b|\b(je|nous) (reviendrai|reviendrons|reprendrai|reprendrons) (vers vous|contact|le sujet|contact avec vous)\b|\b(on|nous) (en )?(reparle|reparlera|reparlerons|reparlons|verra|verrons)\b|\b(a|on) (revoir|reparler|rediscuter) (plus tard|l'an|l'annee|en|au|apres|dans)\b|\brevenir vers (vous|moi|nous) (plus tard|ulterieurement|dans|en|au|apres|l'an|l'annee)\b|\b(reporter|reportons|remettre a plus tard|remettons|differer|mettre en (pause|attente|stand-?by)|mis en (pause|attente|stand-?by)|en stand-?by|en suspens|gele|suspendu)\b/,
      label: 'recontactez-moi plus tard',
      weight: 2,
    },
    {
      re: /\ben plein(e)? (migration|cloture|projet|reorganisation|restructuration|audit|changement|deploiement|bouclage|bilan|periode de cloture|implementation|mise en place|demenagement|rachat|fusion|recrutement|inventaire|arrete)\b|\b(sommes|suis) (actuellement |en ce moment )?(debordee?s?|surchargee?s?|sous l'eau|noyee?s?|tres pris|tres prise|tres occupee?s?|submergee?s?|accaparee?s?|mobilisee?s?)\b|\bdebordee?s?\b|\bsous l'eau\b|\bpas le temps\b|\bpas de (temps|disponibilite|bande passante|ressources?) (pour|a consacrer|en ce moment|actuellement)\b|\bpas (la|de) (bande passante|disponibilite|capacite)\b|\bcharge de travail\b|\bperiode (tres )?(chargee|intense|compliquee|charniere)\b|\b(en ce moment|actuellement|pour l'instant|pour le moment),? (c'est|ce n'est|nous sommes|je suis|ca) (complique|impossible|pas possible|pas envisageable|pas le moment|trop tot|pas prioritaire|pas d'actualite)\b|\btrop tot\b/,
      label: 'débordés en ce moment',
      weight: 2,
    },
    { re: /\bpas avant\b|\bpeut-etre (plus tard|l'an prochain|l'annee prochaine|dans quelques mois|un jour)\b|\bon verra\b|\bau prochain (exercice|trimestre|semestre|budget)\b|\bprochain (exercice|budget|cycle budgetaire)\b/, label: 'pas avant', weight: 2 },
    { re: /\b(en ce moment|actuellement|pour l'instant|pour le moment|a ce stade|a l'heure actuelle|dans l'immediat)\b/, label: 'pour le moment', weight: 1 },
  ],
  competitor: [
    {
      re: /\b(utilisons|utilise|employons|travaillons avec|travaille avec|nous servons|nous appuyons sur|passons par)( deja| depuis (des annees|plusieurs (annees|mois)|longtemps|\d+ ans|l'an dernier|l'annee derniere))\b|\b(on|nous|je) (utilise|utilisons|possede|possedons|dispose|disposons|travaille avec|travaillons avec) deja\b|\b(nous avons|j'ai|on a|nous possedons|nous disposons d'|nous disposons de|nous sommes dotes d') (deja (une?|des|notre|nos)|notre propre|nos propres|un autre|une autre) (outil|outils|solution|solutions|logiciel|logiciels|prestataire|prestataires|fournisseur|fournisseurs|editeur|plateforme|systeme|process|processus|partenaire|erp|application|module|cabinet|expert-comptable|outil interne)\b/,
      label: 'utilisons déjà',
      weight: 2,
    },
    {
      re: /\bdeja (une|un) (outil|solution|logiciel|prestataire|fournisseur|editeur|plateforme|systeme|processus|partenaire|erp|module|cabinet|contrat)\b|\bdeja (equipee?s?|en place|outillee?s?|servie?s?|couverte?s?|pourvue?s?|client|clients|sous contrat|engagee?s?|accompagnee?s?)\b|\b(sommes|suis) (deja )?(equipee?s?|outillee?s?|clients?|sous contrat|engagee?s?|lies?) (de|chez|avec|par|d'une|d'un|pour)\b|\b(notre|nos|mon) (prestataire|fournisseur|solution|outil|logiciel|editeur|partenaire)s? (actuel|actuelle|actuels|actuelles|existant|existante|habituel|en place)\b|\b(actuel|actuelle) (prestataire|fournisseur|solution|outil|logiciel|editeur)\b/,
      label: 'déjà équipés',
      weight: 2,
    },
    {
      re: /\b(avons|ai|a|venons d'|venons de|avions) (choisi|opte pour|signe avec|signe un contrat avec|selectionne|fait le choix d'|fait le choix de|contractualise avec|migre vers|bascule sur|bascule vers)\b(?! (de|d') )|\b(avons|ai|a|avions) (retenu|prefere|privilegie) (un|une|l'offre|la solution|l'outil) (autre|concurrent|prestataire|solution|editeur|outil|fournisseur)|\b(avons|ai|a|venons d'|venons de|avions) (mis en place|deploye|implemente|adopte|achete|acquis|signe pour) (un|une|l'|le|la) ?(outil|solution|logiciel|plateforme|module|erp|systeme|application)\b|\b(avons|ai|venons de) (renouvele|reconduit|prolonge) (notre|le|nos) (contrat|abonnement|licence)s?\b|\b(sommes|suis) (partis|parti|partie|parties|passes|passe|passee) (sur|avec|chez|vers)\b|\b(un|le) concurrent\b|\b(une|la) (solution|offre) concurrente\b|\bautre (prestataire|fournisseur|editeur|partenaire|outil|logiciel|solution)\b|\bchez un concurrent\b|\bvotre concurrent\b|\bun de vos concurrents\b|\bcontrat (en cours|pluriannuel|de \d+ ans|qui court)\b|\bengagee?s? (pour|sur) (\d+|deux|trois) ans\b|\bsatisfaits? de (notre|nos|l'outil|la solution|notre solution|notre outil|notre prestataire)\b|\ben (sommes|suis) (tres |pleinement |entierement |plutot )?(satisfaite?s?|contente?s?)\b|\b(travaillons|travaille) avec [a-z0-9&.-]+( [a-z0-9&.-]+)? depuis (des annees|plusieurs (annees|mois)|longtemps|\d+ ans)\b/,
      label: 'avons choisi une autre solution',
      weight: 2,
    },
    {
      re: /\b(developpe|developpee|developpes|concu|concue|construit|construite|cree|creee|fait|faite|gere|geree|geres|gerons|faisons|traitons|traite|realise|realisons|automatise|automatisee|automatisons|code|programme)( (tout|cela|ca|le tout|ce processus|ce sujet|nos rapprochements|les rapprochements))? en interne\b|\b(outil|solution|logiciel|developpement|script|scripts|macro|macros|application|process) (interne|maison|fait maison|developpe en interne|sur mesure)\b|\b(developpe|developpee|concu|concue|construit|construite|cree|creee|fait|faite|mis au point|monte)\b[^.!?\n]{0,30}\ben interne\b|\bsolution maison\b|\boutil maison\b|\bnotre propre (outil|solution|logiciel|application|systeme)\b|\bnos propres (outils|solutions|scripts|macros)\b|\bnotre (erp|logiciel comptable|outil comptable|systeme|sage|cegid|sap|netsuite|oracle) (gere|fait|couvre|traite|automatise|s'en charge|le fait) deja\b|\b(gere|couvert|traite|automatise|resolu|regle) (par|dans|avec) (notre|nos|l'|le) (erp|logiciel|outil|systeme|module)\b/,
      label: 'développé en interne',
      weight: 2,
    },
  ],
  referral: [
    { re: /\b(pas|plus) (la bonne personne|le bon interlocuteur|la bonne interlocutrice|le bon contact|la personne (adequate|concernee|competente|en charge|indiquee)|l'interlocuteur (adequat|approprie|pertinent|competent)|la personne a contacter|le bon destinataire|la bonne destinataire|decisionnaire|decideur|le decideur|la decisionnaire)\b|\bmauvais(e)? (interlocut(eur|rice)|personne|contact|destinataire)\b/, label: 'pas la bonne personne', weight: 2 },
    {
      re: /\b(pas|plus) (de mon ressort|mon domaine|mon perimetre|ma responsabilite|dans mon perimetre|dans mes attributions|de ma competence|de mon perimetre|moi qui (gere|m'occupe|decide|traite|suis en charge))\b|\b(ne|n') ?(releve|relevent) (pas|plus) de (mon|ma|mes)\b|\bhors de mon (perimetre|domaine|ressort|champ)\b|\bne (suis|m'occupe|gere|traite) (pas|plus)\b.{0,40}\b(charge|responsable|sujet|dossier|domaine|ces questions|ce type|ce genre|finance|comptab|achats|outils)\b|\b(ce n'est|ce n'est plus) (pas |plus )?(moi|a moi) qui\b/,
      label: 'pas de mon ressort',
      weight: 2,
    },
    {
      re: /\b(adressez-vous|adressez vous|adresse-toi|rapprochez-vous|rapprochez vous|tournez-vous|voyez (plutot |directement )?avec|je vous invite a (contacter|voir|ecrire|vous rapprocher|vous adresser)|je vous conseille de (contacter|voir|ecrire|vous rapprocher|vous adresser)|je vous suggere de (contacter|voir|ecrire|vous rapprocher)|le mieux (est|serait) de (contacter|voir avec|ecrire|vous adresser|vous rapprocher)|il (faut|faudrait|vaudrait mieux|vaut mieux) (contacter|voir avec|ecrire a|vous adresser|vous rapprocher)|mieux vaut (contacter|voir avec|ecrire a)|contactez plutot|contacter plutot|ecrivez plutot|merci de contacter|merci de vous adresser|veuillez contacter|veuillez vous adresser|je vous renvoie vers|je vous redirige vers|je vous oriente vers)\b[^.!?\n]{0,20}\b(a|avec|aupres de|de|vers)?\s?(mon|ma|mes|notre|nos|le|la|les|l'|m\.|mme|monsieur|madame|[a-z]+@)/,
      label: 'adressez-vous à un collègue',
      weight: 2,
    },
    {
      re: /\bje vous mets en (relation|contact)\b|\bje (vous )?(transmets|transfere|fais suivre|fais passer|relaie|relaye|redirige|fais remonter)\b|\bj'ai (transmis|transfere|fait suivre|fait passer|relaye|redirige|fait remonter)\b|\b(transmis|transfere|fait suivre|fait passer|relaye|redirige|fait remonter) (votre|ce|cet|le) (message|mail|e-?mail|courriel|demande|proposition)\b|\b(transmettre|transferer|faire suivre|faire passer|relayer) (votre|ce|cet|le) (message|mail|e-?mail|courriel|proposition|demande) a\b|\b(mis|mise|mets|mettons|ajoute|ajoutee|inclus|incluse|met) (en copie|en cc|en c\.c\.|en copie de ce mail)\b|\b(qui est|qui sont|que je mets|que j'ai mis|que j'ai mise|qu'il|que vous trouverez) en (copie|cc)\b|\bje vous presente (mon|ma|notre)\b|\ben copie\b|\ben cc\b/,
      label: 'je transmets à un collègue',
      weight: 2,
    },
    {
      re: /\b(s'occupe|s'occupent|s'en occupe|s'en occupent|se charge|se chargent|supervise) (de )?(ce|ces|cette|ca|cela|le|la|les|nos|notre|tout) ?(sujet|sujets|dossier|dossiers|question|questions|type de|genre de|projet|projets|outils|achats|aspects|theme|thematique|domaine|perimetre|cloture|finance|comptabilite|partie|ca|cela)?\b|\bs'occupe de\b|\best (le|la) (responsable|bon interlocuteur|bonne interlocutrice|bonne personne|mieux place|mieux placee|personne (a contacter|adequate|competente|en charge)|decisionnaire|decideur|referent|referente|interlocuteur|interlocutrice)\b|\b(c'est|ce sera|ce serait) (lui|elle|eux|plutot lui|plutot elle|(?!(sage|cegid|sap|excel|netsuite|oracle|blackline|pennylane|ca|cela|le logiciel|l'outil|l'erp|le systeme)\b)[a-z]+) qui (gere|s'occupe|decide|traite|pilote|est en charge|prend les decisions)\b|\b(est|sont) en charge (de|du|des)\b|\ble (bon|meilleur) (interlocuteur|contact) (est|serait|sera)\b|\bla (bonne|meilleure) (personne|interlocutrice) (est|serait|sera)\b|\bl'interlocut(eur|rice) (adequat|adequate|privilegie|privilegiee|pertinent|pertinente)\b/,
      label: 'c’est X qui s’en occupe',
      weight: 2,
    },
    { re: /\b(mon|ma|notre|nos|mes) (collegue|collegues|responsable|responsables|superieur|superieure|n\+1|directeur|directrice|daf|raf|cfo|dg|pdg|manager|chef|cheffe|controleur|controleuse|comptable|comptables|service|equipe|departement|direction|pole) ?(financiere?|comptable|administratif|administrative|des achats|achats|informatique|si|it|finance|de gestion)?\b/, label: 'un collègue', weight: 1 },
    { re: /\b(j'ai (change|quitte)|je (change|quitte)) (de poste|de fonction|de service|l'entreprise|la societe|mes fonctions)\b|\b(j'ai|je suis) (ete )?(mute|mutee|affecte|affectee|nomme|nommee|change de poste)\b|\bje ne (suis|travaille) plus (en charge|dans ce service|a ce poste|en poste|au service|a la direction|chez)\b|\bmon successeur\b|\bma successeure?\b|\ba repris (mes|le|ce) (dossiers?|poste|fonctions|perimetre)\b/, label: 'changé de poste', weight: 2 },
  ],
  meeting: [
    {
      re: new RegExp(`${NOT_ABSENCE}\\b${JOUR}\\b(?![^.!?\\n]{0,20}\\b20\\d\\d\\b)[^.!?\\n]{0,25}\\b(a |vers |des |entre |de )?${HEURE}(?![\\d])|${NOT_ABSENCE}\\b${JOUR}( matin| apres-midi| apres midi| en fin de matinee| en fin de journee| en debut d'apres-midi| en fin d'apres-midi| midi)\\b`),
      label: 'un jour et une heure',
      weight: 3,
    },
    {
      re: new RegExp(
        `\\b${JOUR}\\b[^.!?\\n]{0,30}\\b(me convient|me conviendrait|nous convient|vous convient|vous conviendrait|conviendrait|convient|me va|nous va|vous va|ca me va|ca marche|c'est parfait|est parfait|serait parfait|c'est bon|est ok|c'est ok|m'arrange|nous arrange|je suis dispo|je suis disponible|suis libre|est libre|est possible|c'est possible|pourrait convenir|peut convenir|fonctionne|fonctionnerait)\\b` +
          `|\\b(va pour|ok pour|d'accord pour|partant pour|partante pour|disons|je propose|je vous propose|que diriez-vous de|pourquoi pas|plutot|je peux|nous pouvons|on peut|on se dit|rendez-vous|rdv|appel|reunion|call|visio|teams|zoom|demo|echange|appelons-nous|parlons-nous|point)\\b[^.!?\\n]{0,25}\\b${JOUR}\\b` +
          `|\\b(je suis|je serai|nous sommes|nous serons|suis|serai) (disponible|dispo|libre|joignable)s?\\b[^.!?\\n]{0,30}\\b(${JOUR}|${HEURE}|matin|apres-midi|toute la journee|en fin de journee)`,
      ),
      label: 'propose un jour',
      weight: 3,
    },
    {
      re: /\b(envoyez|envoyer|envoie|envoyez-moi|envoie-moi|faites-moi parvenir|transmettez-moi|adressez-moi|pouvez-vous m'envoyer|pourriez-vous m'envoyer|merci de m'envoyer|merci de me faire parvenir)\b[^.!?\n]{0,40}\b(invitation|invit|lien (teams|zoom|meet|google meet|de (reservation|prise de rendez-vous|rdv|visio|connexion)|(pour|de) (reserver|prendre|caler|fixer|planifier|booker))|creneaux|creneau|disponibilites|propositions de (creneaux|dates|rendez-vous)|un agenda|votre agenda|calendly)\b|\b(invitation|lien) (teams|zoom|meet|google meet|outlook|calendrier|agenda|visio)\b|\blien de (reservation|prise de rendez-vous|prise de rdv)\b|\bcalendly\b|\b(quelles? (sont |seraient )?(vos |tes )?disponibilites|vos disponibilites|tes disponibilites|vos creneaux|quand (etes-vous|seriez-vous|etes vous|seriez vous|es-tu) (disponible|dispo|libre)|quel (jour|creneau|horaire|moment) (vous )?(conviendrait|convient|vous arrange|vous irait)|proposez-moi (des|quelques|deux|trois|un|une) (creneaux|dates|horaires|options)|proposez-(moi|nous) un creneau|(bloquez|bloquer|reservez|reserver|calez|caler|posez|poser|trouvons|trouver) (un|une|des|quelques) (creneau|creneaux|date|moment|heure|rendez-vous|rdv) (dans|sur|a|pour|ensemble|la semaine|cette semaine|mardi|mercredi)|mon assistante?[^.!?\n]{0,40}\b(agenda|rendez-vous|rdv|creneau|organiser|caler|planifier|invitation))\b/,
      label: 'demande des créneaux / une invitation',
      weight: 3,
    },
    {
      re: /\b(caler|calons|fixer|fixons|planifier|planifions|programmer|programmons|organiser|organisons|prevoir|prevoyons|prendre|prenons|convenir d'|bloquer|trouver|trouvons|booker|bookons)( un| une| rapidement un| rapidement une| ensemble un| ensemble une)? (rendez-vous|rdv|appel|echange|point|reunion|visio|visioconference|demo|demonstration|call|creneau|entretien|rencontre|presentation|moment|temps d'echange|point telephonique|conf call|teams|zoom)\b|\b(appelons-nous|parlons-en|parlons-nous|echangeons|discutons-en|voyons-nous|rencontrons-nous|on s'appelle|s'appeler|se parler|nous parler|en discuter de vive voix|en parler de vive voix|faisons un point|on se cale|on cale|on se fait un|on organise)\b/,
      label: 'fixer un rendez-vous',
      weight: 2,
    },
    {
      re: /\b(volontiers|avec plaisir|ok|d'accord|partant|partante|oui|ravie?|heureux|heureuse|pret|prete|ouvert|ouverte|dispose|disposee|interesse|interessee|preneur|preneuse) (pour|a|d'|de|par) (un|une|l'|le|la)? ?(appel|echange|rendez-vous|rdv|demo|demonstration|visio|call|point|reunion|presentation|entretien|discussion|conversation|rencontre|20 minutes|echanger|discuter|en discuter|en parler|vous parler|parler)\b|\b(je|nous) (veux|voulons|voudrais|voudrions|aimerais|aimerions|souhaite|souhaitons|souhaiterais|souhaiterions) (bien )?(un|une|voir une|faire un|faire une|avoir un|avoir une|organiser un|organiser une|planifier un|planifier une) (appel|echange|demo|demonstration|rendez-vous|rdv|presentation|point|visio|call|entretien|reunion)\b|\b(une|la) (demo|demonstration|presentation) (m'interesse|nous interesse|me va|serait (utile|bienvenue|parfaite|interessante))\b|\b(un|l') (appel|echange) de (15|20|30|quinze|vingt|trente) ?(minutes|min)\b[^.!?\n]{0,30}\b(me va|convient|ok|possible|volontiers|avec plaisir|parfait|d'accord|ca marche)\b|\b(disponible|disponibles|dispo) (pour (un|une|en) ?(appel|echange|rendez-vous|rdv|demo|demonstration|visio|call|point|reunion|presentation|entretien|discuter|parler|echanger)|pour (echanger|discuter|en discuter|en parler|vous parler|un petit point)|le (\d|lundi|mardi|mercredi|jeudi|vendredi)|lundi|mardi|mercredi|jeudi|vendredi|demain|la semaine prochaine|cette semaine)\b/,
      label: 'volontiers pour un échange',
      weight: 2,
    },
  ],
  question: [
    {
      re: /\b(j'aimerais|je voudrais|je souhaiterais|je souhaite|nous aimerions|nous voudrions|nous souhaiterions|nous souhaitons|j'aurais aime|je veux|je voulais|nous voulions|je cherche a|nous cherchons a)( bien| aussi| egalement| d'abord| simplement)? (savoir|connaitre|comprendre|verifier|confirmer|avoir (des|plus de|quelques|davantage de) (informations|infos|details|precisions|elements|renseignements) (sur|concernant|quant a|au sujet de))\b|\bje me (demande|demandais) (si|comment|combien|quel|quelle|quels|quelles|ce que|pourquoi|ou)\b|\bnous nous (demandons|demandions) (si|comment|combien)\b|\bje m'interroge (sur|quant a)\b/,
      label: 'voudrais savoir',
      weight: 2,
    },
    {
      re: /\b(pourriez-vous|pouvez-vous|pourriez vous|pouvez vous|peux-tu|pourrais-tu|merci de|je vous remercie de|veuillez|auriez-vous la gentillesse de|serait-il possible de|est-il possible de)( me| nous| m')? ?(envoyer|indiquer|preciser|dire|expliquer|communiquer|confirmer|detailler|transmettre|faire parvenir|partager|donner|fournir|eclairer|renseigner)\b.{0,80}\b(prix|tarif|tarifs|tarification|cout|couts|devis|grille|conditions|contrat|references?|clients?|cas clients?|securite|soc ?2|iso ?27001|hebergement|heberge|donnees|integration|integrations|connecteur|compatible|compatibilite|api|fonctionne|fonctionnement|comment|si |s'il|quel|quelle|quels|quelles|combien|delai|duree|mise en place|deploiement|pilote|essai|engagement|resiliation|support|formation|rgpd|dpa|sous-traitant|euros|ht|ttc|tva|facturation|licence|utilisateurs?|export|fec|erp|sage|cegid|sap|netsuite|excel|banques?)\b/,
      label: 'pourriez-vous me préciser',
      weight: 2,
    },
    {
      re: /\b(dites-moi|dites-nous|dis-moi|precisez-moi|indiquez-moi|expliquez-moi|confirmez-moi|detaillez-moi|eclairez-moi)\b.{0,60}\b(si|comment|combien|quel|quelle|quels|quelles|ce que|pourquoi|ou|le prix|les tarifs|le cout)\b|\b(en savoir|en dire|m'en dire|nous en dire|connaitre) plus (sur|concernant|au sujet de|quant a) (le |la |les |vos |votre |l')?(prix|tarif|tarifs|tarification|cout|couts|securite|integration|integrations|mise en place|deploiement|pilote|essai|fonctionnement|hebergement|api|references?|contrat|conditions|donnees)\b|\b(plus d'|des |quelques |davantage d')(informations|infos|details|precisions|renseignements|elements) (sur|concernant|quant a|au sujet de) (le |la |les |vos |votre |l')?(prix|tarif|tarifs|tarification|cout|couts|securite|integration|integrations|mise en place|deploiement|pilote|essai|fonctionnement|hebergement|api|references?|contrat|conditions|donnees|compatibilite)\b|\bj'ai (une|quelques|plusieurs|deux|trois) questions?\b|\bnous avons (une|quelques|plusieurs|deux|trois) questions?\b|\bquestion (sur|concernant|au sujet de|relative a) (le |la |les |vos |votre |l')?(prix|tarif|tarifs|securite|integration|pilote|essai|fonctionnement|hebergement|donnees|contrat)\b/,
      label: 'dites-moi / plus d’infos sur',
      weight: 2,
    },
    { re: /\b(est-ce que|est ce que|savez-vous si|sauriez-vous)\b|\b(quel|quelle|quels|quelles) (est|sont|serait|seraient) (le|la|les|vos|votre|l')\b|\b(combien|comment) (coute|coutent|ca coute|cela coute|fonctionne|ca fonctionne|ca marche|cela fonctionne|se passe|se deroule|gerez-vous|traitez-vous|integrez-vous)\b|\b(fonctionne|marche|compatible|s'integre|s'interface|se connecte)[- ]?(t-il|t-elle|-il|-elle)? (avec|a|aux)\b/, label: 'forme interrogative', weight: 1 },
  ],
  interest: [
    {
      re: /(?<!\b(pas|plus|nullement|aucunement|guere|ne|n')\b[^.!?\n]{0,20})\binteresse(e|s|es)? (par|de|d'en|a l'idee|pour)\b|^(tres |plutot |assez |vraiment )?interesse(e|s|es)?[.!]*$|\b(je suis|nous sommes|je serais|nous serions|serais|serions|suis|sommes) (tres |plutot |vraiment |assez |potentiellement |fort |tout a fait |bien )?interesse(e|s|es)?\b(?! (mais|sauf))|\b(ca|cela|ceci) (m'|nous |pourrait (m'|nous )|me |pourrait bien (m'|nous ))interesse(r)?\b|(?<!\b(ne|n')\b ?)\b(ca|cela) (m'|nous )interesse\b(?! (pas|guere|plus|aucunement))/,
      label: 'intéressé',
      weight: 2,
    },
    {
      re: /(?<!\b(pas|plus|guere|nullement|peu|moins)\b[^.!?\n]{0,15})\b(tres|plutot|fort|vraiment|particulierement|super|hyper|assez|tout a fait|ca a l'air|ca semble|cela semble|semble|parait|me parait|nous parait|sujet|c'est|cela a l'air|l'idee est|idee) (interessante?s?|pertinente?s?|prometteu(r|se)s?|seduisante?s?|attrayante?s?|d'actualite|utile|utiles|bienvenue?)\b|\b(sujet|theme|probleme|thematique|question) (tres |tout a fait |particulierement |d'ailleurs )?(pertinent|d'actualite|d'actualite chez nous|qui nous parle|qui nous concerne|au coeur de nos preoccupations)\b|\bpertinent pour nous\b|\bca tombe (bien|a pic|a point)\b|\bc'est (exactement|precisement|justement|tout a fait) (ce que|notre|le|un sujet|ce dont)\b|\b(exactement|precisement|justement) (notre|ce que nous|ce dont nous)\b|\bcela (pourrait|peut) (nous |m')?(etre utile|interesser|aider|convenir)\b|\bca (pourrait|peut) (nous |m')?(etre utile|interesser|aider|convenir)\b|\b(ca|cela|ceci) (nous|me) parle\b/,
      label: 'ça a l’air intéressant',
      weight: 2,
    },
    {
      re: /\ben savoir (plus|davantage)\b|\bm'en dire (plus|davantage)\b|\bnous en dire (plus|davantage)\b|\b(plus|davantage) d'(informations|infos|elements|details)\b|\b(envoyez|envoyer|envoie|transmettez|faites-moi parvenir|partagez|adressez|pouvez-vous m'envoyer|pourriez-vous m'envoyer|merci de m'envoyer|merci de me transmettre|n'hesitez pas a m'envoyer)(-moi|-nous)?\b[^.!?\n]{0,30}\b(documentation|doc|brochure|plaquette|presentation|informations|infos|details|elements|support|fiche|video|cas clients?|livre blanc|deck|de quoi)\b|\btenez-(moi|nous) (au courant|informee?s?|au fait)\b|\btiens-moi au courant\b|\bje suis (preneur|preneuse|curieux|curieuse)\b|\bnous sommes (preneurs|curieux)\b|\bcurieu(x|se) d'en savoir\b|\bje veux bien (en savoir|voir|regarder|jeter un oeil|decouvrir|essayer|tester)\b|\bje (jetterai|vais jeter) un (oeil|coup d'oeil)\b|\bvolontiers\b|\bpourquoi pas\b|\bavec plaisir\b|\bca m'intrigue\b|\bcurieux de voir\b/,
      label: 'envoyez-moi plus d’infos',
      weight: 2,
    },
    { re: /^(oui|bien sur|absolument|tout a fait|avec plaisir|volontiers|certainement|carrement|effectivement)\b/, label: 'oui', weight: 1 },
  ],
  threat: [
    { re: /\b(mon|notre|nos|mes) avocats?\b|\b(porter|porterai|deposer|deposerai|une|ma|notre) plainte\b|\b(poursuites judiciaires|poursuivre en justice|mise en demeure|action en justice|tribunal|tribunaux|en justice|procureur|gendarmerie|commissariat|dgccrf|cnil|signal ?spam|pharos|illegal|illegale|illicite|infraction|hors la loi|contraire a la loi|en violation)\b|\bsignal(er|e|erai|erons|ons|ez|ee)\b[^.!?\n]{0,40}\b(spam|pourriel|indesirable|abus|cnil|autorites|dgccrf|pharos)\b|\bautorite de (controle|protection des donnees)\b|\bviol(e|ez|ation|ations) (du|de la|le|la) (rgpd|loi|reglementation)\b/, label: 'menace juridique' },
    { re: /\bharcel(ement|ez|er|e|ent)\b|\bc'est du spam\b|\bspammeu?r/, label: 'harcèlement / spam' },
  ],
  anger: [
    {
      re: /\b(inadmissible|scandaleux|scandaleuse|harcelement|insupportable|honteux|honteuse|une honte|inacceptable|intolerable|putain|arnaque|arnaqueurs?|escroc|escrocs|faites chier|fait chier|emmerdez|emmerder|emmerdeurs?|casse-pieds|relou|exasperant|lourdingue|pitoyable|minable|connards?|cretins?|abruti\w*|pollu(er|ez|ent) ma boite|ca suffit|vous abusez|sans gene|impoli)\b|\b(marre|ras[- ]le[- ]bol) (de vos|de ces|de recevoir|des (mails|relances|messages|sollicitations|courriels)|de vous|de vos relances)\b|\bmerde\b(?! (chaque|tous|a chaque))/,
      label: 'colère',
    },
    { re: /\b(c'est|voici|ceci est) (la|le) (deuxieme|troisieme|quatrieme|cinquieme|enieme|ixieme|\d+e|\d+eme)( fois| mail| message| relance| courriel)\b|\benieme (mail|message|relance|courriel|fois)\b|\bcombien de fois\b|\bje vous (l'ai|ai) deja (dit|demande|repondu|ecrit)\b|\bj'ai deja (repondu|dit|demande)\b|\btous les jours\b.{0,20}\b(mail|message|relance)/, label: 'relances répétées' },
  ],
  confused: [
    { re: /\bqui etes[- ]vous\b|\bvous etes qui\b|\bc'est qui\b|\bqui est[- ]ce\b|\bon se connait\b|\bje ne vous connais (pas|point)\b|\bnous ne vous connaissons pas\b|\bqui (est|etes) (northpeak|dana|cette personne|cette societe)\b|\bconnais pas (votre societe|northpeak|votre entreprise)\b/, label: 'qui êtes-vous' },
    {
      re: /\b(comment|ou|d'ou|par quel (biais|moyen)|aupres de qui|par qui) (avez|vous avez|avez-vous|tenez|tenez-vous|vous tenez|vient|viennent|provient|proviennent|sortez|sortez-vous|est-ce que vous avez)[- ]?(vous )?(eu|obtenu|trouve|recupere|achete|recu|eu acces a|eu connaissance de|mon|ma|mes|notre|nos|cette|ces)\b|\bqui vous a (donne|transmis|communique|fourni|vendu) (mon|ma|mes|notre|nos|cette)\b|\bd'ou (vient|viennent|provient|proviennent|sort|sortent|tenez-vous) (mon|ma|mes|notre|nos|cette|ces)\b|\bpourquoi (est-ce que )?(je recois|recois-je|m'ecrivez-vous|me contactez-vous|me sollicitez-vous|vous m'ecrivez|vous me contactez)\b/,
      label: 'comment avez-vous eu mon adresse',
    },
    { re: /\bjamais inscrite?s?|\bjamais (abonnee?s?|souscrit|consenti|accepte|autorise|demande (a|a recevoir|quoi que ce soit|cela|ca)|donne (mon|ma|mes|notre) (accord|consentement|adresse|autorisation))|\bsans (mon|notre) (consentement|accord|autorisation|permission)\b|\bje n'ai (jamais|rien) (demande|sollicite|accepte)\b|\bje ne vous ai (jamais|rien) (demande|donne|autorise)\b|\bnous n'avons (jamais|rien) (demande|accepte)\b/, label: 'jamais consenti', weight: 2 },
  ],
  away: [
    {
      re: /\b(je suis|je serai|je serais|suis|serai|sera|est|sont|seront|nous sommes|nous serons|j'ai ete|je me trouve|actuellement|en ce moment|presentement)( actuellement| en ce moment| aujourd'hui| desormais| presentement)? (absente?s?|en conges?|en vacances|en deplacement|en voyage|en mission|en seminaire|en formation|en salon|en conference|en repos|en rtt|en recuperation|en arret|hors (du|de mon) bureau|en dehors du bureau|loin du bureau|pas au bureau|pas joignable|injoignable|indisponible|en conge (annuel|maternite|paternite|parental|maladie|sabbatique|sans solde|de naissance|d'adoption|familial)|en arret (maladie|de travail)|en convalescence|hospitalisee?|en teletravail (sans acces|et injoignable)|en voyage d'affaires|a l'etranger)\b/,
      label: 'je suis absent(e)',
    },
    {
      re: /\babsente?s? (du bureau|de l'entreprise|de mon poste|jusqu'|du \d|a partir|des le|cette semaine|pour|pendant|le )|\ben conges? (annuels?|payes|de fin d'annee|maternite|paternite|parental|maladie|sabbatique|jusqu'|du \d|a partir|des le|pour|pendant)|\ben conges?\b|\ben vacances\b|\bconge (maternite|paternite|parental|maladie|sabbatique|de maternite|de paternite|de naissance)\b|\barret maladie\b|\b(hors|en dehors) du bureau\b|\bmessage d'absence\b|\ben deplacement professionnel\b|\ben rtt\b|\b(a|des|apres|jusqu'a) mon retour (le|au bureau|prevu|lundi|mardi|mercredi|jeudi|vendredi|de conges|de vacances|de deplacement)\b|\bmon retour (est |sera )?prevu\b|\b(je serai|serai|je suis|suis) (de retour|de nouveau (joignable|disponible|au bureau|present|presente)|a nouveau (joignable|disponible|au bureau|present|presente)|(joignable|disponible|present|presente|au bureau) (a nouveau|de nouveau))\b|\bde retour (le|au bureau|lundi|mardi|mercredi|jeudi|vendredi|des le|a partir du|demain|la semaine prochaine|dans|en janvier|debut)\b/,
      label: 'en congé',
    },
    {
      re: /\bfermeture (annuelle|estivale|hivernale|exceptionnelle|du bureau|des bureaux|de nos bureaux|de l'entreprise|de la societe|du cabinet|de fin d'annee|pour les fetes|pour conges)\b|\b(nos |les |notre |le )?(bureaux?|locaux|societe|entreprise|cabinet|service|agence|standard) (seront|sont|sera|est|restera|resteront) (fermes?|fermees?|clos)\b|\b(fermes?|fermees?) (du \d|jusqu'|pour les fetes|pendant les fetes|pour conges|a partir du|entre)\b|\bpendant (la periode des|les) (fetes|conges)\b|\bpont (de|du) (l'armistice|noel|nouvel an|la toussaint)\b/,
      label: 'fermeture',
    },
  ],
  awayNotice: [
    {
      re: /\b(des|a|lors de|apres) mon retour\b|\bau retour de (mes conges|mon absence|mon deplacement)\b|\bje (vous )?(repondrai|traiterai|prendrai connaissance|reviendrai vers vous|lirai)\b.{0,60}\b(retour|des que possible|des que je serai|des mon|au plus vite|dans les meilleurs delais|rapidement)\b|\bje prendrai connaissance de votre (message|mail|e-?mail|courriel)\b/,
      label: 'dès mon retour',
    },
    {
      re: /\b(acces|acces tres|consultation) (limite|limitee|restreint|restreinte|occasionnel|occasionnelle|intermittent|sporadique)\b|\b(pas|peu|aucun) (d')?acces a (mes|ma|mon) (e-?mails|mails|courriels|messagerie|boite|ordinateur)\b|\bje n'aurai (pas|que peu|aucun) (d')?acces\b|\bje ne (consulterai|lirai|relirai|releverai) pas (mes|ma)\b|\bje consulterai (mes|ma) (e-?mails|mails|courriels|messagerie) (de maniere|ponctuellement|occasionnellement|rarement)\b/,
      label: 'accès limité',
    },
    {
      re: /\ben cas d'urgence\b|\bpour toute (urgence|demande urgente|question urgente|affaire urgente|requete urgente)\b|\bpour les (urgences|demandes urgentes|questions urgentes|sujets urgents)\b|\bsi (votre demande|votre message|c'est|cela est|votre requete) (est )?urgent(e)?\b|\ben cas de besoin urgent\b|\b(veuillez|merci de|vous pouvez|n'hesitez pas a) (contacter|joindre|ecrire a|vous adresser a|communiquer avec|appeler)\b[^.!?\n]{0,80}(@|\b0\d[ .]?\d\d|\+33|\+32|\+41|\+1|\bau \d)/,
      label: 'en cas d’urgence',
    },
    {
      re: /\b(pendant|durant|en) mon absence\b|\bpendant cette periode\b|\bvotre (message|mail|e-?mail|courriel) ne (sera|sera pas|sera ni) (pas )?(transfere|lu|traite|consulte)\b|\b(assure|assurera|assurent|assureront) (l'interim|la continuite|le relais|mon remplacement)\b|\bmon (remplacant|suppleant|binome)\b|\bma (remplacante|suppleante|binome)\b/,
      label: 'pendant mon absence',
    },
  ],
  automatic: [
    { re: /\b(ceci est une?|ce message est une?|il s'agit d'une?)( reponse| message| e-?mail| courriel| notification| accuse de reception)? (automatique|genere automatiquement|automatise)\b|\b(reponse|message|courriel|e-?mail|notification) (automatique|genere automatiquement|envoye automatiquement|automatise)\b|\b(genere|generee|envoye|envoyee|emis|emise) (automatiquement|par un (robot|automate|systeme))\b/, label: 'réponse automatique' },
    { re: /\b(merci de|veuillez|priere de|nous vous remercions de) ne pas (repondre|y repondre)\b|\bne (pas )?repondez pas a (ce|cet) (message|e-?mail|courriel)\b|\bmerci de ne pas repondre\b/, label: 'ne pas répondre' },
    {
      re: /\b(cette |notre )?(adresse|boite|boite aux lettres|boite mail|boite de reception|messagerie|adresse (e-?mail|electronique|courriel))( e-?mail| electronique)? (n'est|ne sont) (pas|plus) (consultee|surveillee|lue|relevee|geree|active|utilisee|valide|attribuee|en service)\b|\b(adresse|boite|messagerie) (non|plus) (surveillee|consultee|lue|relevee|geree|active|utilisee|attribuee)\b|\bvotre message ne sera ni lu\b|\bne sera (ni lu|pas lu|pas traite)\b/,
      label: 'boîte non surveillée',
      weight: 2,
    },
    {
      re: /\b(ne fait|ne font) (plus|desormais plus) partie (de|des|du)\b|\bn'est (plus|desormais plus) (en poste|au sein|dans l'entreprise|dans la societe|joignable a cette adresse|collaborat(eur|rice)|salariee?|employee?|membre|en fonction|chez)\b|\ba quitte (l'entreprise|la societe|le groupe|le cabinet|ses fonctions|notre (societe|entreprise|structure|groupe|cabinet)|nos effectifs)\b|\bne travaille plus (pour|chez|au sein|dans)\b/,
      label: 'a quitté l’entreprise',
    },
    {
      re: /\bnous avons (bien )?recu votre (demande|message|requete|e-?mail|courriel|mail|ticket)\b[^.!?\n]{0,120}\b(ticket|numero|reference|conseiller|service client|meilleurs delais|plus brefs delais|sous (24|48|72) ?h|jours ouvres|heures ouvrees)\b|\bvotre (demande|requete|ticket|message|dossier|reclamation)( n[°o]?| numero| #)?[^.!?\n]{0,30} (a (bien )?ete|est) (bien )?(enregistree?|recue?|prise? en compte|transmise?|cree|creee|ouverte?)\b|\b(un|une|notre) (conseiller|conseillere|agent|membre de notre equipe|equipe|service client) (vous )?(repondra|recontactera|reviendra|prendra contact|traitera)\b|\bnous (vous )?(repondrons|reviendrons vers vous|traiterons votre demande|vous recontacterons) (dans (les meilleurs|les plus brefs) delais|sous \d+|dans un delai|des que possible|rapidement|au plus vite|sous (24|48|72) ?h)\b/,
      label: 'accusé de réception',
      weight: 2,
    },
    { re: /\bnous avons (bien )?recu votre (demande|requete|message)\b/, label: 'demande reçue' },
    { re: /\b(ticket|demande|dossier|incident|requete|reference)( n[°o]?\.?| numero| #|:)? ?#? ?[a-z]*-?\d{3,}\b/, label: 'numéro de ticket' },
    { re: /\b(votre|le) message\b[^!?]{0,250}\b(a ete|a bien ete) (lu|ouvert|affiche)\b|\b(accuse|confirmation|notification|avis) de (lecture|reception)\b|\bconfirmation de remise\b/, label: 'accusé de lecture', weight: 2 },
    {
      re: /\b(moderateur|moderatrice|moderateurs|moderation)\b|\ben attente (de|d') (validation|moderation|approbation|verification)\b|\b(confirmer|prouver|verifier) que vous (n'etes pas un robot|etes (bien )?(un humain|une personne))\b|\bverification (de l'expediteur|d'expediteur|anti-?spam)\b|\bliste blanche\b|\b(expediteur|expediteurs) (autorises|approuves)\b|\bcliquez sur le lien (ci-dessous )?pour (confirmer|valider|verifier)\b/,
      label: 'vérification de l’expéditeur',
      weight: 2,
    },
    { re: /\b(ma|mon|notre) (nouvelle adresse|adresse (e-?mail|electronique|courriel) a change|adresse a change)\b|\bmerci de (mettre a jour|noter) (vos|votre|mes|ma) (coordonnees|carnet|fichier|nouvelle adresse)\b|\bma nouvelle adresse (e-?mail |electronique |courriel )?est\b/, label: 'changement d’adresse' },
  ],
  autoSubjects: [
    { re: /^(reponse automatique|reponse auto\b|reponse automatisee|message automatique|message genere automatiquement|accuse de reception|accuse reception|notification automatique|confirmation de reception|votre demande a (bien )?ete|nous avons (bien )?recu|demande recue|\[ticket|ticket ?(n|#|:))/, away: false },
    { re: /^(lu ?:|confirmation de lecture|accuse de lecture|notification de lecture|lu le )/, away: false },
    { re: /^(absence|absent(e|s)?\b|en conges?\b|en vacances|message d'absence|hors du bureau|absent(e)? du bureau|conges\b|je suis absent|je suis en conges?|fermeture|bureau ferme|bureaux fermes|en deplacement)/, away: true },
  ],
  returnCue: [
    'de retour', 'retour', 'retour le', 'je serai de retour', 'a partir du', 'a partir de', 'des le', 'reprendrai', 'reprise', 'serai present', 'serai presente', 'joignable a nouveau', 'rentre',
    'de nouveau disponible', 'de retour au bureau', 'retour au bureau', 'de retour parmi vous', 'retour prevu', 'retour prevu le', 'reprendrai mes fonctions', 'reprendrai le travail', 'reprendrai mon poste',
    'reprise le', 'reprise du travail', 'reprise des activites', 'de nouveau joignable', 'a nouveau joignable', 'a nouveau disponible', 'de nouveau au bureau', 'a nouveau au bureau', 'serai de retour',
    'serai au bureau', 'serai presente au bureau', 'serai present au bureau', 'rentrerai', 'reviendrai', 'reouverture', 'reouverture le', 'reouvriront', 'rouvriront', 'rouvrira', 'joignable des le',
    'disponible des le', 'disponible a partir du', 'joignable a partir du', 'reprendrons', 'reprise normale', 'de retour des le', 'retour des le',
  ],
  untilCue: ["jusqu'au", "jusqu'a", 'jusqu', 'au', "jusqu'au soir du", "jusqu'a et y compris le", 'inclus jusqu', 'et ce jusqu'],
  fromCue: [
    'du', 'depuis', 'entre', 'a compter du', 'a compter de',
    'absent a partir du', 'absente a partir du', 'absents a partir du', 'absent a partir de', 'absente a partir de', 'absent des le', 'absente des le',
    'conges a partir du', 'conge a partir du', 'vacances a partir du', 'deplacement a partir du', 'ferme a partir du', 'fermes a partir du', 'fermee a partir du', 'fermees a partir du',
    'absent a compter du', 'absente a compter du', 'partirai en conges le', 'partirai le', 'depart en conges le',
  ],
};
