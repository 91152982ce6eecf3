"""kamlab.negotiation: the concession matrix against hand-computed numbers, plus bad input."""

from __future__ import annotations

import io
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab import (BadSpecError, BadValueError, DuplicateIdError, EmptyTableError,
                    KamlabInputError, MissingColumnError)
from kamlab.negotiation import ConcessionMatrix, clauses_from_table

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")


def small() -> dict:
    """The hand-computed case: 2 clauses x 3 options."""
    return {
        "供货折扣": {"options": ["5%", "8%", "10%"], "ours": [100, 60, 0], "theirs": [0, 50, 100],
                     "our_weight": 30, "their_weight": 50, "walk_away": "10%", "target": "8%",
                     "opening": "5%", "core": False},
        "回款账期": {"options": ["30天", "60天", "90天"], "ours": [100, 70, 20], "theirs": [20, 60, 100],
                     "our_weight": 70, "their_weight": 50, "walk_away": "60天", "target": "30天",
                     "opening": "30天", "core": True},
    }


# Every package of small(), by hand (Σ our weights = Σ their weights = 100):
#   u_us   = 0.3·ours(折扣) + 0.7·ours(账期);  u_them = 0.5·theirs(折扣) + 0.5·theirs(账期)
#   (5%, 30天):  30 + 70 = 100 ;  0 + 10 = 10
#   (5%, 60天):  30 + 49 = 79  ;  0 + 30 = 30
#   (5%, 90天):  30 + 14 = 44  ;  0 + 50 = 50   infeasible (90天 below walk-away 60天)
#   (8%, 30天):  18 + 70 = 88  ; 25 + 10 = 35
#   (8%, 60天):  18 + 49 = 67  ; 25 + 30 = 55
#   (8%, 90天):  18 + 14 = 32  ; 25 + 50 = 75   infeasible
#   (10%, 30天):  0 + 70 = 70  ; 50 + 10 = 60
#   (10%, 60天):  0 + 49 = 49  ; 50 + 30 = 80
#   (10%, 90天):  0 + 14 = 14  ; 50 + 50 = 100  infeasible
# Feasible: 6.  (79,30) is dominated by (88,35); (67,55) by (70,60).
# Frontier by u_us desc: (100,10), (88,35), (70,60), (49,80).
HAND = {("5%", "30天"): (100, 10), ("5%", "60天"): (79, 30), ("5%", "90天"): (44, 50),
        ("8%", "30天"): (88, 35), ("8%", "60天"): (67, 55), ("8%", "90天"): (32, 75),
        ("10%", "30天"): (70, 60), ("10%", "60天"): (49, 80), ("10%", "90天"): (14, 100)}


def eight() -> dict:
    """Shaped like the bundled 'clauses' data set: 8 clauses of a chain annual agreement."""
    return {
        "供货折扣": {"options": ["3%", "5%", "8%", "10%", "12%"], "ours": [100, 85, 60, 30, 0],
                     "theirs": [0, 30, 60, 85, 100], "our_weight": 25, "their_weight": 30,
                     "opening": "3%", "target": "5%", "walk_away": "10%", "core": False},
        "回款账期": {"options": ["30天", "45天", "60天", "75天", "90天"], "ours": [100, 80, 60, 30, 0],
                     "theirs": [0, 30, 60, 80, 100], "our_weight": 20, "their_weight": 25,
                     "opening": "30天", "target": "45天", "walk_away": "75天", "core": False},
        "新品铺货率": {"options": ["95%", "90%", "80%", "70%"], "ours": [100, 80, 50, 0],
                       "theirs": [0, 40, 75, 100], "our_weight": 20, "their_weight": 10,
                       "opening": "95%", "target": "90%", "walk_away": "80%", "core": True},
        "联合活动频次": {"options": ["每月2次", "每月1次", "每季2次", "每季1次"], "ours": [100, 75, 40, 0],
                         "theirs": [10, 50, 80, 100], "our_weight": 10, "their_weight": 8,
                         "opening": "每月2次", "target": "每月1次", "walk_away": "每季2次", "core": True},
        "店员培训次数": {"options": ["每季4次", "每季2次", "每季1次"], "ours": [100, 60, 20],
                         "theirs": [20, 70, 100], "our_weight": 8, "their_weight": 5,
                         "opening": "每季4次", "target": "每季2次", "walk_away": "每季1次", "core": False},
        "动销数据反馈": {"options": ["每周", "每两周", "每月"], "ours": [100, 70, 30], "theirs": [30, 70, 100],
                         "our_weight": 9, "their_weight": 4, "opening": "每周", "target": "每两周",
                         "walk_away": "每月", "core": True},
        "陈列资源": {"options": ["端架+堆头", "端架", "普通货架"], "ours": [100, 60, 0], "theirs": [0, 50, 100],
                     "our_weight": 5, "their_weight": 12, "opening": "端架+堆头", "target": "端架",
                     "walk_away": "普通货架", "core": False},
        "年度返利": {"options": ["1%", "2%", "3%", "4%"], "ours": [100, 70, 40, 0], "theirs": [0, 40, 70, 100],
                     "our_weight": 3, "their_weight": 6, "opening": "1%", "target": "2%", "walk_away": "3%",
                     "core": False},
    }


