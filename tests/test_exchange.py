"""The class exchange: hand-in from the notebook, ``kamlab collect``, ``kamlab grade``, ``kamlab return``.

Plain folders everywhere; the owner/permission tests create two throwaway
system users (and a group) when run as root, and remove them afterwards.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

import kamlab as kl
from kamlab import exchange
from kamlab.cli import main

ROOT = Path(__file__).resolve().parents[1]
SOLUTION = ROOT / "solutions" / "m02_screening.ipynb"
BLANK = ROOT / "notebooks" / "m02_screening.ipynb"


@pytest.fixture
def room(tmp_path, monkeypatch):
    """An exchange root made by ``kamlab exchange init``, a home for receipts, no Jupyter session."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    root = tmp_path / "exchange"
    monkeypatch.setenv("KAMLAB_EXCHANGE", str(root))
    assert main(["exchange", "init"]) == 0
    return root


def _notebook(folder: Path, name: str, source: Path = SOLUTION) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    shutil.copyfile(source, path)
    return path


def _one_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 2, err   # one message: Chinese line, English line
    return err


def test_round_trip_on_plain_folders(room, tmp_path, monkeypatch, capsys):
    """Three trainees submit from their workbook; the instructor collects, grades and returns."""
    sources = {"alice": SOLUTION, "bob": BLANK, "carol": SOLUTION}
    kept = {}
    for trainee, source in sources.items():
        nb = _notebook(tmp_path / trainee, "m02_screening.ipynb", source)
        kept[trainee] = (nb.read_bytes(), nb.stat().st_mtime_ns)
        monkeypatch.setenv("JUPYTERHUB_USER", trainee)
        monkeypatch.setenv("JPY_SESSION_NAME", str(nb))
        receipt = kl.workbook("m02").submit()
        assert receipt.count == 1 and receipt.path.name.startswith(f"{trainee}+m02+")
        assert receipt.path.read_bytes() == source.read_bytes()
        assert stat.S_IMODE(receipt.path.stat().st_mode) == 0o640
    for trainee, (data, mtime) in kept.items():       # the trainee's own notebook is never modified
        nb = tmp_path / trainee / "m02_screening.ipynb"
        assert (nb.read_bytes(), nb.stat().st_mtime_ns) == (data, mtime)

    assert main(["collect", "m02", "--out", str(tmp_path / "class")]) == 0
    assert "collected 3 submissions" in capsys.readouterr().out
    assert sorted(p.relative_to(tmp_path / "class").as_posix() for p in (tmp_path / "class").rglob("*.ipynb")) == [
        "alice/m02.ipynb", "bob/m02.ipynb", "carol/m02.ipynb"]

    graded = tmp_path / "graded"
    assert main(["grade", "m02", str(tmp_path / "class"), "--out", str(graded), "--no-progress",
                 "--variant", "0"]) == 0
    book = (graded / "gradebook.csv").read_text(encoding="utf-8-sig")
    assert all(name in book for name in sources)

    back = tmp_path / "back"
    assert main(["return", "m02", "--feedback", str(graded), "--to", str(back)]) == 0
    for trainee in sources:
        assert [p.name for p in (back / trainee).iterdir()] == ["m02.html"]     # their page only
        page = (back / trainee / "m02.html").read_text(encoding="utf-8")
        assert page == (graded / "feedback" / f"{trainee}.html").read_text(encoding="utf-8")
        assert f"– {trainee}</title>" in page
    assert (back / "alice" / "m02.html").read_bytes() != (back / "bob" / "m02.html").read_bytes()


def _hand_in(folder: Path, trainee: str, utc: str, token: str, body: object, module: str = "m02") -> Path:
    path = folder / f"{trainee}+{module}+{utc}+{token}.ipynb"
    path.write_text(body if isinstance(body, str) else json.dumps(body), encoding="utf-8")
    return path


