"""The demo site's English pages, written as data (see builders.py for the block helpers and link markup).

Writing style: short sentences, active voice, "you", UK spelling, and a glossary link the first time a page
uses a social-care word.
"""

from dataclasses import dataclass, field

from .builders import accordion, easy_read, h2, h3, help_contact, inset, steps, text, warning

OFFICE_HOURS = "Monday to Friday, 9am to 5pm"


@dataclass
class GuidanceSpec:
    slug: str
    title: str
    summary: str
    body: list
    topics: list = field(default_factory=list)
    audiences: list = field(default_factory=list)
    # Review dates are relative to the day the demo is loaded, so the "overdue" panel always has something in it.
    reviewed_days_ago: int = 30
    review_due_in_days: int = 335


HOME = {
    "title": "Your support, your choice",
    "intro": [
        "Find support near you and read clear guidance about self-directed support. "
        "Self-directed support lets you choose how the money for your care is used."
    ],
    "signposts": [
        {
            "title": "Find support",
            "summary": "Search for personal assistants, care providers and support organisations near you.",
            "url": "/find-support/",
        },
        {
            "title": "What self-directed support is",
            "summary": "The idea in plain words, with examples.",
            "page": "what-is-self-directed-support",
        },
        {
            "title": "Your four options",
            "summary": "The ways you can choose to arrange your support.",
            "page": "your-rights-and-options",
        },
        {
            "title": "Get help",
            "summary": "Organisations that can help you plan, speak up and manage your support.",
            "page": "support-organisations",
        },
    ],
}

GUIDANCE_INDEX = {
    "slug": "guidance",
    "title": "Guidance",
    "intro": [
        "Clear guidance about self-directed support, from your first assessment to employing your own staff. "
        "We check every page regularly and show when it was last reviewed."
    ],
}

GLOSSARY_PAGE = {
    "slug": "glossary",
    "title": "Words we use",
    "intro": ["Social care uses a lot of special words. Here they are, explained in plain language."],
}


