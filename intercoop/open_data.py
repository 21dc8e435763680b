"""The bank of collaborations as open data: confirmed agreements (CSV, JSON-LD), and the listed offers
and needs with those agreements in the Murmurations "offers and wants" shape and as Valueflows.

One rule everywhere: an agreement's parties are named only when both consent (`named_in_public`);
otherwise the agreement is there, counted, with its date, status, sectors, districts and values but no
names and no words of its own: "what" is often an offer's title, whose public page names the parties. The licence
and attribution are the directory's (directori.exporting), and so is the CSV's guard against formulas.
"""

import csv
import io
import json
from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone

from directori.exporting import ATTRIBUTION, LICENCE_URL, inert

from .models import Agreement, Post

CSV_COLUMNS = (
    "id",
    "start",
    "status",
    "what",
    "sectors",
    "districts",
    "value_hours",
    "value_euros",
    "party_1",
    "party_2",
)
VALUEFLOWS = "https://w3id.org/valueflows/ont/vf#"
MURMURATIONS_SCHEMA = "offers_wants_schema-v0.1.0"
# Valueflows action of an intent per kind of post; Murmurations' item type (a good or a service)
ACTIONS = {
    "services": "deliverService",
    "space": "use",
    "equipment": "use",
    "knowledge": "deliverService",
    "volunteering": "work",
    "supply": "transfer",
    "financing": "transfer",
}
GOODS = {"space", "equipment", "supply"}


def confirmed_agreements():
    """Confirmed, not cancelled, oldest first, with both parties' sectors and districts: three queries
    whatever the number."""
    return (
        Agreement.objects.confirmed()
        .select_related("proposer__district", "partner__district")
        .prefetch_related("proposer__sectors", "partner__sectors")
        .order_by("start", "pk")
    )


def _union(agreement, terms):
    """The slugs or codes of `terms(initiative)` of both parties, without repeats, in order."""
    found = {}
    for party in (agreement.proposer, agreement.partner):
        for term in terms(party):
            found.setdefault(term, None)
    return list(found)


def agreement_row(agreement):
    """The public face of one agreement: parties and what they agreed only with both consents."""
    named = agreement.named_in_public
    return {
        "id": agreement.pk,
        "start": agreement.start.isoformat(),
        "status": agreement.status,
        "what": agreement.what if named else "",
        "sectors": _union(agreement, lambda party: [sector.slug for sector in party.sectors.all()]),
        "districts": _union(agreement, lambda party: [party.district.code] if party.district else []),
        "value_hours": agreement.value_hours,  # Decimal: as written in CSV, a number in JSON (`dumps`)
        "value_euros": agreement.value_euros,
        "party_1": agreement.proposer.name if named else "",
        "party_2": agreement.partner.name if named else "",
        "party_slugs": [agreement.proposer.slug, agreement.partner.slug] if named else [],
    }


def agreements_csv():
    """UTF-8 with a byte order mark (as the directory's CSV, for spreadsheets), lists joined by ";"."""
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for agreement in confirmed_agreements():
        row = agreement_row(agreement)
        row["sectors"] = ";".join(row["sectors"])
        row["districts"] = ";".join(row["districts"])
        row = {key: "" if value is None else value for key, value in row.items()}
        writer.writerow({key: inert(value) for key, value in row.items()})
    return stream.getvalue()


def _initiative_url(absolute, slug):
    return absolute(reverse("directori:initiative", kwargs={"slug": slug}))


def agreement_node(agreement, absolute):
    """A Valueflows Agreement (with schema.org terms where Valueflows has none): when, status, values,
    sectors and districts; what and its two parties only when both consent."""
    row = agreement_row(agreement)
    node = {
        "@type": "vf:Agreement",
        "@id": absolute(f"{reverse('intercoop:agreements_jsonld')}#acord-{agreement.pk}"),
        "vf:created": row["start"],
        "schema:actionStatus": row["status"],
        "schema:about": row["sectors"],
        "schema:areaServed": row["districts"],
    }
    if row["value_hours"] is not None:
        node["vf:effortQuantity"] = {  # a Valueflows Measure, in the OM units it uses
            "@type": "om2:Measure",
            "om2:hasNumericalValue": row["value_hours"],
            "om2:hasUnit": {"@id": "om2:hour"},
        }
    if row["value_euros"] is not None:
        node["schema:price"] = {
            "@type": "schema:MonetaryAmount",
            "schema:value": row["value_euros"],
            "schema:currency": "EUR",
        }
    if row["party_slugs"]:
        node["vf:name"] = row["what"]
        node["schema:participant"] = [
            {"@id": _initiative_url(absolute, slug), "schema:name": name}
            for slug, name in zip(row["party_slugs"], (row["party_1"], row["party_2"]), strict=True)
        ]
    return node


