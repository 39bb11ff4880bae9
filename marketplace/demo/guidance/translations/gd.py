"""Scottish Gaelic (gd)."""

from ..builders import DEMO_OUT_OF_HOURS_PHONE, accordion, h2, h3, help_contact, inset, steps, text, warning

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

COUNCIL_PAGES = {
    "accessibility-statement": {
        "title": "Aithris so-ruigsinneachd",
        "summary": (
            "Cho so-ruigsinneach 's a tha an làrach-lìn seo, dè tha sinn fhathast a' càradh, agus ciamar a dh'innseas "
            "tu dhuinn mu dhuilgheadas no a dh'iarras tu fiosrachadh ann an cruth eile."
        ),
        "body": [
            text(
                "'S e Demo Council a tha a' ruith an làrach-lìn seo. Tha sinn airson 's gum b' urrainn do na h-uimhir "
                "de dhaoine 's a ghabhas a chleachdadh. Mar eisimpleir, bu chòir dhut a bhith comasach air:",
                [
                    "dathan, iomsgaradh agus cruthan-clò atharrachadh le roghainnean a' bhrabhsair no an uidheim agad",
                    "sùm a-steach suas ri 400% gun an teacsa a' dol far na sgrìn",
                    "an làrach-lìn air fad a chleachdadh le meur-chlàr a-mhàin no le bathar-bog aithneachadh cainnt",
                    "èisteachd ris an làrach-lìn le leughadair-sgrìn, leithid NVDA, JAWS no VoiceOver",
                    "stiùireadh a leughadh ann an grunn chànanan, agus cuid dheth ann an cruth a tha furasta a leughadh",
                ],
                "Tha sinn cuideachd air an teacsa a dhèanamh cho sìmplidh 's a b' urrainn dhuinn. "
                "[[https://mcmw.abilitynet.org.uk/|Tha AbilityNet a' mìneachadh mar a nì thu an t-uidheam agad nas "
                "fhasa a chleachdadh]] (ann am Beurla).",
            ),
            h2("Cho so-ruigsinneach 's a tha an làrach-lìn seo"),
            text(
                "Tha a' mhòr-chuid den làrach-lìn ag obair gu math le teicneòlas taice. Tha fios againn nach eil cuid "
                "de phàirtean buileach so-ruigsinneach:",
                [
                    "tha am mapa ri taobh toraidhean an luirg doirbh a chleachdadh le leughadair-sgrìn",
                    "tha fo-thiotalan agus tar-sgrìobhadh aig cuid de bhidiothan ach chan eil tuairisgeul claisneachd "
                    "aca",
                    "tha cuid de sheann sgrìobhainnean a ghabhas luchdachadh a-nuas doirbh a leughadh le "
                    "leughadair-sgrìn",
                ],
            ),
            h2("Dè nì thu mur urrainn dhut pàirt den làrach-lìn seo a chleachdadh"),
            text(
                "Ma tha feum agad air fiosrachadh bhon làrach-lìn seo ann an cruth eile, leithid clò mòr, cruth a tha "
                "furasta a leughadh, clàr-fuaim, Braille no Cànan Soidhnidh Breatannach, cuir fios thugainn. Innis "
                "dhuinn seòladh-lìn na duilleige agus an cruth a tha a dhìth ort."
            ),
            help_contact(
                "Iarr cruth eile",
                "Freagraidh sinn taobh a-staigh 5 làithean-obrach.",
                hours=OFFICE_HOURS,
            ),
            h2("Innis dhuinn mu dhuilgheadasan so-ruigsinneachd"),
            text(
                "Tha sinn an-còmhnaidh a' feuchainn ris an làrach-lìn seo a dhèanamh nas so-ruigsinniche. Ma lorgas tu "
                "duilgheadas nach eil air an liosta air an duilleag seo, no ma tha thu a' smaoineachadh nach eil sinn "
                "a' coileanadh nan riatanasan so-ruigsinneachd, "
                "[[p:contact-us|cuir fios gu sgioba na taic fèin-stiùirichte]]. Innis dhuinn dè an duilleag a bh' ann "
                "agus dè chaidh ceàrr."
            ),
            h2("Cur an gnìomh nan riaghailtean"),
            text(
                "Tha Coimisean na Co-ionannachd agus Chòraichean Daonna (Equality and Human Rights Commission, EHRC) "
                "an urra ri bhith a' cur an gnìomh Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018 (na riaghailtean so-ruigsinneachd).",
                "Mur eil thu toilichte leis mar a fhreagras sinn do ghearan, "
                "[[https://www.equalityadvisoryservice.com/|cuir fios gu Equality Advisory and Support Service "
                "(EASS)]].",
            ),
            h2("Fiosrachadh teicnigeach mu so-ruigsinneachd na làraich-lìn seo"),
            text(
                "Tha Demo Council dealasach a thaobh an làrach-lìn seo a dhèanamh so-ruigsinneach, a rèir nan "
                "riaghailtean so-ruigsinneachd."
            ),
            h3("Inbhe gèillidh"),
            text(
                "Tha an làrach-lìn seo a' gèilleadh gu ìre do ìre AA de "
                "[[https://www.w3.org/TR/WCAG22/|Stiùiridhean So-ruigsinneachd Susbaint Lìn (WCAG) tionndadh 2.2]], "
                "air sgàth nan duilgheadasan air an liosta gu h-ìosal."
            ),
            h2("Susbaint nach eil so-ruigsinneach"),
            accordion(
                (
                    "Duilgheadasan nach eil a' coileanadh nan riaghailtean so-ruigsinneachd",
                    "Chan eil mapa nan toraidhean air an duilleag lorg taic ag innse do luchd-cleachdaidh "
                    "leughadair-sgrìn a h-uile rud a tha e a' sealltainn. Tha seo a' fàilligeadh slat-tomhais "
                    "soirbheachais WCAG 2.2 1.1.1 (susbaint nach eil na teacsa). Tha liosta nan toraidhean ri taobh "
                    "a' mhapa a' toirt seachad nan aon toraidhean agus astaran ann am faclan. Tha sinn an dùil am mapa "
                    "a chàradh ron Ògmhios 2027.",
                    "Chan eil tuairisgeul claisneachd aig cuid de bhidiothan. Tha seo a' fàilligeadh slat-tomhais "
                    "soirbheachais WCAG 2.2 1.2.5 (tuairisgeul claisneachd, ro-chlàraichte). Tha fo-thiotalan agus "
                    "tar-sgrìobhadh aig a h-uile bhidio. Cuiridh sinn tuairisgeul claisneachd ri bhidiothan ùra bhon "
                    "Ghiblean 2027.",
                ),
                (
                    "Eallach neo-chothromach",
                    "Chan eil sinn ag ràdh gum biodh e na eallach neo-chothromach gin de na duilgheadasan seo a chàradh.",
                ),
                (
                    "Susbaint taobh a-muigh raon nan riaghailtean",
                    "Chan eil cuid de sgrìobhainnean PDF agus Word a chaidh fhoillseachadh ro 23 Sultain 2018 buileach "
                    "so-ruigsinneach. Chan eil na riaghailtean ag iarraidh oirnn an càradh mura h-eil iad riatanach "
                    "airson ar seirbheisean a chleachdadh.",
                    "Tha mapaichean air loidhne saor bho na riaghailtean. Ach bidh sinn fhathast a' toirt seachad an "
                    "fhiosrachaidh a tha am mapa a' sealltainn ann am faclan.",
                ),
            ),
            h2("Dè tha sinn a' dèanamh gus so-ruigsinneachd a leasachadh"),
            text(
                "Bidh sinn a' sgrùdadh gach atharrachadh air an làrach-lìn seo le deuchainnean so-ruigsinneachd "
                "fèin-obrachail mus foillsich sinn e. Bidh daoine ciorramach a chleachdas ar seirbheisean a' feuchainn "
                "feartan ùra còmhla rinn, air an uidheaman fhèin agus leis an teicneòlas taice aca fhèin."
            ),
            h2("Ullachadh na h-aithris seo"),
            text(
                "Dh'ullaich sinn an aithris seo air 14 Faoilleach 2026. Chì thu aig deireadh na duilleige seo cuin a "
                "rinn sinn ath-sgrùdadh oirre mu dheireadh.",
                "Rinn sinn deuchainn air an làrach-lìn seo mu dheireadh san t-Samhain 2026. Rinn an sgioba didseatach "
                "againn deuchainn air sampall de gach seòrsa duilleige an aghaidh ìre WCAG 2.2 AA, le sgrùdaidhean "
                "fèin-obrachail, le meur-chlàr a-mhàin, le leughadairean-sgrìn agus le meudachadh sgrìn.",
            ),
        ],
    },
    "privacy-notice": {
        "title": "Brath prìobhaideachd",
        "summary": (
            "Dè am fiosrachadh pearsanta a tha an làrach-lìn seo a' cruinneachadh, carson a tha cead aig Demo Council "
            "a chleachdadh, dè cho fada 's a chumas sinn e agus dè na còraichean a th' agad."
        ),
        "body": [
            h2("Cò sinn"),
            text(
                "'S e Demo Council a tha a' ruith Self-directed Support Hub. 'S sinne an riaghladair dàta airson an "
                "fhiosrachaidh phearsanta a tha an làrach-lìn a' cruinneachadh. Tha seo a' ciallachadh gu bheil sinne "
                "a' co-dhùnadh mar a thèid a chleachdadh agus gum feum sinn a chumail sàbhailte.",
                "Bidh an t-Oifigear Dìon Dàta againn a' dèanamh cinnteach gu bheil sinn a' leantainn lagh dìon dàta. "
                "Gheibh thu grèim orra tro [[p:contact-us|ar fiosrachadh conaltraidh]]. Sgrìobh “Data Protection "
                "Officer” aig mullach do theachdaireachd.",
            ),
            h2("Dè am fiosrachadh a chruinnicheas sinn"),
            text(
                "Cha chruinnich sinn ach na tha a dhìth oirnn airson an làrach-lìn a ruith:",
                [
                    "**Ma chruthaicheas tu cunntas:** do sheòladh post-d, d' ainm, an cànan as fheàrr leat agus "
                    "lethbhreac dìomhair den fhacal-fhaire agad nach urrainn do dhuine sam bith a leughadh.",
                    "**Ma dh'fhoillsicheas tu sanas no pròifil neach-cuideachaidh pearsanta:** na dh'innseas tu dhuinn "
                    "mu do sheirbheisean, prìsean, cuin a tha thu ri fhaighinn, cànanan agus an sgìre a tha thu a' "
                    "frithealadh, agus fianais air sgrùdaidhean leithid teisteanas PVG no DBS agus àrachas. Chan fhaic "
                    "ach luchd-obrach na comhairle a bhios a' sgrùdadh fianais i.",
                    "**Ma sgrìobhas tu lèirmheas:** do lèirmheas, na rangachaidhean agad agus am mìos anns an do "
                    "thòisich an taic agad.",
                    "**Ma chlàraicheas tu airson brathan post-d no ma shàbhalas tu lorg:** do sheòladh post-d agus na "
                    "tha thu airson cluinntinn mu dheidhinn.",
                    "**Nuair a lorgas tu:** an uair agus a' chiad leth den chòd-puist a lorg thu, agus chan eil dad eile "
                    "mud dheidhinn. Tha seo a' sealltainn dhuinn càite a bheil e doirbh taic a lorg.",
                    "**Nuair a thadhlas tu:** do sheòladh IP agus fiosrachadh mun bhrabhsair agad, ann an logaichean an "
                    "fhrithealaiche, gus an làrach-lìn a chumail tèarainte.",
                ],
                "Faodaidh cuid den fhiosrachadh seo rudeigin innse mu do shlàinte, leithid an seòrsa taic a chleachdas "
                "tu. Tha an lagh ga ainmeachadh mar fhiosrachadh de roinn shònraichte agus ga dhìon nas motha.",
            ),
            h2("Carson a chleachdas sinn e agus ar bunait laghail"),
            text(
                "Cleachdaidh sinn d' fhiosrachadh gus an làrach-lìn seo a ruith agus gus daoine san sgìre againn a "
                "chuideachadh taic a lorg agus a chur air dòigh. Tha an lagh ag ràdh gum feum bunait laghail a bhith "
                "againn airson gach cleachdadh:",
                [
                    "**Obair phoblach:** tha a' mhòr-chuid de na nì sinn an seo mar phàirt den dleastanas againn cùram "
                    "sòisealta a chur air dòigh agus roghainn is smachd a thoirt do dhaoine air an taic aca.",
                    "**Cead:** cha chuir sinn brathan post-d no puist-d mu lorgan sàbhailte ach ma dh'iarr thu iad agus "
                    "ma dhearbh thu do sheòladh post-d. Tha ceangal anns gach post-d gus stad a chur orra.",
                    "**Cùmhnant:** nuair a phàigheas tu no a gheibh thu pàigheadh airson taic a chaidh a ghlèidheadh, "
                    "cleachdaidh sinn am fiosrachadh agad gus am pàigheadh a dhèanamh agus a chlàradh.",
                    "**Dleastanas laghail:** feumaidh sinn clàran ionmhais agus cuid de chlàran dìon a chumail oir tha "
                    "an lagh ag iarraidh sin.",
                ],
                "Airson fiosrachadh mu shlàinte, tha sinn an urra ris na cumhachan ann an Data Protection Act 2018 "
                "airson cùram slàinte is sòisealta agus airson adhbharan cudromach den leas phoblach.",
            ),
            h2("Cò leis a roinneas sinn e"),
            text(
                "Cha reic sinn d' fhiosrachadh gu bràth. Cha roinn sinn e ach nuair a tha feum air:",
                [
                    "le sgiobaidhean obair shòisealta agus ionmhais na comhairle, nuair a dh'iarras tu oirnn no nuair a "
                    "tha feum aca air gus do thaic a chur air dòigh no a phàigheadh",
                    "leis an t-solaraiche phàighidhean againn, Stripe, nuair a nì no a gheibh thu pàigheadh",
                    "le OpenStreetMap, a chuireas dealbhan a' mhapa air an duilleag lorg taic: bheir am brabhsair agad "
                    "do sheòladh IP dhaibh nuair a dh'fhosglas tu am mapa",
                    "leis a' phoileas no ùghdarrasan eile, nuair a tha an lagh ag iarraidh sin no nuair a tha cuideigin "
                    "ann an cunnart cron",
                ],
            ),
            h2("Dè cho fada 's a chumas sinn e"),
            text(
                [
                    "Do chunntas: gus an sguab thu às e. Faodaidh tu fhèin a sguabadh às uair sam bith bho dhuilleag "
                    "a' chunntais agad.",
                    "Sanasan agus lèirmheasan: fhad 's a tha iad foillsichte, agus tionndaidhean nas tràithe airson "
                    "6 bliadhna gus an urrainn dhuinn gearanan a fhreagairt.",
                    "Brathan post-d agus lorgan sàbhailte: gus an cuir thu stad orra.",
                    "Clàran pàighidh: 6 bliadhna às dèidh deireadh na bliadhna ionmhais, mar a tha an lagh ag iarraidh.",
                    "Logaichean an fhrithealaiche: 90 latha.",
                ]
            ),
            h2("Do chòraichean"),
            text(
                "Tha còir agad:",
                [
                    "lethbhreac fhaighinn den fhiosrachadh a th' againn mud dheidhinn (gheibh thu mòran dheth bho "
                    "dhuilleag a' chunntais agad)",
                    "fiosrachadh ceàrr a chur ceart",
                    "iarraidh oirnn d' fhiosrachadh a sguabadh às, no stad no cuingealachadh a chur air mar a chleachdas "
                    "sinn e",
                    "cur an aghaidh mar a chleachdas sinn d' fhiosrachadh airson ar n-obair phoblach",
                    "am fiosrachadh a thug thu dhuinn fhaighinn ann an cruth a ghabhas buidheann eile a chleachdadh",
                ],
                "Tha cuid de chòraichean an urra ris a' bhunait laghail a chleachdas sinn. Faodaidh na sgrùdaidhean "
                "fèin-obrachail againn lèirmheas a chur gu neach airson sùil a thoirt air, ach cha dèan iad co-dhùnadh "
                "mud dheidhinn leotha fhèin gu bràth.",
                "Gus gin de na còraichean seo a chleachdadh, [[p:contact-us|cuir fios thugainn]]. Freagraidh sinn "
                "taobh a-staigh mìos.",
            ),
            h2("Mar a nì thu gearan"),
            text(
                "Mur eil thu toilichte leis mar a chleachd sinn d' fhiosrachadh, innis don Oifigear Dìon Dàta againn "
                "an toiseach.",
                "Faodaidh tu cuideachd gearan a dhèanamh gu Oifis Coimiseanair an Fhiosrachaidh (Information "
                "Commissioner’s Office, ICO), an riaghladair neo-eisimeileach airson dìon dàta san RA. "
                "[[https://ico.org.uk/make-a-complaint/|Dèan gearan don ICO]] no cuir fòn gu an loidhne-chobhair aca "
                "air 0303 123 1113.",
            ),
        ],
    },
    "cookies": {
        "title": "Briosgaidean",
        "summary": (
            "Cha chleachd an làrach-lìn seo ach na briosgaidean a tha a dhìth air gus obrachadh. Cha chleachd sinn "
            "briosgaidean gus do leantainn no airson sanasachd."
        ),
        "body": [
            text(
                "'S e faidhlichean beaga a th' ann am briosgaidean a shàbhaileas làrach-lìn air d' fhòn, do thablaid "
                "no do choimpiutair. Leigidh iad leis an làrach-lìn rudeigin a chuimhneachadh bho aon duilleag chun "
                "an ath thè.",
                "Cha chleachd sinn ach briosgaidean riatanach. Chan urrainn don làrach-lìn obrachadh mar bu chòir às "
                "an aonais, agus mar sin chan iarr sinn do chead airson an cleachdadh. Cha chleachd sinn briosgaidean "
                "airson luchd-tadhail a chunntadh, airson na nì thu air loidhne a leantainn no airson sanasachd.",
            ),
            h2("Na briosgaidean a chleachdas sinn"),
            text(
                [
                    "**sessionid**: cumaidh seo clàraichte a-steach thu fhad 's a ghluaiseas tu bho dhuilleag gu "
                    "duilleag. Falbhaidh an ùine air às dèidh 2 sheachdain ma dh'iarr thu oirnn do chuimhneachadh, no "
                    "nuair a dhùineas tu am brabhsair agad mur do dh'iarr.",
                    "**csrftoken**: dìonaidh seo na foirmean air an làrach-lìn seo, gus nach urrainn do làrach-lìn "
                    "eile foirm a chur nad ainm. Falbhaidh an ùine air às dèidh bliadhna.",
                    "**django_language**: cuimhnichidh seo an cànan a thagh thu, ma thaghas tu fear le roghainn a' "
                    "chànain. Falbhaidh an ùine air nuair a dhùineas tu am brabhsair agad.",
                    "**messages**: cumaidh seo nota ghoirid airson na h-ath dhuilleige, leithid “Chaidh do chànan a "
                    "shàbhaladh”. Thèid a sguabadh às cho luath 's a chì thu an nota.",
                ]
            ),
            h2("Làraichean-lìn eile"),
            text(
                "Nuair a dh'fhosglas tu am mapa air an duilleag lorg taic, luchdaichidh am brabhsair agad dealbhan a' "
                "mhapa a-nuas bho OpenStreetMap. Tha am [[p:privacy-notice|brath prìobhaideachd]] againn a' mìneachadh "
                "dè a thèid a roinn mar sin. Tha am poileasaidh bhriosgaidean fhèin aig na làraichean-lìn ris an "
                "ceangail sinn."
            ),
            h2("Bacadh air briosgaidean"),
            text(
                "Faodaidh tu briosgaidean a bhacadh no a sguabadh às ann an roghainnean a' bhrabhsair agad. Ma bhacas "
                "tu na briosgaidean gu h-àrd, chan urrainn dhut clàradh a-steach no foirmean a chur air an làrach-lìn "
                "seo, ach faodaidh tu fhathast an stiùireadh a leughadh agus taic a lorg."
            ),
        ],
    },
    "contact-us": {
        "title": "Cuir fios thugainn",
        "summary": (
            "Mar a gheibh thu grèim air sgioba na taic fèin-stiùirichte aig Demo Council air fòn, fòn-teacsa no "
            "post-d, agus dè nì thu ann an èiginn."
        ),
        "body": [
            warning("Ma tha cuideigin ann an cunnart an-dràsta, cuir fòn gu 999."),
            text(
                "Is urrainn do sgioba na taic fèin-stiùirichte againn do chuideachadh leis an làrach-lìn seo, leis an "
                "taic agad agus leis a' bhuidseat phearsanta agad. Is urrainn dhuinn fiosrachadh a chur thugad ann an "
                "cruth no cànan eile cuideachd."
            ),
            help_contact(
                "Sgioba na taic fèin-stiùirichte",
                "Cuir fòn thugainn, cleachd fòn-teacsa no Relay UK, no cuir post-d thugainn. Freagraidh sinn puist-d "
                "taobh a-staigh 5 làithean-obrach.",
                hours=OFFICE_HOURS,
            ),
            h2("Ma tha thu bodhar no ma tha duilgheadas agad le claisneachd no cainnt"),
            text(
                "Faodaidh tu fònadh thugainn tro Relay UK leis an àireamh fòn-teacsa gu h-àrd. Ma bu toil leat "
                "eadar-theangair Cànan Soidhnidh Breatannach aig coinneamh, innis dhuinn agus glèidhidh sinn fear gun "
                "chosgais dhut."
            ),
            h2("Taobh a-muigh uairean na h-oifis"),
            text(
                "Ma tha feum agad air cuideachadh èiginneach le cùram nuair a tha an oifis againn dùinte, cuir fòn gu "
                f"seirbheis obair shòisealta taobh a-muigh uairean oifis air {DEMO_OUT_OF_HOURS_PHONE}. Ma tha "
                "cuideigin ann an cunnart, cuir fòn gu 999."
            ),
            h2("Gearanan, so-ruigsinneachd agus d' fhiosrachadh"),
            text(
                "Mur eil thu toilichte le co-dhùnadh mu do chùram no leis an t-seirbheis againn, leugh "
                "[[p:complaints-and-appeals|mar a nì thu gearan no ath-thagradh]].",
                "Gus innse dhuinn mu dhuilgheadas ann a bhith a' cleachdadh an làrach-lìn seo, leugh an "
                "[[p:accessibility-statement|aithris so-ruigsinneachd]] againn. Airson ceistean mu d' fhiosrachadh "
                "pearsanta, leugh am [[p:privacy-notice|brath prìobhaideachd]] againn.",
            ),
        ],
    },
}
