"""The arithmetic of a sector table's 10-year work plan, apart from Wagtail so that the rule readers
are shown (`WEIGHTING_RULE`) and the code that applies it sit side by side and are tested alone."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

PLAN_YEARS = 10

STATUS_CHOICES = [
    ("planned", _("Planned")),
    ("in_progress", _("Under way")),
    ("done", _("Done")),
    ("cancelled", _("Cancelled")),
]

WEIGHTING_RULE = _(
    "How progress is counted: a finished action counts as 100%, an action under way as the share its "
    "team reports, and a planned action as 0%; cancelled actions are left out. Each action weighs as "
    "many years as it spans, so an action of four years counts four times as much as an action of one "
    "year. An objective's progress is the weighted average of its actions, and the plan's progress is "
    "the weighted average of all the plan's actions."
)


@dataclass
class Action:
    title: str
    start: int
    end: int
    status: str
    completion: int | None = None
    title_lang: str = ""  # the title's language when it is not the page's (an untranslated text)
    responsible: list = field(default_factory=list)
    goals: list = field(default_factory=list)
    offset: int = field(default=0, init=False)  # where its timeline bar starts (set by WorkPlan)
    span: int = field(default=1, init=False)

    @property
    def years(self):
        return self.end - self.start + 1

    @property
    def period(self):
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"

    @property
    def progress(self):
        """0..100, or None for a cancelled action (it does not count)."""
        if self.status == "cancelled":
            return None
        if self.status == "done":
            return 100
        if self.status == "in_progress":
            return self.completion or 0
        return 0

    @property
    def status_label(self):
        return dict(STATUS_CHOICES).get(self.status, self.status)


def weighted_progress(actions):
    """The rule of WEIGHTING_RULE: the mean of the actions' progress weighted by their years, rounded
    to a whole percentage; None when no action counts."""
    counted = [a for a in actions if a.progress is not None]
    weight = sum(a.years for a in counted)
    if not weight:
        return None
    return int(sum(a.progress * a.years for a in counted) / weight + 0.5)  # halves round up


@dataclass
class Objective:
    title: str
    description: str
    actions: list
    title_lang: str = ""  # as Action.title_lang
    description_lang: str = ""

    @property
    def progress(self):
        return weighted_progress(self.actions)


@dataclass
class WorkPlan:
    start_year: int
    objectives: list

    def __post_init__(self):
        for action in self.actions:  # its bar on the timeline (offset 0 = the plan's first year)
            action.offset = min(max(action.start - self.start_year, 0), PLAN_YEARS - 1)
            action.span = min(max(action.end - action.start + 1, 1), PLAN_YEARS - action.offset)

    @property
    def end_year(self):
        return self.start_year + PLAN_YEARS - 1

    @property
    def years(self):
        return list(range(self.start_year, self.end_year + 1))

    @property
    def actions(self):
        return [action for objective in self.objectives for action in objective.actions]

    @property
    def progress(self):
        return weighted_progress(self.actions)

    def outside(self, action):
        """Why the action's years do not fit the plan, or "" when they do."""
        if action.end < action.start:
            return _("it ends before it starts")
        if action.start < self.start_year or action.end > self.end_year:
            return _("its years fall outside the plan")
        return ""
