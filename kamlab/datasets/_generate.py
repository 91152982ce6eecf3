"""Seeded generators of the bundled data sets (variant 0 is what ships as CSV).

Each data set has one generator, seeded by ``(name, variant)`` through
:func:`numpy.random.default_rng`, so a variant is the same table on every
machine.  Every variant tells the same story with other numbers: in
``sellout`` the five planted problems are always present, carried by chains
picked by a seeded permutation (see :func:`planted`).  All names of chains and
hospitals are fictional; the cities are real cities of 华东.

Examples
--------
>>> df = generate("chains", 0)
>>> df.shape, df["chain_id"].iloc[0]
((36, 19), 'C01')
>>> generate("chains", 1)["store_count"].equals(df["store_count"])
False
>>> sorted(planted("sellout", 0))
['clerk_drop', 'inventory_piling', 'latest_month_drop', 'low_sell_through', 'poor_distribution']
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from ._schema import CATEGORIES, PROVINCES, RETAILERS, SCHEMAS, coerce

NAMES = ("chains", "doctors", "needs", "clauses", "sellout", "retail_sales")

#: Planted problems of ``sellout``, in the order they are dealt to chains.
PROBLEMS = ("poor_distribution", "low_sell_through", "inventory_piling", "clerk_drop", "latest_month_drop")

MONTHS = tuple(f"{2025 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(12))

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


def rng_for(name: str, variant: int) -> np.random.Generator:
    """Return the generator seeded by ``(name, variant)`` (stable across runs and machines).

    Examples
    --------
    >>> int(rng_for("chains", 0).integers(100)) == int(rng_for("chains", 0).integers(100))
    True
    """
    return np.random.default_rng([zlib.crc32(name.encode("utf-8")), int(variant)])


def _pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category index per row of *probs* (rows sum to 1), vectorised."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs))[:, None]
    return np.minimum((u >= cum).sum(axis=1), probs.shape[1] - 1)


def _share(rng: np.random.Generator, group: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Flag exactly ``round(p[g] * size of g)`` random members of every group g (vectorised)."""
    u = rng.random(len(group))
    order = np.lexsort((u, group))
    counts = np.bincount(group, minlength=len(p))
    starts = np.cumsum(counts) - counts
    pos = np.empty(len(group), dtype=np.int64)
    pos[order] = np.arange(len(group)) - starts[group[order]]
    return pos < np.round(p * counts)[group]


def _scale(rng: np.random.Generator, x: np.ndarray, loc: float, sd: float,
           lo: float, hi: float, noise: float, decimals: int | None = 1) -> np.ndarray:
    out = np.clip(loc + sd * x + rng.normal(0, noise, len(x)), lo, hi)
    return np.round(out, decimals) if decimals is not None else out


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


