"""The council's information pages (accessibility statement, privacy notice, cookies, contact) as readers and
editors meet them."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import TranslationSource

from home.models import FooterLink, GuidanceIndexPage, InformationPage
from tests.factories import InformationPageFactory, UserFactory
from tests.mfa import enable_totp
from tests.site_tree import add_council_pages, locale, publish, sync_aliases, translate

pytestmark = pytest.mark.django_db

DUPLICATE = "is already the “Privacy notice” page in this language"


@pytest.fixture
def council(site_tree):
    return {**site_tree, **add_council_pages(site_tree["home"])}


def html_attrs(content):
    return re.search(r'<html lang="([^"]+)" dir="([^"]+)"', content).groups()


def test_page_shows_title_summary_body_and_last_reviewed_date(client, council):
    page = council["privacy"]
    content = client.get("/privacy-notice/").content.decode()
    assert '<h1 class="govuk-heading-xl">Privacy notice</h1>' in content
    assert '<meta name="description" content="About our privacy notice.">' in content
    assert "What this page covers</h2>" in content
    assert "Everything you need to know: privacy notice." in content
    assert f'Last reviewed: <time datetime="{page.last_reviewed:%Y-%m-%d}">' in content
    assert "Not translated yet" not in content


def test_contact_page_shows_its_help_box(client, council):
    content = client.get("/contact-us/").content.decode()
    assert 'href="tel:08081570123"' in content
    assert 'href="mailto:team@example.org"' in content


def test_pages_live_only_under_the_home_page(council):
    assert InformationPage.can_create_at(council["home"])
    assert not InformationPage.can_create_at(council["index"])
    assert not GuidanceIndexPage.can_create_at(council["privacy"])


def test_untranslated_page_shows_english_with_the_notice_in_the_readers_language(client, council):
    translate(council["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    sync_aliases(["ur"])
    content = client.get("/ur/privacy-notice/").content.decode()
    assert html_attrs(content) == ("ur", "rtl")
    with translation.override("ur"):
        notice, reviewed = translation.gettext("Not translated yet"), translation.gettext("Last reviewed:")
    assert notice != "Not translated yet" and notice in content
    assert '<article class="app-information" lang="en">' in content
    assert "Privacy notice</h1>" in content
    # The date line is in the reader's language, so it sits outside the English article.
    assert content.index(reviewed) > content.index("</article>")


def test_translated_page_is_shown_in_the_readers_language(client, council):
    translate(council["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    translate(council["privacy"], "ur", title="رازداری کا نوٹس", summary="ہم آپ کی معلومات کیسے استعمال کرتے ہیں۔")
    content = client.get("/ur/privacy-notice/").content.decode()
    assert '<article class="app-information" lang="ur">' in content
    assert "رازداری کا نوٹس</h1>" in content
    assert '<meta name="description" content="ہم آپ کی معلومات کیسے استعمال کرتے ہیں۔">' in content
    assert "Not translated yet" not in content


def test_a_second_page_for_the_same_footer_link_in_a_language_is_refused(council):
    second = InformationPage(
        title="Our privacy promise", slug="privacy-promise", summary="Short.", footer_link=FooterLink.PRIVACY
    )
    second.locale = council["home"].locale
    with pytest.raises(ValidationError) as refused:
        council["home"].add_child(instance=second)
    message = refused.value.message_dict["footer_link"][0]
    assert message.startswith("“Privacy notice” " + DUPLICATE)
    assert not InformationPage.objects.filter(slug="privacy-promise").exists()

    with translation.override("ur"), pytest.raises(ValidationError) as refused:
        council["home"].add_child(
            instance=InformationPage(title="x", slug="x", summary="x", footer_link=FooterLink.PRIVACY)
        )
    urdu_message = refused.value.message_dict["footer_link"][0]
    assert "Privacy notice" in urdu_message  # the other page's title, as its editor wrote it
    assert DUPLICATE not in urdu_message, "the error should be translated"
    assert "رازداری کا نوٹس" in urdu_message  # the footer link's name, translated


def test_the_same_footer_link_in_another_language_and_resaving_a_page_are_fine(council):
    urdu = translate(council["privacy"], "ur", title="رازداری کا نوٹس")
    assert urdu.footer_link == FooterLink.PRIVACY
    council["privacy"].title = "Privacy notice (updated)"
    publish(council["privacy"])  # its own footer link does not count against it
    other = InformationPageFactory(parent=council["home"], slug="about", footer_link=FooterLink.NONE)
    another = InformationPageFactory(parent=council["home"], slug="about-2", footer_link=FooterLink.NONE)
    assert other.pk and another.pk  # any number of pages may stay out of the footer


def test_page_editor_shows_the_error_and_creates_nothing(client, council):
    editor = UserFactory(email="chief.editor@example.org", is_staff=True, is_superuser=True)
    enable_totp(editor)
    client.force_login(editor)
    url = f"/admin/pages/add/home/informationpage/{council['home'].pk}/"
    data = nested_form_data(
        {
            "title": "Another privacy page",
            "slug": "another-privacy-page",
            "summary": "How we use your information.",
            "body": streamfield([("text", rich_text("<p>We keep your details safe.</p>"))]),
            "footer_link": "privacy",
            "last_reviewed": "2026-11-01",
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "“Privacy notice” " + DUPLICATE in content
    assert not InformationPage.objects.filter(slug="another-privacy-page").exists()

    data["footer_link"] = ""
    response = client.post(url, data)
    assert response.status_code == 302
    assert InformationPage.objects.get(slug="another-privacy-page").footer_link == ""


def test_last_reviewed_cannot_be_in_the_future(council):
    page = council["cookies"]
    page.last_reviewed = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "last_reviewed" in refused.value.message_dict


def test_footer_link_follows_the_english_page_into_its_translations(site_tree):
    """wagtail-localize keeps the footer link in step: it is synchronised, not translated."""
    english = InformationPageFactory(parent=site_tree["home"], slug="help", title="Help", footer_link="")
    publish(english)
    source, _created = TranslationSource.get_or_create_from_instance(english)
    urdu, _created = source.create_or_update_translation(locale("ur"), copy_parent_pages=True, fallback=True)
    assert urdu.footer_link == ""

    english.footer_link = FooterLink.CONTACT
    publish(english)
    source.update_from_db()
    urdu, _created = source.create_or_update_translation(locale("ur"), fallback=True)
    urdu.refresh_from_db()
    assert urdu.footer_link == FooterLink.CONTACT
