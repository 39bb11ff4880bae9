"""Topics, audiences and glossary terms in English. Translations live in translations/<language>.py."""

# slug: (name, description)
TOPICS = {
    "options-and-rights": ("Options and rights", "Your right to choose how your support is arranged."),
    "assessment": ("Assessment", "How the council finds out what support you need."),
    "personal-budgets": ("Personal budgets", "The money for your support and how it is worked out."),
    "employing-a-pa": ("Employing a PA", "Finding, hiring and managing a personal assistant."),
    "money": ("Managing the money", "Bank accounts, records and what the money can pay for."),
    "support-organisations": ("Support organisations", "People and groups who can help you use self-directed support."),
    "complaints": ("Complaints and appeals", "What to do when you are unhappy with a decision or a service."),
    "emergencies": ("Emergencies and back-up", "Planning for when things go wrong."),
    "carers": ("Carers", "Help for people who care for a family member or friend."),
    "transitions": ("Moving to adult services", "Support for young people turning 18."),
}

AUDIENCES = {
    "older-people": ("Older people", "People in later life who need some support."),
    "learning-disabilities": ("People with learning disabilities", "Adults with a learning disability."),
    "carers": ("Carers", "Family members and friends who give unpaid care."),
    "minority-ethnic-communities": ("Minority-ethnic communities", "People from minority-ethnic communities."),
    "mental-health": ("People with mental health conditions", "People who live with a mental health condition."),
    "young-people": ("Young people moving to adult services", "Young people aged 14 to 25 and their families."),
    "disabled-adults": ("Disabled adults", "Adults with a physical or sensory impairment or a long-term condition."),
    "deaf-bsl": ("Deaf and BSL users", "Deaf people, including people who use British Sign Language."),
}

# slug: (term, definition)
GLOSSARY = {
    "direct-payment": (
        "Direct payment",
        "Money the council pays to you, so you can buy your own support or employ your own staff. "
        "In Scotland this is called Option 1.",
    ),
    "individual-service-fund": (
        "Individual service fund",
        "Your budget is held by a support provider you choose. They arrange your support the way you agree with them. "
        "In Scotland this is called Option 2.",
    ),
    "personal-budget": (
        "Personal budget",
        "The amount of money the council says it will spend on your support. You can decide how it is used.",
    ),
    "resource-allocation-system": (
        "Resource allocation system (RAS)",
        "A set of rules some councils use to work out a first idea of how much money you need for your support.",
    ),
    "pvg-scheme": (
        "PVG scheme",
        "The Protecting Vulnerable Groups scheme in Scotland. It checks whether someone is barred from working with "
        "adults or children who may need protection.",
    ),
    "dbs-check": (
        "DBS check",
        "A criminal record check in England and Wales, done by the Disclosure and Barring Service.",
    ),
    "independent-living-fund": (
        "Independent Living Fund (ILF)",
        "Money that helps some disabled people live at home. It closed in England in 2015. ILF Scotland still runs a fund.",
    ),
    "personal-assistant": (
        "Personal assistant (PA)",
        "Someone you employ to support you in the way you want, at times that suit you.",
    ),
    "support-plan": (
        "Support plan",
        "A plan that says what matters to you, what support you will get, and how your budget will pay for it.",
    ),
    "outcomes": (
        "Outcomes",
        "The things you want to change or keep in your life, such as seeing friends or staying safe at home.",
    ),
    "advocacy": (
        "Advocacy",
        "Help from an independent person to say what you want and make sure your rights are respected.",
    ),
    "brokerage": (
        "Brokerage",
        "Help to plan your support and set it up, for example finding services and sorting out contracts.",
    ),
    "eligibility-criteria": (
        "Eligibility criteria",
        "The rules a council uses to decide whether you can get support paid for by the council.",
    ),
    "council-arranged-support": (
        "Council-arranged support",
        "The council chooses and arranges your services for you. In Scotland this is called Option 3.",
    ),
    "self-directed-support": (
        "Self-directed support",
        "A way of getting social care where you choose how your support is planned, arranged and paid for.",
    ),
    "carers-assessment": (
        "Carer's assessment",
        "A talk with the council about the care you give and the help you need as a carer. In Scotland it leads to an "
        "adult carer support plan.",
    ),
    "personal-health-budget": (
        "NHS personal health budget",
        "Money from the NHS to pay for health care and support that you plan with your NHS team. Mostly used in England.",
    ),
}
