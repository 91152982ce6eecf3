"""m11 重点医生培育与管理 (MWP): decisions judged against the data, helpers, forms, the widget-only path.

q1 is the trainee's weights (the course's rules: four criteria, 5-50 each, adding up to 100). q2 (the top 10
target doctors), q3 (the readiness of four observed doctors), q4 (three described doctors) and q5 (the core
doctors and their weakest wall criterion) are judgments on the variant the trainee saw; q6 is computed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import m11
from kamlab.course.m11._charts import _plot_wall
from kamlab.grading import Context

from workbook_runs import cell_errors, check_texts, grade_recorded, lost_points, recorded, run_answered, \
    run_unanswered

HIDDEN = 5
MINE = {"病人数": 40, "床位数/门诊数": 20, "价值取向": 15, "影响力": 25}
CASES = {"A": ["P3", "S3"], "B": ["P1", "S1"], "C": ["P2", "S2"]}


def _data(variant: int) -> pd.DataFrame:
    return kl.datasets.load("doctors", variant=variant)


def _answers(variant: int, weights=MINE) -> dict:
    """The decisions a trainee makes reading the notebook's charts on *variant*."""
    doctors = _data(variant)
    st = m11.stages(doctors)
    return {
        "q1": dict(weights),
        "q2": m11.targets(doctors, weights),
        "q3": {i: st[i] for i in m11.observed(doctors)},
        "q4": dict(CASES),
        "q5": {"stage": "P4", "weakest": m11.weakest(doctors)},
        "q6": kl.screening.pareto(doctors, id_col="doctor_id", value="monthly_rx_units", share=0.8).head_share,
        "q7": "先送临床资料，再请他在 3 位病人身上试用。",
    }


def _grade(answers: dict, variant: int = 0) -> dict:
    return grade_recorded("m11", answers, variant)


def _check(key: str, answer, variant: int = 0, **answers):
    return m11.BANK.check(key, recorded(answer), Context("m11", variant=variant, answers=answers))


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m11.BANK
    assert bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert bank.total_points == 19.0
    assert [q.key for q in bank.questions if q.manual] == ["q7"]
    assert [q.key for q in bank.questions if q.on == "seen"] == ["q2", "q3", "q4", "q5"]
    assert [q.key for q in bank.questions if q.read] == ["q2", "q3", "q4", "q5"]
    assert kl.course.get_bank("m11") is bank and bank.datasets == ("doctors",)
    assert m11.target_rubric()["dimensions"] == kl.screening.DOCTOR_TARGET_RUBRIC["dimensions"]


@pytest.mark.parametrize("variant", [0, 3, HIDDEN])
@pytest.mark.parametrize("weights", [MINE, m11.SEED_WEIGHTS])
def test_right_decisions_get_full_marks(variant, weights):
    verdicts = _grade(_answers(variant, weights), variant)
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 16.0 and verdicts["q7"].manual


def test_judgments_are_checked_on_the_variant_the_trainee_saw():
    answers = {k: recorded(v) for k, v in _answers(0).items()}
    seen0 = m11.BANK.grade(answers, Context("m11", variant=HIDDEN, seen_variant=0))
    assert all(seen0[k].ok for k in ("q2", "q3", "q4", "q5"))
    seen5 = m11.BANK.grade(answers, Context("m11", variant=HIDDEN, seen_variant=HIDDEN))
    assert not seen5["q2"].ok and not seen5["q3"].ok and not seen5["q5"].ok
    assert not seen5["q6"].ok                     # a number typed from variant 0 fails on the grader's run


# ----------------------------------------------------------------------------- the sound screening (issue 12)
def test_one_unit_per_column_keeps_clinic_doctors_where_the_patients_are():
    doctors = _data(0)
    sound, old = m11.level_mix(doctors), m11.level_mix(doctors, mixed=True)
    assert sound.loc["社区", "top_share"] <= sound.loc["社区", "doctors_share"] + 0.05
    # the old mixed column (beds for hospitals, visits for clinics) made the screening a clinic flag
    assert old.loc["社区", "top_share"] > 3 * old.loc["社区", "patients_share"]


