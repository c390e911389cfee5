/**
 * Function words of common languages. Running prose is dense in them, menus and link lists are
 * not, so their share in a line is the best language-neutral sign of prose (as in jusText).
 * A document's language is the list that covers most of its words; a document in a language
 * without a list falls back to its own most frequent short words.
 */

const LISTS: Readonly<Record<string, string>> = {
  en: 'a about after against all also an and are as at be been before being but by can could did do does for from had has have he her his how i if in into is it its me more most my no not of on or our out over said says she so than that the their them then there these they this those through to under up was we were what when where which while who will with would you your',
  de: 'aber als am an auch auf aus bei bis da das dass dem den der des die dies doch du durch ein eine einem einen einer eines er es für hat hatte ich ihr im in ist ja kann mit nach nicht noch nur oder sich sie sind so um und uns vom von vor war wenn werden wie wir wird wurde zu zum zur über',
  fr: 'au aux avec ce ces dans de des du elle en est et il ils je la le les leur lui mais me même ne nous on ou par pas pour qu que qui sa se ses son sont sur ta te un une vous été être a à',
  es: 'a al como con de del el en es esta este fue ha han la las le lo los más no para pero por que se sin su sus un una y ya ser son está entre también',
  it: 'a al alla che chi come con da dal del della di e è gli ha i il in la le lo ma non per più si sono su tra un una uno anche nel nella',
  pt: 'a ao as com como da das de do dos e é em está foi mais mas na nas no nos o os para pela pelo por que se sem ser seu sua um uma também',
  nl: 'aan al bij dat de den der die dit door een en er het hij in is je met naar niet nog of om ook op te tot uit van voor was wat we werd worden zijn zo',
  sv: 'att av de den det där efter en ett för från har hon i inte jag kan med men och om på som till var vi vid är alla andra blev bara dem denna detta dessa deras du eller han hans hade hennes henne honom hur kunde man mot mycket när nu också sedan sig sin sina sitt ska skulle så under upp ut utan vad vara varit vilket över',
  pl: 'a aby ale by do i jak jest już na nie o od po przez się tak to w we z za że które który ze jako jego jej dla oraz są był była było być przy ten ta te tym tylko także jednak czy gdy bo może',
  tr: 've bir bu da de için ile olarak olan çok daha gibi en ancak ama ki mi ne o şu her kadar sonra ise veya ya göre karşı önce ayrıca tarafından üzerinde arasında olduğu olduğunu değil var yok bunu buna bunun onun ona onu diye hem çünkü eğer hiç nasıl neden şimdi artık sadece bile',
  ru: 'а без бы был была были было в вам во вот все всех вы да для до его ее ей если есть еще же за и из или им их к как ко когда который которые ли мы на над не него нее нет ни но о об он она они от по под при с со так также то только у уже чем что это этот я',
  uk: 'а в й з за і із на не про та то у що як це був була було до від для він вона вони їх його воно її їй але або бо якщо який яка яке які якого якої яких після під між також щоб цей ця ці цього цієї цих вже теж ще де ми ви були буде будуть є зі серед навіть проте однак тобто хоча адже лише тільки коли своїх свої свій своє своєї нього неї яким якій',
  ar: 'في من على إلى الى أن ان عن مع التي الذي هذا هذه كان قد لا ما و أو او بين كما بعد قبل حتى عند لم لن هو هي تم ذلك وقد وفي إن',
  fa: 'و در به از که این را با است برای آن یک تا بر هم نیز شد می ها های شده شود کرد کرده بود باشد دارد ما آنها اما یا اگر چون پس هر همه چه چند روی بین پیش خود وی نیست دیگر همین همان زیرا ولی بی',
  id: 'dan di yang untuk dari dengan ini itu dalam tidak akan pada juga ke oleh ada sebagai adalah bahwa atau karena saat telah sudah lebih bisa dapat harus masih hanya namun tetapi tapi jika kami kita mereka dia ia saya kata antara hingga sejak seperti setelah sebelum tersebut serta bagi belum sangat pun lagi yaitu yakni agar maka bila ketika sementara menurut tentang tanpa melalui terhadap sebuah seorang banyak semua setiap beberapa lain',
  da: 'af alle andre at blev blive da de dem den denne der deres det dette dig din disse du efter eller en end er et for fra ham han hans har havde hende hendes her hos hun hvad hvis hvor i ikke ind jeg kan kunne man med meget men mig min mod når nu og også om op os over på sig sin skal skulle som til ud under var vi vil ville være været noget nogen nogle mellem så siger sagde bliver',
  nb: 'alle andre at av ble bli blitt da de dem den denne der deres det dette deg din disse du eller en enn er et etter for fra ham han hans har hadde henne hennes her hos hun hva hvis hvor i ikke inn jeg kan kunne man med meg men min mot mye når nå og også om opp oss over på seg sin skal skulle som til ut under var vi vil ville være vært å noe noen mellom så sier sa blir',
  fi: 'ja on ei että se oli hän he me ne ovat olla ollut olisi ole olivat kun kuin mutta myös tai sekä joka jotka jonka mikä mitä tämä tämän nämä niin vain jo nyt sen sitä siitä siinä hänen heidän kanssa mukaan jälkeen voi vielä eikä jos koska sitten kaikki',
  hu: 'a az és hogy nem is egy de meg van volt már csak még mint ez azt ezt el fel ki be le vagy pedig mert ha amely ami aki amit után szerint között kell lesz lett sem most így úgy nagyon azonban majd azért minden nincs vannak voltak',
  ro: 'și şi în de la a cu pe care nu că să o un din pentru mai este sunt fost au se fi ce acest această aceasta prin dar iar sau după către lui ei lor el ea vor va fie doar cum când despre între până decât însă astfel foarte tot toate acum',
  cs: 'a se na je že v ve s z ze do o to k ke i by jako ale pro jsem jsou byl byla bylo byli být které který která jeho jejich po při od za tak jak už však nebo také jen ještě když aby než mezi podle tento této toho tom jsme má mají bude budou',
  sk: 'a sa na je že v vo s z zo do o to k ku i by ako ale pre som sú bol bola bolo boli byť ktoré ktorý ktorá jeho ich po pri od za tak už však alebo aj len ešte keď aby než medzi podľa tento tejto toho tom sme má majú bude budú',
  sh: 'i u na je da se za od sa s ne su što šta koji koja koje kao iz ali ili do po će bio bila bilo bili nakon prema između još kada samo već on ona oni to ovo taj te njihov njegov njegova biti jer ga mu a bi',
  sr: 'и у на је да се за од са с не су што шта који која које као из али или до по ће био била било били након према између још када само већ он она они то ово тај те њихов његов његова бити јер га му',
  bg: 'и в на за от с да се е не че са по до това като който която които което но или при след към във със ще бе беше бяха си му ги го тя той те ние един една също според между както само още вече когато',
  el: 'και το η ο της του των τα την τον σε στο στη στην στον στα στις στους με για από που να θα δεν είναι ήταν οι τις τους ένα μια ένας αλλά ή ως όπως μετά κατά προς αυτό αυτή αυτός έχει έχουν ότι πως όταν επίσης',
  lt: 'ir yra kad su į iš bet o ar kaip jo jos jų tai buvo bus nuo iki per apie po prie dėl tik taip dar jau kuris kuri kurie kurios kurį šis ši šie tas ta tie jis ji jie mes jūs aš tačiau nes jei be pagal tarp',
  ca: 'i el la els les de del dels a al als en que amb per un una és no es ha han va van seu seva seus més però com també aquest aquesta ser són o hi ho li ja fins entre sobre després',
  vi: 'của và là có các những được trong cho với người này đã không một để khi về từ đến theo như tại ra cũng sẽ thì mà đó vào nhưng hay hoặc nếu vì nên bị đang rất nhiều sau trước trên dưới hơn chỉ lại còn đều vẫn ở bởi cùng qua họ chúng tôi gì nào đây việc sự cái rằng tới',
  he: 'של את על עם לא זה כי גם או אבל היא הוא הם אני יש אין כל רק עוד כך אם מה לפי אחרי בין כמו היה הייתה היו אשר זו זאת הזה הזאת אלה אותו אותה שלו שלה שלהם לו לה להם בו בה כבר כדי אך יותר מאוד עד אל מן לכן כאשר אז אף ללא נגד מול ליד אצל מאז אמר אמרה ולא שלא והוא והיא שהוא שהיא וכן ועל ועם וכל שכל',
  hi: 'का के की है में से और को पर यह था थे थी हैं भी एक इस ने कि जो तो नहीं लिए गया गई किया कर रहे रहा रही हो होने वह वे उन उस इन साथ बाद तक अपने या लेकिन जाएगा जाएगी जाता जाती जाते दिया दी देगा पाया हुआ हुई हुए',
  et: 'ja on ei et see oli ka kui mis aga ta nad või siis ning kes selle mida oma tema seda nii veel pole olid ole kõik kuid juba ainult pärast',
  lv: 'un ir ka ar par no uz kas bet arī to tas tā bija būs kā lai vai jau pie pēc tikai vēl ne nav viņš viņa viņi mēs šis šī',
  sl: 'in je da se na za v z s so pa ki ne bo bi od do pri po ter kot tudi ali še že le saj ko kar ker ta to te ti bil bila bilo sem smo jih ga mu jo med',
  is: 'og að í á er sem til við með um það hann hún ekki var en fyrir af þá þetta hafa hefur eru frá eftir voru sig þegar eða einnig mjög þar verið vera',
  // Scripts whose words run long (Georgian, Armenian, the Indic scripts, Ethiopic): a page's most
  // frequent short words, the fallback, hold few of its function words, so these have lists.
  // Thai, Lao, Khmer and Burmese have none: there the segmenter's short words are the fallback's.
  ka: 'და რომ არ ეს ის იმ ამ მისი მას მაგრამ თუ ან კი უკვე ასევე როგორც რაც რომელიც რომლის შემდეგ მიერ იყო არის აქვს ერთი ყველა კიდევ მხოლოდ ჯერ სადაც როდესაც ანუ თუმცა ხოლო ვერ უნდა განაცხადა',
  hy: 'և եւ է են էր էին որ այս այդ այն նա իր մեջ համար հետ բայց կամ նաև նաեւ ու ոչ չի մի ինչպես որը որի որպես մասին վրա մինչև ըստ թե եթե արդեն միայն նրա նրանք ասել',
  ta: 'மற்றும் ஒரு என்று என்ற இந்த அந்த அவர் அவர்கள் அது இது என போது பின்னர் மேலும் உள்ள இருந்து வரை மூலம் ஆனால் அல்லது என்றும் கூறினார் தெரிவித்தார் உள்ளது இல்லை என்பது இருக்கும் ஆகிய',
  te: 'మరియు ఈ ఆ ఒక అని కూడా కానీ లేదా తర్వాత అతను ఆమె వారు చేసిన ఉంది ఉన్న అయితే మాత్రమే నుంచి వరకు గురించి కోసం చెప్పారు లేదు',
  kn: 'ಮತ್ತು ಈ ಆ ಒಂದು ಎಂದು ಅವರು ಅದು ಇದು ಆದರೆ ಅಥವಾ ಸಹ ನಂತರ ಮೂಲಕ ಹಾಗೂ ಇದೆ ಇರುವ ಎಂಬ ಕೂಡ ಬಗ್ಗೆ ಹೇಳಿದರು ಇಲ್ಲ',
  ml: 'ഒരു ഈ ആ എന്ന് എന്ന അവർ അദ്ദേഹം ഇത് അത് എന്നാൽ അല്ലെങ്കിൽ കൂടാതെ ശേഷം വഴി ഉണ്ട് ആണ് പറഞ്ഞു മാത്രം നിന്ന് വരെ കുറിച്ച് വേണ്ടി എന്നും ഇല്ല',
  si: 'සහ මෙම ඒ එම බව ද නමුත් හෝ විසින් ලෙස සඳහා පසු ඇත වූ කළ ඔහු ඇය ඔවුන් එය මෙය නැත පමණක් සමඟ තුළ අතර',
  bn: 'ও এবং এই সেই যে না করে হয় হয়েছে ছিল থেকে জন্য সঙ্গে সাথে কিন্তু বা একটি এক তিনি তার তাদের আর করা পর পরে মধ্যে দিয়ে নিয়ে বলে বলেন আছে কোনো সব এর এটি তা যা হবে',
  mr: 'आणि आहे आहेत होते होता होती या व हे तो ती ते त्या त्याच्या म्हणून केले झाले मध्ये साठी पण असे अशी एक नाही की',
  ne: 'र को मा छ छन् थियो हो पनि गर्न गरेको भएको लागि यो त्यो उनले उनी तथा भने बाट सँग गरे हुने भन्दा अनि वा तर नै',
  gu: 'અને છે માં ના ની નો નું તે આ એક પણ કે હતા હતી હતો માટે થી સાથે પર જે તો ન કર્યું',
  pa: 'ਅਤੇ ਦੇ ਦੀ ਦਾ ਨੂੰ ਵਿੱਚ ਹੈ ਹਨ ਸੀ ਇਹ ਉਹ ਨੇ ਤੋਂ ਲਈ ਕਿ ਇੱਕ ਵੀ ਨਾਲ ਜੋ ਤੇ ਕੀਤਾ ਗਿਆ',
  ur: 'کے کی میں ہے سے اور کو پر یہ نے کا ہیں تھا تھے بھی کہ وہ ایک لیے گیا کر جو تک اس ان نہیں رہے ہو',
  am: 'እና ነው ነበር ላይ ውስጥ ጋር ወደ ይህ ያ እሱ እሷ ግን ወይም ደግሞ እንደ ሲሆን ናቸው በኋላ ብቻ ሁሉ ምክንያቱም እንዲሁም አለ አሉ ገልጸዋል',
  sw: 'na ya wa za la cha kwa katika ni kuwa hiyo huo hii hizo lakini au pia kama hata baada kabla ambao ambayo ambaye sana zaidi hadi bado tu si hakuna alisema wake yake wao',
  tl: 'ang ng sa na at ay mga si ni kay para ito iyon siya sila kanyang kanilang hindi din rin lamang pa po ngunit pero kung nang upang dahil mula noong ayon',
  mk: 'и во на за од со да се е не што кој која кое како но или до по ќе беше биле бил била тоа овој оваа тие таа тој според меѓу уште само веќе кога дека',
};

