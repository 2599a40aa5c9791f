"""Minimal Jira Cloud REST client used by the Keypirinha plugin (shares one HTTP session)."""

import requests


class JiraClient:
    def __init__(self, session: requests.Session, base_url: str):
        self.session = session
        self.base_url = base_url.rstrip("/")

    def configure(self, base_url: str, user: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session.auth = (user, token) if user and token else None

    def browse_url(self, key: str) -> str:
        return f"{self.base_url}/browse/{key}"

    def search(self, text: str, projects, limit: int = 15):
        text = text.replace('"', "")
        clauses = [f'(summary ~ "{text}*" OR key = "{text.upper()}")'] if "-" in text else [
            f'summary ~ "{text}*"'
        ]
        if projects:
            clauses.append("project in (%s)" % ", ".join(projects))
        resp = self.session.get(
            f"{self.base_url}/rest/api/3/search",
            params={
                "jql": " AND ".join(clauses) + " ORDER BY updated DESC",
                "fields": "summary,status,assignee",
                "maxResults": limit,
            },
            timeout=4,
        )
        resp.raise_for_status()
        for issue in resp.json().get("issues", []):
            fields = issue["fields"]
            assignee = (fields.get("assignee") or {}).get("displayName", "unassigned")
            yield issue["key"], fields["summary"], fields["status"]["name"], assignee