CONTEXT = {
    "vf": VALUEFLOWS,
    "schema": "https://schema.org/",
    "om2": "http://www.ontology-of-units-of-measure.org/resource/om-2/",
}


def _graph(nodes):
    return {
        "@context": CONTEXT,
        "schema:license": LICENCE_URL,
        "schema:creditText": ATTRIBUTION,
        "@graph": nodes,
    }


def agreements_jsonld(absolute):
    return _graph([agreement_node(agreement, absolute) for agreement in confirmed_agreements()])


def listed_posts():
    """The listed offers and needs with what their exports read: two queries whatever the number."""
    return (
        Post.objects.listed()
        .select_related("initiative", "district", "neighbourhood")
        .prefetch_related("sectors")
        .order_by("created_at", "pk")
    )


def _post_tags(post):
    return [post.kind, *(sector.slug for sector in post.sectors.all())]


def _end_of(day):
    return timezone.make_aware(datetime.combine(day, time.max))


def valueflows(absolute):
    """Each listed post as a Valueflows Proposal that publishes one Intent (an offer's provider or a
    need's receiver is its initiative), and each confirmed agreement as an Agreement."""
    nodes = []
    for post in listed_posts():
        url = absolute(post.get_absolute_url())
        agent = {"@id": _initiative_url(absolute, post.initiative.slug), "schema:name": post.initiative.name}
        intent = {
            "@type": "vf:Intent",
            "@id": f"{url}#intencio",
            "vf:action": {"@id": f"vf:{ACTIONS[post.kind]}"},
            "vf:name": post.title,
            "vf:note": post.description,
            "vf:resourceClassifiedAs": _post_tags(post),
            "vf:hasEnd": post.valid_until.isoformat(),
            "vf:provider" if post.direction == Post.Direction.OFFER else "vf:receiver": agent,
        }
        if post.quantity:
            intent["schema:description"] = post.quantity
        proposal = {
            "@type": "vf:Proposal",
            "@id": url,
            "vf:name": post.title,
            "vf:hasBeginning": post.created_at.isoformat(),
            "vf:hasEnd": post.valid_until.isoformat(),
            "vf:publishes": intent,
        }
        if post.area:
            proposal["vf:eligibleLocation"] = {"@type": "schema:Place", "schema:name": post.area.name}
        nodes.append(proposal)
    nodes.extend(agreement_node(agreement, absolute) for agreement in confirmed_agreements())
    return _graph(nodes)


def murmurations(absolute):
    """Each listed post as a Murmurations offers-and-wants profile (its page, whence the site carries
    messages, instead of an e-mail, which the bank never shows), then the confirmed agreements as rows of `agreement_row`
    (Murmurations has no schema for them)."""
    profiles = []
    for post in listed_posts():
        url = absolute(post.get_absolute_url())
        profile = {
            "linked_schemas": [MURMURATIONS_SCHEMA],
            "exchange_type": "offer" if post.direction == Post.Direction.OFFER else "want",
            "item_type": "good" if post.kind in GOODS else "service",
            "title": post.title,
            "description": post.description,
            "tags": _post_tags(post),
            "details_url": url,
            "primary_url": _initiative_url(absolute, post.initiative.slug),
            "geographic_scope": "local",
            "expires_at": int(_end_of(post.valid_until).timestamp()),
            "contact_details": {"contact_form": url},  # the post's page, with its "Contacta" form
        }
        initiative = post.initiative
        if initiative.latitude is not None and initiative.longitude is not None:
            profile["geolocation"] = {"lat": initiative.latitude, "lon": initiative.longitude}
        if post.area:
            profile["locality"] = post.area.name
        profiles.append(profile)
    agreements = []
    for agreement in confirmed_agreements():
        row = agreement_row(agreement)
        del row["party_slugs"]
        agreements.append(row)
    return {
        "schema": MURMURATIONS_SCHEMA,
        "license": LICENCE_URL,
        "attribution": ATTRIBUTION,
        "profiles": profiles,
        "agreements": agreements,
    }


def dumps(data):
    """JSON with Decimals (the values) as numbers."""
    return json.dumps(data, ensure_ascii=False, indent=1, default=float)