/**
 * Each list's words as written here (composed, NFC) and decomposed (NFD), as some files store
 * accented letters: a page's words are looked up as they stand, so that a Vietnamese or French
 * page saved decomposed finds its function words too.
 */
const SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(LISTS).map(([lang, list]) => [lang, new Set(list.split(' ').flatMap(w => [w, w.normalize('NFD')]))]),
);

const LANGUAGES = [...SETS.keys()];
/**
 * Korean writes its particles onto the word before them ("노동자들은", "항구의"), so no word of
 * a Korean line is a function word by itself: its case and topic particles are read as word
 * endings instead. A page of mostly Hangul words that no list covers is read with them.
 */
const KOREAN: StopwordProfile = {
  language: 'ko',
  words: new Set(),
  endings: '은 는 이 가 을 를 의 에 에서 에게 께서 으로 로 와 과 도 만 까지 부터 보다 처럼'.split(' '),
};

/**
 * One profile object per listed language in a thread: what is kept per profile (a word's
 * reading, a line's features) is kept once per language, not once per source.
 */
const PROFILES: ReadonlyMap<string, StopwordProfile> = new Map([
  ...[...SETS].map(([language, words]) => [language, { language, words }] as const),
  [KOREAN.language, KOREAN] as const,
]);
/** Each function word and the lists it is in, so a document's words are looked up once each. */
const LANGUAGES_OF_WORD: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  LANGUAGES.forEach((language, l) => {
    for (const w of SETS.get(language)!) map.set(w, [...(map.get(w) ?? []), l]);
  });
  return map;
})();

