"""kamlab.opportunity: the opportunity matrix and collection plan against hand-computed cases, plus bad input."""

from __future__ import annotations

import io
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamlab as kl
from kamlab import (BadValueError, DuplicateIdError, EmptyTableError, KamlabInputError,
                    MissingColumnError)
from kamlab.opportunity import QUADRANT_CODES, collection_plan, matrix

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")


def needs() -> pd.DataFrame:
    """One account, 8 needs (hand-scored).

    id   match value priority quadrant(t=3)  base pressure  doubts
    N01    4     5    20      act_now           35    2      weak base
    N02    2     4     8      create_conditions 35    2      weak base
    N03    5     2    10      do_alongside      35    4      weak base; pressure 4
    N04    4     4    16      act_now           35    1      weak base
    N05    2     4     8      create_conditions 35    3      weak base; implicit match 2
    N06    4     4    16      act_now           35    5      weak base; pressure 5
    N07    3     3     9      act_now           35    2      weak base
    N08    1     2     2      defer             35    2      weak base; implicit match 1
    """
    return pd.DataFrame({
        "account_id": ["C01"] * 8,
        "need_id": [f"N0{i}" for i in range(1, 9)],
        "need": ["联合营销活动", "高毛利产品倾斜", "社区健康讲座", "店员卖点话术", "新品市场接受度调研",
                 "会员日促销", "竞品陈列反制", "区域趋势报告"],
        "kind": ["显性", "显性", "隐性", "隐性", "隐性", "显性", "显性", "隐性"],
        "channel": ["总部", "总部", "外部", "门店", "总部", "门店", "外部", "外部"],
        "match": [4, 2, 5, 4, 2, 4, 3, 1],
        "value": [5, 4, 2, 4, 4, 4, 3, 2],
        "base_score": [35.0] * 8,
        "competitor_pressure": [2, 2, 4, 1, 3, 5, 2, 2],
    })


def three_accounts() -> pd.DataFrame:
    a = needs()
    b = needs().assign(account_id="C05", base_score=72.0)
    c = needs().iloc[:3].assign(account_id="C12", base_score=50.0)
    return pd.concat([a, b, c], ignore_index=True).assign(
        need_id=[f"N{i:02d}" for i in range(1, 20)])


def assert_bilingual(err: pytest.ExceptionInfo, *names: str) -> None:
    for name in names:
        assert name in err.value.zh, (name, err.value.zh)
        assert name in err.value.en, (name, err.value.en)
    assert CJK.search(err.value.zh) and LATIN.search(err.value.en), str(err.value)
    assert err.value.zh in str(err.value) and err.value.en in str(err.value)


# ---------------------------------------------------------------------- quadrants
def grid(threshold: float = 3) -> pd.DataFrame:
    m, v = np.meshgrid(np.arange(1, 6), np.arange(1, 6), indexing="ij")
    df = pd.DataFrame({"need": [f"m{a}v{b}" for a, b in zip(m.ravel(), v.ravel())], "kind": "显性",
                       "channel": "总部", "match": m.ravel(), "value": v.ravel()})
    return matrix(df, threshold=threshold).table


@pytest.mark.parametrize("threshold", [1, 2, 3, 4, 5, 3.5])
def test_quadrant_boundaries_are_inclusive(threshold):
    t = grid(threshold)
    hi_m, hi_v = t["match"] >= threshold, t["value"] >= threshold
    expected = np.select([hi_m & hi_v, hi_v, hi_m], ["act_now", "create_conditions", "do_alongside"], "defer")
    assert t["quadrant_code"].tolist() == expected.tolist()


def test_quadrant_at_default_threshold_by_hand():
    t = grid().quadrant_code
    assert t["m3v3"] == "act_now" and t["m5v5"] == "act_now"
    assert t["m2v3"] == "create_conditions" and t["m1v5"] == "create_conditions"
    assert t["m3v2"] == "do_alongside" and t["m5v1"] == "do_alongside"
    assert t["m2v2"] == "defer" and t["m1v1"] == "defer"
    assert grid(4).quadrant_code["m3v3"] == "defer"
    assert (grid(1).quadrant_code == "act_now").all()


