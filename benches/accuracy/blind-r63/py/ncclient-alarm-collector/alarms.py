from dataclasses import dataclass
from datetime import datetime

ALARM_NS = "http://cisco.com/ns/yang/Cisco-IOS-XR-alarmgr-server-oper"


@dataclass
class Alarm:
    raised_at: datetime
    severity: str
    description: str
    location: str
    cleared: bool


def parse_alarm(ele) -> Alarm | None:
    info = ele.find(f".//{{{ALARM_NS}}}alarm-info")
    if info is None:
        return None

    def field(name: str) -> str:
        node = info.find(f"{{{ALARM_NS}}}{name}")
        return node.text if node is not None and node.text else ""

    return Alarm(
        raised_at=datetime.fromisoformat(field("set-time") or datetime.now().isoformat()),
        severity=field("severity") or "unknown",
        description=field("description"),
        location=field("location"),
        cleared=field("state") == "clear",
    )