/** The length of the longest function word: a longer word is in no list, and is not looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...LANGUAGES_OF_WORD.keys()].map(w => w.length));

/** A language's function words, by which a line's stopword share is measured. */
export interface StopwordProfile {
  readonly language: string;
  readonly words: ReadonlySet<string>;
  /** Function words that the language writes onto the end of the word before them (Korean particles). */
  readonly endings?: readonly string[];
}

/** Whether `lowerWord` is a function word of `profile`, or ends in one of its endings after a word of its own. O(endings). */
export function isFunctionWord(lowerWord: string, profile: StopwordProfile): boolean {
  if (profile.words.has(lowerWord)) return true;
  const endings = profile.endings;
  if (!endings) return false;
  for (const ending of endings) if (lowerWord.length > ending.length && lowerWord.endsWith(ending)) return true;
  return false;
}

/**
 * Picks the stopword list that covers the largest share of the given words (lower-cased).
 * When no list covers at least 8% of them, a page in letters one listed language alone writes
 * is read in it (`languageOfLetters`: Turkish, Hungarian), words mostly in Hangul are read as
 * Korean (see `KOREAN`), and any others with their own most frequent short forms, in the language their
 * script names where one language writes it (`languageOfScript`: Chinese, Japanese, Thai,
 * Lao, Khmer, Burmese), else 'und'.
 * O(n) in the number of words.
 */