def _nb(module: str | None = "m02", marker: str = "") -> dict:
    meta = {"kamlab": {"module": module}} if module else {}
    return {"cells": [{"cell_type": "markdown", "metadata": {}, "source": marker}], "metadata": meta,
            "nbformat": 4, "nbformat_minor": 5}


def test_collect_takes_the_latest_per_trainee_and_skips_what_is_not_a_hand_in(room, tmp_path):
    folder = room / "collect"
    _hand_in(folder, "wang", "20261203T090000Z", "aaaa", _nb(marker="wang early"))
    _hand_in(folder, "wang", "20261203T100000Z", "bbbb", _nb(marker="wang late"))
    _hand_in(folder, "li", "20261203T080000Z", "cccc", _nb(marker="li good"))
    _hand_in(folder, "li", "20261203T110000Z", "dddd", "{not json")              # latest, corrupt
    _hand_in(folder, "li", "20261203T120000Z", "eeee", _nb("m03", "li m03 file"))  # says m03 inside
    _hand_in(folder, "zhao", "20261203T120000Z", "ffff", _nb("m03"), module="m03")  # another module's
    (folder / "notes.txt").write_text("not a notebook")
    (folder / ".wang+m02+20261203T130000Z+9999.ipynb").write_text("{}")       # a hand-in being written
    result = exchange.collect("m02", tmp_path / "out")
    assert sorted(result.trainees) == ["li", "wang"]
    assert "wang late" in result.trainees["wang"].read_text(encoding="utf-8")
    assert "li good" in result.trainees["li"].read_text(encoding="utf-8")
    notes = [en for _, en in result.notes]
    assert any(n.startswith("Skipped notes.txt: not a submission") for n in notes)
    assert any("dddd" in n and "JSON" in n for n in notes) and any("eeee" in n and "m03" in n for n in notes)
    assert not any("zhao" in n or ".wang" in n for n in notes)
    assert len(os.listdir(folder)) == 8                                        # nothing in collect changed


def test_a_second_hand_in_counts_and_shows_in_the_summary(room, tmp_path, monkeypatch):
    nb = _notebook(tmp_path / "me", "m02_screening.ipynb")
    monkeypatch.setenv("JPY_SESSION_NAME", str(nb))
    wb = kl.workbook("m02", language="en")
    (zh, en), ok = wb.status()
    assert ok and en.startswith("m02 not submitted yet")
    box = wb.summary().hand_in_box()
    assert box.button.description == "提交 / Submit"
    box.button.click()
    assert "Submitted m02" in box.status.value and "submission 1" in box.status.value
    box.button.click()
    assert "submission 2" in box.status.value and "第 2 次" not in box.status.value   # English mode: English only
    bundle = wb.summary()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "submission 2" in bundle["text/plain"] and "kamlab-submit-status" in bundle["text/html"]
    assert kl.workbook("m02").summary().iloc[0, 3] == "未作答"                     # still the table for code


