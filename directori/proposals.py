"""The public proposal form: server-side validation, a honeypot and a rate limit.

The rate limit counts in the cache (Redis when REDIS_URL is set, so every process shares it): at most
PROPOSALS_PER_HOUR proposals per client address (as the trusted proxies report it, core.client_ip)
and as many per proposer e-mail, so neither changing address nor changing e-mail gets more.
"""

import hashlib

from django import forms
from django.core.cache import cache
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.client_ip import client_ip

from .models import EssFamily, Initiative, Proposal, Sector

PROPOSALS_PER_HOUR = 5


class ProposalForm(forms.Form):
    name = forms.CharField(label=_("Name of the initiative"), max_length=200, required=False)
    description = forms.CharField(
        label=_("What does it do?"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=4000
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _("Write the five digits of the postcode, e.g. 08012.")},
    )
    # Chosen by slug, not primary key: a posted number too large for SQLite's INTEGER raised
    # OverflowError inside Django's lookup (a 500) instead of "not one of the choices".
    family = forms.ModelChoiceField(
        label=_("Kind of organisation"),
        queryset=EssFamily.objects.all(),
        required=False,
        to_field_name="slug",
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Its e-mail"), required=False)
    phone = forms.CharField(label=_("Its phone"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Anything else we should know?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    proposer_name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    proposer_email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("Only to ask you about the proposal; never published.")
    )
    # Hidden from people by CSS and aria-hidden; robots fill it in.
    homepage = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, correction_of=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.correction_of = correction_of
        if correction_of is not None:  # a correction is a message about an existing initiative
            for name in list(self.fields):
                if name not in ("message", "proposer_name", "proposer_email", "homepage"):
                    del self.fields[name]

    def clean(self):
        data = super().clean()
        if self.correction_of is None and not data.get("name"):
            self.add_error("name", _("Write the name of the initiative."))
        if self.correction_of is not None and not data.get("message"):
            self.add_error("message", _("Tell us what should be corrected."))
        return data

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("homepage"))

    def save(self):
        data = self.cleaned_data
        common = {
            "message": data["message"],
            "proposer_name": data["proposer_name"],
            "proposer_email": data["proposer_email"],
        }
        if self.correction_of is not None:
            return Proposal.objects.create(
                kind=Proposal.Kind.CORRECTION, initiative=self.correction_of, **common
            )
        initiative = Initiative(
            name=data["name"],
            description="".join(
                f"<p>{escape(p)}</p>" for p in data["description"].split("\n\n") if p.strip()
            ),
            address=data["address"],
            postcode=data["postcode"],
            family=data["family"],
            website=data["website"],
            email=data["email"],
            phone=data["phone"],
            source="proposta",
            live=False,
            has_unpublished_changes=True,
        )
        initiative.sectors.set(data["sectors"])
        initiative.save()  # also writes the sectors (a cluster's relations are saved with it)
        initiative.save_revision()
        return Proposal.objects.create(kind=Proposal.Kind.NEW, initiative=initiative, **common)


def _count(key):
    """Add one to an hourly counter; its new value."""
    cache.add(key, 0, 3600)
    try:
        return cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, 3600)
        return 1


def over_limit(request, email):
    """Count this proposal against its client address's and its e-mail's hourly allowance; True once
    either is used up. The e-mail is keyed by a hash (no address in the cache), case and spaces aside."""
    counts = [_count(f"directori-proposals:ip:{client_ip(request)}")]
    if email := email.strip().lower():
        counts.append(_count(f"directori-proposals:email:{hashlib.sha256(email.encode()).hexdigest()}"))
    return max(counts) > PROPOSALS_PER_HOUR
