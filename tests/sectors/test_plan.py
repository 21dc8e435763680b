"""The work plan's progress arithmetic, exactly as the rule shown to readers states it."""

from sectors.plan import Action, Objective, WorkPlan, weighted_progress


def action(start, end, status, completion=None):
    return Action(title="a", start=start, end=end, status=status, completion=completion)


def test_done_counts_full_planned_nothing_and_under_way_its_share():
    assert action(2025, 2025, "done").progress == 100
    assert action(2025, 2025, "planned").progress == 0
    assert action(2025, 2025, "in_progress", 40).progress == 40
    assert action(2025, 2025, "cancelled").progress is None


def test_each_action_weighs_the_years_it_spans():
    # one year done (100 x 1) and a four-year action at 25% (25 x 4): (100 + 100) / 5 = 40
    assert weighted_progress([action(2025, 2025, "done"), action(2026, 2029, "in_progress", 25)]) == 40


def test_cancelled_actions_are_left_out_of_the_weighting():
    actions = [action(2025, 2026, "done"), action(2025, 2034, "cancelled")]
    assert weighted_progress(actions) == 100


def test_nothing_to_count_gives_no_figure_rather_than_zero():
    assert weighted_progress([]) is None
    assert weighted_progress([action(2025, 2027, "cancelled")]) is None


def test_the_plan_weighs_all_its_actions_not_the_mean_of_objectives():
    small = Objective("A", "", [action(2025, 2025, "done")])  # 100%, one year
    large = Objective("B", "", [action(2025, 2033, "planned")])  # 0%, nine years
    plan = WorkPlan(2025, [small, large])
    assert (small.progress, large.progress) == (100, 0)
    assert plan.progress == 10  # 100 x 1 / 10 years, not (100 + 0) / 2
    assert plan.years == list(range(2025, 2035))


def test_the_timeline_places_each_bar_inside_the_ten_years():
    early, late, overflowing = (
        action(2025, 2026, "done"),
        action(2033, 2034, "planned"),
        action(2031, 2040, "planned"),
    )
    WorkPlan(2025, [Objective("A", "", [early, late, overflowing])])
    assert (early.offset, early.span) == (0, 2)
    assert (late.offset, late.span) == (8, 2)
    assert (overflowing.offset, overflowing.span) == (6, 4)  # cut at the plan's last year


def test_actions_outside_the_plan_are_reported():
    plan = WorkPlan(2025, [])
    assert plan.outside(action(2025, 2034, "planned")) == ""
    assert plan.outside(action(2024, 2026, "planned"))
    assert plan.outside(action(2030, 2035, "planned"))
    assert plan.outside(action(2028, 2027, "planned"))


def test_halves_round_up_to_a_whole_percentage():
    assert (
        weighted_progress([action(2025, 2025, "in_progress", 1), action(2026, 2026, "planned")]) == 1
    )  # 0.5 -> 1
    assert (
        weighted_progress([action(2025, 2025, "in_progress", 25), action(2026, 2026, "planned")]) == 13
    )  # 12.5 -> 13