export function detectStopwords(lowerWords: readonly string[]): StopwordProfile {
  return stopwordsFromCounts(functionWordCounts(lowerWords), lowerWords.length, () => lowerWords);
}

/** How many of the words (lower-cased) each stopword list holds, one count per list; counts add up over parts of a text. O(n). */
export function functionWordCounts(lowerWords: readonly string[]): Uint32Array {
  const hits = new Uint32Array(LANGUAGES.length);
  for (let i = 0; i < lowerWords.length; i++) {
    if (lowerWords[i].length > LONGEST_FUNCTION_WORD) continue;
    const languages = LANGUAGES_OF_WORD.get(lowerWords[i]);
    if (languages) for (let k = 0; k < languages.length; k++) hits[languages[k]]++;
  }
  return hits;
}

/**
 * `detectStopwords` of `wordCount` words from their `functionWordCounts` (summed over parts);
 * the words themselves are asked for only where no list covers enough of them. O(lists).
 */
export function stopwordsFromCounts(hits: Uint32Array, wordCount: number, lowerWords: () => readonly string[]): StopwordProfile {
  let best: StopwordProfile | undefined;
  let bestHits = 0;
  LANGUAGES.forEach((language, l) => {
    if (hits[l] > bestHits) {
      bestHits = hits[l];
      best = PROFILES.get(language)!;
    }
  });
  if (best && bestHits >= 0.08 * wordCount) return best;
  const words = lowerWords();
  const lettered = languageOfLetters(words, hits, wordCount);
  if (lettered) return lettered;
  const language = languageOfScript(words);
  if (language === KOREAN.language) return KOREAN;
  return { language: language ?? 'und', words: frequentShortWords(words) };
}

