# Keypirinha launcher plugin: search Jira issues as you type.

import os
import sys

import keypirinha as kp
import keypirinha_util as kpu

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))

import requests  # noqa: E402

from .jira_api import JiraClient  # noqa: E402


class JiraSearch(kp.Plugin):
    """on_suggest runs on every keystroke; the HTTP session is created once in on_start."""

    ITEMCAT_ISSUE = kp.ItemCategory.USER_BASE + 1

    def __init__(self):
        super().__init__()
        self._jira = None
        self._projects = []
        self._max_results = 15

    def on_start(self):
        session = requests.Session()
        session.headers.update({"Accept": "application/json", "User-Agent": "keypirinha-jira/1.1"})
        self._jira = JiraClient(session, "")
        self._read_config()

    def _read_config(self):
        settings = self.load_settings()
        self._jira.configure(
            settings.get("base_url", "main", ""),
            settings.get("user", "main", ""),
            settings.get("api_token", "main", ""),
        )
        raw = settings.get("projects", "main", "")
        self._projects = [p.strip() for p in raw.split(",") if p.strip()]
        self._max_results = settings.get_int("max_results", "main", 15, min=1, max=50)

    def on_catalog(self):
        self.set_catalog([
            self.create_item(
                category=kp.ItemCategory.KEYWORD,
                label="Jira: Search issues",
                short_desc="Search Jira by summary or key",
                target="jirasearch",
                args_hint=kp.ItemArgsHint.REQUIRED,
                hit_hint=kp.ItemHitHint.NOARGS,
            )
        ])

    def on_suggest(self, user_input, items_chain):
        if not items_chain or items_chain[-1].category() != kp.ItemCategory.KEYWORD:
            return
        if len(user_input.strip()) < 3 or self.should_terminate(0.3):
            return

        suggestions = []
        try:
            for key, summary, status, assignee in self._jira.search(
                user_input.strip(), self._projects, self._max_results
            ):
                suggestions.append(self.create_item(
                    category=self.ITEMCAT_ISSUE,
                    label=f"{key}: {summary}",
                    short_desc=f"{status} - {assignee}",
                    target=self._jira.browse_url(key),
                    args_hint=kp.ItemArgsHint.FORBIDDEN,
                    hit_hint=kp.ItemHitHint.IGNORE,
                ))
        except requests.RequestException as exc:
            self.warn(f"Jira search failed: {exc}")
        self.set_suggestions(suggestions, kp.Match.ANY, kp.Sort.NONE)

    def on_execute(self, item, action):
        if item.category() == self.ITEMCAT_ISSUE:
            kpu.web_browser_command(private_mode=None, url=item.target(), execute=True)

    def on_events(self, flags):
        if flags & kp.Events.PACKCONFIG:
            self._read_config()
            self.on_catalog()
