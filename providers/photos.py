"""Checking and cleaning photos that providers upload.

Only JPEG, PNG and WebP are accepted, within a size in bytes and a number of pixels (both settings). The pixel count is
read from the header before the image is decoded, so a decompression bomb is refused without using the memory it asks
for. Accepted photos are re-encoded with Pillow: EXIF and other metadata (GPS position, camera serial numbers) are
dropped and the orientation the camera recorded is applied to the pixels.
"""

import io
import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name: (file extension, save options)
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}


def _limits():
    return settings.LISTING_PHOTO_MAX_BYTES, settings.LISTING_PHOTO_MAX_PIXELS


def _megabytes(size):
    return f"{size / (1024 * 1024):.0f}"


def clean_photo(upload):
    """Validate an uploaded file and return a re-encoded ContentFile (named) ready to save on an ImageField.

    Raises ValidationError with a message a provider can act on.
    """
    max_bytes, max_pixels = _limits()
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The photo must be smaller than %(size)s MB.") % {"size": _megabytes(max_bytes)}, code="too_big"
        )
    not_image = ValidationError(_("The photo must be a JPEG, PNG or WebP image."), code="not_image")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)  # reads the header only
            image_format = image.format
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The photo has too many pixels. Make it smaller and try again."), code="too_many_pixels"
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise not_image from None
    if image_format not in FORMATS:
        raise not_image
    if width * height > max_pixels:
        raise ValidationError(
            _("The photo has too many pixels. Make it smaller than %(pixels)s million pixels and try again.")
            % {"pixels": f"{max_pixels / 1_000_000:g}"},
            code="too_many_pixels",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
            image = ImageOps.exif_transpose(image)
            clean = _without_metadata(image, image_format)
            extension, options = FORMATS[image_format]
            output = io.BytesIO()
            clean.save(output, format=image_format, **options)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The photo has too many pixels. Make it smaller and try again."), code="too_many_pixels"
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ValidationError(
            _("The photo could not be read. It may be damaged: try another copy."), code="broken"
        ) from None
    stem = slugify(os.path.splitext(os.path.basename(getattr(upload, "name", "") or ""))[0])[:50] or "photo"
    return ContentFile(output.getvalue(), name=f"{stem}.{extension}")


def _without_metadata(image, image_format):
    """A copy of the pixels only: no EXIF, XMP, ICC or text chunks travel with it."""
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("P", "PA") else "RGB")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    clean.info = {}
    return clean