def long_table(clauses: dict) -> pd.DataFrame:
    rows = []
    for name, c in clauses.items():
        for i, opt in enumerate(c["options"]):
            rows.append({"clause": name, "option_order": i + 1, "option": opt, "ours": c["ours"][i],
                         "theirs": c["theirs"][i], "our_weight": c["our_weight"],
                         "their_weight": c["their_weight"], "core": c["core"], "opening": c["opening"],
                         "target": c["target"], "walk_away": c["walk_away"]})
    return pd.DataFrame(rows)


def assert_bilingual(err: pytest.ExceptionInfo, *names: str) -> None:
    text = str(err.value)
    for name in names:
        assert name in text, (name, text)
    assert CJK.search(err.value.zh) and LATIN.search(err.value.en), text
    assert err.value.zh in text and err.value.en in text


# ---------------------------------------------------------------------- hand-computed case
def test_every_feasible_package_has_the_hand_computed_utilities():
    m = ConcessionMatrix(small())
    assert (m.n_packages, m.n_total) == (6, 9)
    for (a, b), (us, them) in HAND.items():
        ev = m.evaluate({"供货折扣": a, "回款账期": b})
        assert (ev.u_us, ev.u_them) == pytest.approx((us, them), abs=1e-12)
        assert ev.feasible == (b != "90天")


def test_frontier_members_order_and_columns():
    front = ConcessionMatrix(small()).frontier()
    assert list(front.columns) == ["供货折扣", "回款账期", "u_us", "u_them"]
    assert list(front.index) == [0, 1, 2, 3]
    assert front[["供货折扣", "回款账期"]].values.tolist() == [
        ["5%", "30天"], ["8%", "30天"], ["10%", "30天"], ["10%", "60天"]]
    assert front["u_us"].tolist() == pytest.approx([100, 88, 70, 49])
    assert front["u_them"].tolist() == pytest.approx([10, 35, 60, 80])


def test_feasibility_masks_options_below_walk_away():
    m = ConcessionMatrix(small())
    # (10%, 90天) gives them 100 but is below our walk-away, so it is not on the frontier.
    assert "90天" not in set(m.frontier()["回款账期"])
    ev = m.evaluate({"供货折扣": "10%", "回款账期": "90天"})
    assert not ev.feasible and not ev.on_frontier


def test_nash_with_default_and_other_batnas():
    # products with batna (0, 0): 100·10 = 1000, 88·35 = 3080, 70·60 = 4200, 49·80 = 3920
    assert ConcessionMatrix(small()).nash() == {"供货折扣": "10%", "回款账期": "30天", "u_us": 70.0, "u_them": 60.0}
    # batna (60, 0): 40·10 = 400, 28·35 = 980, 10·60 = 600 (49 < 60 excluded)
    assert ConcessionMatrix(small(), batna=(60, 0)).nash()["供货折扣"] == "8%"
    # batna (0, 70): only (49, 80) qualifies -> 49·10 = 490
    nash = ConcessionMatrix(small(), batna=(0, 70)).nash()
    assert (nash["供货折扣"], nash["回款账期"], nash["u_us"]) == ("10%", "60天", 49.0)


