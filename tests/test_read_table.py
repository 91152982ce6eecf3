"""kl.read_table: encodings, XLSX title rows, Chinese headers, and bad input that names column and row."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import kamlab as kl
from kamlab import (BadFileError, BadSpecError, BadValueError, DuplicateIdError, EmptyTableError,
                    KamlabInputError, MissingColumnError)

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{4,}")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def zh_headers(name: str) -> dict[str, str]:
    d = kl.datasets.dictionary(name)
    return dict(zip(d["column"], d["中文名"]))


def chains() -> pd.DataFrame:
    df = kl.datasets.load("chains")
    df.attrs = {}
    return df


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_exact=True)


# ---------------------------------------------------------------- good files
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_read_equal(tmp_path, encoding):
    src = chains()
    path = tmp_path / "chains.csv"
    src.to_csv(path, index=False, encoding=encoding)
    digest = sha(path)
    same(kl.read_table(path, like="chains"), src)
    same(kl.read_table(path), src)            # plain typing gives the same table here
    assert sha(path) == digest


def test_xlsx_with_two_title_rows(tmp_path):
    src = chains()
    path = tmp_path / "chains.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["华东连锁客户筛选表"], ["制表：王经理 2026年3月"]]).to_excel(
            writer, index=False, header=False)
        src.to_excel(writer, index=False, startrow=2)
    digest = sha(path)
    out = kl.read_table(path, like="chains")
    same(out, src)
    same(kl.read_table(path), src)
    assert out.attrs["columns"]["store_count"]["中文名"] == "门店数"
    assert sha(path) == digest


def test_chinese_headers_gbk_and_xlsx(tmp_path):
    src = chains()
    zh = src.rename(columns=zh_headers("chains"))
    csv_path = tmp_path / "门店.csv"
    zh.to_csv(csv_path, index=False, encoding="gbk")
    same(kl.read_table(csv_path, like="chains"), src)
    xlsx_path = tmp_path / "门店.xlsx"
    zh.to_excel(xlsx_path, index=False, sheet_name="连锁")
    same(kl.read_table(xlsx_path, like="chains", sheet="连锁"), src)


def test_sellout_round_trip_bools_and_months(tmp_path):
    src = kl.datasets.load("sellout", variant=1)
    src.attrs = {}
    path = tmp_path / "sellout.csv"
    src.to_csv(path, index=False)
    out = kl.read_table(path, like="sellout")
    same(out, src)
    assert out["is_target"].dtype == bool and str(out["month"].dtype) == "str"


def test_messy_csv_whitespace_blank_lines_empty_columns_extra_columns(tmp_path):
    text = ("客户需求表\n\n"
            " account_id , need_id,need,kind,channel,source,fit,uplift,base_score,competitor_pressure,,备注\n"
            "C01,N01,店员培训,隐性,门店,实地走访,现有方案可直接满足,42.5,60.5,2,,重点\n"
            ",,,,,,,,,,,\n"
            "C01,N02,联合营销,显性,总部,高层访谈,需市场部、品牌部配合,18,60.5,3,,\n")
    path = tmp_path / "needs.csv"
    path.write_text(text, encoding="utf-8")
    out = kl.read_table(path, like="needs")
    assert list(out.columns[:2]) == ["account_id", "need_id"] and out.columns[-1] == "备注"
    assert out["competitor_pressure"].tolist() == [2, 3] and str(out["competitor_pressure"].dtype) == "int64"
    assert out["uplift"].tolist() == [42.5, 18.0]
    assert out["base_score"].tolist() == [60.5, 60.5]
    assert len(out) == 2


def test_excel_dates_and_yes_no_in_sellout(tmp_path):
    src = kl.datasets.load("sellout").head(3)
    src.attrs = {}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(src.columns))
    for rec in src.itertuples(index=False):
        row = list(rec)
        row[3] = dt.datetime(int(row[3][:4]), int(row[3][5:]), 1)   # Excel turned the month into a date
        row[4] = "是" if row[4] else "否"
        ws.append(row)
    path = tmp_path / "s.xlsx"
    wb.save(path)
    same(kl.read_table(path, like="sellout"), src)


def test_tab_separated(tmp_path):
    src = chains().head(4)
    path = tmp_path / "c.txt"
    src.to_csv(path, index=False, sep="\t")
    same(kl.read_table(path, like="chains"), src)


# ---------------------------------------------------------------- bad files
def expect(path: Path, cls: type, *, column: str | None, row: int | None, like: str | None = "chains",
           **kw) -> str:
    """Read, assert the error class, column, row, both languages, and that the file is unchanged."""
    digest = sha(path) if path.is_file() else None
    with pytest.raises(cls) as exc:
        kl.read_table(path, like=like, **kw)
    err = exc.value
    assert isinstance(err, KamlabInputError) and isinstance(err, ValueError)
    msg = str(err)
    assert CJK.search(err.zh) and LATIN.search(err.en), msg
    assert err.zh in msg and err.en in msg
    if column is not None:
        assert err.column == column and column in err.zh and column in err.en, msg
    if row is not None:
        assert err.row == row, msg
        assert f"第 {row} 行" in err.zh and re.search(rf"\b(line|row) {row}\b", err.en), msg
    if digest is not None:
        assert sha(path) == digest
    return msg


def write_chains(tmp_path: Path, edit, *, encoding: str = "utf-8", name: str = "c.csv",
                 title_rows: int = 0) -> Path:
    df = edit(chains().head(5).astype(object))
    path = tmp_path / name
    text = "".join(f"标题{i}\n" for i in range(title_rows)) + df.to_csv(index=False)
    path.write_bytes(text.encode(encoding))
    return path


def test_bad_missing_column(tmp_path):
    path = write_chains(tmp_path, lambda df: df.drop(columns="chain_name"))
    expect(path, MissingColumnError, column="chain_name", row=1)


def test_bad_misspelt_column_did_you_mean(tmp_path):
    path = write_chains(tmp_path, lambda df: df.rename(columns={"store_count": "store_cnt"}),
                        title_rows=2)
    msg = expect(path, MissingColumnError, column="store_count", row=3)
    assert "'store_cnt'" in msg


def test_bad_non_number(tmp_path):
    def edit(df):
        df.loc[2, "store_count"] = "约300"
        return df
    path = write_chains(tmp_path, edit)
    msg = expect(path, BadValueError, column="store_count", row=4)   # header line 1, data row 2 -> line 4
    assert "约300" in msg


def test_bad_empty_value_nan(tmp_path):
    def edit(df):
        df.loc[3, "payment_days"] = None
        return df
    path = write_chains(tmp_path, edit, title_rows=1)
    expect(path, BadValueError, column="payment_days", row=6)


def test_bad_not_whole_number(tmp_path):
    def edit(df):
        df.loc[0, "store_count"] = 120.5
        return df
    expect(write_chains(tmp_path, edit), BadValueError, column="store_count", row=2)


def test_bad_out_of_range(tmp_path):
    def edit(df):
        df.loc[1, "willingness"] = 7
        return df
    msg = expect(write_chains(tmp_path, edit), BadValueError, column="willingness", row=3)
    assert "[1, 5]" in msg


def test_bad_category(tmp_path):
    def edit(df):
        df.loc[4, "chain_type"] = "XKA"
        return df
    msg = expect(write_chains(tmp_path, edit), BadValueError, column="chain_type", row=6)
    assert "NKA" in msg


def test_bad_duplicated_id(tmp_path):
    def edit(df):
        df.loc[3, "chain_id"] = df.loc[1, "chain_id"]
        return df
    msg = expect(write_chains(tmp_path, edit), DuplicateIdError, column="chain_id", row=5)
    assert "C02" in msg and "3" in msg


def test_bad_duplicated_key_pair_in_sellout(tmp_path):
    df = kl.datasets.load("sellout").head(4)
    df.loc[3, "month"] = df.loc[1, "month"]
    path = tmp_path / "s.csv"
    df.to_csv(path, index=False)
    expect(path, DuplicateIdError, column="store_id", row=5, like="sellout")


def test_bad_month(tmp_path):
    df = kl.datasets.load("sellout").head(4).astype(object)
    df.loc[2, "month"] = "2026-13"
    path = tmp_path / "s.csv"
    df.to_csv(path, index=False)
    expect(path, BadValueError, column="month", row=4, like="sellout")


def test_bad_boolean(tmp_path):
    df = kl.datasets.load("sellout").head(4).astype(object)
    df.loc[0, "stocked"] = "maybe"
    path = tmp_path / "s.csv"
    df.to_csv(path, index=False)
    expect(path, BadValueError, column="stocked", row=2, like="sellout")


def test_bad_value_with_chinese_header_gbk(tmp_path):
    def edit(df):
        df = df.rename(columns=zh_headers("chains"))
        df.loc[1, "回款天数"] = "六十"
        return df
    path = write_chains(tmp_path, edit, encoding="gbk")
    msg = expect(path, BadValueError, column="payment_days", row=3)
    assert "回款天数" in msg and "六十" in msg


def test_bad_value_in_xlsx_names_excel_row(tmp_path):
    df = chains().head(5).astype(object)
    df.loc[2, "annual_sales"] = "n/a"
    path = tmp_path / "c.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["标题"], ["副标题"]]).to_excel(writer, index=False, header=False)
        df.to_excel(writer, index=False, startrow=2)
    msg = expect(path, BadValueError, column="annual_sales", row=6)   # titles 1-2, header 3, data 4..
    assert "row 6" in msg and "Sheet1" in msg


def test_bad_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    expect(path, EmptyTableError, column=None, row=None)


def test_bad_header_only(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("标题\n" + ",".join(chains().columns) + "\n\n", encoding="utf-8")
    expect(path, EmptyTableError, column=None, row=2)


def test_bad_empty_sheet(tmp_path):
    path = tmp_path / "e.xlsx"
    openpyxl.Workbook().save(path)
    expect(path, EmptyTableError, column=None, row=None)


def test_bad_duplicate_header(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("chain_id,store_count,store_count\nC01,1,2\n", encoding="utf-8")
    expect(path, BadFileError, column="store_count", row=1, like=None)


def test_bad_missing_file(tmp_path):
    (tmp_path / "chains.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    msg = expect(tmp_path / "chain.csv", BadFileError, column=None, row=None)
    assert "chains.csv" in msg                                          # did you mean


def test_bad_unsupported_format(tmp_path):
    path = tmp_path / "c.json"
    path.write_text("{}", encoding="utf-8")
    msg = expect(path, BadFileError, column=None, row=None)
    assert ".json" in msg


def test_bad_corrupt_xlsx(tmp_path):
    path = tmp_path / "c.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    expect(path, BadFileError, column=None, row=None)


def test_bad_old_xls(tmp_path):
    path = tmp_path / "c.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    msg = expect(path, BadFileError, column=None, row=None)
    assert ".xlsx" in msg


def test_bad_encoding(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("chain_id,x\nC01,".encode("utf-8") + b"\x81\x20\xff\xfe\n")
    expect(path, BadFileError, column=None, row=None)


def test_bad_binary_csv(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"\x00\x01\x02binary")
    expect(path, BadFileError, column=None, row=None)


def test_bad_sheet(tmp_path):
    path = tmp_path / "c.xlsx"
    chains().to_excel(path, index=False)
    msg = expect(path, BadSpecError, column=None, row=None, sheet="数据")
    assert "Sheet1" in msg and "数据" in msg


def test_bad_like_name(tmp_path):
    path = tmp_path / "c.csv"
    chains().to_csv(path, index=False)
    msg = expect(path, BadSpecError, column=None, row=None, like="chian")
    assert "'chains'" in msg


def test_folder_is_not_a_file(tmp_path):
    expect(tmp_path, BadFileError, column=None, row=None)


def test_messages_follow_language(tmp_path):
    path = write_chains(tmp_path, lambda df: df.drop(columns="chain_name"))
    kl.set_language("en")
    with pytest.raises(MissingColumnError) as exc:
        kl.read_table(path, like="chains")
    assert str(exc.value).startswith("File c.csv")


# ---------------------------------------------------------------- files as trainees export them (issue 13)
def read_same(path: Path, src: pd.DataFrame, **kw) -> pd.DataFrame:
    """Read with and without like=, compare with *src*, check the file's bytes did not change."""
    digest = sha(path)
    out = kl.read_table(path, like="chains", **kw)
    same(out, src)
    same(kl.read_table(path, **kw), src)
    assert sha(path) == digest
    return out


