# Albert launcher plugin: "jj <site> <text>" searches Jira issues as you type.
import json
import os
import threading
from pathlib import Path

import requests
from albert import (
    Action,
    PluginInstance,
    StandardItem,
    TriggerQueryHandler,
    openUrl,
    setClipboardText,
    warning,
)

md_iid = "2.3"
md_version = "1.4"
md_name = "Jira Search"
md_description = "Search Jira issues on the company Jira sites"
md_license = "MIT"
md_url = "https://git.example.com/desktop/albert-jira"
md_authors = "@desktop-tools"
md_lib_dependencies = ["requests"]

SITES_FILE = Path.home() / ".config" / "albert" / "jira_sites.json"


class Plugin(PluginInstance, TriggerQueryHandler):
    def __init__(self):
        PluginInstance.__init__(self)
        TriggerQueryHandler.__init__(
            self,
            id=self.id,
            name=self.name,
            description=self.description,
            synopsis="<site> <text>",
            defaultTrigger="jj ",
        )
        self._sites = json.loads(SITES_FILE.read_text()) if SITES_FILE.exists() else {}
        self._lock = threading.Lock()
        # one keep-alive session per configured Jira site, created on first use
        self._sessions = {}

    def _session_for(self, site):
        if site not in self._sites:
            return None
        with self._lock:
            session = self._sessions.get(site)
            if session is None:
                cfg = self._sites[site]
                session = requests.Session()
                session.headers["Authorization"] = "Bearer " + os.environ.get(cfg["token_env"], "")
                session.headers["Accept"] = "application/json"
                self._sessions[site] = session
            return session

    def handleTriggerQuery(self, query):
        parts = query.string.strip().split(maxsplit=1)
        if len(parts) < 2 or len(parts[1]) < 3:
            return
        site, text = parts
        session = self._session_for(site)
        if session is None:
            return

        base = self._sites[site]["url"]
        jql = f'text ~ "{text.replace(chr(34), "")}*" ORDER BY updated DESC'
        try:
            resp = session.get(
                f"{base}/rest/api/2/search",
                params={"jql": jql, "maxResults": 10, "fields": "summary,status"},
                timeout=3,
            )
            resp.raise_for_status()
        except requests.RequestException as exc:
            warning(f"jira search failed: {exc}")
            return

        if not query.isValid:
            return  # user kept typing, drop stale results

        for issue in resp.json().get("issues", []):
            url = f"{base}/browse/{issue['key']}"
            query.add(
                StandardItem(
                    id=issue["key"],
                    text=f"{issue['key']}: {issue['fields']['summary']}",
                    subtext=issue["fields"]["status"]["name"],
                    iconUrls=["xdg:jira", ":jira"],
                    actions=[
                        Action("open", "Open in browser", lambda u=url: openUrl(u)),
                        Action("copy", "Copy key", lambda k=issue["key"]: setClipboardText(k)),
                    ],
                )
            )

    def finalize(self):
        with self._lock:
            for session in self._sessions.values():
                session.close()
            self._sessions.clear()
