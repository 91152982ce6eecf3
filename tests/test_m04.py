"""m04 策略制定与资源整合: question bank checks, helpers, forms and the widget-only path.

q2 is checked by ``kl.resources.check`` on the context's own data (the key
account's 3 needs and the variant's catalogue); q3 against the trainee's own
q2 priced with the context's catalogue.  A computed answer passes on every
variant; numbers or resources typed in from variant 0 fail on variant 5.
"""

from __future__ import annotations

import pytest

import kamlab as kl
from kamlab.course import m04

from workbook_runs import cell_errors, grade_recorded, run_answered, scores

HIDDEN = 5
Q1 = {"买赠促销活动": "市场部", "O2O 线上引流券": "市场部", "全国品牌联合广告": "品牌部",
      "陈列物料包（POP、堆头）": "品牌部", "高层互访与年度规划会": "销售部", "动销数据联合复盘": "销售部"}


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


def _answers(variant: int) -> dict:
    _, needs, catalog = _setup(variant)
    q2 = _package(variant)
    return {"q1": Q1, "q2": q2, "q3": kl.resources.check(q2, catalog, needs).cost_by_department,
            "q4": "每两周开会，项目负责人拍板。"}


def _grade(answers: dict, variant: int) -> dict:
    return grade_recorded("m04", answers, variant)


def test_bank_structure():
    assert m04.BANK.module == "m04" and m04.BANK.keys() == ["q1", "q2", "q3", "q4"]
    assert m04.BANK.total_points == 12.0
    assert [q.manual for q in m04.BANK.questions] == [False, False, False, True]
    assert kl.course.get_bank("m04") is m04.BANK


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: (v.ok, v.score) for k, v in verdicts.items() if not v.manual} == {
        "q1": (True, 2.0), "q2": (True, 5.0), "q3": (True, 2.0)}
    assert verdicts["q4"].manual