GUIDANCE = [
    GuidanceSpec(
        slug="what-is-self-directed-support",
        title="What self-directed support is",
        summary=(
            "Self-directed support means you have a say in how your social care is planned, arranged and paid for. "
            "This page explains the idea in plain words."
        ),
        topics=["options-and-rights"],
        audiences=["older-people", "disabled-adults", "learning-disabilities", "carers", "minority-ethnic-communities"],
        reviewed_days_ago=21,
        review_due_in_days=344,
        body=[
            text(
                "If you need help in daily life, the council may pay for some support. "
                "[[g:self-directed-support|Self-directed support]] means you have choice and control over that support.",
                "You decide what matters to you. Then you choose how your support is arranged.",
            ),
            h2("What it can look like"),
            text(
                "Self-directed support is different for everyone. For example:",
                [
                    "Sam employs two [[g:personal-assistant|personal assistants]] who help him get ready for work.",
                    "Margaret asks a local care agency to visit her twice a day.",
                    "Jas uses part of her budget to go to a dance class with a friend.",
                ],
            ),
            h2("Who can get it"),
            text(
                "Anyone the council agrees needs support can use self-directed support. This includes older people, "
                "disabled people, people with mental health conditions and carers.",
                "First, the council finds out what you need. Read about [[p:assessment|how the assessment works]].",
            ),
            inset(
                "You do not have to manage money or employ staff. You can ask the council to arrange your support "
                "and still have a say in it."
            ),
            help_contact(
                "Talk to us about self-directed support",
                "Our team can explain your choices and answer your questions.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="your-rights-and-options",
        title="Your rights and the four options",
        summary=(
            "You have the right to choose how your support is arranged. There are four main ways to do it, "
            "and you can change your mind later."
        ),
        topics=["options-and-rights", "personal-budgets"],
        audiences=["older-people", "disabled-adults", "learning-disabilities", "mental-health"],
        reviewed_days_ago=45,
        review_due_in_days=320,
        body=[
            text(
                "After your assessment, the council tells you how much money there is for your support. "
                "This is your [[g:personal-budget|personal budget]]. You then choose how to use it."
            ),
            h2("The four options"),
            accordion(
                (
                    "Option 1: a direct payment",
                    "The council pays the money to you. You buy support yourself or employ your own staff. "
                    "This is called a [[g:direct-payment|direct payment]]. It gives you the most control, "
                    "and the most to organise.",
                ),
                (
                    "Option 2: an individual service fund",
                    "You choose a provider and the council pays them. The provider arranges your support "
                    "the way you want. This is called an [[g:individual-service-fund|individual service fund]].",
                ),
                (
                    "Option 3: the council arranges it",
                    "The council chooses and arranges services for you. This is called "
                    "[[g:council-arranged-support|council-arranged support]]. The council should still ask you what works for you.",
                ),
                (
                    "Option 4: a mix",
                    "You use more than one option. For example, you employ a personal assistant on weekdays "
                    "and the council arranges a day service.",
                ),
            ),
            inset(
                "In Scotland the law numbers these choices as Options 1 to 4. In England and Wales people usually "
                "talk about direct payments, managed accounts and council-arranged support. The choices are much the same."
            ),
            h2("Your rights"),
            text(
                "You have the right to:",
                [
                    "take part in every decision about your support",
                    "get clear information about each option",
                    "have help from a family member, a friend or an [[g:advocacy|advocate]]",
                    "change to another option if your first choice does not work",
                    "ask for a review if your needs change",
                ],
            ),
            warning(
                "No one should push you into one option. If you feel pushed, ask the council to explain its reasons in writing."
            ),
            help_contact(
                "Questions about your options",
                "Our team can talk you through each option.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="assessment",
        title="Your assessment: how it works and how to prepare",
        summary=(
            "An assessment is a conversation about your life and the support you need. "
            "Preparing for it helps you get your views across."
        ),
        topics=["assessment"],
        audiences=["older-people", "disabled-adults", "learning-disabilities", "mental-health", "deaf-bsl"],
        reviewed_days_ago=60,
        review_due_in_days=305,
        body=[
            text(
                "An assessment is how the council finds out what help you need. It is a conversation, not a test. "
                "A social worker or another trained person talks with you, usually at home."
            ),
            h2("What happens"),
            steps(
                (
                    "Ask for an assessment",
                    "Phone or email the council's adult social care team. You can ask for yourself "
                    "or for someone you care for.",
                ),
                (
                    "Have the conversation",
                    "You talk about your daily life, your health and what matters to you. "
                    "You can have someone with you.",
                ),
                (
                    "Find out if you are eligible",
                    "The council uses its [[g:eligibility-criteria|eligibility criteria]] to decide if it will pay for support.",
                ),
                (
                    "Agree your outcomes",
                    "Together you write down your [[g:outcomes|outcomes]]. These are the things you want to achieve.",
                ),
                (
                    "Get a written copy",
                    "The council should give you a copy of your assessment. Check it is right. "
                    "Ask for changes if it is not.",
                ),
            ),
            h2("How to prepare"),
            text(
                "It helps to think about these questions before the day:",
                [
                    "What does a good day look like for you?",
                    "What is hard for you at the moment?",
                    "What help do you get from family or friends?",
                    "Is there anything you are worried about?",
                    "Do you need an interpreter, British Sign Language or easy read?",
                ],
            ),
            inset(
                "Tip: keep a diary for a week before your assessment. Write down what you needed help with, and when."
            ),
            help_contact(
                "Ask for an assessment",
                "Contact our adult social care team. We can arrange an interpreter or a BSL interpreter.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="personal-budgets",
        title="Personal budgets: how the amount is worked out",
        summary=(
            "Your personal budget is the money the council will spend on your support. "
            "Find out how the amount is worked out and what to do if it seems too low."
        ),
        topics=["personal-budgets", "assessment"],
        audiences=["older-people", "disabled-adults", "learning-disabilities", "carers"],
        reviewed_days_ago=120,
        review_due_in_days=245,
        body=[
            text(
                "Your [[g:personal-budget|personal budget]] is the amount of money the council agrees to spend "
                "on your support. You should know the amount before you finish your plan."
            ),
            h2("How the amount is worked out"),
            text(
                "Councils do this in different ways. Many start with a "
                "[[g:resource-allocation-system|resource allocation system]], often called a RAS.",
                "A RAS turns the answers from your assessment into points. The points give a first idea of your budget, "
                "called an indicative budget. It is a starting point, not the final amount.",
            ),
            h3("What can change the amount"),
            text(
                [
                    "how much help you need, and how often",
                    "help you already get from family or friends",
                    "the cost of support where you live, such as travel in rural areas",
                    "any money you are asked to pay towards your care",
                ]
            ),
            h2("Paying towards your support"),
            text(
                "The council may ask about your income and savings. This is called a financial assessment. "
                "It decides if you pay anything towards your support.",
                "Some support is free. For example, in Scotland personal care is free for adults who need it.",
            ),
            warning(
                "If your budget does not seem enough to meet your outcomes, say so before you agree your support plan. "
                "Ask how the amount was worked out."
            ),
            h2("Other money that can help"),
            text(
                "Some people also get money from other places, such as an "
                "[[g:personal-health-budget|NHS personal health budget]] or the "
                "[[g:independent-living-fund|Independent Living Fund]]. Ask your social worker if these could help you."
            ),
        ],
    ),
    GuidanceSpec(
        slug="employing-a-personal-assistant",
        title="Employing a personal assistant",
        summary=(
            "A personal assistant (PA) is someone you employ to support you. "
            "This page explains how to find, choose and start working with a PA."
        ),
        topics=["employing-a-pa"],
        audiences=["disabled-adults", "learning-disabilities", "older-people", "young-people"],
        reviewed_days_ago=90,
        review_due_in_days=275,
        body=[
            text(
                "A [[g:personal-assistant|personal assistant]], or PA, works for you. You decide what they do, "
                "when they work and how they support you. Many people pay their PAs with a "
                "[[g:direct-payment|direct payment]]."
            ),
            h2("Steps to employ a PA"),
            steps(
                (
                    "Write a job description",
                    "Say what help you need, the hours, and what kind of person would suit you. "
                    "Think about language, interests and whether you want a man or a woman.",
                ),
                (
                    "Advertise the job",
                    "Try local newspapers, community groups, social media and PA registers. Word of mouth works well too.",
                ),
                (
                    "Meet the people who apply",
                    "Meet somewhere you feel safe, and have someone with you if you like. "
                    "Ask about their experience and what they enjoy.",
                ),
                (
                    "Check references and background",
                    "Ask for two references. Use the [[g:pvg-scheme|PVG scheme]] in Scotland or a "
                    "[[g:dbs-check|DBS check]] in England and Wales. Check they have the right to work in the UK.",
                ),
                (
                    "Agree the terms and start",
                    "Give your PA a written statement of their terms on or before their first day. Agree a trial period.",
                ),
            ),
            warning(
                "When you employ a PA you become an employer, with legal duties. "
                "Read our guide to being a good employer before you offer anyone a job."
            ),
            h2("Can I employ a family member?"),
            text(
                "Sometimes. The rules are different in each part of the UK and each council. Usually you need the "
                "council to agree before you employ a close relative, especially one who lives with you. "
                "Ask your social worker first.",
                "Read [[p:being-a-good-employer|our guide to being a good employer]].",
            ),
            inset(
                "A PA who speaks your language or shares your culture can make a big difference. "
                "You can say this in your job advert."
            ),
            help_contact(
                "Help with employing a PA",
                "We can put you in touch with a service that supports PA employers.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="being-a-good-employer",
        title="Being a good employer",
        summary=(
            "When you employ a PA you have legal duties. Here is what to sort out: "
            "contracts, pay, holidays, pensions, insurance and checks."
        ),
        topics=["employing-a-pa", "money"],
        audiences=["disabled-adults", "older-people", "carers"],
        reviewed_days_ago=150,
        review_due_in_days=215,
        body=[
            text(
                "Being a good employer helps your PAs stay with you. It also keeps you within the law. "
                "You do not have to do it all yourself: a payroll service or a PA employer support service can help."
            ),
            h2("Your main duties"),
            accordion(
                (
                    "Written statement and contract",
                    "Give your PA a written statement of their main terms on or before their first day. "
                    "It should cover pay, hours, duties, holidays and notice.",
                ),
                (
                    "Pay and payroll",
                    "Pay at least the legal minimum wage for your PA's age. Ask the council what hourly rate your budget "
                    "allows. In Scotland this is usually at least the real Living Wage.",
                    "You must register as an employer with HM Revenue and Customs and run payroll. "
                    "A payroll service can do this for you.",
                ),
                (
                    "Holiday pay",
                    "Most workers have the right to 5.6 weeks of paid holiday a year. Part-time PAs get the same, "
                    "in proportion to their hours. Plan who will cover when they are away. Read "
                    "[[https://www.gov.uk/holiday-entitlement-rights|the GOV.UK guide to holiday entitlement]].",
                ),
                (
                    "Pensions",
                    "If your PA is old enough and earns enough, you must put them into a workplace pension. "
                    "This is called automatic enrolment. Read "
                    "[[https://www.gov.uk/workplace-pensions-employers|the GOV.UK guide to workplace pensions for employers]].",
                ),
                (
                    "Insurance",
                    "Most councils expect you to have employer's liability insurance, and your budget should pay for it. "
                    "Specialist policies for PA employers often include legal advice too.",
                ),
                (
                    "Checks",
                    "Check your PA's identity, right to work and references. Use the [[g:pvg-scheme|PVG scheme]] "
                    "in Scotland or a [[g:dbs-check|DBS check]] in England and Wales.",
                ),
            ),
            warning(
                "Keep copies of contracts, timesheets, payslips and check certificates. "
                "You may need them if there is a dispute or an audit."
            ),
            h2("Looking after your PA"),
            text(
                [
                    "Agree how you will talk about problems early.",
                    "Offer training, such as first aid or moving and handling.",
                    "Give regular feedback, and ask for theirs.",
                    "Get advice before you discipline or dismiss anyone.",
                ]
            ),
            help_contact(
                "Advice for PA employers",
                "Our PA employer support service gives free advice on contracts, pay and disagreements.",
                hours="Monday to Thursday, 10am to 4pm",
            ),
        ],
    ),
    GuidanceSpec(
        slug="managing-the-money",
        title="Managing the money",
        summary=(
            "If you get a direct payment, keep the money separate and keep simple records. "
            "This page explains what the money can and cannot pay for."
        ),
        topics=["money", "personal-budgets"],
        audiences=["disabled-adults", "older-people", "carers"],
        # Due for review in ten days: shows in the editors' "due soon" list.
        reviewed_days_ago=355,
        review_due_in_days=10,
        body=[
            text(
                "With a [[g:direct-payment|direct payment]] you spend the money as your [[g:support-plan|support plan]] "
                "says. Good records make this easy to show."
            ),
            h2("Setting up"),
            steps(
                (
                    "Open a separate bank account",
                    "Use an account only for your direct payment. Some councils offer a pre-paid card or a managed account instead.",
                ),
                (
                    "Decide who will manage it",
                    "You can manage it yourself, or someone can help, such as a family member or a managed account service.",
                ),
                (
                    "Keep a simple record",
                    "Use a notebook, a spreadsheet or an app. Write down every payment in and out, and keep receipts.",
                ),
            ),
            h2("What the money can pay for"),
            text(
                "The money can pay for anything in your support plan that helps you reach your "
                "[[g:outcomes|outcomes]]. For example:",
                [
                    "wages for a personal assistant, and their tax, pension and insurance",
                    "support from an agency or a day service",
                    "short breaks",
                    "help from a payroll or brokerage service",
                    "equipment or activities agreed in your plan",
                ],
            ),
            h3("What it cannot usually pay for"),
            text(
                [
                    "everyday living costs, such as rent, food and bills",
                    "anything against the law",
                    "health care the NHS should provide",
                    "a long stay in a care home",
                ]
            ),
            inset(
                "The council checks from time to time how the money is spent. This is called monitoring. "
                "Usually you send bank statements and receipts every few months. It is not about catching you out: "
                "it makes sure the money is working for you."
            ),
            warning(
                "Tell the council if unspent money is building up. It may ask for some back or change your budget."
            ),
            help_contact(
                "Questions about direct payments",
                "Our direct payments team can help with records, returns and bank accounts.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="support-organisations",
        title="Organisations that can help you",
        summary=(
            "You do not have to do this alone. Independent organisations can help you plan, speak up, "
            "employ staff and manage money."
        ),
        topics=["support-organisations"],
        audiences=[
            "older-people",
            "disabled-adults",
            "learning-disabilities",
            "mental-health",
            "minority-ethnic-communities",
            "carers",
        ],
        reviewed_days_ago=14,
        review_due_in_days=351,
        body=[
            text(
                "Many people get help to use self-directed support. The help is often free, or your budget can pay for it."
            ),
            h2("Types of help"),
            accordion(
                (
                    "Independent support and information",
                    "Local organisations can explain your choices and help you through each step. They are separate from the council.",
                ),
                (
                    "Advocacy",
                    "An advocate helps you say what you want and makes sure people listen. "
                    "[[g:advocacy|Advocacy]] is free in many areas.",
                ),
                (
                    "Brokerage and support planning",
                    "A broker helps you plan your support and set it up. Your budget may pay for [[g:brokerage|brokerage]].",
                ),
                (
                    "Payroll services",
                    "A payroll service works out your staff's pay, tax and pension. It sends you payslips to pass on.",
                ),
                (
                    "Peer support",
                    "Peer support means talking with other people who use self-directed support. They share what worked for them.",
                ),
                (
                    "User-led organisations",
                    "These groups are run by disabled people and people who use services. They know the system from the inside.",
                ),
            ),
            h2("Finding help near you"),
            text(
                "You can search for organisations near you in the Find support part of this website. "
                "You can also ask our team for a list."
            ),
            help_contact(
                "Get help from our team",
                "Tell us what you need and we will put you in touch with the right organisation.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="complaints-and-appeals",
        title="Complaints and appeals",
        summary=(
            "If you are unhappy with a decision or a service, you can complain. This page explains how, "
            "how long it takes, and what to do if you are still unhappy."
        ),
        topics=["complaints", "options-and-rights"],
        audiences=["older-people", "disabled-adults", "carers", "mental-health"],
        reviewed_days_ago=200,
        review_due_in_days=165,
        body=[
            text(
                "You have the right to complain about a council decision, for example about your assessment, "
                "your budget or your support plan. You can also complain about a service you get."
            ),
            inset("Making a complaint should not harm the support you get."),
            h2("How to complain"),
            steps(
                (
                    "Talk to the person involved",
                    "Many problems are sorted out by talking to your social worker or the service. "
                    "Say what went wrong and what you would like to happen.",
                ),
                (
                    "Make a formal complaint",
                    "If that does not work, use the council's complaints procedure. You can complain by phone, "
                    "email, letter or in person. Ask for help if you need it.",
                ),
                (
                    "Get a response",
                    "Simple complaints are often answered within about a week. A full investigation can take "
                    "a month or more. Ask the council for its timescales.",
                ),
                (
                    "Go to the ombudsman",
                    "If you are still unhappy after the council's final response, you can ask the ombudsman to look at it. "
                    "The ombudsman is independent and free.",
                ),
            ),
            h2("Ombudsman services"),
            text(
                "Which ombudsman you use depends on where you live. For example:",
                [
                    "in Scotland, [[https://www.spso.org.uk/|the Scottish Public Services Ombudsman]]",
                    "in England, [[https://www.lgo.org.uk/|the Local Government and Social Care Ombudsman]]",
                ],
                "You usually need to complain to the council first. You normally have 12 months from when "
                "you knew about the problem to go to the ombudsman.",
            ),
            warning(
                "Keep copies of letters and emails, and write down the dates of phone calls. Ombudsman services have time limits."
            ),
            h2("Asking for a review"),
            text(
                "If your needs or circumstances change, you can ask for a review at any time. "
                "This is often quicker than a complaint. An [[g:advocacy|advocate]] can help you."
            ),
            help_contact(
                "Make a complaint",
                "Our complaints team can take your complaint and tell you what happens next.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="emergencies-and-back-up",
        title="Planning for emergencies and back-up cover",
        summary=(
            "Plan now for days when your PA is ill, on holiday or cannot get to you. "
            "A simple back-up plan keeps you safe and saves worry."
        ),
        topics=["emergencies", "employing-a-pa"],
        audiences=["disabled-adults", "older-people", "carers"],
        # Overdue for review: shows in the editors' "overdue review" panel.
        reviewed_days_ago=200,
        review_due_in_days=-17,
        body=[
            text(
                "Things do not always go to plan. Your PA might be ill, or snow might close the roads. "
                "A back-up plan says who will help, and how."
            ),
            h2("What to put in your plan"),
            text(
                [
                    "who to call first, second and third",
                    "what support you need, and at what times",
                    "important health information and medicines",
                    "how to get into your home, such as a key safe",
                    "what to do if you cannot reach anyone",
                ]
            ),
            steps(
                (
                    "List your back-up people",
                    "These could be other PAs, family, friends or an agency that agrees to cover at short notice.",
                ),
                (
                    "Agree how they will be paid",
                    "Check with the council that your budget can pay for cover, and at what rate.",
                ),
                (
                    "Share the plan",
                    "Give a copy to your PAs, your back-up people and anyone else who needs it. Keep a copy by the phone.",
                ),
                ("Check it regularly", "Look at the plan every few months, and whenever something changes."),
            ),
            warning("If someone is in danger, phone 999."),
            h2("If your support breaks down"),
            text(
                "Tell the council as soon as you can. It must make sure you are safe, and may arrange support "
                "for a short time. Out of hours, phone the emergency social work service."
            ),
            help_contact(
                "Out-of-hours help",
                "If your support breaks down outside office hours, phone the emergency social work service.",
                hours="Evenings, weekends and public holidays",
            ),
        ],
    ),
    GuidanceSpec(
        slug="support-for-carers",
        title="Support for carers",
        summary=(
            "If you look after a family member or friend, you may be able to get support for yourself. "
            "It starts with a carer's assessment."
        ),
        topics=["carers", "assessment"],
        audiences=["carers", "young-people", "minority-ethnic-communities"],
        reviewed_days_ago=75,
        review_due_in_days=290,
        body=[
            text(
                "A carer gives unpaid help to a family member, partner or friend who could not manage without it. "
                "You might not think of yourself as a carer, but you may still be able to get support."
            ),
            h2("Ask for a carer's assessment"),
            text(
                "A [[g:carers-assessment|carer's assessment]] is a conversation about the care you give and how it "
                "affects your life. It looks at your health, work, money and time for yourself.",
                "In Scotland it leads to an adult carer support plan, or a young carer statement for carers under 18.",
            ),
            h2("Support you might get"),
            text(
                [
                    "a break from caring, sometimes called respite or a short break",
                    "things that make caring easier, such as equipment",
                    "training, for example in moving and handling",
                    "information and emotional support from a carers' centre",
                ]
            ),
            inset(
                "Carers can use [[g:self-directed-support|self-directed support]] too. Support for you can be arranged "
                "with any of the four options, just like support for the person you care for."
            ),
            help_contact(
                "Carers' support",
                "Our carers' team can arrange a carer's assessment.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="moving-to-adult-services",
        title="Moving from children's to adult services",
        summary=(
            "Turning 18 brings changes to the support a young person gets. "
            "Planning early, from about age 14, makes the move smoother."
        ),
        topics=["transitions", "assessment"],
        audiences=["young-people", "learning-disabilities", "carers"],
        # Overdue for review: shows in the editors' "overdue review" panel.
        reviewed_days_ago=330,
        review_due_in_days=-45,
        body=[
            text(
                "When a young person with support needs turns 18, support usually moves from children's services "
                "to adult services. The rules, the staff and the money can all change. This move is often called transition."
            ),
            h2("A timeline"),
            steps(
                (
                    "From about age 14",
                    "Start talking about the future at school reviews. Think about learning, work, friends, health "
                    "and where to live.",
                ),
                (
                    "From age 16",
                    "Ask adult social care for a transition assessment. The young person should be at the centre of it.",
                ),
                (
                    "Before age 18",
                    "Agree a [[g:support-plan|support plan]] and a [[g:personal-budget|personal budget]] for adult life, "
                    "so there is no gap in support.",
                ),
                (
                    "After 18",
                    "The adult plan starts. It is reviewed regularly and can change as the young person's life changes.",
                ),
            ),
            h2("Decisions and consent"),
            text(
                "As young people become adults, they make more of their own decisions. If a young person cannot make "
                "some decisions, a parent may need legal powers to make them on their behalf.",
                "The rules and ages are different in Scotland, England and Wales. Ask for advice early, because this can take months.",
            ),
            inset(
                "Young people can use self-directed support too. Some young adults employ their own PAs so they can "
                "go to college, work, or go out with friends their own age."
            ),
            help_contact(
                "Transition support",
                "Our transitions team works with young people from age 14 and their families.",
                hours=OFFICE_HOURS,
            ),
        ],
    ),
    GuidanceSpec(
        slug="easy-read",
        title="Self-directed support in easy read",
        summary="Self-directed support explained in short sentences with pictures.",
        topics=["options-and-rights"],
        audiences=["learning-disabilities"],
        reviewed_days_ago=30,
        review_due_in_days=335,
        body=[
            text("This page uses pictures and short sentences."),
            h2("How it works"),
            easy_read(
                (
                    "plan",
                    "A clipboard with a list of ticked items and a pencil",
                    "You and the council talk about the help you need.",
                ),
                (
                    "money",
                    "A purple purse and a gold coin with a pound sign on it",
                    "The council tells you how much money there is for your help.",
                ),
                (
                    "you-choose",
                    "A person standing next to three boxes. The middle box has a tick.",
                    "You choose how the money is used.",
                ),
                (
                    "helpers",
                    "Two people holding hands, with a heart above them",
                    "You can pay people to help you, like a personal assistant.",
                ),
                ("phone", "A mobile phone with sound waves coming from it", "If you need help, you can phone us."),
            ),
            help_contact("Phone us", "We can post this page to you on paper.", hours=OFFICE_HOURS),
        ],
    ),
]

GUIDANCE_BY_SLUG = {spec.slug: spec for spec in GUIDANCE}