def test_xlsx_percent_cells_give_the_csv_value(tmp_path):
    src = chains().head(6)
    percent = ["new_product_acceptance", "gross_margin", "golden_display_share"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(src.columns))
    for rec in src.to_dict("records"):
        ws.append([round(rec[c] / 100, 10) if c in percent else rec[c] for c in src.columns])
    for col in ws.iter_cols(min_row=2):
        if src.columns[col[0].column - 1] in percent:
            for cell in col:
                cell.number_format = "0.0%"
    xlsx = tmp_path / "chains.xlsx"
    wb.save(xlsx)
    csv_path = tmp_path / "chains.csv"
    src.assign(**{c: src[c].map("{:g}%".format) for c in percent}).to_csv(csv_path, index=False)
    from_xlsx = read_same(xlsx, src)
    same(from_xlsx, kl.read_table(csv_path, like="chains"))
    assert from_xlsx["gross_margin"].tolist() == src["gross_margin"].tolist()


def test_semicolon_file_with_decimal_commas(tmp_path):
    src = chains().head(5)
    path = tmp_path / "eu.csv"
    path.write_bytes(("客户表\n" + src.to_csv(index=False, sep=";", decimal=",")).encode("utf-8-sig"))
    assert re.search(rb";\d+,\d+;", path.read_bytes())       # decimal commas, as Excel writes them in Europe
    out = read_same(path, src)
    assert out["annual_sales"].tolist() == src["annual_sales"].tolist()


