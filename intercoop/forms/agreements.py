"""Recording an agreement with another initiative, and either party's later changes to it."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from directori.models import Initiative

from ..models import Agreement, Post

VALUE_FIELDS = ("value_hours", "value_euros")
# "Name (slug)", as the partner box's suggestions write it: the slug tells apart initiatives of one name
NAMED_SLUG = re.compile(r"^(?P<name>.*)\((?P<slug>[a-z0-9-]+)\)\s*$")


def partner_label(initiative):
    """How the partner box names an initiative, and reads it back (`find_partner`)."""
    return f"{initiative.name} ({initiative.slug})"


def partner_choices(initiative):
    """Every live initiative but `initiative`, for the partner box's suggestions (a <datalist>: the
    browser filters it as one types, with no script), as (slug, name) pairs: two columns of one query."""
    return (
        Initiative.objects.live().exclude(pk=initiative.pk).order_by("name", "pk").values_list("slug", "name")
    )


def find_partner(text):
    """The live initiative that `text` names: "Name (slug)" as suggested, its slug, or its exact name
    when only one initiative has it. None otherwise."""
    text = " ".join(text.split())
    live = Initiative.objects.live()
    if match := NAMED_SLUG.match(text):
        return live.filter(slug=match["slug"]).first()
    by_slug = live.filter(slug=text).first()
    if by_slug is not None:
        return by_slug
    by_name = list(live.filter(name__iexact=text)[:2])
    return by_name[0] if len(by_name) == 1 else None


class ValuesForm(forms.ModelForm):
    """What both forms share: status, outcome, the values (≥ 0, the model's validators) and the
    consent of the initiative whose person fills it in."""

    consents = forms.BooleanField(
        label=_("Your initiative agrees to be named in public with this agreement"),
        required=False,
        help_text=_("Both initiatives must agree; otherwise the agreement is only counted."),
    )

    class Meta:
        model = Agreement
        fields = ["status", "outcome", "value_hours", "value_euros"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "outcome": _("Outcome"),
            "value_hours": _("Value in hours"),
            "value_euros": _("Value in euros"),
        }
        help_texts = {
            "outcome": _("What came of it, once under way or done."),
            "value_hours": _("Optional. Hours of work, use or service exchanged."),
            "value_euros": _("Optional. Its value in euros."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in VALUE_FIELDS:
            self.fields[name].widget.attrs.update({"min": "0", "step": "0.01", "inputmode": "decimal"})


class AgreementForm(ValuesForm):
    """A new agreement recorded by `initiative` (the proposer) with another live initiative. `post`: the
    offer or need it answers (?publicacio=), kept only when it is one of the two parties'."""

    partner_name = forms.CharField(
        label=_("Other initiative"),
        max_length=260,
        help_text=_("Type its name and choose it from the suggestions."),
    )

    class Meta(ValuesForm.Meta):
        fields = ["what", "start", "status", "outcome", "value_hours", "value_euros"]
        widgets = {
            **ValuesForm.Meta.widgets,
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {**ValuesForm.Meta.labels, "what": _("What you agreed"), "start": _("Start date")}
        help_texts = {
            **ValuesForm.Meta.help_texts,
            "what": _("E.g. Use of the workshop room two afternoons a week."),
        }

    field_order = [
        "partner_name",
        "what",
        "start",
        "status",
        "outcome",
        "value_hours",
        "value_euros",
        "consents",
    ]

    def __init__(self, *args, initiative, post=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.post = post
        self.fields["start"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["partner_name"].widget.attrs.update({"list": "partner-choices", "autocomplete": "off"})

    def clean_partner_name(self):
        partner = find_partner(self.cleaned_data["partner_name"])
        if partner is None:
            raise forms.ValidationError(
                _("No published initiative has this name. Choose one from the suggestions."), code="unknown"
            )
        if partner.pk == self.initiative.pk:
            raise forms.ValidationError(
                _("An agreement is with another initiative, not your own."), code="self"
            )
        self.partner = partner
        return partner_label(partner)

    def save(self, user):
        agreement = super().save(commit=False)
        agreement.proposer = self.initiative
        agreement.partner = self.partner
        agreement.proposer_consents = self.cleaned_data["consents"]
        parties = {self.initiative.pk, self.partner.pk}
        agreement.post = self.post if self.post and self.post.initiative_id in parties else None
        agreement.created_by = user
        agreement.save()
        return agreement


class AgreementUpdateForm(ValuesForm):
    """Either party's changes: status, outcome, values, and its own consent to be named (the field
    that stands for it is the proposer's or the partner's, by `side`)."""

    def __init__(self, *args, side, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_field = f"{side}_consents"
        self.fields["consents"].initial = getattr(self.instance, self.consent_field)

    def save(self):
        agreement = super().save(commit=False)
        setattr(agreement, self.consent_field, self.cleaned_data["consents"])
        agreement.save()
        return agreement


def prefill_post(slug):
    """The listed post named by ?publicacio= (None if there is none such)."""
    return Post.objects.listed().filter(slug=slug).first() if slug else None
