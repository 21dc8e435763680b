"""Recording an agreement with another initiative, and either party's later changes to it."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.catalan import in_catalan
from core.dates import long_date
from directori.models import Initiative

from ..models import Agreement, Post
from ..models.agreements import MAX_EUROS, MAX_HOURS

VALUE_FIELDS = ("value_hours", "value_euros")
MAX_VALUES = {"value_hours": MAX_HOURS, "value_euros": MAX_EUROS}
EARLIEST_START = datetime.date(2000, 1, 1)
YEARS_AHEAD = 5
# What the other party confirmed: changing any of it after confirmation asks for confirmation again
AGREED_FIELDS = ("what", "start", "value_hours", "value_euros")
# Status that may follow each one without a new confirmation: forward only (cancelling is always)
FORWARD = {
    Agreement.Status.PROPOSED: {Agreement.Status.AGREED, Agreement.Status.DONE},
    Agreement.Status.AGREED: {Agreement.Status.DONE},
}
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


def latest_start():
    """Five years from today (the 29th of February falls back to the 28th)."""
    today = timezone.localdate()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


class ValuesForm(forms.ModelForm):
    """What both forms share: what was agreed and from when (between 2000 and five years ahead),
    status, outcome, the values (between 0 and the model's limits) and the consent of the initiative
    whose person fills it in."""

    consents = forms.BooleanField(
        label=_("Your initiative agrees to be named in public with this agreement"),
        required=False,
        help_text=_("Both initiatives must agree; otherwise the agreement is only counted."),
    )

    class Meta:
        model = Agreement
        fields = ["what", "start", "status", "outcome", "value_hours", "value_euros"]
        widgets = {
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {
            "what": _("What you agreed"),
            "start": _("Start date"),
            "outcome": _("Outcome"),
            "value_hours": _("Value in hours"),
            "value_euros": _("Value in euros"),
        }
        help_texts = {
            "what": _("E.g. Use of the workshop room two afternoons a week."),
            "outcome": _("What came of it, once under way or done."),
            "value_hours": _("Optional. Hours of work, use or service exchanged."),
            "value_euros": _("Optional. Its value in euros."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in VALUE_FIELDS:
            self.fields[name].widget.attrs.update(
                {"min": "0", "max": str(MAX_VALUES[name]), "step": "0.01", "inputmode": "decimal"}
            )
        self.fields["start"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["start"].widget.attrs.update(
            {"min": EARLIEST_START.isoformat(), "max": latest_start().isoformat()}
        )

    def clean_start(self):
        start = self.cleaned_data["start"]
        latest = latest_start()
        if not EARLIEST_START <= start <= latest:
            message = gettext("The start date must be between %(earliest)s and %(latest)s.") % {
                "earliest": long_date(EARLIEST_START),
                "latest": long_date(latest),
            }
            raise forms.ValidationError(in_catalan(message), code="range")  # "entre l'1 de gener"
        return start


class AgreementForm(ValuesForm):
    """A new agreement recorded by `initiative` (the proposer) with another live initiative. `post`: the
    offer or need it answers (?publicacio=), kept only when it is one of the two parties'."""

    partner_name = forms.CharField(
        label=_("Other initiative"),
        max_length=260,
        help_text=_("Type its name and choose it from the suggestions."),
    )

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
    """Either party's changes, and its own consent to be named (the field that stands for it is the
    proposer's or the partner's, by `side`). Once confirmed, a change to what was agreed (what, start,
    values, or the status going back) is not the other party's word any more: it waits for the other
    party's confirmation again (`needs_confirmation`). Only the status moving forward, the outcome and
    one's own consent change a confirmed agreement as they are."""

    def __init__(self, *args, side, **kwargs):
        super().__init__(*args, **kwargs)
        self.side = side
        self.consent_field = f"{side}_consents"
        self.fields["consents"].initial = getattr(self.instance, self.consent_field)
        self.was = {name: getattr(self.instance, name) for name in (*AGREED_FIELDS, "status")}

    def clean(self):
        """A declined agreement (cancelled before any confirmation) stays so: bringing it back would put
        it in the other party's list again and again. A new one is recorded instead."""
        data = super().clean()
        declined = self.was["status"] == Agreement.Status.CANCELLED and self.instance.confirmed_at is None
        if declined and data.get("status") not in (None, Agreement.Status.CANCELLED):
            self.add_error("status", _("A declined agreement stays cancelled: record a new one."))
        return data

    @property
    def needs_confirmation(self):
        """True when the (valid) change needs the other party's confirmation: it undoes a confirmation,
        or the party asked to confirm rewrites what it is asked about (it would confirm its own words)."""
        data = self.cleaned_data
        changed = any(data[name] != self.was[name] for name in AGREED_FIELDS)
        if self.instance.confirmed_at is None:
            cancelled = Agreement.Status.CANCELLED in (self.was["status"], data["status"])
            return changed and not cancelled and self.side == self.instance.confirming_side
        if changed:
            return True
        old, new = self.was["status"], data["status"]
        return new != old and new != Agreement.Status.CANCELLED and new not in FORWARD.get(old, ())

    def save(self):
        """Saves the changes; True when the other party must confirm them (and is to be told)."""
        reconfirm = self.needs_confirmation
        agreement = super().save(commit=False)
        setattr(agreement, self.consent_field, self.cleaned_data["consents"])
        if reconfirm:
            agreement.confirmed_at = None
            agreement.proposer_confirms = self.side == "partner"
        agreement.save()
        return reconfirm


def prefill_post(slug):
    """The listed post named by ?publicacio= (None if there is none such)."""
    return Post.objects.listed().filter(slug=slug).first() if slug else None
