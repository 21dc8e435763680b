"""What serves each line and goal of the Strategy: tractor projects tagged with lines and goals, and
work-plan actions tagged with goals. A line also counts what serves one of its goals (`Goal.line`)."""

from dataclasses import dataclass, field

from core.collation import Collated

from .models import Goal, SectorPage, StrategyLine, TractorProjectPage


@dataclass
class Row:
    term: object
    projects: list = field(default_factory=list)
    actions: list = field(default_factory=list)  # (sector page, plan.Action)


def strategy_overview(index_page):
    """Rows for every line and goal, in the index page's language, live pages only."""
    projects = list(
        TractorProjectPage.objects.live()
        .descendant_of(index_page)
        .prefetch_related("lines", "goals")
        .order_by(Collated("title"))
    )
    actions = [
        (table, action)
        for table in SectorPage.objects.live().descendant_of(index_page).order_by(Collated("title"))
        for action in table.work_plan().actions
        if action.status != "cancelled"
    ]
    goals = [
        Row(
            goal,
            [p for p in projects if goal.pk in {g.pk for g in p.goals.all()}],
            [(t, a) for t, a in actions if goal.pk in {g.pk for g in a.goals}],
        )
        for goal in Goal.objects.all()
    ]
    lines = []
    for line in StrategyLine.objects.all():
        own_goals = [row for row in goals if row.term.line_id == line.pk]
        line_projects = {p.pk for p in projects if line.pk in {x.pk for x in p.lines.all()}}
        line_projects |= {p.pk for row in own_goals for p in row.projects}
        line_actions = {id(a) for row in own_goals for _, a in row.actions}
        lines.append(
            Row(
                line,
                [p for p in projects if p.pk in line_projects],
                [(t, a) for t, a in actions if id(a) in line_actions],
            )
        )
    return {"lines": lines, "goals": goals}
