"""The trainee's real experience, end to end: JupyterLab in Chromium.

Each test opens a trainee notebook in a real JupyterLab, runs all cells from
the Run menu, moves sliders of an exercise form with the keyboard, copies the
answer line the form writes into the answer cell, runs it and the locked
self-check cell, and expects "✓ 正确".  Every cell must run without error, the
forms' charts must be images, and the widgets must render: with the ipywidgets
front-end missing a form shows only its text fallback and these tests fail.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def open_notebook(page: Page, lab, name: str) -> None:
    """Open *name* in the lab and wait until its kernel is idle."""
    page.goto(lab.tree(name))
    page.locator(f"{NOTEBOOK} .jp-Notebook .jp-Cell").first.wait_for()
    dialog = page.locator(".jp-Dialog")
    if dialog.count():  # "Select Kernel" should not be asked (autoStartDefaultKernel); accept it
        dialog.locator(".jp-mod-accept").click()
    wait_for_stable_kernel(page, lab, name)
    page.locator(f'{NOTEBOOK} .jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(
        timeout=90_000)


def wait_for_stable_kernel(page: Page, lab, name: str, timeout: float = 90) -> None:
    """Wait until the notebook's session has one idle kernel that stays the same for 1.5 s.

    JupyterLab may start a kernel and replace it a moment later; cells queued
    on the first one are dropped, so "Run All" must wait for the second.
    """
    seen, since, deadline = None, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        sessions = page.request.get(f"{lab.url}/api/sessions?token={lab.token}").json()
        kernels = [(s["kernel"]["id"], s["kernel"]["execution_state"]) for s in sessions
                   if s.get("path", "").endswith(name) and s.get("kernel")]
        current = kernels[0][0] if len(kernels) == 1 and kernels[0][1] == "idle" else None
        if current is None or current != seen:
            seen, since = current, time.monotonic()
        elif time.monotonic() - since >= 1.5:
            return
        page.wait_for_timeout(250)
    pytest.fail(f"the kernel of {name} did not settle: {kernels}", pytrace=False)


def run_all_cells(page: Page) -> None:
    """Run > Run All Cells, then wait until every code cell has an execution count."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    prompts = f"{NOTEBOOK} .jp-CodeCell .jp-InputArea .jp-InputPrompt"
    try:
        page.wait_for_function(
            """sel => {
                const prompts = [...document.querySelectorAll(sel)];
                return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""", arg=prompts, timeout=120_000)
    except Exception:
        shot = ARTIFACTS / "run_all_failed.png"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(shot))
        pytest.fail(f"Run All Cells did not finish (screenshot {shot}); prompts: "
                    f"{page.locator(prompts).all_inner_texts()}\noutputs:\n"
                    + "\n".join(error_outputs(page)), pytrace=False)


def code_cell(page: Page, source: str) -> Locator:
    """The code cell whose text is exactly *source*."""
    texts = page.eval_on_selector_all(
        f"{NOTEBOOK} .jp-CodeCell .jp-InputArea .cm-content", "els => els.map(e => e.innerText)")
    hits = [i for i, text in enumerate(texts) if text.strip() == source]
    assert len(hits) == 1, f"expected one code cell {source!r}, found {len(hits)}"
    return page.locator(f"{NOTEBOOK} .jp-CodeCell").nth(hits[0])


def error_outputs(page: Page) -> list[str]:
    """Tracebacks, error outputs and warnings shown anywhere in the notebook."""
    stderr = page.locator(
        f'{NOTEBOOK} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    return [text for text in stderr.all_inner_texts()
            if re.search(r"Traceback|Error|Warning|Glyph|missing from", text)]


def execution_count(cell: Locator) -> int:
    match = re.search(r"\[(\d+)\]", cell.locator(".jp-InputArea .jp-InputPrompt").inner_text())
    return int(match.group(1)) if match else -1


def assert_form_renders(form: Locator, n_sliders: int, label: str, chart: bool = True) -> None:
    """The widget front-end is there: sliders, their Chinese labels and (once a decision is valid) a chart image."""
    sliders = form.locator(".jupyter-widgets.widget-slider")
    expect(sliders.first).to_be_visible(timeout=60_000)
    assert sliders.count() == n_sliders
    expect(form.locator(".widget-label", has_text=label).first).to_be_visible()
    if not chart:
        return
    image = form.locator(".widget-output .jp-OutputArea-output img").first
    expect(image).to_be_visible(timeout=60_000)
    assert image.evaluate("img => img.complete && img.naturalWidth > 200 && img.naturalHeight > 150")


def move_slider(form: Locator, label: str, key: str, times: int = 1) -> None:
    """Focus the slider labelled *label* and press *key* (ArrowLeft / ArrowRight) *times* times."""
    handle = form.locator(".jupyter-widgets.widget-slider", has_text=label).locator(".noUi-handle")
    handle.focus()
    for _ in range(times):
        handle.press(key)


