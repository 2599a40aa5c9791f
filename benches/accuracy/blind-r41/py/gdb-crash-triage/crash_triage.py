"""GDB extension used on the fuzzing farm: every stop on a fatal signal is
bucketed by stack hash in the triage DB and, for new buckets, a Jira ticket is
opened. Sourced once per GDB session from ~/.gdbinit."""
import functools
import hashlib
import os
import threading

import boto3
import gdb
import requests
from sqlalchemy import create_engine, text

TRIAGE_URL = os.environ.get("TRIAGE_DB_URL", "postgresql+psycopg2://triage:triage@triage-db:5432/crashes")
JIRA_URL = os.environ.get("JIRA_URL", "https://jira.example.com")
CORE_BUCKET = os.environ.get("CORE_BUCKET", "fuzz-cores")
FATAL = {"SIGSEGV", "SIGABRT", "SIGBUS", "SIGFPE", "SIGILL"}

# Created once when GDB sources this file.
engine = create_engine(TRIAGE_URL, pool_size=1, max_overflow=1, pool_pre_ping=True)

_jira = None
_jira_lock = threading.Lock()


def jira() -> requests.Session:
    global _jira
    if _jira is None:
        with _jira_lock:
            if _jira is None:
                s = requests.Session()
                s.auth = (os.environ.get("JIRA_USER", ""), os.environ.get("JIRA_TOKEN", ""))
                _jira = s
    return _jira


@functools.lru_cache(maxsize=None)
def s3(region: str):
    return boto3.client("s3", region_name=region)


def _backtrace(limit: int = 12) -> list[str]:
    frames, frame = [], gdb.newest_frame()
    while frame is not None and len(frames) < limit:
        sal = frame.find_sal()
        where = f"{sal.symtab.filename}:{sal.line}" if sal.symtab else "??"
        frames.append(f"{frame.name() or '??'} at {where}")
        frame = frame.older()
    return frames


def on_stop(event) -> None:
    # Called by GDB on every stop (breakpoints, signals, steps).
    if not isinstance(event, gdb.SignalEvent) or event.stop_signal not in FATAL:
        return
    frames = _backtrace()
    bucket = hashlib.sha1("\n".join(frames[:5]).encode()).hexdigest()[:16]
    target = gdb.current_progspace().filename or "unknown"
    with engine.begin() as conn:
        seen = conn.execute(
            text("SELECT 1 FROM buckets WHERE bucket = :b"), {"b": bucket}
        ).first()
        conn.execute(
            text("INSERT INTO hits (bucket, target, signal, stack) VALUES (:b, :t, :s, :st)"),
            {"b": bucket, "t": target, "s": event.stop_signal, "st": "\n".join(frames)},
        )
        if seen is None:
            conn.execute(text("INSERT INTO buckets (bucket, target) VALUES (:b, :t)"),
                         {"b": bucket, "t": target})
    if seen is None:
        jira().post(f"{JIRA_URL}/rest/api/2/issue", timeout=10, json={"fields": {
            "project": {"key": "FUZZ"}, "issuetype": {"name": "Bug"},
            "summary": f"[{event.stop_signal}] new crash bucket {bucket} in {os.path.basename(target)}",
            "description": "{noformat}\n" + "\n".join(frames) + "\n{noformat}",
        }})


class TriageUploadCore(gdb.Command):
    """triage-upload-core BUCKET: write a core file and upload it for BUCKET."""

    def __init__(self):
        super().__init__("triage-upload-core", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        bucket = arg.strip()
        path = f"/tmp/core.{bucket}"
        gdb.execute(f"generate-core-file {path}", to_string=True)
        s3(os.environ.get("AWS_REGION", "us-east-1")).upload_file(path, CORE_BUCKET, f"{bucket}/core")
        os.unlink(path)
        gdb.write(f"uploaded core for {bucket}\n")


def on_exiting(_event) -> None:
    engine.dispose()
    if _jira is not None:
        _jira.close()


gdb.events.stop.connect(on_stop)
gdb.events.gdb_exiting.connect(on_exiting)
TriageUploadCore()
