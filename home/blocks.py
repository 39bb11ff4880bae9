"""StreamField blocks for guidance. Each block refuses content that would shut someone out."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from marketplace.core.accessibility import (
    alt_text_problems,
    heading_level_problems,
    link_text_problems,
    rich_text_link_problems,
)

# Rich text is kept plain on purpose: headings come from HeadingBlock so their order can be checked.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "glossary"]
CAPTION_EXTENSIONS = {"vtt"}


def _struct_errors(errors):
    if errors:
        raise StructBlockValidationError(
            block_errors={name: ValidationError(problems) for name, problems in errors.items()}
        )


class AccessibleRichTextBlock(blocks.RichTextBlock):
    """Paragraphs, lists and links. Link text must say where the link goes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        problems = rich_text_link_problems(value.source if value else "")
        if problems:
            raise ValidationError(problems)
        return value

    class Meta:
        icon = "pilcrow"
        template = "blocks/text.html"
        label = _("Text")


class HeadingBlock(blocks.StructBlock):
    """A section heading. Levels must not be skipped (a level 3 heading needs a level 2 above it)."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("2", _("Level 2: section")), ("3", _("Level 3: sub-section")), ("4", _("Level 4"))],
        default="2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"], allow_unicode=True)
        return context


class EasyReadItemBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    sentence = blocks.CharBlock(label=_("Sentence"), max_length=160, help_text=_("One short sentence in plain words."))

    def clean(self, value):
        value = super().clean(value)
        problems = alt_text_problems(value.get("alt_text"))
        if problems:
            _struct_errors({"alt_text": problems})
        return value


class EasyReadBlock(blocks.StructBlock):
    """Easy read: each picture sits beside one short sentence it illustrates."""

    items = blocks.ListBlock(EasyReadItemBlock(), min_num=1, label=_("Pictures and sentences"))

    class Meta:
        icon = "image"
        template = "blocks/easy_read.html"
        label = _("Easy read section")


class VideoBlock(blocks.StructBlock):
    """A video hosted here, always with captions and a transcript; optionally a British Sign Language version."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    video = VideoChooserBlock(label=_("Video"))
    captions = DocumentChooserBlock(label=_("Captions file (WebVTT, .vtt)"))
    transcript = AccessibleRichTextBlock(label=_("Transcript"))
    bsl_video = VideoChooserBlock(label=_("British Sign Language version"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")

    def clean(self, value):
        errors = {}
        captions = value.get("captions")
        if captions and captions.file_extension.lower() not in CAPTION_EXTENSIONS:
            errors["captions"] = [_("Captions must be a WebVTT file ending in .vtt.")]
        if not _has_text(value.get("transcript")):
            errors["transcript"] = [_("Add a transcript, for people who cannot hear or watch the video.")]
        _struct_errors(errors)
        return super().clean(value)


class AudioBlock(blocks.StructBlock):
    """An audio recording (for example guidance read aloud), always with a transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    audio = AudioChooserBlock(label=_("Audio"))
    transcript = AccessibleRichTextBlock(label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "blocks/audio.html"
        label = _("Audio")

    def clean(self, value):
        if not _has_text(value.get("transcript")):
            _struct_errors({"transcript": [_("Add a transcript, for people who cannot hear the recording.")]})
        return super().clean(value)


class AccordionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Section heading"), max_length=120)
    content = AccessibleRichTextBlock(label=_("Section content"))


class AccordionBlock(blocks.StructBlock):
    """Sections that open and close, for long pages people scan. Without JavaScript every section is open."""

    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1, label=_("Sections"))

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"
        label = _("Accordion")


class InsetTextBlock(AccessibleRichTextBlock):
    """A short quotation, example or extra note that sits apart from the main text."""

    class Meta:
        icon = "openquote"
        template = "blocks/inset_text.html"
        label = _("Inset text")


class WarningTextBlock(blocks.CharBlock):
    """Something people must know to avoid a problem, such as a deadline or a legal duty."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    class Meta:
        icon = "warning"
        template = "blocks/warning_text.html"
        label = _("Warning text")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=120)
    content = AccessibleRichTextBlock(label=_("What to do"))


class StepByStepBlock(blocks.StructBlock):
    """Numbered steps for a task done in order, such as applying for a personal budget."""

    steps = blocks.ListBlock(StepBlock(), min_num=2, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        template = "blocks/step_by_step.html"
        label = _("Step by step")


class DownloadBlock(blocks.StructBlock):
    """A file to download; the page shows its type and size so people know what they are getting."""

    document = DocumentChooserBlock(label=_("File"))
    link_text = blocks.CharBlock(
        label=_("Link text"), max_length=150, help_text=_("What the file is, e.g. “Support plan template”.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        template = "blocks/download.html"
        label = _("Download")

    def clean(self, value):
        problems = link_text_problems(value.get("link_text") or "")
        if problems:
            _struct_errors({"link_text": problems})
        return super().clean(value)


class HelpContactBlock(blocks.StructBlock):
    """Where to get help: an organisation's phone, textphone, email and opening hours."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Get help"))
    text = AccessibleRichTextBlock(label=_("Text"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=40, required=False)
    textphone = blocks.CharBlock(label=_("Textphone or Relay UK"), max_length=60, required=False)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    opening_hours = blocks.CharBlock(label=_("Opening hours"), max_length=200, required=False)

    class Meta:
        icon = "help"
        template = "blocks/help_contact.html"
        label = _("Help and contact box")

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("phone") or value.get("email") or value.get("textphone")):
            raise StructBlockValidationError(
                non_block_errors=ValidationError(_("Give at least one way to get in touch."))
            )
        return value


def _has_text(rich_text):
    from django.utils.html import strip_tags

    return bool(rich_text and strip_tags(rich_text.source).strip())


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = AccessibleRichTextBlock()
    easy_read = EasyReadBlock()
    video = VideoBlock()
    audio = AudioBlock()
    accordion = AccordionBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    step_by_step = StepByStepBlock()
    download = DownloadBlock()
    help_contact = HelpContactBlock()

    def clean(self, value):
        value = super().clean(value)
        levels = [
            (index, int(child.value["level"])) for index, child in enumerate(value) if child.block_type == "heading"
        ]
        problems = heading_level_problems(levels)
        if problems:
            raise StreamBlockValidationError(
                block_errors={
                    index: StructBlockValidationError(block_errors={"level": ValidationError(problem)})
                    for index, problem in problems.items()
                }
            )
        return value


class SignpostBlock(blocks.StructBlock):
    """A card on the home page that sends people to the start of a journey."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    summary = blocks.TextBlock(label=_("Summary"), max_length=200)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(label=_("Or a path on this site"), required=False, help_text=_("For example /find-support/"))

    class Meta:
        icon = "link"
        template = "blocks/signpost.html"
        label = _("Signpost")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(non_block_errors=ValidationError(_("Choose a page or give a path.")))
        return value