def test_nash_tie_goes_to_higher_u_us():
    # x: (60, 40) -> 2400; y: (40, 60) -> 2400; tie -> higher u_us -> x
    m = ConcessionMatrix({"A": {"options": ["x", "y"], "ours": [60, 40], "theirs": [40, 60], "our_weight": 1,
                                "their_weight": 1, "opening": "x", "target": "x", "walk_away": "y"}})
    assert m.nash()["A"] == "x"


def test_identical_utility_pairs_all_stay_on_the_frontier_in_option_order():
    # B's options p and q score the same for both sides: two packages per point, both kept.
    m = ConcessionMatrix({
        "A": {"options": ["x", "y"], "ours": [100, 0], "theirs": [0, 100], "our_weight": 1, "their_weight": 1,
              "opening": "x", "target": "x", "walk_away": "y"},
        "B": {"options": ["p", "q"], "ours": [50, 50], "theirs": [50, 50], "our_weight": 1, "their_weight": 1,
              "opening": "p", "target": "p", "walk_away": "q"}})
    front = m.frontier()
    assert front[["A", "B"]].values.tolist() == [["x", "p"], ["x", "q"], ["y", "p"], ["y", "q"]]
    assert front["u_us"].tolist() == [75, 75, 25, 25]


def test_evaluate_value_left_better_package_and_violations():
    m = ConcessionMatrix(small())
    # (5%, 60天) = (79, 30); feasible with u_them >= 30: 88, 67, 70, 49 -> best 88 -> 9 left
    ev = m.evaluate({"供货折扣": "5%", "回款账期": "60天"})
    assert (ev.on_frontier, ev.value_left) == (False, pytest.approx(9.0))
    assert ev.better_package == {"供货折扣": "8%", "回款账期": "30天"}
    # 回款账期 is core and 60天 (70) is below the target 30天 (100); nothing below walk-away
    assert len(ev.violations) == 1 and "回款账期" in ev.violations[0] and "目标" in ev.violations[0]
    assert ev.table.loc["回款账期", "status"] == "核心条款未达目标"
    assert ev.table.loc["供货折扣", "status"] == "达到目标"  # 5% is our opening
    assert m.evaluate({"供货折扣": "10%", "回款账期": "30天"}).table["status"].tolist() == [
        "可接受（未达目标）", "达到目标"]  # 10% is below the 8% target but not below walk-away
    # (8%, 90天) = (32, 75), infeasible; feasible with u_them >= 75: only (49, 80) -> 17 left
    ev = m.evaluate({"供货折扣": "8%", "回款账期": "90天"})
    assert ev.value_left == pytest.approx(17.0)
    assert ev.better_package == {"供货折扣": "10%", "回款账期": "60天"}
    assert len(ev.violations) == 2 and any("底线" in v for v in ev.violations)
    assert ev.table.loc["回款账期", "status"] == "低于底线"
    assert list(ev.table.columns) == ["option", "ours", "theirs", "target", "walk_away", "status"]
    assert ev.table.loc["供货折扣", ["option", "ours", "theirs"]].tolist() == ["8%", 60, 50]


def test_frontier_packages_leave_nothing_on_the_table():
    m = ConcessionMatrix(small())
    for _, row in m.frontier().iterrows():
        ev = m.evaluate(row)  # a frontier row works as a package
        assert ev.on_frontier and ev.value_left == 0 and ev.better_package is None
    assert m.evaluate(m.nash()).on_frontier  # the nash dict works as a package


def test_violations_follow_the_language():
    kl.set_language("en")
    ev = ConcessionMatrix(small()).evaluate({"供货折扣": "8%", "回款账期": "90天"})
    assert all("walk-away" in v or "target" in v for v in ev.violations)
    assert ev.table.loc["回款账期", "status"] == "below walk-away"


