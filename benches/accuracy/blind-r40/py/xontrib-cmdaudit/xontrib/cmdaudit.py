"""xontrib-cmdaudit: record every command typed on the bastion hosts.

Enable with `xontrib load cmdaudit` in the operators' ~/.xonshrc.  xonsh
fires on_postcommand after each command line the operator runs and
on_chdir on every directory change, for the whole life of the shell.
"""
import getpass
import os
import socket

import httpx
import psycopg2

AUDIT_DSN = os.environ.get("CMDAUDIT_DSN", "host=audit-db.internal dbname=audit user=bastion")
SIEM_URL = os.environ.get("CMDAUDIT_SIEM_URL", "https://siem.internal.example.com")
SIEM_TOKEN = os.environ.get("CMDAUDIT_SIEM_TOKEN", "")
HOST = socket.gethostname()
USER = getpass.getuser()

SENSITIVE_DIRS = ("/etc", "/var/lib/postgresql", "/srv/secrets")


def _audit_db():
    return psycopg2.connect(AUDIT_DSN, connect_timeout=3, application_name="cmdaudit")


def _on_postcommand(cmd, rtn, out, ts, **_):
    started, finished = ts if ts else (None, None)
    conn = _audit_db()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO shell_commands (host, username, cwd, command, exit_code, started, finished) "
                "VALUES (%s, %s, %s, %s, %s, to_timestamp(%s), to_timestamp(%s))",
                (HOST, USER, os.getcwd(), cmd.strip(), rtn, started, finished),
            )
        conn.commit()
    finally:
        conn.close()


def _on_chdir(olddir, newdir, **_):
    if not newdir.startswith(SENSITIVE_DIRS):
        return
    siem = httpx.Client(
        base_url=SIEM_URL,
        headers={"Authorization": f"Bearer {SIEM_TOKEN}"},
        timeout=3.0,
    )
    siem.post("/v1/events", json={"type": "bastion.chdir", "host": HOST, "user": USER, "from": olddir, "to": newdir})


def _load_xontrib_(xsh, **_):
    events = xsh.builtins.events
    events.on_postcommand(_on_postcommand)
    events.on_chdir(_on_chdir)
    return {}


def _unload_xontrib_(xsh, **_):
    events = xsh.builtins.events
    events.on_postcommand.remove(_on_postcommand)
    events.on_chdir.remove(_on_chdir)
    return {}
