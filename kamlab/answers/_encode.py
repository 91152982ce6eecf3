"""Answers to JSON: :func:`encode` a trainee's answer as plain JSON data (never raises).

Examples
--------
>>> encode((1, "C01"))
{'__kl__': 'tuple', 'items': [1, 'C01']}
"""


from __future__ import annotations

import base64
import dataclasses
import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._types import MAX_DEPTH, TAG, Opaque, Record

__all__ = ["encode"]


def _type_name(obj: Any) -> str:
    cls = type(obj)
    mod = cls.__module__
    return cls.__qualname__ if mod == "builtins" else f"{mod}.{cls.__qualname__}"


def _opaque(obj: Any) -> dict:
    try:
        text = repr(obj)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not break the check
        text = "<unprintable>"
    return {TAG: "opaque", "type": _type_name(obj), "text": text[:500]}


def _float(x: float) -> Any:
    if math.isfinite(x):
        return x
    return {TAG: "float", "v": "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")}


def _values(values: Any, depth: int) -> list:
    """Encode a 1-d sequence of values (numpy array, pandas array or list)."""
    return [_enc(v, depth) for v in values]


def _column(col: pd.Series | pd.Index, depth: int) -> dict:
    dtype = col.dtype
    out: dict[str, Any] = {"dtype": str(dtype)}
    kind = getattr(dtype, "kind", "O")
    if isinstance(dtype, pd.CategoricalDtype):
        out["categories"] = _column(pd.Index(dtype.categories), depth)
        out["ordered"] = bool(dtype.ordered)
        out["codes"] = np.asarray(col.codes if isinstance(col, pd.CategoricalIndex)
                                  else col.cat.codes).tolist()
        return out
    if isinstance(dtype, np.dtype) and kind in "iub":
        out["values"] = np.asarray(col).tolist()          # plain JSON already
    elif isinstance(dtype, np.dtype) and kind in "Mm":
        out["i8"] = np.asarray(col).view("i8").tolist()   # NaT is the minimum int64
    else:
        out["values"] = _values(np.asarray(col, dtype=object), depth)
    return out


def _index(idx: pd.Index, depth: int) -> dict:
    names = [_enc(n, depth) for n in idx.names]
    if isinstance(idx, pd.RangeIndex):
        return {"range": [idx.start, idx.stop, idx.step], "names": names}
    if isinstance(idx, pd.MultiIndex):
        return {"levels": [_column(idx.get_level_values(i), depth) for i in range(idx.nlevels)],
                "names": names}
    return {"column": _column(idx, depth), "names": names}


