"""Answers as JSON: what a notebook's check cell records and the grader reads back.

:func:`encode` turns a trainee's answer into plain JSON data (it never
raises: an object it cannot store becomes an :class:`Opaque` stand-in with
its type name) and :func:`decode` turns that data back into Python.  Plain
JSON values stay as they are; everything else is a small object tagged with
the key ``"__kl__"``.  Decoding never imports or calls anything named in the
data, so a hostile notebook cannot run code in the grader through an answer.

The self-check in the notebook checks ``decode(encode(answer))``, exactly
what the grader will see, so the two can never disagree.

Examples
--------
>>> encode({"top": ("C01", "C07"), "share": 0.25})
{'top': {'__kl__': 'tuple', 'items': ['C01', 'C07']}, 'share': 0.25}
>>> decode(encode({"top": ("C01", "C07"), "share": 0.25}))
{'top': ('C01', 'C07'), 'share': 0.25}
>>> decode(encode(...)) is Ellipsis
True
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

from .._errors import BadValueError

__all__ = ["encode", "decode", "Record", "Opaque"]

TAG = "__kl__"
#: Deeper nesting than this is stored as an :class:`Opaque` (also stops cycles).
MAX_DEPTH = 60


class Record(dict):
    """A dataclass answer read back: a dict of its fields plus its type name.

    Fields can be read as keys or as attributes.  The original class is not
    imported (a submission must not make the grader import code).

    Examples
    --------
    >>> r = Record({"u_us": 70.0, "u_them": 60.0}, type_name="kamlab.negotiation.Evaluation")
    >>> r.u_us, r["u_them"], r.type_name
    (70.0, 60.0, 'kamlab.negotiation.Evaluation')
    """

    def __init__(self, fields: Mapping[str, Any] = (), *, type_name: str = "") -> None:
        super().__init__(fields)
        self.type_name = type_name

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record):
            return self.type_name == other.type_name and dict.__eq__(self, other)
        return dict.__eq__(self, other)  # type: ignore[arg-type]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Record({dict.__repr__(self)}, type_name={self.type_name!r})"


@dataclasses.dataclass(frozen=True)
class Opaque:
    """Stand-in for an answer kamlab cannot store (a function, a file handle ...).

    Checks see it as an answer of the wrong type.

    Examples
    --------
    >>> decode(encode(print))
    Opaque(type_name='builtin_function_or_method', text='<built-in function print>')
    """

    type_name: str
    text: str


# --------------------------------------------------------------------- encode
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


# --------------------------------------------------------------------- decode
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