def test_the_button_says_why_it_cannot_hand_in(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("KAMLAB_EXCHANGE", raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    wb = kl.workbook("m02")
    bundle = wb.summary()._repr_mimebundle_()
    assert "请把这本 .ipynb 文件直接交给讲师" in bundle["text/plain"]
    assert "hand this .ipynb file to your instructor" in bundle["text/html"]
    monkeypatch.setenv("KAMLAB_EXCHANGE", str(tmp_path / "nowhere"))
    box = wb.summary().hand_in_box()
    assert "kamlab exchange init" in box.status.value
    (tmp_path / "nowhere" / "collect").mkdir(parents=True)
    box.button.click()                                   # no Jupyter session: no notebook file
    assert "没有提交" in box.status.value and "cannot be found" in box.status.value


def test_submit_refuses_an_unsaved_missing_or_foreign_notebook(room, tmp_path, capsys):
    wb = kl.workbook("m02")
    nb = _notebook(tmp_path / "me", "m02_screening.ipynb")
    wb.check("q1", ...)                                  # an answer recorded after the file was saved
    os.utime(nb, (1_000_000_000, 1_000_000_000))
    with pytest.raises(kl.KamlabInputError, match="Ctrl\\+S") as err:
        wb.submit(notebook=nb)
    assert "older than your last answer" in err.value.en and "先保存" in err.value.zh
    with pytest.raises(kl.KamlabInputError, match="does not exist"):
        wb.submit(notebook=tmp_path / "gone.ipynb")
    other = tmp_path / "m03.ipynb"
    other.write_text(json.dumps(_nb("m03")), encoding="utf-8")
    with pytest.raises(kl.KamlabInputError, match="belongs to module m03"):
        wb.submit(notebook=other)
    assert os.listdir(room / "collect") == []


@pytest.mark.parametrize("argv, zh, en", [
    (["collect", "m02", "--out", "OUT"], "没有给出班级的交换文件夹", "No class exchange folder given"),
    (["collect", "m99", "--out", "OUT", "--exchange", "ROOT"], "没有课程模块 'm99'", "There is no course module"),
    (["collect", "m02", "--out", "OUT", "--exchange", "ROOT"], "没有模块 m02 的作业", "no submissions of module m02"),
    (["collect", "m02", "--out", "OUT", "--exchange", "MISSING"], "不存在", "does not exist"),
    (["return", "m02", "--feedback", "OUT"], "--homes", "one of the two"),
    (["return", "m02", "--feedback", "OUT", "--to", "BACK"], "不是 kamlab grade 的输出文件夹",
     "not an output folder of kamlab grade"),
    (["exchange", "init", "--exchange", "ROOT", "--group", "no-such-group-kx"], "没有用户组", "no group"),
])
def test_bad_input_gives_one_bilingual_error(argv, zh, en, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("KAMLAB_EXCHANGE", raising=False)
    exchange.init(tmp_path / "ROOT")
    paths = {"OUT": tmp_path / "out", "ROOT": tmp_path / "ROOT", "MISSING": tmp_path / "missing",
             "BACK": tmp_path / "back"}
    (tmp_path / "out").mkdir()
    assert main([str(paths.get(a, a)) for a in argv]) == 2
    err = _one_error(capsys)
    assert zh in err and en in err


def test_init_is_idempotent_and_keeps_hand_ins(room):
    kept = _hand_in(room / "collect", "wang", "20261203T090000Z", "aaaa", _nb())
    assert exchange.init(room) == room / "collect"
    assert kept.exists()


# --- a class server: system users, owners and permissions -------------------------------------------

def _run_as(user: str, code: str, home: Path) -> subprocess.CompletedProcess:
    """Run *code* as *user*: a Python started as root imports kamlab, then drops to the user's ids.

    (The interpreter may live under /root, which the throwaway users cannot enter.)
    """
    drop = ("import os, pwd, kamlab.exchange\n"
            f"u = pwd.getpwnam({user!r})\n"
            "os.setgroups([]); os.setgid(u.pw_gid); os.setuid(u.pw_uid)\n")
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "HOME": str(home), "JUPYTERHUB_USER": user}
    return subprocess.run([sys.executable, "-c", drop + code], env=env, capture_output=True, text=True)


@pytest.fixture
def class_server():
    """Two throwaway trainees and an instructors' group under a world-traversable folder; removed after."""
    if os.geteuid() != 0 or not shutil.which("useradd"):
        pytest.skip("needs root and useradd to create throwaway system users")
    tag = uuid.uuid4().hex[:6]
    users, group = [f"kx{tag}a", f"kx{tag}b"], f"kx{tag}i"
    base = Path(tempfile.mkdtemp(prefix="kamlab-exchange-", dir="/tmp"))
    os.chmod(base, 0o755)
    try:
        subprocess.run(["groupadd", group], check=True)
        for user in users:
            home = base / user
            subprocess.run(["useradd", "--no-create-home", "--home-dir", str(home), "--shell", "/bin/sh", user],
                           check=True)
            home.mkdir(mode=0o700)
            info = pwd.getpwnam(user)
            os.chown(home, info.pw_uid, info.pw_gid)
        yield base, users, group
    finally:
        for user in users:
            subprocess.run(["userdel", user], capture_output=True)
        subprocess.run(["groupdel", group], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_on_a_class_server_trainees_cannot_see_each_other_and_collect_trusts_the_owner(class_server, tmp_path):
    base, (a, b), group = class_server
    root = base / "exchange"
    assert main(["exchange", "init", "--exchange", str(root), "--group", group]) == 0
    folder = root / "collect"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o3773 and folder.stat().st_gid == grp.getgrnam(group).gr_gid
    for user in (a, b):
        shutil.copyfile(SOLUTION, base / user / "m02.ipynb")
        os.chown(base / user / "m02.ipynb", pwd.getpwnam(user).pw_uid, -1)
    # a writes b's name into the file name: the owner, not the name, counts
    submit = ("import kamlab.exchange as ex; "
              "r = ex.submit('m02', notebook={nb!r}, exchange={root!r}, trainee={who!r}); "
              "print(r.path.name); print(r.count)")
    got_a = _run_as(a, submit.format(nb=str(base / a / "m02.ipynb"), root=str(root), who=b), base / a)
    assert got_a.returncode == 0, got_a.stderr
    a_file = got_a.stdout.split()[0]
    assert a_file.startswith(f"{b}+m02+") and got_a.stdout.split()[1] == "1"
    got_b = _run_as(b, submit.format(nb=str(base / b / "m02.ipynb"), root=str(root), who=b), base / b)
    assert got_b.returncode == 0, got_b.stderr
    assert (folder / a_file).stat().st_gid == folder.stat().st_gid                   # setgid: instructors read
    # b can neither list the collect folder nor read a's hand-in (whose name b was told)
    peek = _run_as(b, f"import os\nfor f in (lambda: os.listdir({str(folder)!r}), "
                      f"lambda: open({str(folder / a_file)!r}).read()):\n"
                      f"    try:\n        f(); print('READ')\n    except PermissionError:\n        print('DENIED')",
                   base / b)
    assert peek.stdout.split() == ["DENIED", "DENIED"], peek.stdout + peek.stderr

    result = exchange.collect("m02", tmp_path / "class", exchange=root)
    assert sorted(result.trainees) == [a, b]
    assert result.sources[a].name == a_file
    assert any(f"filed under {a}" in en for _, en in result.notes)

    graded = tmp_path / "graded"                          # a grade output: gradebook + one page each
    (graded / "feedback").mkdir(parents=True)
    (graded / "gradebook.csv").write_text("trainee,file,status\n" + "".join(
        f"{u},{u}/m02.ipynb,ok\n" for u in (a, b)), encoding="utf-8")
    for user in (a, b):
        (graded / "feedback" / f"{user}.html").write_text(f"<p>page of {user}</p>", encoding="utf-8")
    os.symlink("/etc", base / b / "kamlab-feedback")      # b tries to make root write elsewhere
    assert main(["return", "m02", "--feedback", str(graded), "--homes"]) == 0
    page = base / a / "kamlab-feedback" / "m02.html"
    info = page.stat()
    assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (pwd.getpwnam(a).pw_uid, 0o600)
    assert os.listdir(base / a / "kamlab-feedback") == ["m02.html"]
    assert page.read_text(encoding="utf-8") == f"<p>page of {a}</p>"
    assert not Path("/etc/m02.html").exists()
    own = _run_as(a, f"print(open({str(page)!r}).read())", base / a)
    assert own.stdout.strip() == f"<p>page of {a}</p>"
    other = _run_as(b, f"print(open({str(page)!r}).read())", base / b)
    assert other.returncode != 0 and "PermissionError" in other.stderr
