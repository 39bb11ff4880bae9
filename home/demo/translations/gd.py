"""Scottish Gaelic (gd)."""

from ..builders import accordion, h2, help_contact, inset, steps, text, warning

OFFICE_HOURS = "Diluain gu Dihaoine, 9 sa mhadainn gu 5 feasgar"

TOPICS = {
    "options-and-rights": ("Roghainnean agus còraichean", "Do chòir taghadh ciamar a thèid do thaic a chur air dòigh."),
    "assessment": ("Measadh", "Mar a gheibh a' chomhairle a-mach dè an taic a tha a dhìth ort."),
    "personal-budgets": (
        "Buidseatan pearsanta",
        "An t-airgead airson do thaic agus mar a thèid an t-sùim obrachadh a-mach.",
    ),
    "employing-a-pa": (
        "Neach-cuideachaidh pearsanta fhastadh",
        "A' lorg, a' fastadh agus a' stiùireadh neach-cuideachaidh pearsanta.",
    ),
    "money": (
        "An t-airgead a stiùireadh",
        "Cunntasan banca, clàran agus dè as urrainn don airgead pàigheadh air a shon.",
    ),
    "support-organisations": (
        "Buidhnean taic",
        "Daoine agus buidhnean a chuidicheas tu gus taic fèin-stiùirichte a chleachdadh.",
    ),
    "complaints": (
        "Gearanan agus ath-thagraidhean",
        "Dè nì thu nuair nach eil thu toilichte le co-dhùnadh no seirbheis.",
    ),
    "emergencies": ("Èiginn agus còmhdach a bharrachd", "A' dealbhadh airson nuair a thèid rudan ceàrr."),
    "carers": ("Luchd-cùraim", "Cuideachadh do dhaoine a tha a' coimhead às dèidh ball teaghlaich no caraid."),
    "transitions": (
        "A' gluasad gu seirbheisean inbheach",
        "Taic do dhaoine òga a tha a' ruighinn 18 bliadhna a dh'aois.",
    ),
}

AUDIENCES = {
    "older-people": ("Seann daoine", "Daoine nas sine a tha feumach air beagan taic."),
    "learning-disabilities": ("Daoine le ciorram ionnsachaidh", "Inbhich le ciorram ionnsachaidh."),
    "carers": ("Luchd-cùraim", "Buill teaghlaich agus caraidean a bheir cùram gun phàigheadh."),
    "minority-ethnic-communities": (
        "Coimhearsnachdan mion-chinnidheach",
        "Daoine bho choimhearsnachdan mion-chinnidheach.",
    ),
    "mental-health": ("Daoine le tinneas inntinn", "Daoine a tha beò le duilgheadas slàinte inntinn."),
    "young-people": (
        "Daoine òga a' gluasad gu seirbheisean inbheach",
        "Daoine òga eadar 14 is 25 bliadhna a dh'aois agus an teaghlaichean.",
    ),
    "disabled-adults": ("Inbhich chiorramach", "Inbhich le ciorram corporra no mothachaidh, no le tinneas fad-ùine."),
    "deaf-bsl": (
        "Daoine bodhar agus luchd-cleachdaidh BSL",
        "Daoine bodhar, a' gabhail a-steach daoine a chleachdas Cànan Soidhnidh Bhreatainn.",
    ),
}