/**
 * Letters that, of the languages listed here, one alone writes: Turkish dotless ı and ğ,
 * Hungarian ő and ű. These languages write most of what others say in function words as
 * endings on their nouns and verbs ("istasyondan", "from the station"), so on a short news page
 * their lists may cover fewer than 8% of the words, and the page was read as no language (its
 * number words and stems unread).
 */
const PECULIAR_LETTERS: readonly (readonly [RegExp, string])[] = [
  [/[ığ]/u, 'tr'],
  [/[őű]/u, 'hu'],
];
/** Fewest words in one language's peculiar letters, as a share of the words with a letter: a name or two quoted on another page is not enough. */
const PECULIAR_WORD_SHARE = 0.05;
/** Fewest of the words that language's list must cover, as a share of all words (a third of the 8% that names a language alone). */
const PECULIAR_LIST_SHARE = 0.025;

/**
 * The profile of the listed language whose peculiar letters (`PECULIAR_LETTERS`) at least
 * `PECULIAR_WORD_SHARE` of the words that hold a letter carry, where its list covers at least
 * `PECULIAR_LIST_SHARE` of the `wordCount` words (`hits`, as `functionWordCounts` gives them) and
 * two of them; else undefined. O(n).
 */
function languageOfLetters(lowerWords: readonly string[], hits: Uint32Array, wordCount: number): StopwordProfile | undefined {
  const counts = new Uint32Array(PECULIAR_LETTERS.length);
  let lettered = 0;
  for (const w of lowerWords) {
    if (!FIRST_LETTER.test(w)) continue;
    lettered++;
    PECULIAR_LETTERS.forEach(([letters], k) => {
      if (letters.test(w)) counts[k]++;
    });
  }
  for (let k = 0; k < PECULIAR_LETTERS.length; k++) {
    const language = PECULIAR_LETTERS[k][1];
    const listHits = hits[LANGUAGES.indexOf(language)];
    if (counts[k] >= PECULIAR_WORD_SHARE * lettered && listHits >= 2 && listHits >= PECULIAR_LIST_SHARE * wordCount)
      return PROFILES.get(language);
  }
  return undefined;
}

