"""The case of m11: the MWP platforms' criteria, the course's numbers and the three observed doctors."""

from __future__ import annotations

#: Module id.
MODULE = "m11"
#: The data set of the module (a trainee's own file stands in for it).
DATASET = "doctors"
#: Column of the doctor ids.
ID_COL = "doctor_id"
#: The four screening criteria of the market platform (dimensions of ``kl.screening.DOCTOR_TARGET_RUBRIC``).
TARGET_DIMENSIONS: tuple[str, ...] = ("病人数", "床位数/门诊数", "价值取向", "影响力")
#: The seed's weights of the screening criteria.
SEED_WEIGHTS: dict[str, int] = {"病人数": 30, "床位数/门诊数": 30, "价值取向": 20, "影响力": 20}
#: The five wall criteria of the prescription platform (dimensions of ``kl.screening.DOCTOR_WALL_RUBRIC``).
WALL_DIMENSIONS: tuple[str, ...] = ("是否首选用药", "谈话的时间顺序", "传递的信息", "接受邀请", "突发事件的处理")
#: English words for the criteria where kamlab labels them (sliders, chart axes) in English.
DIMENSION_EN: dict[str, str] = {
    "病人数": "Patients", "床位数/门诊数": "Beds / outpatients", "价值取向": "Value orientation",
    "影响力": "Influence", "是否首选用药": "First-choice drug", "谈话的时间顺序": "Talk order",
    "传递的信息": "Message delivered", "接受邀请": "Accepts invitations", "突发事件的处理": "Incident handling"}
#: The criterion names are data: the keys of the rubrics and of the answers (q1), the same in both
#: languages so that one answer grades the same in both.
DATA_TERMS: tuple[str, ...] = TARGET_DIMENSIONS + WALL_DIMENSIONS
#: Awareness / commitment from this score on count as high (the tool's default).
THRESHOLD = 3
#: Core doctors (核心医生): aware and committed.
CORE_STAGE = "P4"
#: The 80/20 rule.
SHARE = 0.8
#: The range of the number of target doctors (exercise 2).
N_RANGE = (10, 60)
#: Smallest weight of a screening criterion (every criterion counts).
MIN_WEIGHT = 5.0

#: Exercise 4: three observed doctors (Chinese, English, right stage), not in stage order.
CASES: dict[str, tuple[str, str, str]] = {
    "A": ("王主任认可我们的代表和公司，也接受产品的疗效；但看到一篇剂量和不良反应数据相互冲突的文献后，只在少数病人身上谨慎使用。",
          "Dr Wang trusts our rep and company and accepts the product's efficacy, but after a paper with "
          "conflicting dosage and adverse-reaction data he uses it only cautiously, in a few patients.", "P3"),
    "B": ("李医生不愿意接待公司的代表，总是推辞；对公司和产品有很多疑问，防卫心理很强。",
          "Dr Li does not want to see our rep and keeps declining; she has many doubts about the company "
          "and the product and is very defensive.", "P1"),
    "C": ("张医生听介绍时对产品的某一点表现出关注，追问临床用法，还联系到自己的病人；但担心转换用药的风险和成本，从没用过我们的产品。",
          "Dr Zhang shows interest in one point of the presentation, asks about clinical use and relates it "
          "to his own patients, but worries about the risk and cost of switching and has never used our product.",
          "P2"),
}
#: Value columns offered in the 80/20 form.
VALUE_COLUMNS: dict[str, tuple[str, str]] = {
    "patients_per_month": ("月病人数", "Patients per month"),
    "outpatients_month": ("月门诊量（人次）", "Outpatient visits per month"),
    "monthly_rx_units": ("月处方量（盒）", "Monthly prescriptions (boxes)"),
}
_STAGES = ("P1", "P2", "P3", "P4")
_BEHAVIOURS = ("S1", "S2", "S3", "S4")

_BEHAVIOUR_NAMES = {"S1": ("S1 建立式", "S1 establishing"), "S2": ("S2 劝说式", "S2 persuading"),
                    "S3": ("S3 承诺式", "S3 committing"), "S4": ("S4 满足式", "S4 satisfying")}

