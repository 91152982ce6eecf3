"""m05 战术与反战术 PK (seed 000 §五 3): the chain's tactics and the counter-tactics the seed's principles teach.

Each counter applies one principle of the seed: 无交换不让步, 用客观标准衡量, 相互尊重（对事不对人）,
聚焦利益而非立场 / 开放选项, and knowing our walk-away before the talks (谈判准备: 底线).  Two wrong
counters stand for the misconceptions the seed warns about: conceding to close ("让步越多越好成交")
and answering a position with a position.

Examples
--------
>>> [t[0] for t in TACTICS]
['T1', 'T2', 'T3', 'T4', 'T5']
>>> pk_score({"T1": "K1", "T2": "K2", "T3": "K3", "T4": "K4", "T5": "K5"})[0]
5
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._i18n import localized

#: The chain's tactics: id, what the buyer says (zh, en), the right counter.
TACTICS = (
    ("T1", "蚕食：快签约时，采购说“再加 1 个点返利，今天就签”。",
     "Nibbling: about to sign, the buyer says 'one more point of rebate and we sign today'.", "K1"),
    ("T2", "极端开价：采购开口就要 120 天账期，“别家都给”。",
     "Extreme anchor: the buyer opens with 120 days' payment terms, 'everybody gives it'.", "K2"),
    ("T3", "红白脸：采购经理说“我是想帮你，可老板不同意，你得再让一点”。",
     "Good cop, bad cop: 'I want to help you, but my boss says no; you must give a bit more'.", "K3"),
    ("T4", "最后通牒：“今天不签，这个季度的陈列位就给竞品了。”",
     "Deadline: 'sign today or this quarter's shelf goes to your competitor'.", "K4"),
    ("T5", "诉苦：“今年开了几十家新店，现金流太紧，账期必须放长。”",
     "Hard luck: 'we opened dozens of stores, cash is tight, the terms must be longer'.", "K5"),
)

#: Counter-tactics (code, zh, en); K6 and K7 are the misconceptions.
COUNTERS = (
    ("K4", "想清楚我方底线和替代方案，不被期限逼着跌破底线", "Know our walk-away and alternatives; no deadline pushes us below it"),
    ("K6", "让一小步，尽快成交要紧", "Give a little to close quickly"),
    ("K2", "用客观标准回应：拿历史回款数据和行业惯例重新定锚", "Answer with objective criteria: payment history and trade practice"),
    ("K5", "问清立场背后的利益，提出开放选项（如分批回款、用返利换更短账期）",
     "Ask for the interest behind the position and offer options (staged payment, rebate for shorter terms)"),
    ("K7", "以牙还牙：我方也提出极端要求，看谁先退", "Tit for tat: make an extreme demand of our own and see who blinks"),
    ("K1", "无交换不让步：可以加，但要换对方一项承诺（如提高年度分销数量）",
     "No concession without exchange: yes, if they commit to something (e.g. a higher annual volume)"),
    ("K3", "对事不对人：确认谁有决策权，请决策人一起谈，不因对方换人就再让",
     "Separate people from the problem: find who decides, bring them in, give nothing more for a new face"),
)

#: Why a wrong counter is wrong, per counter code (zh, en).
WHY_WRONG = {
    "K6": ("让一小步换不来成交，只会教会对方继续要（无交换不让步）",
           "a small gift does not close, it teaches them to ask again (no concession without exchange)"),
    "K7": ("以立场对立场只会僵持，原则谈判要聚焦利益、用客观标准", "position against position deadlocks; talk interests "
           "and objective criteria"),
}


def tactic_items() -> dict[str, str]:
    """The tactics as ``id -> text`` in the current language (the rows of the PK form).

    Examples
    --------
    >>> list(tactic_items())[:2]
    ['T1', 'T2']
    """
    return {t[0]: localized(t[1], t[2]) for t in TACTICS}


def counter_options() -> list[tuple[str, str]]:
    """The counters as ``(text, code)`` pairs in the current language (the choices of every row).

    Examples
    --------
    >>> counter_options()[1][1]
    'K6'
    """
    return [(localized(zh, en), code) for code, zh, en in COUNTERS]


def pk_score(answer: Mapping[str, Any]) -> tuple[int, list[tuple[str, str]]]:
    """How many tactics got their counter, and why each other one is wrong (zh, en).

    Examples
    --------
    >>> n, why = pk_score({"T1": "K6"})
    >>> n, why[0][1].startswith("T1")
    (0, True)
    """
    right, why = 0, []
    texts = {code: (zh, en) for code, zh, en in COUNTERS}
    for tid, zh, en, counter in TACTICS:
        got = answer.get(tid)
        if got == counter:
            right += 1
            continue
        if got is None or got == "":
            why.append((f"{tid} 还没有选择反战术", f"{tid}: no counter chosen yet"))
        elif got in WHY_WRONG:
            why.append((f"{tid}：{WHY_WRONG[got][0]}", f"{tid}: {WHY_WRONG[got][1]}"))
        elif got in texts:
            why.append((f"{tid}：“{texts[got][0]}”对付不了这一招", f"{tid}: '{texts[got][1]}' does not answer this tactic"))
        else:
            why.append((f"{tid}：{got!r} 不是列出的反战术", f"{tid}: {got!r} is not one of the counters"))
    return right, why
