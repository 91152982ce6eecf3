"""Answers back from JSON: :func:`decode`, the inverse of :func:`~kamlab.answers.encode`.

Decoding never imports or calls anything named in the data, so a hostile
notebook cannot run code in the grader through an answer.

Examples
--------
>>> decode({"__kl__": "set", "items": ["C01"]})
{'C01'}
"""

from __future__ import annotations

import base64
import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from ._types import TAG, Opaque, Record

__all__ = ["decode"]


def _bad(detail: str) -> BadValueError:
    return BadValueError(
        f"记录的答案数据已损坏（{detail}）。请在笔记本里重新运行这道题的答案单元格和检查单元格。",
        f"The recorded answer data is corrupt ({detail}). Re-run the question's answer cell "
        f"and check cell in the notebook.")


def _dtype(text: Any) -> Any:
    if not isinstance(text, str):
        raise _bad("dtype")
    return pd.api.types.pandas_dtype(text)


def _decode_column(spec: Mapping[str, Any]) -> Any:
    """Return an array-like (numpy or pandas extension array) for one column."""
    dtype = _dtype(spec["dtype"])
    if isinstance(dtype, pd.CategoricalDtype) or spec["dtype"] == "category":
        cats = _decode_index_column(spec["categories"])
        codes = np.asarray(spec["codes"], dtype="i8")
        return pd.Categorical.from_codes(codes, categories=cats, ordered=bool(spec["ordered"]))
    if "i8" in spec:
        return np.asarray(spec["i8"], dtype="i8").view(dtype)
    values = [_dec(v) for v in spec["values"]]
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        arr = np.empty(len(values), dtype=object)
        for i, v in enumerate(values):
            arr[i] = v
        return arr
    return pd.array(values, dtype=dtype)


def _decode_index_column(spec: Mapping[str, Any]) -> pd.Index:
    values = _decode_column(spec)
    return pd.Index(values, dtype=values.dtype if not isinstance(values, pd.Categorical) else None,
                    tupleize_cols=False)


def _decode_index(spec: Mapping[str, Any]) -> pd.Index:
    names = [_dec(n) for n in spec["names"]]
    if "range" in spec:
        start, stop, step = (int(x) for x in spec["range"])
        return pd.RangeIndex(start, stop, step, name=names[0])
    if "levels" in spec:
        arrays = [_decode_index_column(level) for level in spec["levels"]]
        return pd.MultiIndex.from_arrays(arrays, names=names)
    idx = _decode_index_column(spec["column"])
    idx.name = names[0]
    return idx


def _dec(obj: Any) -> Any:
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, list):
        return [_dec(v) for v in obj]
    if not isinstance(obj, dict):
        raise _bad(f"unexpected {type(obj).__name__}")
    if TAG not in obj:
        return {k: _dec(v) for k, v in obj.items()}
    tag = obj[TAG]
    if tag == "ellipsis":
        return Ellipsis
    if tag == "float":
        return float(obj["v"])
    if tag == "tuple":
        return tuple(_dec(v) for v in obj["items"])
    if tag == "set":
        return {_dec(v) for v in obj["items"]}
    if tag == "frozenset":
        return frozenset(_dec(v) for v in obj["items"])
    if tag == "dict":
        return {_dec(k): _dec(v) for k, v in obj["items"]}
    if tag == "complex":
        re_, im = obj["v"]
        return complex(_dec(re_), _dec(im))
    if tag == "bytes":
        return base64.b64decode(obj["v"])
    if tag == "na":
        return pd.NA
    if tag == "nat":
        return pd.NaT
    if tag == "timestamp":
        return pd.Timestamp(obj["v"])
    if tag == "timedelta":
        return pd.Timedelta(int(obj["ns"]), unit="ns")
    if tag == "datetime":
        return _dt.datetime.fromisoformat(obj["v"])
    if tag == "date":
        return _dt.date.fromisoformat(obj["v"])
    if tag == "npscalar":
        dtype = np.dtype(obj["dtype"])
        if "i8" in obj:
            return np.asarray(int(obj["i8"]), dtype="i8").view(dtype)[()]
        return dtype.type(_dec(obj["v"]))
    if tag == "ndarray":
        dtype = np.dtype(obj["dtype"])
        shape = tuple(int(n) for n in obj["shape"])
        if "i8" in obj:
            flat = np.asarray(obj["i8"], dtype="i8").view(dtype)
        elif dtype.kind == "O":
            values = [_dec(v) for v in obj["data"]]
            flat = np.empty(len(values), dtype=object)
            for i, v in enumerate(values):
                flat[i] = v
        else:
            flat = np.asarray([_dec(v) for v in obj["data"]], dtype=dtype)
        if flat.size != math.prod(shape):
            raise _bad("array shape")
        return flat.reshape(shape)
    if tag == "series":
        index = _decode_index(obj["index"])
        return pd.Series(_decode_column(obj["data"]), index=index, name=_dec(obj["name"]), copy=False)
    if tag == "dataframe":
        index = _decode_index(obj["index"])
        columns = _decode_index(obj["columns"])
        data = [_decode_column(c) for c in obj["data"]]
        if len(data) != len(columns):
            raise _bad("columns")
        df = pd.DataFrame({i: pd.Series(col, index=index, copy=False) for i, col in enumerate(data)},
                          index=index)
        df.columns = columns
        return df
    if tag == "index":
        return _decode_index(obj["index"])
    if tag == "record":
        return Record({str(k): _dec(v) for k, v in obj["fields"].items()}, type_name=str(obj["type"]))
    if tag == "opaque":
        return Opaque(str(obj["type"]), str(obj["text"]))
    raise _bad(f"unknown tag {tag!r}")


def decode(data: Any) -> Any:
    """Turn data made by :func:`encode` back into the answer.

    Dataclasses come back as a :class:`Record` (a dict of their fields with
    ``type_name``), kamlab results as their table.

    Parameters
    ----------
    data : object
        JSON data as :func:`encode` made it (e.g. read from a notebook output).

    Returns
    -------
    object
        The answer.

    Raises
    ------
    kamlab.BadValueError
        When *data* is not something :func:`encode` makes (corrupt output).

    Examples
    --------
    >>> decode({"__kl__": "tuple", "items": [1, {"__kl__": "float", "v": "inf"}]})
    (1, inf)
    >>> decode({"__kl__": "python-object", "v": "os.system"})
    Traceback (most recent call last):
    ...
    kamlab._errors.BadValueError: 记录的答案数据已损坏（unknown tag 'python-object'）。...
    """
    try:
        return _dec(data)
    except BadValueError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, OverflowError) as exc:
        raise _bad(type(exc).__name__) from None
    except RecursionError:
        raise _bad("too deeply nested") from None