def _enc(obj: Any, depth: int) -> Any:
    depth += 1
    if depth > MAX_DEPTH:
        return _opaque(obj)
    if obj is None or isinstance(obj, (bool, str)) and type(obj) in (bool, str):
        return obj
    if obj is Ellipsis:
        return {TAG: "ellipsis"}
    if isinstance(obj, np.generic):
        return _scalar(obj, depth)
    if type(obj) is int:
        return obj
    if type(obj) is float:
        return _float(obj)
    if isinstance(obj, bool):
        return bool(obj)
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float):
        return _float(float(obj))
    if isinstance(obj, str):
        return str(obj)
    if isinstance(obj, complex):
        return {TAG: "complex", "v": [_float(obj.real), _float(obj.imag)]}
    if isinstance(obj, (bytes, bytearray)):
        return {TAG: "bytes", "v": base64.b64encode(bytes(obj)).decode("ascii")}
    if isinstance(obj, list):
        return [_enc(v, depth) for v in obj]
    if isinstance(obj, tuple):
        return {TAG: "tuple", "items": [_enc(v, depth) for v in obj]}
    if isinstance(obj, (set, frozenset)):
        items = [_enc(v, depth) for v in obj]
        items.sort(key=repr)  # sets have no order; make the record deterministic
        return {TAG: "frozenset" if isinstance(obj, frozenset) else "set", "items": items}
    if isinstance(obj, Record):
        return {TAG: "record", "type": obj.type_name,
                "fields": {str(k): _enc(v, depth) for k, v in obj.items()}}
    if isinstance(obj, dict):
        if all(type(k) is str for k in obj) and TAG not in obj:
            return {k: _enc(v, depth) for k, v in obj.items()}
        return {TAG: "dict", "items": [[_enc(k, depth), _enc(v, depth)] for k, v in obj.items()]}
    if obj is pd.NA:
        return {TAG: "na"}
    if obj is pd.NaT:
        return {TAG: "nat"}
    if isinstance(obj, pd.Timestamp):
        return {TAG: "timestamp", "v": obj.isoformat()}
    if isinstance(obj, pd.Timedelta):
        return {TAG: "timedelta", "ns": int(obj.value)}
    if isinstance(obj, _dt.datetime):
        return {TAG: "datetime", "v": obj.isoformat()}
    if isinstance(obj, _dt.date):
        return {TAG: "date", "v": obj.isoformat()}
    if isinstance(obj, pd.DataFrame):
        return {TAG: "dataframe", "index": _index(obj.index, depth),
                "columns": _index(obj.columns, depth),
                "data": [_column(obj.iloc[:, i], depth) for i in range(obj.shape[1])]}
    if isinstance(obj, pd.Series):
        return {TAG: "series", "name": _enc(obj.name, depth), "index": _index(obj.index, depth),
                "data": _column(obj, depth)}
    if isinstance(obj, pd.Index):
        return {TAG: "index", "index": _index(obj, depth)}
    if isinstance(obj, np.ndarray):
        return _array(obj, depth)
    if isinstance(obj, Opaque):
        return {TAG: "opaque", "type": obj.type_name, "text": obj.text}
    try:  # kamlab results: the answer is their table
        table = getattr(obj, "table", None)
    except Exception:  # noqa: BLE001
        table = None
    if isinstance(table, pd.DataFrame):
        return _enc(table, depth - 1)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        try:
            fields = {f.name: _enc(getattr(obj, f.name), depth) for f in dataclasses.fields(obj)}
        except Exception:  # noqa: BLE001
            return _opaque(obj)
        return {TAG: "record", "type": _type_name(obj), "fields": fields}
    if isinstance(obj, Mapping):
        try:
            return _enc(dict(obj), depth - 1)
        except Exception:  # noqa: BLE001
            return _opaque(obj)
    return _opaque(obj)


def _scalar(obj: np.generic, depth: int) -> dict:
    dtype = obj.dtype
    if dtype.kind in "Mm":
        return {TAG: "npscalar", "dtype": str(dtype), "i8": int(np.asarray(obj).view("i8"))}
    if dtype.kind == "O" or dtype.kind == "V":
        return _opaque(obj)
    return {TAG: "npscalar", "dtype": str(dtype), "v": _enc(obj.item(), depth)}


def _array(arr: np.ndarray, depth: int) -> dict:
    dtype = arr.dtype
    out: dict[str, Any] = {TAG: "ndarray", "dtype": str(dtype), "shape": list(arr.shape)}
    flat = arr.reshape(-1)
    if dtype.kind in "iub":
        out["data"] = flat.tolist()
    elif dtype.kind in "Mm":
        out["i8"] = flat.view("i8").tolist()
    elif dtype.kind == "V":
        return _opaque(arr)
    else:
        out["data"] = [_enc(v, depth) for v in flat.tolist()] if dtype.kind != "O" \
            else _values(flat, depth)
    return out


def encode(answer: Any) -> Any:
    """Turn an answer into JSON-able data; never raises.

    Handles None, bool, int, float (nan and inf included), str, list, tuple,
    set, dict (any keys), numpy scalars and arrays, pandas DataFrame, Series
    and Index (dtypes and index kept), dates, dataclasses (their fields and
    type name), kamlab results (their ``.table``) and ``...`` (not answered).
    Anything else becomes an :class:`Opaque` with its type name.

    Parameters
    ----------
    answer : object
        The trainee's answer.

    Returns
    -------
    object
        Data made of dict, list, str, int, float, bool and None only.

    Examples
    --------
    >>> encode([1, 2.5, "华东", None])
    [1, 2.5, '华东', None]
    >>> encode(float("nan"))
    {'__kl__': 'float', 'v': 'nan'}
    >>> import pandas as pd
    >>> encode(pd.Series([3, 4], index=["C01", "C02"], name="store_count"))["data"]
    {'dtype': 'int64', 'values': [3, 4]}
    """
    return _enc(answer, 0)