def test_quadrant_labels_in_both_languages():
    t = matrix(needs()).table
    assert t.loc[["N01", "N02", "N03", "N08"], "quadrant"].tolist() == ["优先落地", "创造条件", "顺带执行", "暂缓"]
    kl.set_language("en")
    t = matrix(needs()).table
    assert t.loc[["N01", "N02", "N03", "N08"], "quadrant"].tolist() == [
        "act now", "create conditions", "do alongside", "defer"]
    assert t.loc[["N01", "N02", "N03", "N08"], "quadrant_code"].tolist() == [
        "act_now", "create_conditions", "do_alongside", "defer"]


# ---------------------------------------------------------------------- priority and rank
def test_priority_rank_and_tie_order():
    t = matrix(needs()).table
    # priority desc; N04/N06 tie at 16 (same value, same match) -> by id; N02/N05 tie at 8 -> by id.
    assert t.index.tolist() == ["N01", "N04", "N06", "N03", "N07", "N02", "N05", "N08"]
    assert t["priority"].tolist() == [20, 16, 16, 10, 9, 8, 8, 2]
    assert t["rank"].tolist() == list(range(1, 9))
    assert t.index.name == "need_id" and "need_id" not in t.columns


def test_ties_broken_by_value_then_match_then_id():
    df = pd.DataFrame({"need_id": ["b", "a", "c", "d", "e"], "need": list("VWXYZ"), "kind": "显性",
                       "channel": "门店", "match": [2, 4, 4, 2, 1], "value": [4, 2, 2, 4, 4]})
    t = matrix(df).table
    # b, d: 2x4=8, value 4 -> before a, c (4x2=8, value 2); b < d and a < c by id; e 1x4 = 4.
    assert t.index.tolist() == ["b", "d", "a", "c", "e"]
    assert t.loc["b", "rank"] == 1 and t.loc["e", "rank"] == 5


def test_need_is_the_index_without_need_id():
    df = needs().drop(columns=["need_id", "account_id"])
    t = matrix(df).table
    assert t.index.name == "need" and t.index[0] == "联合营销活动" and "need" in t.columns
    # ties by id = need text (Unicode order): 会员日促销 (U+4F1A) before 店员卖点话术 (U+5E97)
    assert t.index[1:3].tolist() == ["会员日促销", "店员卖点话术"]


# ---------------------------------------------------------------------- doubts and feasibility
def test_doubts_in_chinese():
    t = matrix(needs()).table
    assert t.loc["N01", "doubts"] == "动销基础薄弱（基础分 35 < 40）"
    assert t.loc["N03", "doubts"] == "动销基础薄弱（基础分 35 < 40）；竞品压力大（4/5）"
    assert t.loc["N05", "doubts"] == "动销基础薄弱（基础分 35 < 40）；隐性需求匹配度低（2/5），先向客户确认需求"
    assert not t["feasible"].any()


def test_doubts_in_english():
    kl.set_language("en")
    t = matrix(needs().assign(base_score=72)).table
    assert t.loc["N01", "doubts"] == ""
    assert t.loc["N06", "doubts"] == "strong competitor pressure (5/5)"
    assert t.loc["N08", "doubts"] == "implicit need with low match (1/5): confirm the need with the account first"
    t = matrix(needs().assign(base_score=32.5)).table
    assert t.loc["N03", "doubts"] == ("weak sell-through base (base score 32.5 < 40); "
                                      "strong competitor pressure (4/5)")


def test_doubt_boundaries_and_feasible():
    t = matrix(needs().assign(base_score=40)).table   # 40 is not < 40
    assert t["feasible"].to_dict() == {"N01": True, "N04": True, "N06": False, "N03": False, "N07": True,
                                      "N02": True, "N05": False, "N08": False}
    assert t.loc["N05", "doubts"] == "隐性需求匹配度低（2/5），先向客户确认需求"  # pressure 3 < 4: no doubt
    assert t["feasible"].dtype == bool
    # implicit match 3 is not doubtful; explicit match 1 is not doubtful
    t = matrix(needs().assign(match=[1, 3, 3, 3, 3, 3, 3, 3], competitor_pressure=1, base_score=90)).table
    assert t["doubts"].eq("").all() and t["feasible"].all()


