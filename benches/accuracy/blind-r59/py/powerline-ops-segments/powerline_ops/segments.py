"""Segments referenced from config_files/themes/shell/ops.json."""
import os
import urllib.request

from powerline.lib.threaded import ThreadedSegment
from powerline.segments import with_docstring

from powerline_ops.clients import get_redis, new_deploy_api_session

DEPLOY_API = os.environ.get("DEPLOY_API_URL", "https://deploy.internal/api")
STATUS_PAGE = os.environ.get("STATUS_PAGE_URL", "https://status.internal/banner.txt")


class DeployStatusSegment(ThreadedSegment):
    """Polls the deploy API in powerline's background thread every 30 s."""

    interval = 30

    def __init__(self):
        super().__init__()
        self._http = None

    def set_state(self, service="checkout", **kwargs):
        self.service = service
        super().set_state(**kwargs)

    def update(self, old_update_value):
        if self._http is None:
            self._http = new_deploy_api_session()
        resp = self._http.get(f"{DEPLOY_API}/services/{self.service}/latest", timeout=2)
        if resp.status_code != 200:
            return old_update_value
        data = resp.json()
        return {"version": data["version"], "state": data["state"]}

    def render(self, update_value, **kwargs):
        if not update_value:
            return None
        group = "deploy_ok" if update_value["state"] == "healthy" else "deploy_bad"
        return [
            {
                "contents": f"{self.service}@{update_value['version']}",
                "highlight_groups": [group, "background"],
            }
        ]

    def shutdown(self):
        super().shutdown()
        if self._http is not None:
            self._http.close()
            self._http = None


deploy_status = with_docstring(
    DeployStatusSegment(),
    """Return the version and health of the latest deploy of ``service``.""",
)


def oncall(pl, team="payments"):
    """Current on-call engineer for ``team`` (key maintained by the pager bot)."""
    try:
        name = get_redis().get(f"oncall:{team}")
    except Exception as exc:  # never break the prompt
        pl.debug("oncall lookup failed: {0}", str(exc))
        return None
    if not name:
        return None
    return [{"contents": f"☎ {name}", "highlight_groups": ["oncall", "background"]}]


def incident_banner(pl):
    """Short banner text from the status page (plain urllib, no pooling)."""
    try:
        with urllib.request.urlopen(STATUS_PAGE, timeout=0.3) as resp:
            text = resp.read(120).decode("utf-8", "replace").strip()
    except OSError:
        return None
    if not text:
        return None
    return [{"contents": text, "highlight_groups": ["incident", "warning:regular"]}]
