"""The no-code answer forms work without a browser: values in, answer line and chart out."""

from __future__ import annotations

import matplotlib.pyplot as plt

from kamlab.widgets import AnswerForm, TableEditor, dropdown, multi_select, slider


def test_form_redraws_and_rewrites_the_line_on_every_change():
    drawn = []

    def draw(values):
        drawn.append(dict(values))
        fig, ax = plt.subplots()
        ax.bar(["a"], [values["w"]])

    form = AnswerForm({"w": slider(40, 0, 100, 5), "who": dropdown(["C01", "C02"])},
                      line=lambda v: f"answer = pick({v['w']}, {v['who']!r})", draw=draw)
    assert form.line == "answer = pick(40, 'C01')"
    form.controls["w"].value = 55
    form.controls["who"].value = "C02"
    assert form.line == "answer = pick(55, 'C02')"
    assert drawn[-1] == {"w": 55, "who": "C02"} and len(drawn) == 3
    assert plt.get_fignums() == []  # the form's figures are closed after rendering


def test_a_bad_choice_shows_the_message_and_keeps_the_form():
    def draw(values):
        raise ValueError("权重必须大于 0 / weight must be > 0")

    form = AnswerForm({"w": slider(0, 0, 10)}, line=lambda v: f"w = {v['w']}", draw=draw)
    form.controls["w"].value = 3
    assert form.line == "w = 3"
    texts = "".join(o.get("text", "") for o in form.output.outputs)
    assert "weight must be > 0" in texts


def test_the_chart_goes_to_the_form_not_the_cell_and_other_figures_survive():
    mine = plt.figure()
    form = AnswerForm({"w": slider(2, 0, 10)}, line=lambda v: f"w = {v['w']}",
                      draw=lambda v: plt.subplots()[1].bar(["a"], [v["w"]]))
    outputs = form.output.outputs
    assert len(outputs) == 1 and outputs[0]["data"]["image/png"].startswith("iVBOR")
    assert plt.get_fignums() == [mine.number]
    assert repr(form) == "AnswerForm('w = 2')"


def test_slider_kind_follows_the_numbers():
    assert type(slider(0.5, 0, 1, 0.05)).__name__ == "FloatSlider"
    assert type(slider(5, 1, 9)).__name__ == "IntSlider"


def test_table_editor_parses_numbers_and_empty_cells():
    table = TableEditor([{"action": "培训", "owner": "", "cost": 3}], ["action", "owner", "cost"])
    seen = []
    table.observe_cells(lambda change: seen.append(change["new"]))
    table.cells[0]["owner"].value = "王经理"
    table.cells[0]["cost"].value = "2.5"
    assert table.records() == [{"action": "培训", "owner": "王经理", "cost": 2.5}]
    assert seen == ["王经理", "2.5"]
    table.cells[0]["owner"].value = "  "
    assert table.records()[0]["owner"] is None


def test_table_editor_in_a_form_updates_the_line():
    table = TableEditor([{"metric": "distribution_rate", "target": 0.9}], ["metric", "target"])
    form = AnswerForm({"targets": table},
                      line=lambda v: "targets = " + repr({r["metric"]: r["target"] for r in v["targets"]}))
    table.cells[0]["target"].value = "0.8"
    assert form.line == "targets = {'distribution_rate': 0.8}"


def test_multi_select_keeps_order_of_options():
    box = multi_select(["N01", "N02", "N03"], ["N03", "N01"])
    assert set(box.value) == {"N01", "N03"}


# --------------------------------------------------------------------------- quiz builders
def test_literal_writes_python_source_that_reads_back():
    from kamlab.widgets import literal

    value = {"a": [None, True, False, 2, 1.5, "说\"是\"\\n"], "b": ("x", "y"), 3: {"c": ""}}
    text = literal(value)
    assert text == '{"a": [None, True, False, 2, 1.5, "说\\"是\\"\\\\n"], "b": ["x", "y"], "3": {"c": ""}}'
    assert eval(text) == {"a": [None, True, False, 2, 1.5, '说"是"\\n'], "b": ["x", "y"], "3": {"c": ""}}


def test_order_quiz_names_positions_and_writes_a_list():
    from kamlab.widgets import order_quiz

    form = order_quiz([("乙", "B"), ("甲", "A"), ("丙", "C")], 3, key="q1", title="排序",
                      labels=["一", "二", "三"])
    assert list(form.controls) == ["1", "2", "3"]
    assert [c.description for c in form.controls.values()] == ["一", "二", "三"]
    assert form.line == "q1 = [None, None, None]"
    form.controls["1"].value = "A"
    form.controls["3"].value = "C"
    assert form.line == 'q1 = ["A", None, "C"]'
    form.controls["1"].value = ""          # back to "not answered"
    assert form.line == 'q1 = [None, None, "C"]'
    assert order_quiz(["A"], 2, key="q9").controls["2"].description == "第 2 步"


def test_match_quiz_keeps_false_and_blanks_only_the_blank_entry():
    from kamlab.widgets import match_quiz

    form = match_quiz({"T1": "说法一", "T2": "说法二", "T3": "说法三"},
                      [("对", True), ("错", False), ("说不准", "?")], key="q5")
    assert [c.description for c in form.controls.values()] == ["说法一", "说法二", "说法三"]
    form.controls["T1"].value = False
    form.controls["T3"].value = "?"
    assert form.line == 'q5 = {"T1": False, "T2": None, "T3": "?"}'
    kl_none = match_quiz(["买赠", "广告"], ["市场部", "品牌部"], key="q1", blank=("—", None))
    assert kl_none.controls["买赠"].value is None and kl_none.controls["买赠"].description == "买赠"
    kl_none.controls["广告"].value = "品牌部"
    assert kl_none.line == 'q1 = {"买赠": None, "广告": "品牌部"}'


def test_text_answer_joins_lines_and_quotes_safely():
    from kamlab.widgets import text_answer

    form = text_answer("q7", placeholder="写在这里", title="题目", height="110px")
    assert form.controls["text"].placeholder == "写在这里" and form.controls["text"].layout.height == "110px"
    assert form.line == "q7 = ''"
    form.controls["text"].value = "先谈\"月结\"\n  再谈 '返利'"
    assert eval(form.line.split(" = ", 1)[1]) == "先谈\"月结\" 再谈 '返利'"


def test_builders_follow_the_language():
    import kamlab as kl
    from kamlab.widgets import match_quiz, order_quiz

    kl.set_language("en")
    assert order_quiz(["A"], 1, key="q1").controls["1"].description == "Step 1"
    assert match_quiz(["x"], ["A"], key="q2").controls["x"].options[0] == ("(choose)", "")


def test_a_kamlab_error_in_a_form_speaks_the_current_language_only():
    import kamlab as kl
    from kamlab import BadSpecError

    def draw(values):
        raise BadSpecError("权重必须大于 0。", "A weight must be > 0.")

    kl.set_language("en")
    form = AnswerForm({"w": slider(0, 0, 10)}, line=lambda v: f"w = {v['w']}", draw=draw)
    assert "".join(o.get("text", "") for o in form.output.outputs) == "A weight must be > 0.\n"
    kl.set_language("zh")
    form.controls["w"].value = 1
    assert "".join(o.get("text", "") for o in form.output.outputs) == "权重必须大于 0。\n"
