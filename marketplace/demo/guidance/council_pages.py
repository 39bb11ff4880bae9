"""The demo council's own pages, linked from every page's footer: accessibility statement, privacy notice, cookies
and contact. Written as data like guidance.py; translations are in translations/<language>.py (COUNCIL_PAGES).

The accessibility statement follows the usual structure of a UK public sector statement (the Public Sector Bodies
(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018). The cookies page lists the cookies the
site really sets (Django's session, CSRF, language and messages cookies). Contact details are the made-up ones in
builders.py.
"""

from dataclasses import dataclass

from .builders import DEMO_OUT_OF_HOURS_PHONE, accordion, h2, h3, help_contact, text, warning
from .pages import OFFICE_HOURS


@dataclass
class CouncilPageSpec:
    slug: str
    footer_link: str  # a home.models.FooterLink value
    title: str
    summary: str
    body: list
    reviewed_days_ago: int = 20


ACCESSIBILITY = CouncilPageSpec(
    slug="accessibility-statement",
    footer_link="accessibility",
    title="Accessibility statement",
    summary=(
        "How accessible this website is, what we are still fixing, and how to report a problem or ask for "
        "information in another format."
    ),
    reviewed_days_ago=18,
    body=[
        text(
            "Demo Council runs this website. We want as many people as possible to be able to use it. "
            "For example, you should be able to:",
            [
                "change colours, contrast and fonts with your browser or device settings",
                "zoom in up to 400% without the text spilling off the screen",
                "use the whole website with only a keyboard or with speech recognition software",
                "listen to the website with a screen reader, such as NVDA, JAWS or VoiceOver",
                "read guidance in several languages, and some of it in easy read",
            ],
            "We have also made the text as simple as we can. "
            "[[https://mcmw.abilitynet.org.uk/|AbilityNet explains how to make your device easier to use]].",
        ),
        h2("How accessible this website is"),
        text(
            "Most of the website works well with assistive technology. We know some parts are not fully accessible:",
            [
                "the map beside the search results is hard to use with a screen reader",
                "some videos have captions and a transcript but no audio description",
                "some older documents you can download are hard to read with a screen reader",
            ],
        ),
        h2("What to do if you cannot use part of this website"),
        text(
            "If you need information from this website in another format, such as large print, easy read, "
            "audio, Braille or British Sign Language, contact us. Tell us the web address of the page and the "
            "format you need."
        ),
        help_contact(
            "Ask for another format",
            "We will reply within 5 working days.",
            hours=OFFICE_HOURS,
        ),
        h2("Reporting accessibility problems"),
        text(
            "We are always trying to make this website more accessible. If you find a problem that is not listed "
            "on this page, or you think we are not meeting the accessibility requirements, "
            "[[p:contact-us|contact the Self-directed Support team]]. Tell us which page it was and what went wrong."
        ),
        h2("Enforcement procedure"),
        text(
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector "
            "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility "
            "regulations).",
            "If you are not happy with how we respond to your complaint, "
            "[[https://www.equalityadvisoryservice.com/|contact the Equality Advisory and Support Service (EASS)]].",
        ),
        h2("Technical information about this website’s accessibility"),
        text(
            "Demo Council is committed to making this website accessible, in line with the accessibility regulations."
        ),
        h3("Compliance status"),
        text(
            "This website is partially compliant with the "
            "[[https://www.w3.org/TR/WCAG22/|Web Content Accessibility Guidelines version 2.2]] AA standard, "
            "because of the problems listed below."
        ),
        h2("Content that is not accessible"),
        accordion(
            (
                "Problems that do not meet the accessibility regulations",
                "The results map on the find support page does not tell screen reader users everything it shows. "
                "This fails WCAG 2.2 success criterion 1.1.1 (non-text content). The list of results beside the map "
                "gives the same results and distances in words. We plan to fix the map by June 2027.",
                "Some videos do not have audio description. This fails WCAG 2.2 success criterion 1.2.5 (audio "
                "description, prerecorded). Every video has captions and a written transcript. We will add audio "
                "description to new videos from April 2027.",
            ),
            (
                "Disproportionate burden",
                "We are not claiming that fixing any of these problems would be a disproportionate burden.",
            ),
            (
                "Content outside the scope of the regulations",
                "Some PDF and Word documents published before 23 September 2018 are not fully accessible. The "
                "regulations do not require us to fix them unless they are essential to using our services.",
                "Online maps are exempt from the regulations. We still give the information the map shows in words.",
            ),
        ),
        h2("What we are doing to improve accessibility"),
        text(
            "We check every change to this website with automated accessibility tests before we publish it. "
            "Disabled people who use our services test new features with us, on their own devices and with their "
            "own assistive technology."
        ),
        h2("Preparation of this statement"),
        text(
            "We prepared this statement on 14 January 2026. The date we last reviewed it is shown at the end of "
            "this page.",
            "We last tested this website in November 2026. Our digital team tested a sample of every type of page "
            "against the WCAG 2.2 AA standard, with automated checks, a keyboard only, screen readers and screen "
            "magnification.",
        ),
    ],
)

