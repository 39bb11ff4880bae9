"""Automatic checks hold reviews for an editor; editors publish or reject them and decide providers' reports."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from reviews import checks
from reviews.models import Review, ReviewReport
from tests.factories import UserFactory
from tests.mfa import enable_totp
from tests.review_data import add_review
from tests.unit.providers.conftest import make_listing, make_pa

from .conftest import publish, review_data

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/reviews/"
FINE = "Comes every morning on time and helps me get ready for the day centre. Always kind and patient."


@pytest.fixture
def held(listing, peer):
    review = add_review(
        listing,
        2,
        author=peer,
        text="They never came on Sundays. Ring the manager on 07700 900123 and ask why.",
        status=Review.Status.HELD,
    )
    review.flags = [checks.PHONE]
    review.save()
    return review


@pytest.fixture
def published(listing, client_user):
    return add_review(listing, 1, author=client_user, text="The carer shouted at my dad and left early most days.")


@pytest.fixture
def report(published, owner):
    return ReviewReport.objects.create(
        review=published, reported_by=owner, reason="untrue", details="Our rota shows every visit was full length."
    )


def listing_page(client, listing):
    return client.get(reverse("listings:detail", args=[listing.slug])).content.decode()


def subjects_to(address):
    return [message.subject for message in mail.outbox if address in message.to]


# --- Automatic checks on what reviewers write -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Lovely team. If you want to ask about them, call me on 07700 900123 any evening.", ["phone"]),
        ("Lovely team. Email me at jo.bloggs@example.com if you want to hear more about them.", ["email"]),
        ("Lovely team. I wrote about our first year with them at www.example.com/our-story.", ["link"]),
        ("Callum Reid comes every morning and is the kindest person I have met in years.", ["staff_name"]),
        ("callum   reid comes every morning and is the kindest person I have met in years.", ["staff_name"]),
        ("The manager is a useless bastard who never answers the phone when you need help.", ["abuse"]),
        ("The manager is useless. I will hurt you if you send that carer again to my mum.", ["abuse"]),
        ("Call 0131 496 0000 or see https://example.org: the sh1t service they gave us.", ["phone", "link", "abuse"]),
    ],
)
def test_reviews_that_need_an_editor_are_held_and_the_reviewer_is_told(
    client, peer, staff, listing, text, flags, django_capture_on_commit_callbacks
):
    client.force_login(peer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:write", args=[listing.slug]), review_data(text=text), follow=True)

    review = Review.objects.get()
    assert review.status == Review.Status.HELD and review.flags == flags and review.published_at is None
    assert "An editor will read your review before it is published" in response.content.decode()
    assert subjects_to(peer.email) == ["An editor will read your review"]
    assert reverse("reviews:edit", args=[review.pk]) in mail.outbox[0].body
    assert not subjects_to("owner@example.org")  # the provider hears nothing until it is published

    client.logout()
    page = listing_page(client, listing)
    assert text not in page and "No reviews yet." in page


def test_a_staff_name_in_a_stamp_reason_is_caught_too(client, peer, staff, listing):
    client.force_login(peer)
    client.post(
        reverse("reviews:write", args=[listing.slug]),
        review_data(**{"reason_reliable": "Callum Reid never missed a morning."}),
    )
    assert Review.objects.get().flags == ["staff_name"]


def test_an_ordinary_review_is_published_at_once(client, peer, staff, listing, django_capture_on_commit_callbacks):
    client.force_login(peer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reviews:write", args=[listing.slug]), review_data(text=FINE))
    review = Review.objects.get()
    assert review.status == Review.Status.PUBLISHED and review.flags == []
    assert subjects_to(peer.email) == ["Your review is published"]


# --- The editors' queue -----------------------------------------------------------------------------------------


def test_the_queue_lists_held_reviews_with_why(editor_client, held, published, listing):
    response = editor_client.get(QUEUE_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("reviews_admin:review", args=[held.pk]) in page
    assert "It seems to contain a phone number" in page
    assert reverse("reviews_admin:review", args=[published.pk]) not in page  # nothing to decide
    assert "Reviews (1)" in editor_client.get("/admin/").content.decode()


def test_the_queue_pages_keep_the_chosen_status(editor_client, listing, monkeypatch):
    from reviews import admin_views

    monkeypatch.setattr(admin_views.ReviewQueueView, "paginate_by", 2)
    for _ in range(3):
        add_review(listing, 3, status=Review.Status.HELD)

    page = editor_client.get(QUEUE_URL + "?status=held").content.decode()

    assert '?status=held&amp;p=2"' in page and "Page 1 of 2" in page
    assert "Page 2 of 2" in editor_client.get(QUEUE_URL + "?status=held&p=2").content.decode()


def test_the_queue_filters_by_status(editor_client, held, published):
    page = editor_client.get(QUEUE_URL, {"status": "published"}).content.decode()
    assert reverse("reviews_admin:review", args=[published.pk]) in page
    assert reverse("reviews_admin:review", args=[held.pk]) not in page


def test_an_empty_queue_says_so(editor_client, published):
    assert "Nothing is waiting for you." in editor_client.get(QUEUE_URL).content.decode()


def test_the_review_page_shows_the_review_and_why_it_was_held(editor_client, held):
    response = editor_client.get(reverse("reviews_admin:review", args=[held.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ring the manager on 07700 900123 and ask why." in page
    assert "It seems to contain a phone number" in page
    assert "peer@example.org" in page
    assert reverse("reviews_admin:review_action", args=[held.pk, "publish"]) in page


# --- Editors' decisions -----------------------------------------------------------------------------------------


def test_editor_publishes_a_held_review(editor_client, editor, held, listing, peer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("reviews_admin:review_action", args=[held.pk, "publish"]), follow=True)

    assert "The review is published and the reviewer has been told." in response.content.decode()
    held.refresh_from_db()
    assert held.status == Review.Status.PUBLISHED and held.published_at is not None
    assert (held.decided_by, held.decision_reason) == (editor, "")
    assert subjects_to(peer.email) == ["Your review is published"]
    assert subjects_to("owner@example.org") == ["New review of Leith home support"]
    editor_client.logout()
    page = listing_page(editor_client, listing)
    assert "Ring the manager on 07700 900123 and ask why." in page and "2.0 out of 5 from 1 review" in page


def test_the_provider_email_subject_shows_the_title_as_written(
    editor_client, held, listing, django_capture_on_commit_callbacks
):
    listing.title = "Mary's Care & Support"
    listing.save()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("reviews_admin:review_action", args=[held.pk, "publish"]))
    assert subjects_to("owner@example.org") == ["New review of Mary's Care & Support"]


def test_rejecting_needs_a_reason(editor_client, held, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("reviews_admin:review_action", args=[held.pk, "reject"]), {"reason": "   "}, follow=True
        )

    assert "Give the reviewer a reason: they will see it." in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("reviews_admin:review", args=[held.pk])
    held.refresh_from_db()
    assert held.status == Review.Status.HELD and held.decided_by is None
    assert mail.outbox == []


def test_editor_rejects_with_a_reason_the_reviewer_reads(
    editor_client, editor, held, listing, peer, django_capture_on_commit_callbacks
):
    reason = "Please remove the manager's phone number & we will publish it."
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("reviews_admin:review_action", args=[held.pk, "reject"]), {"reason": reason})

    held.refresh_from_db()
    assert held.status == Review.Status.REJECTED and held.decision_reason == reason and held.decided_by == editor
    assert subjects_to(peer.email) == ["Your review was not published"]
    assert reason in mail.outbox[0].body  # plain text, not HTML-escaped
    assert not subjects_to("owner@example.org")
    assert "07700 900123" not in listing_page(editor_client, listing)


def test_a_rejected_review_edited_by_its_author_goes_back_to_an_editor(
    client, held, listing, peer, editor, django_capture_on_commit_callbacks
):
    from reviews import services

    services.reject(held, editor, "Please remove the phone number.")
    client.force_login(peer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:edit", args=[held.pk]), review_data(text=FINE))

    assert response.status_code == 302 and response["Location"] == reverse("reviews:mine")
    held.refresh_from_db()
    assert held.status == Review.Status.HELD and held.flags == ["resubmitted"] and held.published_at is None
    assert held.text == FINE and held.decision_reason == ""  # the old reason no longer describes it
    assert subjects_to(peer.email)[-1] == "An editor will read your review"
    assert FINE not in listing_page(client, listing)
    client.force_login(editor)
    queue = client.get(QUEUE_URL).content.decode()
    assert reverse("reviews_admin:review", args=[held.pk]) in queue
    assert "Changed by the reviewer after an editor did not publish it" in queue


def test_uphold_a_report_takes_the_review_down(
    editor_client, editor, report, published, listing, client_user, django_capture_on_commit_callbacks
):
    note = "The reviewer could not show they used this service."
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("reviews_admin:report_action", args=[report.pk, "uphold"]), {"note": note}, follow=True
        )

    assert "Your decision is recorded and the provider has been told." in response.content.decode()
    report.refresh_from_db()
    published.refresh_from_db()
    assert (report.status, report.decision_note, report.decided_by) == (ReviewReport.Status.UPHELD, note, editor)
    assert published.status == Review.Status.REJECTED and published.decision_reason == note
    assert subjects_to("owner@example.org") == ["Your report about a review"]
    provider_email = next(m for m in mail.outbox if "owner@example.org" in m.to)
    assert "has taken the review down" in provider_email.body and note in provider_email.body
    assert subjects_to(client_user.email) == ["Your review was not published"]
    editor_client.logout()
    page = listing_page(editor_client, listing)
    assert "shouted at my dad" not in page and "No reviews yet." in page


def test_dismiss_a_report_keeps_the_review(
    editor_client, report, published, listing, client_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("reviews_admin:report_action", args=[report.pk, "dismiss"]),
            {"note": "A reviewer may describe their own experience."},
        )

    report.refresh_from_db()
    published.refresh_from_db()
    assert report.status == ReviewReport.Status.DISMISSED
    assert published.status == Review.Status.PUBLISHED
    assert subjects_to("owner@example.org") == ["Your report about a review"]
    assert "decided the review stays" in mail.outbox[0].body
    assert subjects_to(client_user.email) == []
    assert "shouted at my dad" in listing_page(editor_client, listing)
    assert "Nothing is waiting for you." in editor_client.get(QUEUE_URL).content.decode()


@pytest.mark.parametrize("action", ["uphold", "dismiss"])
def test_deciding_a_report_needs_a_note(editor_client, report, published, action, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("reviews_admin:report_action", args=[report.pk, action]), {"note": ""}, follow=True
        )

    assert "Write a note for the provider: they will see it." in response.content.decode()
    report.refresh_from_db()
    published.refresh_from_db()
    assert report.status == ReviewReport.Status.OPEN and published.status == Review.Status.PUBLISHED
    assert mail.outbox == []


def test_a_decided_report_cannot_be_decided_again(editor_client, report, published):
    editor_client.post(reverse("reviews_admin:report_action", args=[report.pk, "dismiss"]), {"note": "It stays."})
    response = editor_client.post(
        reverse("reviews_admin:report_action", args=[report.pk, "uphold"]), {"note": "Changed my mind."}
    )
    assert response.status_code == 404
    published.refresh_from_db()
    assert published.status == Review.Status.PUBLISHED


def test_decisions_need_post(editor_client, held, report):
    assert editor_client.get(reverse("reviews_admin:review_action", args=[held.pk, "publish"])).status_code == 405
    assert editor_client.get(reverse("reviews_admin:report_action", args=[report.pk, "uphold"])).status_code == 405
    held.refresh_from_db()
    assert held.status == Review.Status.HELD


def test_an_unknown_action_is_not_found(editor_client, held):
    assert editor_client.post(reverse("reviews_admin:review_action", args=[held.pk, "delete"])).status_code == 404
    assert Review.objects.filter(pk=held.pk, status=Review.Status.HELD).exists()


# --- Only editors -----------------------------------------------------------------------------------------------


def _admin_user_who_is_not_an_editor():
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(groups=["Admin access only"])
    enable_totp(user)
    return user


def _attempts(held, report):
    return [
        ("get", QUEUE_URL, {}),
        ("get", reverse("reviews_admin:review", args=[held.pk]), {}),
        ("post", reverse("reviews_admin:review_action", args=[held.pk, "publish"]), {}),
        ("post", reverse("reviews_admin:review_action", args=[held.pk, "reject"]), {"reason": "No."}),
        ("post", reverse("reviews_admin:report_action", args=[report.pk, "uphold"]), {"note": "Taken down."}),
        ("post", reverse("reviews_admin:report_action", args=[report.pk, "dismiss"]), {"note": "It stays."}),
    ]


def _nothing_changed(held, report, published):
    for item in (held, report, published):
        item.refresh_from_db()
    assert held.status == Review.Status.HELD
    assert report.status == ReviewReport.Status.OPEN
    assert published.status == Review.Status.PUBLISHED
    assert mail.outbox == []


def test_admin_users_who_are_not_editors_get_403_everywhere(
    client, held, report, published, django_capture_on_commit_callbacks
):
    client.force_login(_admin_user_who_is_not_an_editor())
    with django_capture_on_commit_callbacks(execute=True):
        for method, url, data in _attempts(held, report):
            response = getattr(client, method)(url, data)
            assert response.status_code == 403, url
            assert "07700 900123" not in response.content.decode()
    _nothing_changed(held, report, published)


@pytest.mark.parametrize("who", ["anonymous", "owner", "peer", "stranger"])
def test_people_without_admin_access_cannot_moderate(
    client, request, who, held, report, published, django_capture_on_commit_callbacks
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    with django_capture_on_commit_callbacks(execute=True):
        for method, url, data in _attempts(held, report):
            response = getattr(client, method)(url, data)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert "login" in response["Location"], url
            assert "07700 900123" not in response.content.decode()
    _nothing_changed(held, report, published)


def test_the_reviews_menu_is_not_shown_to_admin_users_who_are_not_editors(client, held):
    client.force_login(_admin_user_who_is_not_an_editor())
    page = client.get("/admin/").content.decode()
    assert QUEUE_URL not in page and "Reviews (1)" not in page


# --- checks.check_text on its own -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ring her on 07700 900123 after six.",
        "Their office is +44 131 496 0000.",
        "Phone 0131-496-0000 and ask for the rota.",
        "The number is (0131) 496 0000.",
        "Text 07700.900.123 if she is late.",
    ],
)
def test_uk_phone_numbers_are_flagged(text):
    assert checks.check_text(text) == [checks.PHONE]


@pytest.mark.parametrize(
    "text",
    [
        "They have supported me since 2024.",
        "I get 3 visits a week, 2 hours each, since March 2019.",
        "From 2019-2024 it was perfect; £24.50 an hour is fair.",
        "Visits from 9.30 to 11.45, 7 days a week.",
    ],
)
def test_dates_times_and_counts_are_not_phone_numbers(text):
    assert checks.check_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "What a sh1t service.",
        "They are f.u.c.k.i.n.g useless.",
        "The driver called my brother a retard.",
        "SHITE from start to finish.",
        "Watch your back if you send her again.",
    ],
)
def test_abuse_is_flagged_even_when_disguised(text):
    assert checks.ABUSE in checks.check_text(text)


@pytest.mark.parametrize("text", ["What a f*ck up.", "They are f*cking useless.", "f**k this service"])
def test_an_asterisk_does_not_hide_abuse(text):
    assert checks.ABUSE in checks.check_text(text)


def test_a_year_range_is_not_a_phone_number():
    assert checks.check_text("We had support 2023-2024 (12 months) and it was good.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Brilliant support. Always on time, always kind, and my mum looks forward to every visit.",
        "Scunthorpe is a long way to travel but they came every week.",  # a word containing a blocked word
        "They helped me cook, shop and get to the swimming pool. Highly recommended!",
        "Ça a été formidable: très à l’écoute.",
    ],
)
def test_ordinary_praise_is_not_flagged(text):
    assert checks.check_text(text, ["Callum Reid", "Fiona MacLeod"]) == []


def test_a_staff_members_full_name_is_flagged_but_a_first_name_is_not():
    names = ["Callum Reid"]
    assert checks.check_text("Callum Reid was lovely.", names) == [checks.STAFF_NAME]
    assert checks.check_text("CALLUM REID was lovely.", names) == [checks.STAFF_NAME]
    assert checks.check_text("Callum was lovely.", names) == []
    assert checks.check_text("Mrs Henderson was lovely.") == [checks.STAFF_NAME]


def test_staff_names_are_the_full_names_of_the_organisations_people(listing, staff, owner):
    assert checks.staff_names(listing) == sorted({"Callum Reid", "Fiona MacLeod", owner.display_name})


def test_a_personal_assistants_public_name_is_not_flagged_but_their_private_name_is(db):
    user = UserFactory(first_name="Amira", last_name="Khalid", display_name="Amira Khalid")
    listing = publish(make_listing(personal_assistant=make_pa(user, display_name="Amira Khan"), title="Amira"))
    names = checks.staff_names(listing)

    assert checks.check_text("Amira Khan is the best PA I have ever had.", names) == []
    assert checks.check_text("Amira Khalid is the best PA I have ever had.", names) == [checks.STAFF_NAME]


def test_a_personal_assistant_whose_public_name_is_their_full_name_can_be_named(db):
    user = UserFactory(first_name="Amira", last_name="Khan", display_name="Amira Khan")
    listing = publish(make_listing(personal_assistant=make_pa(user, display_name="Amira Khan"), title="Amira"))

    assert checks.staff_names(listing) == []
    assert checks.check_text("Amira Khan is the best PA I have ever had.", checks.staff_names(listing)) == []


def test_a_review_naming_a_personal_assistant_by_their_public_name_is_published(client, peer):
    user = UserFactory(first_name="Amira", last_name="Khalid", display_name="Amira Khalid")
    listing = publish(make_listing(personal_assistant=make_pa(user, display_name="Amira Khan"), title="Amira"))
    client.force_login(peer)

    client.post(
        reverse("reviews:write", args=[listing.slug]),
        review_data(text="Amira Khan helps me every morning and is never late. I trust her completely."),
    )

    assert Review.objects.get().status == Review.Status.PUBLISHED