def test_rules_without_optional_columns():
    t = matrix(needs().drop(columns=["base_score", "competitor_pressure"])).table
    assert t.loc["N01", "doubts"] == "" and t.loc["N03", "doubts"] == ""
    assert t.loc["N08", "doubts"] == "隐性需求匹配度低（1/5），先向客户确认需求"


# ---------------------------------------------------------------------- top
def test_top_prefers_act_now_then_feasible_then_rank():
    opp = matrix(needs().assign(base_score=72))
    # act_now: N01 (20, ok), N04 (16, ok), N06 (16, pressure 5), N07 (9, ok)
    assert opp.top().index.tolist() == ["N01", "N04", "N07"]
    assert opp.top(4).index.tolist() == ["N01", "N04", "N07", "N06"]
    # then others: feasible N02 (8) before doubtful N03 (10), N05, N08
    assert opp.top(8).index.tolist() == ["N01", "N04", "N07", "N06", "N02", "N03", "N05", "N08"]
    assert opp.top(50).shape[0] == 8
    assert list(opp.top(1).columns) == list(opp.table.columns)


def test_top_fills_from_other_quadrants():
    df = needs().assign(match=[2, 2, 5, 2, 2, 2, 2, 1], competitor_pressure=1, base_score=72)
    # no act_now.  Ranks: N01 2x5=10 (value 5), N03 5x2=10 (value 2), then 2x4=8: N02, N04, N05, N06.
    # Doubtful (implicit, match <= 2): N04, N05, N08 -> feasible by rank: N01, N03, N02, N06, N07.
    opp = matrix(df)
    assert (opp.table["quadrant_code"] != "act_now").all()
    assert opp.top(3).index.tolist() == ["N01", "N03", "N02"]
    assert opp.top(6).index.tolist() == ["N01", "N03", "N02", "N06", "N07", "N04"]


@pytest.mark.parametrize("k", [0, -1, 2.5, "3", True, None])
def test_top_bad_k(k):
    with pytest.raises(BadValueError) as err:
        matrix(needs()).top(k)
    assert_bilingual(err, "k")


# ---------------------------------------------------------------------- aliases and account
def test_english_and_long_aliases():
    df = needs().assign(kind=["explicit", "Explicit ", "IMPLICIT", "隐性需求", "implicit", "显性需求", "explicit",
                              "implicit"],
                        channel=["HQ", "hq", "External", "store", "总部层面", "门店层面", "外部", "Headquarters"])
    t = matrix(df).table.sort_index()
    assert t["kind"].tolist() == ["显性", "显性", "隐性", "隐性", "隐性", "显性", "显性", "隐性"]
    assert t["channel"].tolist() == ["总部", "总部", "外部", "门店", "总部", "门店", "外部", "总部"]


def test_account_filter():
    df = three_accounts()
    opp = matrix(df, account="C05")
    assert opp.account == "C05" and len(opp.table) == 8
    assert (opp.table["account_id"] == "C05").all()
    assert opp.table["feasible"].sum() == 4    # base 72: doubtful only the rows of N03, N05, N06, N08
    assert len(matrix(df, account=" C12").table) == 3
    assert len(matrix(df).table) == 19


def test_account_filter_allows_ids_repeated_across_accounts():
    df = pd.concat([needs(), needs().assign(account_id="C05")], ignore_index=True)
    assert len(matrix(df, account="C01").table) == 8
    with pytest.raises(DuplicateIdError) as err:
        matrix(df)
    assert_bilingual(err, "need_id", "8")


def test_unknown_account_did_you_mean():
    with pytest.raises(BadValueError) as err:
        matrix(three_accounts(), account="C5")
    assert_bilingual(err, "account_id", "C5", "C01, C05, C12")
    assert "是不是 'C05'" in err.value.zh and "did you mean 'C05'" in err.value.en
    with pytest.raises(MissingColumnError) as err:
        matrix(needs().drop(columns="account_id"), account="C01")
    assert_bilingual(err, "account_id")


