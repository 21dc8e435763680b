"""The admin's forms: the image form (WAGTAILIMAGES_IMAGE_FORM_BASE), for the single and the multiple
uploader, and the login form (WAGTAILADMIN_USER_LOGIN_FORM)."""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ImageFileField(WagtailImageField):
    """Wagtail's image field, but a file that Pillow cannot read to the end is refused as "not a valid
    image" instead of raising. Wagtail opens the file with Willow under a broad `except` and reports
    an unreadable header; the size check that follows makes Pillow read further chunks, and a corrupt
    PNG then raises OSError, SyntaxError or struct.error from there (a 500 on the upload). Which
    exception Pillow raises for a damaged file is not part of its interface, so any is caught here,
    at the one place a user's file is parsed."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 -- see the docstring
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc


class ImageForm(BaseImageForm):
    file = ImageFileField(label=capfirst(_("file")), widget=BaseImageForm.Meta.widgets["file"])

    class Meta(BaseImageForm.Meta):
        pass


class LoginForm(WagtailLoginForm):
    """Wagtail's login form declares its password field without a label, so Django makes one from the
    field's name: "Password", in English whatever the language of the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