def test_clause_table():
    t = ConcessionMatrix(small()).table
    assert list(t.columns) == ["options", "our_weight", "their_weight", "ratio", "core", "opening", "target",
                               "walk_away"]
    assert t.loc["供货折扣", "options"] == "5% / 8% / 10%"
    assert t["ratio"].tolist() == pytest.approx([50 / 30, 50 / 70])
    assert t["core"].tolist() == [False, True]


# ---------------------------------------------------------------------- trade plan
def test_trade_plan_hand_case():
    plan = ConcessionMatrix(small()).trade_plan()
    # give: 供货折扣 (ratio 1.67, non-core) 5% -> 8%; get: 回款账期 (ratio 0.71) from their best 90天 -> 60天
    assert len(plan) == 1
    row = plan.loc[1]
    assert [row.give_clause, row.give_from, row.give_to] == ["供货折扣", "5%", "8%"]
    assert [row.get_clause, row.get_from, row.get_to] == ["回款账期", "90天", "60天"]
    # du_us = (30·(60−100) + 70·(70−20)) / 100 = 23 ; du_them = (50·(50−0) + 50·(60−100)) / 100 = 5
    assert (row.du_us, row.du_them) == pytest.approx((23.0, 5.0))
    assert "供货折扣" in row.explanation and "回款账期" in row.explanation


def test_trade_plan_pairs_every_give_and_never_passes_walk_away():
    m = ConcessionMatrix(eight())
    plan = m.trade_plan()
    assert len(plan) > 0
    assert plan["get_clause"].notna().all() and (plan["get_ratio"] < plan["give_ratio"]).all()
    clauses = {c.name: c for c in m.clauses}
    for row in plan.itertuples():
        c = clauses[row.give_clause]
        assert c.score_ours(row.give_to) < c.score_ours(row.give_from)
        assert c.score_ours(row.give_to) >= c.score_ours(c.target) >= c.score_ours(c.walk_away)
        g = clauses[row.get_clause]
        assert g.score_ours(row.get_to) > g.score_ours(row.get_from)
    # non-core clauses are given first, by ratio descending
    first = plan.iloc[0]
    assert first.give_clause == "陈列资源"  # ratio 12/5 = 2.4, the highest
    kl.set_language("en")
    assert m.trade_plan().iloc[0]["explanation"].startswith("Step 1: we give")


# ---------------------------------------------------------------------- log check
def log_of(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["step", "side", "clause", "option"])


def test_check_log_flags_an_unanswered_concession():
    m = ConcessionMatrix(small())
    log = log_of([(1, "us", "供货折扣", "5%"), (1, "them", "供货折扣", "10%"),
                  (2, "us", "供货折扣", "8%"), (3, "them", "供货折扣", "10%")])
    out = m.check_log(log)
    assert list(out.columns) == ["step", "clause", "from", "to", "reason"]
    assert list(out.index) == [2]
    assert out.loc[2, ["step", "clause", "from", "to"]].tolist() == [2, "供货折扣", "5%", "8%"]
    assert "无交换不让步" in out.loc[2, "reason"]


def test_check_log_accepts_an_answered_concession():
    m = ConcessionMatrix(small())
    log = log_of([(1, "我方", "供货折扣", "5%"), (1, "对方", "回款账期", "90天"),
                  (2, "我方", "供货折扣", "8%"), (3, "对方", "回款账期", "60天")])
    assert m.check_log(log).empty


def test_check_log_answer_must_come_before_our_next_concession():
    m = ConcessionMatrix(small())
    log = log_of([(1, "us", "供货折扣", "5%"), (1, "us", "回款账期", "30天"), (1, "them", "回款账期", "90天"),
                  (2, "us", "供货折扣", "8%"),   # concession ...
                  (3, "us", "回款账期", "60天"),  # ... next concession before any answer
                  (3, "them", "回款账期", "60天")])  # answers step 3 only
    out = m.check_log(log)
    assert out["step"].tolist() == [2]
    assert "第 3 步" in out.iloc[0]["reason"]


