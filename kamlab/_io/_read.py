"""Reading a trainee's own table: :func:`read_table`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .._errors import BadFileError, EmptyTableError
from ..datasets import attrs, check_name  # the data dictionaries of like=...: see _schema_check.py
from ._files import _CSV_SUFFIXES, _XLSX_SUFFIXES, _bad_file, _csv_grid, _read_bytes, _Where, _xlsx_grid
from ._frame import _infer, _to_frame
from ._schema_check import _expected, _validate

__all__ = ["read_table"]


def read_table(path: str | Path, *, like: str | None = None, sheet: int | str = 0) -> pd.DataFrame:
    """Read a CSV or XLSX table, optionally validated like a bundled data set.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (UTF-8, UTF-8 with BOM, GBK or GB18030; comma, tab or
        semicolon separated) or ``.xlsx`` file.  Title rows above the header,
        whitespace around headers and fully empty rows/columns are handled.
        The file is opened read-only and never modified.
    like : str, optional
        Name of a bundled data set (``"chains"``, ``"sellout"``, ...): the
        table must have that data set's columns (English names or the
        Chinese names of its dictionary), valid values and unique ids; the
        result has that data set's column order and dtypes (extra columns
        follow).
    sheet : int or str, default 0
        Excel sheet by position or name.

    Returns
    -------
    DataFrame
        Index 0..n-1; ``.attrs["source"]`` is the file path, and with *like*
        also ``.attrs["columns"]`` and ``.attrs["description"]``.

    Raises
    ------
    BadFileError
        Missing, unreadable, wrongly encoded or unsupported file; duplicated
        header.
    EmptyTableError
        No header or no data rows.
    MissingColumnError, BadValueError, DuplicateIdError
        With *like*: a missing/misspelt column, a bad or empty value, a
        repeated id; the message names the column and the file line (CSV) or
        Excel row.

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
    if suffix in _XLSX_SUFFIXES or (is_zip and suffix not in _CSV_SUFFIXES):
        rows, lines, sheet_name = _xlsx_grid(p, data, sheet)
        where = _Where(p, sheet_name)
    elif suffix == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _bad_file(p, "是旧版 Excel（.xls）格式，无法读取。请在 Excel 中另存为 .xlsx 或 CSV UTF-8。",
                        "is an old Excel (.xls) workbook, which cannot be read. Save it as .xlsx or CSV UTF-8.")
    elif suffix in _CSV_SUFFIXES or suffix == "":
        rows, lines = _csv_grid(p, data)
        where = _Where(p, None)
    else:
        raise _bad_file(p, f"格式 '{suffix}' 不受支持。请使用 .csv 或 .xlsx 文件。",
                        f"format '{suffix}' is not supported. Use a .csv or .xlsx file.")
    frame, file_rows, header_line = _to_frame(p, rows, lines, where, _expected(like))
    if like is None:
        out = _infer(frame)
    else:
        out = _validate(frame, file_rows, header_line, like, where)
        out.attrs.update(attrs(like))
    out.attrs["source"] = str(p)
    return out
