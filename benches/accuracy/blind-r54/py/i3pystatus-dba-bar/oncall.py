"""On-call helpers for the status bar: open PagerDuty incidents and the
deploy pipeline state."""
import requests
from i3pystatus import IntervalModule

PAGERDUTY_API = "https://api.pagerduty.com"


class OpenIncidents(IntervalModule):
    settings = (
        ("token", "PagerDuty REST API token"),
        ("service_ids", "list of service ids to watch"),
        "interval",
    )
    required = ("token", "service_ids")

    token = None
    service_ids = ()
    interval = 60
    on_leftclick = "open_dashboard"

    def run(self):
        session = requests.Session()
        session.headers.update(
            {
                "Authorization": f"Token token={self.token}",
                "Accept": "application/vnd.pagerduty+json;version=2",
            }
        )
        resp = session.get(
            f"{PAGERDUTY_API}/incidents",
            params={
                "statuses[]": ["triggered", "acknowledged"],
                "service_ids[]": list(self.service_ids),
            },
            timeout=5,
        )
        resp.raise_for_status()
        incidents = resp.json()["incidents"]
        triggered = sum(1 for i in incidents if i["status"] == "triggered")
        self.output = {
            "full_text": f"PD {triggered}/{len(incidents)}",
            "color": "#fb4934" if triggered else "#8ec07c",
        }

    def open_dashboard(self):
        import subprocess

        subprocess.Popen(["xdg-open", "https://example.pagerduty.com/incidents"])


class DeployState(IntervalModule):
    settings = (("url", "pipeline status endpoint"), "interval")
    required = ("url",)

    url = None
    interval = 45

    def init(self):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "i3pystatus-deploy-state"

    def run(self):
        try:
            state = self.session.get(self.url, timeout=5).json()["state"]
        except requests.RequestException:
            self.output = {"full_text": "deploy ?", "color": "#928374"}
            return
        colors = {"running": "#83a598", "failed": "#fb4934", "success": "#8ec07c"}
        self.output = {"full_text": f"deploy {state}", "color": colors.get(state, "#ebdbb2")}
