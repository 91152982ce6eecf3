"""Command line: ``kamlab grade``, ``kamlab example-class`` and the class exchange.

Examples
--------
::

    kamlab example-class demo --out class_demo          # 24 submissions to try the grader
    kamlab grade demo class_demo --out graded --jobs 2  # gradebook + feedback pages
    kamlab grade demo class_demo --out graded --scheduler tcp://HOST:8786   # on a Dask cluster

    kamlab exchange init --exchange /srv/kamlab --group kamlab-instructors   # once, on a class server
    kamlab collect m02 --out m02_class                  # latest hand-in per trainee ($KAMLAB_EXCHANGE)
    kamlab grade m02 m02_class --out m02_graded
    kamlab return m02 --feedback m02_graded --homes     # each trainee's page into their home
"""

from __future__ import annotations

import argparse
import sys

from . import exchange, grading
from ._errors import KamlabInputError
from .course import get_bank

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kamlab", description="kamlab 实训工作簿 / training workbook")
    sub = p.add_subparsers(dest="command", required=True)

    g = sub.add_parser("grade", help="评分：重新运行每份作业并写成绩表 / grade a folder of notebooks")
    g.add_argument("module", help="模块，如 m02 / module, e.g. m02")
    g.add_argument("submissions", help="作业：.ipynb 文件夹、每位学员一个子文件夹，或它们的 .zip / "
                                       "submissions: a folder of .ipynb, one sub-folder per trainee, or a .zip")
    g.add_argument("--out", required=True, help="输出文件夹 / output folder")
    g.add_argument("--jobs", type=int, default=1, help="并行数 / parallel workers (default 1)")
    g.add_argument("--timeout", type=float, default=300, help="每份作业的秒数上限 / seconds per submission")
    g.add_argument("--variant", type=int, default=None,
                   help="数据变体（默认：从本班密钥抽取的隐藏变体，保存在 --out 里）/ "
                        "data variant (default: the hidden one drawn from the class secret kept in --out)")
    g.add_argument("--roster", default=None,
                   help="班级名单 CSV（班级报告列出没交作业的学员）/ class roster CSV (the class report lists who "
                        "has not submitted)")
    g.add_argument("--sandbox", default="auto", choices=["auto", "bwrap", "none"],
                   help="隔离方式：auto（有 bubblewrap 就用）、bwrap（必须）、none / "
                        "isolation: auto (bubblewrap where it works), bwrap (required), none")
    g.add_argument("--force", action="store_true", help="重新评已评过的作业 / re-grade everything")
    g.add_argument("--memory-mb", type=int, default=2048, help="内存上限 MB / memory limit per submission")
    g.add_argument("--max-output-mb", type=float, default=20, help="输出上限 MB / stored output cap")
    g.add_argument("--language", default="zh", choices=["zh", "en"], help="反馈页语言 / feedback language")
    g.add_argument("--no-progress", action="store_true", help="不显示进度条 / no progress bar")
    g.add_argument("--scheduler", default=None, metavar="tcp://HOST:8786",
                   help="在 Dask 集群上评分：调度器地址（每个 worker 要装同一版本的 kamlab）/ grade on a Dask "
                        "cluster: its scheduler's address (every worker needs the same kamlab)")

    e = sub.add_parser("example-class", help="生成一个示例班级的作业 / make an example class of submissions")
    e.add_argument("module", help="模块，如 m02 / module")
    e.add_argument("--out", required=True, help="写作业的文件夹 / folder to write the submissions to")
    e.add_argument("--n", type=int, default=24, help="作业份数（≥ 20）/ number of submissions")
    e.add_argument("--seed", type=int, default=0, help="随机种子 / random seed")
    e.add_argument("--solution", default=None, help="答案 notebook 的路径 / path of the solution notebook")
    _exchange_parsers(sub)
    return p


_EXCHANGE_HELP = "班级交换文件夹（默认 $KAMLAB_EXCHANGE）/ class exchange folder (default $KAMLAB_EXCHANGE)"


