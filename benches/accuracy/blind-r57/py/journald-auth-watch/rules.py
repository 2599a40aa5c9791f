"""Turns journal entries into auth events (pure functions, no I/O)."""
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

SSHD_FAILED = re.compile(
    r"Failed (?P<method>password|publickey) for (?:invalid user )?(?P<user>\S+) "
    r"from (?P<ip>[0-9a-fA-F:.]+) port \d+")
SSHD_INVALID = re.compile(r"Invalid user (?P<user>\S+) from (?P<ip>[0-9a-fA-F:.]+)")
SUDO_FAILED = re.compile(
    r"(?P<user>\S+) : (?:\d+ incorrect password attempts?|user NOT in sudoers)")


@dataclass(frozen=True)
class AuthEvent:
    at: datetime
    host: str
    service: str
    kind: str
    user: str
    source_ip: Optional[str]
    cursor: str


def classify(entry) -> Optional[AuthEvent]:
    message = entry.get("MESSAGE")
    if not isinstance(message, str):
        return None
    ident = entry.get("SYSLOG_IDENTIFIER", "")
    common = dict(
        at=entry["__REALTIME_TIMESTAMP"],
        host=entry.get("_HOSTNAME", "?"),
        cursor=entry["__CURSOR"],
    )
    if ident == "sshd":
        m = SSHD_FAILED.search(message)
        if m:
            return AuthEvent(service="sshd", kind="failed_" + m["method"],
                             user=m["user"], source_ip=m["ip"], **common)
        m = SSHD_INVALID.search(message)
        if m:
            return AuthEvent(service="sshd", kind="invalid_user",
                             user=m["user"], source_ip=m["ip"], **common)
    elif ident == "sudo":
        m = SUDO_FAILED.search(message)
        if m:
            return AuthEvent(service="sudo", kind="sudo_denied",
                             user=m["user"], source_ip=None, **common)
    return None
