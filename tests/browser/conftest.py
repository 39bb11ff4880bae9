"""Playwright on Debian's Chromium, with an axe-core check on every page a test visits.

The browser tests never skip: if Chromium cannot start, they fail, so CI notices.
"""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

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


SCRIPT_TAG = re.compile(r"<script\b.*?</script>", re.IGNORECASE | re.DOTALL)


class Visitor:
    """Opens pages of the live test server and checks each with axe-core as it arrives.

    axe-core is JavaScript, so for a page opened with JavaScript off it checks the same markup, scripts removed, in a
    second page where JavaScript runs.
    """

    def __init__(self, page, base_url, axe_page=None):
        self.page = page
        self.base_url = base_url
        self.axe_page = axe_page

    def visit(self, path, expected_status=200):
        response = self.page.goto(self.base_url + path)
        assert response.status == expected_status, f"{path} answered {response.status}"
        self.check()
        return response

    def check(self):
        self.page.wait_for_load_state("load")
        if self.axe_page is None:
            assert_accessible(self.page)
            return
        markup = SCRIPT_TAG.sub("", self.page.content())
        markup = markup.replace("<head>", f'<head><base href="{self.page.url}">', 1)
        self.axe_page.set_content(markup, wait_until="load")
        assert_accessible(self.axe_page)


def _new_page(browser, live_server, javascript=True):
    context = browser.new_context(
        locale="en-GB", java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    axe_page = None
    if not javascript:
        axe_context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        axe_page = axe_context.new_page()
        context.on("close", lambda _context: axe_context.close())
    return context, Visitor(context.new_page(), live_server.url, axe_page)


@pytest.fixture
def visitor(browser, live_server):
    context, visitor = _new_page(browser, live_server)
    yield visitor
    context.close()


@pytest.fixture
def visitor_without_js(browser, live_server):
    context, visitor = _new_page(browser, live_server, javascript=False)
    yield visitor
    context.close()