def test_a_doctor_with_almost_no_patients_is_never_a_target():
    for v in (0, HIDDEN):
        doctors = _data(v)
        p = doctors["patients_per_month"].astype(float)
        low = set(doctors.loc[(p - p.min()) / (p.max() - p.min()) < 0.05, "doctor_id"])
        assert low and not low & set(m11.targets(doctors, m11.SEED_WEIGHTS, n=20))


def test_the_target_rubric_uses_one_unit_per_column():
    crit = m11.target_rubric()["dimensions"]["床位数/门诊数"]["criteria"]
    assert set(crit) == {"dept_beds", "outpatients_month"}


def test_targets_hand_computed():
    df = pd.DataFrame({"doctor_id": ["D1", "D2", "D3"], "patients_per_month": [100, 300, 200],
                       "dept_beds": [10, 30, 20], "outpatients_month": [200, 600, 400],
                       "value_orientation": ["学术导向"] * 3, "influence": ["普通医生"] * 3})
    assert m11.targets(df, ..., n=2) == ["D2", "D3"]
    with pytest.raises(kl.BadSpecError):
        m11.targets(df, ..., n=0)


# ----------------------------------------------------------------------------- q1
@pytest.mark.parametrize("q1, fragment", [
    ({"病人数": 30, "床位数/门诊数": 30, "价值取向": 20, "影响力": 10}, "add up to 90"),
    ({"病人数": 5, "床位数/门诊数": 85, "价值取向": 5, "影响力": 5}, "one number"),
    ({"病人数": 50, "床位数/门诊数": 50, "价值取向": 0, "影响力": 0}, "at least 5"),
    ({"病人数": 30}, "each of the four"),
    (None, "exercise 1"),
    ({"病人数": "三十", "床位数/门诊数": 30, "价值取向": 20, "影响力": 20}, "number"),
])
def test_q1_bad_weights(q1, fragment):
    v = _check("q1", q1)
    assert not v.ok and v.score == 0 and fragment in v.reason_en and v.reason_zh


# ----------------------------------------------------------------------------- q2
def test_q2_the_busiest_clinic_is_not_a_target():
    doctors = _data(0)
    busy = m11.most_outpatients(doctors, MINE, k=1)[0]
    v = _check("q2", m11.targets(doctors, MINE)[:-1] + [busy], q1=MINE)
    assert not v.ok and busy in v.reason_zh and "门诊量大不等于目标医生" in v.reason_zh


def test_q2_uses_the_trainees_own_weights():
    doctors = _data(0)
    seed = m11.targets(doctors, m11.SEED_WEIGHTS)
    assert set(seed) != set(m11.targets(doctors, MINE))
    assert _check("q2", seed, q1=m11.SEED_WEIGHTS).ok
    assert not _check("q2", seed, q1=MINE).ok
    assert "exercise 1" in _check("q2", seed).reason_en
    assert "missing" in _check("q2", seed[:7], q1=m11.SEED_WEIGHTS).reason_en
    assert "No doctor ticked" in _check("q2", [], q1=MINE).reason_en
    assert "D999" in _check("q2", ["D999"], q1=MINE).reason_en


def test_q2_candidates_hold_the_targets_and_the_traps():
    doctors = _data(0)
    cands = m11.candidates(doctors, MINE)
    assert set(m11.targets(doctors, MINE)) <= set(cands)
    assert set(m11.most_outpatients(doctors, MINE)) <= set(cands) and len(cands) > 10


# ----------------------------------------------------------------------------- q3, q4
def test_q3_readiness_from_awareness_and_commitment():
    doctors = _data(0)
    right = _answers(0)["q3"]
    assert right == {"D123": "P2", "D140": "P1", "D230": "P4", "D239": "P3"}
    assert _check("q3", right).ok
    v = _check("q3", {**right, "D123": "P1"})
    assert not v.ok and v.score == pytest.approx(2.25) and "no awareness is not no interest" in v.reason_en
    v = _check("q3", {**right, "D239": "P4"})
    assert not v.ok and "aware is not committed" in v.reason_en
    assert "No readiness" in _check("q3", dict.fromkeys(right)).reason_en
    assert not _check("q3", {"D001": "P1"}).ok
    # the P3 doctor writes more boxes than the P2 and P1 doctors: volume is not the stage
    rx = doctors.set_index("doctor_id")["monthly_rx_units"]
    assert rx["D239"] > rx["D140"]