def test_quoted_thousands_separators(tmp_path):
    src = chains().head(5)
    shown = src.assign(annual_sales=src["annual_sales"].map("{:,.1f}".format),
                       store_count=src["store_count"].map("{:,}".format))
    path = tmp_path / "c.csv"
    shown.to_csv(path, index=False)
    assert b'",' in path.read_bytes()                       # pandas quoted "1,919.5"
    read_same(path, src)


def test_excel_unicode_text_utf16_tab_with_thousands(tmp_path):
    src = chains().head(5)
    shown = src.assign(annual_sales=src["annual_sales"].map("{:,.1f}".format),
                       store_count=src["store_count"].map("{:,}".format)).rename(columns=zh_headers("chains"))
    path = tmp_path / "unicode.txt"
    path.write_bytes(shown.to_csv(index=False, sep="\t").encode("utf-16"))   # UTF-16 LE with BOM, like Excel
    assert path.read_bytes()[:2] == b"\xff\xfe"
    out = kl.read_table(path, like="chains")
    same(out, src)


def test_table_on_second_sheet_is_found(tmp_path):
    src = chains()
    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"说明": ["这是华东连锁的筛选数据", "数据在下一张表"]}).to_excel(writer, sheet_name="说明", index=False)
        src.to_excel(writer, sheet_name="数据", index=False)
    digest = sha(path)
    out = kl.read_table(path, like="chains")
    same(out, src)
    assert out.attrs["sheet"] == "数据" and sha(path) == digest


