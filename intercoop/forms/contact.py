"""The "Contacta" form: a message to the initiative behind a post, sent through the site."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ContactForm(forms.Form):
    """`senders`: the initiatives the person may write for (never the post's own). With one, it is the
    sender and the form has no field for it; with several, the person chooses (by slug, as the
    proposal form chooses terms: a huge posted number cannot reach the database lookup)."""

    sender = forms.ModelChoiceField(
        label=_("Write on behalf of"),
        queryset=None,
        to_field_name="slug",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the initiative you write for."),
            "invalid_choice": _("Choose one of your initiatives."),
        },
    )
    body = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say who you are and what you propose. They will answer to your e-mail address."),
        error_messages={"required": _("Write your message.")},
    )

    def __init__(self, *args, senders, **kwargs):
        """`senders`: a queryset, in the order the choices are shown."""
        super().__init__(*args, **kwargs)
        self.only_sender = senders[0] if len(senders) == 1 else None
        if self.only_sender:
            del self.fields["sender"]
        else:
            self.fields["sender"].queryset = senders

    def writing_initiative(self):
        """The initiative that writes (after validation)."""
        return self.only_sender or self.cleaned_data["sender"]
