# JupyterHub for a kamlab class: one server, every trainee in their browser.
# 一台服务器上的 kamlab 班级：学员只用浏览器。
#
# Start it with `sudo python3 deploy/hub.py` (deploy/README.md); the settings
# below come from environment variables so the same file serves a workshop,
# a company programme and the end-to-end test (tests/hub/):
#
#   KAMLAB_HUB_INSTRUCTORS  admin accounts, comma-separated        (instructor)
#   KAMLAB_HUB_GROUP        their system group, reads hand-ins     (kamlab-instructors)
#   KAMLAB_HUB_TRAINEES     a file of trainee names, one a line: only they may log in
#                           (unset: anyone who can reach the page may claim a free name)
#   KAMLAB_HUB_AUTH         firstuse (default) or an authenticator class, e.g.
#                           oauthenticator.generic.GenericOAuthenticator, ldapauthenticator.LDAPAuthenticator
#   KAMLAB_HUB_SITE_CONFIG  a Python file with your own settings (SSO ids, TLS ...), read last
#                           (/etc/kamlab-hub/site_config.py when it exists)
#   KAMLAB_HUB_STATE        the hub's database, cookie secret, passwords  (/var/lib/kamlab-hub)
#   KAMLAB_EXCHANGE         the class's hand-in root; every trainee's server gets it  (/srv/kamlab/exchange)
#   KAMLAB_WORKBOOK         the notebooks each trainee gets on first login  (this checkout's notebooks/)
#   KAMLAB_HUB_BIND         the address trainees open                   (http://:8000)
#   KAMLAB_HUB_HUB_PORT, KAMLAB_HUB_PROXY_API_PORT  internal ports      (8081, 8001)
# ruff: noqa: F821  (`c` and `load_subconfig` are given by JupyterHub)

import importlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from classroom import ADD_USER_CMD, class_authenticator, init_exchange, prepare_home  # noqa: E402

env = os.environ.get
state = Path(env("KAMLAB_HUB_STATE", "/var/lib/kamlab-hub"))
exchange = Path(env("KAMLAB_EXCHANGE", "/srv/kamlab/exchange"))
workbook = Path(env("KAMLAB_WORKBOOK", str(HERE.parent / "notebooks")))
group = env("KAMLAB_HUB_GROUP", "kamlab-instructors")
instructors = {n.strip() for n in env("KAMLAB_HUB_INSTRUCTORS", "instructor").split(",") if n.strip()}
WORKBOOK_FOLDER = "kamlab-workbook"   # ~/kamlab-workbook: the trainee's copy

state.mkdir(parents=True, exist_ok=True)
os.chmod(state, 0o700)
if not (workbook / "m02_screening.ipynb").is_file():
    raise SystemExit(f"KAMLAB_WORKBOOK={workbook} holds no kamlab workbook (m02_screening.ipynb)")
init_exchange(exchange, group)

# --- the hub and its proxy (configurable-http-proxy from deploy/package.json, `npm ci`)
c.JupyterHub.bind_url = env("KAMLAB_HUB_BIND", "http://:8000")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("KAMLAB_HUB_HUB_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(env('KAMLAB_HUB_PROXY_API_PORT', '8001'))}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# --- who logs in: first use by default (each trainee sets their own password on
# first login; the instructor logs in first), or the company's SSO
auth = env("KAMLAB_HUB_AUTH", "firstuse")
if auth == "firstuse":
    from firstuseauthenticator import FirstUseAuthenticator as base

    c.FirstUseAuthenticator.dbm_path = str(state / "passwords.dbm")
    c.FirstUseAuthenticator.min_password_length = 8
else:
    module, _, name = auth.rpartition(".")
    base = getattr(importlib.import_module(module), name)
c.JupyterHub.authenticator_class = class_authenticator(base, group)
c.LocalAuthenticator.create_system_users = True
c.LocalAuthenticator.add_user_cmd = ADD_USER_CMD   # useradd: a home of its own, mode 0700
c.Authenticator.admin_users = instructors
c.Authenticator.username_pattern = r"^[a-z][a-z0-9_-]{0,30}$"   # a valid Linux user name
roster = env("KAMLAB_HUB_TRAINEES")
if roster:
    names = Path(roster).read_text(encoding="utf-8").split()
    c.Authenticator.allowed_users = {n.strip().lower() for n in names if n.strip()}
else:
    c.Authenticator.allow_all = True

# --- each trainee's JupyterLab: their own system user, their home, the workbook
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]   # the hub's own environment
c.Spawner.default_url = f"/lab/tree/{WORKBOOK_FOLDER}"   # the workbook's folder; index.ipynb lists the modules
c.Spawner.environment = {"KAMLAB_EXCHANGE": str(exchange)}
c.Spawner.args = ["--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def _first_login(spawner):
    """Home 0700 and the workbook's missing files, before the trainee's server starts."""
    copied = prepare_home(spawner.user.name, workbook, WORKBOOK_FOLDER)
    if copied:
        spawner.log.info("kamlab workbook for %s: %d new files", spawner.user.name, len(copied))


c.Spawner.pre_spawn_hook = _first_login

site = Path(env("KAMLAB_HUB_SITE_CONFIG", "/etc/kamlab-hub/site_config.py"))
if site.is_file():
    load_subconfig(str(site))
