"""Reading a trainee's own table: CSV/TSV (UTF-8, UTF-8-BOM, GBK, GB18030, UTF-16 "Unicode 文本") or XLSX.

:func:`read_table` finds the header row under title rows (and, in a
workbook, the sheet that holds it), strips header whitespace, drops empty
rows and columns, reads percent-formatted cells, thousands separators and
decimal commas as shown or refuses them when ambiguous, refuses ``inf`` /
``nan`` and rows that would shift columns and, with ``like="<data set>"``,
validates the table against a bundled data set's dictionary (Chinese headers
accepted) and gives it that data set's dtypes.  Errors name the column and
the line / Excel row the user sees in the file.  The file is only read.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "chains.csv"
>>> _ = path.write_bytes("门店名,门店数\\n沪康,120\\n苏润,80\\n".encode("gbk"))
>>> read_table(path)
  门店名  门店数
0  沪康  120
1  苏润   80
"""

from __future__ import annotations

from ._read import read_table

__all__ = ["read_table"]
