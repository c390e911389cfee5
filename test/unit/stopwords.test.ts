import * as assert from 'node:assert/strict';
import { prepareSource } from '../../src/core';
import { detectStopwords, isFunctionWord, threadProfile } from '../../src/core/stopwords';
import { words } from '../../src/core/text';
import { SPARSE_BELOW } from '../../src/core/lineFeatures';

/** A page of a Korean site: menu, headline, date, article, related links, share line, footer. */
const KOREAN_PAGE = [
  '시민신문',
  '',
  '  • 홈',
  '  • 사회',
  '  • 문화',
  '  • 지역',
  '  • 오피니언',
  '',
  '시립 도서관, 3년간의 보수 공사 끝에 다시 문 열어',
  '',
  '2024년 5월 4일 토요일',
  '',
  '중앙 도서관이 천이백만 달러가 넘는 보수 공사를 마치고 토요일에 다시 문을 열었다. 기술자들은 물이 새던 지붕을 교체하고 열람실 천장을 복원했으며 휠체어 이용자를 위한 엘리베이터를 설치했다.',
  '',
  '개관 시간 전부터 수백 명의 주민이 줄을 섰고, 일부는 휴관 전에 빌린 책을 들고 왔다. 건물에는 청소년을 위한 작업실과 작은 녹음실도 새로 생겼다.',
  '',
  '시장은 기존 기초가 조사 결과보다 약해서 공사비가 예산을 넘었다고 말했다. 도서관 이사회는 다음 달부터 평일 개관 시간을 저녁까지 늘릴 계획이라고 밝혔다.',
  '',
  '많이 본 기사',
  '  • 폭우로 도심 도로 여러 곳 통제',
  '  • 항만 노동자들 임금 합의로 파업 종료',
  '  • 새 공항 터미널 다음 달 개장',
  '',
  '댓글 쓰기',
  '[                    ] 등록',
  '',
  '공유하기: Facebook Twitter 카카오톡',
  '',
  '© 2024 시민신문. 무단 전재 및 재배포 금지.',
].join('\n');

/**
 * The same two sentences of news in languages whose function words overlap (Danish, Norwegian,
 * Swedish and Icelandic; Czech, Slovak and Polish; Bosnian/Croatian/Serbian and Slovenian;
 * Serbian, Macedonian, Bulgarian, Russian and Ukrainian; Finnish and Estonian; Lithuanian and
 * Latvian; Catalan and Spanish; Hindi, Marathi and Nepali; Urdu and Persian) and in others
 * with a list of their own, in scripts of their own too (Georgian, Armenian, Bengali, Tamil,
 * Ethiopic).
 */
