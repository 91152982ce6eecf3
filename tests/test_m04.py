"""m04 策略制定与资源整合: question bank checks, helpers, forms and the widget-only path.

q2 is checked by ``kl.resources.check`` on the context's own data (the key
account's 3 needs and the variant's catalogue), all or nothing; q3 and q4 are
readings of a colleague's package, judged on the variant the trainee saw.
"""

from __future__ import annotations

import pytest

import kamlab as kl
from kamlab.course import m04

from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, recorded, run_answered, scores

HIDDEN = 5
Q1 = {"陈列物料包（POP、堆头）": "品牌部", "买赠促销活动": "市场部", "店员卖点培训": "销售部", "全国品牌联合广告": "品牌部",
      "动销数据联合复盘": "销售部", "会员日慢病关爱活动": "市场部", "社区健康讲座（医学专家）": "品牌部",
      "高层互访与年度规划会": "销售部", "O2O 线上引流券": "市场部"}


def _setup(variant: int):
    account = m04.key_account(None, kl.datasets.load("chains", variant=variant))
    needs = m04.key_needs(kl.datasets.load("needs", variant=variant), account)
    return account, needs, m04.catalog(variant)


def _package(variant: int) -> dict:
    account, needs, catalog = _setup(variant)
    step = lambda i, who: [{"step": f"执行 {i}", "owner": who, "start": "2026-01-12", "end": "2026-03-20",  # noqa: E731
                            "metric": "动销率", "target": 0.8}]
    return {"account": account, "owner": "王磊", "budget": 40, "meeting_weeks": 2,
            "team": {"市场部": "李娜", "品牌部": "赵强", "销售部": "王磊"}, "start": m04.PLAN_START, "end": m04.PLAN_END,
            "lines": [{"need": needs[i], "resources": kl.resources.kit(needs, i, catalog), "steps": step(i, who)}
                      for i, who in enumerate(["王磊", "李娜", "赵强"])]}


def _flaws(variant: int, account: str | None = None) -> dict:
    account_, _, catalog = _setup(variant)
    ranked = m04.key_needs(kl.datasets.load("needs", variant=variant), account or account_, 6)
    return m04.example_resources(ranked[:3], catalog, ranked[3:])


def _answers(variant: int) -> dict:
    flaws = _flaws(variant)
    return {"q1": Q1, "q2": _package(variant), "q3": flaws["duplicate"], "q4": flaws["mismatch"],
            "q5": "每两周开会，项目负责人拍板。"}


def _grade(answers: dict, variant: int) -> dict:
    return grade_recorded("m04", answers, variant)


def _seen(answers: dict, seen: int, run: int = HIDDEN) -> dict:
    ctx = Context("m04", variant=run, seen_variant=seen)
    return m04.BANK.grade({k: recorded(v) for k, v in answers.items()}, ctx)


AUTO = {"q1": (True, 2.0), "q2": (True, 5.0), "q3": (True, 2.0), "q4": (True, 2.0)}


def test_bank_structure():
    assert m04.BANK.module == "m04" and m04.BANK.keys() == ["q1", "q2", "q3", "q4", "q5"]
    assert m04.BANK.total_points == 14.0
    assert [q.key for q in m04.BANK.questions if q.manual] == ["q5"]
    assert [q.key for q in m04.BANK.questions if q.on == "seen"] == ["q1", "q3", "q4"]
    assert [q.key for q in m04.BANK.questions if q.read] == ["q3", "q4"]
    assert m04.BANK.get("q5").rubric
    assert kl.course.get_bank("m04") is m04.BANK


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_right_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert scores(verdicts) == AUTO
    assert verdicts["q5"].manual


