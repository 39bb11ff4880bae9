"""Each accessibility rule a block enforces refuses bad content with a message an editor can act on."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtailmedia.models import Media

from home.blocks import (
    AccessibleRichTextBlock,
    AudioBlock,
    DownloadBlock,
    EasyReadItemBlock,
    GuidanceStreamBlock,
    HelpContactBlock,
    VideoBlock,
)


def messages(error):
    return " ".join(str(message) for message in _flatten(error))


def _flatten(error):
    if isinstance(error, str):
        yield error
        return
    if hasattr(error, "block_errors") and error.block_errors:
        for child in error.block_errors.values():
            yield from _flatten(child)
    if getattr(error, "non_block_errors", None):
        yield from _flatten(error.non_block_errors)
    if isinstance(error, ValidationError) and not hasattr(error, "block_errors"):
        yield from error.messages
    if isinstance(error, list | tuple):
        for item in error:
            yield from _flatten(item)
    elif hasattr(error, "as_data") and not isinstance(error, ValidationError):
        for item in error.as_data():
            yield from _flatten(item)


def clean(block, raw):
    return block.clean(block.to_python(raw))


@pytest.fixture
def image(db):
    return Image.objects.create(title="A carer and a person at a table", file=get_test_image_file())


@pytest.fixture
def captions(db):
    return Document.objects.create(
        title="Captions", file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello", name="captions.vtt")
    )


@pytest.fixture
def video(db):
    return Media.objects.create(
        title="Your four options", type="video", file=ContentFile(b"\x00" * 64, name="options.mp4"), duration=60
    )


@pytest.mark.parametrize("text", ["click here", "Here", "read more", "More."])
def test_rich_text_refuses_vague_link_text(text):
    with pytest.raises(ValidationError) as error:
        clean(AccessibleRichTextBlock(), f'<p>For the form <a href="https://example.org/form">{text}</a>.</p>')
    assert "does not say where the link goes" in messages(error.value)


@pytest.mark.parametrize("url", ["https://www.gov.scot/publications/sds", "www.example.org/help"])
def test_rich_text_refuses_bare_url_as_link_text(url):
    with pytest.raises(ValidationError) as error:
        clean(AccessibleRichTextBlock(), f'<p><a href="https://{url}">{url}</a></p>')
    assert "is a web address" in messages(error.value)


def test_rich_text_accepts_descriptive_link_text():
    value = clean(
        AccessibleRichTextBlock(), '<p>Read <a href="https://example.org/dp">the guide to direct payments</a>.</p>'
    )
    assert "the guide to direct payments" in value.source


def test_easy_read_refuses_missing_alt_text(image):
    with pytest.raises(ValidationError) as error:
        clean(EasyReadItemBlock(), {"image": image.pk, "alt_text": "", "sentence": "You choose who helps you."})
    assert "required" in messages(error.value)


@pytest.mark.parametrize("alt", ["IMG_2041.jpg", "image", "photo"])
def test_easy_read_refuses_meaningless_alt_text(image, alt):
    with pytest.raises(ValidationError) as error:
        clean(EasyReadItemBlock(), {"image": image.pk, "alt_text": alt, "sentence": "You choose who helps you."})
    assert "picture" in messages(error.value)


def test_easy_read_accepts_described_picture(image):
    value = clean(
        EasyReadItemBlock(),
        {
            "image": image.pk,
            "alt_text": "A woman and her PA cooking together",
            "sentence": "Your PA can help you cook.",
        },
    )
    assert value["alt_text"] == "A woman and her PA cooking together"


def test_video_refuses_missing_transcript(video, captions):
    with pytest.raises(ValidationError) as error:
        clean(
            VideoBlock(),
            {
                "title": "Your options",
                "video": video.pk,
                "captions": captions.pk,
                "transcript": "<p></p>",
                "bsl_video": None,
            },
        )
    assert "transcript" in messages(error.value)


def test_video_refuses_captions_that_are_not_webvtt(video, db):
    not_captions = Document.objects.create(title="Notes", file=ContentFile(b"%PDF-1.4", name="notes.pdf"))
    with pytest.raises(ValidationError) as error:
        clean(
            VideoBlock(),
            {"title": "Your options", "video": video.pk, "captions": not_captions.pk, "transcript": "<p>Words</p>"},
        )
    assert ".vtt" in messages(error.value)


def test_video_refuses_missing_captions(video):
    with pytest.raises(ValidationError):
        clean(
            VideoBlock(), {"title": "Your options", "video": video.pk, "captions": None, "transcript": "<p>Words</p>"}
        )


def test_video_with_captions_and_transcript_is_accepted(video, captions):
    value = clean(
        VideoBlock(),
        {"title": "Your options", "video": video.pk, "captions": captions.pk, "transcript": "<p>Hello</p>"},
    )
    assert value["captions"] == captions


def test_audio_refuses_missing_transcript(db):
    audio = Media.objects.create(
        title="Read aloud", type="audio", file=ContentFile(b"\x00" * 64, name="guide.mp3"), duration=30
    )
    with pytest.raises(ValidationError) as error:
        clean(AudioBlock(), {"title": "Listen to this guide", "audio": audio.pk, "transcript": ""})
    assert "transcript" in messages(error.value).lower() or "required" in messages(error.value)


def test_download_refuses_vague_link_text(captions):
    with pytest.raises(ValidationError) as error:
        clean(DownloadBlock(), {"document": captions.pk, "link_text": "Click here", "description": ""})
    assert "does not say where the link goes" in messages(error.value)


def test_help_box_needs_a_way_to_get_in_touch():
    with pytest.raises(ValidationError) as error:
        clean(
            HelpContactBlock(),
            {"heading": "Get help", "text": "<p>Ask us.</p>", "phone": "", "email": "", "textphone": ""},
        )
    assert "at least one way" in messages(error.value)


@pytest.mark.parametrize(
    "levels",
    [["3"], ["2", "4"], ["2", "3", "2", "4"]],
    ids=["starts-at-level-3", "skips-from-2-to-4", "skips-later"],
)
def test_stream_refuses_skipped_heading_levels(levels):
    raw = [{"type": "heading", "value": {"text": f"Heading {i}", "level": level}} for i, level in enumerate(levels)]
    with pytest.raises(ValidationError) as error:
        clean(GuidanceStreamBlock(), raw)
    assert "skips a level" in messages(error.value)


def test_stream_accepts_headings_in_order():
    raw = [
        {"type": "heading", "value": {"text": t, "level": level}}
        for t, level in [("A", "2"), ("B", "3"), ("C", "4"), ("D", "2")]
    ]
    value = clean(GuidanceStreamBlock(), raw)
    assert [child.value["level"] for child in value] == ["2", "3", "4", "2"]