const NEWS_IN: Readonly<Record<string, string>> = {
  da: 'Regeringen har i dag fremlagt et nyt forslag, og ministeren sagde, at det vil blive vedtaget efter sommerferien. Han tilføjede, at der ikke er nogen grund til at vente, og at kommunerne selv kan vælge, hvad de vil gøre med pengene.',
  nb: 'Regjeringen har i dag lagt fram et nytt forslag, og statsråden sa at det vil bli vedtatt etter sommerferien. Han la til at det ikke er noen grunn til å vente, og at kommunene selv kan velge hva de vil gjøre med pengene.',
  sv: 'Regeringen har i dag lagt fram ett nytt förslag, och ministern sade att det ska antas efter sommaren. Han tillade att det inte finns någon anledning att vänta, och att kommunerna själva kan välja vad de vill göra med pengarna.',
  fi: 'Hallitus esitti tänään uuden ehdotuksen, ja ministeri sanoi, että se hyväksytään kesän jälkeen. Hänen mukaansa ei ole syytä odottaa, ja kunnat voivat itse päättää, mitä ne tekevät rahoilla.',
  hu: 'A kormány ma új javaslatot nyújtott be, és a miniszter azt mondta, hogy a nyár után fogadják el. Hozzátette, hogy nincs ok a várakozásra, és az önkormányzatok maguk dönthetik el, mit kezdenek a pénzzel.',
  ro: 'Guvernul a prezentat astăzi o nouă propunere, iar ministrul a spus că aceasta va fi adoptată după vară. El a adăugat că nu există niciun motiv să se aștepte și că primăriile pot decide singure ce vor face cu banii.',
  cs: 'Vláda dnes předložila nový návrh a ministr řekl, že bude schválen po létě. Dodal, že není důvod čekat a že obce se mohou samy rozhodnout, co s penězi udělají, jak už to bylo loni.',
  sk: 'Vláda dnes predložila nový návrh a minister povedal, že bude schválený po lete. Dodal, že nie je dôvod čakať a že obce sa môžu samy rozhodnúť, čo s peniazmi urobia, ako to bolo aj vlani.',
  pl: 'Rząd przedstawił dziś nowy projekt, a minister powiedział, że zostanie on przyjęty po wakacjach. Dodał, że nie ma powodu, by czekać, i że gminy same mogą zdecydować, co zrobią z pieniędzmi.',
  sh: 'Vlada je danas predstavila novi prijedlog, a ministar je rekao da će biti usvojen nakon ljeta. Dodao je da nema razloga za čekanje i da općine same mogu odlučiti što će učiniti s novcem.',
  sr: 'Влада је данас представила нови предлог, а министар је рекао да ће бити усвојен након лета. Додао је да нема разлога за чекање и да општине саме могу да одлуче шта ће урадити са новцем.',
  bg: 'Правителството представи днес ново предложение, а министърът каза, че то ще бъде прието след лятото. Той добави, че няма причина да се чака и че общините сами могат да решат какво да правят с парите.',
  ru: 'Правительство сегодня представило новое предложение, и министр сказал, что оно будет принято после лета. Он добавил, что нет причин ждать и что муниципалитеты сами могут решить, что делать с деньгами.',
  uk: 'Уряд сьогодні представив нову пропозицію, і міністр сказав, що її буде ухвалено після літа. Він додав, що немає причин чекати і що громади самі можуть вирішити, що робити з грошима.',
  el: 'Η κυβέρνηση παρουσίασε σήμερα μια νέα πρόταση και ο υπουργός είπε ότι θα εγκριθεί μετά το καλοκαίρι. Πρόσθεσε ότι δεν υπάρχει λόγος αναμονής και ότι οι δήμοι μπορούν να αποφασίσουν μόνοι τους τι θα κάνουν με τα χρήματα.',
  lt: 'Vyriausybė šiandien pateikė naują pasiūlymą, o ministras sakė, kad jis bus priimtas po vasaros. Jis pridūrė, kad nėra jokios priežasties laukti ir kad savivaldybės pačios gali nuspręsti, ką daryti su pinigais.',
  ca: "El govern ha presentat avui una nova proposta i el ministre ha dit que serà aprovada després de l'estiu. Ha afegit que no hi ha cap motiu per esperar i que els ajuntaments poden decidir què faran amb els diners.",
  es: 'El gobierno presentó hoy una nueva propuesta y el ministro dijo que será aprobada después del verano. Añadió que no hay motivo para esperar y que los ayuntamientos pueden decidir qué harán con el dinero.',
  vi: 'Chính phủ hôm nay đã đưa ra một đề xuất mới và bộ trưởng cho biết nó sẽ được thông qua sau mùa hè. Ông nói thêm rằng không có lý do gì để chờ đợi và các địa phương có thể tự quyết định sẽ làm gì với số tiền này.',
  he: 'הממשלה הציגה היום הצעה חדשה, והשר אמר כי היא תאושר אחרי הקיץ. הוא הוסיף כי אין סיבה לחכות וכי הרשויות יכולות להחליט בעצמן מה לעשות עם הכסף.',
  hi: 'सरकार ने आज एक नया प्रस्ताव पेश किया और मंत्री ने कहा कि इसे गर्मियों के बाद पारित किया जाएगा। उन्होंने कहा कि इंतजार करने का कोई कारण नहीं है और नगर पालिकाएं खुद तय कर सकती हैं कि वे पैसे का क्या करेंगी।',
  et: 'Valitsus esitas täna uue ettepaneku ja minister ütles, et see võetakse vastu pärast suve. Ta lisas, et ootamiseks pole põhjust ning et vallad saavad ise otsustada, mida nad rahaga teevad.',
  lv: 'Valdība šodien iesniedza jaunu priekšlikumu, un ministrs sacīja, ka tas tiks pieņemts pēc vasaras. Viņš piebilda, ka nav iemesla gaidīt un ka pašvaldības pašas var izlemt, ko darīt ar naudu.',
  sl: 'Vlada je danes predstavila nov predlog in minister je dejal, da bo sprejet po poletju. Dodal je, da ni razloga za čakanje in da se lahko občine same odločijo, kaj bodo storile z denarjem.',
  is: 'Ríkisstjórnin lagði í dag fram nýja tillögu og ráðherrann sagði að hún yrði samþykkt eftir sumarið. Hann bætti við að engin ástæða væri til að bíða og að sveitarfélögin gætu sjálf ákveðið hvað þau gerðu við peningana.',
  fa: 'دولت امروز پیشنهاد تازه‌ای ارائه کرد و وزیر گفت که این پیشنهاد پس از تابستان تصویب خواهد شد. او افزود که دلیلی برای صبر کردن وجود ندارد و شهرداری‌ها خودشان می‌توانند تصمیم بگیرند که با این پول چه کنند.',
  ka: 'მთავრობამ დღეს ახალი წინადადება წარადგინა და მინისტრმა განაცხადა, რომ ის ზაფხულის შემდეგ მიიღება. მან დასძინა, რომ ლოდინის მიზეზი არ არის და რომ მუნიციპალიტეტებს თავად შეუძლიათ გადაწყვიტონ, რას გააკეთებენ ამ ფულით.',
  hy: 'Կառավարությունն այսօր նոր առաջարկ է ներկայացրել, և նախարարը ասել է, որ այն կընդունվի ամառից հետո։ Նա ավելացրել է, որ սպասելու պատճառ չկա, և որ համայնքներն իրենք կարող են որոշել, թե ինչ են անելու այդ գումարով։',
  bn: 'সরকার আজ একটি নতুন প্রস্তাব পেশ করেছে এবং মন্ত্রী বলেন যে এটি গ্রীষ্মের পরে পাস হবে। তিনি আরও বলেন যে অপেক্ষা করার কোনো কারণ নেই এবং পৌরসভাগুলো নিজেরাই ঠিক করতে পারে যে তারা এই টাকা দিয়ে কী করবে।',
  tr: 'Hükümet bugün yeni bir teklif sundu ve bakan, bunun yaz tatilinden sonra kabul edileceğini söyledi. Beklemek için bir neden olmadığını ve belediyelerin bu parayla ne yapacaklarına kendilerinin karar verebileceğini de ekledi.',
  sw: 'Serikali leo imewasilisha pendekezo jipya, na waziri alisema kuwa litapitishwa baada ya kiangazi. Aliongeza kuwa hakuna sababu ya kusubiri na kwamba halmashauri zinaweza kuamua zenyewe nini cha kufanya na fedha hizo.',
  tl: 'Nagharap ngayon ang pamahalaan ng isang bagong panukala, at sinabi ng ministro na ito ay pagtitibayin pagkatapos ng tag-init. Idinagdag niya na walang dahilan upang maghintay at na ang mga munisipyo ang magpapasya kung ano ang gagawin nila sa pera.',
  ur: 'حکومت نے آج ایک نئی تجویز پیش کی اور وزیر نے کہا کہ اسے گرمیوں کے بعد منظور کیا جائے گا۔ انہوں نے کہا کہ انتظار کرنے کی کوئی وجہ نہیں ہے اور بلدیات خود فیصلہ کر سکتی ہیں کہ وہ اس پیسے کا کیا کریں گی۔',
  ne: 'सरकारले आज एउटा नयाँ प्रस्ताव पेश गर्यो र मन्त्रीले यो गर्मीपछि पारित हुने बताए। उनले पर्खनुपर्ने कुनै कारण नभएको र नगरपालिकाहरूले यो पैसाको के गर्ने भनेर आफैं निर्णय गर्न सक्ने पनि बताए।',
  mr: 'सरकारने आज एक नवीन प्रस्ताव सादर केला आणि मंत्र्यांनी सांगितले की तो उन्हाळ्यानंतर मंजूर केला जाईल. ते म्हणाले की थांबण्याचे कोणतेही कारण नाही आणि नगरपालिका या पैशांचे काय करायचे हे स्वतः ठरवू शकतात.',
  ta: 'அரசு இன்று ஒரு புதிய திட்டத்தை முன்வைத்தது, அது கோடைக்குப் பின்னர் நிறைவேற்றப்படும் என்று அமைச்சர் கூறினார். காத்திருக்க எந்த காரணமும் இல்லை என்றும் நகராட்சிகள் அந்த பணத்தை என்ன செய்வது என்று தாங்களே முடிவு செய்யலாம் என்றும் அவர் தெரிவித்தார்.',
  am: 'መንግሥት ዛሬ አዲስ ሀሳብ አቅርቧል፤ ሚኒስትሩም ሀሳቡ ከክረምቱ በኋላ እንደሚፀድቅ ገልጸዋል። መጠበቅ የሚያስፈልግበት ምክንያት እንደሌለና ማዘጋጃ ቤቶቹ በገንዘቡ ምን እንደሚያደርጉ ራሳቸው መወሰን እንደሚችሉ አክለው ገልጸዋል።',
  mk: 'Владата денес претстави нов предлог, а министерот рече дека тој ќе биде усвоен по летото. Тој додаде дека нема причина за чекање и дека општините сами можат да одлучат што ќе прават со парите.',
};

