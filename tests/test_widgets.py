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
