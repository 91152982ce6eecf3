"""The co-visit model (工商协访): four steps, two modes, four misconceptions.

From seed 004 (《工商协访大辟谣》): visiting customers together with a
distributor's rep (协同拜访) is a way to manage and train the distributor:
it uncovers problems in the market and in selling, changes how the rep sells
and so lifts sales; it also brings the manufacturer closer to the market.

* :data:`STEPS`: the four steps 拜访前的准备 → 设定拜访目标 → 实施拜访 →
  拜访后总结, each with what to do;
* :data:`MODES`: 示范式 (demonstration: the manufacturer leads, the aim is to
  solve the customer's problem) and 观察式 (observation: the rep leads, the
  aim is to build the rep's ability);
* :data:`MISCONCEPTIONS`: 不是监督、不抢客户、不重形式、不只发货 — each with
  the mistaken belief, the correct view and why;
* :data:`PREPARATION`: the preparation checklist of step 1.

Names are read in any spelling by :mod:`kamlab.covisit._names`.

Examples
--------
>>> [s.zh for s in STEPS]
['拜访前的准备', '设定拜访目标', '实施拜访', '拜访后总结']
>>> MODES[1].lead[0]
'经销商业务员'
"""

from __future__ import annotations

from dataclasses import dataclass

from .._i18n import localized

__all__ = ["Step", "Mode", "Misconception", "PrepItem", "STEPS", "MODES", "MISCONCEPTIONS", "PREPARATION",
           "STEP_NAMES"]


@dataclass(frozen=True)
class Step:
    """One of the four steps of a co-visit.

    Attributes
    ----------
    code : str
        ``"prepare"``, ``"objectives"``, ``"visit"`` or ``"debrief"``.
    order : int
        1–4.
    zh, en : str
        The step's name.
    todo : tuple of (str, str)
        What to do in this step (Chinese, English), from the seed.
    """

    code: str
    order: int
    zh: str
    en: str
    todo: tuple[tuple[str, str], ...]

    @property
    def name(self) -> str:
        """The name in the current language."""
        return localized(self.zh, self.en)


@dataclass(frozen=True)
class Mode:
    """A co-visit mode: demonstration (示范式) or observation (观察式).

    Attributes
    ----------
    code : str
    zh, en : str
        Short names (``"示范"``, ``"demonstration"``).
    purpose, lead, manager, rep, when : (str, str)
        What it aims at, who leads the call, what the manufacturer's manager
        does, what the distributor's rep does, and when to use it.
    """

    code: str
    zh: str
    en: str
    purpose: tuple[str, str]
    lead: tuple[str, str]
    manager: tuple[str, str]
    rep: tuple[str, str]
    when: tuple[str, str]

    @property
    def name(self) -> str:
        """The name in the current language."""
        return localized(self.zh, self.en)


@dataclass(frozen=True)
class Misconception:
    """One of the four misconceptions about co-visits (误区) and its clarification (澄清).

    Attributes
    ----------
    code : str
    zh, en : str
        The seed's heading (``"不是监督"``).
    belief : (str, str)
        The mistaken belief, and who holds it.
    correct : (str, str)
        The correct view in one sentence.
    why : (str, str)
        The explanation: what to do instead, from the seed's 澄清.
    """

    code: str
    zh: str
    en: str
    belief: tuple[str, str]
    correct: tuple[str, str]
    why: tuple[str, str]

    @property
    def name(self) -> str:
        """The heading in the current language."""
        return localized(self.zh, self.en)


@dataclass(frozen=True)
class PrepItem:
    """One item of the preparation checklist (step 1)."""

    code: str
    zh: str
    en: str

    @property
    def name(self) -> str:
        """The item in the current language."""
        return localized(self.zh, self.en)