describe('stopword profiles', () => {
  const english = 'the minister said that the talks would go on and that both sides were ready'.split(' ');

  it('tells each listed language from its neighbours by two sentences of news', () => {
    for (const [language, text] of Object.entries(NEWS_IN)) {
      assert.equal(detectStopwords(words(text).map(w => w.toLowerCase())).language, language, text);
    }
  });

  it('reads news in Ukrainian, Indonesian, Vietnamese and Persian as prose dense in function words, above a sparse page’s share', () => {
    const news: Readonly<Record<string, string>> = {
      uk: 'Міністр заявив, що уряд вже підготував зміни, які мають набути чинності після літа. Він також додав, що громади, де бракує вчителів, отримають кошти першими, але лише якщо подадуть заявки до кінця місяця.',
      id: 'Menteri mengatakan bahwa pemerintah sudah menyiapkan aturan baru yang akan berlaku setelah musim kemarau. Ia juga menambahkan bahwa desa yang masih kekurangan guru akan menerima dana lebih dulu, tetapi hanya jika mereka mengajukan permohonan sebelum akhir bulan.',
      vi: 'Bộ trưởng nói rằng chính phủ đã chuẩn bị các quy định mới và chúng sẽ có hiệu lực sau mùa hè. Ông cũng cho biết những xã còn thiếu giáo viên sẽ được nhận tiền trước, nhưng chỉ khi họ nộp hồ sơ trước cuối tháng.',
      fa: 'وزیر گفت که دولت مقررات تازه را آماده کرده است و این مقررات پس از تابستان اجرا خواهد شد. او همچنین افزود که روستاهایی که معلم کافی ندارند زودتر پول دریافت می‌کنند، اما فقط اگر درخواست خود را تا پایان ماه بدهند.',
    };
    for (const [language, text] of Object.entries(news)) {
      const lower = words(text).map(w => w.toLowerCase());
      const profile = detectStopwords(lower);
      assert.equal(profile.language, language, text);
      const share = lower.filter(w => profile.words.has(w)).length / lower.length;
      assert.ok(share >= SPARSE_BELOW, `${language}: function words ${share.toFixed(3)} of the words`);
    }
  });

  it('reads Pashto, which has no list, as no listed language, though it shares words with Persian', () => {
    // Pashto writes "او" for "and" and "نه" for "from", which Persian reads as "he" and "not".
    const pashto =
      'د افغانستان د روغتیا وزارت وايي چې په تېرو درېیو ورځو کې له سیلابونو څخه لږ تر لږه پنځوس کسان وژل شوي او سلګونه نور ټپیان شوي دي. د وزارت ویاند وویل چې د ژغورنې ټیمونه سیمې ته لېږل شوي او هڅه کوي چې ګیر پاتې خلک وژغوري. هغه زیاته کړه چې ډېری قربانیان ښځې او ماشومان دي او شمېر یې ښايي نور هم لوړ شي. سیمه ییزو چارواکو هم وویل چې سړکونه او پلونه ویجاړ شوي او مرستې نه شي رسېدای. یو سیمه ییز اوسېدونکي وویل چې موږ هېڅ شی نه لرو، نه ډوډۍ او نه سرپناه.';
    assert.notEqual(detectStopwords(words(pashto).map(w => w.toLowerCase())).language, 'fa');
  });

  it('tells the language of a text saved with its accented letters decomposed (NFD)', () => {
    for (const language of ['vi', 'ro', 'cs', 'el']) {
      const text = NEWS_IN[language].normalize('NFD');
      assert.notEqual(text, NEWS_IN[language]);
      assert.equal(detectStopwords(words(text).map(w => w.toLowerCase())).language, language);
    }
  });

  it('reads Polish words that Czech shares, and Norwegian words that Danish spells otherwise, as their own language', () => {
    const polish =
      'Ze względu na pogodę mecz przełożono na niedzielę. Jako pierwszy poinformował o tym trener drużyny, który dodał, że zawodnicy są gotowi do gry.';
    const norwegian =
      'Kommunen har bestemt seg for å bygge en ny skole. Noen av foreldrene mener at det tar for lang tid, men ordføreren sier at arbeidet skal begynne allerede i vår.';
    assert.equal(detectStopwords(words(polish).map(w => w.toLowerCase())).language, 'pl');
    assert.equal(detectStopwords(words(norwegian).map(w => w.toLowerCase())).language, 'nb');
    const short = 'Regjeringen sier at skatten blir lavere neste år.';
    assert.equal(detectStopwords(words(short).map(w => w.toLowerCase())).language, 'nb');
  });

  it('gives one profile object per listed language, however often it is detected', () => {
    assert.equal(detectStopwords(english), detectStopwords([...english].reverse()));
  });

  it('takes a copy of a language’s profile (as another thread receives it) back to this thread’s own', () => {
    const own = detectStopwords(english);
    assert.equal(threadProfile({ language: own.language, words: new Set(own.words) }), own);
  });

  it('reads Korean particles, written onto the word before them, as function words', () => {
    const profile = detectStopwords(words(KOREAN_PAGE).map(w => w.toLowerCase()));
    assert.equal(profile.language, 'ko');
    assert.equal(threadProfile({ ...profile, words: new Set() }), profile);
    for (const word of ['노동자들은', '항구의', '지붕을', '도서관에서']) assert.ok(isFunctionWord(word, profile), word);
    for (const word of ['파업', '도서관', '은']) assert.ok(!isFunctionWord(word, profile), word);
  });

  it('reads the article of a Korean page, its headline and every paragraph, and its menu, links and footer as chrome', () => {
    const prepared = prepareSource(KOREAN_PAGE);
    const lines = KOREAN_PAGE.split('\n');
    const kindOf = (start: string) => prepared.lines[lines.findIndex(l => l.startsWith(start))].kind;
    for (const start of ['시립 도서관,', '중앙 도서관이', '개관 시간', '시장은']) assert.equal(kindOf(start), 'content', start);
    for (const start of ['시민신문', '  • 홈', '많이 본 기사', '  • 폭우로', '댓글 쓰기', '공유하기', '©'])
      assert.equal(kindOf(start), 'boilerplate', start);
  });

  it('names the language of a page in a script that one language writes, which no list covers', () => {
    const pages: readonly (readonly [string, string])[] = [
      ['zh', '市政府周二宣布，新的跨河大桥将于明年春天开放。工程师表示，大桥的建设比原计划提前了两个月。'],
      ['ja', '市は火曜日、川に架かる新しい橋を来年の春に開通させると発表した。技術者によると、工事は予定より二か月早く進んでいる。'],
      ['zh', '这家公司推出了新款ソニー相机，市场反应热烈。分析人士认为，今年年底前这款相机的销量将翻一番，工厂也在招聘工人。'],
      ['th', 'รัฐบาลประกาศว่าสะพานใหม่จะเปิดใช้ในฤดูใบไม้ผลิปีหน้า วิศวกรกล่าวว่าการก่อสร้างเร็วกว่ากำหนดสองเดือน'],
      ['lo', 'ລັດຖະບານປະກາດວ່າຂົວໃໝ່ຈະເປີດນຳໃຊ້ໃນປີໜ້າ ວິສະວະກອນກ່າວວ່າການກໍ່ສ້າງໄວກວ່າກຳນົດ'],
      ['km', 'រដ្ឋាភិបាលបានប្រកាសថាស្ពានថ្មីនឹងបើកនៅឆ្នាំក្រោយ។ វិស្វករបាននិយាយថាការសាងសង់លឿនជាងការគ្រោងទុក។'],
      ['my', 'အစိုးရက တံတားသစ်ကို လာမည့်နှစ်တွင် ဖွင့်မည်ဟု ကြေညာခဲ့သည်။ အင်ဂျင်နီယာများက ဆောက်လုပ်ရေး မြန်ဆန်သည်ဟု ပြောသည်။'],
    ];
    for (const [language, text] of pages) {
      assert.equal(detectStopwords(words(text).map(w => w.toLowerCase())).language, language, text);
    }
    // A page in Latin letters that no list covers stays undetermined.
    assert.equal(detectStopwords(words('Kora nava telu mirra; sova kora nava telu.').map(w => w.toLowerCase())).language, 'und');
  });

  it('reads a short Turkish or Hungarian news text as its language, though few of its words stand apart as function words', () => {
    const turkish =
      "Belediye, limana bağlanacak yeni tramvay hattı için ihalenin 12 Haziran'da yapılacağını açıkladı. Hat 9 duraktan oluşacak. " +
      'Başkan, projenin maliyetinin yaklaşık 3 milyar lira olduğunu söyledi. İnşaatın üç yıl sürmesi bekleniyor. ' +
      'Hat tamamlandığında günde 80 bin yolcu taşınması planlanıyor.';
    const hungarian =
      'Tűzoltók oltották kedden délután Szeged egyik raktárában keletkezett tüzet. Első jelentések alapján senki nem sérült. ' +
      'Lángok gyorsan terjedtek, hőség miatt nehéz volt oltás. Rendőrség vizsgálja, mi okozhatta tüzet. ' +
      'Raktár tulajdonosa közölte: kár jelentős, épület felújítása hónapokig tart.';
    assert.equal(detectStopwords(words(turkish).map(w => w.toLowerCase())).language, 'tr');
    assert.equal(detectStopwords(words(hungarian).map(w => w.toLowerCase())).language, 'hu');
    // One Turkish name on a page of no listed language leaves it undetermined.
    assert.equal(
      detectStopwords(words('Kora nava Kılıçoğlu telu mirra; sova kora nava telu vela. Mirra sova kora.').map(w => w.toLowerCase()))
        .language,
      'und',
    );
  });

  it('leaves a profile of other words as it is', () => {
    const other = { language: 'en', words: new Set(['ferry', 'bay']) };
    assert.equal(threadProfile(other), other);
    const unlisted = { language: 'und', words: new Set(['ka', 'lo']) };
    assert.equal(threadProfile(unlisted), unlisted);
  });
});
