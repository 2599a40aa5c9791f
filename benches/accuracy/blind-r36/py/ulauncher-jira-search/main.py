import logging
import threading
import webbrowser

import requests
from ulauncher.api.client.EventListener import EventListener
from ulauncher.api.client.Extension import Extension
from ulauncher.api.shared.action.ExtensionCustomAction import ExtensionCustomAction
from ulauncher.api.shared.action.HideWindowAction import HideWindowAction
from ulauncher.api.shared.action.RenderResultListAction import RenderResultListAction
from ulauncher.api.shared.event import (ItemEnterEvent, KeywordQueryEvent,
                                        PreferencesEvent, PreferencesUpdateEvent)
from ulauncher.api.shared.item.ExtensionResultItem import ExtensionResultItem

log = logging.getLogger(__name__)


class SiteSessions:
    """One requests.Session per Jira site, created on first use and reused."""

    def __init__(self):
        self._sessions = {}
        self._lock = threading.Lock()
        self.auth = None

    def get(self, base_url):
        with self._lock:
            session = self._sessions.get(base_url)
            if session is None:
                session = requests.Session()
                session.headers["Accept"] = "application/json"
                self._sessions[base_url] = session
            session.auth = self.auth
            return session


def parse_sites(raw):
    sites = {}
    for part in (raw or "").split(","):
        if "=" in part:
            name, url = part.split("=", 1)
            sites[name.strip()] = url.strip().rstrip("/")
    return sites


class JiraExtension(Extension):
    def __init__(self):
        super().__init__()
        self.sessions = SiteSessions()
        self.sites = {}
        self.subscribe(PreferencesEvent, PreferencesListener())
        self.subscribe(PreferencesUpdateEvent, PreferencesListener())
        self.subscribe(KeywordQueryEvent, KeywordQueryEventListener())
        self.subscribe(ItemEnterEvent, ItemEnterEventListener())

    def apply_preferences(self, prefs):
        self.sites = parse_sites(prefs.get("sites"))
        if prefs.get("email") and prefs.get("api_token"):
            self.sessions.auth = (prefs["email"], prefs["api_token"])


class PreferencesListener(EventListener):
    def on_event(self, event, extension):
        if isinstance(event, PreferencesUpdateEvent):
            extension.preferences[event.id] = event.new_value
            extension.apply_preferences(extension.preferences)
        else:
            extension.apply_preferences(event.preferences)


class KeywordQueryEventListener(EventListener):
    """Runs on every keystroke after the keyword (debounced by Ulauncher)."""

    def on_event(self, event, extension):
        words = (event.get_argument() or "").split(None, 1)
        if len(words) < 2 or words[0] not in extension.sites:
            return RenderResultListAction([ExtensionResultItem(
                icon="images/icon.png",
                name="jq <site> <text>",
                description="Sites: " + ", ".join(sorted(extension.sites)),
                on_enter=HideWindowAction())])

        base_url = extension.sites[words[0]]
        session = extension.sessions.get(base_url)
        jql = 'text ~ "%s" ORDER BY updated DESC' % words[1].replace('"', '')
        try:
            resp = session.get(base_url + "/rest/api/2/search",
                               params={"jql": jql, "maxResults": 8,
                                       "fields": "summary,status"},
                               timeout=4)
            resp.raise_for_status()
            issues = resp.json().get("issues", [])
        except requests.RequestException as exc:
            log.warning("jira search failed: %s", exc)
            issues = []

        return RenderResultListAction([
            ExtensionResultItem(
                icon="images/icon.png",
                name="%s  %s" % (issue["key"], issue["fields"]["summary"]),
                description=issue["fields"]["status"]["name"],
                on_enter=ExtensionCustomAction({"url": "%s/browse/%s" % (base_url, issue["key"])}),
            )
            for issue in issues
        ])


class ItemEnterEventListener(EventListener):
    def on_event(self, event, extension):
        webbrowser.open_new_tab(event.get_data()["url"])
        return HideWindowAction()


if __name__ == "__main__":
    JiraExtension().run()
