"""Words for the demo reviews: stamp translations, what reviewers write, why they endorse, how providers reply.

Stamp translations are keyed by locale code and then by the seeded stamp's slug (`reviews.seed.STAMPS`): name, summary,
criteria (one each; editors see them one per line) and icon description. Polish avoids gendered verb forms, because a
stamp describes a PA or a team.

Review texts are written by people who use support or their families, so they are plain and personal. Positive
reviews are put together from an opening, one to three details in the same voice and sometimes a closing line; mixed
and negative reviews are whole texts. `{name}` is the first name a personal assistant shows publicly. None of these
texts raise an automatic flag; FLAGGED texts each raise the flag named with them, on purpose.
"""

STAMP_TRANSLATIONS = {
    "ur": {
        "reliable": (
            "قابلِ بھروسا",
            "طے شدہ وقت پر آتے ہیں اور پروگرام بدلے تو جلد بتا دیتے ہیں۔",
            (
                "طے شدہ ملاقاتوں پر وقت پر پہنچتے ہیں",
                "تبدیلی کی اطلاع جتنی جلدی ہو سکے دیتے ہیں",
                "خود نہ آ سکیں تو کسی اور کا انتظام کرتے ہیں",
                "جو کہتے ہیں وہی کرتے ہیں",
            ),
            "ایک گھڑی",
        ),
        "treats-me-with-respect": (
            "میری عزت کرتے ہیں",
            "آپ کے گھر اور آپ کی زندگی میں آپ کو اپنے برابر سمجھتے ہیں۔",
            (
                "آپ کے فیصلوں کا احترام کرتے ہیں، چاہے وہ خود کچھ اور چنتے",
                "آپ کی پرائیویسی اور آپ کے گھر کا احترام کرتے ہیں",
                "آپ سے بات کرتے ہیں، آپ کے بارے میں نہیں",
                "آپ کی ثقافت، عقیدے اور شناخت کا احترام کرتے ہیں",
            ),
            "دو ملے ہوئے ہاتھ",
        ),
        "communicates-well": (
            "اچھی بات چیت",
            "غور سے سنتے ہیں، صاف سمجھاتے ہیں اور آپ کو اور آپ کے چنے ہوئے لوگوں کو باخبر رکھتے ہیں۔",
            (
                "سنتے ہیں اور یقین کر لیتے ہیں کہ بات سمجھ گئے",
                "اس طرح سمجھاتے ہیں جو آپ کے لیے آسان ہو",
                "آپ کا طریقۂ رابطہ استعمال کرتے ہیں، جیسے BSL، آسان زبان یا آپ کی اپنی زبان",
                "طے شدہ وقت کے اندر پیغامات کا جواب دیتے ہیں",
            ),
            "بات چیت کے دو غبارے",
        ),
        "person-centred": (
            "آپ کی ضرورت کے مطابق",
            "مدد آپ کی ضرورت اور پسند کے مطابق ہوتی ہے، ان کے اپنے معمول کے مطابق نہیں۔",
            (
                "پوچھتے ہیں کہ آپ کے لیے کیا اہم ہے اور اسی کے گرد منصوبہ بناتے ہیں",
                "آپ کی ضرورتیں یا خواہشات بدلیں تو طریقہ بدل لیتے ہیں",
                "جب آپ چاہیں تو کام خود کرنے میں آپ کی مدد کرتے ہیں",
                "اپنے محلے اور برادری میں حصہ لینے میں آپ کا ساتھ دیتے ہیں",
            ),
            "دائرے کے اندر ایک شخص",
        ),
        "culturally-aware": (
            "ثقافت کا خیال",
            "آپ کی ثقافت، عقیدے، کھانے اور زبان کو سمجھتے ہیں اور ان کا احترام کرتے ہیں۔",
            (
                "مذہبی اور ثقافتی روایات کا احترام کرتے ہیں",
                "کھانا آپ کی پسند کے مطابق بناتے ہیں",
                "آپ کی زبان میں مدد دے سکتے ہیں یا کسی ایسے شخص کا انتظام کرتے ہیں جو دے سکے",
                "آپ کے پس منظر کے بارے میں پہلے سے اندازے نہیں لگاتے",
            ),
            "ایک گلوب",
        ),
        "skilled-in-personal-care": (
            "ذاتی نگہداشت میں ماہر",
            "ذاتی نگہداشت حفاظت، نرمی اور عزت کے ساتھ کرتے ہیں۔",
            (
                "اٹھانے اور سہارا دینے (موونگ اینڈ ہینڈلنگ) کی تربیت رکھتے ہیں",
                "ذاتی نگہداشت کے دوران آپ کی عزت اور پردے کا خیال رکھتے ہیں",
                "آپ کے معمولات اور پسند کے مطابق چلتے ہیں",
                "آپ کی جلد یا صحت میں تبدیلی دیکھیں تو آپ کو بتاتے ہیں",
            ),
            "ایک دل",
        ),
        "good-with-dementia": (
            "ڈیمنشیا کی اچھی سمجھ",
            "ڈیمنشیا کو سمجھتے ہیں اور اس کے ساتھ زندگی گزارنے والوں کی صبر سے مدد کرتے ہیں۔",
            (
                "ڈیمنشیا کی تربیت حاصل کی ہے",
                "معمولات کو جانا پہچانا اور پُرسکون رکھتے ہیں",
                "صبر اور تسلی کے ساتھ بات کرتے ہیں",
                "خاندان کے دیکھ بھال کرنے والوں کے ساتھ مل کر کام کرتے ہیں اور ان کے تجربے کی قدر کرتے ہیں",
            ),
            "خیال کا ایک غبارہ",
        ),
    },
    "ar": {
        "reliable": (
            "جدير بالثقة",
            "يحضر في الموعد المتفق عليه ويخبرك مبكرًا إذا تغيّرت الخطط.",
            (
                "يصل في الوقت المحدد للزيارات المتفق عليها",
                "يُعلمك بأي تغيير في أقرب وقت ممكن",
                "يرتّب بديلًا عندما لا يستطيع الحضور",
                "يفعل ما وعد بفعله",
            ),
            "ساعة",
        ),
        "treats-me-with-respect": (
            "يعاملني باحترام",
            "يعاملك معاملة الندّ للندّ، في بيتك وفي حياتك.",
            (
                "يحترم اختياراتك حتى لو كان سيختار غيرها",
                "يحترم خصوصيتك وبيتك",
                "يتحدث إليك لا عنك",
                "يحترم ثقافتك ودينك وهويتك",
            ),
            "يدان متشابكتان",
        ),
        "communicates-well": (
            "يُحسن التواصل",
            "يصغي ويشرح بوضوح ويُبقيك أنت ومن تختارهم على اطلاع.",
            (
                "يصغي ويتأكد من أنه فهمك",
                "يشرح الأمور بطريقة تناسبك",
                "يستخدم طريقتك في التواصل، مثل لغة الإشارة البريطانية أو النصوص المبسّطة أو لغتك",
                "يردّ على الرسائل خلال الوقت المتفق عليه",
            ),
            "فقاعتا كلام",
        ),
        "person-centred": (
            "الدعم يدور حولك",
            "يُبنى الدعم حول ما يهمّك أنت، لا حول روتين مقدّم الخدمة.",
            (
                "يسألك عمّا يهمّك ويخطط الدعم على أساسه",
                "يتكيّف عندما تتغير احتياجاتك أو رغباتك",
                "يساعدك على القيام بالأشياء بنفسك عندما تريد ذلك",
                "يدعمك للمشاركة في مجتمعك",
            ),
            "شخص داخل دائرة",
        ),
        "culturally-aware": (
            "يراعي الثقافة",
            "يفهم ثقافتك ودينك وطعامك ولغتك ويحترمها.",
            (
                "يحترم الممارسات الدينية والثقافية",
                "يُعدّ الطعام بالطريقة التي تريدها",
                "يستطيع دعمك بلغتك أو يرتّب لك من يستطيع ذلك",
                "لا يفترض أمورًا مسبقة عن خلفيتك",
            ),
            "كرة أرضية",
        ),
        "skilled-in-personal-care": (
            "ماهر في الرعاية الشخصية",
            "يقدّم الرعاية الشخصية بأمان ولطف مع الحفاظ على كرامتك.",
            (
                "مدرَّب على طرق التحريك والرفع الآمنة",
                "يحفظ كرامتك أثناء الرعاية الشخصية",
                "يتّبع عاداتك وتفضيلاتك",
                "يلاحظ أي تغيّر في بشرتك أو صحتك ويخبرك به",
            ),
            "قلب",
        ),
        "good-with-dementia": (
            "متمرّس في رعاية الخرف",
            "يفهم الخرف ويدعم المصابين به بصبر.",
            (
                "تلقّى تدريبًا على رعاية المصابين بالخرف",
                "يحافظ على روتين مألوف وهادئ",
                "يتواصل بصبر ويبعث الطمأنينة",
                "يعمل مع أفراد الأسرة الذين يقدّمون الرعاية ويحترم معرفتهم",
            ),
            "فقاعة تفكير",
        ),
    },
    "gd": {
        "reliable": (
            "Earbsach",
            "Thig iad aig an àm a chaidh aontachadh agus innsidh iad dhut tràth ma dh’atharraicheas na planaichean.",
            (
                "Ruigidh iad ann an deagh àm airson nan cuairtean a chaidh aontachadh",
                "Bheir iad fios mu atharrachaidhean cho luath ’s a ghabhas",
                "Cuiridh iad cuideigin eile air dòigh nuair nach urrainn dhaibh fhèin tighinn",
                "Nì iad na thuirt iad gun dèanadh iad",
            ),
            "Gleoc",
        ),
        "treats-me-with-respect": (
            "Tha spèis aca dhomh",
            "Bidh iad gad làimhseachadh mar cho-ionann, nad dhachaigh agus nad bheatha.",
            (
                "Tha spèis aca do na roghainnean agad, fiù ’s nuair a roghnaicheadh iad fhèin rudeigin eile",
                "Tha spèis aca do do phrìobhaideachd agus do do dhachaigh",
                "Bruidhnidh iad riut fhèin, chan ann mud dheidhinn",
                "Tha spèis aca do do chultar, do chreideamh agus do dhearbh-aithne",
            ),
            "Dà làimh ceangailte ri chèile",
        ),
        "communicates-well": (
            "Conaltradh math",
            "Èistidh iad, mìnichidh iad gu soilleir agus cumaidh iad fios riut fhèin ’s ris na daoine a thaghas tu.",
            (
                "Èistidh iad agus nì iad cinnteach gun do thuig iad",
                "Mìnichidh iad rudan ann an dòigh a tha freagarrach dhut",
                "Cleachdaidh iad an dòigh conaltraidh agad, leithid BSL, leughadh furasta no do chànan fhèin",
                "Freagraidh iad teachdaireachdan taobh a-staigh na h-ùine a chaidh aontachadh",
            ),
            "Dà bhuilgean-cainnte",
        ),
        "person-centred": (
            "Stèidhichte air an neach",
            "Tha an taic air a cumadh timcheall air na tha cudromach dhutsa, chan ann air an cleachdadh aca fhèin.",
            (
                "Faighnichidh iad dè tha cudromach dhut agus dealbhaichidh iad an taic timcheall air sin",
                "Atharraichidh iad an dòigh-obrach nuair a dh’atharraicheas na feumalachdan no na miannan agad",
                "Cuidichidh iad thu gus rudan a dhèanamh thu fhèin nuair a tha thu ag iarraidh sin",
                "Cuidichidh iad thu gus pàirt a ghabhail sa choimhearsnachd agad",
            ),
            "Neach am broinn cearcaill",
        ),
        "culturally-aware": (
            "Mothachail air cultar",
            "Tuigidh iad do chultar, do chreideamh, do bhiadh agus do chànan, agus bheir iad urram dhaibh.",
            (
                "Bheir iad urram do chleachdaidhean creideimh is cultair",
                "Dèanaidh iad biadh mar a tha thu ga iarraidh",
                "Bheir iad taic dhut nad chànan fhèin no cuiridh iad air dòigh cuideigin as urrainn",
                "Cha dèan iad barailean mu do chùl-raon",
            ),
            "Cruinne na talmhainn",
        ),
        "skilled-in-personal-care": (
            "Sgileil ann an cùram pearsanta",
            "Bheir iad cùram pearsanta gu sàbhailte, gu socair agus le urram.",
            (
                "Air an trèanadh ann an gluasad is làimhseachadh",
                "Glèidhidh iad d’ urram rè cùram pearsanta",
                "Leanaidh iad na cleachdaidhean is na roghainnean agad",
                "Mothaichidh iad do dh’atharrachaidhean nad chraiceann no nad shlàinte agus innsidh iad dhut",
            ),
            "Cridhe",
        ),
        "good-with-dementia": (
            "Math le seargadh-inntinn",
            "Tuigidh iad seargadh-inntinn agus bheir iad taic gu foighidneach do dhaoine a tha beò leis.",
            (
                "Fhuair iad trèanadh ann an seargadh-inntinn",
                "Cumaidh iad cleachdaidhean eòlach agus socair",
                "Bruidhnidh iad le foighidinn agus bheir iad misneachd",
                "Obraichidh iad còmhla ri teaghlach a tha a’ toirt cùram agus bheir iad urram don eòlas aca",
            ),
            "Builgean-smaoin",
        ),
    },
    "pl": {
        "reliable": (
            "Niezawodność",
            "Przychodzi o umówionej porze i z wyprzedzeniem uprzedza o zmianach planów.",
            (
                "Przychodzi punktualnie na umówione wizyty",
                "Jak najwcześniej informuje o zmianach",
                "Zapewnia zastępstwo, gdy nie może przyjść",
                "Dotrzymuje obietnic",
            ),
            "Zegar",
        ),
        "treats-me-with-respect": (
            "Traktuje mnie z szacunkiem",
            "Traktuje cię po partnersku – w twoim domu i w twoim życiu.",
            (
                "Szanuje twoje decyzje, także gdy ma inne zdanie",
                "Szanuje twoją prywatność i twój dom",
                "Rozmawia z tobą, a nie o tobie",
                "Szanuje twoją kulturę, wiarę i tożsamość",
            ),
            "Dwie splecione dłonie",
        ),
        "communicates-well": (
            "Dobra komunikacja",
            "Słucha, jasno wyjaśnia i na bieżąco informuje ciebie oraz wybrane przez ciebie osoby.",
            (
                "Słucha i upewnia się, że dobrze cię rozumie",
                "Wyjaśnia sprawy w sposób, który ci odpowiada",
                "Korzysta z twojego sposobu komunikacji, np. BSL, tekstu łatwego do czytania lub twojego języka",
                "Odpowiada na wiadomości w uzgodnionym czasie",
            ),
            "Dwa dymki rozmowy",
        ),
        "person-centred": (
            "Wsparcie skupione na osobie",
            "Wsparcie jest dopasowane do tego, co ważne dla ciebie, a nie do cudzej rutyny.",
            (
                "Pyta, co jest dla ciebie ważne, i na tej podstawie planuje wsparcie",
                "Dostosowuje się, gdy zmieniają się twoje potrzeby lub życzenia",
                "Pomaga ci robić różne rzeczy samodzielnie, jeśli tego chcesz",
                "Wspiera cię w udziale w życiu lokalnej społeczności",
            ),
            "Postać w kole",
        ),
        "culturally-aware": (
            "Wrażliwość kulturowa",
            "Rozumie i szanuje twoją kulturę, wiarę, kuchnię i język.",
            (
                "Szanuje praktyki religijne i kulturowe",
                "Przygotowuje jedzenie tak, jak lubisz",
                "Może wspierać cię w twoim języku albo zapewnia osobę, która to potrafi",
                "Nie robi założeń na temat twojego pochodzenia",
            ),
            "Kula ziemska",
        ),
        "skilled-in-personal-care": (
            "Fachowa opieka osobista",
            "Zapewnia opiekę osobistą bezpiecznie, delikatnie i z poszanowaniem godności.",
            (
                "Ma przeszkolenie z bezpiecznego przemieszczania i podnoszenia",
                "Chroni twoją godność podczas opieki osobistej",
                "Trzyma się twoich nawyków i preferencji",
                "Zauważa zmiany na skórze lub w stanie zdrowia i mówi ci o nich",
            ),
            "Serce",
        ),
        "good-with-dementia": (
            "Dobre podejście do demencji",
            "Rozumie demencję i cierpliwie wspiera osoby, które z nią żyją.",
            (
                "Ma przeszkolenie z zakresu demencji",
                "Dba o znajomy i spokojny rytm dnia",
                "Rozmawia cierpliwie i uspokajająco",
                "Współpracuje z opiekunami rodzinnymi i szanuje ich wiedzę",
            ),
            "Dymek myśli",
        ),
    },
    "cy": {
        "reliable": (
            "Dibynadwy",
            "Yn cyrraedd pan gytunwyd ac yn rhoi gwybod yn gynnar os bydd cynlluniau’n newid.",
            (
                "Yn cyrraedd ar amser ar gyfer ymweliadau a gytunwyd",
                "Yn rhoi rhybudd am newidiadau cyn gynted ag y gallant",
                "Yn trefnu rhywun arall pan na allant ddod",
                "Yn gwneud yr hyn y dywedon nhw y bydden nhw’n ei wneud",
            ),
            "Cloc",
        ),
        "treats-me-with-respect": (
            "Yn fy mharchu",
            "Yn eich trin yn gydradd, yn eich cartref ac yn eich bywyd.",
            (
                "Yn parchu eich dewisiadau, hyd yn oed pan fydden nhw’n dewis yn wahanol",
                "Yn parchu eich preifatrwydd a’ch cartref",
                "Yn siarad â chi, nid amdanoch chi",
                "Yn parchu eich diwylliant, eich ffydd a’ch hunaniaeth",
            ),
            "Dwy law ynghyd",
        ),
        "communicates-well": (
            "Cyfathrebu’n dda",
            "Yn gwrando, yn esbonio’n glir ac yn rhoi’r wybodaeth ddiweddaraf i chi a’r bobl rydych chi’n eu dewis.",
            (
                "Yn gwrando ac yn gwirio eu bod wedi deall",
                "Yn esbonio pethau mewn ffordd sy’n gweithio i chi",
                "Yn defnyddio eich ffordd chi o gyfathrebu, fel BSL, fformat hawdd ei ddeall neu eich iaith chi",
                "Yn ateb negeseuon o fewn yr amser a gytunwyd",
            ),
            "Dwy swigen siarad",
        ),
        "person-centred": (
            "Yn canolbwyntio ar yr unigolyn",
            "Mae’r cymorth wedi’i lunio o gwmpas yr hyn sy’n bwysig i chi, nid o gwmpas eu trefn nhw.",
            (
                "Yn gofyn beth sy’n bwysig i chi ac yn cynllunio’r cymorth o’i gwmpas",
                "Yn addasu pan fydd eich anghenion neu’ch dymuniadau’n newid",
                "Yn eich helpu i wneud pethau drosoch eich hun pan fyddwch chi eisiau",
                "Yn eich cefnogi i gymryd rhan yn eich cymuned",
            ),
            "Person mewn cylch",
        ),
        "culturally-aware": (
            "Yn ymwybodol o ddiwylliant",
            "Yn deall ac yn parchu eich diwylliant, eich ffydd, eich bwyd a’ch iaith.",
            (
                "Yn parchu arferion crefyddol a diwylliannol",
                "Yn paratoi bwyd fel rydych chi’n ei hoffi",
                "Yn gallu eich cefnogi yn eich iaith neu’n trefnu rhywun sy’n gallu",
                "Yn osgoi rhagdybiaethau am eich cefndir",
            ),
            "Glôb",
        ),
        "skilled-in-personal-care": (
            "Medrus mewn gofal personol",
            "Yn rhoi gofal personol yn ddiogel, yn dyner ac ag urddas.",
            (
                "Wedi’u hyfforddi mewn symud a thrin pobl yn ddiogel",
                "Yn diogelu eich urddas yn ystod gofal personol",
                "Yn dilyn eich arferion a’ch dewisiadau",
                "Yn sylwi ar newidiadau yn eich croen neu’ch iechyd ac yn dweud wrthych",
            ),
            "Calon",
        ),
        "good-with-dementia": (
            "Da gyda dementia",
            "Yn deall dementia ac yn cefnogi pobl sy’n byw gyda dementia yn amyneddgar.",
            (
                "Wedi cael hyfforddiant dementia",
                "Yn cadw trefn gyfarwydd a thawel",
                "Yn cyfathrebu’n amyneddgar ac yn galonogol",
                "Yn gweithio gyda gofalwyr teuluol ac yn parchu eu gwybodaeth",
            ),
            "Swigen feddwl",
        ),
    },
}