def _exchange_parsers(sub: argparse._SubParsersAction) -> None:
    x = sub.add_parser("exchange", help="班级交换文件夹 / the class exchange folder")
    xs = x.add_subparsers(dest="action", required=True)
    i = xs.add_parser("init", help="建立（或修复）提交文件夹 / make (or repair) the collect folder")
    i.add_argument("--exchange", default=None, help=_EXCHANGE_HELP)
    i.add_argument("--group", default=None,
                   help="讲师用户组：学员能提交，但看不到彼此的作业 / instructors' group (e.g. kamlab-instructors): "
                        "trainees hand in but cannot list or read each other's work")

    c = sub.add_parser("collect", help="收作业：每位学员最新的一份 / the latest hand-in per trainee")
    c.add_argument("module", help="模块，如 m02 / module, e.g. m02")
    c.add_argument("--out", required=True, help="写作业的文件夹（OUT/学员/模块.ipynb）/ output folder")
    c.add_argument("--exchange", default=None, help=_EXCHANGE_HELP)

    r = sub.add_parser("return", help="发回反馈页：每位学员只拿到自己的 / hand back each trainee's own page")
    r.add_argument("module", help="模块，如 m02 / module, e.g. m02")
    r.add_argument("--feedback", required=True, help="kamlab grade 的 --out 文件夹 / kamlab grade's --out folder")
    r.add_argument("--exchange", default=None,
                   help="（不需要；与 collect 相同的选项）/ (not needed; accepted like collect's)")
    r.add_argument("--homes", action="store_true",
                   help="写到 ~学员/kamlab-feedback/（服务器上用 root 运行）/ into ~trainee/kamlab-feedback/ "
                        "(run as root on a class server)")
    r.add_argument("--to", default=None, help="或写到 文件夹/学员/模块.html / or into DIR/<trainee>/<module>.html")


def _print_notes(notes: list[tuple[str, str]]) -> None:
    for zh, en in notes:
        print(f"{zh} / {en}", file=sys.stderr)


def _exchange_command(args: argparse.Namespace) -> int:
    if args.command == "exchange":
        folder = exchange.init(args.exchange, group=args.group)
        print(f"collect folder: {folder} (mode {folder.stat().st_mode & 0o7777:o})")
        return 0
    get_bank(args.module)      # an unknown module: one bilingual error with the closest id
    if args.command == "collect":
        got = exchange.collect(args.module, args.out, exchange=args.exchange)
        _print_notes(got.notes)
        print(f"collected {len(got.trainees)} submissions of {args.module} into {args.out}")
        return 0
    back = exchange.return_feedback(args.module, args.feedback, homes=args.homes, to=args.to)
    _print_notes(back.notes)
    print(f"returned {len(back.written)} feedback pages of {args.module}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kamlab`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "grade":
            # the top layer finds the course module's bank; grading never imports the course
            report = grading.grade(get_bank(args.module), args.submissions, out=args.out, jobs=args.jobs,
                                   timeout=args.timeout, variant=args.variant, force=args.force,
                                   sandbox=args.sandbox, roster=args.roster,
                                   memory_mb=args.memory_mb, max_output_mb=args.max_output_mb,
                                   language=args.language, progress=not args.no_progress,
                                   scheduler=args.scheduler)
            print(f"graded {report.n_submissions} submissions of {report.module} on variant "
                  f"{report.variant} ({report.n_graded} now, {report.n_cached} from an earlier run, "
                  f"{report.n_problems} with problems)")
            print(f"gradebook: {report.gradebook_csv}\n           {report.gradebook_xlsx}")
            print(f"feedback:  {report.feedback_dir}\nlog:       {report.log}")
            print(f"report:    {report.out / 'class_report.html'}")
            if (report.out / "scoring_sheet.xlsx").exists():
                print(f"scoring:   {report.out / 'scoring_sheet.xlsx'} (讲师评分 / type hand scores here or in the gradebook)")
            return 0
        if args.command == "example-class":
            paths = grading.example_class(args.module, args.out, n=args.n, seed=args.seed,
                                          solution=args.solution)
            print(f"wrote {len(paths)} submissions to {args.out}")
            return 0
        if args.command in ("exchange", "collect", "return"):
            return _exchange_command(args)
    except KamlabInputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断：正在运行的作业已停止，未缓存；再次运行会接着评 / interrupted: running submissions were "
              "stopped and not cached; run again to continue", file=sys.stderr)
        return 130
    return 1  # pragma: no cover - argparse requires a command


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
