"""Property tests of the concession matrix against a brute-force pure-Python enumeration."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamlab import BadSpecError
from kamlab.negotiation import ConcessionMatrix

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def matrices(draw):
    """2–4 clauses × 2–4 options, integer scores and weights (so the brute force is exact)."""
    clauses = {}
    for k in range(draw(st.integers(2, 4))):
        n = draw(st.integers(2, 4))
        ours = draw(st.lists(st.integers(0, 100), min_size=n, max_size=n))
        theirs = draw(st.lists(st.integers(0, 100), min_size=n, max_size=n))
        options = [f"o{i}" for i in range(n)]
        walk = draw(st.sampled_from(options))
        target = draw(st.sampled_from([o for i, o in enumerate(options) if ours[i] >= ours[int(walk[1:])]]))
        opening = draw(st.sampled_from([o for i, o in enumerate(options) if ours[i] >= ours[int(target[1:])]]))
        clauses[f"条款{k}"] = {"options": options, "ours": ours, "theirs": theirs,
                               "our_weight": draw(st.integers(1, 10)), "their_weight": draw(st.integers(1, 10)),
                               "opening": opening, "target": target, "walk_away": walk,
                               "core": draw(st.booleans())}
    batna = (draw(st.integers(0, 70)), draw(st.integers(0, 70)))
    return clauses, batna


def brute(clauses):
    """Every package in itertools.product order: (options, u_us, u_them, feasible), exact fractions."""
    names = list(clauses)
    w_us = sum(c["our_weight"] for c in clauses.values())
    w_them = sum(c["their_weight"] for c in clauses.values())
    out = []
    for picks in itertools.product(*(range(len(clauses[n]["options"])) for n in names)):
        cs = [clauses[n] for n in names]
        us = Fraction(sum(c["our_weight"] * c["ours"][i] for c, i in zip(cs, picks)), w_us)
        them = Fraction(sum(c["their_weight"] * c["theirs"][i] for c, i in zip(cs, picks)), w_them)
        feasible = all(c["ours"][i] >= c["ours"][c["options"].index(c["walk_away"])] for c, i in zip(cs, picks))
        out.append((tuple(c["options"][i] for c, i in zip(cs, picks)), us, them, feasible))
    return out


def dominates(a, b):
    return a[1] >= b[1] and a[2] >= b[2] and (a[1] > b[1] or a[2] > b[2])


@SETTINGS
@given(matrices())
def test_frontier_matches_brute_force(case):
    clauses, _ = case
    m = ConcessionMatrix(clauses)
    names = list(clauses)
    front = m.frontier()
    got = [tuple(row) for row in front[names].itertuples(index=False)]
    packages = brute(clauses)
    feasible = [p for p in packages if p[3]]
    expected = [p for p in feasible if not any(dominates(q, p) for q in feasible)]
    # same members; order: u_us desc, u_them desc, then enumeration order
    expected.sort(key=lambda p: (-p[1], -p[2]))  # stable: ties keep product order
    assert got == [p[0] for p in expected]
    assert front["u_us"].tolist() == pytest.approx([float(p[1]) for p in expected], abs=1e-9)
    assert front["u_them"].tolist() == pytest.approx([float(p[2]) for p in expected], abs=1e-9)
    assert m.n_packages == len(feasible)


@SETTINGS
@given(matrices())
def test_frontier_is_mutually_non_dominated_and_covers_every_feasible_package(case):
    clauses, _ = case
    front = ConcessionMatrix(clauses).frontier()
    points = list(zip(front["u_us"], front["u_them"]))
    for a in points:
        for b in points:
            assert not (a[0] >= b[0] - 1e-9 and a[1] >= b[1] - 1e-9 and (a[0] > b[0] + 1e-9 or a[1] > b[1] + 1e-9))
    for _, us, them, feasible in brute(clauses):
        if feasible:
            assert any(fu >= float(us) - 1e-9 and ft >= float(them) - 1e-9 for fu, ft in points)


@SETTINGS
@given(matrices())
def test_nash_matches_brute_force_and_is_on_the_frontier(case):
    clauses, (d_us, d_them) = case
    m = ConcessionMatrix(clauses, batna=(d_us, d_them))
    feasible = [p for p in brute(clauses) if p[3]]
    if not any(p[1] > d_us and p[2] > d_them for p in feasible):
        with pytest.raises(BadSpecError):
            m.nash()
        return
    eligible = [p for p in feasible if p[1] >= d_us and p[2] >= d_them]
    best = max((p[1] - d_us) * (p[2] - d_them) for p in eligible)
    tied = [p for p in eligible if (p[1] - d_us) * (p[2] - d_them) == best]
    top_us = max(p[1] for p in tied)
    expected = next(p for p in tied if p[1] == top_us)
    nash = m.nash()
    assert tuple(nash[n] for n in clauses) == expected[0]
    assert nash["u_us"] == pytest.approx(float(expected[1]), abs=1e-9)
    ev = m.evaluate(nash)
    assert ev.feasible and ev.on_frontier


@SETTINGS
@given(matrices(), st.data())
def test_value_left_matches_brute_force(case, data):
    clauses, _ = case
    m = ConcessionMatrix(clauses)
    packages = brute(clauses)
    pick = data.draw(st.sampled_from(packages))
    ev = m.evaluate(dict(zip(clauses, pick[0])))
    gains = [q[1] - pick[1] for q in packages if q[3] and q[2] >= pick[2]]
    expected = max([Fraction(0), *gains])
    assert ev.value_left >= 0
    assert ev.value_left == pytest.approx(float(expected), abs=1e-9)
    assert ev.feasible == pick[3]
    if ev.better_package is not None:
        better = m.evaluate(ev.better_package)
        assert better.feasible and better.u_them >= ev.u_them - 1e-9
        assert better.u_us - ev.u_us == pytest.approx(ev.value_left, abs=1e-9)


@SETTINGS
@given(matrices())
def test_frontier_packages_have_no_value_left(case):
    clauses, _ = case
    m = ConcessionMatrix(clauses)
    for _, row in m.frontier().iterrows():
        ev = m.evaluate(row)
        assert ev.on_frontier and ev.value_left == 0 and ev.better_package is None


@SETTINGS
@given(matrices())
def test_trade_plan_pairs_gives_with_gets_within_walk_away(case):
    clauses, _ = case
    m = ConcessionMatrix(clauses)
    by_name = {c.name: c for c in m.clauses}
    plan = m.trade_plan()
    for row in plan.itertuples():
        give, get = by_name[row.give_clause], by_name[row.get_clause]
        assert row.get_ratio < row.give_ratio and give.name != get.name
        assert give.score_ours(give.walk_away) <= give.score_ours(give.target) <= give.score_ours(row.give_to)
        assert give.score_ours(row.give_to) < give.score_ours(row.give_from)
        assert give.score_theirs(row.give_to) > give.score_theirs(row.give_from)
        assert get.score_ours(row.get_to) > get.score_ours(row.get_from)
        assert get.score_theirs(row.get_to) < get.score_theirs(row.get_from)