def _doctors(variant: int) -> pd.DataFrame:
    rng = rng_for("doctors", variant)
    # 24 fictional hospitals: 8 per level, each in a real city.
    levels = np.repeat(np.array(["三级", "二级", "社区"], dtype=object), 8)
    h_city = rng.choice(np.array(_HOSPITAL_CITIES, dtype=object), 24)
    h_name = np.concatenate([rng.choice(np.array(_HOSPITAL_NAMES, dtype=object), 8, replace=False)
                             for _ in range(3)])
    kind = np.where(levels == "社区", "社区卫生服务中心", "医院")
    hospitals = np.array([f"{c}{m}{k}" for c, m, k in zip(h_city, h_name, kind)], dtype=object)

    n = 240
    h = rng.choice(24, n, p=np.repeat([0.06, 0.04, 0.025], 8) / np.repeat([0.06, 0.04, 0.025], 8).sum())
    level = levels[h]
    lvl = np.select([level == "三级", level == "二级"], [0, 1], 2)
    dept = rng.choice(np.array(SCHEMAS["doctors"][4].values, dtype=object), n, p=[0.25, 0.2, 0.2, 0.15, 0.2])
    title_i = _pick(rng, np.array([[0.2, 0.3, 0.35, 0.15], [0.12, 0.28, 0.4, 0.2], [0.05, 0.15, 0.5, 0.3]])[lvl])
    influence_i = _pick(rng, np.array([[0.6, 0.35, 0.05], [0.2, 0.65, 0.15],
                                       [0.03, 0.4, 0.57], [0.0, 0.15, 0.85]])[title_i])
    base = np.array([600, 380, 220])[lvl] * np.array([1.3, 1.15, 1.0, 0.7])[title_i]
    patients = np.round(base * rng.lognormal(0, 0.35, n)).astype(np.int64)
    beds = np.where(lvl == 2, np.round(rng.uniform(800, 3000, n)),
                    np.round(np.array([70, 40, 0])[lvl] * rng.uniform(0.6, 1.4, n))).astype(np.int64)
    g = rng.normal(0, 1, n)
    awareness = np.clip(np.round(2.9 + 0.9 * g + rng.normal(0, 0.7, n)), 1, 5).astype(np.int64)
    commitment = np.clip(np.minimum(awareness + 1, np.round(awareness - 0.6 + rng.normal(0, 0.8, n))),
                         1, 5).astype(np.int64)
    c = commitment - 3.0
    first = _pick(rng, _first_probs(c))
    invite = _pick(rng, _first_probs(c + 0.3))
    value_orient = rng.choice(np.array(SCHEMAS["doctors"][8].values, dtype=object), n, p=[0.35, 0.3, 0.2, 0.15])
    rx = np.round(patients * 0.03 * np.exp(0.9 * (commitment - 1)) * rng.lognormal(-0.5, 1.0, n)).astype(np.int64)
    df = pd.DataFrame({
        "doctor_id": [f"D{i:03d}" for i in range(1, n + 1)],
        "hospital": hospitals[h],
        "hospital_level": level,
        "city": h_city[h],
        "department": dept,
        "title": np.array(SCHEMAS["doctors"][5].values, dtype=object)[title_i],
        "patients_per_month": patients,
        "beds_or_outpatients": beds,
        "value_orientation": value_orient,
        "influence": np.array(SCHEMAS["doctors"][9].values, dtype=object)[influence_i],
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


def _first_probs(c: np.ndarray) -> np.ndarray:
    """Probabilities of (是, 有时, 否) rising with commitment score c (centred at 0)."""
    yes = np.clip(0.2 + 0.18 * c, 0.02, 0.85)
    no = np.clip(0.35 - 0.15 * c, 0.03, 0.9)
    some = np.clip(1 - yes - no, 0.05, 1)
    p = np.stack([yes, some, no], axis=1)
    return p / p.sum(axis=1, keepdims=True)


_NEEDS = (  # need, kind, channel, source, base match, base value
    ("全国性品牌联合营销活动", "显性", "总部", "高层访谈（年度市场计划）", 4, 4),
    ("高毛利产品倾斜，提升区域利润", "显性", "总部", "采购部门沟通（费用诉求）", 3, 5),
    ("提高供货折扣、降低进价", "显性", "总部", "采购部门沟通（供货需求）", 2, 3),
    ("新品引进的进场费用支持", "显性", "总部", "采购部门沟通（费用诉求）", 3, 3),
    ("完成年度品类增长目标", "显性", "总部", "高层访谈（战略规划、年度目标）", 4, 5),
    ("社区健康讲座为门店引流", "隐性", "总部", "高层访谈（战略规划）", 4, 4),
    ("店员产品卖点话术培训", "隐性", "门店", "实地走访（店员痛点）", 5, 4),
    ("新品市场接受度调研反馈", "隐性", "总部", "采购部门沟通（新品评审）", 4, 3),
    ("门店陈列优化与物料支持", "显性", "门店", "实地走访（陈列问题）", 4, 3),
    ("会员慢病管理服务", "隐性", "门店", "消费者问卷（产品使用反馈）", 3, 4),
    ("应对竞品买赠促销", "显性", "外部", "竞品监测（促销活动）", 3, 3),
    ("区域 OTC 品类趋势数据", "隐性", "外部", "行业报告（区域 OTC 市场趋势）", 4, 2),
    ("降低库存、处理滞销品", "隐性", "总部", "采购部门沟通（库存周转）", 3, 4),
    ("合规的店员销售激励方案", "显性", "门店", "实地走访（店长访谈）", 4, 4),
    ("线上线下 O2O 引流合作", "隐性", "外部", "行业报告（零售数字化）", 2, 4),
    ("感冒季备货与陈列指导", "隐性", "门店", "消费者问卷（购药时机）", 4, 3),
    ("动销数据共享与联合复盘", "隐性", "总部", "高层访谈（数字化规划）", 3, 4),
    ("与竞品差异化的独家品种", "显性", "外部", "竞品监测（合作模式）", 2, 5),
)


def _needs(variant: int) -> pd.DataFrame:
    rng = rng_for("needs", variant)
    accounts = np.arange(1, 37)  # every chain, so the account a trainee picks in m02 has needs
    per = 8
    picks = np.concatenate([rng.choice(len(_NEEDS), per, replace=False) for _ in accounts])
    table = np.array(_NEEDS, dtype=object)[picks]
    n = len(picks)
    match = np.clip(table[:, 4].astype(float) + rng.integers(-1, 2, n), 1, 5).astype(np.int64)
    value = np.clip(table[:, 5].astype(float) + rng.integers(-1, 2, n), 1, 5).astype(np.int64)
    base = np.repeat(np.round(rng.uniform(40, 88, len(accounts)), 1), per)
    return pd.DataFrame({
        "account_id": np.repeat([f"C{a:02d}" for a in accounts], per),
        "need_id": [f"N{i:03d}" for i in range(1, n + 1)],
        "need": table[:, 0],
        "kind": table[:, 1],
        "channel": table[:, 2],
        "source": table[:, 3],
        "match": match,
        "value": value,
        "base_score": base,
        "competitor_pressure": rng.integers(1, 6, n).astype(np.int64),
    })


_CLAUSES = (  # clause, options (best for us first)
    ("供货价格/折扣", ("无折扣", "3%", "5%", "8%", "10%")),
    ("回款账期", ("30天", "45天", "60天", "90天", "120天")),
    ("新品进场率", ("100%", "80%", "60%", "40%")),
    ("联合活动", ("每月1次", "每季度2次", "每季度1次", "每半年1次")),
    ("店员培训", ("每月1次", "每季度2次", "每季度1次")),
    ("数据反馈", ("门店级周数据", "门店级月数据", "城市级月数据", "不提供")),
    ("陈列资源", ("黄金陈列+端架", "黄金陈列", "普通货架+堆头", "普通货架")),
    ("返利", ("1%", "2%", "3%", "5%")),
)


def _weights(rng: np.random.Generator, n: int) -> np.ndarray:
    raw = rng.uniform(1, 4, n)
    w = np.round(raw / raw.sum() * 100)
    w[np.argmax(w)] += 100 - w.sum()
    return w


def _ladder(rng: np.random.Generator, k: int, start: float, stop: float) -> np.ndarray:
    """k strictly monotone whole numbers from *start* to *stop* with uneven steps."""
    steps = rng.uniform(0.5, 1.5, k - 1)
    frac = np.concatenate([[0.0], np.cumsum(steps) / steps.sum()])
    return np.round(start + (stop - start) * frac)


def _clauses(variant: int) -> pd.DataFrame:
    rng = rng_for("clauses", variant)
    m = len(_CLAUSES)
    our_w, their_w = _weights(rng, m), _weights(rng, m)
    core = np.zeros(m, dtype=bool)
    core[np.argsort(-our_w, kind="stable")[:3]] = True
    frames = []
    for j, (clause, options) in enumerate(_CLAUSES):  # 8 clauses, not data rows
        k = len(options)
        ours = _ladder(rng, k, 100, rng.uniform(0, 25))
        theirs = _ladder(rng, k, rng.uniform(0, 30), 100)
        opening = int(rng.random() < 0.2)
        target = opening + int(rng.integers(0, max(1, (k - opening) // 2 + 1)))
        walk = min(k - 1, target + int(rng.integers(0 if core[j] else 1, 3 if not core[j] else 2)))
        frames.append(pd.DataFrame({
            "clause": clause, "option_order": np.arange(1, k + 1), "option": options,
            "ours": ours, "theirs": theirs, "our_weight": our_w[j], "their_weight": their_w[j],
            "core": core[j], "opening": options[opening], "target": options[target],
            "walk_away": options[walk]}))
    return pd.concat(frames, ignore_index=True)


def _sellout_plan(variant: int) -> tuple[np.random.Generator, list[str], dict[str, str]]:
    """The chains of ``sellout`` and which one carries each planted problem."""
    rng = rng_for("sellout", variant)
    chains = [f"C{i:02d}" for i in np.sort(rng.choice(36, 6, replace=False)) + 1]
    perm = rng.permutation(6)
    return rng, chains, {p: chains[perm[i]] for i, p in enumerate(PROBLEMS)}


def planted(name: str, variant: int = 0) -> dict[str, str]:
    """Which account carries each planted problem of data set *name*, variant *variant*.

    Computed from the same seed as the data (not a stored answer table).
    ``sellout`` has five planted problems; ``retail_sales`` has one (which
    category of ABC零售 falls behind target in the latest quarter); the other
    data sets return ``{}``.

    Examples
    --------
    >>> p = planted("sellout", 0)
    >>> len(set(p.values())), p == planted("sellout", 0), p == planted("sellout", 1)
    (5, True, False)
    >>> planted("chains", 0)
    {}
    """
    if name == "retail_sales":
        return dict(_retail_plan(variant)[1])
    if name != "sellout":
        return {}
    return dict(_sellout_plan(variant)[2])


SEASON = np.array([1.10, 1.20, 1.25, 1.10, 1.00, 0.95, 0.90, 0.88, 0.90, 0.93, 0.98, 1.05])


def _sellout(variant: int) -> pd.DataFrame:
    rng, chain_ids, plan = _sellout_plan(variant)
    role = {c: p for p, c in plan.items()}
    n_ch, n, T = 6, 720, len(MONTHS)
    sizes = 60 + rng.multinomial(n - 60 * n_ch, rng.dirichlet(np.full(n_ch, 6.0)))
    ch = np.repeat(np.arange(n_ch), sizes)                       # chain index per store
    is_poor = np.array([role.get(c) == "poor_distribution" for c in chain_ids])
    is_dead = np.array([role.get(c) == "low_sell_through" for c in chain_ids])
    is_pile = np.array([role.get(c) == "inventory_piling" for c in chain_ids])
    is_clerk = np.array([role.get(c) == "clerk_drop" for c in chain_ids])
    is_drop = np.array([role.get(c) == "latest_month_drop" for c in chain_ids])

    # Regions: cities of the chain's home province (the chain's own data in the same variant).
    chains = _chains(variant).set_index("chain_id")
    region = np.empty(n, dtype=object)
    u_city = rng.random(n)
    for k, cid in enumerate(chain_ids):  # 6 chains
        prov, hq = chains.at[cid, "province"], chains.at[cid, "hq_city"]
        others = np.array([c for c in CITIES[prov] if c != hq] or [hq], dtype=object)
        rows = ch == k
        u = u_city[rows]
        region[rows] = np.where(u < 0.5, hq, others[np.minimum((u - 0.5) * 2 * len(others), len(others) - 1)
                                                   .astype(int)])

    is_target = rng.random(n) < 0.88
    p_dist = np.where(is_poor, 0.55, rng.uniform(0.88, 0.95, n_ch))
    listed = _share(rng, 2 * ch + is_target, np.stack([np.full(n_ch, 0.2), p_dist], 1).ravel())
    start = np.where(rng.random(n) < 0.06, rng.integers(1, 6, n), 0)   # a few stores listed later
    t = np.arange(T)
    stocked = listed[:, None] & (t[None, :] >= start[:, None])

    alive = ~_share(rng, ch, np.where(is_dead, 0.38, rng.uniform(0.03, 0.06, n_ch)))
    zero_p = np.full((n, T), 0.02)
    zero_p[:, -1] = np.where(is_drop[ch], 0.36, 0.02)
    selling = stocked & alive[:, None] & (rng.random((n, T)) >= zero_p)
    mean = rng.uniform(18, 40, n_ch)[ch] * rng.lognormal(0, 0.45, n)
    chain_noise = rng.normal(1, 0.02, (n_ch, T))[ch]
    expected = mean[:, None] * SEASON[None, :] * chain_noise
    units = np.where(selling, np.maximum(1, rng.poisson(expected)), 0).astype(np.int64)

    cover = rng.uniform(1.2, 1.6, n_ch)[ch] * rng.lognormal(0, 0.15, n)
    growth = np.where(is_pile[ch], 0.4, 0.0)
    level = np.round(expected * cover[:, None] * (1 + growth[:, None] * t[None, :]))
    begin = np.zeros((n, T), dtype=np.int64)
    end = np.zeros((n, T), dtype=np.int64)
    begin[:, 0] = np.where(stocked[:, 0], np.round(level[:, 0] * rng.uniform(0.8, 1.2, n)), 0)
    for m in range(T):  # 12 months, vectorised over stores
        if m:
            begin[:, m] = end[:, m - 1]
        end[:, m] = np.where(stocked[:, m], np.maximum(level[:, m], begin[:, m] - units[:, m]), 0)

    mystery = np.where(stocked & is_target[:, None], rng.poisson(1.5, (n, T)), 0).astype(np.int64)
    p_rec = np.tile(rng.uniform(0.55, 0.7, n_ch)[:, None], (1, T))
    p_rec[is_clerk, -2:] = 0.2
    recommended = rng.binomial(mystery, p_rec[ch]).astype(np.int64)

    return pd.DataFrame({
        "store_id": np.repeat([f"S{i:04d}" for i in range(1, n + 1)], T),
        "chain_id": np.repeat(np.array(chain_ids, dtype=object)[ch], T),
        "region": np.repeat(region, T),
        "month": np.tile(np.array(MONTHS, dtype=object), n),
        "is_target": np.repeat(is_target, T),
        "stocked": stocked.ravel(),
        "units_sold": units.ravel(),
        "inventory_begin": begin.ravel(),
        "inventory_end": end.ravel(),
        "mystery_visits": mystery.ravel(),
        "recommended_visits": recommended.ravel(),
    })


#: Months of ``retail_sales``: 24 months, 2024-11 .. 2026-10 (two years, so year-on-year works).
RETAIL_MONTHS = tuple(f"{2024 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(24))
#: The planted lag of ``retail_sales`` hits the latest quarter (the last 3 months).
RETAIL_LAG_MONTHS = 3

#: Seasonality per category, January .. December (each averages 1): colds peak in winter,
#: skin care in summer, vitamins and gifts around the Spring Festival, chronic care is flat.
RETAIL_SEASON = np.array([
    [1.55, 1.30, 1.05, 0.85, 0.72, 0.62, 0.60, 0.65, 0.80, 0.98, 1.30, 1.58],   # 感冒止咳
    [1.10, 1.20, 0.95, 0.90, 0.95, 1.05, 1.15, 1.12, 0.95, 0.90, 0.88, 1.05],   # 肠胃消化
    [1.30, 1.35, 0.95, 0.85, 0.85, 0.85, 0.85, 0.88, 1.05, 1.10, 0.95, 1.02],   # 维矿补益
    [0.65, 0.60, 0.80, 1.00, 1.20, 1.40, 1.50, 1.40, 1.10, 0.85, 0.75, 0.75],   # 皮肤外用
    [1.03, 0.97, 1.00, 0.99, 1.00, 0.98, 1.00, 1.01, 1.00, 1.01, 1.00, 1.01],   # 慢病用药
])
RETAIL_SEASON = RETAIL_SEASON / RETAIL_SEASON.mean(axis=1, keepdims=True)
_RETAIL_BASE = np.array([60.0, 38.0, 45.0, 22.0, 75.0])       # ABC's monthly sales per category, 万元
_RETAIL_PRICE = np.array([28.0, 32.0, 85.0, 22.0, 45.0])      # 元/盒
_RETAIL_COVER = np.array([0.95, 0.90, 0.80, 0.70, 0.85])      # share of stores selling the category


def _retail_plan(variant: int) -> tuple[np.random.Generator, dict[str, str]]:
    """The generator of ``retail_sales`` and its planted story (which category of ABC lags)."""
    rng = rng_for("retail_sales", variant)
    lag = CATEGORIES[int(rng.integers(len(CATEGORIES)))]
    return rng, {"retailer": RETAILERS[0], "retailer_id": "R01", "lagging_category": lag}


def _retail_sales(variant: int) -> pd.DataFrame:
    rng, plan = _retail_plan(variant)
    n_r, n_c, T = len(RETAILERS), len(CATEGORIES), len(RETAIL_MONTHS) + 12   # 12 months of history for "last year"
    lag = CATEGORIES.index(plan["lagging_category"])
    t = np.arange(T)
    moy = (10 + t) % 12                                            # calendar month index of 2023-11 + t
    scale = np.concatenate([[1.0], rng.uniform(0.4, 1.6, n_r - 1)])
    base = _RETAIL_BASE[None, :] * scale[:, None] * rng.lognormal(0, 0.15, (n_r, n_c))
    growth = np.clip(rng.normal(0.08, 0.04, (n_r, n_c)), -0.02, 0.2)
    trend = (1 + growth)[:, :, None] ** (t[None, None, :] / 12)
    season = RETAIL_SEASON[:, moy][None, :, :]
    noise = rng.lognormal(0, 0.035, (n_r, n_c, T))
    store_n = np.concatenate([[320], rng.integers(60, 600, n_r - 1)]).astype(float)
    cover = np.clip(_RETAIL_COVER[None, :] * rng.uniform(0.9, 1.05, (n_r, n_c)), 0.3, 1.0)
    stores = store_n[:, None, None] * cover[:, :, None] * (1 + 0.02 * t / 12)[None, None, :]
    drop_stores = np.ones((n_r, n_c, T))
    drop_sales = np.ones((n_r, n_c, T))
    drop_stores[0, lag, -RETAIL_LAG_MONTHS:] = rng.uniform(0.82, 0.86)   # delisted in part of ABC's stores
    drop_sales[0, lag, -RETAIL_LAG_MONTHS:] = rng.uniform(0.88, 0.92)    # and weaker per store
    stores = np.round(stores * drop_stores)
    sales = np.round(base[:, :, None] * season * trend * noise * drop_stores * drop_sales, 2)
    target_growth = growth + rng.normal(0, 0.015, (n_r, n_c))
    price = _RETAIL_PRICE[None, :, None] * rng.uniform(0.95, 1.05, (n_r, n_c))[:, :, None] \
        * (1 + 0.01 * t / 12)[None, None, :]
    units = np.round(sales * 10000 / price)
    keep = slice(12, T)
    last_year = sales[:, :, :-12]
    target = np.round(last_year * (1 + target_growth)[:, :, None], 1)
    m = len(RETAIL_MONTHS)
    shape = (n_r, n_c, m)
    return pd.DataFrame({
        "month": np.broadcast_to(np.array(RETAIL_MONTHS, dtype=object), shape).ravel(),
        "retailer_id": np.broadcast_to(np.array([f"R{i:02d}" for i in range(1, n_r + 1)],
                                                dtype=object)[:, None, None], shape).ravel(),
        "retailer": np.broadcast_to(np.array(RETAILERS, dtype=object)[:, None, None], shape).ravel(),
        "category": np.broadcast_to(np.array(CATEGORIES, dtype=object)[None, :, None], shape).ravel(),
        "sales": sales[:, :, keep].ravel(),
        "target": target.ravel(),
        "last_year_sales": last_year.ravel(),
        "units": units[:, :, keep].ravel().astype(np.int64),
        "stores": stores[:, :, keep].ravel().astype(np.int64),
    })


_GENERATORS = {"chains": _chains, "doctors": _doctors, "needs": _needs, "clauses": _clauses,
               "sellout": _sellout, "retail_sales": _retail_sales}


def generate(name: str, variant: int = 0) -> pd.DataFrame:
    """Generate data set *name*, variant *variant* (0 is the shipped CSV).

    Parameters
    ----------
    name : str
        One of ``chains``, ``doctors``, ``needs``, ``clauses``, ``sellout``,
        ``retail_sales``.
    variant : int
        Seed variant, ``>= 0``.  The same variant always gives the same table.

    Returns
    -------
    DataFrame
        Columns and dtypes of the data set's schema.

    Examples
    --------
    >>> generate("sellout", 2).shape
    (8640, 11)
    >>> generate("clauses", 0)["clause"].nunique()
    8
    """
    return coerce(_GENERATORS[name](int(variant)), name)
