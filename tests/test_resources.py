"""kamlab.resources: catalogue, service package check (costs by hand, every rule), bad input, properties."""

from __future__ import annotations

import copy

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamlab as kl
from kamlab._errors import BadSpecError, BadValueError, DuplicateIdError, EmptyTableError, MissingColumnError
from kamlab.resources import RULES, check, kit, options, resource_catalog

NEEDS = ["店员产品卖点话术培训", "门店陈列优化与物料支持"]


def good() -> dict:
    return {"account": "C18", "owner": "王磊", "budget": 20, "start": "2026-01-05", "end": "2026-03-31",
            "meeting_weeks": 2, "team": {"销售部": "王磊", "品牌部": "赵强"},
            "lines": [{"need": NEEDS[0], "resources": {"R11": 2},
                       "steps": [{"step": "门店店员培训", "owner": "王磊", "start": "2026-01-12",
                                  "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}]},
                      {"need": NEEDS[1], "resources": {"R08": 3},
                       "steps": [{"step": "陈列物料进店", "owner": "赵强", "start": "2026-02-02",
                                  "end": "2026-03-20", "metric": "陈列达标率", "target": 0.8}]}]}


# ------------------------------------------------------------------ catalogue
def test_catalogue_is_fixed_on_variant_0_and_costs_vary_on_others():
    cat = resource_catalog()
    assert list(cat.columns) == ["department", "resource", "resource_en", "unit", "unit_en", "unit_cost",
                                 "capacity", "serves"]
    assert cat.loc["R11", ["department", "unit_cost", "capacity"]].tolist() == ["销售部", 1.5, 6]
    assert cat["department"].value_counts().to_dict() == {"销售部": 9, "品牌部": 7, "市场部": 6}
    v5 = resource_catalog(5)
    assert v5.index.equals(cat.index) and v5["capacity"].equals(cat["capacity"])
    assert not v5["unit_cost"].equals(cat["unit_cost"])
    ratio = v5["unit_cost"] / cat["unit_cost"]
    assert ratio.between(0.7, 1.3).all()
    assert resource_catalog(5).equals(v5)  # seeded


def test_every_need_of_the_needs_data_has_an_exclusive_resource():
    from kamlab.resources._catalog import serves_long

    long = serves_long(resource_catalog())
    per = long.groupby("resource_id").size()
    exclusive = set(long.loc[long["resource_id"].isin(per[per == 1].index), "need"])
    assert set(kl.datasets.load("needs")["need"]) == exclusive


def test_options_and_kit():
    cat = resource_catalog()
    assert options("完成年度品类增长目标", cat).index.tolist() == ["R20", "R22", "R13"]
    assert options("不存在的需求", cat).empty
    needs = ["完成年度品类增长目标", "感冒季备货与陈列指导", "动销数据共享与联合复盘"]
    assert kit(needs, 0, cat) == {"R13": 1, "R20": 1, "R22": 1}
    assert kit(needs, 1, cat, units=2) == {"R02": 2}  # R20 belongs to the first line
    assert kit(needs, 2, cat) == {"R14": 1}  # R22 too
    assert kit(needs, 0, cat, departments=["品牌部"]) == {}
    with pytest.raises(BadValueError) as err:
        kit(needs, 3, cat)
    assert err.value.column == "k"
    with pytest.raises(BadValueError):
        kit(needs, 0, cat, departments=["财务部"])


# ------------------------------------------------------------------- costs
def test_costs_by_hand():
    res = check(good(), resource_catalog(), NEEDS)
    assert res.ok and res.problems.empty
    # R11: 2 × 1.5 = 3.0 (销售部); R08: 3 × 3.0 = 9.0 (品牌部)
    assert res.table.loc[1, ["市场部", "品牌部", "销售部", "cost"]].tolist() == [0.0, 0.0, 3.0, 3.0]
    assert res.table.loc[2, ["市场部", "品牌部", "销售部", "cost"]].tolist() == [0.0, 9.0, 0.0, 9.0]
    assert res.total_cost == 12.0
    assert res.cost_by_department.to_dict() == {"市场部": 0.0, "品牌部": 9.0, "销售部": 3.0}
    assert res.over_budget == 0.0


def test_costs_follow_the_variant():
    cat5 = resource_catalog(5)
    res = check(good(), cat5, NEEDS)
    assert res.total_cost == pytest.approx(2 * cat5.loc["R11", "unit_cost"] + 3 * cat5.loc["R08", "unit_cost"])


def test_resources_by_name_are_priced_like_by_id():
    pkg = good()
    pkg["lines"][0]["resources"] = {"店员卖点培训": 2}
    assert check(pkg, resource_catalog(), NEEDS).total_cost == 12.0


# ------------------------------------------------------------------- rules
def _rules(pkg, needs=NEEDS):
    return check(pkg, resource_catalog(), needs).rules


def test_over_budget_says_by_how_much():
    pkg = good()
    pkg["budget"] = 10
    res = check(pkg, resource_catalog(), NEEDS)
    assert res.rules == ["over_budget"] and res.over_budget == 2.0
    assert "超出预算 10 万元 2.0 万元" in res.problems.loc[0, "message"]
    kl.set_language("en")
    msg = check(pkg, resource_catalog(), NEEDS).problems.loc[0, "message"]
    assert "2.0 over the budget of 10" in msg


def test_unserved_need_and_off_target_line():
    pkg = good()
    assert _rules(pkg, NEEDS + ["会员慢病管理服务"]) == ["need_unserved"]
    assert _rules(pkg, NEEDS[:1]) == ["off_target"]
    pkg["lines"][1]["resources"] = {}
    assert _rules(pkg) == ["need_unserved", "no_resources"]


def test_duplicated_resource_and_mismatch():
    pkg = good()
    pkg["lines"][1]["resources"] = {"R08": 1, "R11": 1}
    res = check(pkg, resource_catalog(), NEEDS)
    assert res.rules == ["mismatch", "duplicate"]
    dup = res.problems.set_index("rule").loc["duplicate"]
    assert dup["line"] == 2 and "第 1、2 条服务线" in dup["message"]


def test_same_need_twice_and_capacity():
    pkg = good()
    pkg["lines"].append(copy.deepcopy(pkg["lines"][0]))
    pkg["lines"][2]["resources"] = {"R11": 5}
    pkg["budget"] = 100
    assert _rules(pkg) == ["need_twice", "duplicate", "over_capacity"]  # 2 + 5 > 6 units of R11


def test_step_rules():
    pkg = good()
    step = pkg["lines"][0]["steps"][0]
    step.update(owner="", metric=None)
    assert _rules(pkg) == ["step_no_owner", "step_no_metric"]
    pkg = good()
    pkg["lines"][0]["steps"][0]["target"] = None
    assert _rules(pkg) == ["step_no_metric"]
    pkg = good()
    pkg["lines"][0]["steps"][0].update(start="2026-03-01", end="2026-02-01")
    assert _rules(pkg) == ["step_order"]
    pkg = good()
    pkg["lines"][1]["steps"][0]["end"] = "2026-04-10"
    res = check(pkg, resource_catalog(), NEEDS)
    assert res.rules == ["step_window"]
    assert (res.problems.loc[0, "line"], res.problems.loc[0, "step"]) == (2, 1)
    pkg = good()
    pkg["lines"][1]["steps"][0]["owner"] = "路人甲"
    assert _rules(pkg) == ["owner_outside"]
    pkg = good()
    pkg["lines"][1]["steps"] = []
    assert _rules(pkg) == ["no_steps"]


def test_group_rules():
    pkg = good()
    pkg["owner"] = ""
    assert _rules(pkg) == ["no_owner"]
    pkg = good()
    del pkg["meeting_weeks"]
    assert _rules(pkg) == ["no_meeting"]
    pkg["meeting_weeks"] = 0
    assert _rules(pkg) == ["no_meeting"]
    pkg["meeting_weeks"] = 6
    res = check(pkg, resource_catalog(), NEEDS)
    assert res.rules == ["meeting_rare"] and "每 6 周" in res.problems.loc[0, "message"]
    pkg = good()
    pkg["team"] = {"销售部": "王磊"}
    res = check(pkg, resource_catalog(), NEEDS)
    assert res.rules == ["no_member", "owner_outside"]  # 品牌部 gives R08 but has no member; 赵强 is outside
    assert "品牌部" in res.problems.loc[0, "message"]


def test_every_rule_has_a_label_and_problems_are_ordered():
    pkg = {"owner": "", "budget": 1, "start": "2026-01-05", "end": "2026-03-31",
           "lines": [{"need": "x", "resources": {"R06": 2},
                      "steps": [{"step": "s", "start": "2026-02-01", "end": "2026-01-01"}]}]}
    res = check(pkg, resource_catalog(), ["店员产品卖点话术培训"])
    assert set(res.rules) <= set(RULES)
    assert res.rules == ["no_owner", "no_meeting", "over_budget", "need_unserved", "off_target", "mismatch",
                         "over_capacity", "no_member", "step_no_owner", "step_no_metric", "step_order", "step_window"]
    assert res.problems["line"].isna().tolist()[:5] == [True] * 5
    assert res.summary().startswith("发现 12 个问题（总成本 30.0 万元，预算 1 万元）：")
    assert len(res.summary().splitlines()) == 13


# --------------------------------------------------------------- bad input
def _both(err, *fragments):
    for text in (err.zh, err.en):
        for f in fragments:
            assert f in text, (f, text)


@pytest.mark.parametrize("mutate, cls, column, row, zh, en", [
    (lambda p: p.pop("budget"), MissingColumnError, "budget", None, "缺少 'budget'", "no 'budget'"),
    (lambda p: p.update(budget=-5), BadValueError, "budget", None, "budget", "budget"),
    (lambda p: p.update(lines=[]), EmptyTableError, "lines", None, "lines", "lines"),
    (lambda p: p["lines"][1]["resources"].update({"R99": 1}), BadValueError, "resources", "2", "第 2 条服务线",
     "line 2"),
    (lambda p: p["lines"][0]["resources"].update(R11=0), BadValueError, "resources", "1", "第 1 条服务线",
     "line 1"),
    (lambda p: p["lines"][1]["steps"][0].update(start="2026-13-45"), BadValueError, "start", "2.1",
     "第 2 条服务线第 1 步", "line 2, step 1"),
    (lambda p: p["lines"][0]["steps"][0].pop("end"), BadSpecError, "end", "1.1", "第 1 条服务线第 1 步",
     "line 1, step 1"),
    (lambda p: p["lines"][0]["steps"][0].update(step=""), BadSpecError, "step", "1.1", "第 1 条服务线第 1 步",
     "line 1, step 1"),
    (lambda p: p["lines"][0]["steps"][0].update(target="高"), BadValueError, "target", "1.1", "target", "target"),
    (lambda p: p.update(start="2026-04-01"), BadValueError, "end", None, "早于开始日", "before its start"),
    (lambda p: p.update(team=["王磊"]), BadSpecError, "team", None, "team", "team"),
])
def test_bad_package_names_field_and_row_in_both_languages(mutate, cls, column, row, zh, en):
    pkg = good()
    mutate(pkg)
    with pytest.raises(cls) as err:
        check(pkg, resource_catalog(), NEEDS)
    assert isinstance(err.value, ValueError)
    assert err.value.column == column and err.value.row == row
    _both(err.value, column)
    assert zh in err.value.zh and en in err.value.en.lower()


def test_unknown_resource_suggests_the_closest():
    pkg = good()
    pkg["lines"][0]["resources"] = {"店员卖点培训班": 1}
    with pytest.raises(BadValueError) as err:
        check(pkg, resource_catalog(), NEEDS)
    assert "店员卖点培训" in err.value.zh and "did you mean" in err.value.en


def test_not_a_dict():
    with pytest.raises(BadSpecError) as err:
        check([1, 2], resource_catalog())
    _both(err.value, "package")


@pytest.mark.parametrize("mutate, cls, column, row", [
    (lambda c: c.drop(columns="unit_cost"), MissingColumnError, "unit_cost", None),
    (lambda c: c.assign(unit_cost=c["unit_cost"].astype(object).where(c["resource_id"] != "R03", "贵")),
     BadValueError, "unit_cost", 2),
    (lambda c: c.assign(capacity=c["capacity"].where(c["resource_id"] != "R05", 0)), BadValueError, "capacity", 4),
    (lambda c: c.assign(department=c["department"].where(c["resource_id"] != "R02", "财务部")), BadValueError,
     "department", 1),
    (lambda c: c.assign(resource_id=c["resource_id"].where(c.index != 3, "R01")), DuplicateIdError,
     "resource_id", 3),
    (lambda c: c.iloc[0:0], EmptyTableError, None, None),
])
def test_bad_catalogue(mutate, cls, column, row):
    bad = mutate(resource_catalog().reset_index())
    with pytest.raises(cls) as err:
        check(good(), bad, NEEDS)
    assert err.value.column == column and err.value.row == row
    if column:
        _both(err.value, column)
    if row is not None:
        assert f"第 {row} 行" in err.value.zh and f"row {row}" in err.value.en


def test_bad_needs_list():
    with pytest.raises(BadValueError) as err:
        check(good(), resource_catalog(), "店员产品卖点话术培训")
    assert err.value.column == "needs"


def test_inputs_are_not_modified():
    pkg, cat = good(), resource_catalog()
    before_pkg, before_cat = copy.deepcopy(pkg), cat.copy()
    res = check(pkg, cat, NEEDS)
    res.plot()
    kit(NEEDS, 0, cat)
    options(NEEDS[0], cat)
    assert pkg == before_pkg
    pd.testing.assert_frame_equal(cat, before_cat)


# --------------------------------------------------------------- property
@settings(max_examples=40, deadline=None)
@given(line=st.integers(0, 1), rid=st.sampled_from(list(resource_catalog().index)),
       qty=st.integers(1, 5), variant=st.integers(0, 9))
def test_adding_a_resource_never_lowers_total_cost(line, rid, qty, variant):
    cat = resource_catalog(variant)
    pkg = good()
    before = check(pkg, cat, NEEDS)
    res = pkg["lines"][line]["resources"]
    res[rid] = res.get(rid, 0) + qty
    after = check(pkg, cat, NEEDS)
    assert after.total_cost >= before.total_cost
    assert after.total_cost == pytest.approx(before.total_cost + qty * cat.loc[rid, "unit_cost"])
    assert (after.cost_by_department >= before.cost_by_department - 1e-12).all()


# ------------------------------------------------------------------ charts
def test_gantt_and_cost_charts_are_labelled_in_both_languages():
    res = check(good(), resource_catalog(), NEEDS)
    ax = res.plot()
    assert ax.get_title() == "一体化服务包执行计划：C18"
    assert len(ax.patches) == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["王磊", "赵强"]
    assert ax.get_yticklabels()[0].get_text().startswith("1. ")
    assert res.plot_costs().get_title() == "服务包成本：12.0 / 预算 20 万元"
    kl.set_language("en")
    assert res.plot().get_title() == "Integrated service package plan: C18"
    assert res.plot_costs().get_legend().get_texts()[0].get_text() == "Marketing"


def test_backwards_step_is_drawn_hatched():
    pkg = good()
    pkg["lines"][0]["steps"][0].update(start="2026-03-01", end="2026-02-01")
    ax = check(pkg, resource_catalog(), NEEDS).plot()
    assert ax.patches[0].get_hatch() == "xx" and ax.patches[1].get_hatch() is None


# ------------------------------------------------------------------ English
def test_catalog_table_is_english_in_english_and_the_catalogue_is_untouched():
    cat = resource_catalog()
    zh = kl.resources.catalog_table(cat)
    assert zh.equals(cat[["department", "resource", "unit", "unit_cost", "capacity"]])
    kl.set_language("en")
    en = kl.resources.catalog_table(cat)
    assert en.loc["R01"].tolist() == ["Marketing", "Buy-and-get promotion", "campaign (chain-wide)", 5.0, 4]
    assert set(en["department"]) == {"Marketing", "Brand", "Sales"}
    assert en["unit_cost"].equals(cat["unit_cost"]) and cat.loc["R01", "resource"] == "买赠促销活动"
    assert kl.resources.department_label("销售部") == "Sales"


def test_english_messages_and_table_name_resources_and_departments_in_english():
    pkg = good()
    pkg["lines"][1]["resources"] = {"R08": 1, "R11": 1}
    kl.set_language("en")
    res = check(pkg, resource_catalog(), NEEDS)
    dup = res.problems.set_index("rule").loc["duplicate", "message"]
    assert dup == ("Resource R11 (Clerk selling-point training) is in lines 1, 2 (duplicated input): keep it in "
                   "one line only.")
    assert list(res.table.columns) == ["need", "Marketing", "Brand", "Sales", "cost"]
    assert res.cost_by_department.to_dict() == {"Marketing": 0.0, "Brand": 3.0, "Sales": 4.5}
    kl.set_language("zh")
    assert res.cost_by_department.to_dict() == {"Marketing": 0.0, "Brand": 3.0, "Sales": 4.5}  # as checked
    assert check(pkg, resource_catalog(), NEEDS).cost_by_department.to_dict() == {"市场部": 0.0, "品牌部": 3.0,
                                                                                   "销售部": 4.5}