def test_check_log_one_answer_per_concession_in_the_same_step():
    m = ConcessionMatrix(small())
    log = log_of([(1, "us", "供货折扣", "5%"), (1, "us", "回款账期", "30天"), (1, "them", "回款账期", "90天"),
                  (2, "us", "供货折扣", "8%"), (2, "us", "回款账期", "60天"), (2, "them", "回款账期", "60天")])
    out = m.check_log(log)
    assert out["clause"].tolist() == ["回款账期"]  # the first is answered, the second is not


def test_check_log_sorts_by_step_and_leaves_the_log_alone():
    m = ConcessionMatrix(small())
    log = log_of([(2, "us", "供货折扣", "8%"), (1, "us", "供货折扣", "5%")])
    before = log.copy()
    out = m.check_log(log)
    assert out.index.tolist() == [0] and out.loc[0, "from"] == "5%"
    pd.testing.assert_frame_equal(log, before)


@pytest.mark.parametrize("column,value,error", [
    ("side", "we", BadValueError), ("clause", "供货折口", BadValueError), ("option", "7%", BadValueError),
    ("step", 1.5, BadValueError), ("step", np.nan, BadValueError)])
def test_check_log_bad_values_name_the_row(column, value, error):
    m = ConcessionMatrix(small())
    log = log_of([(1, "us", "供货折扣", "5%"), (2, "us", "供货折扣", "8%")]).astype(object)
    log.loc[1, column] = value
    with pytest.raises(error) as err:
        m.check_log(log)
    assert_bilingual(err, column)
    assert err.value.row == 1


def test_check_log_missing_column_and_empty():
    m = ConcessionMatrix(small())
    with pytest.raises(MissingColumnError) as err:
        m.check_log(log_of([(1, "us", "供货折扣", "5%")]).rename(columns={"side": "sides"}))
    assert_bilingual(err, "side")
    with pytest.raises(EmptyTableError):
        m.check_log(log_of([]))


# ---------------------------------------------------------------------- bundled-data-shaped example
def test_eight_clause_agreement():
    m = ConcessionMatrix(eight())
    assert m.n_packages == 4 * 4 * 3 * 3 * 3 * 3 * 3 * 3
    front = m.frontier()
    assert (np.diff(front["u_us"]) <= 0).all()
    nash = m.nash()
    ev = m.evaluate(nash)
    assert ev.feasible and ev.on_frontier and ev.value_left == 0
    opening = m.evaluate({c.name: c.opening for c in m.clauses})
    assert opening.u_us == 100 and opening.violations == []


def test_clauses_from_table_round_trip_and_copy():
    df = long_table(eight()).iloc[::-1]  # option_order decides, not row order
    before = df.copy()
    built = clauses_from_table(df)
    assert list(built) == list(reversed(list(eight())))
    for name, spec in eight().items():
        assert built[name]["options"] == spec["options"]
        assert built[name]["ours"] == [float(x) for x in spec["ours"]]
        assert built[name]["core"] is spec["core"]
    pd.testing.assert_frame_equal(df, before)
    assert ConcessionMatrix.from_table(df).n_packages == ConcessionMatrix(eight()).n_packages


def test_clauses_from_table_accepts_chinese_yes_no_and_numeric_options():
    df = long_table(small())
    df["core"] = df["core"].map({True: "是", False: "否"})
    assert clauses_from_table(df)["回款账期"]["core"] is True
    num = pd.DataFrame({"clause": ["店员培训次数"] * 3, "option_order": [1, 2, 3], "option": [4, 2, 1],
                        "ours": [100, 60, 20], "theirs": [20, 70, 100], "our_weight": 8, "their_weight": 5,
                        "core": False, "opening": 4, "target": 2, "walk_away": 1})
    assert clauses_from_table(num)["店员培训次数"]["options"] == ["4", "2", "1"]


def test_check_log_with_repeated_row_labels_names_rows_by_position():
    m = ConcessionMatrix(small())
    log = log_of([(1, "us", "供货折扣", "5%"), (2, "us", "供货折扣", "8%"), (2, "we", "回款账期", "30天")])
    log.index = [0, 0, 0]
    with pytest.raises(BadValueError) as err:
        m.check_log(log)
    assert err.value.row == 2 and "'we'" in str(err.value)