def test_key_needs_follow_the_variant():
    assert _setup(0)[:2] == ("C18", ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"])
    assert _setup(HIDDEN)[1] != _setup(0)[1]


def test_readings_are_judged_on_the_variant_the_trainee_saw():
    seen0 = {**_answers(HIDDEN), "q3": _flaws(0)["duplicate"], "q4": _flaws(0)["mismatch"]}
    assert _flaws(0) != _flaws(HIDDEN)
    verdicts = _seen(seen0, seen=0)
    assert verdicts["q3"].ok and verdicts["q4"].ok
    verdicts = _seen(seen0, seen=HIDDEN)
    assert not verdicts["q3"].ok and not verdicts["q4"].ok


def test_the_example_for_the_account_the_package_names_counts_too():
    # a trainee who set account = "C07": their example was built for C07
    other = "C07"
    flaws = _flaws(0, other)
    q2 = dict(_package(0), account=other)
    verdicts = _grade({"q2": q2, "q3": flaws["duplicate"], "q4": flaws["mismatch"]}, 0)
    assert verdicts["q3"].ok and verdicts["q4"].ok


def test_the_variant_0_package_fails_on_the_hidden_variant():
    hidden = _answers(HIDDEN)
    q2_v0 = dict(_package(0), account=hidden["q2"]["account"])  # its needs and resources typed in
    v = _grade({"q2": q2_v0}, HIDDEN)["q2"]
    assert not v.ok and v.score == 0 and "有需求没有被服务" in v.reason_zh


def test_q1_names_what_is_misplaced():
    wrong = dict(Q1, **{"陈列物料包（POP、堆头）": "销售部"})
    v = _grade({"q1": wrong}, 0)["q1"]
    assert (v.ok, v.score) == (False, pytest.approx(2 * 8 / 9))
    assert "“陈列物料包（POP、堆头）”不归销售部" in v.reason_zh
    v = _grade({"q1": {"买赠促销活动": "Marketing"}}, 0)["q1"]
    assert not v.ok and v.score == 0 and "8 项资源没有选择部门" in v.reason_zh
    assert _grade({"q1": dict(Q1, 买赠促销活动="marketing")}, 0)["q1"].ok


def test_q2_is_all_or_nothing_and_names_the_problems():
    # old behaviour: 1 - 0.2 x problems, so an untouched package with 3 problems earned 40 %
    q2 = _package(0)
    q2["owner"] = ""
    q2["meeting_weeks"] = None
    v = _grade({"q2": q2}, 0)["q2"]
    assert v.score == 0 and "没有项目负责人" in v.reason_zh and "no regular project meeting" in v.reason_en
    assert "kl." not in v.reason_zh + v.reason_en
    v = _grade({"q2": dict(_package(0), account="C99")}, 0)["q2"]
    assert v.score == 0 and "哪家重点客户" in v.reason_zh
    bad = _package(0)
    bad["lines"][0]["steps"][0]["start"] = "明天"
    assert "读不出来" in _grade({"q2": bad}, 0)["q2"].reason_zh
    assert _grade({"q2": [1]}, 0)["q2"].score == 0


def test_q3_q4_reasons_speak_of_the_chosen_resource():
    flaws = _flaws(0)
    assert flaws == {"duplicate": "R12", "mismatch": "R01"}
    v = _grade({"q3": "R01"}, 0)["q3"]
    assert not v.ok and "R01 只出现在第 1 条服务线" in v.reason_zh
    v = _grade({"q4": "R12"}, 0)["q4"]
    assert not v.ok and "“合规的店员销售激励方案”" in v.reason_zh and "重点需求" in v.reason_zh
    for key in ("q3", "q4"):
        assert "不是“没有”" in _grade({key: m04.NONE}, 0)[key].reason_zh
        assert "还没有选择" in _grade({key: None}, 0)[key].reason_zh
        assert "不在示例服务包里" in _grade({key: "R18"}, 0)[key].reason_zh


def test_the_worked_example_has_both_planted_flaws_on_every_variant():
    for variant in range(8):
        account, needs, catalog = _setup(variant)
        pkg = m04.example_for(kl.datasets.load("needs", variant=variant), catalog, account)
        res = kl.resources.check(pkg, catalog, needs)
        flaws = _flaws(variant)
        assert {"duplicate", "mismatch", "no_meeting", "no_member", "over_budget"} <= set(res.rules)
        dup = res.problems.query("rule == 'duplicate'")["message"].tolist()
        assert len(dup) == 1 and flaws["duplicate"] in dup[0]
        served = str(catalog.loc[flaws["mismatch"], "serves"]).split(kl.resources.SEP)
        assert not set(served) & set(needs)


def test_helpers_run_while_answers_are_unanswered(capsys):
    account, needs, catalog = _setup(0)
    res = m04.or_example(..., needs, catalog, account)
    assert res.rules[:2] == ["no_meeting", "over_budget"] and "示例服务包" in capsys.readouterr().out


def test_forms_start_neutral_and_redraw():
    account, needs, catalog = _setup(0)
    form = m04.package_form(needs, catalog, account)
    assert '"meeting_weeks": None' in form.line and "没有项目负责人" in form.text
    form.controls["owner"].value = "王磊"
    assert "没有项目负责人" not in form.text
    example = m04.example_for(kl.datasets.load("needs"), catalog, account)
    f3 = m04.example_form("q3", example, catalog)
    assert f3.line == "q3 = None" and f3.text.endswith("还没有选择。")
    f3.controls["resource"].value = "R12"
    assert f3.line == 'q3 = "R12"' and "你选的是：R12" in f3.text
    f3.controls["resource"].value = m04.NONE
    assert f3.line == 'q3 = "无"'


def test_package_form_writes_a_line_that_checks_clean():
    account, needs, catalog = _setup(0)
    form = m04.package_form(needs, catalog, account)
    form.controls["owner"].value = "王磊"
    form.controls["meeting_weeks"].value = 2
    for d, who in {"市场部": "李娜", "品牌部": "赵强", "销售部": "王磊"}.items():
        form.controls[f"team_{d}"].value = who
    cells = form.controls["lines"].cells
    for i, who in enumerate(["王磊", "李娜", "赵强"]):
        for col, value in {"step": f"步骤{i}", "owner": who, "start": "2026-01-12", "end": "2026-02-27",
                           "metric": "动销率", "target": "0.8"}.items():
            cells[i][col].value = value
    cells[3]["need"].value = "0"
    cells[3]["step"].value = "复盘"  # a second step of line 1 without owner/metric/dates: an error in the form
    ns = {"kl": kl, "needs": needs, "catalog": catalog, "account": account}
    with pytest.raises(ValueError):
        exec(form.line, ns)
        kl.resources.check(ns["q2"], catalog, needs)
    cells[3]["need"].value = ""
    exec(form.line, ns)
    assert kl.resources.check(ns["q2"], catalog, needs).ok
    assert ns["q2"]["lines"][0]["resources"] == {"R12": 1}
    cells[0]["departments"].value = "品牌部"
    exec(form.line, ns)
    assert ns["q2"]["lines"][0]["resources"] == {}
    assert 'departments=["品牌部"]' in form.line or "departments=['品牌部']" in form.line


def test_quiz_and_text_forms():
    form = m04.quiz_form()
    for name, dept in Q1.items():
        form.controls[name].value = dept
    ns: dict = {}
    exec(form.line, ns)
    assert ns["q1"] == Q1
    text = m04.text_form()
    text.controls["text"].value = '每两周一次，"拍板"\n由负责人'
    exec(text.line, ns)
    assert ns["q5"] == '每两周一次，"拍板" 由负责人'


def test_worked_examples():
    account, needs, catalog = _setup(0)
    table = m04.strategy_view(kl.datasets.load("chains"), kl.datasets.load("needs"), account, catalog)
    assert len(table) == 3 and "R12" in table.iloc[2, 2]
    assert m04.pain_demo(catalog).rules == ["mismatch", "duplicate", "no_member"]
    assert "部门" not in m04.catalog_view(catalog, departments=False).columns
    assert "部门" in m04.catalog_view(catalog).columns


def test_english_labels():
    kl.set_language("en")
    account, needs, catalog = _setup(0)
    form = m04.package_form(needs, catalog, account)
    assert form.controls["owner"].description == "project owner"
    assert m04.quiz_form().controls["买赠促销活动"].description == "Buy-and-get promotion"
    assert "units available" in m04.catalog_view(catalog).columns
    assert m04.strategy_view(kl.datasets.load("chains"), kl.datasets.load("needs"), account,
                             catalog).iloc[0, 0] == "Account tiering"


# ------------------------------------------------------------ widget-only path
_READ = ("_flaws = kl.course.m04.example_resources(*(lambda r: (r[:3], catalog, r[3:]))("
         "kl.course.m04.key_needs(wb, account, 6)))")


def _operate(key: str) -> str:
    if key == "q1":
        return "\n".join(f'form_q1.controls["{k}"].value = "{v}"' for k, v in Q1.items())
    if key == "q2":
        lines = ['form_q2.controls["owner"].value = "王磊"', 'form_q2.controls["budget"].value = 45',
                 'form_q2.controls["meeting_weeks"].value = 2']
        lines += [f'form_q2.controls["team_{d}"].value = "{w}"'
                  for d, w in {"市场部": "李娜", "品牌部": "赵强", "销售部": "王磊"}.items()]
        lines.append("cells = form_q2.controls['lines'].cells")
        rows = [(0, "与采购确认方案", "王磊", "2026-01-05", "2026-01-23", "方案签约数", "1"),
                (1, "资源对接与排期", "赵强", "2026-01-12", "2026-02-06", "门店覆盖率", "0.9"),
                (2, "试点门店执行", "李娜", "2026-02-02", "2026-02-27", "试点达标率", "0.8"),
                (0, "门店落地执行", "李娜", "2026-01-26", "2026-03-13", "动销率", "0.8")]
        cols = ("need", "step", "owner", "start", "end", "metric", "target")
        for i, row in enumerate(rows):
            lines += [f'cells[{i}]["{c}"].value = "{v}"' for c, v in zip(cols, row)]
        return "\n".join(lines)
    # the trainee reads the table of the colleague's package
    if key == "q3":
        return _READ + '\nform_q3.controls["resource"].value = _flaws["duplicate"]'
    if key == "q4":
        return _READ + '\nform_q4.controls["resource"].value = _flaws["mismatch"]'
    return 'form_q5.controls["text"].value = "每两周开一次项目会议，项目负责人主持并拍板。"'


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m04", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m04.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {"q1", "q2", "q3", "q4", "q5"}
    assert answers["q1"] == Q1
    assert answers["q2"]["budget"] == 45 and len(answers["q2"]["lines"]) == 3
    assert [len(line["steps"]) for line in answers["q2"]["lines"]] == [2, 1, 1]
    assert answers["q3"] == _flaws(HIDDEN)["duplicate"]
    assert scores(verdicts) == AUTO
    assert verdicts["q5"].manual and answers["q5"].startswith("每两周")


def test_answers_made_in_english_grade_the_same():
    kl.set_language("en")
    answers = _answers(0)
    answers["q1"] = {k: {"市场部": "Marketing", "品牌部": "Brand", "销售部": "Sales"}[v] for k, v in Q1.items()}
    assert scores(_grade(answers, 0)) == AUTO
    form = m04.quiz_form()
    assert [label for label, _ in form.controls["买赠促销活动"].options[1:]] == ["Marketing", "Brand", "Sales"]
    form.controls["买赠促销活动"].value = "Brand"
    assert '"买赠促销活动": "Brand"' in form.line


def test_the_worked_example_speaks_english_and_has_the_same_flaws():
    account, needs, catalog = _setup(0)
    rules = kl.resources.check(m04.flawed_package(needs, catalog, account), catalog, needs).rules
    kl.set_language("en")
    pkg = m04.flawed_package(needs, catalog, account)
    assert pkg["owner"] == "Wang Lei" and pkg["lines"][0]["steps"][1]["step"] == "roll the plan out to stores"
    assert kl.resources.check(pkg, catalog, needs).rules == rules
