"""Chinese glyphs render with the bundled font, on a machine with no CJK system font."""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import pytest

import kamlab as kl
from kamlab._plotting import cjk_font_family, new_axes, styled

TEXT = "重点投入 培育优化 维持收益 精简调整 铺货率 动销率 库存周转率 店员推荐率 −5%"


@styled
def _draw():
    fig, ax = new_axes()
    ax.bar(["华东", "华南"], [1, -2])
    ax.set_title(TEXT)
    ax.set_xlabel("连锁客户")
    ax.legend(["动销"])
    return fig


def _render(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
        fig.savefig(io.BytesIO(), format="svg")
    return [str(w.message) for w in caught]


def test_bundled_font_is_a_simplified_chinese_face():
    assert cjk_font_family() == "Noto Sans CJK SC"


def test_chart_renders_every_glyph_after_the_style_context_closed():
    fig = _draw()
    assert _render(fig) == []


def test_plain_matplotlib_would_miss_glyphs():
    """Control: without kamlab's styling the same text does miss glyphs, so the test above can fail."""
    with plt.rc_context({"font.family": ["DejaVu Sans"]}):
        fig2, ax2 = plt.subplots()
        ax2.set_title(TEXT)
    messages = _render(fig2)
    assert any("missing from font" in m for m in messages)


def test_user_rcparams_are_left_alone():
    before = dict(plt.rcParams)
    _draw()
    assert plt.rcParams["font.family"] == before["font.family"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_language_does_not_break_rendering(language):
    kl.set_language(language)
    assert _render(_draw()) == []


def test_every_chart_in_a_notebook_is_shown_not_only_the_first():
    """Regression: the first kamlab chart of a Jupyter session must not hide the later ones."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
                    "import kamlab as kl\n"
                    "k = kl.kpi.compute(kl.datasets.load('sellout'), by='chain_id')"),
                nbformat.v4.new_code_cell("k.plot();"),
                nbformat.v4.new_code_cell("k.plot(metric='sell_through_rate');"),
                nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2]);")]
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    images = ["image/png" in o.get("data", {}) for c in nb.cells[1:] for o in c.outputs]
    assert images == [True, True, True]
