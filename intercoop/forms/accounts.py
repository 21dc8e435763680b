"""Forms of initiative accounts: signing in, the account made when following a one-time link, the
entry's edit form, an owner's invitation and staff's suspension of an account."""

import re
from html import unescape

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.db import models
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField

from directori.models import Initiative
from directori.proposals import family_field, sectors_field

from ..models.accounts import Role

# The entry's fields are an autofill section of their own, so a browser does not offer the person's own
# address, e-mail or phone there (as directori.proposals does).
ENTRY = "section-initiative"


class LoginForm(AuthenticationForm):
    """Django's sign-in (it authenticates through `authenticate(request=...)`, so django-axes counts
    failures) with labels that say whose data it is. A suspended account gets the same message as a
    wrong password: the form never tells whether an account exists."""

    error_messages = {
        "invalid_login": _(
            "The e-mail or user name and the password do not match, or the account is suspended. "
            "Check them and try again."
        ),
        "inactive": _(
            "The e-mail or user name and the password do not match, or the account is suspended. "
            "Check them and try again."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Your e-mail or user name")
        self.fields["password"].label = _("Your password")

    def clean_username(self):
        """Accounts made from a link are named by their e-mail in lower case: "Nuria@Cuidem.cat" signs
        in as "nuria@cuidem.cat". Other user names are kept as typed."""
        username = self.cleaned_data["username"].strip()
        return username.lower() if "@" in username else username


class NewAccountForm(forms.Form):
    """An account for a person following a one-time link: their name, e-mail (their sign-in) and a
    password checked by Django's validators."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        error_messages={"required": _("Write your name.")},
        widget=forms.TextInput({"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=150,  # it becomes the user name, which holds 150 characters
        help_text=_("You sign in with it. It is never published."),
        error_messages={"required": _("Write your e-mail.")},
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Your password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html,
        error_messages={"required": _("Choose a password.")},
        widget=forms.PasswordInput({"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Your password again"),
        strip=False,
        error_messages={"required": _("Write the password again.")},
        widget=forms.PasswordInput({"autocomplete": "new-password"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        users = get_user_model().objects
        if users.filter(username__iexact=email).exists() or users.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("There is already an account with this e-mail: sign in first, then follow the link again.")
            )
        return email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first and data.get("email"):
            user = get_user_model()(
                username=data["email"], email=data["email"], first_name=data.get("name", "")
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data

    def save(self):
        data = self.cleaned_data
        return get_user_model().objects.create_user(
            username=data["email"], email=data["email"], password=data["password1"], first_name=data["name"]
        )


def plain_formfield(field, **kwargs):
    """Form fields of the entry's model fields, rich text as a plain text box: the descriptions are
    written as paragraphs (text_to_paragraphs), with no editor script on the public site."""
    if isinstance(field, RichTextField):
        return forms.CharField(**{"label": field.verbose_name, "required": not field.blank, **kwargs})
    if isinstance(field, models.URLField):
        return field.formfield(assume_scheme="https", **kwargs)
    return field.formfield(**kwargs)


class EntryForm(forms.ModelForm):
    """The public fields of an initiative's entry, as its people may change them. The district and
    neighbourhood are not here: they follow from the point when the entry is published."""

    family = family_field()
    sectors = sectors_field()

    class Meta:
        model = Initiative
        formfield_callback = plain_formfield
        fields = [
            "name",
            "description",
            "description_es",
            "description_en",
            "family",
            "sectors",
            "address",
            "postcode",
            "website",
            "email",
            "phone",
            "opening_hours",
            "year_founded",
            "legal_form",
            "workforce",
            "women_workforce_share",
            "women_governance_share",
        ]
        labels = {
            "name": _("Name of the initiative"),
            "description": _("What does it do? (Catalan)"),
            "description_es": _("What does it do? (Spanish)"),
            "description_en": _("What does it do? (English)"),
            "address": _("The initiative's address"),
            "postcode": _("Postcode"),
            "website": _("The initiative's website"),
            "email": _("The initiative's public e-mail"),
            "phone": _("The initiative's phone"),
            "opening_hours": _("Opening hours"),
            "year_founded": _("Year founded"),
            "legal_form": _("Legal form"),
            "workforce": _("People working"),
            "women_workforce_share": _("Women in the workforce (%)"),
            "women_governance_share": _("Women in governance bodies (%)"),
        }
        widgets = {
            # Plain text boxes: the rich text is stored as paragraphs (see clean_description).
            "description": forms.Textarea({"rows": 5}),
            "description_es": forms.Textarea({"rows": 5}),
            "description_en": forms.Textarea({"rows": 5}),
            "opening_hours": forms.Textarea({"rows": 3}),
            "name": forms.TextInput({"autocomplete": f"{ENTRY} organization"}),
            "address": forms.TextInput({"autocomplete": f"{ENTRY} street-address"}),
            "postcode": forms.TextInput({"autocomplete": f"{ENTRY} postal-code", "inputmode": "numeric"}),
            "website": forms.URLInput({"autocomplete": f"{ENTRY} url"}),
            "email": forms.EmailInput({"autocomplete": f"{ENTRY} work email"}),
            "phone": forms.TextInput({"autocomplete": f"{ENTRY} work tel", "type": "tel"}),
        }
        error_messages = {
            "name": {"required": _("Write the name of the initiative.")},
            **{
                name: {"invalid": _("Write a whole number.")}
                for name in ("year_founded", "workforce", "women_workforce_share", "women_governance_share")
            },
        }

    postcode_pattern = r"^\d{5}$"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("description", "description_es", "description_en"):
            self.initial[name] = paragraphs_to_text(self.initial.get(name) or "")
        # The family is chosen by slug: start from the object, not the id model_to_dict gives.
        self.initial["family"] = self.instance.family
        self.fields["workforce"].help_text = ""  # the label already says it

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not re.fullmatch(self.postcode_pattern, postcode):
            raise forms.ValidationError(_("Write the five digits of the postcode, e.g. 08012."))
        return postcode

    def _clean_description(self, name):
        return text_to_paragraphs(self.cleaned_data[name])

    def clean_description(self):
        return self._clean_description("description")

    def clean_description_es(self):
        return self._clean_description("description_es")

    def clean_description_en(self):
        return self._clean_description("description_en")


def text_to_paragraphs(text):
    """Plain text, paragraphs apart by a blank line, as the rich text the entry stores (escaped)."""
    return "".join(
        f"<p>{escape(p.strip())}</p>" for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()
    )


def paragraphs_to_text(html):
    """The rich text of a description as plain text for the form, paragraphs apart by a blank line."""
    return "\n\n".join(unescape(strip_tags(p)).strip() for p in html.split("</p>") if strip_tags(p).strip())


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail of the person you invite"),
        error_messages={"required": _("Write the e-mail of the person you invite.")},
        widget=forms.EmailInput({"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Their role"), choices=Role.choices, initial=Role.EDITOR)


class SuspensionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Write the reason: it is kept in the moderation log.")},
    )
