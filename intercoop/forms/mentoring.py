"""The mentoring forms of an initiative's space. Each form is told the initiative, so the rules that
depend on it (who may volunteer, who must say it is starting) show as field errors."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..mentoring import is_consolidated
from ..models import Meeting, MentoringRequest, MentorOffer, Topic


class TopicsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=Topic.choices, **kwargs)


class MentorOfferForm(forms.ModelForm):
    topics = TopicsField(label=_("Topics your initiative can mentor in"))

    class Meta:
        model = MentorOffer
        fields = ["topics", "capacity", "listed"]
        labels = {
            "capacity": _("How many initiatives your initiative can mentor at once"),
            "listed": _("List your initiative as a mentor on the programme's public page"),
        }

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.fields["capacity"].widget.attrs.update(min=1, max=10)

    def clean(self):
        if not is_consolidated(self.initiative):
            raise forms.ValidationError(
                _("Initiatives founded in the last three years ask for a mentor instead of mentoring.")
            )
        return super().clean()


class MentoringRequestForm(forms.ModelForm):
    topics = TopicsField(label=_("Topics your initiative wants help with"))

    class Meta:
        model = MentoringRequest
        fields = ["topics", "goals", "says_starting"]
        labels = {
            "goals": _("What your initiative wants to achieve"),
            "says_starting": _("Our initiative is starting"),
        }
        help_texts = {
            "says_starting": _("Required for initiatives founded more than three years ago or with no year."),
        }

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def clean_says_starting(self):
        says = self.cleaned_data["says_starting"]
        if is_consolidated(self.initiative) and not says:
            raise forms.ValidationError(
                _(
                    "Your initiative was founded more than three years ago (or has no year): tick this box if it is starting."
                )
            )
        return says


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "topic", "notes"]
        labels = {"date": _("Date of the meeting"), "topic": _("Main topic")}
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Log meetings that have taken place: this date is in the future."))
        return day


class SurveyForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How useful was the mentoring (1 = not at all, 5 = very)?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("What did it give your initiative?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