# --- Reviews ------------------------------------------------------------------------------------------------------
# English has separate sentences for a personal assistant (`{name}`) and for an organisation's team. Openings and
# details say whose support it is ("me", "dad", "mum", "son", "husband", or "any"), so one review keeps one voice.
ENGLISH = {
    "pa": {
        "openings": [
            ("me", "{name} has been my PA for over a year now and has made a real difference to my week."),
            ("me", "Having {name} as my PA has given me my independence back."),
            ("me", "I employ {name} with my direct payment and it is the best decision I have made."),
            ("son", "{name} supports my son three afternoons a week and he looks forward to every visit."),
            (
                "dad",
                "{name} started with my dad when he came home from hospital, and the change in him is lovely to see.",
            ),
            ("any", "I can't recommend {name} highly enough."),
            ("any", "We found {name} on this site after a long search, and it has worked out brilliantly."),
        ],
        "details": [
            ("me", "{name} never rushes me in the morning and asks how I want things done rather than assuming."),
            ("me", "We go swimming on Tuesdays and to the library on Fridays, which I could not manage on my own."),
            (
                "me",
                "{name} is careful with my medication prompts and writes everything in the notebook for my daughter.",
            ),
            ("me", "Cooking together has become the best part of the day, and I eat far better than I did."),
            (
                "me",
                "When my needs changed after a fall, {name} did a moving and handling refresher without being asked.",
            ),
            ("me", "{name} talks to me, not over me, even when my family are in the room."),
            ("dad", "{name} is patient with Dad's memory problems and keeps his routine calm and familiar."),
            (
                "dad",
                "Dad says {name} is the only one who makes his tea properly, and they have the same sense of humour.",
            ),
            ("son", "They go to the climbing wall on Saturdays and my son has made friends there."),
            ("son", "{name} understands my son's autism and knows when he needs some quiet time."),
            ("any", "Always on time, and the one day the buses were off {name} texted before we had even noticed."),
            ("any", "Holiday cover was arranged well in advance with someone we had already met."),
            ("any", "Timesheets are always clear, so the payroll is easy at the end of the month."),
            ("any", "The rate is fair for the area and {name} was upfront about it from the first phone call."),
        ],
        "mixed": [
            "{name} is kind and my daughter enjoys the outings, but there have been several last-minute cancellations "
            "recently. When it works, it works well.",
            "Good at personal care and very respectful, but not always easy to reach when we need to change plans.",
            "{name} is lovely with my mum, but visits often start ten or fifteen minutes late because the one before "
            "runs over.",
            "Reliable and kind, but {name} can't do weekends, so we still need a second PA for Saturdays and Sundays.",
            "Good support overall. The hourly rate went up twice this year, which our direct payment does not cover.",
        ],
        "negative": [
            "{name} cancelled at short notice too often, sometimes by text an hour before, and I had to rely on my "
            "neighbour. It did not work out.",
            "Friendly at first, but the hours on the timesheets did not match the hours worked, and we had to end the "
            "arrangement.",
            "{name} was often on the phone during visits and the shopping was not done properly. We ended the "
            "arrangement after two months.",
            "Not a good fit for us. The support plan for my son was not followed and he became more anxious, not less.",
        ],
    },
    "team": {
        "openings": [
            ("mum", "The carers from this service have been coming to my mum four times a day since last spring."),
            ("husband", "My husband has dementia and this team have been a lifeline for both of us."),
            ("dad", "The small, steady team they send means Dad actually knows who is coming."),
            ("me", "I use my direct payment to buy my support from this service and it has been very good."),
            ("any", "We have had support at home from this team for about eighteen months and would not change."),
            ("any", "After a bad experience with another agency, this has been a huge relief."),
            ("any", "Excellent service from start to finish."),
        ],
        "details": [
            ("mum", "The same two or three carers come most days, which matters a lot to Mum."),
            ("mum", "One of the carers speaks Polish with my mother, which has made her far more settled."),
            (
                "mum",
                "They noticed a red patch on Mum's heel and told us at once, so the district nurse could check it.",
            ),
            (
                "dad",
                "They sat down with us at the start and wrote the plan around what Dad wanted, not around their rota.",
            ),
            ("dad", "They know Dad likes his tea strong and his radio on, and they never rush him."),
            ("husband", "They are endlessly patient when my husband is confused in the evenings."),
            ("husband", "They always ask me how his night was, and they listen to what I know about him."),
            ("me", "They help me shower on my own terms and never make me feel like a task on a list."),
            ("any", "Visits are nearly always within the half-hour window, and the office phones if anyone is late."),
            ("any", "Personal care is done gently and with dignity, and they always close the curtains first."),
            ("any", "The office answers emails within a day, and the manager came out herself when we had a question."),
            ("any", "Invoices are clear and match the hours we actually had."),
            ("any", "They helped us move from council-arranged care to a direct payment without any fuss."),
            (
                "any",
                "On the one day nobody could come because of the snow, they phoned early and arranged a check-in call.",
            ),
        ],
        "mixed": [
            "Good carers on the whole, but visit times drift by an hour or more at weekends and nobody lets us know. "
            "When they are here they are kind and careful.",
            "The support itself is fine, but we have had too many new faces this year. Mum finds it hard to explain "
            "her routine over and over again.",
            "Kind and willing, but communication could be better. Messages to the office sometimes go unanswered for "
            "days.",
            "Good company for my dad, but the hourly rate went up twice in one year with very little notice.",
            "Some carers are excellent and some have clearly not read the support plan. It depends who you get.",
            "The morning visits are reliable; the evening ones are often late, which means a very early bedtime for "
            "Dad.",
        ],
        "negative": [
            "Visits were regularly late or missed, and twice nobody came at all on a Sunday. We have moved to another "
            "provider.",
            "Carers were always in a rush: fifteen minutes instead of thirty, and we were still charged for the full "
            "half hour.",
            "Nobody explained the charges at the start and the first invoice was far higher than we expected. Our "
            "complaint went unanswered for weeks.",
            "Staff talked over my dad as if he was not there and did not listen when he said he was in pain. Very "
            "disappointing.",
            "Not reliable at all. We never knew who was coming or when, and Mum's lunch was left out far too early.",
        ],
    },
    "closings": [
        "Thank you.",
        "Highly recommended.",
        "Worth every penny.",
        "I would recommend them to anyone.",
        "Five stars from our family.",
        "",
        "",
    ],
}

