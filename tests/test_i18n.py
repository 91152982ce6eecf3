"""Language switch, catalogues and bilingual errors."""

from __future__ import annotations

import pytest

import kamlab as kl
from kamlab._errors import KamlabInputError, MissingColumnError
from kamlab._i18n import Messages


def test_default_language_is_chinese():
    assert kl.get_language() == "zh"


@pytest.mark.parametrize("alias,code", [("EN", "en"), ("english", "en"), ("zh-CN", "zh"), ("中文", "zh")])
def test_language_aliases(alias, code):
    kl.set_language(alias)
    assert kl.get_language() == code


def test_unknown_language_is_a_bilingual_value_error():
    with pytest.raises(ValueError) as info:
        kl.set_language("fr")
    assert "未知语言" in str(info.value) and "Unknown language" in str(info.value)


def test_messages_follow_the_language():
    m = Messages({"k": ("铺货率 {v:.0%}", "distribution {v:.0%}")})
    assert m("k", v=0.5) == "铺货率 50%"
    kl.set_language("en")
    assert m("k", v=0.5) == "distribution 50%"
    assert m.label("k") == "distribution {v:.0%}"


def test_messages_reject_single_language_entries():
    with pytest.raises(TypeError):
        Messages({"k": ("只有中文",)})  # type: ignore[dict-item]


def test_error_carries_both_languages_current_first():
    err = MissingColumnError("缺少列 'x'。", "Column 'x' is missing.", column="x", row=3)
    assert str(err).splitlines() == ["缺少列 'x'。", "Column 'x' is missing."]
    assert isinstance(err, ValueError) and isinstance(err, KamlabInputError)
    assert (err.column, err.row) == ("x", 3)
    kl.set_language("en")
    err = MissingColumnError("缺少列 'x'。", "Column 'x' is missing.", column="x")
    assert str(err).splitlines()[0] == "Column 'x' is missing."


def test_error_shows_short_message_in_ipython():
    err = MissingColumnError("缺少列 'x'。", "Column 'x' is missing.")
    lines = err._render_traceback_()
    assert len(lines) == 1 and "缺少列" in lines[0] and "Traceback" not in lines[0]
