"""Playwright on Debian's Chromium, with an axe-core check and a check for leaked template syntax on every page a test
visits.

The browser tests never skip: if Chromium cannot start, they fail, so CI notices.
"""

import contextlib
import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from tests.browser.lab import PHONE

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    # axe-core leaves its WCAG 2.2 target-size rule off unless asked.
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}
AXE = Axe()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (the browser tests must not be skipped).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def assert_accessible(page):
    """Zero axe-core violations (WCAG 2.2 A and AA, plus best practice) on the page as it is now."""
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe-core found problems on {page.url}:\n{results.generate_report()}"


ASSET_TYPES = {"stylesheet", "script", "font", "image"}
STYLESHEETS_APPLIED = "() => [...document.querySelectorAll('link[rel=stylesheet]')].every((link) => link.sheet)"

# Template syntax Django did not understand (a `{# #}` comment over two lines, say) is printed as it stands.
TEMPLATE_SYNTAX = re.compile(r"\{[#%{]|[#%}]\}")
# What a person sees or hears: the title, the body's rendered text and the texts that name things to screen readers.
PAGE_TEXTS = """() => [
  document.title,
  document.body.innerText,
  ...[...document.querySelectorAll('[aria-label], [alt], [title], [placeholder], input[type=submit][value]')].flatMap(
    (element) => ['aria-label', 'alt', 'title', 'placeholder', 'value'].map((name) => element.getAttribute(name) || '')
  ),
]"""


def template_syntax_leaks(page):
    """Each `{#`, `#}`, `{{`, `}}`, `{%` or `%}` a visitor would see or hear on the page, with the words around it."""
    return [
        f"{page.url}: …{text[max(0, found.start() - 60) : found.end() + 60]}…"
        for text in page.evaluate(PAGE_TEXTS)
        for found in TEMPLATE_SYNTAX.finditer(text)
    ]


SCRIPT_TAG = re.compile(r"<script\b.*?</script>", re.IGNORECASE | re.DOTALL)