def test_q4_quiz_partial_credit():
    assert _check("q4", CASES).ok
    v = _check("q4", {**CASES, "A": ["P2", "S3"], "C": ["P2", "S4"]})
    assert not v.ok and v.score == pytest.approx(3 * 4 / 6)
    assert "case A" in v.reason_en and "case C" in v.reason_en
    v = _check("q4", {"A": [None, None], "B": [None, None], "C": [None, None]})
    assert not v.ok and v.score == 0 and "Nothing chosen" in v.reason_en
    assert not _check("q4", ["P3", "P1", "P2"]).ok


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
    assert prof["mean_score"].tolist() == [50.0, 50.0, 75.0, 0.0, 75.0]
    assert prof["points_lost"].tolist() == [15.0, 10.0, 5.0, 10.0, 5.0]
    s = m11.wall_summary(df, "P4")
    assert s == {"stage": "P4", "doctors": 2, "wall_total": 55.0, "weakest": "接受邀请"}
    with pytest.raises(kl.BadSpecError):
        m11.wall_summary(df, "P5")


def test_q5_core_group_and_weakest_criterion():
    assert m11.weakest(_data(0)) == "是否首选用药" and m11.weakest(_data(HIDDEN)) == "传递的信息"
    assert _check("q5", {"stage": "P4", "weakest": "是否首选用药"}).ok
    v = _check("q5", {"stage": "P3", "weakest": "是否首选用药"})
    assert not v.ok and v.score == 0 and "aware and committed" in v.reason_en
    v = _check("q5", {"stage": "P4", "weakest": "接受邀请"})
    assert not v.ok and v.score == pytest.approx(1.5) and "64.3" in v.reason_en
    assert "not chosen which group" in _check("q5", {"stage": None, "weakest": None}).reason_en
    assert not _check("q5", "是否首选用药").ok


# ----------------------------------------------------------------------------- q6 80/20
def test_q6_pareto_share():
    doctors = _data(0)
    ref = kl.screening.pareto(doctors, id_col="doctor_id", value="monthly_rx_units").head_share
    assert ref == pytest.approx(70 / 240) and _check("q6", ref).ok
    assert "100 times" in _check("q6", ref * 100).reason_en
    other = kl.screening.pareto(doctors, id_col="doctor_id", value="outpatients_month").head_share
    assert "our prescriptions" in _check("q6", other).reason_en
    assert "slogan" in _check("q6", 0.2).reason_en
    assert "No column" in _check("q6", None).reason_en
    assert not _check("q6", "0.29").ok


# ----------------------------------------------------------------------------- helpers
def test_stage_table_and_p2_doctors():
    t = m11.stage_table()
    assert t.index.tolist() == ["P1", "P2", "P3", "P4"] and t["behaviour"].tolist() == ["S1", "S2", "S3", "S4"]
    assert "劝说式" in t.loc["P2", "behaviour_label"] and "转换风险" in t.loc["P2", "stage_actions"]
    assert list(kl.labelled(t).columns) == ["认知与承诺", "行为模式", "指导 / 支持", "行动"]
    doctors = _data(0)
    p2 = m11.p2_doctors(doctors, MINE)
    assert len(p2) == 3 and (m11.stages(doctors)[p2.index] == "P2").all() and p2["rank"].is_monotonic_increasing
    kl.set_language("en")
    assert "persuading" in m11.stage_table().loc["P2", "behaviour_label"]