# ---------------------------------------------------------------------- bad input
def _set(column, row, value):
    def mutate(d):
        d = d.copy()
        d[column] = d[column].astype(object)
        d.loc[row, column] = value
        return d
    return mutate


@pytest.mark.parametrize("mutate,error,column,row", [
    (lambda d: d.rename(columns={"value": "vaule"}), MissingColumnError, "value", None),
    (lambda d: d.drop(columns="channel"), MissingColumnError, "channel", None),
    (_set("match", 3, 6), BadValueError, "match", 3),
    (_set("value", 2, 0), BadValueError, "value", 2),
    (_set("match", 5, 2.5), BadValueError, "match", 5),
    (_set("value", 4, np.nan), BadValueError, "value", 4),
    (_set("match", 1, "高"), BadValueError, "match", 1),
    (_set("kind", 6, "显"), BadValueError, "kind", 6),
    (_set("kind", 2, None), BadValueError, "kind", 2),
    (_set("channel", 7, "线上"), BadValueError, "channel", 7),
    (_set("need", 0, "  "), BadValueError, "need", 0),
    (_set("need_id", 4, "N02"), DuplicateIdError, "need_id", 4),
    (_set("need_id", 3, None), BadValueError, "need_id", 3),
    (_set("base_score", 1, 120), BadValueError, "base_score", 1),
    (_set("base_score", 6, np.nan), BadValueError, "base_score", 6),
    (_set("competitor_pressure", 2, 0), BadValueError, "competitor_pressure", 2),
    (_set("competitor_pressure", 2, 3.5), BadValueError, "competitor_pressure", 2),
])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_bad_needs_table_names_column_and_row(mutate, error, column, row, language):
    df = mutate(needs())
    kl.set_language(language)
    with pytest.raises(error) as err:
        matrix(df)
    names = [column] if row is None else [column, str(row)]
    assert_bilingual(err, *names)
    assert err.value.column == column and err.value.row == row
    first = err.value.zh if language == "zh" else err.value.en
    assert str(err.value).startswith(first)


def test_bad_values_explain_the_fix():
    with pytest.raises(MissingColumnError) as err:
        matrix(needs().rename(columns={"value": "vaule"}))
    assert "是不是 'vaule'" in err.value.zh and "did you mean 'vaule'" in err.value.en
    with pytest.raises(BadValueError) as err:
        matrix(_set("channel", 7, "stroe")(needs()))
    assert "总部、门店、外部" in err.value.zh and "门店 (store)" in err.value.en
    assert "did you mean '门店'" in err.value.en
    with pytest.raises(BadValueError) as err:
        matrix(_set("match", 5, 2.5)(needs()))
    assert "不是整数" in err.value.zh and "whole number" in err.value.en


def test_empty_and_not_a_table():
    with pytest.raises(EmptyTableError) as err:
        matrix(needs().iloc[:0])
    assert_bilingual(err, "needs")
    with pytest.raises(KamlabInputError):
        matrix(needs().to_dict())
    with pytest.raises(EmptyTableError):
        collection_plan(needs().iloc[:0])


def test_duplicate_need_text_without_id():
    df = _set("need", 5, "联合营销活动")(needs().drop(columns="need_id"))
    with pytest.raises(DuplicateIdError) as err:
        matrix(df)
    assert_bilingual(err, "need", "5")


@pytest.mark.parametrize("threshold", [0, 6, 5.01, "3", True, np.nan, None])
def test_bad_threshold(threshold):
    with pytest.raises(BadValueError) as err:
        matrix(needs(), threshold=threshold)
    assert_bilingual(err, "threshold", "1", "5")
    assert err.value.column == "threshold"


def test_input_unchanged():
    df = needs().assign(kind=["explicit"] * 4 + ["隐性需求"] * 4, channel="HQ")
    before = df.copy(deep=True)
    opp = matrix(df, account="C01")
    opp.top()
    opp.plot()
    collection_plan(df).plot()
    pd.testing.assert_frame_equal(df, before)
    assert df.index.equals(before.index)