def answer_and_check(page: Page, form: Locator, key: str, expected: str, verdict: str = "✓ 正确") -> Locator:
    """Copy the form's answer line into the answer cell of *key*, run it and its check; return the check cell.

    The check cell must then say *verdict*.
    """
    answer_box = form.locator(".kamlab-answer-line textarea")
    expect(answer_box).to_have_value(expected, timeout=60_000)
    line = answer_box.input_value()

    cell = answer_cell(page, key)
    check = code_cell(page, f'wb.check("{key}", {key})')
    before = check.locator(".jp-OutputArea").inner_text()
    assert "✓" not in before, before  # still unanswered after Run All (or answered wrong)

    editor = cell.locator(".jp-InputArea .cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(line)
    expect(editor).to_have_text(line)
    count = execution_count(check)
    page.keyboard.press("Shift+Enter")   # runs the answer cell, selects the check cell
    page.keyboard.press("Shift+Enter")   # runs the locked check cell
    page.wait_for_function("([cell, n]) => { const m = /\\[(\\d+)\\]/.exec(cell.textContent);"
                           " return m && +m[1] > n; }",
                           arg=[check.locator(".jp-InputArea .jp-InputPrompt").element_handle(), count])
    expect(check.locator(".jp-OutputArea")).to_contain_text(verdict, timeout=60_000)
    return check


def answer_cell(page: Page, key: str) -> Locator:
    """The answer cell of *key*: ``<key> = ...`` as shipped, or a line a test pasted before."""
    texts = page.eval_on_selector_all(
        f"{NOTEBOOK} .jp-CodeCell .jp-InputArea .cm-content", "els => els.map(e => e.innerText)")
    hits = [i for i, text in enumerate(texts) if re.match(rf"^{key} = ", text.strip())]
    assert len(hits) == 1, f"expected one answer cell {key} = ..., found {len(hits)}"
    return page.locator(f"{NOTEBOOK} .jp-CodeCell").nth(hits[0])


def assert_no_errors(page: Page) -> None:
    errors = error_outputs(page)
    assert not errors, "cells errored or warned:\n" + "\n---\n".join(errors)
    text = page.locator(f"{NOTEBOOK} .jp-OutputArea").all_inner_texts()
    fallback = [t for t in text if "AnswerForm(" in t or "Error displaying widget" in t]
    assert not fallback, f"widgets did not render: {fallback[:2]}"


def test_m02_weights_form_end_to_end(page, lab, save_screenshot):
    page.set_viewport_size({"width": 1280, "height": 1500})
    open_notebook(page, lab, "notebooks/m02_screening.ipynb")
    run_all_cells(page)

    form = code_cell(page, "form_q1 = kl.course.m02.weights_form(chains)\nform_q1")
    assert_form_renders(form, n_sliders=4, label="利润贡献", chart=False)   # neutral: no tiering to show yet
    assert_no_errors(page)

    # the form starts neutral (every weight 5) and says so; its text follows the sliders live
    output = form.locator(".widget-output")
    expect(output).to_contain_text("权重合计 15，应为 100", timeout=60_000)
    # the trainee weighs profit most: 合作潜力 5 → 35, 利润贡献 5 → 40, 动销基础 5 → 25
    move_slider(form, "合作潜力", "ArrowRight", 6)
    move_slider(form, "利润贡献", "ArrowRight", 7)
    expect(output).to_contain_text("权重合计 80，应为 100", timeout=60_000)
    move_slider(form, "动销基础", "ArrowRight", 4)
    expect(output).to_contain_text("权重合计 100", timeout=60_000)
    check = answer_and_check(page, form,
                             "q1", 'q1 = {"合作潜力": 35, "利润贡献": 40, "动销基础": 25, "cut": 50}')
    assert_form_renders(form, n_sliders=4, label="利润贡献")   # the chart was redrawn
    assert_no_errors(page)

    form.scroll_into_view_if_needed()
    box_form, box_check = form.bounding_box(), check.bounding_box()
    top = box_form["y"]
    bottom = box_check["y"] + box_check["height"] + 6
    assert bottom - top < 1500, "form and check do not fit on the screenshot"
    png = page.screenshot(clip={"x": box_form["x"], "y": top, "width": box_form["width"],
                                "height": bottom - top})
    save_screenshot(png, "m02_q1_form.png", docs="m02_workshop.png")
    save_screenshot(form.locator(".widget-output").screenshot(), "m02_q1_chart.png")


def test_m07_targets_form_end_to_end(page, lab, save_screenshot):
    """m07 exercise 2: the sliders start at their lowest (nothing flagged); moving one redraws its count live.

    With only the distribution-rate target set, the other three still flag nothing: the check says ✗
    and why (a target below every chain marks no point).
    """
    open_notebook(page, lab, "notebooks/m07_data_review.ipynb")
    run_all_cells(page)

    form = code_cell(page, "form_q2 = kl.course.m07.targets_form(k)\nform_q2")
    assert_form_renders(form, n_sliders=4, label="铺货率")
    assert_no_errors(page)
    output = form.locator(".widget-output")
    expect(output).to_contain_text("铺货率：目标 0.5，低于目标 0 家", timeout=60_000)

    move_slider(form, "铺货率", "ArrowRight", times=35)            # 0.5 → 0.85
    expect(output).to_contain_text("铺货率：目标 0.85，低于目标", timeout=60_000)
    expect(output).not_to_contain_text("铺货率：目标 0.5，")
    check = answer_and_check(page, form, "q2", re.compile(
        r'q2 = \{"distribution_rate": 0\.85, "sell_through_rate": 0\.5, '
        r'"inventory_turnover": [\d.]+, "clerk_recommendation_rate": 0\.05\}'), verdict="✗")
    expect(check.locator(".jp-OutputArea")).to_contain_text("一个异常点也标不出来")
    assert_no_errors(page)
    save_screenshot(form.locator(".jp-Cell-outputWrapper").screenshot(), "m07_q2_form.png")


def test_m06_read_and_decide_in_the_browser(page, lab, save_screenshot):
    """A read-and-decide question (m06 q2, ``read=True``): read the pilot chart, pick the effect.

    The drop-down starts neutral; picking an option redraws the form's text live; the line
    of a plausible wrong reading (the pilot stores' own growth) gets ✗ with its reason, the
    right reading (net of the seasonal baseline) gets ✓.
    """
    page.set_viewport_size({"width": 1280, "height": 1500})
    open_notebook(page, lab, "notebooks/m06_incentives.ipynb")
    run_all_cells(page)

    form = code_cell(page, "form_q2 = kl.course.m06.effect_form(sellout, chains, chain)\nform_q2")
    output = form.locator(".widget-output")
    expect(output).to_contain_text("还没有选择", timeout=60_000)      # neutral
    image = output.locator(".jp-OutputArea-output img").first              # the chart to read
    expect(image).to_be_visible(timeout=60_000)
    assert_no_errors(page)
    dropdown = form.locator(".widget-dropdown select")

    # a wrong reading: the pilot stores' own quarter-on-quarter growth
    dropdown.select_option(label="+0.2%")
    expect(output).to_contain_text("你的判断：试点让门店多卖了 +0.2%", timeout=60_000)   # live text
    check = answer_and_check(page, form, "q2", 'q2 = {"chain": "C18", "effect": 0.002}', verdict="✗")
    expect(check.locator(".jp-OutputArea")).to_contain_text("试点门店自己的环比增长")

    # the right reading: net of the control stores (the season)
    dropdown.select_option(label="+11.8%")
    expect(output).to_contain_text("你的判断：试点让门店多卖了 +11.8%", timeout=60_000)
    expect(output).not_to_contain_text("+0.2%")
    answer_and_check(page, form, "q2", 'q2 = {"chain": "C18", "effect": 0.118}')
    assert_no_errors(page)
    save_screenshot(form.screenshot(), "m06_q2_form.png")


def test_start_page_links_a_solution_whose_forms_show_as_pictures(page, lab, save_screenshot):
    """Self-study: the start page links each module's solution; its forms show as a static snapshot.

    The lab is rooted above ``notebooks/`` and ``solutions/`` (``python bootstrap.py lab``); a stored
    form must show as a working widget or its snapshot, never as repr text (``AnswerForm(children=``).
    """
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.goto(lab.tree("notebooks/index.ipynb"))
    link = page.locator(f"{NOTEBOOK} .jp-RenderedMarkdown a", has_text="答案 m02")
    expect(link).to_be_visible(timeout=60_000)
    link.click()
    solution = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)", has_text="form_q1 = kl.course.m02")
    expect(solution.first).to_be_visible(timeout=60_000)
    assert page.locator(".lm-TabBar-tab.lm-mod-current", has_text="m02_screening.ipynb").count() >= 1

    form = code_cell(page, "form_q1 = kl.course.m02.weights_form(chains)\nform_q1")
    snapshot = form.locator(".jp-OutputArea-output")
    expect(snapshot.first).to_contain_text("表单快照", timeout=60_000)
    expect(snapshot.first).to_contain_text("q1 = {")
    texts = page.locator(f"{NOTEBOOK} .jp-OutputArea").all_inner_texts()
    assert not [t for t in texts if "AnswerForm(children=" in t or "AnswerForm(" in t], "forms shown as repr text"
    save_screenshot(form.screenshot(), "m02_solution_snapshot.png")
