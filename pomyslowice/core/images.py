"""Uploaded pictures (logos, photos): a real PNG, JPEG or WebP image of bounded weight and size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Pillow's format name -> the file extension the image is stored under. MPO is how Pillow
# names the JPEG files many phones produce.
IMAGE_FORMATS = {"PNG": ".png", "JPEG": ".jpg", "MPO": ".jpg", "WEBP": ".webp"}


def validate_image(file, *, max_side: int) -> str:
    """Return the image's format, or raise a ValidationError saying what is wrong with it."""
    limit = settings.IMAGE_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
    image_format, (width, height) = _decode(file, max_side=max_side)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("The image must be a PNG, JPEG or WebP file, not %(format)s.")
            % {"format": image_format},
            code="image_format",
        )
    if width > max_side or height > max_side:
        raise ValidationError(
            _("The image is %(width)s x %(height)s pixels; it may be at most %(max)s x %(max)s.")
            % {"width": width, "height": height, "max": max_side},
            code="image_dimensions",
        )
    return image_format


def _decode(file, *, max_side: int) -> tuple[str, tuple[int, int]]:
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format, size = image.format, image.size
            if size[0] * size[1] <= max_side * max_side:
                image.load()  # decoding everything catches truncated and corrupted files
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("Choose an image file (PNG, JPEG or WebP) that opens correctly."),
            code="not_an_image",
        ) from None
    finally:
        file.seek(0)
    return image_format, size