# Other languages, with the same voices; "team_details" and "team_mixed" only fit an organisation's team.
OTHER_LANGUAGES = {
    "pl": {
        "openings": [
            ("mum", "Opiekunka przychodzi do mojej mamy od ponad roku i jesteśmy bardzo zadowoleni."),
            ("any", "Bardzo polecam."),
            ("dad", "Wreszcie ktoś, kto rozmawia z tatą po polsku – to dla niego ogromna różnica."),
            ("any", "Korzystamy z tej pomocy od zeszłej zimy i nie wyobrażam sobie, żeby było inaczej."),
            ("dad", "Po wyjściu taty ze szpitala bardzo się baliśmy, ale od pierwszego dnia wszystko poszło dobrze."),
        ],
        "details": [
            ("any", "Zawsze punktualnie, a jeśli coś się zmienia, dostajemy wiadomość z wyprzedzeniem."),
            ("any", "Przy myciu i ubieraniu wszystko odbywa się spokojnie i z szacunkiem, bez pośpiechu."),
            ("dad", "Pomoc przy zakupach, zupy, które tata lubi, i pilnowanie leków – wszystko bez przypominania."),
            ("dad", "Kiedy stan taty się pogorszył, plan od razu zmieniono i dodano wieczorne wizyty."),
            ("mum", "Mama wreszcie wychodzi na spacery i znowu spotyka się z sąsiadkami."),
            ("any", "Kontakt jest prosty, na wiadomości zawsze dostajemy odpowiedź tego samego dnia."),
        ],
        "team_details": [("mum", "Mama czuje się bezpiecznie, bo przychodzą wciąż te same osoby.")],
        "closings": ["Dziękujemy!", "Szczerze polecam.", "Cena uczciwa jak na taką jakość.", ""],
        "mixed": [
            "Opieka jest dobra, ale godziny wizyt często się przesuwają, zwłaszcza w weekendy. Nikt nie dzwoni, "
            "żeby uprzedzić.",
        ],
        "team_mixed": ["Miłe osoby, ale opiekunki zbyt często się zmieniają i mama musi wszystko tłumaczyć od nowa."],
        "negative": [
            "Wizyty były krótsze niż w umowie, a płaciliśmy za pełny czas. Po dwóch miesiącach zrezygnowaliśmy.",
            "Kilka razy nikt nie przyszedł i nikt nas o tym nie uprzedził. Nie polecam.",
        ],
    },
    "ur": {
        "openings": [
            ("mum", "پچھلے ایک سال سے یہ میری والدہ کی دیکھ بھال کر رہے ہیں اور ہم بہت مطمئن ہیں۔"),
            ("any", "میں دل سے ان کی سفارش کرتی ہوں۔"),
            ("dad", "آخرکار ابو سے اردو میں بات کرنے والا کوئی مل گیا، اس سے بہت فرق پڑا ہے۔"),
            ("any", "ہسپتال سے گھر آنے کے بعد سے یہ مدد ہمارے لیے بہت بڑا سہارا ہے۔"),
            ("any", "ہم نے ڈائریکٹ پیمنٹ سے یہ مدد لی ہے اور تجربہ بہت اچھا رہا ہے۔"),
        ],
        "details": [
            ("any", "ہمیشہ وقت پر آتے ہیں، اور اگر دیر ہو تو پہلے سے فون کر دیتے ہیں۔"),
            ("mum", "نہلانے اور کپڑے بدلنے میں امی کی عزت اور پردے کا پورا خیال رکھتے ہیں۔"),
            ("mum", "کھانا حلال اور امی کی پسند کے مطابق بناتے ہیں۔"),
            ("any", "ملاقات کا وقت نماز کے اوقات کا خیال رکھ کر طے کیا گیا۔"),
            ("any", "دواؤں کا پورا دھیان رکھتے ہیں اور ہر بات کاپی میں لکھ دیتے ہیں۔"),
            ("dad", "ابو ان سے باتیں کر کے بہت خوش ہوتے ہیں اور اب روز سیر کو بھی جاتے ہیں۔"),
        ],
        "team_details": [("dad", "زیادہ تر وہی لوگ آتے ہیں، اس لیے ابو کو ان پر بھروسا ہو گیا ہے۔")],
        "closings": ["بہت شکریہ۔", "ہم پورے دل سے سفارش کرتے ہیں۔", "اللہ آپ کو خوش رکھے۔", ""],
        "mixed": ["دیکھ بھال اچھی ہے لیکن ہفتے اور اتوار کو اکثر دیر ہو جاتی ہے اور کوئی اطلاع نہیں دیتا۔"],
        "team_mixed": ["لوگ مہربان ہیں مگر بار بار نئے چہرے آتے ہیں، اور امی کو ہر بار سب کچھ دوبارہ سمجھانا پڑتا ہے۔"],
        "negative": [
            "کئی بار کوئی آیا ہی نہیں اور پہلے سے اطلاع بھی نہیں دی گئی۔ ہم نے کسی اور سے مدد لینا شروع کر دی۔",
            "ملاقاتیں آدھے وقت کی ہوتی تھیں لیکن بل پورے وقت کا آتا تھا۔",
        ],
    },
    "ar": {
        "openings": [
            ("mum", "تتلقى والدتي هذا الدعم منذ أكثر من سنة ونحن راضون جدًا."),
            ("any", "أنصح بهذه الخدمة بشدة."),
            ("dad", "وجدنا أخيرًا من يتحدث مع أبي بالعربية، وهذا غيّر الكثير بالنسبة له."),
            ("any", "منذ الخروج من المستشفى كان هذا الدعم سندًا كبيرًا لنا."),
            ("any", "نستخدم الدفعة المباشرة لشراء هذا الدعم وتجربتنا ممتازة."),
        ],
        "details": [
            ("any", "المواعيد دقيقة دائمًا، وإذا حصل تأخير يصلنا اتصال مسبقًا."),
            ("mum", "الرعاية الشخصية تتم بلطف واحترام مع الحفاظ على خصوصية أمي."),
            ("mum", "الطعام حلال ويُحضَّر بالطريقة التي تحبها أمي."),
            ("any", "مواعيد الزيارات مرتّبة بما يناسب أوقات الصلاة."),
            ("any", "هناك انتباه دائم للأدوية، وكل شيء يُكتب في الدفتر."),
            ("dad", "صار أبي يخرج للمشي كل يوم ويستمتع بالحديث."),
        ],
        "team_details": [("dad", "في الغالب يأتي الأشخاص أنفسهم، فصار أبي يثق بهم.")],
        "closings": ["شكرًا جزيلًا.", "أنصح بهذه الخدمة دون تردد.", "جزاكم الله خيرًا.", ""],
        "mixed": ["الرعاية جيدة، لكن المواعيد في عطلة نهاية الأسبوع تتأخر كثيرًا دون أن يخبرنا أحد."],
        "team_mixed": ["الموظفون لطفاء، لكن الوجوه تتغير كثيرًا وأمي تضطر إلى شرح روتينها من جديد كل مرة."],
        "negative": [
            "لم يحضر أحد عدة مرات دون أي إشعار مسبق. انتقلنا إلى مقدّم خدمة آخر.",
            "كانت الزيارات أقصر من المتفق عليه، ومع ذلك كانت الفاتورة كاملة.",
        ],
    },
    "gd": {
        "openings": [
            ("mum", "Tha mo mhàthair a’ faighinn na taic seo fad còrr is bliadhna agus tha sinn glè thoilichte."),
            ("any", "Mholainn an t-seirbheis seo do dhuine sam bith."),
            (
                "dad",
                "Mu dheireadh thall, cuideigin a bhruidhneas Gàidhlig ri m’ athair – tha e air diofar mòr a "
                "dhèanamh dha.",
            ),
            ("dad", "Bho thàinig m’ athair dhachaigh às an ospadal, tha an taic seo air a bhith air leth feumail."),
        ],
        "details": [
            ("any", "Tha na cuairtean an-còmhnaidh ann an deagh àm, agus ma bhios dàil ann gheibh sinn fios."),
            ("any", "Tha an cùram pearsanta socair agus modhail, agus cha bhi cabhag ann idir."),
            ("dad", "Gheibh m’ athair cuideachadh leis na bùthan agus biadh a chòrdas ris."),
            ("dad", "Nuair a dh’atharraich slàinte m’ athar, chaidh am plana atharrachadh sa bhad."),
            ("mum", "Tha Mam a’ dol a-mach air chuairt a-rithist, agus tha i fada nas toilichte."),
            ("any", "Tha e furasta fios a chur, agus thig freagairt gu luath."),
        ],
        "team_details": [
            ("mum", "’S e na h-aon daoine a thig a’ mhòr-chuid den ùine, agus tha earbsa aig Mam annta."),
        ],
        "closings": ["Mòran taing.", "Tha mi a’ moladh na seirbheis seo gu mòr.", "Luach math airson an airgid.", ""],
        "mixed": [
            "Tha an cùram fhèin math, ach bidh na h-amannan ag atharrachadh gu tric aig an deireadh-sheachdain agus "
            "chan innis duine dhuinn.",
        ],
        "team_mixed": [
            "Daoine còire, ach tha cus aghaidhean ùra ann agus feumaidh Mam a h-uile càil a mhìneachadh a-rithist.",
        ],
        "negative": [
            "Grunn thursan cha tàinig duine idir, agus cha d’ fhuair sinn fios ro làimh. Ghluais sinn gu solaraiche "
            "eile.",
            "Bha na cuairtean na bu ghiorra na bha san aonta, ach bha sinn a’ pàigheadh airson na h-ùine gu lèir.",
        ],
    },
    "cy": {
        "openings": [
            ("mum", "Mae Mam wedi cael y cymorth hwn ers dros flwyddyn ac rydyn ni’n fodlon iawn."),
            ("any", "Byddwn i’n argymell y gwasanaeth hwn i unrhyw un."),
            ("dad", "O’r diwedd, rhywun sy’n gallu siarad Cymraeg â Dad – mae wedi gwneud byd o wahaniaeth iddo."),
            ("dad", "Ers i Dad ddod adref o’r ysbyty, mae’r cymorth hwn wedi bod yn gefn mawr i ni."),
        ],
        "details": [
            ("any", "Mae’r ymweliadau wastad ar amser, ac os oes oedi rydyn ni’n cael galwad ymlaen llaw."),
            ("any", "Mae’r gofal personol yn dyner ac yn urddasol, a does byth unrhyw frys."),
            ("dad", "Mae help gyda’r siopa, ac mae Dad yn mwynhau’r bwyd sy’n cael ei goginio iddo."),
            ("dad", "Pan newidiodd iechyd Dad, cafodd y cynllun ei newid yn syth."),
            ("mum", "Mae Mam yn mynd allan am dro eto ac mae hi’n llawer hapusach."),
            ("any", "Mae’n hawdd cysylltu, ac mae negeseuon yn cael ateb yn gyflym."),
        ],
        "team_details": [("mum", "Yr un bobl sy’n dod gan amlaf, felly mae Mam yn ymddiried ynddyn nhw.")],
        "closings": ["Diolch yn fawr.", "Rwy’n ei argymell yn fawr.", "Gwerth pob ceiniog.", ""],
        "mixed": [
            "Mae’r gofal ei hun yn dda, ond mae’r amseroedd yn newid yn aml ar y penwythnos a does neb yn rhoi "
            "gwybod i ni.",
        ],
        "team_mixed": [
            "Pobl garedig, ond mae gormod o wynebau newydd ac mae’n rhaid i Mam egluro popeth o’r dechrau bob tro.",
        ],
        "negative": [
            "Sawl gwaith ddaeth neb o gwbl, a chawson ni ddim gwybod ymlaen llaw. Rydyn ni wedi symud at ddarparwr "
            "arall.",
            "Roedd yr ymweliadau’n fyrrach na’r hyn a gytunwyd, ond roedden ni’n talu am yr amser llawn.",
        ],
    },
}