GLOSSARY = {
    "direct-payment": (
        "Pàigheadh dìreach",
        "Airgead a phàigheas a' chomhairle dhutsa, gus an urrainn dhut do thaic fhèin a cheannach no do luchd-obrach "
        "fhèin fhastadh. Ann an Alba, 's e Roghainn 1 a th' ann.",
    ),
    "individual-service-fund": (
        "Maoin seirbheis phearsanta",
        "Tha am buidseat agad aig solaraiche taic a thaghas tu. Cuiridh iad do thaic air dòigh mar a dh'aontaicheas tu "
        "leotha. Ann an Alba, 's e Roghainn 2 a th' ann.",
    ),
    "personal-budget": (
        "Buidseat pearsanta",
        "An t-sùim airgid a tha a' chomhairle ag ràdh a chosgas i air do thaic. Faodaidh tu co-dhùnadh ciamar a thèid a chleachdadh.",
    ),
    "resource-allocation-system": (
        "Siostam riarachadh ghoireasan (RAS)",
        "Riaghailtean a chleachdas cuid de chomhairlean gus a' chiad bheachd fhaighinn air na tha a dhìth de dh'airgead "
        "airson do thaic.",
    ),
    "pvg-scheme": (
        "Sgeama PVG",
        "An sgeama airson Dìon Bhuidhnean So-leònte (Protecting Vulnerable Groups) ann an Alba. Bidh e a' dearbhadh a "
        "bheil bacadh air cuideigin bho bhith ag obair le clann no inbhich a dh'fhaodadh a bhith feumach air dìon.",
    ),
    "dbs-check": (
        "Sgrùdadh DBS",
        "Sgrùdadh air clàr eucorach ann an Sasainn agus sa Chuimrigh, air a dhèanamh leis an Disclosure and Barring Service.",
    ),
    "independent-living-fund": (
        "Maoin Beatha Neo-eisimeileach (ILF)",
        "Airgead a chuidicheas cuid de dhaoine ciorramach a bhith beò aig an taigh. Dhùin i ann an Sasainn ann an 2015. "
        "Tha ILF Scotland fhathast a' ruith maoin.",
    ),
    "personal-assistant": (
        "Neach-cuideachaidh pearsanta (PA)",
        "Cuideigin a dh'fhastas tu gus taic a thoirt dhut mar a tha thu ag iarraidh, aig amannan a tha freagarrach dhut.",
    ),
    "support-plan": (
        "Plana taic",
        "Plana a tha ag innse dè tha cudromach dhut, dè an taic a gheibh thu, agus ciamar a phàigheas am buidseat agad air a shon.",
    ),
    "outcomes": (
        "Builean",
        "Na rudan a tha thu airson atharrachadh no a chumail nad bheatha, leithid a bhith a' faicinn charaidean "
        "no a bhith sàbhailte aig an taigh.",
    ),
    "advocacy": (
        "Tagradh",
        "Cuideachadh bho neach neo-eisimeileach gus na tha thu ag iarraidh a ràdh, agus gus dèanamh cinnteach "
        "gun tèid urram a thoirt do do chòraichean.",
    ),
    "brokerage": (
        "Brocaireachd",
        "Cuideachadh gus do thaic a dhealbhadh agus a chur air dòigh, mar eisimpleir a' lorg sheirbheisean agus a' rèiteachadh chùmhnantan.",
    ),
    "eligibility-criteria": (
        "Slatan-tomhais airidheachd",
        "Na riaghailtean a chleachdas comhairle gus co-dhùnadh am faigh thu taic air a pàigheadh leis a' chomhairle.",
    ),
    "council-arranged-support": (
        "Taic air a cur air dòigh leis a' chomhairle",
        "Taghaidh a' chomhairle do sheirbheisean agus cuiridh i air dòigh iad dhut. Ann an Alba, 's e Roghainn 3 a th' ann.",
    ),
    "self-directed-support": (
        "Taic fèin-stiùirichte",
        "Dòigh air cùram sòisealta fhaighinn far an tagh thu fhèin ciamar a thèid do thaic a dhealbhadh, "
        "a chur air dòigh agus a phàigheadh.",
    ),
    "carers-assessment": (
        "Measadh neach-cùraim",
        "Còmhradh leis a' chomhairle mun chùram a bheir thu seachad agus mun chuideachadh a tha a dhìth ort mar "
        "neach-cùraim. Ann an Alba, bidh e a' leantainn gu plana taic neach-cùraim inbheach.",
    ),
    "personal-health-budget": (
        "Buidseat slàinte pearsanta NHS",
        "Airgead bhon NHS airson cùram slàinte agus taic a dhealbhas tu còmhla ris an sgioba NHS agad. "
        "Mar as trice ann an Sasainn.",
    ),
}

HOME = {
    "title": "Do thaic, do roghainn",
    "intro": [
        "Lorg taic faisg ort agus leugh stiùireadh soilleir mu thaic fèin-stiùirichte. "
        "Le taic fèin-stiùirichte, taghaidh tu fhèin ciamar a thèid an t-airgead airson do chùraim a chleachdadh."
    ],
    "signposts": [
        {
            "title": "Lorg taic",
            "summary": "Lorg luchd-cuideachaidh pearsanta, solaraichean cùraim agus buidhnean taic faisg ort.",
        },
        {
            "title": "Dè th' ann an taic fèin-stiùirichte",
            "summary": "Am beachd ann am faclan sìmplidh, le eisimpleirean.",
        },
        {
            "title": "Na ceithir roghainnean agad",
            "summary": "Na dòighean air an urrainn dhut do thaic a chur air dòigh.",
        },
        {
            "title": "Faigh cobhair",
            "summary": "Buidhnean a chuidicheas tu le dealbhadh, le bhith a' bruidhinn air do shon fhèin agus le do thaic a stiùireadh.",
        },
    ],
}

