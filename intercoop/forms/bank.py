"""The form of an offer or a need (the bank of collaborations), in an initiative's space."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directori.models import District, Neighbourhood, Sector

from ..models import Post

CITY = ""
VALID_FOR = timedelta(days=365)  # a post is valid for a year at most: then it is posted again


def where_choices():
    """One control for "where": the whole city, then each district followed by its neighbourhoods
    (an <optgroup> per district), so a person never picks a district and a neighbourhood that disagree."""
    neighbourhoods = {}
    for n in Neighbourhood.objects.defer("geometry").order_by("code"):
        neighbourhoods.setdefault(n.district_id, []).append((f"barri:{n.slug}", n.label))
    choices = [(CITY, _("The whole city"))]
    for district in District.objects.defer("geometry").order_by("code"):
        group = [(f"districte:{district.slug}", _("The whole district: %(name)s") % {"name": district.label})]
        choices.append((district.label, group + neighbourhoods.get(district.pk, [])))
    return choices


class PostForm(forms.ModelForm):
    where = forms.ChoiceField(
        label=_("Where"),
        required=False,
        help_text=_("Where the offer or the need is: the whole city, a district or a neighbourhood."),
    )

    class Meta:
        model = Post
        fields = ["direction", "kind", "title", "description", "sectors", "valid_until", "quantity"]
        widgets = {
            "direction": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "sectors": forms.CheckboxSelectMultiple,
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"direction": _("Is it an offer or a need?")}
        help_texts = {"valid_until": _("From today to one year ahead.")}

    field_order = ["direction", "kind", "title", "description", "sectors", "where", "valid_until", "quantity"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = Post.Direction.choices
        self.fields["kind"].choices = Post.Kind.choices
        self.fields["sectors"].queryset = Sector.objects.by_label()
        self.fields["where"].choices = where_choices()
        today = timezone.localdate()
        self.fields["valid_until"].widget.attrs.update(
            min=today.isoformat(), max=(today + VALID_FOR).isoformat()
        )
        if not self.instance.pk and self.initial.get("valid_until") is None:  # the new post's is None
            self.initial["valid_until"] = today + timedelta(days=90)
        post = self.instance
        if post.neighbourhood_id:
            self.initial["where"] = f"barri:{post.neighbourhood.slug}"
        elif post.district_id:
            self.initial["where"] = f"districte:{post.district.slug}"

    def clean_valid_until(self):
        value = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if value < today:
            raise forms.ValidationError(_("The date cannot be in the past."))
        if value > today + VALID_FOR:
            raise forms.ValidationError(_("The date can be one year ahead at most."))
        return value

    def clean_where(self):
        """(district, neighbourhood) of the choice: (None, None) for the whole city."""
        value = self.cleaned_data["where"]
        if not value:
            return None, None
        kind, _sep, slug = value.partition(":")
        if kind == "barri":
            neighbourhood = Neighbourhood.objects.defer("geometry").get(slug=slug)
            return neighbourhood.district, neighbourhood
        return District.objects.defer("geometry").get(slug=slug), None

    def save(self, commit=True):
        post = self.instance
        post.district, post.neighbourhood = self.cleaned_data["where"]
        if "valid_until" in self.changed_data:
            post.reminded_at = None  # a new date earns a new reminder a week before it
        return super().save(commit)