#: The four steps, in order.
STEPS: tuple[Step, ...] = (
    Step("prepare", 1, "拜访前的准备", "Prepare", (
        ("拜访前先与经销商沟通，了解计划拜访客户的详细资料", "Talk with the distributor first; learn the details of "
                                                 "the customers to be visited"),
        ("知道经销商面临的客户问题", "Know the customer problems the distributor faces"),
        ("与经销商确定协同拜访的时间、方式和对象", "Agree the time, the mode and the customers of the co-visit with "
                                        "the distributor"),
        ("准备好厂商产品、推广方案等相关物料", "Prepare the materials: products, promotion plans"),
    )),
    Step("objectives", 2, "设定拜访目标", "Set objectives", (
        ("选定方式：示范式的目标是解决问题，观察式的目标是提高经销商的能力",
         "Choose the mode: demonstration aims to solve a problem, observation to build the distributor's ability"),
        ("和经销商共同确定拜访目标和计划达到的结果", "Agree each call's objective and the result to reach with the "
                                         "distributor"),
    )),
    Step("visit", 3, "实施拜访", "Visit", (
        ("示范式：厂家主导，针对客户关心的问题，让经销商了解厂家的产品、理念、主张和观点",
         "Demonstration: the manufacturer leads on the customer's concerns, so the rep learns its products, "
         "ideas and positions"),
        ("观察式：经销商主导，厂家提供必要的补充和说明，发现经销商在客户沟通中存在的问题",
         "Observation: the rep leads, the manufacturer adds what is needed and spots problems in the rep's "
         "customer communication"),
    )),
    Step("debrief", 4, "拜访后总结", "Debrief", (
        ("和经销商一起回复客户提问", "Answer the customers' questions together with the distributor"),
        ("针对拜访中发现的产品、市场、销售等问题交换意见，达成共识", "Discuss the product, market and sales problems "
                                                "found on the calls and agree"),
        ("提出改善措施", "Set improvement measures"),
    )),
)

#: The two modes.
MODES: tuple[Mode, ...] = (
    Mode("demonstration", "示范", "demonstration",
         ("解决问题：解决客户关心的问题", "Solve a problem: the customer's concern"),
         ("厂家（区域经理）", "the manufacturer (area manager)"),
         ("主导拜访，针对客户关心的问题讲解产品、理念、主张和观点，做给业务员看",
          "Leads the call, addresses the customer's concerns with the products, ideas and positions, and shows the rep how"),
         ("观察、学习，把厂家的做法运用到日后的客户拜访中", "Watches and learns, to use it on later calls"),
         ("客户提出业务员解决不了的问题；新品、新推广方案要讲清；业务员还不熟悉产品",
          "The customer raises a problem the rep cannot solve; a new product or promotion must be explained; "
          "the rep does not yet know the product")),
    Mode("observation", "观察", "observation",
         ("提高经销商的能力：发现问题、提出改善建议", "Build the distributor's ability: spot problems, suggest improvements"),
         ("经销商业务员", "the distributor's rep"),
         ("让业务员主导，只做必要的补充和说明；记下业务员在客户沟通中的问题，拜访后提出改善建议",
          "Lets the rep lead, only adds what is needed; notes the rep's problems in talking with the customer and "
          "suggests improvements afterwards"),
         ("主导拜访，按自己的方式和客户沟通", "Leads the call in their own way"),
         ("业务员已熟悉产品和客户，要看他能否自己做好；示范之后检查是否学会；找出业务团队的共性问题",
          "The rep knows the product and the customer and should do it alone; checking after a demonstration "
          "that it was learnt; finding problems common to the sales team")),
)

