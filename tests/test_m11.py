"""m11 重点医生培育与管理 (MWP): question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import m11
from kamlab.course.m11._charts import _plot_wall
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, check_texts, lost_points, run_answered, run_unanswered

HIDDEN = 5
MINE = {"病人数": 40, "床位数/门诊数": 20, "价值取向": 15, "影响力": 25}
CASES = {"A": ["P3", "S3"], "B": ["P1", "S1"], "C": ["P2", "S2"]}


def _ctx(variant: int = 0, **answers) -> Context:
    return Context("m11", variant=variant, answers=answers)


def _data(variant: int) -> pd.DataFrame:
    return kl.datasets.load("doctors", variant=variant)


def _screen(variant: int, weights=MINE):
    return kl.screening.screen(_data(variant), m11.target_rubric(weights), id_col="doctor_id")


def _answers(variant: int, weights=MINE) -> dict:
    """The answers a trainee computes in the notebook on *variant*."""
    doctors = _data(variant)
    q1 = _screen(variant, weights)
    return {
        "q1": q1,
        "q2": m11.targets(doctors, q1, n=25),
        "q3": kl.screening.readiness(doctors, id_col="doctor_id").counts(),
        "q4": dict(CASES),
        "q5": m11.wall_summary(doctors, stage="P4"),
        "q6": kl.screening.pareto(doctors, id_col="doctor_id", value="monthly_rx_units", share=0.8).head_share,
        "q7": "先送临床资料，再请他在 3 位病人身上试用。",
    }


def _recorded(answers: dict) -> dict:
    """What the grader reads back from the notebook."""
    return {k: decode(encode(v)) for k, v in answers.items()}


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m11.BANK
    assert bank.module == "m11" and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert bank.total_points == 18.0
    assert [q.key for q in bank.questions if q.manual] == ["q7"]
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)
    assert bank.datasets == ("doctors",)
    assert kl.course.get_bank("m11") is bank
    assert sum(m11.SEED_WEIGHTS.values()) == 100
    assert m11.target_rubric()["dimensions"] == kl.screening.DOCTOR_TARGET_RUBRIC["dimensions"]


@pytest.mark.parametrize("variant", [0, HIDDEN])
@pytest.mark.parametrize("weights", [MINE, m11.SEED_WEIGHTS])
def test_computed_answers_get_full_marks(variant, weights):
    verdicts = m11.BANK.grade(_recorded(_answers(variant, weights)), _ctx(variant))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert sum(v.score for v in verdicts.values()) == 15.0
    assert verdicts["q7"].manual and verdicts["q7"].score == 0


def test_live_answers_pass_too():
    verdicts = m11.BANK.grade(_answers(HIDDEN), _ctx(HIDDEN))
    assert all(v.ok for k, v in verdicts.items() if k != "q7")


def test_numbers_typed_from_variant_0_fail_on_the_hidden_variant():
    typed = _recorded(_answers(0))
    verdicts = m11.BANK.grade(typed, _ctx(HIDDEN))
    for key in ("q1", "q2", "q3", "q5", "q6"):
        assert not verdicts[key].ok, key
    assert verdicts["q4"].ok  # the quiz does not depend on the data


# ----------------------------------------------------------------------------- q1: consistency with own weights
def test_weights_are_read_back_from_the_table():
    doctors = _data(0)
    assert m11.weights_of(_screen(0), doctors) == {k: float(v) for k, v in MINE.items()}
    assert m11.weights_of(decode(encode(_screen(0))), doctors) == {k: float(v) for k, v in MINE.items()}
    # weights not summing to 100 are read back as shares of 100
    half = {k: v / 2 for k, v in MINE.items()}
    assert m11.weights_of(_screen(0, half), doctors) == {k: float(v) for k, v in MINE.items()}
    assert m11.weights_of(..., doctors) is None
    assert m11.weights_of("q1", doctors) is None


def test_q1_edited_ranking_fails():
    table = _screen(0).table.copy()
    table["rank"] = table["rank"].to_numpy()[::-1]
    v = m11.BANK.check("q1", table, _ctx(0))
    assert not v.ok and "ranking" in v.reason_en


def test_q1_edited_total_fails():
    table = _screen(0).table.copy()
    table.iloc[0, table.columns.get_loc("total")] += 5
    v = m11.BANK.check("q1", table, _ctx(0))
    assert not v.ok and "weighted mean" in v.reason_en


def test_q1_a_criterion_left_out_fails():
    tiny = {"病人数": 50, "床位数/门诊数": 30, "价值取向": 19, "影响力": 1}
    v = m11.BANK.check("q1", _screen(0, tiny), _ctx(0))
    assert not v.ok and "All four criteria" in v.reason_en and "5" in v.reason_zh


def test_q1_subset_or_wrong_type():
    v = m11.BANK.check("q1", _screen(0).table.head(50), _ctx(0))
    assert not v.ok and "every doctor" in v.reason_en
    v = m11.BANK.check("q1", {"病人数": 30}, _ctx(0))
    assert not v.ok and "kl.screening.screen" in v.reason_en


def test_target_rubric_rejects_bad_weights():
    with pytest.raises(kl.BadSpecError) as err:
        m11.target_rubric({**MINE, "影响力": 0})
    assert err.value.column == "影响力"
    assert "影响力" in str(err.value) or "影响力" in err.value.zh
    with pytest.raises(kl.BadSpecError):
        m11.target_rubric({"病人数": 100})
    with pytest.raises(kl.BadSpecError):
        m11.target_rubric({**MINE, "病人数": "高"})


# ----------------------------------------------------------------------------- q2
def test_q2_is_the_top_n_of_the_trainees_own_screening():
    doctors = _data(0)
    q1 = _screen(0)
    mine = m11.targets(doctors, q1, n=15)
    assert mine == [str(i) for i in q1.table.index[:15]]
    ctx = _ctx(0, q1=decode(encode(q1)))
    assert m11.BANK.check("q2", mine, ctx).ok
    seed = m11.targets(doctors, ..., n=15)
    assert seed != mine                                     # the weights matter
    v = m11.BANK.check("q2", seed, ctx)
    assert not v.ok and "top N of your screening" in v.reason_en
    assert m11.BANK.check("q2", seed, _ctx(0)).ok           # q1 missing: the seed's weights
    v = m11.BANK.check("q2", m11.targets(doctors, q1, n=5), ctx)
    assert not v.ok and "10" in v.reason_zh
    assert not m11.BANK.check("q2", 12, ctx).ok


def test_targets_hand_computed():
    df = pd.DataFrame({"doctor_id": ["D1", "D2", "D3"], "patients_per_month": [100, 300, 200],
                       "dept_beds": [10, 30, 20], "outpatients_month": [200, 600, 400],
                       "value_orientation": ["学术导向"] * 3,
                       "influence": ["普通医生"] * 3})
    # 病人数, 床位, 门诊 min-max: D2 100, D3 50, D1 0; the level criteria tie
    assert m11.targets(df, ..., n=2) == ["D2", "D3"]
    with pytest.raises(kl.BadSpecError):
        m11.targets(df, ..., n=0)


# ----------------------------------------------------------------------------- q3, q4
def test_q3_counts_partial_credit():
    ref = kl.screening.readiness(_data(0), id_col="doctor_id").counts()
    assert ref.to_dict() == {"P1": 86, "P2": 12, "P3": 51, "P4": 91}
    assert m11.BANK.check("q3", ref.to_dict(), _ctx(0)).ok
    assert m11.BANK.check("q3", kl.screening.readiness(_data(0), id_col="doctor_id").table, _ctx(0)).ok
    v = m11.BANK.check("q3", {"P1": 86, "P2": 12, "P3": 52, "P4": 90}, _ctx(0))
    assert not v.ok and v.score == pytest.approx(1.0) and "2" in v.reason_zh
    threshold4 = kl.screening.readiness(_data(0), id_col="doctor_id", threshold=4).counts()
    assert not m11.BANK.check("q3", threshold4, _ctx(0)).ok
    assert not m11.BANK.check("q3", [86, 12, 51, 91], _ctx(0)).ok


def test_q4_quiz_partial_credit_and_forms_of_answer():
    assert m11.BANK.check("q4", {"A": ("P3", "S3"), "B": "P1/S1", "C": {"stage": "p2", "behaviour": "s2"}},
                          _ctx()).ok
    v = m11.BANK.check("q4", {**CASES, "A": ["P2", "S3"], "C": ["P2", "S4"]}, _ctx())
    assert not v.ok and v.score == pytest.approx(3 * 4 / 6)
    assert "case A" in v.reason_en and "case C" in v.reason_en
    assert "P3" not in v.reason_zh.split("：")[0]           # never gives the answer of a case
    v = m11.BANK.check("q4", {"A": [None, None], "B": [None, None], "C": [None, None]}, _ctx())
    assert not v.ok and v.score == 0
    assert not m11.BANK.check("q4", ["P3", "P1", "P2"], _ctx()).ok


def test_cases_are_the_seeds_descriptions():
    assert {c[2] for c in m11.CASES.values()} == {"P1", "P2", "P3"}
    assert "冲突" in m11.CASES["A"][0] and "推辞" in m11.CASES["B"][0] and "转换" in m11.CASES["C"][0]


# ----------------------------------------------------------------------------- q5 wall
def _tiny_doctors() -> pd.DataFrame:
    return pd.DataFrame({
        "doctor_id": ["D1", "D2", "D3"],
        "first_choice": ["是", "否", "否"], "talk_order": [1, 5, 3], "message_delivered": [5, 3, 1],
        "accepts_invitation": ["从不", "从不", "总是"], "incident_handling": [3, 5, 1],
        "awareness": [4, 5, 1], "commitment": [5, 4, 1]})


def test_wall_profile_and_summary_hand_computed():
    df = _tiny_doctors()
    prof = m11.wall_profile(df, "P4")
    # D1, D2 are P4: first choice (100 + 0)/2 = 50; talk order (100 + 0)/2 = 50; message (100 + 50)/2 = 75;
    # invitation 0; incident (50 + 100)/2 = 75
    assert prof["mean_score"].tolist() == [50.0, 50.0, 75.0, 0.0, 75.0]
    assert prof["points_lost"].tolist() == [15.0, 10.0, 5.0, 10.0, 5.0]
    s = m11.wall_summary(df, "P4")
    # wall totals: D1 (30·100 + 20·100 + 20·100 + 0 + 20·50)/100 = 80; D2 (0 + 0 + 20·50 + 0 + 20·100)/100 = 30
    assert s == {"stage": "P4", "doctors": 2, "wall_total": 55.0, "weakest": "接受邀请"}
    assert m11.wall_summary(df, "P2") == {"stage": "P2", "doctors": 0, "wall_total": pytest.approx(float("nan"),
                                                                                               nan_ok=True),
                                          "weakest": None}
    with pytest.raises(kl.BadSpecError):
        m11.wall_summary(df, "P5")
    assert list(df.columns)[0] == "doctor_id" and len(df.columns) == 8   # the caller's table is untouched


def test_q5_checks_core_group_total_and_weakest():
    doctors = _data(0)
    ref = m11.wall_summary(doctors, "P4")
    assert ref["weakest"] == "是否首选用药"
    assert m11.wall_summary(_data(HIDDEN), "P4")["weakest"] != ref["weakest"]  # the variants differ
    v = m11.BANK.check("q5", m11.wall_summary(doctors, "P3"), _ctx(0))
    assert not v.ok and v.score == 0 and "aware and committed" in v.reason_en
    v = m11.BANK.check("q5", {**ref, "weakest": "接受邀请"}, _ctx(0))
    assert not v.ok and v.score == pytest.approx(1.5)
    v = m11.BANK.check("q5", {**ref, "wall_total": 60.0}, _ctx(0))
    assert not v.ok and v.score == pytest.approx(1.5) and "do not type" in v.reason_en
    assert not m11.BANK.check("q5", "是否首选用药", _ctx(0)).ok


# ----------------------------------------------------------------------------- q6 80/20
def test_q6_pareto_share():
    doctors = _data(0)
    ref = kl.screening.pareto(doctors, id_col="doctor_id", value="monthly_rx_units").head_share
    assert ref == pytest.approx(70 / 240)
    assert m11.BANK.check("q6", ref, _ctx(0)).ok
    v = m11.BANK.check("q6", ref * 100, _ctx(0))
    assert not v.ok and "100 times" in v.reason_en
    other = kl.screening.pareto(doctors, id_col="doctor_id", value="patients_per_month").head_share
    v = m11.BANK.check("q6", other, _ctx(0))
    assert not v.ok and "monthly_rx_units" in v.reason_en
    assert not m11.BANK.check("q6", 0.2, _ctx(0)).ok
    assert not m11.BANK.check("q6", "0.29", _ctx(0)).ok


# ----------------------------------------------------------------------------- helpers
def test_stage_table_and_p2_doctors():
    t = m11.stage_table()
    assert t.index.tolist() == ["P1", "P2", "P3", "P4"] and t["behaviour"].tolist() == ["S1", "S2", "S3", "S4"]
    assert "劝说式" in t.loc["P2", "behaviour_label"] and "转换风险" in t.loc["P2", "actions"]
    doctors = _data(0)
    p2 = m11.p2_doctors(doctors, _screen(0))
    ready = kl.screening.readiness(doctors, id_col="doctor_id").table
    assert len(p2) == 3 and (ready.loc[p2.index, "stage"] == "P2").all()
    assert p2["rank"].is_monotonic_increasing
    kl.set_language("en")
    assert "persuading" in m11.stage_table().loc["P2", "behaviour_label"]


# ----------------------------------------------------------------------------- forms
def test_forms_write_decisions_and_calls_never_numbers():
    doctors = _data(0)
    f1 = m11.weights_form(doctors)
    for name, value in MINE.items():
        f1.controls[name].value = value
    assert f1.line == ('q1 = kl.screening.screen(doctors, kl.course.m11.target_rubric({"病人数": 40, '
                       '"床位数/门诊数": 20, "价值取向": 15, "影响力": 25}), id_col="doctor_id")')
    scope = {"kl": kl, "doctors": doctors}
    exec(f1.line, scope)
    assert m11.BANK.check("q1", scope["q1"], _ctx(0)).ok
    f2 = m11.top_form(doctors, scope["q1"])
    f2.controls["n"].value = 35
    assert f2.line == "q2 = kl.course.m11.targets(doctors, q1, n=35)"
    assert m11.readiness_form(doctors).line == 'q3 = kl.screening.readiness(doctors, id_col="doctor_id").counts()'
    f4 = m11.cases_form()
    f4.controls["B_stage"].value, f4.controls["B_behaviour"].value = "P1", "S1"
    assert f4.line == 'q4 = {"A": [None, None], "B": ["P1", "S1"], "C": [None, None]}'
    f5 = m11.wall_form(doctors)
    assert f5.controls["stage"].value == "P1"               # the trainee chooses the core group
    f6 = m11.pareto_form(doctors)
    assert f6.controls["value"].value == "patients_per_month"
    f7 = m11.text_form()
    f7.controls["text"].value = "第一，送资料；\n第二，试用"
    assert f7.line == "q7 = '第一，送资料； 第二，试用'"


def test_forms_and_checks_speak_english():
    kl.set_language("en")
    f = m11.top_form(_data(0))
    assert f.controls["n"].description == "Target doctors N"
    f4 = m11.cases_form()
    assert f4.controls["A_stage"].description == "Case A: readiness"
    assert [label for label, _ in f4.controls["A_behaviour"].options][2].startswith("S2 persuading")
    assert m11.pareto_form(_data(0)).controls["value"].label == "Patients per month (patients_per_month)"


def test_criteria_are_data_keys_labelled_in_english():
    """The rubric keys stay Chinese (answers use them); kamlab's labels around them are English."""
    assert m11.DATA_TERMS == m11.TARGET_DIMENSIONS + m11.WALL_DIMENSIONS
    assert set(m11.DIMENSION_EN) == set(m11.DATA_TERMS)
    doctors = _data(0)
    assert m11.weights_form(doctors).controls["病人数"].description == "病人数"
    kl.set_language("en")
    form = m11.weights_form(doctors)
    assert [form.controls[d].description for d in m11.TARGET_DIMENSIONS] == [
        "Patients", "Beds / outpatients", "Value orientation", "Influence"]
    for name, value in MINE.items():
        form.controls[name].value = value
    assert '"病人数": 40' in form.line          # the same answer line in both languages
    ax = _plot_wall(m11.wall_profile(doctors, "P4"), "wall")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Incident handling (20)", "Accepts invitations (10)", "Message delivered (20)", "Talk order (20)",
        "First-choice drug (30)"]
    html = [c.value for c in m11.cases_form().children if type(c).__name__ == "HTML"]
    assert html and "Case A</b>: Dr Wang" in html[0] and "：" not in html[0]


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would."""
    return {
        "q1": "\n".join(f'form_q1.controls["{d}"].value = {w}' for d, w in MINE.items()),
        "q2": 'form_q2.controls["n"].value = 30',
        "q3": "",
        "q4": "\n".join(f'form_q4.controls["{c}_stage"].value = "{p}"\nform_q4.controls["{c}_behaviour"].value = "{s}"'
                        for c, (p, s) in CASES.items()),
        "q5": 'form_q5.controls["stage"].value = "P4"',
        "q6": 'form_q6.controls["value"].value = "monthly_rx_units"',
        "q7": 'form_q7.controls["text"].value = "带临床资料拜访，请他先在三位病人身上试用，两周后回看疗效。"',
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m11", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m11.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == set(m11.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 15.0
    assert "三位病人" in answers["q7"]
    assert len(answers["q2"]) == 30


def test_trainee_notebook_runs_in_english_unanswered(tmp_path):
    nb = run_unanswered("m11", tmp_path, variant=2, parameters={"language": "en"})
    assert cell_errors(nb) == []
    texts = check_texts(nb)
    assert len(texts) == 7 and all("Not answered yet" in t for t in texts), texts
