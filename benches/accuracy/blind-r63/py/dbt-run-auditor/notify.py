"""Page the data on-call when a model fails or blows through its time budget."""
import os

import httpx
from dbt_common.events.base_types import EventMsg

WEBHOOK_URL = os.environ["ONCALL_WEBHOOK_URL"]
SLOW_MODEL_SECONDS = float(os.environ.get("SLOW_MODEL_SECONDS", "900"))


def _is_bad(status: str, resource_type: str, seconds: float) -> bool:
    if status in ("error", "fail"):
        return True
    return resource_type == "model" and seconds > SLOW_MODEL_SECONDS


def alert_on_bad_node(event: EventMsg) -> None:
    if event.info.name != "NodeFinished":
        return

    node = event.data.node_info
    result = event.data.run_result
    if not _is_bad(result.status, node.resource_type, result.execution_time):
        return

    client = httpx.Client(
        timeout=10.0,
        headers={"X-Source": "dbt-nightly"},
    )
    client.post(
        WEBHOOK_URL,
        json={
            "summary": f"dbt {node.resource_type} {node.unique_id}: {result.status}",
            "seconds": round(result.execution_time, 1),
            "message": result.message,
        },
    )