/**
 * Scripts that one language writes, almost alone, and that have no list here: most words in
 * one of them name the language. Japanese writes Han characters as Chinese does, and kana,
 * which Chinese never writes.
 */
const SCRIPT_LANGUAGES: readonly (readonly [RegExp, string])[] = [
  // Tested on a word from its first letter: a Korean word may open with Latin letters ("LG전자"),
  // and any Hangul in it makes it Korean.
  [/\p{Script=Hangul}/u, 'ko'],
  [/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, 'zh'],
  [/^\p{Script=Thai}/u, 'th'],
  [/^\p{Script=Lao}/u, 'lo'],
  [/^\p{Script=Khmer}/u, 'km'],
  [/^\p{Script=Myanmar}/u, 'my'],
];
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const FIRST_LETTER = /\p{L}/u;

/**
 * The language of the script most of the words that hold a letter are written in (by each
 * word's first letter, but for Hangul anywhere in it), where that script is one of
 * `SCRIPT_LANGUAGES`: Han and kana as Japanese where kana open at least one in
 * `KANA_IN_JAPANESE` of those words, else as Chinese. Undefined where no such script holds most
 * of them. O(n).
 */
function languageOfScript(lowerWords: readonly string[]): string | undefined {
  const counts = new Uint32Array(SCRIPT_LANGUAGES.length);
  let kana = 0;
  let lettered = 0;
  for (const w of lowerWords) {
    const at = w.search(FIRST_LETTER);
    if (at < 0) continue;
    lettered++;
    const first = w.slice(at);
    const script = SCRIPT_LANGUAGES.findIndex(([pattern]) => pattern.test(first));
    if (script < 0) continue;
    counts[script]++;
    if (KANA.test(first)) kana++;
  }
  const most = counts.indexOf(Math.max(...counts));
  if (counts[most] * 2 <= lettered) return undefined;
  const language = SCRIPT_LANGUAGES[most][1];
  return language === 'zh' && kana * KANA_IN_JAPANESE >= counts[most] ? 'ja' : language;
}

/**
 * Japanese prose writes its particles and endings in kana, about every second word; Chinese
 * writes none, so a few kana words (a quoted brand name) leave a Chinese page Chinese.
 */
const KANA_IN_JAPANESE = 10;

function frequentShortWords(lowerWords: readonly string[]): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const w of lowerWords) if (w.length <= 4 && !/\d/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Set(ranked.slice(0, 40).map(([w]) => w));
}

/** Function words that open a new sentence after an ambiguous abbreviation ("… in the U.S. The …"). */
export function isSentenceOpener(lowerWord: string, profile: StopwordProfile): boolean {
  return profile.words.has(lowerWord);
}

/**
 * This thread's profile for `profile` where it holds its language's own list (a profile that
 * came from another thread is a copy: its set is another object), so that what is kept per
 * profile or per function-word set finds it; any other profile as it is. O(list size).
 */
export function threadProfile(profile: StopwordProfile): StopwordProfile {
  const own = PROFILES.get(profile.language);
  if (!own || own === profile) return profile;
  return own.words.size === profile.words.size && [...profile.words].every(w => own.words.has(w)) ? own : profile;
}

/** Languages that write every noun with a capital (German, Luxembourgish): there a capital does not mark a name. */
const NOUNS_CAPITALISED: ReadonlySet<string> = new Set(['de', 'lb']);

/** Whether `language` (ISO 639-1) writes every noun with a capital (`NOUNS_CAPITALISED`). */
export function capitalisesNouns(language: string): boolean {
  return NOUNS_CAPITALISED.has(language);
}

/** The function words of a language (ISO 639-1), or undefined for a language without a list. */
export function functionWordsOf(language: string): ReadonlySet<string> | undefined {
  return SETS.get(language);
}
