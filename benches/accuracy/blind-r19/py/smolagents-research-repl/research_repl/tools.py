import os

import httpx
from smolagents import Tool

WIKI_URL = os.environ.get("WIKI_URL", "https://wiki.internal/rest/api")


class SearchDocsTool(Tool):
    name = "search_docs"
    description = "Full-text search over design docs and postmortems. Returns titles, ids and snippets."
    inputs = {"query": {"type": "string", "description": "What to search for"}}
    output_type = "string"

    def __init__(self, search, **kwargs):
        super().__init__(**kwargs)
        self.search = search

    def forward(self, query: str) -> str:
        res = self.search.search(
            index="kb-docs",
            body={"query": {"multi_match": {"query": query, "fields": ["title^2", "body"]}}, "size": 5},
        )
        hits = res["hits"]["hits"]
        return "\n".join(f"[{h['_id']}] {h['_source']['title']}: {h['_source']['body'][:200]}" for h in hits)


class IncidentStatsTool(Tool):
    name = "incident_stats"
    description = "Count incidents per severity for a service over the last N days."
    inputs = {
        "service": {"type": "string", "description": "Service name"},
        "days": {"type": "integer", "description": "Look-back window in days"},
    }
    output_type = "string"

    def __init__(self, kb_conn, **kwargs):
        super().__init__(**kwargs)
        self.kb_conn = kb_conn

    def forward(self, service: str, days: int) -> str:
        with self.kb_conn.cursor() as cur:
            cur.execute(
                "SELECT severity, count(*) FROM incidents "
                "WHERE service = %s AND opened_at > now() - make_interval(days => %s) GROUP BY severity",
                (service, days),
            )
            rows = cur.fetchall()
        return ", ".join(f"{sev}: {n}" for sev, n in rows) or "no incidents"


class WikiPageTool(Tool):
    name = "wiki_page"
    description = "Fetch the plain-text body of a wiki page by its numeric id."
    inputs = {"page_id": {"type": "string", "description": "Wiki page id"}}
    output_type = "string"

    def setup(self):
        # smolagents calls setup() once, before the first forward() of this instance.
        self.http = httpx.Client(
            base_url=WIKI_URL,
            headers={"Authorization": f"Bearer {os.environ.get('WIKI_TOKEN', '')}"},
            timeout=15.0,
        )
        self.is_initialized = True

    def forward(self, page_id: str) -> str:
        resp = self.http.get(f"/content/{page_id}", params={"expand": "body.storage"})
        resp.raise_for_status()
        return resp.json()["body"]["storage"]["value"][:4000]

    def close(self) -> None:
        if self.is_initialized:
            self.http.close()
