"""A trainee's own file through read_table and a tool: one clear bilingual error, file untouched.

Each case writes a file the way Chinese Excel would (GBK CSV or XLSX with a
title row), reads it with ``kl.read_table`` and runs the tool on it.  The
error is a ``ValueError`` subclass naming the column (and the row where one
row is at fault) in Chinese and in English; the file's bytes do not change.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

import kamlab as kl
from kamlab import KamlabInputError

CJK = re.compile(r"[\u4e00-\u9fff]")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write(df: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".xlsx":
        with pd.ExcelWriter(path) as writer:
            pd.DataFrame([["我的数据（王经理）"]]).to_excel(writer, index=False, header=False)
            df.to_excel(writer, index=False, startrow=1)
    else:
        df.to_csv(path, index=False, encoding="gbk")
    return path


def _assert_clear(err: KamlabInputError, column: str, row: object | None = None) -> None:
    text = str(err)
    zh, en = err.zh, err.en
    assert isinstance(err, ValueError)
    assert column in zh and column in en, text
    assert CJK.search(zh) and re.search(r"[A-Za-z]{4,}", en)
    if row is not None:
        assert str(row) in zh and str(row) in en, text


def _chains() -> pd.DataFrame:
    return kl.datasets.load("chains")


def _sellout() -> pd.DataFrame:
    return kl.datasets.load("sellout").head(48)


CASES = {
    # name: (data set, change, suffix, run on the read table, column, row)
    "screening weight zero": (
        _chains, lambda df: df, ".csv",
        lambda t: kl.screening.screen(t, {"dimensions": {"规模": {"weight": 1, "criteria": {
            "store_count": {"weight": 0}}}}}, id_col="chain_id"), "store_count", None),
    "screening unknown column": (
        _chains, lambda df: df, ".xlsx",
        lambda t: kl.screening.screen(t, {"dimensions": {"规模": {"weight": 1, "criteria": {
            "stores": {"weight": 1}}}}}, id_col="chain_id"), "stores", None),
    "kpi recommended above mystery visits": (
        _sellout, lambda df: df.assign(recommended_visits=df["mystery_visits"] + (df.index == 5)), ".csv",
        lambda t: kl.kpi.compute(t, by="chain_id"), "recommended_visits", 5),
    "kpi negative units": (
        _sellout, lambda df: df.assign(units_sold=df["units_sold"].where(df.index != 7, -3)), ".xlsx",
        lambda t: kl.kpi.compute(t, by="chain_id"), "units_sold", None),
    "drill malformed month": (
        _sellout, lambda df: df, ".csv",
        lambda t: kl.rootcause.drill(t, by="chain_id", base="2025-13", current="2026-01"), "base", None),
    "drill month not in the data": (
        _sellout, lambda df: df, ".xlsx",
        lambda t: kl.rootcause.drill(t, by="chain_id", base="2024-01", current="2026-01"), "2024-01", None),
    "opportunity unknown channel": (
        lambda: kl.datasets.load("needs"), lambda df: df.assign(channel=df["channel"].where(df.index != 2, "网上")),
        ".csv", lambda t: kl.opportunity.matrix(t), "channel", 2),
    "negotiation walk-away not an option": (
        lambda: kl.datasets.load("clauses"),
        lambda df: df.assign(walk_away=df["walk_away"].where(df["clause"] != "返利", "9%")), ".csv",
        lambda t: kl.negotiation.ConcessionMatrix.from_table(t), "返利", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_bad_own_file_gets_one_clear_error_and_stays_unchanged(name, language, tmp_path):
    load, change, suffix, run, column, row = CASES[name]
    path = _write(change(load()), tmp_path / f"own{suffix}")
    before = _sha(path)
    kl.set_language(language)
    table = kl.read_table(path)
    with pytest.raises(KamlabInputError) as info:
        run(table)
    _assert_clear(info.value, column, row)
    err = info.value
    assert str(err).startswith(err.zh if language == "zh" else err.en)
    assert _sha(path) == before