PRIVACY = CouncilPageSpec(
    slug="privacy-notice",
    footer_link="privacy",
    title="Privacy notice",
    summary=(
        "What personal information this website collects, why Demo Council is allowed to use it, how long we keep "
        "it and what your rights are."
    ),
    reviewed_days_ago=45,
    body=[
        h2("Who we are"),
        text(
            "Demo Council runs the Self-directed Support Hub. We are the data controller for the personal "
            "information the website collects. This means we decide how it is used and we must keep it safe.",
            "Our Data Protection Officer checks that we follow data protection law. You can reach them through "
            "[[p:contact-us|our contact details]]. Write “Data Protection Officer” at the top of your message.",
        ),
        h2("What information we collect"),
        text(
            "We only collect what we need to run the website:",
            [
                "**If you create an account:** your email address, your name, the language you prefer and a "
                "scrambled copy of your password that nobody can read.",
                "**If you publish a listing or a personal assistant profile:** what you tell us about your services, "
                "prices, availability, languages and the area you cover, and evidence of checks such as a PVG or DBS "
                "certificate and insurance. Only the council staff who check evidence can see it.",
                "**If you write a review:** your review, your ratings and the month your support started.",
                "**If you sign up for email alerts or save a search:** your email address and what you want to "
                "hear about.",
                "**When you search:** the hour and the first half of the postcode you searched for, and nothing else "
                "about you. This shows us where support is hard to find.",
                "**When you visit:** your IP address and browser details, in our server logs, to keep the website "
                "secure.",
            ],
            "Some of this can say something about your health, such as the kind of support you use. The law calls "
            "this special category information and protects it more.",
        ),
        h2("Why we use it and our lawful basis"),
        text(
            "We use your information to run this website and to help people in our area find and arrange support. "
            "For each use, the law says we need a lawful basis:",
            [
                "**Public task:** most of what we do here is part of our duty to arrange social care and give people "
                "choice and control over their support.",
                "**Consent:** we send email alerts and saved search emails only if you asked for them and confirmed "
                "your email address. Every email has a link to stop them.",
                "**Contract:** when you pay or are paid for booked support, we use your details to make and record "
                "the payment.",
                "**Legal obligation:** the law requires us to keep financial records and some safeguarding records.",
            ],
            "For information about health, we rely on the conditions in the Data Protection Act 2018 for health "
            "and social care and for reasons of substantial public interest.",
        ),
        h2("Who we share it with"),
        text(
            "We never sell your information. We only share it when we need to:",
            [
                "with the council’s social work and finance teams, when you ask us to or when they need it to "
                "arrange or pay for your support",
                "with our payment provider, Stripe, when you make or receive a payment",
                "with OpenStreetMap, which sends the map pictures on find support: your browser gives them your IP "
                "address when you open the map",
                "with the police or other authorities, when the law requires it or someone is at risk of harm",
            ],
        ),
        h2("How long we keep it"),
        text(
            [
                "Your account: until you delete it. You can delete it yourself at any time from your account page.",
                "Listings and reviews: while they are published, and earlier versions for 6 years so that we can "
                "answer complaints.",
                "Email alerts and saved searches: until you unsubscribe.",
                "Payment records: 6 years after the end of the financial year, as the law requires.",
                "Server logs: 90 days.",
            ]
        ),
        h2("Your rights"),
        text(
            "You have the right to:",
            [
                "get a copy of the information we hold about you (you can download much of it from your account page)",
                "have wrong information corrected",
                "ask us to delete your information, or to stop or limit how we use it",
                "object to how we use your information for our public task",
                "get the information you gave us in a format another organisation can use",
            ],
            "Some rights depend on the lawful basis we use. Our automatic checks can send a review to a person to "
            "look at, but they never make a decision about you on their own.",
            "To use any of these rights, [[p:contact-us|contact us]]. We will reply within one month.",
        ),
        h2("How to complain"),
        text(
            "If you are unhappy with how we have used your information, please tell our Data Protection Officer first.",
            "You can also complain to the Information Commissioner’s Office (ICO), the UK’s independent regulator "
            "for data protection. [[https://ico.org.uk/make-a-complaint/|Make a complaint to the ICO]] or phone "
            "their helpline on 0303 123 1113.",
        ),
    ],
)