# (language, text, the flag it raises, overall rating): reviews the automatic checks hold for an editor.
FLAGGED = [
    ("en", "Lovely carers. If anyone wants to ask me about them, ring me on 07700 900461 and I'll tell you more.",
     "phone", 5),
    ("en", "Really reliable. Their office number is 0131 496 0123 if you want to check availability; they always "
     "pick up.", "phone", 5),
    ("en", "Honest and kind. Other families are welcome to contact me at morag.family@example.com.", "email", 4),
    ("en", "Great team. Email me on davidw (at) example.org if you want a reference.", "email", 5),
    ("en", "Much better than the agency we had before. I wrote about it at www.example.com/our-story.", "link", 4),
    ("en", "We found them through the advice on carers-blog.example.co.uk and it was the best decision we made.",
     "link", 5),
    ("en", "The manager, Mrs Kerr, sorted out our rota problems in a day. Excellent.", "staff_name", 5),
    ("en", "Ask for Mr Sandhu at the office: he really knows what he is doing. The carers are lovely too.",
     "staff_name", 4),
    ("en", "Visits were often late and Dr Morrison at our surgery had to chase them about Mum's medication.",
     "staff_name", 2),
    ("pl", "Bardzo dobra opieka. W razie pytań proszę dzwonić: 07700 900118.", "phone", 5),
]  # fmt: skip