def test_string_numbers_from_a_csv_are_accepted():
    df = needs().astype({"match": str, "value": str})
    assert matrix(df).table["priority"].tolist() == [20, 16, 16, 10, 9, 8, 8, 2]


# ---------------------------------------------------------------------- collection plan
def test_collection_plan_counts_and_gaps():
    plan = collection_plan(needs())
    assert plan.table.index.tolist() == ["显性", "隐性"] and plan.table.columns.tolist() == ["总部", "门店", "外部"]
    assert plan.table.to_numpy().tolist() == [[2, 1, 1], [1, 1, 2]]
    assert plan.uncovered == ()
    assert plan.summary() == "已覆盖 6/6 个类型×渠道组合。"
    only = collection_plan(needs().assign(channel="store", kind="implicit"))
    assert only.table.to_numpy().tolist() == [[0, 0, 0], [0, 8, 0]]
    assert len(only.uncovered) == 5 and ("隐性", "门店") not in only.uncovered
    assert only.summary() == "已覆盖 1/6 个类型×渠道组合；缺：显性×总部、显性×门店、显性×外部、隐性×总部、隐性×外部。"


def test_collection_plan_ignores_scores_and_filters_account():
    df = three_accounts().drop(columns=["match", "value"])
    plan = collection_plan(df, account="C12")
    assert plan.table.to_numpy().sum() == 3 and plan.account == "C12"
    assert plan.uncovered == (("显性", "门店"), ("显性", "外部"), ("隐性", "总部"), ("隐性", "门店"))
    with pytest.raises(BadValueError) as err:
        collection_plan(_set("kind", 0, "other")(df))
    assert_bilingual(err, "kind", "0")


# ---------------------------------------------------------------------- charts
def test_matrix_chart_in_chinese():
    opp = matrix(needs(), account="C01")
    ax = opp.plot()
    assert ax.get_title() == "机会洞察矩阵：C01"
    assert ax.get_xlabel().startswith("需求匹配度") and ax.get_ylabel().startswith("机会价值")
    texts = {t.get_text() for t in ax.texts}
    assert {"优先落地", "创造条件", "顺带执行", "暂缓", "联合营销活动", "新品市场接受度…"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["显性需求", "隐性需求", "总部", "门店", "外部", "前 3 个机会"]
    assert [line.get_xdata()[0] for line in ax.get_lines()[:1]] == [2.5]
    ax.figure.savefig(io.BytesIO(), format="png")  # missing CJK glyph -> warning -> error


def test_matrix_chart_positions_are_deterministic_and_spread():
    opp = matrix(needs())
    ax1, ax2 = opp.plot(), opp.plot()
    pts1 = np.vstack([c.get_offsets() for c in ax1.collections[:-1]])
    pts2 = np.vstack([c.get_offsets() for c in ax2.collections[:-1]])
    assert np.array_equal(pts1, pts2)
    assert len(np.unique(np.round(pts1, 6), axis=0)) == 8     # N04 and N06 share (4, 4) but are apart
    assert np.abs(pts1 - np.round(pts1)).max() <= 0.2 + 1e-9


def test_matrix_chart_in_english_on_given_axes():
    kl.set_language("en")
    fig, ax = plt.subplots()
    assert matrix(needs(), threshold=4).plot(ax=ax, top=0) is ax
    assert ax.get_title() == "Opportunity matrix"
    assert {"act now", "create conditions", "do alongside", "defer"} <= {t.get_text() for t in ax.texts}
    assert "top 3 opportunities" not in [t.get_text() for t in ax.get_legend().get_texts()]
    fig.savefig(io.BytesIO(), format="png")


def test_collection_plan_chart():
    plan = collection_plan(needs().assign(kind="显性"))
    ax = plan.plot()
    assert ax.get_title() == "需求信息采集覆盖（需求条数）"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["总部", "门店", "外部"]
    assert "0（缺）" in {t.get_text() for t in ax.texts}
    ax.figure.savefig(io.BytesIO(), format="png")
    kl.set_language("en")
    ax = collection_plan(needs(), account="C01").plot()
    assert ax.get_title() == "Needs gathered per kind and channel: C01"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["explicit", "implicit"]


# ---------------------------------------------------------------------- property
RANK = {code: i for i, code in enumerate(QUADRANT_CODES)}


@settings(max_examples=60, deadline=None)
@given(scores=st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=8),
       pick=st.integers(0, 7), up=st.integers(1, 4), which=st.sampled_from(["match", "value"]),
       threshold=st.sampled_from([1, 2, 3, 4, 5, 2.5, 3.5]))