def test_key_needs_follow_the_variant():
    assert _setup(0)[:2] == ("C18", ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"])
    assert _setup(HIDDEN)[1] != _setup(0)[1]


def test_answers_from_variant_0_fail_on_the_hidden_variant():
    typed = _answers(0)
    typed["q3"] = typed["q3"].to_dict()  # numbers typed in from variant 0
    hidden = _answers(HIDDEN)
    verdicts = _grade({**hidden, "q3": typed["q3"]}, HIDDEN)
    assert not verdicts["q3"].ok and "不要输入数字" in verdicts["q3"].reason_zh
    # the variant-0 package (its needs and resources typed in) is not a package for the hidden account
    q2_v0 = dict(typed["q2"], account=hidden["q2"]["account"])
    v = _grade({"q2": q2_v0}, HIDDEN)["q2"]
    assert not v.ok and "有需求没有被服务" in v.reason_zh and 0 <= v.score < 5


def test_q1_partial_credit():
    wrong = dict(Q1, 买赠促销活动="品牌部", 动销数据联合复盘="市场部")
    v = _grade({"q1": wrong}, 0)["q1"]
    assert (v.ok, v.score) == (False, pytest.approx(2 * 4 / 6))
    assert "2 项归错了部门" in v.reason_zh
    v = _grade({"q1": {"买赠促销活动": "Marketing"}}, 0)["q1"]
    assert not v.ok and "5 项资源没有归到部门" in v.reason_zh
    assert _grade({"q1": dict(Q1, 买赠促销活动="marketing")}, 0)["q1"].ok


def test_q2_problems_cost_points_and_are_named():
    q2 = _package(0)
    q2["owner"] = ""
    q2["meeting_weeks"] = None
    v = _grade({"q2": q2}, 0)["q2"]
    assert v.score == pytest.approx(5 * 0.6)
    assert "没有项目负责人" in v.reason_zh and "no regular project meeting" in v.reason_en
    v = _grade({"q2": dict(_package(0), account="C99")}, 0)["q2"]
    assert v.score == 0 and "account" in v.reason_zh
    bad = _package(0)
    bad["lines"][0]["steps"][0]["start"] = "明天"
    assert "读不出来" in _grade({"q2": bad}, 0)["q2"].reason_zh
    assert _grade({"q2": [1]}, 0)["q2"].score == 0


def test_q3_needs_q2_and_uses_the_trainees_own_q2():
    answers = _answers(0)
    assert "先完成练习 2" in _grade({"q3": answers["q3"]}, 0)["q3"].reason_zh
    other = _package(0)
    other["lines"][0]["resources"] = {k: 2 for k in other["lines"][0]["resources"]}
    v = _grade({"q2": other, "q3": answers["q3"]}, 0)["q3"]  # cost of another package
    assert not v.ok
    assert _grade({"q2": answers["q2"], "q3": answers["q3"].to_dict()}, 0)["q3"].ok
    assert "每个部门的成本" in _grade({"q2": answers["q2"], "q3": 12.5}, 0)["q3"].reason_zh


def test_helpers_run_while_answers_are_unanswered(capsys):
    account, needs, catalog = _setup(0)
    res = m04.or_example(..., needs, catalog, account)
    assert res.rules[:2] == ["no_meeting", "over_budget"] and "示例服务包" in capsys.readouterr().out
    form = m04.cost_form(..., needs, catalog, account)
    assert form.line == "q3 = kl.resources.check(q2, catalog, needs).cost_by_department"


def test_package_form_writes_a_line_that_checks_clean():
    account, needs, catalog = _setup(0)
    form = m04.package_form(needs, catalog, account)
    form.controls["owner"].value = "王磊"
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
    assert ns["q4"] == '每两周一次，"拍板" 由负责人'


def test_english_labels():
    kl.set_language("en")
    account, needs, catalog = _setup(0)
    form = m04.package_form(needs, catalog, account)
    assert form.controls["owner"].description == "project owner"
    assert m04.quiz_form().controls["买赠促销活动"].description == "Buy-and-get promotion"


# ------------------------------------------------------------ widget-only path
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
    if key == "q4":
        return 'form_q4.controls["text"].value = "每两周开一次项目会议，项目负责人主持并拍板。"'
    return "pass"


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m04", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m04.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {"q1", "q2", "q3", "q4"}
    assert answers["q1"] == Q1
    assert answers["q2"]["budget"] == 45 and len(answers["q2"]["lines"]) == 3
    assert [len(line["steps"]) for line in answers["q2"]["lines"]] == [2, 1, 1]
    assert scores(verdicts) == {"q1": (True, 2.0), "q2": (True, 5.0), "q3": (True, 2.0)}
    assert verdicts["q4"].manual and answers["q4"].startswith("每两周")


def test_answers_made_in_english_grade_the_same():
    kl.set_language("en")
    answers = _answers(0)
    assert list(answers["q3"].index) == ["Marketing", "Brand", "Sales"]
    answers["q1"] = {k: {"市场部": "Marketing", "品牌部": "Brand", "销售部": "Sales"}[v] for k, v in Q1.items()}
    verdicts = _grade(answers, 0)
    assert {k: (v.ok, v.score) for k, v in verdicts.items() if not v.manual} == {
        "q1": (True, 2.0), "q2": (True, 5.0), "q3": (True, 2.0)}
    form = m04.quiz_form()
    assert [label for label, _ in form.controls["买赠促销活动"].options[1:]] == ["Marketing", "Brand", "Sales"]
    form.controls["买赠促销活动"].value = "Brand"
    assert form.line.startswith('q1 = {"买赠促销活动": "Brand", ')


def test_the_worked_example_speaks_english_and_has_the_same_flaws():
    account, needs, catalog = _setup(0)
    rules = kl.resources.check(m04.flawed_package(needs, catalog, account), catalog, needs).rules
    kl.set_language("en")
    pkg = m04.flawed_package(needs, catalog, account)
    assert pkg["owner"] == "Wang Lei" and pkg["lines"][0]["steps"][1]["step"] == "roll the plan out to stores"
    assert kl.resources.check(pkg, catalog, needs).rules == rules
