"""Write (or check) the shipped data sets in ``kamlab/datasets/data/`` from the seeded generators.

For every bundled data set it writes ``kamlab/datasets/data/<name>.csv`` (variant 0,
UTF-8, no index), ``kamlab/datasets/data/<name>.dictionary.csv`` (column, 中文名, unit,
meaning) and ``kamlab/datasets/data/<name>.md`` (a short Chinese + English description).

Usage::

    python tools/make_datasets.py           # write the files
    python tools/make_datasets.py --check   # exit 1 if a committed file differs

Examples
--------
>>> files = render()
>>> sorted(files)[:3]
['chains.csv', 'chains.dictionary.csv', 'chains.md']
>>> files["chains.csv"].splitlines()[0][:40]
'chain_id,chain_name,province,hq_city,cha'
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kamlab" / "datasets" / "data"

DESCRIPTIONS = {
    "chains": (
        "连锁客户筛选数据（chains）",
        "36 家华东地区 OTC 连锁药店（虚构名称，真实城市）的规模、利润与动销基础指标，每行一家连锁。"
        "用于 m02 三维客户筛选与四象限分层、m09 连锁分类。规模越大的连锁回款越慢、费用越高、毛利越低，"
        "合作意愿高的连锁新品接受度、店员推荐和黄金陈列也更好——筛选时需要权衡。",
        "Screening data of 36 fictional OTC pharmacy chains in East China (real cities): scale, profit and "
        "sell-through base, one row per chain. Used by m02 (three-dimension screening, four quadrants) and "
        "m09 (chain classification). Bigger chains pay later, cost more and give lower margins; willing "
        "chains list more new products and recommend and display them better, so screening is a trade-off.",
    ),
    "doctors": (
        "重点医生数据（doctors）",
        "240 位医生（虚构医院，真实城市）的目标医生筛选指标（月病人数、科室床位数、月门诊量、价值取向、影响力；"
        "每列一个单位：床位为张，社区卫生服务中心无病房记 0；门诊为医生本人每月人次，各级医院同一口径）、"
        "围墙准则指标（首选、谈话顺序、信息传递、接受邀请、突发事件处理）、认知/承诺观察和月处方量。"
        "用于 m11 MWP 平台：目标医生筛选、处方准备度 P1–P4 与二八分析。",
        "240 fictional doctors (fictional hospitals, real cities): target-screening criteria (patients, beds "
        "of the department (0 = no ward, as in community health centres), the doctor's own outpatient visits per "
        "month at every level, value orientation, influence; one unit per column), wall criteria (first choice, talk order, message, "
        "invitations, incident handling), observed awareness and commitment, and monthly prescriptions. "
        "Used by m11 (MWP platforms: target screening, readiness P1-P4, 80/20 view).",
    ),
    "needs": (
        "客户需求与机会数据（needs）",
        "36 家连锁客户（编号见 chains）各 8 条需求：显性/隐性、总部/门店/外部渠道、信息来源、"
        "我方匹配能力与预计年增量销售额（学员据此给需求匹配度和机会价值打分）、客户动销基础分和竞品压力。"
        "用于 m03 机会洞察，选出 3 个高价值机会。",
        "Needs of all 36 chain accounts (ids from chains), 8 each: explicit or implicit, HQ / store / external "
        "channel, source, what it takes us to meet the need and the expected annual uplift (the evidence a "
        "trainee scores match and value from), the account's sell-through base score and competitor "
        "pressure. Used by m03 (opportunity insight: pick 3 high-value opportunities).",
    ),
    "clauses": (
        "双赢协议条款让步矩阵（clauses）",
        "连锁年度协议的 8 个条款（供货价格/折扣、回款账期、年度分销数量、新品铺货率、联合活动、店员培训、数据反馈、返利），"
        "每个条款 3–5 个选项，长表格式：每行一个选项，含我方/对方得分与权重、是否核心条款（动销目标“年度分销数量”和"
        "活动支持“联合活动”）、开价、目标和底线。"
        "我方得分沿选项顺序递减、对方得分递增，开价 ≥ 目标 ≥ 底线（按我方得分）。用于 m05 谈判"
        "（kl.negotiation.ConcessionMatrix.from_table）。",
        "Concession matrix of the 8 clauses of a chain's annual agreement (price/discount, payment terms, annual "
        "distribution volume, new-product distribution, joint activities, staff training, data feedback, rebate) "
        "with 3-5 options each, long format (one row per option): our and their scores and weights, core flag "
        "(the sell-out target 'annual distribution volume' and the activity support 'joint activities'), opening, "
        "target and walk-away. Our score falls and theirs "
        "rises along the options; opening >= target >= walk-away in our score. Used by m05 (negotiation, "
        "kl.negotiation.ConcessionMatrix.from_table).",
    ),
    "sellout": (
        "门店动销月度数据（sellout）",
        "全部 36 家连锁（编号见 chains）的门店样本：每家连锁抽取门店数的 4%，至少 24 家、不超过其门店数 store_count，"
        "共 1023 家门店、12 个月（2025-11 至 2026-10）12276 行的门店月度动销数据：目标门店、是否铺货、"
        "销量、期初/期末库存（期末 = 期初 + 到货 − 销量，到货未单列）、神秘顾客暗访与店员推荐次数。"
        "数据中埋有五个问题，分别落在不同连锁：铺货率低、有货不动销、库存积压（周转下降）、最近两个月店员推荐率骤降、"
        "最近一个月销量环比明显下滑。2026-05 至 2026-07 公司在每家连锁总部所在城市的门店试点了策略品种的阶梯激励（试点门店），"
        "这些门店当期多卖约 15%；同一连锁其他城市的门店是对照门店。用于 m07 核心数据复盘（kl.kpi、kl.rootcause），以及 m06 激励方案、m10 终端动销（重点客户自己的门店）。",
        "Store-month sell-out of a sample of the stores of all 36 chains (ids from chains: 4 % of a chain's "
        "stores, at least 24 and never more than its store_count), 1023 stores over 12 months (2025-11 to 2026-10), "
        "12276 rows: target "
        "store, stocked, units sold, inventory at month start and end (end = start + deliveries - units; "
        "deliveries are not a column), mystery-shopper visits and clerk recommendations. Five problems are "
        "planted, each in a different chain: poor distribution, stocked but not selling, inventory piling up "
        "(turnover falling), clerk recommendation dropping in the last two months, and a clear fall of units in "
        "the latest month. From 2026-05 to 2026-07 the company piloted a tiered incentive on its strategic product "
        "in each chain's stores of its head-office city (pilot stores, about 15 % more units in those months); the "
        "chain's stores in its other cities are the control group. Used by m07 (core data review: kl.kpi, kl.rootcause), and by m06 (incentives) and m10 "
        "(sell-through) on the key account's own stores.",
    ),
    "retail_sales": (
        "零售商月度生意数据（retail_sales）",
        "ABC零售和另外 5 家零售商（虚构名称）× 5 个品类（感冒止咳、肠胃消化、维矿补益、皮肤外用、慢病用药）× "
        "24 个月（2024-11 至 2026-10）共 720 行的月度生意数据：销售额、销售目标、去年同期销售额（万元）、销量（盒）和"
        "有售门店数。带有真实的季节性（感冒止咳冬季高峰、皮肤外用夏季高峰、维矿补益春节前后走高），"
        "去年同期销售额与 12 个月前的销售额一致。数据中埋有一个问题：ABC零售有一个品类在最近一个季度明显落后于目标"
        "（部分门店断货、单店销售也走弱），其余品类基本达成。用于 m12 生意复盘洞察（kl.review：记分卡、"
        "比例/纵向/横向类比、时间序列与预测）。",
        "Monthly business data of ABC Retail (the seed's workshop retailer) and 5 fictional peer retailers x "
        "5 categories (cold & cough, digestive, vitamins & minerals, skin care, chronic care) x 24 months "
        "(2024-11 to 2026-10), 720 rows: sales, target and same-month-last-year sales (10k CNY), units (boxes) "
        "and stores selling the category. Realistic seasonality (colds peak in winter, skin care in summer, "
        "vitamins around the Spring Festival); last-year sales equal the sales 12 months earlier. One problem "
        "is planted: one category of ABC Retail falls clearly behind target in the latest quarter (delisted "
        "in part of the stores and weaker per store) while the others roughly make target. Used by m12 "
        "(business review: kl.review scorecard, ratio / vertical / horizontal comparison, time series and "
        "forecast).",
    ),
}


def _markdown(name: str, n_rows: int, n_cols: int) -> str:
    title, zh, en = DESCRIPTIONS[name]
    return (f"# {title}\n\n{zh}\n\n{en}\n\n"
            f"- 行数 / rows: {n_rows}; 列数 / columns: {n_cols}\n"
            "- 全部为虚构数据，仅用于培训；连锁、医院名称均为虚构，城市为真实城市。\n"
            "- All data are fictional, for training only; chain and hospital names are invented, cities are real.\n"
            f"- 变体 / variants: `kl.datasets.load(\"{name}\", variant=k)`; 0 = 本文件 / this file.\n")


def render() -> dict[str, str]:
    """Return ``{file name: text}`` of every shipped data file (variant 0).

    Examples
    --------
    >>> render()["sellout.dictionary.csv"].splitlines()[0]
    'column,中文名,unit,meaning'
    """
    import pandas as pd

    from kamlab.datasets._generate import NAMES, generate
    from kamlab.datasets._schema import SCHEMAS

    files: dict[str, str] = {}
    for name in NAMES:
        df = generate(name, 0)
        files[f"{name}.csv"] = df.to_csv(index=False, lineterminator="\n")
        dic = pd.DataFrame([(c.name, c.zh, c.unit, c.meaning) for c in SCHEMAS[name]],
                           columns=["column", "中文名", "unit", "meaning"])
        files[f"{name}.dictionary.csv"] = dic.to_csv(index=False, lineterminator="\n")
        files[f"{name}.md"] = _markdown(name, *df.shape)
    return files


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with ``--check`` return 1 when a committed file differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: kamlab/datasets/data/)")
    args = parser.parse_args(argv)
    stale = []
    for fname, text in render().items():
        path = args.out / fname
        data = text.encode("utf-8")
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(fname)
        else:
            path.write_bytes(data)
    if stale:
        print("out of date (run python tools/make_datasets.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    print("datasets " + ("up to date" if args.check else f"written to {args.out}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
