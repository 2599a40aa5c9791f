"""
Show open incidents, failed deploys and unhealthy dependencies for a service.

Configuration parameters:
    api_url: incident API base URL (default 'https://incidents.internal/api/v2')
    cache_timeout: refresh interval in seconds (default 30)
    database_url: deploy history database (default 'postgresql+psycopg://ops@ops-db.internal/ops')
    format: display format (default 'INC {incidents} DEP {failed} {service}:{unhealthy}')
    service: service to watch (default 'checkout')

Button 1 opens the newest open incident in the browser.
"""
import os

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from opsbar.graph import dependency_count


class Py3status:
    api_url = "https://incidents.internal/api/v2"
    cache_timeout = 30
    database_url = "postgresql+psycopg://ops@ops-db.internal/ops"
    format = "INC {incidents} DEP {failed} {service}:{unhealthy}"
    service = "checkout"

    def post_config_hook(self):
        self._engine = create_engine(self.database_url, pool_size=1, max_overflow=1, pool_pre_ping=True)
        self._token = os.environ.get("INCIDENT_API_TOKEN", "")

    def ops_status(self):
        client = httpx.Client(
            base_url=self.api_url,
            timeout=5.0,
            headers={"Authorization": f"Bearer {self._token}"},
        )
        incidents = client.get("/incidents", params={"status": "open", "service": self.service}).json()

        with Session(self._engine) as session:
            failed = session.execute(
                text(
                    "SELECT count(*) FROM deploys WHERE service = :s AND status = 'failed' "
                    "AND finished_at > now() - interval '1 hour'"
                ),
                {"s": self.service},
            ).scalar_one()

        unhealthy = dependency_count(self.service)
        bad = incidents["total"] > 0 or failed > 0 or unhealthy > 0
        return {
            "full_text": self.py3.safe_format(
                self.format,
                {"incidents": incidents["total"], "failed": failed, "service": self.service, "unhealthy": unhealthy},
            ),
            "color": self.py3.COLOR_BAD if bad else self.py3.COLOR_GOOD,
            "cached_until": self.py3.time_in(self.cache_timeout),
        }

    def on_click(self, event):
        if event["button"] != 1:
            return
        session = Session(self._engine)
        row = session.execute(
            text(
                "SELECT external_id FROM incidents WHERE service = :s AND status = 'open' "
                "ORDER BY opened_at DESC LIMIT 1"
            ),
            {"s": self.service},
        ).first()
        if row is not None:
            self.py3.command_run(["xdg-open", f"https://incidents.internal/i/{row.external_id}"])
        self.py3.update()

    def kill(self):
        self._engine.dispose()


if __name__ == "__main__":
    from py3status.module_test import module_test

    module_test(Py3status)