COOKIES = CouncilPageSpec(
    slug="cookies",
    footer_link="cookies",
    title="Cookies",
    summary="This website only uses the cookies it needs to work. We do not use cookies to track you or for advertising.",
    reviewed_days_ago=45,
    body=[
        text(
            "Cookies are small files that a website saves on your phone, tablet or computer. They let the website "
            "remember something from one page to the next.",
            "We only use essential cookies. The website cannot work properly without them, so we do not ask for "
            "your permission to use them. We do not use cookies to count visitors, to follow what you do online or "
            "for advertising.",
        ),
        h2("The cookies we use"),
        text(
            [
                "**sessionid** keeps you signed in as you move from page to page. It expires after 2 weeks if you "
                "asked us to remember you, or otherwise when you close your browser.",
                "**csrftoken** protects the forms on this website, so that another website cannot send a form in "
                "your name. It expires after 1 year.",
                "**django_language** remembers the language you chose, if you choose one with the language setting. "
                "It expires when you close your browser.",
                "**messages** holds a short note for the next page, such as “Your language is saved”. It is deleted "
                "as soon as you have seen the note.",
            ]
        ),
        h2("Other websites"),
        text(
            "When you open the map on find support, your browser downloads the map pictures from OpenStreetMap. "
            "Our [[p:privacy-notice|privacy notice]] explains what this shares. Websites we link to have their own "
            "cookie policies."
        ),
        h2("Blocking cookies"),
        text(
            "You can block or delete cookies in your browser’s settings. If you block the cookies above, you cannot "
            "sign in or send forms on this website, but you can still read the guidance and search for support."
        ),
    ],
)

CONTACT = CouncilPageSpec(
    slug="contact-us",
    footer_link="contact",
    title="Contact us",
    summary=(
        "How to reach Demo Council’s Self-directed Support team by phone, textphone or email, and what to do in "
        "an emergency."
    ),
    reviewed_days_ago=60,
    body=[
        warning("If someone is in danger right now, call 999."),
        text(
            "Our Self-directed Support team can help with this website, your support and your personal budget. "
            "We can also send you information in another format or language."
        ),
        help_contact(
            "Self-directed Support team",
            "Phone us, use a textphone or Relay UK, or email us. We reply to emails within 5 working days.",
            hours=OFFICE_HOURS,
        ),
        h2("If you are Deaf or have a hearing or speech impairment"),
        text(
            "You can call us through Relay UK using the textphone number above. If you would like a British Sign "
            "Language interpreter at a meeting, tell us and we will book one at no cost to you."
        ),
        h2("Outside office hours"),
        text(
            f"If you need urgent help with care when our office is closed, phone the out-of-hours social work "
            f"service on {DEMO_OUT_OF_HOURS_PHONE}. If someone is in danger, call 999."
        ),
        h2("Complaints, accessibility and your information"),
        text(
            "If you are unhappy with a decision about your care or with our service, read "
            "[[p:complaints-and-appeals|how to complain or appeal]].",
            "To report a problem with using this website, read our [[p:accessibility-statement|accessibility "
            "statement]]. For questions about your personal information, read our "
            "[[p:privacy-notice|privacy notice]].",
        ),
    ],
)

COUNCIL_PAGES = [ACCESSIBILITY, PRIVACY, COOKIES, CONTACT]
COUNCIL_PAGES_BY_SLUG = {spec.slug: spec for spec in COUNCIL_PAGES}
