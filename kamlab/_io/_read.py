"""Reading a trainee's own table: :func:`read_table`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .._errors import BadFileError, EmptyTableError, KamlabInputError, MissingColumnError
from ..datasets import attrs, check_name  # the data dictionaries of like=...: see _schema_check.py
from ._files import _CSV_SUFFIXES, _XLSX_SUFFIXES, _bad_file, _csv_grid, _read_bytes, _Where
from ._frame import _infer, _to_frame
from ._numbers import _normalise_numbers
from ._schema_check import _column_kinds, _expected, _validate
from ._xlsx import _xlsx_grid

__all__ = ["read_table"]


def _naming_sheets(err: KamlabInputError, file: str, sheet: str, names: list[str]) -> KamlabInputError:
    """*err* with the workbook's sheets listed: the table may be on another one."""
    return type(err)(
        err.zh + f"（已读取工作表 {sheet}；{file} 中的工作表：{'、'.join(names)}。"
        "若表格在另一张工作表上，请用 sheet='名称' 指定。）",
        err.en + f" (Read sheet {sheet}; the sheets of {file} are: {', '.join(names)}. "
        "If the table is on another sheet, pass sheet='<name>'.)",
        column=err.column, row=err.row)


def read_table(path: str | Path, *, like: str | None = None, sheet: int | str | None = None) -> pd.DataFrame:
    """Read a CSV or XLSX table, optionally validated like a bundled data set.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` / ``.txt`` (UTF-8, UTF-8 with BOM, GBK, GB18030, or UTF-16
        with BOM as Excel's "Unicode 文本"; comma, tab or semicolon
        separated) or ``.xlsx`` file.  Title rows above the header,
        whitespace around headers and fully empty rows/columns are handled.
        Thousands separators (``"1,919"``) and decimal commas (``353032,5``
        in a semicolon file) are read when the file makes them unambiguous;
        percent-formatted Excel cells give the number shown (20.9 for
        20.9%).  The file is opened read-only and never modified.
    like : str, optional
        Name of a bundled data set (``"chains"``, ``"sellout"``, ...): the
        table must have that data set's columns (English names or the
        Chinese names of its dictionary), valid values and unique ids; the
        result has that data set's column order and dtypes (extra columns
        follow).
    sheet : int or str, optional
        Excel sheet by position or name.  By default the sheet whose header
        has the columns of *like* (else the first sheet with content).

    Returns
    -------
    DataFrame
        Index 0..n-1; ``.attrs["source"]`` is the file path, and with *like*
        also ``.attrs["columns"]`` and ``.attrs["description"]``.

    Raises
    ------
    BadFileError
        Missing, unreadable, wrongly encoded or unsupported file; duplicated
        header; a row with more fields than the header (an unquoted ``1,919``).
    EmptyTableError
        No header or no data rows.
    MissingColumnError, BadValueError, DuplicateIdError
        With *like*: a missing/misspelt column, a bad or empty value, a
        repeated id; the message names the column and the file line (CSV) or
        Excel row.  With or without *like*: ``inf``, ``nan`` or an Excel error
        in a numeric column, a column mixing decimal commas and decimal
        points, or a ``1,919`` the file leaves ambiguous (BadValueError).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import kamlab as kl
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> kl.datasets.load("chains").head(3).to_csv(folder / "mine.csv", index=False, encoding="gbk")
    >>> df = kl.read_table(folder / "mine.csv", like="chains")
    >>> df.shape, str(df["store_count"].dtype)
    ((3, 19), 'int64')
    >>> _ = (folder / "bad.csv").write_text("chain_id,store_cnt\\nC01,12\\n", encoding="utf-8")
    >>> kl.read_table(folder / "bad.csv", like="chains")
    Traceback (most recent call last):
    ...
    kamlab._errors.MissingColumnError: 文件 bad.csv 第 1 行（表头）缺少列 'chain_name'（连锁名称）...
    """
    if like is not None:
        like = check_name(like)
    try:
        p = Path(path).expanduser()
    except TypeError:
        raise BadFileError(f"路径 {path!r} 无效。请给出 CSV 或 XLSX 文件的路径（字符串）。",
                           f"Path {path!r} is not valid. Give the path of a CSV or XLSX file as a string.") from None
    data = _read_bytes(p)
    if not data.strip():
        raise EmptyTableError(f"文件 {p.name} 是空的（0 行）。请检查是否保存了数据。",
                              f"File {p.name} is empty (0 lines). Check that the data were saved.")
    suffix = p.suffix.lower()
    is_zip = data[:4] == b"PK\x03\x04"
    expected = _expected(like)
    delimiter: str | None = None
    sheets: list[str] = []
    if suffix in _XLSX_SUFFIXES or (is_zip and suffix not in _CSV_SUFFIXES):
        rows, lines, sheet_name, names = _xlsx_grid(p, data, sheet, expected)
        where = _Where(p, sheet_name)
        sheets = names if len(names) > 1 else []
    elif suffix == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _bad_file(p, "是旧版 Excel（.xls）格式，无法读取。请在 Excel 中另存为 .xlsx 或 CSV UTF-8。",
                        "is an old Excel (.xls) workbook, which cannot be read. Save it as .xlsx or CSV UTF-8.")
    elif suffix in _CSV_SUFFIXES or suffix == "":
        rows, lines, delimiter = _csv_grid(p, data)
        where = _Where(p, None)
    else:
        raise _bad_file(p, f"格式 '{suffix}' 不受支持。请使用 .csv 或 .xlsx 文件。",
                        f"format '{suffix}' is not supported. Use a .csv or .xlsx file.")
    try:
        frame, file_rows, header_line = _to_frame(p, rows, lines, where, expected, text_file=delimiter is not None)
        frame = _normalise_numbers(frame, file_rows, where, delimiter, _column_kinds(list(frame.columns), like))
        if like is None:
            out = _infer(frame)
        else:
            out = _validate(frame, file_rows, header_line, like, where)
            out.attrs.update(attrs(like))
    except (MissingColumnError, EmptyTableError) as err:
        if not sheets:
            raise
        raise _naming_sheets(err, p.name, where.sheet or "", sheets) from None
    out.attrs["source"] = str(p)
    if where.sheet is not None:
        out.attrs["sheet"] = where.sheet
    return out
