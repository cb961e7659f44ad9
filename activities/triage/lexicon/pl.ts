import type { Lexicon } from './types';

// Folded Polish: ą→a, ć→c, ę→e, ł→l, ń→n, ó→o, ś→s, ź/ż→z ("usun" is usuń, "prosze" is proszę).
const DZIEN = '(poniedzialek|poniedzialku|wtorek|wtorku|sroda|srode|srody|czwartek|czwartku|piatek|piatku|jutro|pojutrze|w przyszlym tygodniu|w tym tygodniu|przyszly tydzien)';
// "o 14", "o 14:00", "o godz. 10", "14:30".
const GODZINA = '(o (godz(\\.|inie)? ?)?\\d{1,2}([:.]\\d{2})?\\b|godz(\\.|ina)? ?\\d{1,2}([:.]\\d{2})?\\b|\\d{1,2}:\\d{2})';
const MIESIAC = '(styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrzesniu|pazdzierniku|listopadzie|grudniu)';
const MIESIAC_OD = '(stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrzesnia|pazdziernika|listopada|grudnia)';
// When a later contact is wanted: "w marcu", "po Nowym Roku", "za kilka miesięcy", "w przyszłym kwartale".
const POZNIEJ = `(w ${MIESIAC}|w przyszlym (roku|kwartale|miesiacu)|w nowym roku|w (pierwszym|drugim|trzecim|czwartym) kwartale|w q[1-4]|po (nowym roku|swietach|zamknieciu roku|zamknieciu ksiag|bilansie|audycie|wdrozeniu|wakacjach|1 ${MIESIAC_OD}|${MIESIAC_OD})|za (kilka|pare|dwa|trzy|cztery|szesc|\\d+) (miesiecy|miesiace|tygodni|tygodnie)|za (pol roku|rok|kwartal|miesiac)|od (${MIESIAC_OD}|nowego roku|przyszlego roku)|na (wiosne|jesien|poczatku (roku|przyszlego roku))|pozniej|w pozniejszym terminie)`;
const UZGADNIANIE = '(blackline|floqast|trintech|cadency|adra|autorek)';
const ERP = '(comarch\\w*|optim\\w*|symfoni\\w*|enov\\w*|sap\\w*|oracle\\w*|netsuite\\w*|dynamics|business central|insert\\w*|subiekt\\w*|rewizor\\w*|streamsoft\\w*|sage)';

