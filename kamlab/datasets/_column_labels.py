"""The data dictionaries' column names become the labels trainees read (``kamlab._labels``).

Examples
--------
>>> from kamlab._labels import label
>>> register_dictionary_labels()
>>> label("store_count", "zh"), label("store_count", "en")
('门店数', 'number of stores')
"""

from __future__ import annotations

import csv
import io
from importlib import resources

from .._labels import register

__all__ = ["register_dictionary_labels"]

DATA_PACKAGE = "kamlab.datasets.data"


def register_dictionary_labels() -> None:
    """Register ``column -> (中文名, English)`` from every shipped ``*.dictionary.csv``.

    The English label is the part of ``meaning`` after `` / ``.

    Examples
    --------
    >>> register_dictionary_labels()
    """
    labels: dict[str, tuple[str, str]] = {}
    for entry in sorted(resources.files(DATA_PACKAGE).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".dictionary.csv"):
            continue
        for row in csv.DictReader(io.StringIO(entry.read_text(encoding="utf-8"))):
            meaning = row.get("meaning") or ""
            english = meaning.rsplit(" / ", 1)[1].strip() if " / " in meaning else row["column"]
            labels.setdefault(row["column"], (row["中文名"].strip(), english))
    register(labels)
