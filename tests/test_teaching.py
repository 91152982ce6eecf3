"""The teaching contract of docs/teaching.md, held for every course module.

- untouched forms earn nothing, random settings of a form rarely pass;
- every auto-graded question has plausible wrong decisions (from the seed's
  misconceptions) that fail with a reason;
- hints teach: no code, no function or variable names;
- every module has at least two read-and-decide questions; hand-scored
  questions show a rubric.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from kamlab.answers import read_answers
from kamlab.course import get_bank, modules

from contract_pending import params
from kamlab.grading import Context

from workbook_runs import probe_forms

ROOT = Path(__file__).resolve().parents[1]
MODULES = [m for m in modules() if m != "demo"]

#: What a hint must not show: code to call, names to type.
CODE_IN_HINT = {
    "a kl. call": re.compile(r"\bkl\."),
    "a call": re.compile(r"[A-Za-z_][A-Za-z_0-9]*\s*\("),
    "an assignment": re.compile(r"(?<![<>!=])=(?!=)"),
    "a snake_case name": re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"),
    "back-quoted code": re.compile(r"`"),
    "an answer variable": re.compile(r"\bq\d+\b"),
}


def _auto(bank):
    return [q for q in bank.questions if not q.manual]


def _solution_answers(module: str) -> dict:
    (path,) = sorted((ROOT / "solutions").glob(f"{module}_*.ipynb"))
    return read_answers(nbformat.read(path, as_version=4), module)


@pytest.mark.parametrize("module", [*params(MODULES), "demo"])
def test_hints_name_the_idea_never_the_code(module):
    """Every module's hints, and those of the grading fixture module ``demo`` (its banks are read as examples)."""
    bad = {}
    for q in _auto(get_bank(module)):
        for text in q.hint:
            found = [what for what, rx in CODE_IN_HINT.items() if rx.search(text)]
            if found:
                bad[q.key] = (found, text)
    assert not bad, f"{module}: hints that show code or names: {bad}"


@pytest.mark.parametrize("module", MODULES)
def test_every_hint_is_there_in_both_languages(module):
    for q in _auto(get_bank(module)):
        assert all(part.strip() for part in q.hint), f"{module} {q.key} has no hint in one language"


@pytest.mark.parametrize("module", params(MODULES))
def test_at_least_two_read_and_decide_questions(module):
    reads = [q.key for q in _auto(get_bank(module)) if q.read]
    assert len(reads) >= 2, f"{module}: read-and-decide questions {reads}"


@pytest.mark.parametrize("module", params(MODULES))
def test_hand_scored_questions_show_a_rubric(module):
    for q in get_bank(module).questions:
        if q.manual:
            assert q.rubric and all(part.strip() for part in q.rubric), f"{module} {q.key} has no rubric"


@pytest.mark.parametrize("module", params(MODULES))
def test_plausible_wrong_decisions_fail_with_their_reason(module):
    bank = get_bank(module)
    answers = _solution_answers(module)
    ctx = Context(module, variant=0, answers=answers)
    right = bank.grade(answers, ctx)
    for q in _auto(bank):
        assert right[q.key].ok, f"{module} {q.key}: the solution's answer does not pass ({right[q.key].reason_en})"
        assert q.distractors, f"{module} {q.key} has no plausible wrong decision (distractors)"
        for d in q.distractors:
            assert all(part.strip() for part in d.misconception)
            wrong = d.build(ctx)
            verdict = bank.grade({**answers, q.key: wrong}, ctx)[q.key]
            assert not verdict.ok, f"{module} {q.key}: the distractor {wrong!r} ({d.misconception[1]}) passes"
            assert verdict.reason_zh.strip() and verdict.reason_en.strip(), f"{module} {q.key}: no reason"


@pytest.mark.parametrize("module", params(MODULES))
def test_untouched_forms_earn_nothing_and_random_settings_rarely_pass(module, tmp_path):
    bank = get_bank(module)
    literals = {q.key: f"{q.key} = '（讲师评分题的作答）'" for q in bank.questions if q.manual}
    rates, verdicts = probe_forms(module, tmp_path, literals=literals)
    auto = [q.key for q in _auto(bank)]
    assert set(auto) <= set(rates), f"{module}: auto-graded questions without a form: {set(auto) - set(rates)}"
    earned = {k: v.score for k, v in verdicts.items() if k in auto and v.score > 0}
    assert not earned, f"{module}: untouched forms earn points: {earned}"
    for key in auto:
        assert rates[key] <= 0.4, f"{module} {key}: {rates[key]:.0%} of random settings pass"
    assert sum(rates[k] for k in auto) / len(auto) <= 0.25, f"{module}: random settings pass too often {rates}"