# (text, editor's reason, overall rating): reviews an editor decided not to publish.
REJECTED = [
    (
        "Absolute shite. Never turned up when they said they would, and rude on the phone when we asked why.",
        "This review uses abusive language. We have asked the reviewer to describe what happened without it, and "
        "we will publish a new version.",
        1,
    ),
    (
        "The council took six months to do my assessment and still got my hours wrong. Shocking.",
        "This review is about the council's assessment, not about this provider's support. We have passed the "
        "reviewer the council's complaints contact instead.",
        1,
    ),
    (
        "I phoned once to ask about prices and nobody called me back. Would not use them.",
        "Reviews describe support the reviewer has received. The reviewer told us they had only phoned to ask "
        "about prices.",
        1,
    ),
    (
        "The carer who came on Saturday was clearly not fit to work and should be struck off.",
        "This makes a serious allegation about one member of staff. We have given the reviewer details of how to "
        "raise a concern with the provider and with the Care Inspectorate, which can investigate it.",
        1,
    ),
]

ENDORSEMENT_REASONS = {
    "en": {
        "reliable": [
            "Never missed a visit in a year.",
            "Always on time, and rings if held up.",
            "Cover is arranged when the usual carer is off.",
        ],
        "treats-me-with-respect": [
            "Always asks before doing anything.",
            "Treats my home as my home.",
            "Talks to me, not to my daughter about me.",
        ],
        "communicates-well": [
            "Messages answered the same day.",
            "Explains everything clearly to Mum.",
            "Keeps the family updated after each visit.",
        ],
        "person-centred": [
            "The plan is built around what I want to do.",
            "Helps me do things for myself.",
            "Changed the plan quickly when my needs changed.",
        ],
        "culturally-aware": [
            "Understands our faith and our food.",
            "Speaks Dad's language.",
            "Respects prayer times without being asked.",
        ],
        "skilled-in-personal-care": [
            "Gentle and careful with personal care.",
            "Noticed a pressure sore early.",
            "Very skilled with the hoist.",
        ],
        "good-with-dementia": [
            "So patient with Mum's memory loss.",
            "Keeps Dad calm when he is confused.",
            "Listens to us as family carers.",
        ],
    },
    "pl": {
        "reliable": ["Ani jednej opuszczonej wizyty.", "Zawsze punktualnie."],
        "treats-me-with-respect": ["Zawsze pyta o zgodę."],
        "communicates-well": ["Odpowiedź na wiadomość zawsze tego samego dnia."],
        "person-centred": ["Plan ułożony wokół tego, czego chce mama."],
        "culturally-aware": ["Rozmowa po polsku i polska kuchnia."],
        "skilled-in-personal-care": ["Delikatnie i z szacunkiem przy myciu."],
        "good-with-dementia": ["Bardzo cierpliwie z tatą."],
    },
    "ur": {
        "reliable": ["ہمیشہ وقت پر آتے ہیں۔"],
        "treats-me-with-respect": ["ہر کام سے پہلے اجازت لیتے ہیں۔"],
        "communicates-well": ["ہر بات صاف صاف سمجھاتے ہیں۔"],
        "person-centred": ["منصوبہ امی کی پسند کے مطابق ہے۔"],
        "culturally-aware": ["حلال کھانے اور نماز کے اوقات کا خیال۔", "ابو سے اردو میں بات کرتے ہیں۔"],
        "skilled-in-personal-care": ["پردے اور عزت کا پورا خیال۔"],
        "good-with-dementia": ["ابو کے ساتھ بہت صبر سے پیش آتے ہیں۔"],
    },
    "ar": {
        "reliable": ["دائمًا في الموعد."],
        "treats-me-with-respect": ["الاستئذان دائمًا قبل أي شيء."],
        "communicates-well": ["كل شيء يُشرح بوضوح."],
        "person-centred": ["الخطة مبنية على ما تريده أمي."],
        "culturally-aware": ["احترام أوقات الصلاة والطعام الحلال.", "الحديث مع أبي بالعربية."],
        "skilled-in-personal-care": ["لطف واحترام للخصوصية."],
        "good-with-dementia": ["صبر كبير مع أبي."],
    },
    "gd": {
        "reliable": ["An-còmhnaidh ann ann an deagh àm."],
        "treats-me-with-respect": ["Faighnichear an-còmhnaidh an toiseach."],
        "communicates-well": ["A h-uile càil air a mhìneachadh gu soilleir."],
        "person-centred": ["Tha am plana a’ leantainn na tha Mam ag iarraidh."],
        "culturally-aware": ["A’ bruidhinn ri m’ athair sa Ghàidhlig."],
        "skilled-in-personal-care": ["Socair agus le urram."],
        "good-with-dementia": ["Foighidinn mhòr le m’ athair."],
    },
    "cy": {
        "reliable": ["Wastad ar amser."],
        "treats-me-with-respect": ["Wastad yn gofyn yn gyntaf."],
        "communicates-well": ["Yn esbonio popeth yn glir."],
        "person-centred": ["Mae’r cynllun yn dilyn beth mae Mam eisiau."],
        "culturally-aware": ["Yn siarad Cymraeg â Dad."],
        "skilled-in-personal-care": ["Yn dyner ac yn urddasol."],
        "good-with-dementia": ["Amyneddgar iawn gyda Dad."],
    },
}

