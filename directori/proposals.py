"""The public proposal form: server-side validation, a honeypot and a rate limit.

The rate limit counts the proposals stored in the last hour, in the database, so it holds for every
process and whether or not the cache (Redis) is up: at most PROPOSALS_PER_HOUR proposals per client
address (as the trusted proxies report it, core.client_ip: an IPv6 client is its /64) and as many per
proposer e-mail, so neither changing address nor changing e-mail gets more. The address is stored only
as a keyed hash (Proposal.client_hash).
"""

from datetime import timedelta

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.client_ip import client_ip

from .models import EssFamily, Initiative, Proposal, Sector

PROPOSALS_PER_HOUR = 5


# The initiative's fields are an autofill section of their own ("work" for its e-mail and phone), so that
# a browser does not offer the visitor's own address or e-mail there; the proposer's are "name" and "email".
INITIATIVE = "section-initiative"


def family_field():
    """An initiative's ESS family in a public form (here and in an initiative's own space). Chosen by
    slug, not primary key: a posted number too large for SQLite's INTEGER raised OverflowError inside
    Django's lookup (a 500) instead of "not one of the choices"."""
    return forms.ModelChoiceField(
        label=_("Kind of organisation"),
        queryset=EssFamily.objects.by_label(),
        required=False,
        to_field_name="slug",
    )


def sectors_field():
    """An initiative's sectors in a public form, by slug as `family_field`; rendered as a fieldset with
    the label as its legend."""
    return forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.by_label(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )


class ProposalForm(forms.Form):
    """A new initiative, or (correction_of) a message about an existing one.

    The fields a proposal cannot do without are `required` (the page marks them), each with its own
    message; the form is rendered with `novalidate`, so these messages are the ones people read."""

    name = forms.CharField(
        label=_("Name of the initiative"),
        max_length=200,
        error_messages={"required": _("Write the name of the initiative.")},
        widget=forms.TextInput({"autocomplete": f"{INITIATIVE} organization"}),
    )
    description = forms.CharField(
        label=_("What does it do?"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=4000
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=255,
        required=False,
        widget=forms.TextInput({"autocomplete": f"{INITIATIVE} street-address"}),
    )
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _("Write the five digits of the postcode, e.g. 08012.")},
        widget=forms.TextInput({"autocomplete": f"{INITIATIVE} postal-code", "inputmode": "numeric"}),
    )
    family = family_field()
    sectors = sectors_field()
    website = forms.URLField(
        label=_("The initiative's website"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput({"autocomplete": f"{INITIATIVE} url"}),
    )
    email = forms.EmailField(
        label=_("The initiative's e-mail"),
        required=False,
        widget=forms.EmailInput({"autocomplete": f"{INITIATIVE} work email"}),
    )
    phone = forms.CharField(
        label=_("The initiative's phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput({"autocomplete": f"{INITIATIVE} work tel", "type": "tel"}),
    )
    message = forms.CharField(
        label=_("Anything else we should know?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    proposer_name = forms.CharField(
        label=_("Your name"), max_length=120, required=False, widget=forms.TextInput({"autocomplete": "name"})
    )
    proposer_email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("Only to ask you about the proposal; never published."),
        widget=forms.EmailInput({"autocomplete": "email"}),
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
            message = self.fields["message"]
            message.required = True
            message.error_messages["required"] = _("Tell us what should be corrected.")

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("homepage"))

    def save(self, client_hash=""):
        # The limit needs the last hour's client hashes only: older ones are forgotten.
        Proposal.objects.filter(created_at__lt=timezone.now() - timedelta(hours=1)).exclude(
            client_hash=""
        ).update(client_hash="")
        data = self.cleaned_data
        common = {
            "client_hash": client_hash,
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


# The advisory lock's key: any constant no other lock of the project uses (imports key on their source).
PROPOSAL_LOCK = 0x455353_0001


def client_hash(request):
    """The client's address (core.client_ip) as a keyed hash: equal for one client, and of no use
    to anyone who reads the table without the SECRET_KEY."""
    return salted_hmac("directori.proposals.client", client_ip(request) or "", algorithm="sha256").hexdigest()


def over_limit(request, email):
    """True once this proposal's client address or its e-mail (case and spaces aside) has sent
    PROPOSALS_PER_HOUR proposals in the last hour.

    Called inside the request's transaction (ATOMIC_REQUESTS) before the proposal is saved in it. On
    PostgreSQL a transaction-level advisory lock makes proposals count and save one at a time, so that
    parallel posts cannot all count the same four and all pass (they are few: waiting is free); SQLite
    lets one writer at a time anyway."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PROPOSAL_LOCK])
    recent = Proposal.objects.filter(created_at__gte=timezone.now() - timedelta(hours=1))
    if recent.filter(client_hash=client_hash(request)).count() >= PROPOSALS_PER_HOUR:
        return True
    email = email.strip()
    return bool(email) and recent.filter(proposer_email__iexact=email).count() >= PROPOSALS_PER_HOUR