# ---------------------------------------------------------------------- bad input: clause literal
def spec_with(**change) -> dict:
    clauses = small()
    clauses["供货折扣"] = {**clauses["供货折扣"], **change}
    return clauses


@pytest.mark.parametrize("change,field", [
    ({"options": []}, "options"),
    ({"options": ["5%", "5%", "10%"]}, "options"),
    ({"ours": [100, 60]}, "ours"),
    ({"theirs": [0, 50, 101]}, "theirs"),
    ({"ours": [100, "高", 0]}, "ours"),
    ({"ours": [100, float("nan"), 0]}, "ours"),
    ({"our_weight": 0}, "our_weight"),
    ({"their_weight": -5}, "their_weight"),
    ({"our_weight": "三十"}, "our_weight"),
    ({"opening": "6%"}, "opening"),
    ({"target": "12%"}, "target"),
    ({"walk_away": None}, "walk_away"),
    ({"target": "10%", "walk_away": "8%"}, "target"),
    ({"opening": "10%"}, "opening"),
    ({"core": "yes"}, "core"),
    ({"our_wieght": 30}, "our_wieght"),
])
def test_bad_clause_field_names_clause_and_field(change, field):
    with pytest.raises(BadSpecError) as err:
        ConcessionMatrix(spec_with(**change))
    assert_bilingual(err, "供货折扣", field)


def test_missing_field_and_did_you_mean():
    clauses = small()
    del clauses["供货折扣"]["their_weight"]
    with pytest.raises(BadSpecError) as err:
        ConcessionMatrix(clauses)
    assert_bilingual(err, "供货折扣", "their_weight")
    with pytest.raises(BadSpecError) as err:
        ConcessionMatrix(spec_with(our_wieght=30))
    assert "our_weight" in str(err.value)  # suggested


@pytest.mark.parametrize("clauses,word", [({}, "empty"), ([1, 2], "dict"), ({"u_us": small()["供货折扣"]}, "u_us"),
                                          ({"供货折扣": ["5%"]}, "供货折扣"), ({"": small()["供货折扣"]}, "name")])
def test_bad_clause_set(clauses, word):
    with pytest.raises(BadSpecError) as err:
        ConcessionMatrix(clauses)
    assert_bilingual(err, word)


@pytest.mark.parametrize("batna", [(0,), "00", (0, "x"), (0, float("inf")), None])
def test_bad_batna(batna):
    with pytest.raises(BadSpecError) as err:
        ConcessionMatrix(small(), batna=batna)
    assert_bilingual(err, "batna")


def test_no_package_beats_the_batna():
    m = ConcessionMatrix(small(), batna=(90, 70))
    with pytest.raises(BadSpecError) as err:
        m.nash()
    assert_bilingual(err, "BATNA", "walk_away")


def test_too_many_packages():
    big = {f"c{k}": {"options": [f"o{i}" for i in range(10)], "ours": list(range(100, 0, -10)),
                     "theirs": list(range(0, 100, 10)), "our_weight": 1, "their_weight": 1, "opening": "o0",
                     "target": "o0", "walk_away": "o9"} for k in range(7)}
    with pytest.raises(BadSpecError) as err:
        ConcessionMatrix(big)
    assert_bilingual(err, "10,000,000", "5,000,000")


@pytest.mark.parametrize("package,word", [
    ({"供货折扣": "8%"}, "回款账期"),                                  # missing clause
    ({"供货折扣": "8%", "回款账期": "30天", "返利": "1%"}, "返利"),    # unknown clause
    ({"供货折扣": "7%", "回款账期": "30天"}, "5%, 8%, 10%"),          # option not in list
    (["8%", "30天"], "dict"),
])
def test_bad_package(package, word):
    m = ConcessionMatrix(small())
    with pytest.raises(BadSpecError) as err:
        m.evaluate(package)
    assert_bilingual(err, word)