def test_only_filled_sheet_is_read_without_like(tmp_path):
    src = chains().head(3)
    path = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "空白"
    ws = wb.create_sheet("连锁")
    ws.append(list(src.columns))
    for rec in src.itertuples(index=False):
        ws.append(list(rec))
    wb.save(path)
    same(kl.read_table(path), src)


def test_bad_no_sheet_matches_names_every_sheet(tmp_path):
    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"说明": ["封面"]}).to_excel(writer, sheet_name="封面", index=False)
        pd.DataFrame({"门店": ["沪康"], "数量": [3]}).to_excel(writer, sheet_name="其他", index=False)
    msg = expect(path, MissingColumnError, column="chain_id", row=1)
    assert "封面" in msg and "其他" in msg and "sheet=" in msg


def raw_chains(tmp_path: Path, cell: str, *, row: int = 2, column: str = "annual_sales",
               sep: str = ",") -> Path:
    """chains.head(5) as text with one cell written by hand (unquoted), as a trainee edits a file."""
    df = chains().head(5)
    lines = [sep.join(df.columns)] + [sep.join(str(v) for v in rec) for rec in df.itertuples(index=False)]
    fields = lines[row].split(sep)
    fields[list(df.columns).index(column)] = cell
    lines[row] = sep.join(fields)
    path = tmp_path / "c.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("gbk"))
    return path


@pytest.mark.parametrize("cell, cause", [("1,919.5", "thousands"), ("353032,5", "decimal")])
def test_bad_unquoted_comma_in_a_number_is_refused_not_shifted(tmp_path, cell, cause):
    path = raw_chains(tmp_path, cell, row=3)
    for like in ("chains", None):
        msg = expect(path, BadFileError, column="annual_sales", row=4, like=like)
        assert cell in msg and "20" in msg and "19" in msg, msg
        assert ("千位分隔符" if cause == "thousands" else "小数点") in msg


def test_bad_extra_field_without_a_number_names_the_row(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("门店,备注\n沪康,好\n苏润,好,但是远\n", encoding="utf-8")
    msg = expect(path, BadFileError, column=None, row=3, like=None)
    assert "引号" in msg and "quotes" in msg


@pytest.mark.parametrize("cell", ["inf", "-inf", "nan", "Infinity", "#DIV/0!"])
def test_bad_non_finite_number(tmp_path, cell):
    path = raw_chains(tmp_path, cell, row=2, column="store_count")
    msg = expect(path, BadValueError, column="store_count", row=3)
    assert cell in msg
    plain = tmp_path / "p.csv"
    plain.write_text(f"门店,销量\n沪康,12\n苏润,{cell}\n", encoding="utf-8")
    expect(plain, BadValueError, column="销量", row=3, like=None)


def test_bad_mixed_decimal_styles_in_one_column(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("门店;销售额\n沪康;1,919.5\n苏润;353032,5\n", encoding="utf-8")
    msg = expect(path, BadValueError, column="销售额", row=3, like=None)
    assert "353032,5" in msg and "1,919.5" in msg


def test_bad_ambiguous_thousands_in_a_tab_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("门店\t销量\n沪康\t1,919\n苏润\t2,500\n".encode("utf-16"))
    msg = expect(path, BadValueError, column="销量", row=2, like=None)
    assert "1919" in msg and "1.919" in msg


def test_commas_in_text_columns_stay_text(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('门店,备注,达成\n沪康,"1,2号店",9%\n苏润,"3,4",12%\n', encoding="utf-8")
    out = kl.read_table(path)
    assert out["备注"].tolist() == ["1,2号店", "3,4"] and out["达成"].tolist() == ["9%", "12%"]