# ----------------------------------------------------------------------------- forms
def test_forms_start_neutral_and_say_what_they_show():
    doctors = _data(0)
    f1 = m11.weights_form(doctors)
    assert "20" in f1.text and not _check("q1", eval(f1.line.split(" = ", 1)[1])).ok
    for name, value in MINE.items():
        f1.controls[name].value = value
    assert f1.line == 'q1 = {"病人数": 40, "床位数/门诊数": 20, "价值取向": 15, "影响力": 25}'
    assert "add up to 100" in f1.text or "合计 100" in f1.text
    f2 = m11.top_form(doctors, MINE)
    assert f2.line == "q2 = []" and "0" in f2.text
    f2.controls["doctors"].tick(m11.targets(doctors, MINE)[:2])
    assert f2.text.startswith("已勾选 2 位")
    f3 = m11.readiness_form(doctors)
    assert f3.line == 'q3 = {"D123": None, "D140": None, "D230": None, "D239": None}' and "0 / 4" in f3.text
    f3.controls["D140"].value = "P1"
    assert "1 / 4" in f3.text
    f4 = m11.cases_form()
    assert f4.line == 'q4 = {"A": [None, None], "B": [None, None], "C": [None, None]}'
    f4.controls["B_stage"].value, f4.controls["B_behaviour"].value = "P1", "S1"
    assert "1 / 3" in f4.text
    f5 = m11.wall_form(doctors)
    assert f5.line == 'q5 = {"stage": None, "weakest": None}'
    f5.controls["stage"].value = "P4"
    assert "91" in f5.text and "54.1" in f5.text
    f6 = m11.pareto_form(doctors)
    assert f6.line == "q6 = None"
    f6.controls["value"].value = "monthly_rx_units"
    assert "29.2%" in f6.text
    f7 = m11.text_form()
    f7.controls["text"].value = "第一，送资料；\n第二，试用"
    assert f7.line == "q7 = '第一，送资料； 第二，试用'"


def test_criteria_are_data_keys_labelled_in_english():
    """The rubric keys stay Chinese (answers use them); kamlab's labels around them are English."""
    assert m11.DATA_TERMS == m11.TARGET_DIMENSIONS + m11.WALL_DIMENSIONS
    doctors = _data(0)
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
    assert html and "Case A</b>: Dr Wang" in html[0]
    assert m11.cases_form().controls["A_stage"].description == "Case A: readiness"
    assert list(kl.labelled(m11.level_mix(doctors)).columns)[0] == "share of doctors"


# ----------------------------------------------------------------------------- the widget-only path
_OPERATE = {
    "q1": "\n".join(f'form_q1.controls["{d}"].value = {w}' for d, w in MINE.items()),
    # the trainee reads the ranking chart: the first ten bars
    "q2": 'form_q2.controls["doctors"].tick(kl.course.m11.targets(doctors, q1))',
    # ... reads each doctor's awareness and commitment in the table
    "q3": ('_st = kl.course.m11.stages(doctors)\n'
           'for _i in kl.course.m11.observed(doctors):\n    form_q3.controls[_i].value = _st[_i]'),
    "q4": "\n".join(f'form_q4.controls["{c}_stage"].value = "{p}"\nform_q4.controls["{c}_behaviour"].value = "{s}"'
                    for c, (p, s) in CASES.items()),
    "q5": 'form_q5.controls["stage"].value = "P4"\nform_q5.controls["weakest"].value = kl.course.m11.weakest(doctors)',
    "q6": 'form_q6.controls["value"].value = "monthly_rx_units"',
    "q7": 'form_q7.controls["text"].value = "带临床资料拜访，请他先在三位病人身上试用，两周后回看疗效。"',
}


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered("m11", tmp_path, variant=HIDDEN, operations=_OPERATE)
    assert cell_errors(executed) == []
    assert set(answers) == set(m11.BANK.keys())
    assert answers["q1"] == MINE and len(answers["q2"]) == 10
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 16.0
    assert "三位病人" in answers["q7"]


def test_trainee_notebook_runs_in_english_unanswered(tmp_path):
    nb = run_unanswered("m11", tmp_path, variant=2, parameters={"language": "en"})
    assert cell_errors(nb) == []
    texts = check_texts(nb)
    assert len(texts) == 7 and all("Not answered yet" in t for t in texts), texts