def test_missing_clause_lists_its_valid_options():
    with pytest.raises(BadSpecError) as err:
        ConcessionMatrix(small()).evaluate({"供货折扣": "8%"})
    assert "30天、60天、90天" in err.value.zh and "30天, 60天, 90天" in err.value.en


# ---------------------------------------------------------------------- bad input: long table
@pytest.mark.parametrize("mutate,error,column,row", [
    (lambda d: d.drop(columns="their_weight"), MissingColumnError, "their_weight", None),
    (lambda d: d.assign(our_weight=d["our_weight"].where(d.index != 4, 99)), BadValueError, "our_weight", 4),
    (lambda d: d.assign(option=d["option"].where(d.index != 1, "5%")), DuplicateIdError, "option", 1),
    (lambda d: d.assign(option_order=d["option_order"].where(d.index != 2, 1)), DuplicateIdError,
     "option_order", 2),
    (lambda d: d.assign(ours=d["ours"].where(d.index != 3, 120)), BadValueError, "ours", 3),
    (lambda d: d.assign(their_weight=d["their_weight"].where(d.clause != "回款账期", 0)), BadValueError,
     "their_weight", 3),
    (lambda d: d.assign(theirs=d["theirs"].astype(object).where(d.index != 3, "高")), BadValueError, "theirs", 3),
    (lambda d: d.assign(core=d["core"].astype(object).where(d.index != 0, "maybe")), BadValueError, "core", 0),
    (lambda d: d.assign(target=d["target"].where(d.clause != "供货折扣", "6%")), BadValueError, "target", 0),
    (lambda d: d.assign(option=d["option"].where(d.index != 5, None)), BadValueError, "option", 5),
    (lambda d: d.assign(option_order=d["option_order"].where(d.index != 2, 2.5)), BadValueError,
     "option_order", 2),
])
def test_bad_clause_table_names_column_and_row(mutate, error, column, row):
    df = mutate(long_table(small()))
    with pytest.raises(error) as err:
        clauses_from_table(df)
    assert_bilingual(err, column)
    assert err.value.row == row


def test_clause_table_not_a_table():
    with pytest.raises(KamlabInputError):
        clauses_from_table(small())
    with pytest.raises(EmptyTableError):
        clauses_from_table(long_table(small()).iloc[:0])


# ---------------------------------------------------------------------- chart
def test_plot_marks_frontier_nash_and_proposal():
    m = ConcessionMatrix(small())
    ax = m.plot(proposal={"供货折扣": "5%", "回款账期": "60天"})
    assert ax.get_title() == "让步矩阵：可行方案与帕累托前沿"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["可行方案（6 个）", "帕累托前沿", "纳什点", "谈判破裂点 BATNA", "你的方案"]
    line = ax.get_lines()[0]
    assert line.get_xdata().tolist() == [100, 88, 70, 49]
    ax.figure.savefig(io.BytesIO(), format="png")  # missing CJK glyphs would warn -> error (pyproject)


def test_plot_in_english_samples_large_spaces_and_evaluation_plot():
    kl.set_language("en")
    cl = {f"c{k}": {"options": [f"o{i}" for i in range(5)], "ours": [100, 75, 50, 25, 0],
                    "theirs": [0, 30, 55, 80, 100], "our_weight": k + 1, "their_weight": 8 - k,
                    "opening": "o0", "target": "o1", "walk_away": "o4"} for k in range(8)}
    m = ConcessionMatrix(cl)
    fig, ax = plt.subplots()
    assert m.plot(ax=ax) is ax
    assert ax.get_xlabel().startswith("Our utility")
    assert len(ax.collections[0].get_offsets()) == 20_000
    assert "20000 of 390625" in ax.get_legend().get_texts()[0].get_text()
    ax2 = m.evaluate({f"c{k}": "o2" for k in range(8)}).plot()
    assert "your proposal" in [t.get_text() for t in ax2.get_legend().get_texts()]
    fig.savefig(io.BytesIO(), format="png")


def test_plot_without_a_deal_still_draws():
    ax = ConcessionMatrix(small(), batna=(95, 95)).plot()
    assert "纳什点" not in [t.get_text() for t in ax.get_legend().get_texts()]
