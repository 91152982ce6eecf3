"""Language switch and bilingual message catalogues.

The one i18n style of kamlab: every user-facing text is a ``(chinese,
english)`` pair.  A module keeps its texts in a :class:`Messages` catalogue
next to the code that uses it; a one-off pair is shown with :func:`localized`.
The current language (Chinese by default) picks which one is shown; errors
(:class:`~kamlab.KamlabInputError`) and problems (:class:`~kamlab._problems.Problem`)
carry both.

Examples
--------
>>> from kamlab._i18n import Messages, set_language, get_language
>>> msgs = Messages({"hello": ("你好，{name}", "Hello, {name}")})
>>> msgs("hello", name="王经理")
'你好，王经理'
>>> set_language("en"); msgs("hello", name="Manager Wang")
'Hello, Manager Wang'
>>> set_language("zh"); get_language()
'zh'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

_state: dict[str, Language] = {"language": "zh"}


def set_language(language: str) -> None:
    """Switch every kamlab message, label and chart title.

    Parameters
    ----------
    language : {"zh", "en"}
        ``"zh"`` (default) for Chinese, ``"en"`` for English.

    Examples
    --------
    >>> import kamlab as kl
    >>> kl.set_language("en"); kl.get_language()
    'en'
    >>> kl.set_language("zh")
    """
    code = str(language).strip().lower()
    aliases = {"zh": "zh", "cn": "zh", "zh-cn": "zh", "中文": "zh", "chinese": "zh",
               "en": "en", "english": "en", "英文": "en"}
    if code not in aliases:
        raise ValueError(
            f"未知语言 {language!r}：请用 'zh' 或 'en'。\n"
            f"Unknown language {language!r}: use 'zh' or 'en'."
        )
    _state["language"] = aliases[code]  # type: ignore[assignment]


def get_language() -> Language:
    """Return the current language code, ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> get_language() in ("zh", "en")
    True
    """
    return _state["language"]


def localized(zh: str, en: str, language: str | None = None) -> str:
    """The text of a ``(zh, en)`` pair in *language* (default: the current language).

    Examples
    --------
    >>> localized("象限", "quadrant", "en")
    'quadrant'
    """
    return zh if (language or get_language()) == "zh" else en


class Messages:
    """A catalogue of bilingual texts, looked up by key.

    Parameters
    ----------
    entries : mapping of str to (str, str)
        ``key -> (chinese, english)``; both may hold ``str.format`` fields.

    Examples
    --------
    >>> m = Messages({"gap": ("差距 {x:.0%}", "gap {x:.0%}")})
    >>> m.both("gap", x=0.25)
    ('差距 25%', 'gap 25%')
    """

    def __init__(self, entries: Mapping[str, tuple[str, str]]) -> None:
        for key, pair in entries.items():
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise TypeError(f"message {key!r} needs a (zh, en) pair")
        self._entries = dict(entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def keys(self) -> list[str]:
        """Return the message keys in definition order."""
        return list(self._entries)

    def both(self, key: str, **fields: object) -> tuple[str, str]:
        """Return ``(chinese, english)`` with *fields* filled in."""
        zh, en = self._entries[key]
        return zh.format(**fields), en.format(**fields)

    def __call__(self, key: str, **fields: object) -> str:
        """Return the text of *key* in the current language."""
        return localized(*self.both(key, **fields))

    def label(self, key: str) -> str:
        """Return the text of *key* without formatting (chart labels)."""
        return localized(*self._entries[key])
