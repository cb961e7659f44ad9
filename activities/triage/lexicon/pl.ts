import type { Lexicon } from './types';

export const pl: Lexicon = {
  lang: 'pl',
  optOut: [
    { re: /\b(usun|usuncie|usunac|wypisz|wypiszcie|wypisac|wykresl|wykreslcie|wykreslic)( mnie| nas| moj| moje| moje dane)?\b|\b(prosze|prosimy) o (usuniecie|wypisanie|wykreslenie)\b|\bwypisanie\b|\bnie (wysylajcie|wysylaj|piszcie|pisz|kontaktujcie|kontaktuj) (sie )?(do mnie|do nas|wiecej|juz)\b|\bnie chce (wiecej )?(otrzymywac|dostawac)\b|\bprzestancie\b|\bsprzeciw\b.{0,60}\b(przetwarzani|danych|marketing)\b|\brodo\b|\buodo\b|\bto jest spam\b|\bprawnik\b/, label: 'wypisz mnie', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [
    { re: /\bnie (jestem|jestesmy) zainteresowan[iay]\b|\bnie jestesmy zainteresowani\b|\bbrak zainteresowania\b|\bnie,? dziekuje\b|\bnie potrzebujemy\b|\bnie dla nas\b/, label: 'nie jestem zainteresowany', weight: 2 },
  ],
  price: [{ re: /\bza drogo\b|\bzbyt drogi\b|\bbrak budzetu\b|\bnie mamy budzetu\b|\bbudzet (jest )?(zamrozony|wyczerpany)\b/, label: 'za drogo', weight: 2 }],
  timing: [{ re: /\bnie teraz\b|\bnie w tej chwili\b|\bw tym momencie nie\b|\bpozniej\b|\bw przyszlym (roku|kwartale)\b|\bodezwij sie (w|po)\b|\bprosze o kontakt (w|po)\b/, label: 'nie teraz', weight: 2 }],
  competitor: [{ re: /\b(uzywamy|korzystamy|mamy) juz\b|\bjuz (uzywamy|korzystamy|mamy)\b|\binnego dostawc|\bwlasne rozwiazanie\b/, label: 'mamy już rozwiązanie', weight: 2 }],
  referral: [{ re: /\bnie jestem (wlasciwa|odpowiednia) osoba\b|\b(moj|moja|nasz|nasza) (kolega|kolezanka|przelozon|dyrektor|kierownik)\w*\b|\bprzekazalem\b|\bprzekazalam\b|\bw kopii\b|\bodpowiada za\b/, label: 'nie jestem właściwą osobą', weight: 2 }],
  meeting: [{ re: /\b(umowmy|umowic) sie\b|\b(spotkanie|rozmowa|rozmowe|demo|call)\b.{0,40}\b(poniedzialek|wtorek|srode|sroda|czwartek|piatek|jutro|przyszlym tygodniu)\b|\bwyslij zaproszenie\b/, label: 'umówmy się', weight: 2 }],
  question: [{ re: /\b(chcialbym|chcialabym|chcielibysmy) (wiedziec|zapytac|dowiedziec)\b/, label: 'chciałbym wiedzieć', weight: 2 }],
  interest: [{ re: /\b(jestem|jestesmy) zainteresowan[iay]\b|\bbrzmi (ciekawie|interesujaco)\b|\bwiecej informacji\b|\bciekawe\b/, label: 'jestem zainteresowany', weight: 2 }],
  threat: [{ re: /\b(prawnik|uodo|zgloszenie|pozew)\b/, label: 'groźba prawna' }],
  anger: [{ re: /\b(skandal|nekanie|kurwa|dosc)\b/, label: 'złość' }],
  confused: [{ re: /\bkim (pan|pani|jestescie) jest\b|\bskad (macie|ma pan|ma pani) (moj|moje)\b/, label: 'kim jesteście' }],
  away: [
    { re: /\b(jestem|bede|przebywam) (na urlopie|poza biurem|nieobecn[ya]|w podrozy|na zwolnieniu|na urlopie macierzynskim)\b|\bpoza biurem\b|\bna urlopie\b|\bnieobecn(y|a|osc)\b|\burlop\b/, label: 'jestem na urlopie' },
  ],
  awayNotice: [
    { re: /\bpo (moim )?powrocie\b|\bograniczony dostep\b|\bw pilnych sprawach\b|\bdziekuje za (wiadomosc|e-?mail)\b/, label: 'powiadomienie o nieobecności' },
  ],
  automatic: [{ re: /\b(automatyczna|automatyczna) odpowiedz\b|\bwiadomosc (wygenerowana )?automatyczn\w*\b|\bnie pracuje juz\b/, label: 'automatyczna odpowiedź' }],
  autoSubjects: [
    { re: /^(odpowiedz automatyczna|automatyczna odpowiedz)/, away: false },
    { re: /^(nieobecnosc|poza biurem|urlop)/, away: true },
  ],
  returnCue: ['wracam', 'wroce', 'powrot', 'bede dostepny', 'bede dostepna', 'bede w biurze'],
  untilCue: ['do', 'do dnia'],
  fromCue: ['od dnia'],
};