#: The four misconceptions, in the seed's order.
MISCONCEPTIONS: tuple[Misconception, ...] = (
    Misconception(
        "supervision", "不是监督", "Not supervision",
        ("经销商认为：厂家协访是对自己工作的监督，是来指手画脚的", "The distributor thinks: a co-visit is the "
                                                "manufacturer supervising and meddling in its business"),
        ("协访的目标是共同的市场运作，帮助经销商解决销售中的实际问题",
         "The aim is to run the market together and help the distributor solve real selling problems"),
        ("和经销商充分沟通、形成共识；围绕双方认同的市场和销售问题安排协访，让经销商看到直接效果；争取经销商一把手支持，"
         "帮决策层发现业务人员的共性问题；以商量、鼓励、就事论事为主，避免大包大揽、炫耀自我和吹毛求疵。",
         "Talk it through and agree; plan co-visits around problems both sides accept, so the distributor sees "
         "direct results; win the distributor's boss and help management see problems common to its reps; "
         "discuss, encourage and stick to the facts; never take over, show off or nitpick.")),
    Misconception(
        "customers", "不抢客户", "Not taking customers",
        ("经销商认为：下游客户是自己的资源和资本，厂家一旦掌握就会调整经销商",
         "The distributor thinks: its customers are its capital; once the manufacturer knows them it will "
         "replace the distributor"),
        ("协访不是为了抢客户，而是共同经营客户、给经销商安全感",
         "A co-visit is not about taking customers but about serving them together, with security for the distributor"),
        ("用协议确定合作范围和时间（长期合作的可放宽期限）；制定分销商、终端客户的销售和促销计划，明确职责和费用分担，"
         "从给政策到给思路；提供专业化的客户推进计划（科室会、区域行业会）；建立客户关系管理系统，信息共享。",
         "Fix the scope and term of cooperation in an agreement (longer for long-term partners); make sales and "
         "promotion plans for sub-distributors and outlets with clear duties and cost sharing — give ideas, not "
         "only terms; offer professional customer programmes; share a customer management system.")),
    Misconception(
        "formality", "不重形式", "Not a formality",
        ("厂家和经销商都认为：协同拜访对直接销量没有影响，做不做没有区别，当任务走个形式",
         "Both sides think: co-visits do not move sales, so they are a task to tick off"),
        ("协访是相互交流、提升业务能力的手段：要重内容、重过程，不只看结果",
         "A co-visit is a way to exchange and build skills: mind the content and the process, not only the result"),
        ("培训区域经理掌握协访的要点、程序和方法，完善流程、克服随意性；从重结果转到重过程；厂家业务员提高自身素质，"
         "在产品、客户沟通和解决问题上树立权威；把协访的重点客户和经销商近期的拜访计划结合起来，目标一致。",
         "Train area managers in the points, steps and methods of co-visits and follow a process; shift from "
         "results to process; raise the manufacturer's own skills so it is an authority on products, customers "
         "and problem solving; fit the co-visit customers into the distributor's own visit plan.")),
    Misconception(
        "shipping", "不只发货", "Not only shipping",
        ("很多药企认为：商务渠道管理就是发货和回款", "Many manufacturers think: channel management is shipping and "
                                          "collecting payment"),
        ("渠道管理要市场共管、品牌共用、策略共享，从发货回款走向分销和分销质量管理",
         "Manage the market, the brand and the strategy together; move from shipping and payment to distribution "
         "and its quality"),
        ("用全供应链整合的理念管理渠道，把信息流、物流、资金流、商流纳入商务管理；按客户的发展阶段从招商到找商、助商、"
         "领商；经销商都想做大做强，为他们提供增值的培训服务最能切入实际需求。",
         "Manage the channel as one supply chain — information, goods, money and trade flows; grow the role from "
         "recruiting distributors to finding, helping and leading them; distributors want to grow, so value-adding "
         "training meets their real need.")),
)

#: The preparation checklist of step 1.
PREPARATION: tuple[PrepItem, ...] = (
    PrepItem("customer_info", "了解拜访客户的详细资料", "Details of the customers to visit"),
    PrepItem("customer_issues", "了解经销商面临的客户问题", "The customer problems the distributor faces"),
    PrepItem("agree_plan", "与经销商确定时间、方式和对象", "Time, mode and customers agreed with the distributor"),
    PrepItem("materials", "准备产品、推广方案等物料", "Materials ready: products, promotion plans"),
)

#: Chinese step names in order.
STEP_NAMES: tuple[str, ...] = tuple(s.zh for s in STEPS)