def test_raising_a_score_never_hurts(scores, pick, up, which, threshold):
    df = pd.DataFrame({"need_id": [f"N{i}" for i in range(len(scores))], "kind": "隐性",
                       "channel": "门店", "match": [s[0] for s in scores], "value": [s[1] for s in scores]})
    df["need"] = df["need_id"]
    i = pick % len(df)
    raised = df.copy()
    raised.loc[i, which] = min(5, raised.loc[i, which] + up)
    before = matrix(df, threshold=threshold).table.loc[f"N{i}"]
    after = matrix(raised, threshold=threshold).table.loc[f"N{i}"]
    assert after["priority"] >= before["priority"]
    assert RANK[after["quadrant_code"]] <= RANK[before["quadrant_code"]]
    assert after["rank"] <= before["rank"]


# ---------------------------------------------------------------------- bundled data set
def test_bundled_needs_data_set():
    df = kl.datasets.load("needs")
    accounts = sorted(df["account_id"].astype(str).unique())
    assert len(accounts) >= 3
    whole = df.copy(deep=True)
    for acc in accounts:
        opp = matrix(df, account=acc)
        t = opp.table
        assert (t["priority"] == t["match"] * t["value"]).all()
        assert sorted(t["rank"]) == list(range(1, len(t) + 1))
        assert set(t["quadrant_code"]) <= set(QUADRANT_CODES)
        assert (t["feasible"] == t["doubts"].eq("")).all()
        assert (t.loc[t["base_score"] < 40, "doubts"].str.contains("动销基础薄弱")).all()
        top = opp.top(3)
        assert len(top) == min(3, len(t))
        n_act = int((t["quadrant_code"] == "act_now").sum())
        assert (top["quadrant_code"] == "act_now").sum() == min(3, n_act)
        plan = collection_plan(df, account=acc)
        assert plan.table.to_numpy().sum() == len(t)
        fig = opp.plot().figure
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    pd.testing.assert_frame_equal(df, whole)


# ----------------------------------------------------------------------------- scoring from evidence (issue 12)
def test_matrix_scores_needs_from_their_evidence_when_no_scores_are_given():
    from kamlab.opportunity import evidence_scores, with_scores
    df = pd.DataFrame({"need_id": ["N1", "N2", "N3"], "need": ["甲", "乙", "丙"], "kind": ["显性", "隐性", "显性"],
                       "channel": ["总部", "门店", "外部"],
                       "fit": ["现有方案可直接满足", "需市场部、品牌部配合", "超出我方能力"], "uplift": [40.0, 14.9, 70.0]})
    t = matrix(df).table
    assert t.loc["N1", ["match", "value"]].tolist() == [5, 5]
    assert t.loc["N2", ["match", "value"]].tolist() == [3, 2]
    assert t.loc["N3", ["match", "value", "quadrant_code"]].tolist() == [1, 5, "create_conditions"]
    assert evidence_scores(df)["match"].tolist() == [5, 3, 1]
    mine = matrix(with_scores(df, {"N1": (2, 2), "N2": (4, 4)})).table
    assert mine.index.tolist() == ["N2", "N1"]
    with pytest.raises(BadValueError):
        with_scores(df, {"N1": (0, 3)})
    with pytest.raises(BadValueError):
        evidence_scores(df.assign(fit="很好"))


def test_bundled_evidence_reproduces_the_course_scores():
    from kamlab.opportunity import FIT_LEVELS, evidence_scores
    needs = kl.datasets.load("needs", variant=4)
    t = evidence_scores(needs)
    assert set(needs["fit"]) <= set(FIT_LEVELS)
    assert t["value"].between(1, 5).all() and t["match"].between(1, 5).all()