export const pl: Lexicon = {
  lang: 'pl',
  optOut: [
    { re: /\b(usun|usuncie|usunac|usuniecie|wypisz|wypiszcie|wypisac|wypisanie|wykresl|wykreslcie|wykreslic|wykreslenie)( prosze| prosimy| uprzejmie)? (mnie|nas|moj (adres|e-?mail|kontakt)|moje (dane|dane osobowe|dane kontaktowe)|nasz (adres|e-?mail)|nasze dane|ten adres|adres)\b/, label: 'usuńcie mnie', weight: 2 },
    { re: /\b(usun|usuncie|usunac|usuniecie|wypisz|wypiszcie|wypisac|wypisanie|wykresl|wykreslcie|wykreslic|wykreslenie)( prosze| prosimy| uprzejmie)?( mnie| nas| moj \w+| moje \w+| moja \w+| mojego \w+| moich \w+| ten adres| nasz \w+| nasze \w+| naszego \w+| adres| dane)( prosze| prosimy)? (z|ze) (listy|list|bazy|baz|mailingu|listy mailingowej|listy adresowej|bazy danych|bazy kontaktow|waszej|waszych|panstwa|systemu|kampanii|newslettera|wysylki|korespondencji|crm)\b|\b(usun|usuncie|usunac|usuniecie|wypisz|wypiszcie|wypisac|wypisanie|wykresl|wykreslcie|wykreslic|wykreslenie) (z|ze) (listy|bazy|mailingu|listy mailingowej|listy adresowej|bazy danych|bazy kontaktow|waszej (listy|bazy)|newslettera|wysylki|korespondencji)\b/, label: 'wypiszcie mnie z listy', weight: 2 },
    { re: /\b(prosze|prosimy|uprzejmie prosze|bardzo prosze) o (usuniecie|wypisanie|wykreslenie|zaprzestanie|niewysylanie|nieprzesylanie|zaprzestanie kontaktu)\b/, label: 'proszę o usunięcie', weight: 2 },
    { re: /\bnie (wysylajcie|wysylaj|przesylajcie|przesylaj|piszcie|pisz|kontaktujcie|kontaktuj|spamujcie|zawracajcie) (sie )?(mi|nam|do mnie|do nas|wiecej|juz|z nami|ze mna)\b|\b(prosze|prosimy|uprzejmie prosze) (juz |wiecej )?(nie|o nie) (pisac|wysylac|przesylac|kontaktowac|dzwonic|nekac)\b|\b(prosze|prosimy|uprzejmie prosze) (mnie|nas) (usunac|wypisac|wykreslic)\b|\b(chce|chcemy|chcialbym|chcialabym|chcielibysmy) (sie )?wypisac\b|\bwypisuje (sie|nas)\b|\brezygnuje z (subskrypcji|newslettera|otrzymywania|mailingu|korespondencji|wiadomosci)\b|\bwiecej (do mnie |do nas |mi |nam )?nie (pisac|wysylac|przesylac|pisz|piszcie|wysylajcie)\b|\b(juz )?wiecej nie (piszcie|pisz|wysylajcie|kontaktujcie)\b/, label: 'nie piszcie do mnie', weight: 2 },
    { re: /\bnie (chce|chcemy|zycze sobie|zyczymy sobie|zyczymy|wyrazam zgody na|wyrazamy zgody na) (juz |wiecej |dalej |dalszego |dalszych |zadnych |zadnego )*(otrzymywac|otrzymywania|otrzymywanie|dostawac|kontaktu|wiadomosci|maili|e-?maili|ofert|korespondencji|informacji handlowych|kontaktowania)\b|\bnie zycze sobie\b/, label: 'nie chcę otrzymywać', weight: 2 },
    { re: /\bprzestancie\b|\bprzestan (pisac|wysylac|spamowac|mi|do mnie)\b|\bzaprzesta(c|nie|ncie) (wysylania|przesylania|kontaktu|kontaktowania|pisania|korespondencji)\b|\b(dajcie|daj|dajcie mi) (mi |nam )?spokoj\b|\bzostawcie (mnie|nas) w spokoju\b/, label: 'przestańcie', weight: 2 },
    { re: /\bsprzeciw\w*\b.{0,60}\b(przetwarzani|danych|marketing)|\bwnosze sprzeciw\b|\bcofam (wszelkie |swoja )?zgod\w*\b|\bwycofuje (swoja )?zgod\w*\b|\b(zadam|zadamy|domagam sie) (usuniecia|wykreslenia|zaprzestania)\b|\bprawo do (bycia zapomnianym|usuniecia danych)\b|\bart(\.|ykul|ykulu)? ?(17|21)\b.{0,20}\brodo\b|\brodo\b.{0,60}\b(art|sprzeciw|usun|przetwarz|zgod|narusz|skarg|zapomn)|\buodo\b|\burzedu ochrony danych\b|\bprezesa? uodo\b|\bniezamowion\w* (informacj|ofert|korespondencj|wiadomosc|reklam|tresci)\w*\b|\bswiadczeniu uslug droga elektroniczna\b|\bprawo telekomunikacyjne\b|\bprawa komunikacji elektronicznej\b/, label: 'RODO: sprzeciw / usunięcie / UODO', weight: 2 },
    { re: /\b(zglosze|zglosimy|zawiadomie|zawiadomimy|zglaszam|skieruje skarge)\b.{0,50}\b(spam|uodo|uokik|policj|prokuratur|urzed)|\bprawnik\b|\bkancelari\w* prawn\w*\b|\bprzestancie spamowac\b|\bkoniec ze spamem\b/, label: 'zgłoszę do UODO / prawnik', weight: 2 },
  ],
  optOutNotRequest: [
    { re: /\baby (sie )?wypisac\b|\bw celu wypisania\b|\blink do wypisania\b|\bwypisz sie (tutaj|tu|klikajac)\b|\bjesli nie (chcesz|chca panstwo|chce pan|chce pani) (otrzymywac|dostawac)\b|\bmozesz (sie )?wypisac\b/, label: 'instrukcja wypisania' },
  ],
  notInterested: [
    { re: /\bnie (jestem|jestesmy|bylbym|bylabym|bylibysmy|jest pan|jest pani)( juz| w ogole| specjalnie| obecnie)? zainteresowan[iayo]\b|\bbrak zainteresowania\b|\bnie interesuje (mnie|nas)\b|\bnas (to )?nie interesuje\b|\bmnie (to )?nie interesuje\b/, label: 'nie jestem zainteresowany', weight: 2 },
    { re: /\bnie,? dziekuje\b|\bnie,? dziekujemy\b|\bdziekuje,? (ale )?nie\b|\bdziekujemy,? (ale )?nie\b|\bpodziekuj(e|emy)[.!]*$|\bpodziekuj(e|emy),? (ale |jednak )?(nie|tym razem|za propozycje|za oferte)\b|\bnie skorzystamy\b|\brezygnujemy\b|\bodpuszczamy\b/, label: 'nie, dziękuję', weight: 2 },
    { re: /\bnie potrzebuj(e|emy)\b|\bnie (jest to|to) (cos|rozwiazanie) dla nas\b|\bnie dla nas\b|\bto nie dla nas\b|\bnie (widze|widzimy) (potrzeby|zastosowania|sensu)\b|\bnie ma (takiej )?potrzeby\b|\bnas nie dotyczy\b|\bto nas nie dotyczy\b|\bnie (planujemy|rozwazamy|bierzemy pod uwage)\b|\bnie (jest|sa) (to )?dla nas (interesujac|aktualn|potrzebn)\w*\b/, label: 'nie potrzebujemy', weight: 2 },
  ],
  price: [
    { re: /\b(za|zbyt|stanowczo za|zdecydowanie za|troche za|o wiele za) (drogo|drogi|drogie|droga|kosztowne|kosztowny|wysoka cena|wysokie koszty)\b|\b(cena|koszt|koszty|oplata|stawka|licencja)( jest| sa| wydaje sie| wydaja sie)? (dla nas )?(za|zbyt) (wysok\w*|duz\w*|drog\w*)\b/, label: 'za drogo', weight: 2 },
    { re: /\bbrak (budzetu|srodkow)\b|\bnie (mamy|mam|posiadamy) (na to |na ten cel |obecnie )?(budzetu|srodkow|pieniedzy)\b|\bbudzet (jest |zostal )?(zamrozony|wyczerpany|zamkniety|rozdysponowany|obciety|juz rozplanowany)\b|\bnie stac (nas|mnie|firmy)\b|\bponad (nasz |nasze )?(budzet|mozliwosci finansowe)\b|\bpoza (naszym )?budzetem\b|\bnie miesci sie (to |nam )?w (budzecie|naszym budzecie|tegorocznym budzecie)\b|\bciecia (kosztow|budzetow)\b|\bnie (jestesmy|jestem) w stanie (uzasadnic|zaakceptowac) (kosztu|ceny|wydatku)\b/, label: 'brak budżetu', weight: 2 },
  ],
  timing: [
    { re: /\bnie teraz\b|\bnie w tej chwili\b|\bw tym momencie nie\b|\bna (chwile|ta chwile|dzien dzisiejszy|ten moment|razie) (obecna |obecnie )?nie\b|\bna razie nie\b|\bpoki co nie\b|\bobecnie nie (planujemy|mamy czasu)\b|\bnie (jest to|to nie jest) (dobry|odpowiedni|najlepszy) (moment|czas|termin)\b|\bto nie (jest )?(dobry|odpowiedni) moment\b|\bmoze (kiedys|pozniej|w przyszlosci)\b/, label: 'nie teraz', weight: 2 },
    { re: new RegExp(`\\b(odezwij|odezwijcie|prosze odezwac|prosze sie odezwac|prosimy o kontakt|prosze o kontakt|prosze o ponowny kontakt|skontaktuj|skontaktujcie|prosze wrocic|wrocmy) (sie )?(ponownie |jeszcze raz |z tym |do tematu )?${POZNIEJ}\\b|\\b(wrocmy|wroce|wrocimy|wrocic) do (tematu|rozmowy|sprawy)( ponownie)? ${POZNIEJ}\\b|\\b(odezwe|odezwiemy|odezwe sie|skontaktuje|skontaktujemy|wroce|wrocimy)( sie)?( (do pana|do pani|do panstwa|do ciebie|do was|z panem|z pania))?,? (gdy|jak|kiedy|jesli|${POZNIEJ})\\b`), label: 'proszę o kontakt później', weight: 2 },
    { re: new RegExp(`\\bw przyszlym (roku|kwartale)\\b|\\bpo (nowym roku|swietach|zamknieciu roku|zamknieciu ksiag|bilansie)\\b|\\bw nowym roku\\b|\\bza (kilka|pare) (miesiecy|tygodni)\\b|\\bjestesmy w trakcie (wdrozenia|zamkniecia|migracji|audytu|zmiany systemu|restrukturyzacji)\\b|\\bw trakcie (zamkniecia roku|wdrozenia nowego)\\b|\\b(mamy|mam) teraz (duzo|sporo|mnostwo) (pracy|na glowie)\\b|\\bnie (mamy|mam) (teraz )?czasu\\b|\\bnie jest (to )?(teraz )?priorytet\\w*\\b`), label: 'w przyszłym roku', weight: 2 },
    { re: new RegExp(`\\bw ${MIESIAC}\\b|\\bod ${MIESIAC_OD}\\b|\\bpozniej\\b|\\bzamkniecie roku\\b|\\bzamykamy rok\\b`), label: 'później', weight: 1 },
  ],
  competitor: [
    { re: /\b(uzywamy|korzystamy|stosujemy|pracujemy) juz\b|\bmamy juz (system|narzedzie|rozwiazanie|dostawce|program|oprogramowanie|umowe|cos (podobnego|takiego)|podobne)\b|\bjuz (uzywamy|korzystamy|mamy (system|narzedzie|rozwiazanie|dostawce)|wdrozylismy|zautomatyzowalismy|pracujemy na|wybralismy)\b|\bmamy (juz )?(swoje|wlasne|inne|gotowe) (rozwiazanie|narzedzie|system|oprogramowanie)\b/, label: 'już używamy', weight: 2 },
    { re: /\binnego dostawc\w*\b|\binny dostawca\b|\b(korzystamy|pracujemy) z (innego|innej|konkurencyjnego)\b|\bwybralismy (inne|innego|inna|konkurencyjne)\b|\bzdecydowalismy sie na (inne|innego|inna|konkurenc\w*)\b|\bpodpisalismy (juz )?umowe z\b|\bmamy (podpisana )?umowe z\b|\b(zwiazani|zwiazany) umowa\b/, label: 'wybraliśmy innego dostawcę', weight: 2 },
    { re: /\bwlasne (rozwiazanie|narzedzie|oprogramowanie|makra|skrypty)\b|\b(rozwiazanie|narzedzie) (wewnetrzne|wlasne)\b|\bwe wlasnym zakresie\b|\b(zbudowalismy|stworzylismy|napisalismy|opracowalismy) (sami|wlasne|wlasny|wlasna|to sami)\b|\bzadowoleni z (obecnego|obecnej|naszego|naszej|obecnych|dotychczasowego)\b|\bobecny dostawca\b/, label: 'własne rozwiązanie', weight: 2 },
    { re: new RegExp(`\\b(uzywamy|korzystamy z|pracujemy (na|w)|mamy|wdrozylismy|wybralismy|kupilismy|przeszlismy na) (juz )?${UZGADNIANIE}\\b|\\bjuz (uzywamy|korzystamy z|pracujemy (na|w)|mamy) ${ERP}\\b|\\b(uzywamy|korzystamy z|pracujemy (na|w)|mamy) ${ERP} (juz|od lat|od dawna)\\b|\\b(od lat|od dawna|juz) (uzywamy|korzystamy z|pracujemy (na|w)|mamy) ${ERP}\\b|\\bzadowoleni z ${ERP}\\b|\\bnie (planujemy|zamierzamy|przewidujemy) (zadnych )?(zmian|zmieniac|zmiany (systemu|narzedzia|dostawcy))\\b`), label: 'używamy nazwanego produktu', weight: 2 },
  ],
  referral: [
    { re: /\bnie jestem (wlasciwa|odpowiednia|wlasciwym|odpowiednim) (osoba|adresatem|osoba kontaktowa)\b|\bnie jestem (osoba )?(decyzyjna|decyzyjny|odpowiedzialn\w*)\b|\bto nie (do mnie|moj (dzial|obszar|zakres)|moja dzialka)\b|\bnie (zajmuje sie|odpowiadam za) (tym|tymi|takimi|ta)\b/, label: 'nie jestem właściwą osobą', weight: 2 },
    { re: /\b(wlasciwa|odpowiednia|wlasciwym|odpowiednim) (osoba|adresatem|kontaktem) (jest|bedzie|do kontaktu|w tej sprawie)\b|\b(prosze|prosimy|uprzejmie prosze) (sie )?(skontaktowac|kontaktowac|zwrocic|napisac|pisac) (sie )?(z|do)\b|\bskontaktuj(cie)? sie z\b|\bprosze kierowac\b|\b(zwroc|zwroccie) sie (do|z)\b/, label: 'proszę skontaktować się z', weight: 2 },
    { re: /\bprzekazal(em|am|ismy)\b|\bprzekaze (dalej|do|wiadomosc|maila|pana|pani)\b|\bprzeslal(em|am) (dalej|do|wiadomosc|maila)\b|\bprzekazuje (dalej|do|wiadomosc)\b|\b(dodal(em|am)|dodaje|dolaczam|wpisal(em|am)) (\w+ )?(do kopii|w kopii|do dw|w dw)\b/, label: 'przekazałem dalej', weight: 2 },
    { re: /(?<!\bnie )\b(odpowiada|odpowiadaja) za\b|\bza (to|te sprawy|ten obszar|ten temat|finanse|zakupy) (odpowiada|odpowiadaja)\b|\b(tym|tymi sprawami|tym tematem|tym obszarem) (zajmuje sie|zajmuja sie|zarzadza|kieruje)\b|\b(moj|moja|nasz|nasza) (kolega|kolezanka|szef|szefowa|przelozon\w*|dyrektor\w*|kierownik\w*|glowna ksiegowa|glowny ksiegowy|kontroler\w*|cfo|dzial)\b[^.!?\n]{0,40}\b(odpowiada|zajmuje sie|decyduje|bedzie wlasciwa|bedzie wlasciwy|jest wlasciw)\w*/, label: 'odpowiada za to', weight: 2 },
    { re: /\b(z|do) (moim|moja|naszym|nasza|mojego|mojej|naszego|naszej) (kolega|kolega|kolezanka|kolezanki|koleg\w*|szef\w*|przelozon\w*|dyrektor\w*|kierownik\w*|ksiegow\w*|kontroler\w*|cfo|dzial\w*)\b|\bw kopii\b|\bw dw\b|\bzmienil(em|am) (stanowisko|dzial|prace|role)\b/, label: 'z moim kolegą', weight: 1 },
  ],
  meeting: [
    { re: new RegExp(`\\b(spotkanie|spotkania|spotkaniu|rozmowa|rozmowe|rozmowy|demo|prezentacj\\w*|call|calla|telefon|wideokonferencj\\w*|teams|zoom|spotkac|porozmawiac|umowic)\\b[^.!?\\n]{0,40}\\b${DZIEN}\\b|\\b${DZIEN}\\b[^.!?\\n]{0,30}(${GODZINA}|\\b(pasuje|odpowiada|moge|mozemy|jestem dostepn\\w*|rano|po poludniu|przed poludniem)\\b)`), label: 'spotkanie w dany dzień', weight: 3 },
    { re: new RegExp(`\\b(pasuje|odpowiada|pasowalby|pasowalaby)( mi| nam)? ${DZIEN}\\b|\\b(wtorek|sroda|obie daty|oba terminy|obydwa terminy|kazdy z tych dni)( mi| nam)? (pasuje|pasuja|odpowiada|odpowiadaja)\\b|\\b(w|we) (wtorek|srode) (mi |nam )?(pasuje|odpowiada)\\b`), label: 'proponuje termin', weight: 3 },
    { re: /\b(wyslij|wyslijcie|przeslij|przeslijcie|prosze (o )?(wyslac|przeslac|wyslanie|przeslanie)|prosze o) (mi |nam )?(zaproszenie|link|invite|zaproszenie do kalendarza|propozycje terminow|kilka terminow|terminy)\b|\bzaproszenie (w|do) (kalendarz|kalendarzu|teams|outlooku)\b|\blink do (spotkania|teams|zoom|kalendarza|rezerwacji)\b|\bjakie (terminy|godziny|dni) (pasuja|odpowiadaja|sa dostepne|wchodza w gre)\b|\bkiedy (panu|pani|ci|wam|panstwu) (pasuje|odpowiada|byloby wygodnie)\b|\bzaproponuj\w* (termin|godzine|kilka terminow)\b/, label: 'proszę o zaproszenie', weight: 3 },
    { re: /\b(umowmy|umowic|umowimy|umowie) sie\b|\bchetnie (porozmawiam|porozmawiamy|sie spotkam|sie spotkamy|zobacze demo|zobaczymy demo|umowie sie|obejrze demo)\b|\b(moglibysmy|mozemy|mozna) (sie )?(umowic|spotkac|porozmawiac|zrobic demo|zorganizowac (spotkanie|rozmowe|demo))\b|\b(prosze|prosimy|poprosze|poprosimy) o (demo|spotkanie|rozmowe|krotka rozmowe|call|prezentacje online|wideokonferencje)\b|\b(zorganizujmy|zrobmy|ustalmy) (spotkanie|rozmowe|demo|call|termin)\b|\b(20|dwudziestominutow\w*) (minut|minutowa rozmowa)\b[^.!?\n]{0,20}\b(pasuje|ok|moze byc)\b/, label: 'umówmy się', weight: 2 },
  ],
  question: [
    { re: /\b(chcialbym|chcialabym|chcielibysmy|chcialbym sie|chcialabym sie|chcielibysmy sie|chce) (wiedziec|zapytac|dowiedziec|dopytac|upewnic|zrozumiec)\b|\b(chcialbym|chcialabym|chcielibysmy) (sie )?dowiedziec\b|\bmam (kilka |pare |jedno )?(pytan|pytanie|pytania)\b|\bzastanawiam sie,? (czy|jak|ile|co)\b/, label: 'chciałbym wiedzieć', weight: 2 },
    { re: /\bczy (moglby|moglaby|mogliby|moze|mozecie|moglibyscie|mozna)( pan| pani| panstwo)? (przeslac|podac|wyjasnic|opisac|powiedziec|wyslac|potwierdzic|udostepnic)\b|\b(prosze|prosimy) o (cennik|szczegoly|informacje|wiecej informacji|wiecej szczegolow|specyfikacje|dokumentacje|referencje|certyfikat\w*) (na temat|o|dotyczac\w*|w sprawie|odnosnie)\b|\b(prosze|prosimy|poprosze|poprosimy) o (przeslanie )?(cennik|cennika|referencje|referencji|dokumentacje (bezpieczenstwa|techniczna)|dokumentacji (bezpieczenstwa|technicznej)|raport soc|raportu soc|wycene|wyceny|oferte cenowa)\b|\binteresuje (mnie|nas),? (cena|cennik|koszt|jak|czy|integracja|bezpieczenstwo|wdrozenie)\b|\bile (to )?kosztuje\b/, label: 'pyta o szczegóły', weight: 2 },
  ],
  interest: [
    { re: /(?<!\bnie )\b(jestem|jestesmy|bylbym|bylabym|bylibysmy|jest pan|bardzo) (bardzo |mocno |jak najbardziej |wstepnie )?zainteresowan[iayo]\b|\bzainteresowal\w* (mnie|nas)\b/, label: 'jestem zainteresowany', weight: 2 },
    { re: /\b(brzmi|wyglada|zapowiada sie) (bardzo |calkiem |dosc )?(ciekawie|interesujaco|obiecujaco|dobrze|sensownie)\b|\bciekawe\b(?!,? (skad|kto|czemu|dlaczego|po co|jak|co|czy))|\bciekawa propozycja\b|\binteresujac(a|e) (propozycja|oferta|rozwiazanie)\b|\bto (moze|mogloby) byc (dla nas )?(interesujace|ciekawe|przydatne)\b|\btemat jest (dla nas )?(aktualny|interesujacy|ciekawy)\b/, label: 'brzmi ciekawie', weight: 2 },
    { re: /\bchetnie (dowiem sie wiecej|sie dowiem|poznam|zapoznam sie|poslucham|przeczytam)\b|\b(prosze|prosimy) o (wiecej|dodatkowe|wiecej szczegolowych) (informacji|informacje|materialy|materialow)\b|\b(prosze|prosimy) (o )?(przeslanie|przeslac|wyslac|wyslanie) (wiecej |dodatkowych |jakichs )?(informacj|material|prezentacj|ofert|broszur)\w*\b|\bwiecej informacji\b|\b(prosze|prosze mnie) informowac\b|\bdokladnie (tego|czegos takiego) (szukamy|potrzebujemy)\b/, label: 'więcej informacji', weight: 2 },
  ],
  threat: [
    { re: /\b(prawnik\w*|kancelari\w*|radca prawn\w*|radcy prawn\w*|uodo|urzedu ochrony danych|uokik|pozew|pozwe|sad\w* (cywiln|gospodarcz)\w*|kroki prawne|krokow prawnych|droge sadowa|drodze sadowej|policj\w*|prokuratur\w*)\b|\b(zglosze|zglosimy|zawiadomie|zawiadomimy|zglaszam|zgloszenie|zawiadomienie|skarg\w*)\b.{0,30}\b(uodo|uokik|policj|prokuratur|urzed|organu)/, label: 'groźba prawna' },
    { re: /\bto (jest )?(zwykly |czysty |ewidentny )?spam\b|\bspamuj\w*\b|\bspamer\w*\b|\bnekanie\b|\bnekacie\b|\bnekac\b/, label: 'nazywa to spamem' },
  ],
  anger: [
    { re: /\b(skandal\w*|kurwa|kurwy|kurde|cholera|do cholery|wkurza\w*|wkurzaj\w*|irytuj\w*|bezczeln\w*|zenada|zenujace|chamstwo|mam (juz )?dosc|dosc tego|ile mozna)\b/, label: 'złość' },
    { re: /\b(drugi|trzeci|czwarty|piaty|kolejny) (raz|mail|e-?mail)\b|\bpo raz (drugi|trzeci|kolejny)\b/, label: 'kolejny raz' },
  ],
  confused: [
    { re: /\bkim (pan|pani) jest\b|\bkim (jestescie|jestes|panstwo sa)\b|\bkto to (jest|pisze)\b|\bco to za firma\b|\bnie znam (pana|pani|was|panstwa|waszej firmy|tej firmy)\b|\bczy my sie znamy\b/, label: 'kim jesteście' },
    { re: /\bskad (macie|ma pan|ma pani|masz|pan ma|pani ma|panstwo maja|wzieliscie|wziales|wziela pani|wzial pan|pozyskaliscie|posiadacie) (moj|moje|moja|ten|nasz|nasze|namiar|dane|adres|kontakt|e-?mail)\b|\bskad (pochodza|pozyskano) (moje|te) dane\b|\bkto (wam|panu|pani) (dal|podal|udostepnil) (moj|moje)\b/, label: 'skąd macie mój adres', weight: 1 },
    { re: /\bnigdy nie (zapisywal\w*|wyrazal\w*|podawal\w*|zgadzal\w*|rejestrowal\w*|prosil\w*)\b|\bnie (wyrazal(em|am)|wyrazalismy|udzielal(em|am)) (zadnej )?zgody\b|\bbez (mojej|naszej|zadnej) zgody\b/, label: 'nie wyrażałem zgody', weight: 2 },
    { re: /\bdlaczego (dostaje|otrzymuje|dostaje te|otrzymuje te)\b|\bdlaczego (piszecie|pisze pan|pisze pani) do (mnie|nas)\b/, label: 'dlaczego to dostaję' },
  ],
  away: [
    { re: /\b(jestem|bede|przebywam|jestem obecnie|bede przebywac|bede przebywal|bede przebywala) (na urlopie|poza biurem|nieobecn[ya]|w podrozy( sluzbowej)?|w delegacji|na delegacji|na zwolnieniu( lekarskim)?|na l4|na konferencji|na szkoleniu|poza firma|na wyjezdzie( sluzbowym)?)\b/, label: 'jestem na urlopie' },
    { re: /\bpoza biurem\b|\bna urlopie( macierzynskim| rodzicielskim| wychowawczym| ojcowskim| wypoczynkowym| bezplatnym)?\b|\bnieobecn(y|a|osc|osci)\b|\burlop\w*\b|\bw podrozy sluzbowej\b|\bw delegacji\b|\bna zwolnieniu lekarskim\b|\bbiuro (jest |bedzie )?zamkniet\w*\b|\bprzerwa swiateczn\w*\b|\bdni wolne\b|\bdzien wolny\b|\bnie ma mnie w (biurze|pracy|firmie)\b|\bnie bede (miec|mial|miala) dostepu\b/, label: 'nieobecność' },
    { re: new RegExp(`\\b(wracam|wroce|bede z powrotem|powrot do (biura|pracy)|ponownie (dostepn\\w*|w biurze|w pracy)|bede (ponownie )?(dostepn\\w*|w biurze|w pracy))\\b[^.!?\\n]{0,20}\\b(w |we |dnia |od |po |jutro)?(\\d{1,2}|${DZIEN}|jutro)\\b`), label: 'wracam dnia' },
  ],
  awayNotice: [
    { re: /\bpo (moim )?powrocie\b|\bniezwlocznie po powrocie\b|\bpo powrocie do (biura|pracy)\b|\bgdy (wroce|bede z powrotem)\b/, label: 'po powrocie' },
    { re: /\bograniczony dostep\b|\b(nie mam|nie bede mial|nie bede miala) dostepu do (poczty|e-?maila|skrzynki)\b|\b(wiadomosci|maile|e-?maile) nie (sa|beda) (przekazywane|czytane|odczytywane)\b|\b(sprawdzam|czytam) poczte (sporadycznie|rzadko|okazjonalnie)\b/, label: 'ograniczony dostęp do poczty' },
    { re: /\bw (pilnych|naglych) (sprawach|przypadkach)\b|\bw sprawach (pilnych|naglych|niecierpiacych zwloki)\b|\bsprawy pilne\b|\bw przypadku pilnych\b|\b(w czasie|podczas) (mojej )?nieobecnosci\b|\b(zastepuje mnie|moim zastepca jest|moja zastepczyni jest)\b/, label: 'w pilnych sprawach' },
    { re: /\bdziekuje za (wiadomosc|e-?mail|maila|korespondencje|kontakt)\b/, label: 'dziękuję za wiadomość' },
  ],
  automatic: [
    { re: /\b(automatyczna|automatyczne) (odpowiedz|powiadomienie|wiadomosc)\b|\bodpowiedz automatyczna\b|\bautoodpowiedz\b|\bwiadomosc (zostala )?(wygenerowana|wyslana) automatycznie\b|\bautomatycznie wygenerowan\w*\b|\bto jest (wiadomosc|odpowiedz) automatyczna\b/, label: 'automatyczna odpowiedź' },
    { re: /\b(prosimy|prosze) (o )?nie odpowiada(c|nie) na (te|ta|niniejsza) wiadomosc\b|\bna (te|ta|niniejsza) wiadomosc nie (nalezy|prosze) odpowiadac\b/, label: 'nie odpowiadaj' },
    { re: /\b(skrzynka|adres|ta skrzynka|ten adres)( pocztowa)? (nie jest|nie sa|nie bedzie) (monitorowan\w*|obslugiwan\w*|sprawdzan\w*|czytan\w*)\b/, label: 'skrzynka niemonitorowana', weight: 2 },
    { re: /\bnie pracuje (juz )?(w|dla) (firmie|firmy|naszej|spolce|[a-z]+)\b|\bnie pracuje juz\b|\bnie jest juz (pracownikiem|zatrudnion\w*|zwiazan\w*)\b|\bzakonczyl\w* (wspolprace|prace) (z|w)\b/, label: 'left the company (nie pracuje)' },
    { re: /\b(twoje|pana|pani|panstwa) (zgloszenie|zapytanie) (zostalo )?(przyjete|zarejestrowane|utworzone)\b|\bzgloszenie (zostalo )?(przyjete|zarejestrowane|utworzone)\b/, label: 'zgłoszenie przyjęte', weight: 2 },
    // A person may write "we received your message"; a registered request is a help desk's wording.
    { re: /\b(otrzymalismy|otrzymalem|przyjelismy) (twoja |twoje |pana |pani |panstwa )?(wiadomosc|zgloszenie|zapytanie|e-?mail|korespondencje)\b/, label: 'otrzymaliśmy wiadomość' },
    { re: /\bnumer (zgloszenia|sprawy)\b|\bzgloszenie (nr|numer|#)\b|\bodpowiemy (najszybciej|niezwlocznie|w ciagu|tak szybko)\b/, label: 'numer zgłoszenia' },
    { re: /\b(zostala|zostal) (przeczytana|odczytana|wyswietlona|przeczytany|odczytany)\b|\bpotwierdzenie (przeczytania|odczytu)\b/, label: 'potwierdzenie przeczytania', weight: 2 },
  ],
  autoSubjects: [
    { re: /^(odpowiedz automatyczna|automatyczna odpowiedz|autoodpowiedz|automatyczne powiadomienie)/, away: false },
    { re: /^(nieobecnosc|nieobecny|nieobecna|poza biurem|urlop|jestem poza biurem|jestem na urlopie|na urlopie)/, away: true },
    { re: /^(przeczytane|przeczytano|potwierdzenie przeczytania):?/, away: false },
  ],
  returnCue: [
    'wracam', 'wroce', 'powrot', 'bede dostepny', 'bede dostepna', 'bede w biurze', 'wracam do biura', 'wracam do pracy', 'z powrotem', 'bede z powrotem',
    'ponownie dostepny', 'ponownie dostepna', 'ponownie w biurze', 'bede ponownie dostepny', 'bede ponownie dostepna', 'powrot do biura', 'powrot do pracy',
    'dostepny od', 'dostepna od', 'w biurze od', 'w pracy od',
  ],
  untilCue: ['do', 'do dnia', 'az do', 'do konca'],
  fromCue: ['od dnia', 'w dniach'],
};
