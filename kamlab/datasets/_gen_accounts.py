"""Generators of the account data sets: ``chains`` (m02, m09) and ``doctors`` (m11).

All names of chains and hospitals are fictional; the cities are real cities of 华东.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._gen_random import _pick, _scale, rng_for
from ._schema import PROVINCES, SCHEMAS

CITIES = {
    "上海": ("上海", "苏州", "嘉兴"),
    "江苏": ("南京", "苏州", "无锡", "常州", "南通", "扬州", "徐州"),
    "浙江": ("杭州", "宁波", "温州", "绍兴", "嘉兴", "金华", "台州"),
    "安徽": ("合肥", "芜湖", "蚌埠", "安庆", "马鞍山"),
    "山东": ("济南", "青岛", "烟台", "潍坊", "临沂", "淄博"),
    "福建": ("福州", "厦门", "泉州", "漳州", "莆田"),
    "江西": ("南昌", "赣州", "九江", "上饶", "宜春"),
}
_PREFIX = {"上海": "沪", "江苏": "苏", "浙江": "浙", "安徽": "皖", "山东": "鲁", "福建": "闽", "江西": "赣"}
_MIDDLE = ("康", "润", "济", "仁", "和", "安", "泰", "民", "寿", "华", "信", "德", "嘉", "福", "瑞", "源")
_SUFFIX = ("大药房", "堂连锁", "医药连锁", "药店", "药业连锁")


def _chains(variant: int) -> pd.DataFrame:
    rng = rng_for("chains", variant)
    n = 36
    prov = rng.choice(len(PROVINCES), n, p=[0.15, 0.2, 0.2, 0.12, 0.15, 0.1, 0.08])
    middle = np.empty(n, dtype=object)
    for p in range(len(PROVINCES)):  # unique (prefix, middle) within a province: 7 draws, not rows
        rows = np.flatnonzero(prov == p)
        middle[rows] = rng.choice(np.array(_MIDDLE, dtype=object), len(rows), replace=False)
    suffix = rng.choice(np.array(_SUFFIX, dtype=object), n)
    province = np.array(PROVINCES, dtype=object)[prov]
    names = [_PREFIX[p] + m + s for p, m, s in zip(province, middle, suffix)]
    hq = np.array([CITIES[p][0] if u < 0.6 else CITIES[p][1 + int(u * 10) % (len(CITIES[p]) - 1)]
                   for p, u in zip(province, rng.random(n))], dtype=object)

    size = rng.normal(0, 1, n)                       # latent scale
    fit = rng.normal(0, 1, n) + 0.25 * size          # latent fit / willingness
    stores = np.clip(np.round(np.exp(np.log(260) + 1.0 * size)), 30, 3000).astype(np.int64)
    z = (np.log(stores) - np.log(stores).mean()) / np.log(stores).std()
    cities = np.clip(np.round(stores ** 0.6 * rng.uniform(0.35, 0.75, n)), 1, 90).astype(np.int64)
    chain_type = np.where(stores >= 500, "NKA", "LKA")
    own = _pick(rng, np.tile([0.5, 0.3, 0.2], (n, 1)))
    ownership = np.array(["直营", "半直营", "加盟"], dtype=object)[own]
    sales = np.round(stores * rng.uniform(120, 320, n), 1)
    gm = np.round(np.clip(rng.normal(32, 6, n) - 2.0 * z, 12, 55), 1)
    cgm = np.round(np.clip(rng.normal(33, 5, n), 12, 55), 1)
    df = pd.DataFrame({
        "chain_id": [f"C{i:02d}" for i in range(1, n + 1)],
        "chain_name": names,
        "province": province,
        "hq_city": hq,
        "chain_type": chain_type,
        "ownership": ownership,
        "store_count": stores,
        "cities_covered": cities,
        "annual_sales": sales,
        "new_product_acceptance": _scale(rng, fit, 55, 15, 5, 98, 10),
        "willingness": _scale(rng, fit, 3, 0.9, 1, 5, 0.6, 0).astype(np.int64),
        "gross_margin": gm,
        "competitor_gross_margin": cgm,
        "margin_vs_competitor": np.round(gm - cgm, 1),
        "payment_days": _scale(rng, z, 60, 20, 15, 180, 15, 0).astype(np.int64),
        "cost_ratio": _scale(rng, 2.5 * z - 1.5 * fit, 12, 1, 3, 30, 2.5),
        "sales_growth_3m": _scale(rng, fit, 3, 6, -25, 40, 6),
        "clerk_recommendation": _scale(rng, fit, 45, 12, 5, 95, 10),
        "golden_display_share": _scale(rng, 12 * fit + 5 * z, 35, 1, 2, 95, 10),
    })
    return df


_HOSPITAL_NAMES = ("瑞康", "恒安", "明德", "华济", "福泽", "安和", "康宁", "益民", "长青", "松鹤", "正心", "仁泽")
_HOSPITAL_CITIES = ("上海", "南京", "杭州", "苏州", "宁波", "合肥", "济南", "青岛", "福州", "厦门", "南昌", "无锡")


def _values(column: str) -> tuple[str, ...]:
    """The allowed values of a column of ``doctors`` (from its schema)."""
    return next(c.values for c in SCHEMAS["doctors"] if c.name == column) or ()


def _doctors(variant: int) -> pd.DataFrame:
    rng = rng_for("doctors", variant)
    # 24 fictional hospitals: 8 per level, each in a real city.
    levels = np.repeat(np.array(["三级", "二级", "社区"], dtype=object), 8)
    h_city = rng.choice(np.array(_HOSPITAL_CITIES, dtype=object), 24)
    h_name = np.concatenate([rng.choice(np.array(_HOSPITAL_NAMES, dtype=object), 8, replace=False)
                             for _ in range(3)])
    kind = np.where(levels == "社区", "社区卫生服务中心", "医院")
    hospitals = _unique_names([f"{c}{m}" for c, m in zip(h_city, h_name)], kind)

    n = 240
    h = rng.choice(24, n, p=np.repeat([0.06, 0.04, 0.025], 8) / np.repeat([0.06, 0.04, 0.025], 8).sum())
    level = levels[h]
    lvl = np.select([level == "三级", level == "二级"], [0, 1], 2)
    dept = rng.choice(np.array(_values("department"), dtype=object), n, p=[0.25, 0.2, 0.2, 0.15, 0.2])
    title_i = _pick(rng, np.array([[0.2, 0.3, 0.35, 0.15], [0.12, 0.28, 0.4, 0.2], [0.05, 0.15, 0.5, 0.3]])[lvl])
    influence_i = _pick(rng, np.array([[0.6, 0.35, 0.05], [0.2, 0.65, 0.15],
                                       [0.03, 0.4, 0.57], [0.0, 0.15, 0.85]])[title_i])
    base = np.array([600, 380, 220])[lvl] * np.array([1.3, 1.15, 1.0, 0.7])[title_i]
    patients = np.round(base * rng.lognormal(0, 0.35, n)).astype(np.int64)
    rng.uniform(800, 3000, n), rng.uniform(0.6, 1.4, n)   # the draws of the former mixed column: keep the rest
    # Beds of the doctor's department (张, one number per hospital and department; 0 = no ward, as in a
    # 社区卫生服务中心) and the doctor's own outpatient visits (人次/月, every level). Drawn from a generator of
    # their own, so the other columns stay what they were.
    cap = rng_for("doctors.capacity", variant)
    depts = np.array(_values("department"), dtype=object)
    ward = np.round(np.array([70, 40, 0])[np.select([levels == "三级", levels == "二级"], [0, 1], 2)][:, None]
                    * cap.uniform(0.6, 1.4, (24, len(depts)))).astype(np.int64)
    beds = ward[h, np.argmax(dept[:, None] == depts[None, :], axis=1)]
    # The relevant patients are a share of the visits: a community GP sees many visits for many conditions,
    # a hospital specialist mostly his own field.
    outpatients = np.round(patients * np.array([1.6, 1.9, 4.5])[lvl] * cap.uniform(0.8, 1.25, n)).astype(np.int64)
    g = rng.normal(0, 1, n)
    awareness = np.clip(np.round(2.9 + 0.9 * g + rng.normal(0, 0.7, n)), 1, 5).astype(np.int64)
    commitment = np.clip(np.minimum(awareness + 1, np.round(awareness - 0.6 + rng.normal(0, 0.8, n))),
                         1, 5).astype(np.int64)
    c = commitment - 3.0
    first = _pick(rng, _first_probs(c))
    invite = _pick(rng, _first_probs(c + 0.3))
    value_orient = rng.choice(np.array(_values("value_orientation"), dtype=object), n, p=[0.35, 0.3, 0.2, 0.15])
    rx = np.round(patients * 0.03 * np.exp(0.9 * (commitment - 1)) * rng.lognormal(-0.5, 1.0, n)).astype(np.int64)
    df = pd.DataFrame({
        "doctor_id": [f"D{i:03d}" for i in range(1, n + 1)],
        "hospital": hospitals[h],
        "hospital_level": level,
        "city": h_city[h],
        "department": dept,
        "title": np.array(_values("title"), dtype=object)[title_i],
        "patients_per_month": patients,
        "dept_beds": beds,
        "outpatients_month": outpatients,
        "value_orientation": value_orient,
        "influence": np.array(_values("influence"), dtype=object)[influence_i],
        "first_choice": np.array(["是", "有时", "否"], dtype=object)[first],
        "talk_order": np.clip(np.round(3.2 - 0.7 * c + rng.normal(0, 0.9, n)), 1, 5).astype(np.int64),
        "message_delivered": np.clip(np.round(3 + 0.5 * c + rng.normal(0, 0.8, n)), 1, 5).astype(np.int64),
        "accepts_invitation": np.array(["总是", "有时", "从不"], dtype=object)[invite],
        "incident_handling": np.clip(np.round(3 + 0.4 * c + rng.normal(0, 0.8, n)), 1, 5).astype(np.int64),
        "awareness": awareness,
        "commitment": commitment,
        "monthly_rx_units": rx,
    })
    return df


def _unique_names(stems: list[str], kinds: np.ndarray) -> np.ndarray:
    """Hospital names, one per hospital: a repeated city + name becomes 第二医院, 第三医院 … (as in China).

    Examples
    --------
    >>> _unique_names(["上海瑞康", "上海瑞康", "南京恒安"], np.array(["医院", "医院", "医院"])).tolist()
    ['上海瑞康医院', '上海瑞康第二医院', '南京恒安医院']
    """
    seen: dict[str, int] = {}
    out = []
    for stem, kind in zip(stems, kinds):
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem + ("", "", "第二", "第三", "第四")[min(seen[stem], 4)] + kind)
    return np.array(out, dtype=object)


def _first_probs(c: np.ndarray) -> np.ndarray:
    """Probabilities of (是, 有时, 否) rising with commitment score c (centred at 0)."""
    yes = np.clip(0.2 + 0.18 * c, 0.02, 0.85)
    no = np.clip(0.35 - 0.15 * c, 0.03, 0.9)
    some = np.clip(1 - yes - no, 0.05, 1)
    p = np.stack([yes, some, no], axis=1)
    return p / p.sum(axis=1, keepdims=True)
