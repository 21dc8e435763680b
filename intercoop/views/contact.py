"""'Contacta': a message from one initiative to the one behind a post, carried by the site so that the
poster's e-mail is never shown. The answer goes straight to the sender's e-mail (Reply-To)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.collation import Collated

from .. import limits, mail
from ..forms.contact import ContactForm
from ..models import ContactMessage, Post
from ..permissions import initiatives_of


def contact(request, slug):
    """Anyone sees who may write; a person acting for an initiative writes (choosing which one when
    they act for several). Their own initiative's post answers 404, as does a hidden or expired one."""
    post = get_object_or_404(Post.objects.listed().select_related("initiative__space"), slug=slug)
    mine = initiatives_of(request.user)
    senders = mine.exclude(pk=post.initiative_id).order_by(Collated("name"), "pk")
    if not senders.exists():
        if mine.filter(pk=post.initiative_id).exists():
            raise Http404  # one's own post: nothing to contact
        return _refusal(request, post, "not_a_member")
    to = recipients(post.initiative)
    if not to:
        return _refusal(request, post, "unreachable")
    form = ContactForm(request.POST or None, senders=senders)
    status = 200
    if request.method == "POST":
        if limits.over_limit(
            ContactMessage.objects, "sent_by", request.user, limits.MESSAGES_PER_HOUR, limits.HOUR
        ):
            form.add_error(
                None, _("You have sent too many messages in the last hour: please try again later.")
            )
            status = 429
        elif form.is_valid():
            sender = form.writing_initiative()
            message = ContactMessage.objects.create(
                post=post, sender=sender, sent_by=request.user, body=form.cleaned_data["body"]
            )
            _deliver(message, to, request.user)
            messages.success(
                request,
                _("Your message has been sent to %(name)s. Their answer will come to your e-mail.")
                % {"name": post.initiative.name},
            )
            return redirect("intercoop:post", slug=post.slug)
        else:
            status = 400
    return render(request, "intercoop/contact.html", {"post": post, "form": form}, status=status)


def recipients(initiative):
    """The addresses a message to `initiative` goes to: its people, else the entry's public e-mail."""
    return mail.people_of(initiative) or ([initiative.email] if initiative.email else [])


def agreement_link(recipient, sender, post, language):
    """The full address, in `language`, of the recipient's form to record an agreement with the sender
    about the post (intercoop:agreement_new, prefilled)."""
    query = urlencode({"amb": sender.slug, "publicacio": post.slug})
    with translation.override(language):
        path = reverse("intercoop:agreement_new", args=[recipient.slug])
    return mail.absolute(f"{path}?{query}")


def _refusal(request, post, why):
    """The page that says why no form is shown: 200 when read, 403 when posted to anyway."""
    status = 403 if request.method == "POST" else 200
    return render(request, "intercoop/contact.html", {"post": post, "refusal": why}, status=status)


def _deliver(message, to, user):
    post, sender = message.post, message.sender
    language = mail.language_of(post.initiative)
    with translation.override(language):
        post_url = mail.absolute(reverse("intercoop:post", kwargs={"slug": post.slug}))
    context = {
        "message": message,
        "post": post,
        "sender": sender,
        "post_url": post_url,
        "agreement_url": agreement_link(post.initiative, sender, post, language),
    }
    mail.send(to, language, "contact", context, reply_to=[user.email] if user.email else None)
