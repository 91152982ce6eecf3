"""One consistent world of data (issue 12): invariants that hold on every data variant the course uses.

- sell-out stores of a chain never exceed its ``store_count``, and every chain (so every key account a
  module may use: m06, m10) has sell-out rows;
- the doctors' target screening is sound: one unit per column, so community doctors do not float to the
  top by a unit artefact;
- every name is fictional: no real pharmacy chain, distributor or pharma company in any shipped text;
- one unit per column across all data sets, and the values fit it.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import m06, m10
from kamlab._errors import BadValueError
from kamlab.course._shared import default_account
from kamlab.datasets._schema import SCHEMAS

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = range(8)


# ---------------------------------------------------------------------- 1. sell-out and chains
@pytest.mark.parametrize("v", VARIANTS)
def test_sellout_stores_never_exceed_store_count(v):
    sellout, chains = kl.datasets.load("sellout", variant=v), kl.datasets.load("chains", variant=v)
    stores = sellout.groupby("chain_id")["store_id"].nunique()
    count = chains.set_index("chain_id")["store_count"]
    assert set(stores.index) <= set(count.index)
    over = stores[stores > count.reindex(stores.index)]
    assert over.empty, f"variant {v}: sell-out stores exceed store_count: {over.to_dict()}"
    # each store belongs to one chain
    assert (sellout.groupby("store_id")["chain_id"].nunique() == 1).all()


@pytest.mark.parametrize("v", VARIANTS)
def test_every_key_account_has_sellout_rows(v):
    sellout, chains = kl.datasets.load("sellout", variant=v), kl.datasets.load("chains", variant=v)
    present = set(sellout["chain_id"])
    assert default_account(chains) in present
    assert set(chains["chain_id"]) <= present
    # m06 and m10 run on the key account itself, never on a substitute
    assert m06.sellout_chain(sellout, chains) == default_account(chains)
    assert m10.course_chain(sellout, chains) == default_account(chains)
    other = sorted(present - {default_account(chains)})[v]
    assert m06.sellout_chain(sellout, chains, other) == other


def test_missing_account_is_an_error_not_a_silent_switch():
    sellout, chains = kl.datasets.load("sellout"), kl.datasets.load("chains")
    key = default_account(chains)
    with pytest.raises(BadValueError) as err:
        m06.sellout_chain(sellout[sellout["chain_id"] != key], chains)
    assert key in str(err.value)


# ---------------------------------------------------------------------- 2. doctors
def _targets(doctors: pd.DataFrame, n: int = 20) -> pd.Index:
    table = kl.screening.screen(doctors, kl.screening.DOCTOR_TARGET_RUBRIC, id_col="doctor_id").table
    return table.sort_values("rank", kind="stable").index[:n]


@pytest.mark.parametrize("v", VARIANTS)
def test_doctor_columns_hold_one_unit(v):
    d = kl.datasets.load("doctors", variant=v)
    assert "beds_or_outpatients" not in d.columns
    # beds: a number of beds, the same for every doctor of a department; no ward in community centres
    assert (d.groupby(["hospital", "department"])["dept_beds"].nunique() == 1).all()
    assert (d.loc[d["hospital_level"] == "社区", "dept_beds"] == 0).all()
    assert d.loc[d["hospital_level"] != "社区", "dept_beds"].between(1, 200).all()
    # outpatient visits: the same unit at every level (medians within a factor of 3, no level in the thousands
    # while another is in the tens)
    med = d.groupby("hospital_level")["outpatients_month"].median()
    assert med.max() / med.min() < 3
    assert (d["outpatients_month"] >= d["patients_per_month"]).all()


@pytest.mark.parametrize("v", VARIANTS)
def test_community_doctors_do_not_float_to_the_top(v):
    d = kl.datasets.load("doctors", variant=v).set_index("doctor_id")
    top = _targets(d.reset_index())
    community = d["hospital_level"] == "社区"
    share_top = community[top].mean()
    share_doctors = community.mean()
    share_patients = d.loc[community, "patients_per_month"].sum() / d["patients_per_month"].sum()
    # not over-represented (the old mixed column gave 45 % vs 17 %) ...
    assert share_top <= share_doctors + 0.05
    # ... and near where the patients are
    assert abs(share_top - share_patients) <= 0.1


@pytest.mark.parametrize("v", VARIANTS)
def test_doctor_with_no_patients_is_not_a_target(v):
    d = kl.datasets.load("doctors", variant=v)
    p = d["patients_per_month"].astype(float)
    score = (p - p.min()) / (p.max() - p.min())
    low = set(d.loc[score < 0.05, "doctor_id"])
    assert low and not low & set(_targets(d))


def test_a_clinic_doctor_with_few_patients_is_not_a_target():
    d = kl.datasets.load("doctors")
    fake = d.iloc[[0]].assign(doctor_id="D999", hospital_level="社区", patients_per_month=d["patients_per_month"].min(),
                              dept_beds=0, outpatients_month=int(d["outpatients_month"].max()),
                              value_orientation="学术导向", influence="科室骨干", monthly_rx_units=3)
    assert "D999" not in set(_targets(pd.concat([d, fake], ignore_index=True)))


# ---------------------------------------------------------------------- 3. fictional names
#: Real Chinese pharmacy chains, distributors and pharma companies (specific enough not to match ordinary words).
REAL_NAMES = (
    "益丰", "老百姓大药房", "百姓大药房", "大参林", "一心堂", "国大药房", "海王星辰", "漱玉平民", "健之佳", "华东医药",
    "九州通", "国药控股", "国药集团", "上药控股", "上海医药", "华润", "云南白药", "同仁堂", "以岭", "修正药业",
    "999感冒灵", "三九医药", "白云山", "哈药", "康美药业", "天士力", "扬子江药业", "恒瑞医药", "复星医药", "石药集团",
    "齐鲁制药", "步长制药", "江中药业", "东阿阿胶", "片仔癀", "仁和药业", "仁和药房", "太极集团", "柳州医药",
    "瑞康医药", "鹭燕医药", "英特药业", "南京医药", "重庆医药", "华人健康", "养天和", "全亿健康", "高济医疗",
)


def _shipped_texts():
    data = resources.files("kamlab.datasets.data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".csv", ".md")):
            yield f"kamlab/datasets/data/{entry.name}", entry.read_text(encoding="utf-8")
    for folder in ("solutions", "notebooks"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            yield str(path.relative_to(ROOT)), "\n".join(json.dumps(c, ensure_ascii=False) for c in cells)
    for path in sorted((ROOT / "kamlab").rglob("*.py")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "docs").glob("*.md")) + sorted(ROOT.glob("README*")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def test_all_names_are_fictional():
    pattern = re.compile("|".join(map(re.escape, REAL_NAMES)))
    hits = [(name, m.group(0)) for name, text in _shipped_texts() for m in pattern.finditer(text)]
    assert not hits, f"real company names: {sorted(set(hits))[:20]}"


@pytest.mark.parametrize("v", VARIANTS)
def test_generated_names_are_fictional(v):
    pattern = re.compile("|".join(map(re.escape, REAL_NAMES)))
    for name, col in (("chains", "chain_name"), ("doctors", "hospital"), ("retail_sales", "retailer")):
        values = kl.datasets.load(name, variant=v)[col].unique()
        assert not [x for x in values if pattern.search(x)], (name, v)


# ---------------------------------------------------------------------- 4. one unit per column
#: Units of the data dictionaries: counts (whole numbers >= 0), amounts (>= 0), scales and shares.
COUNTS = {"家", "个", "天", "张", "人", "人次", "盒", "次"}
AMOUNTS = {"万元"}
SCALES = {"1-5分": (1, 5), "1-5": (1, 5), "0-100分": (0, 100)}
SHARES = {"%": (-100, 100), "百分点": (-100, 100)}
OTHER = {"", "YYYY-MM"}


@pytest.mark.parametrize("name", kl.datasets.names())
def test_dictionary_rows_have_one_known_unit(name):
    d = kl.datasets.dictionary(name)
    for row in d.to_dict("records"):
        unit = row["unit"]
        assert not re.search(r"[/或、,，]", unit), f"{name}.{row['column']}: mixed unit {unit!r}"
        assert unit in COUNTS | AMOUNTS | set(SCALES) | set(SHARES) | OTHER, f"{name}.{row['column']}: {unit!r}"
        assert "或" not in row["中文名"], f"{name}.{row['column']}: one measure per column"


@pytest.mark.parametrize("v", VARIANTS)
@pytest.mark.parametrize("name", kl.datasets.names())
def test_values_fit_their_unit(name, v):
    df = kl.datasets.load(name, variant=v)
    for col in SCHEMAS[name]:
        x = df[col.name]
        if col.unit in COUNTS:
            assert str(x.dtype) == "int64" and (x >= 0).all(), (name, col.name)
        elif col.unit in AMOUNTS:
            assert (x >= 0).all(), (name, col.name)
        elif col.unit in SCALES:
            lo, hi = SCALES[col.unit]
            assert x.between(lo, hi).all(), (name, col.name)
        elif col.unit in SHARES:
            lo, hi = SHARES[col.unit]
            assert x.between(lo, hi).all(), (name, col.name)
            if col.lo is not None and col.lo >= 0:   # a share of something: 0..100, never 0..1
                assert x.between(0, 100).all() and x.max() > 1, (name, col.name)
        elif col.unit == "YYYY-MM":
            assert x.str.fullmatch(r"\d{4}-\d{2}").all(), (name, col.name)
        if col.lo is not None:
            assert (x >= col.lo).all(), (name, col.name)
        if col.hi is not None:
            assert (x <= col.hi).all(), (name, col.name)


def test_shipped_dictionaries_match_the_schema():
    for name in kl.datasets.names():
        d = kl.datasets.dictionary(name)
        assert list(d["unit"]) == [c.unit for c in SCHEMAS[name]]
        assert np.all(d["column"].to_numpy() == np.array([c.name for c in SCHEMAS[name]]))
