"""kamlab.grading encode/decode: answers survive the trip through a notebook's JSON output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import pandas as hpd

from kamlab import BadValueError
from kamlab.grading import Opaque, Record, decode, encode
from kamlab.answers import MAX_DEPTH


def trip(answer):
    """encode -> strict JSON text (as in an .ipynb) -> decode."""
    text = json.dumps(encode(answer), allow_nan=False, ensure_ascii=False)
    return decode(json.loads(text))


def same(a, b) -> bool:
    """Equal in value AND type; nan equals nan."""
    if type(a) is not type(b):
        return False
    if a is b:                                   # NaT, NA, Ellipsis
        return True
    if isinstance(a, float) or isinstance(a, np.floating):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (set, frozenset)):
        return a == b
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    return a == b


@pytest.mark.parametrize("answer", [
    None, True, False, 0, -7, 2**70, 0.1, -0.0, 1e300, float("nan"), float("inf"), float("-inf"),
    "", "华东 沪康大药房", "__kl__", [], (), {}, [1, [2, (3, "x")]], (1,), {"a": 1, "b": [1.5, None]},
    {1: "one", 2.5: "x", ("a", 1): [1], None: 0, True: "t"}, {"__kl__": "not a tag"}, {3, 1, 2},
    frozenset({"C01", "C02"}), Ellipsis, [..., 1], b"\x00bytes", 1 + 2j,
    dt.date(2026, 11, 24), dt.datetime(2026, 11, 24, 9, 30), pd.Timestamp("2026-11-24 09:30"),
    pd.Timedelta(days=2), pd.NaT, pd.NA,
    np.int64(5), np.int8(-3), np.uint16(7), np.float32(1.5), np.float64("nan"), np.bool_(True),
    np.str_("C01"), np.datetime64("2026-03-01"), np.timedelta64(3, "D"),
])
def test_round_trip_values(answer):
    assert same(trip(answer), answer), (answer, trip(answer))


def test_encoded_data_is_plain_json_and_ellipsis_is_tagged():
    data = encode({"q": [np.int64(1), ..., float("nan")]})
    json.dumps(data, allow_nan=False)
    assert data == {"q": [{"__kl__": "npscalar", "dtype": "int64", "v": 1}, {"__kl__": "ellipsis"},
                          {"__kl__": "float", "v": "nan"}]}
    assert trip(...) is Ellipsis


@pytest.mark.parametrize("arr", [
    np.arange(6).reshape(2, 3), np.array([1.5, np.nan, -np.inf]), np.array([True, False]),
    np.array(["C01", "华东"]), np.array([], dtype="float64"), np.zeros((2, 0, 3)),
    np.array(["2026-01-01", "NaT"], dtype="datetime64[D]"), np.array([1, "a", None], dtype=object),
    np.float64(3.0) * np.ones((1, 1)),
])
def test_round_trip_arrays(arr):
    back = trip(arr)
    assert back.dtype == arr.dtype and back.shape == arr.shape
    if arr.dtype.kind == "O":
        assert back.tolist() == arr.tolist()
    else:
        np.testing.assert_array_equal(back, arr)


def test_round_trip_dataframe_keeps_dtypes_and_index():
    df = pd.DataFrame({
        "store_count": [120, 300],
        "annual_sales": [5000.5, np.nan],
        "chain_name": ["沪康大药房", None],
        "chain_type": pd.Categorical(["NKA", "LKA"], categories=["NKA", "LKA"], ordered=True),
        "since": pd.to_datetime(["2020-01-01", None]),
        "core": [True, False],
        "willingness": pd.array([3, None], dtype="Int64"),
        "tags": [["a"], ("b",)],
    }, index=pd.Index(["C01", "C02"], name="chain_id"))
    pd.testing.assert_frame_equal(trip(df), df)


def test_round_trip_series_multiindex_and_odd_columns():
    s = pd.Series([1.0, 2.0], name=("u", 1),
                  index=pd.MultiIndex.from_tuples([("华东", 1), ("华北", 2)], names=["region", "n"]))
    pd.testing.assert_series_equal(trip(s), s)
    df = pd.DataFrame([[1, 2, 3]], columns=[0, "a", 0])               # duplicated / mixed labels
    pd.testing.assert_frame_equal(trip(df), df)
    wide = pd.DataFrame({("x", "a"): [1], ("x", "b"): [2.0]})        # MultiIndex columns
    pd.testing.assert_frame_equal(trip(wide), wide)
    ri = pd.DataFrame({"a": [1, 2, 3]}, index=pd.RangeIndex(10, 16, 2, name="row"))
    pd.testing.assert_frame_equal(trip(ri), ri)
    pd.testing.assert_index_equal(trip(pd.Index([3, 1], name="k")), pd.Index([3, 1], name="k"))
    pd.testing.assert_frame_equal(trip(pd.DataFrame()), pd.DataFrame())


def test_dataclasses_become_records_and_results_their_table():
    @dataclasses.dataclass(frozen=True)
    class Evaluation:
        u_us: float
        violations: tuple

    back = trip(Evaluation(70.0, ("回款账期",)))
    assert isinstance(back, Record)
    assert back == {"u_us": 70.0, "violations": ("回款账期",)}
    assert back.u_us == 70.0 and back.type_name.endswith("Evaluation")
    assert same(trip(back), back) and trip(back).type_name == back.type_name

    from kamlab._result import TableResult
    table = pd.DataFrame({"total": [81.5, 40.0]}, index=pd.Index(["C01", "C02"], name="chain_id"))
    pd.testing.assert_frame_equal(trip(TableResult(table)), table)


def test_unstorable_answers_become_opaque_and_encode_never_raises():
    class Broken:
        def __repr__(self):
            raise RuntimeError("no")

        @property
        def table(self):
            raise RuntimeError("no")

    for obj in (print, Broken(), iter([1]), object()):
        back = trip(obj)
        assert isinstance(back, Opaque)
    assert trip(print).type_name == "builtin_function_or_method"
    cycle: list = []
    cycle.append(cycle)
    back = trip(cycle)
    depth = 0
    while isinstance(back, list):
        back, depth = back[0], depth + 1
    assert isinstance(back, Opaque) and depth == MAX_DEPTH


@pytest.mark.parametrize("data", [
    {"__kl__": "pickle", "v": "gASV"},
    {"__kl__": "ndarray", "dtype": "int64", "shape": [3], "data": [1, 2]},
    {"__kl__": "tuple"},
    {"__kl__": "dataframe", "index": {"range": [0, 1, 1], "names": [None]},
     "columns": {"range": [0, 2, 1], "names": [None]}, "data": []},
    {"__kl__": "npscalar", "dtype": "not-a-dtype", "v": 1},
    {"__kl__": "float", "v": "many"},
    object(),
])
def test_corrupt_data_raises_one_clear_error(data):
    with pytest.raises(BadValueError) as err:
        decode(data)
    assert "损坏" in err.value.zh and "corrupt" in err.value.en


def test_decode_never_imports_the_type_it_names():
    back = decode({"__kl__": "record", "type": "os.system", "fields": {"cmd": "echo hi"}})
    assert isinstance(back, Record) and back.type_name == "os.system" and back == {"cmd": "echo hi"}


# ------------------------------------------------------------------ properties
scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=8) | st.just(Ellipsis)
           | st.integers(-2**31, 2**31 - 1).map(np.int64) | st.floats(width=32).map(np.float32))
keys = st.text(max_size=6) | st.integers() | st.tuples(st.integers(), st.text(max_size=3))
jsonish = st.recursive(
    scalars,
    lambda children: (st.lists(children, max_size=4)
                      | st.lists(children, max_size=4).map(tuple)
                      | st.dictionaries(st.text(max_size=6), children, max_size=4)
                      | st.dictionaries(keys, children, max_size=4)),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(jsonish)
def test_round_trip_property(answer):
    assert same(trip(answer), answer)


@settings(max_examples=60, deadline=None)
@given(hpd.data_frames(
    columns=[hpd.column("i", dtype="int64"), hpd.column("f", dtype="float64"),
             hpd.column("b", dtype="bool"), hpd.column("s", elements=st.text(max_size=5) | st.none())],
    index=hpd.indexes(elements=st.text(max_size=4), unique=True, dtype=object) | hpd.range_indexes()))
def test_round_trip_dataframes_property(df):
    back = trip(df)
    pd.testing.assert_frame_equal(back, df)
    pd.testing.assert_series_equal(trip(df["f"]), df["f"])