# Providers' replies by language and by how the review went; English has a personal assistant's own voice too.
REPLIES = {
    "en": {
        "positive": [
            "Thank you so much for taking the time to write this. We'll pass your kind words on to the team – it "
            "means a lot to them.",
            "Thank you! It's a pleasure supporting your family, and we're glad the new routine is working well.",
            "We really appreciate this review. Helping people do the things that matter to them is why we do this job.",
        ],
        "mixed": [
            "Thank you for the honest feedback. You're right that weekend visit times have slipped; we have recruited "
            "two more weekend staff and will always phone if we are running more than fifteen minutes late.",
            "Thanks for letting us know. Continuity matters, and we are working to keep the same small team with your "
            "mum. Please call the office any time to talk it through.",
        ],
        "negative": [
            "We're very sorry to read this. It is not the standard we expect, and we would like to understand what "
            "went wrong. Please contact our office so we can look into it properly.",
            "We're sorry we let you down. We have since changed how we plan the rota and check visit times, and we "
            "would welcome the chance to talk with you.",
        ],
    },
    "pa": {
        "positive": [
            "Thank you – I really enjoy our time together and I'm so glad it's going well!",
            "Thank you for such a kind review. It's a privilege to work with you.",
        ],
        "mixed": [
            "Thank you for the feedback. I'm sorry about the late changes earlier this year; I now have back-up "
            "cover arranged so it shouldn't happen again.",
        ],
        "negative": ["I'm sorry it didn't work out, and I have taken your comments on board."],
    },
    "pl": {
        "positive": ["Dziękujemy bardzo za miłe słowa! Przekażemy je całemu zespołowi."],
        "mixed": ["Dziękujemy za szczerą opinię. Pracujemy nad tym, żeby weekendowe wizyty były punktualne."],
        "negative": ["Bardzo przepraszamy. Prosimy o kontakt z biurem – chcemy wyjaśnić, co poszło nie tak."],
    },
    "ur": {
        "positive": ["آپ کے مہربان الفاظ کا بہت شکریہ! ہم یہ پیغام پوری ٹیم تک پہنچا دیں گے۔"],
        "mixed": ["آپ کی رائے کا شکریہ۔ ہم کوشش کر رہے ہیں کہ زیادہ تر وہی لوگ آئیں جنہیں آپ جانتے ہیں۔"],
        "negative": ["ہمیں بہت افسوس ہے۔ براہِ کرم دفتر سے رابطہ کریں تاکہ ہم جان سکیں کہ کیا غلط ہوا۔"],
    },
    "ar": {
        "positive": ["شكرًا جزيلًا على كلماتك اللطيفة! سننقلها إلى الفريق كله."],
        "mixed": ["شكرًا على ملاحظاتك الصريحة. نعمل على أن تكون مواعيد عطلة نهاية الأسبوع أدق."],
        "negative": ["نأسف جدًا لما حدث. نرجو التواصل مع المكتب حتى نفهم ما الذي حصل ونصلحه."],
    },
    "gd": {
        "positive": ["Mòran taing airson nam faclan coibhneil! Bheir sinn iad don sgioba gu lèir."],
        "mixed": ["Taing airson do bheachdan. Tha sinn ag obair gus na h-aon daoine a chumail a’ tighinn."],
        "negative": ["Tha sinn glè dhuilich. Cuir fios chun na h-oifis airson ’s gun tuig sinn dè chaidh ceàrr."],
    },
    "cy": {
        "positive": ["Diolch yn fawr am eich geiriau caredig! Byddwn ni’n eu rhannu gyda’r tîm cyfan."],
        "mixed": ["Diolch am eich adborth gonest. Rydyn ni’n gweithio i wneud amseroedd y penwythnos yn fwy cyson."],
        "negative": ["Mae’n wir ddrwg gennym. Cysylltwch â’r swyddfa er mwyn i ni ddeall beth aeth o’i le."],
    },
}

# name, slug (for the coordinator's address), town, accredited, description
PEER_GROUPS = [
    (
        "Leith Independent Living Network",
        "leith",
        "Edinburgh",
        True,
        "A user-led group of disabled people and carers in Leith and north Edinburgh who employ PAs or buy support "
        "with a direct payment. We meet monthly and share what works.",
    ),
    (
        "Glasgow SDS Peer Network",
        "glasgow",
        "Glasgow",
        True,
        "Disabled people, family carers and advocates across Glasgow sharing experience of self-directed support.",
    ),
    (
        "Cardiff Disabled People's Voice",
        "cardiff",
        "Cardiff",
        False,
        "A new user-led forum in Cardiff. We have applied for accreditation so our members can review services.",
    ),
]
