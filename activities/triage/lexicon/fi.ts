import type { Lexicon } from './types';

// Folded Finnish: ä becomes a, ö becomes o ("ala" is älä, "enaa" is enää).
const PAIVA = '(maanantai(na)?|tiistai(na)?|keskiviikko(na)?|torstai(na)?|perjantai(na)?|huomenna|ylihuomenna|ensi viikolla|talla viikolla)';
const AIKA = '(klo \\d{1,2}([.:]\\d{2})?|kello \\d{1,2}|\\d{1,2}:\\d{2}|aamupaivalla|iltapaivalla)';

export const fi: Lexicon = {
  lang: 'fi',
  optOut: [
    { re: /\b(poista|poistakaa|poistaisitteko|poistattehan) (minut|meidat|osoitteeni|sahkopostiosoitteeni|tietoni|yhteystietoni|nimeni)\b|\b(poistaa|poistamaan) (minut|meidat|osoitteeni|tietoni)\b|\b(postitus|jakelu|markkinointi|asiakas)listalta\b|\brekisteristanne\b/, label: 'poistakaa minut', weight: 2 },
    { re: /\b(ala|alkaa|alkaako) (enaa )?(laheta|lahettako|ota yhteytta|ottako yhteytta|kirjoita|kirjoittako|soita|soittako)\b|\b(lopettakaa|lopeta) (viestien |sahkopostien |markkinoinnin )?(lahettaminen|lahettamista|yhteydenotot|spammaus|spammaaminen)\b|\blopettakaa\b/, label: 'älkää lähettäkö', weight: 2 },
    { re: /\ben (halua|toivo) (enaa )?(vastaanottaa|saada|lisaa|viesteja|sahkoposteja|markkinointia|yhteydenottoja)\b|\bemme (halua|toivo) (enaa )?(vastaanottaa|saada|lisaa|viesteja|yhteydenottoja)\b|\bei (enaa|lisaa) (viesteja|sahkoposteja|yhteydenottoja|markkinointia)\b|\bperu(n|kaa|a)? (tilaus|tilaukseni|uutiskirje)\b/, label: 'en halua enää viestejä', weight: 2 },
    { re: /\bkiella\w*\b.{0,50}\b(suoramarkkinoin|markkinoin)\w*|\b(suora)?markkinointikielto\b|\btietosuojavaltuutet\w*\b|\bgdpr\b.{0,60}\b(poist|kiell|vastust|markkinoin)|\bvastustan (tietojeni|henkilotietojeni)\b|\bpoistakaa (kaikki )?(tietoni|henkilotietoni)\b|\boikeus tulla unohdetuksi\b|\broskapost\w* (on|ilmoitan|ilmiannan)\b|\bilmoitan (teidat|tasta|viestinne)\b.{0,40}\b(roskapost|tietosuoja|poliisi)/, label: 'markkinointikielto / tietosuoja', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\bvoit (peruuttaa|perua) tilauksen\b|\btilauksen (peruminen|peruuttaminen)\b.{0,20}\b(linkki|tasta)\b/, label: 'tilauksen peruutusohje' },
  ],
  notInterested: [
    { re: /\bei kiinnosta\b|\bei kiitos\b|\b(emme ole|en ole) kiinnostu(nut|neita|neet)\b|\bei (ole )?(meille )?(ajankohtainen|ajankohtaista|relevantti|tarpeen)\b|\bei tarvetta\b|\b(emme|en) tarvitse\b|\bjatamme valiin\b|\bkiitos,? mutta ei\b/, label: 'ei kiinnosta', weight: 2 },
  ],
  price: [
    { re: /\bliian (kallis|kallista|kallis meille|kova hinta|korkea hinta)\b|\bhinta on (liian|aivan liian) (korkea|kova|suuri)\b|\bei (ole )?budjettia\b|\bbudjetti ei riita\b|\bbudjetti on (kaytetty|jaadytetty|loppu)\b|\bei ole varaa\b/, label: 'liian kallis', weight: 2 },
  ],
  timing: [
    { re: /\bei (juuri )?nyt\b|\bei talla hetkella\b|\btalla hetkella ei\b|\bensi vuonna\b|\bensi vuoden puolella\b|\bvuodenvaihteen jalkeen\b|\b(ehka|kenties) myohemmin\b|\bpalataan (asiaan|tahan)\b|\b(ottakaa|ota) yhteytta (uudelleen |myohemmin |taas )?(ensi|tammikuussa|helmikuussa|maaliskuussa|huhtikuussa|toukokuussa|kesakuussa|syksylla|kevaalla|myohemmin|vuoden)\b|\bei ole oikea (aika|hetki)\b/, label: 'ei nyt', weight: 2 },
    { re: /\bmyohemmin\b|\bkiireinen\b|\bkiireista\b/, label: 'myöhemmin', weight: 1 },
  ],
  competitor: [
    { re: /\bkaytamme jo\b|\bmeilla on jo\b|\bkaytossamme on jo\b|\b(olemme valinneet|valitsimme) (toisen|toisen toimittajan|kilpailijan)\b|\btoinen toimittaja\b|\boma (ratkaisu|jarjestelma|tyokalu)\b|\bkehittaneet (itse|oman)\b|\btyytyvaisia (nykyiseen|nykyisiin)\b|\bkaytamme (procountor|netvisor|visma|blackline|floqast|sap|oracle)\w*\b/, label: 'käytämme jo', weight: 2 },
  ],
  referral: [
    { re: /\ben ole oikea (henkilo|ihminen|yhteyshenkilo|vastaanottaja)\b|\bkollegani\b|\b(ota|ottakaa|olkaa) yhteytta (kollegaani|talousjohtajaamme|controlleriimme|esimieheeni|talousosastoomme|meidan)\b|\b(valitin|valitan|valitin viestin|valitin sen) (viestin |taman |sen )?(eteenpain|kollegalleni|talousjohtajalle)\b|\bvastaa (tasta|naista|talousasioista|taloushallinnosta)\b|\bkopiona\b/, label: 'en ole oikea henkilö', weight: 2 },
  ],
  meeting: [
    { re: new RegExp(`\\b(palaveri|tapaaminen|tapaamisen|puhelu|puhelun|demo|demon|esittely|teams|zoom)\\b[^.!?\\n]{0,40}\\b${PAIVA}\\b|\\b${PAIVA}\\b[^.!?\\n]{0,30}(${AIKA}|\\b(sopii|kay|onnistuu)\\b)`), label: 'tapaaminen päivänä', weight: 3 },
    { re: /\b(laheta|lahettakaa) (kalenteri)?kutsu\b|\bkalenterikutsu\b|\bmilloin (sinulle|teille) sopisi\b|\bsopisiko\b|\b(sovitaan|sopia) (palaveri|tapaaminen|puhelu|demo|aika)\b|\bvoimme (sopia|pitaa) (palaverin|tapaamisen|demon|puhelun)\b/, label: 'sovitaan palaveri', weight: 2 },
  ],
  question: [
    { re: /\bhaluaisin tietaa\b|\bhaluaisimme tietaa\b|\bvoisitteko kertoa\b|\bmiten (se|ratkaisu|palvelu|jarjestelma) toimii\b|\btoimiiko\b|\btukeeko\b|\bpaljonko (se )?maksaa\b/, label: 'haluaisin tietää', weight: 2 },
  ],
  interest: [
    { re: /\bkuulostaa (kiinnostavalta|hyvalta|mielenkiintoiselta|lupaavalta)\b|(?<!\bei )\bkiinnostaa\b|\b(olemme|olen) kiinnostu(nut|neita|neet)\b|\b(lahettakaa|laheta) (lisatietoja|lisaa tietoa|materiaalia)\b|\b(haluaisin|haluaisimme|saisinko) lisatietoja\b|\bkertokaa lisaa\b/, label: 'kuulostaa kiinnostavalta', weight: 2 },
  ],
  threat: [{ re: /\b(asianajaja\w*|tietosuojavaltuutet\w*|poliisi\w*|oikeusteitse|haastan|rikosilmoitus\w*)\b/, label: 'uhkaus' }],
  anger: [{ re: /\b(perkele|vittu\w*|saatana|hairikointi\w*|arsyttavaa|roskapostia)\b/, label: 'suuttumus' }],
  confused: [
    { re: /\bkuka (olet|te olette|olette)\b|\bkeita olette\b|\bmista (olette )?(sait|saitte|saatte)\b.{0,30}\b(osoitteeni|yhteystietoni|sahkopostiosoitteeni|tietoni)\b/, label: 'kuka olet' },
    { re: /\ben ole (koskaan )?(antanut suostumusta|tilannut|rekisteroitynyt)\b|\bilman (suostumustani|lupaani)\b/, label: 'en ole antanut suostumusta', weight: 2 },
  ],
  away: [
    { re: /\b(olen )?(lomalla|vuosilomalla|talvilomalla|kesalomalla|joululomalla|sairauslomalla|vanhempainvapaalla|aitiyslomalla|isyysvapaalla|perhevapaalla|opintovapaalla|tyomatkalla|matkoilla|koulutuksessa|konferenssissa)\b|\bpoissa toimistolta\b|\b(olen )?poissa\b|\ben ole toimistolla\b|\blomailen\b|\btavoittamattomissa\b|\btoimisto on suljettu\b/, label: 'poissa' },
  ],
  awayNotice: [
    { re: /\bpalattuani\b|\bpaluuni jalkeen\b|\brajoitetusti\b|\bkiireellisissa asioissa\b|\bkiireellisissa tapauksissa\b|\bkiitos viestistasi\b|\bpoissaoloni aikana\b|\ben lue sahkopostia\b|\bvastaan viestiisi\b/, label: 'poissaoloilmoitus' },
  ],
  automatic: [
    { re: /\bautomaattinen (vastaus|viesti|ilmoitus)\b|\btama on automaattinen\b|\bautomaattisesti (luotu|lahetetty)\b/, label: 'automaattinen vastaus' },
    { re: /\b(ala|alkaa) vastaa tahan viestiin\b|\b(tata|taman) (postilaatikkoa|osoitetta) ei (seurata|lueta)\b/, label: 'älä vastaa', weight: 2 },
    { re: /\bei (enaa )?tyoskentele\b|\bon lopettanut (yrityksessa|yhtiossa|tyonsa)\b|\bei ole enaa (yrityksen|yhtion) palveluksessa\b/, label: 'left the company (ei enää työskentele)' },
    { re: /\btiketti ?(numero|nro)\b|\bpyyntosi on (rekisteroity|kirjattu)\b/, label: 'tiketti', weight: 2 },
    { re: /\b(olemme vastaanottaneet|olemme saaneet) (viestisi|yhteydenottosi|pyyntosi)\b/, label: 'viesti vastaanotettu' },
    { re: /\bluettiin\b|\bon luettu\b/, label: 'lukukuittaus', weight: 2 },
  ],
  autoSubjects: [
    { re: /^(automaattinen vastaus|automaattinen viesti)/, away: false },
    { re: /^(poissa|lomalla|poissaolo|poissaoloilmoitus|vuosilomalla)/, away: true },
    { re: /^luettu:/, away: false },
  ],
  returnCue: ['palaan', 'takaisin', 'toimistolla taas', 'palaan toimistolle', 'tavoitettavissa', 'tavoitettavissa taas', 'olen taas', 'palaan toihin', 'olen paikalla'],
  untilCue: ['asti', 'saakka'],
  fromCue: [],
};
