"""Validators shared by the apps' models."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text


def _luminance(hex_colour):
    def channel(value):
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(hex_colour):
    return 1.05 / (_luminance(hex_colour) + 0.05)


def validate_readable_with_white(value):
    """A colour drawn behind white text (bands, finished bars, map markers) must reach AA contrast."""
    if len(value) == 7 and value.startswith("#"):
        try:
            ratio = contrast_with_white(value)
        except ValueError:
            return  # the format validator reports it
        if ratio < MIN_CONTRAST:
            raise ValidationError(
                _(
                    "White text on %(colour)s has a contrast of %(ratio).1f:1; choose a darker colour (4.5:1 or more)."
                )
                % {"colour": value, "ratio": ratio}
            )


# A colour of the site or the map: #RRGGBB, dark enough for white text on it.
COLOUR_VALIDATORS = [
    RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Write a colour as # and six hexadecimal digits.")),
    validate_readable_with_white,
]