GUIDANCE_INDEX = {
    "title": "Stiùireadh",
    "intro": [
        "Stiùireadh soilleir mu thaic fèin-stiùirichte, bhon chiad mheasadh agad gu bhith a' fastadh do luchd-obrach fhèin. "
        "Bidh sinn a' sgrùdadh gach duilleag gu cunbhalach agus a' sealltainn cuin a chaidh a sgrùdadh mu dheireadh."
    ],
}

GLOSSARY_PAGE = {
    "title": "Faclan a chleachdas sinn",
    "intro": ["Tha tòrr fhaclan sònraichte ann an cùram sòisealta. Seo iad, air am mìneachadh ann an cànan sìmplidh."],
}

GUIDANCE = {
    "what-is-self-directed-support": {
        "title": "Dè th' ann an taic fèin-stiùirichte",
        "summary": (
            "Tha taic fèin-stiùirichte a' ciallachadh gum bi guth agad ann an mar a thèid do chùram sòisealta a dhealbhadh, "
            "a chur air dòigh agus a phàigheadh. Tha an duilleag seo ga mhìneachadh ann am faclan sìmplidh."
        ),
        "body": [
            text(
                "Ma tha feum agad air cuideachadh sa bheatha làitheil, is dòcha gum pàigh a' chomhairle airson beagan taic. "
                "Tha [[g:self-directed-support|taic fèin-stiùirichte]] a' ciallachadh gu bheil roghainn agus smachd agad air an taic sin.",
                "Bidh thu fhèin a' co-dhùnadh dè tha cudromach dhut. An uairsin taghaidh tu ciamar a thèid do thaic a chur air dòigh.",
            ),
            h2("Cò ris a dh'fhaodadh e a bhith coltach"),
            text(
                "Tha taic fèin-stiùirichte eadar-dhealaichte airson a h-uile duine. Mar eisimpleir:",
                [
                    "Tha Sam a' fastadh dithis [[g:personal-assistant|luchd-cuideachaidh pearsanta]] a chuidicheas e "
                    "gus deiseil a dhèanamh airson obair.",
                    "Tha Mairead ag iarraidh air buidheann cùraim ionadail tadhal oirre dà thuras san latha.",
                    "Bidh Jas a' cleachdadh pàirt den bhuidseat aice gus a dhol gu clas dannsa còmhla ri caraid.",
                ],
            ),
            h2("Cò a gheibh e"),
            text(
                "Faodaidh duine sam bith a chleachdadh ma tha a' chomhairle ag aontachadh gu bheil feum aca air taic. "
                "Tha seo a' gabhail a-steach seann daoine, daoine ciorramach, daoine le tinneas inntinn agus luchd-cùraim.",
                "An toiseach, gheibh a' chomhairle a-mach dè tha a dhìth ort. Leugh [[p:assessment|mar a tha am measadh ag obair]].",
            ),
            inset(
                "Chan fheum thu airgead a stiùireadh no luchd-obrach fhastadh. Faodaidh tu iarraidh air a' chomhairle "
                "do thaic a chur air dòigh, agus bidh guth agad fhathast."
            ),
            help_contact(
                "Bruidhinn rinn mu thaic fèin-stiùirichte",
                "Is urrainn don sgioba againn na roghainnean agad a mhìneachadh agus do cheistean a fhreagairt.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
    "your-rights-and-options": {
        "title": "Do chòraichean agus na ceithir roghainnean",
        "summary": (
            "Tha còir agad taghadh ciamar a thèid do thaic a chur air dòigh. Tha ceithir prìomh dhòighean ann, "
            "agus faodaidh tu d' inntinn atharrachadh às dèidh làimh."
        ),
        "body": [
            text(
                "Às dèidh do mheasaidh, innsidh a' chomhairle dhut dè an t-airgead a tha ann airson do thaic. "
                "Seo am [[g:personal-budget|buidseat pearsanta]] agad. An uairsin taghaidh tu ciamar a chleachdas tu e."
            ),
            h2("Na ceithir roghainnean"),
            accordion(
                (
                    "Roghainn 1: pàigheadh dìreach",
                    "Pàighidh a' chomhairle an t-airgead dhutsa. Ceannaichidh tu taic thu fhèin no fastaidh tu do "
                    "luchd-obrach fhèin. 'S e [[g:direct-payment|pàigheadh dìreach]] a chanar ris. Bheir e an smachd "
                    "as motha dhut, agus an obair as motha cuideachd.",
                ),
                (
                    "Roghainn 2: maoin seirbheis phearsanta",
                    "Taghaidh tu solaraiche agus pàighidh a' chomhairle iad. Cuiridh an solaraiche do thaic air dòigh "
                    "mar a tha thu ag iarraidh. 'S e [[g:individual-service-fund|maoin seirbheis phearsanta]] a chanar ris.",
                ),
                (
                    "Roghainn 3: cuiridh a' chomhairle air dòigh e",
                    "Taghaidh a' chomhairle seirbheisean agus cuiridh i air dòigh iad dhut. 'S e "
                    "[[g:council-arranged-support|taic air a cur air dòigh leis a' chomhairle]] a chanar ris. "
                    "Bu chòir don chomhairle fhathast faighneachd dhut dè a tha freagarrach dhut.",
                ),
                (
                    "Roghainn 4: measgachadh",
                    "Cleachdaidh tu barrachd air aon roghainn. Mar eisimpleir, fastaidh tu neach-cuideachaidh pearsanta "
                    "airson làithean na seachdain agus cuiridh a' chomhairle seirbheis latha air dòigh.",
                ),
            ),
            inset(
                "Ann an Alba, tha an lagh a' toirt àireamhan do na roghainnean seo: Roghainn 1 gu 4. Ann an Sasainn agus "
                "sa Chuimrigh, mar as trice bidh daoine a' bruidhinn air pàighidhean dìreach, cunntasan stiùirichte agus "
                "taic air a cur air dòigh leis a' chomhairle. Tha na roghainnean gu ìre mhòr an aon rud."
            ),
            h2("Do chòraichean"),
            text(
                "Tha còir agad:",
                [
                    "pàirt a ghabhail anns gach co-dhùnadh mu do thaic",
                    "fiosrachadh soilleir fhaighinn mu gach roghainn",
                    "cuideachadh fhaighinn bho bhall den teaghlach, bho charaid no bho [[g:advocacy|neach-tagraidh]]",
                    "roghainn eile a thaghadh mura h-obraich a' chiad roghainn",
                    "ath-sgrùdadh iarraidh ma dh'atharraicheas na feumalachdan agad",
                ],
            ),
            warning(
                "Cha bu chòir do dhuine sam bith do phutadh gu aon roghainn. Ma tha thu a' faireachdainn fo chuideam, "
                "iarr air a' chomhairle na h-adhbharan aice a mhìneachadh ann an sgrìobhadh."
            ),
            help_contact(
                "Ceistean mu na roghainnean agad",
                "Is urrainn don sgioba againn a dhol tro gach roghainn còmhla riut.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
    "assessment": {
        "title": "Do mheasadh: mar a tha e ag obair agus mar a nì thu deiseil",
        "summary": (
            "'S e còmhradh a th' ann am measadh mu do bheatha agus mun taic a tha a dhìth ort. "
            "Ma nì thu deiseil ro làimh, bidh e nas fhasa do bheachdan a chur an cèill."
        ),
        "body": [
            text(
                "Tro mheasadh, gheibh a' chomhairle a-mach dè an cuideachadh a tha a dhìth ort. 'S e còmhradh a th' ann, "
                "chan e deuchainn. Bruidhnidh neach-obrach sòisealta no neach trèanaichte eile riut, mar as trice aig an taigh."
            ),
            h2("Dè thachras"),
            steps(
                (
                    "Iarr measadh",
                    "Cuir fòn no post-d gu sgioba cùram sòisealta inbheach na comhairle. Faodaidh tu iarraidh air do shon "
                    "fhèin no airson cuideigin a tha thu a' coimhead às a dhèidh.",
                ),
                (
                    "Dèan an còmhradh",
                    "Bruidhnidh tu mu do bheatha làitheil, do shlàinte agus na tha cudromach dhut. "
                    "Faodaidh cuideigin a bhith còmhla riut.",
                ),
                (
                    "Faigh a-mach a bheil thu airidh",
                    "Cleachdaidh a' chomhairle na [[g:eligibility-criteria|slatan-tomhais airidheachd]] aice gus "
                    "co-dhùnadh am pàigh i airson taic.",
                ),
                (
                    "Aontaich na builean agad",
                    "Còmhla, sgrìobhaidh sibh sìos na [[g:outcomes|builean]] agad. Seo na rudan a tha thu airson a choileanadh.",
                ),
                (
                    "Faigh lethbhreac sgrìobhte",
                    "Bu chòir don chomhairle lethbhreac den mheasadh a thoirt dhut. Dèan cinnteach gu bheil e ceart. "
                    "Iarr atharraichean mur eil.",
                ),
            ),
            h2("Mar a nì thu deiseil"),
            text(
                "Tha e feumail smaoineachadh air na ceistean seo ron latha:",
                [
                    "Cò ris a tha latha math coltach dhut?",
                    "Dè tha doirbh dhut an-dràsta?",
                    "Dè an cuideachadh a gheibh thu bho theaghlach no bho charaidean?",
                    "A bheil dad a' cur dragh ort?",
                    "A bheil feum agad air eadar-theangair, Cànan Soidhnidh Bhreatainn (BSL) no fiosrachadh furasta a leughadh?",
                ],
            ),
            inset(
                "Comhairle: cùm leabhar-latha airson seachdain ron mheasadh. Sgrìobh sìos dè an cuideachadh a bha a dhìth ort, agus cuin."
            ),
            help_contact(
                "Iarr measadh",
                "Cuir fios gu ar sgioba cùram sòisealta inbheach. Is urrainn dhuinn eadar-theangair no eadar-theangair BSL a chur air dòigh.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
    "support-organisations": {
        "title": "Buidhnean a chuidicheas tu",
        "summary": (
            "Chan fheum thu seo a dhèanamh leat fhèin. Is urrainn do bhuidhnean neo-eisimeileach do chuideachadh "
            "le dealbhadh, le bhith a' bruidhinn air do shon fhèin, le luchd-obrach fhastadh agus le airgead a stiùireadh."
        ),
        "body": [
            text(
                "Bidh mòran dhaoine a' faighinn cuideachadh gus taic fèin-stiùirichte a chleachdadh. Gu tric tha an "
                "cuideachadh an-asgaidh, no faodaidh am buidseat agad pàigheadh air a shon."
            ),
            h2("Seòrsaichean cuideachaidh"),
            accordion(
                (
                    "Taic agus fiosrachadh neo-eisimeileach",
                    "Is urrainn do bhuidhnean ionadail na roghainnean agad a mhìneachadh agus do chuideachadh tro gach ceum. "
                    "Tha iad air leth bhon chomhairle.",
                ),
                (
                    "Tagradh",
                    "Cuidichidh neach-tagraidh thu gus na tha thu ag iarraidh a ràdh, agus nì iad cinnteach gun èist daoine riut. "
                    "Tha [[g:advocacy|tagradh]] an-asgaidh ann an iomadh àite.",
                ),
                (
                    "Brocaireachd agus dealbhadh taic",
                    "Cuidichidh brocair thu gus do thaic a dhealbhadh agus a chur air dòigh. "
                    "Faodaidh am buidseat agad pàigheadh airson [[g:brokerage|brocaireachd]].",
                ),
                (
                    "Seirbheisean pàighidh",
                    "Obraichidh seirbheis pàighidh a-mach tuarastal, cìs agus peinnsean do luchd-obrach. "
                    "Cuiridh i duilleagan-pàighidh thugad airson an toirt dhaibh.",
                ),
                (
                    "Taic bho dhaoine eile",
                    "Tha seo a' ciallachadh bruidhinn ri daoine eile a bhios a' cleachdadh taic fèin-stiùirichte. "
                    "Innsidh iad dè a dh'obraich dhaibhsan.",
                ),
                (
                    "Buidhnean air an stiùireadh le luchd-cleachdaidh",
                    "Tha na buidhnean seo air an ruith le daoine ciorramach agus daoine a bhios a' cleachdadh sheirbheisean. "
                    "Tha iad eòlach air an t-siostam bhon taobh a-staigh.",
                ),
            ),
            h2("Cuideachadh faisg ort"),
            text(
                "Faodaidh tu buidhnean faisg ort a lorg sa phàirt “Lorg taic” den làrach-lìn seo. "
                "Faodaidh tu cuideachd liosta iarraidh air an sgioba againn."
            ),
            help_contact(
                "Faigh cobhair bhon sgioba againn",
                "Innis dhuinn dè tha a dhìth ort agus cuiridh sinn thu ann an conaltradh ris a' bhuidheann cheart.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
}