# Every violation of the Content-Security-Policy a page reports, kept where check() can read it. Chromium also prints
# each one on the console, which covers pages opened with JavaScript off (no init script runs there).
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const where = `${event.sourceFile || event.documentURI}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} at ${where}`);
});
"""
CSP_CONSOLE_MESSAGE = re.compile(r"Content Security Policy", re.IGNORECASE)


class Visitor:
    """Opens pages of the live test server and checks each as it arrives: no template syntax shows, and axe-core finds
    nothing.

    axe-core is JavaScript, so for a page opened with JavaScript off it checks the same markup, scripts removed, in a
    second page where JavaScript runs.
    """

    def __init__(self, page, base_url, axe_page=None):
        self.page = page
        self.base_url = base_url
        self.axe_page = axe_page
        self.leaks = []
        self.csp_messages = []
        page.on("console", self._read_console)
        # Pages reached by a click and never passed to check() are read for leaked syntax too, when the browser
        # reports that they loaded (Playwright delivers that late, so a page already left is skipped).
        page.on("load", self._read_leaks)
        # Why a page may show unstyled (axe then reports unstyled links as too small): kept for the failure message.
        self.broken_assets = []
        for watched in (page, axe_page):
            if watched is not None:
                watched.on("requestfailed", self._asset_failed)
                watched.on("response", self._asset_answered)

    def _asset_failed(self, request):
        self.broken_assets.append(f"{request.url} failed: {request.failure}")

    def _asset_answered(self, response):
        if response.request.resource_type in ASSET_TYPES and response.status >= 400:
            self.broken_assets.append(f"{response.url} answered {response.status}")

    def _read_console(self, message):
        if CSP_CONSOLE_MESSAGE.search(message.text):
            self.csp_messages.append(message.text)

    def assert_no_csp_violations(self):
        reported = []
        with contextlib.suppress(PlaywrightError):
            reported = self.page.evaluate("() => window.__cspViolations || []")
        found, self.csp_messages = [*reported, *self.csp_messages], []
        assert not found, f"{self.page.url} broke its Content-Security-Policy:\n" + "\n".join(found)

    def _read_leaks(self, page):
        with contextlib.suppress(PlaywrightError):
            self.leaks.extend(template_syntax_leaks(page))

    def assert_no_template_syntax(self):
        leaks, self.leaks = sorted(set(self.leaks)), []
        assert not leaks, "Template syntax shows on the page:\n" + "\n".join(leaks)

    def visit(self, path, expected_status=200):
        response = self.page.goto(self.base_url + path)
        assert response.status == expected_status, f"{path} answered {response.status}"
        self.check()
        return response

    def check(self):
        self.page.wait_for_load_state("load")
        # Colours are judged once fades have ended (Wagtail's messages fade in over half a second).
        self.page.wait_for_function(
            # A function, not a string: the admin's policy has no 'unsafe-eval', which a string expression needs.
            "() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')"
        )
        self.leaks.extend(template_syntax_leaks(self.page))
        self.assert_no_template_syntax()
        self.assert_no_csp_violations()
        if self.axe_page is None:
            self.assert_styled(self.page)
            assert_accessible(self.page)
            return
        markup = SCRIPT_TAG.sub("", self.page.content())
        markup = markup.replace("<head>", f'<head><base href="{self.page.url}">', 1)
        self.axe_page.set_content(markup, wait_until="load")
        self.assert_styled(self.axe_page)
        assert_accessible(self.axe_page)

    def assert_styled(self, page):
        """Every stylesheet arrived: an unstyled page fails here, saying which request failed, not as axe findings."""
        try:
            page.wait_for_function(STYLESHEETS_APPLIED)
        except PlaywrightTimeoutError:
            pytest.fail(f"{page.url} has a stylesheet that never loaded: {self.broken_assets or 'no request failed'}")


DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _new_page(browser, live_server, javascript=True, device=DESKTOP):
    context = browser.new_context(locale="en-GB", java_script_enabled=javascript, **device)
    # Waits for an element, and page loads after a form (signing in hashes a password), can take several seconds
    # while the other half of the suite shares the two cores: a sign-in once timed out at 10 s, and so did an element
    # of the delete-account page. Generous limits cost nothing while tests pass.
    context.set_default_timeout(20_000)
    context.set_default_navigation_timeout(30_000)
    context.add_init_script(CSP_LISTENER)
    axe_page = None
    if not javascript:
        axe_context = browser.new_context(locale="en-GB", **device)
        axe_page = axe_context.new_page()
        context.on("close", lambda _context: axe_context.close())
    return context, Visitor(context.new_page(), live_server.url, axe_page)


@pytest.fixture
def visitor(browser, live_server):
    context, visitor = _new_page(browser, live_server)
    yield visitor
    context.close()
    visitor.assert_no_template_syntax()


@pytest.fixture
def visitor_without_js(browser, live_server):
    context, visitor = _new_page(browser, live_server, javascript=False)
    yield visitor
    context.close()
    visitor.assert_no_template_syntax()


@pytest.fixture
def phone_visitor(browser, live_server):
    """A visitor on a phone (412 × 823 CSS pixels, touch), as Lighthouse's mobile run emulates one."""
    context, visitor = _new_page(browser, live_server, device=PHONE)
    yield visitor
    context.close()
    visitor.assert_no_template_syntax()


@pytest.fixture
def phone_visitor_without_js(browser, live_server):
    context, visitor = _new_page(browser, live_server, javascript=False, device=PHONE)
    yield visitor
    context.close()
    visitor.assert_no_template_syntax()


@pytest.fixture
def on_localstripe(settings, localstripe_url):
    """Card payments against localstripe, whose Stripe.js stand-in it serves too (it has no Connect accounts)."""
    settings.STRIPE_SECRET_KEY = "sk_test_marketplace"
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_DESTINATION_CHARGES = False
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_marketplace"
    return localstripe_url


@pytest.fixture
def budget_ledgers_closed(transactional_db):
    """Budget ledgers are append-only even to the test database's flush: after a test that moved money (a payment or
    refund reaches the budget) close each ledger the one way the site allows, before the flush."""
    yield
    from marketplace.budgets import privacy
    from marketplace.budgets.models import Budget

    for budget in Budget.objects.all():
        privacy.forget(budget)
