from __future__ import annotations

DOCUMENTATION = """
    name: deploy_audit
    type: notification
    short_description: Record every task result in the deploy audit DB and report failures to the release API
    description:
      - Writes one row per task result to the deploy_audit database.
      - Posts failed/unreachable hosts to the release coordination API.
    requirements:
      - enable in ansible.cfg (callbacks_enabled = deploy_audit)
      - AUDIT_DB_URL and RELEASE_API_URL environment variables
"""

import json
import os
import uuid
from datetime import datetime, timezone

import httpx
from ansible.plugins.callback import CallbackBase
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

RELEASE_API_URL = os.environ.get("RELEASE_API_URL", "https://releases.internal.example.com")
SKIP_HOSTS = set(filter(None, os.environ.get("AUDIT_SKIP_HOSTS", "").split(",")))


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "notification"
    CALLBACK_NAME = "deploy_audit"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, display=None):
        super().__init__(display=display)
        # Built once per ansible-playbook run.
        self.engine = create_engine(os.environ["AUDIT_DB_URL"], pool_size=2, max_overflow=0)
        self.Session = sessionmaker(bind=self.engine)
        self.run_id = str(uuid.uuid4())
        self.playbook = None

    def _release_api(self) -> httpx.Client:
        return httpx.Client(
            base_url=RELEASE_API_URL,
            headers={"Authorization": f"Bearer {os.environ.get('RELEASE_API_TOKEN', '')}"},
            timeout=5.0,
        )

    def _record(self, result, status: str):
        session = self.Session()
        host = result._host.get_name()
        if host in SKIP_HOSTS:
            return
        session.execute(
            text(
                "insert into task_results (run_id, playbook, host, task, status, changed, at) "
                "values (:run_id, :playbook, :host, :task, :status, :changed, :at)"
            ),
            {
                "run_id": self.run_id,
                "playbook": self.playbook,
                "host": host,
                "task": result._task.get_name(),
                "status": status,
                "changed": bool(result._result.get("changed")),
                "at": datetime.now(timezone.utc),
            },
        )
        session.commit()
        session.close()

    def v2_playbook_on_start(self, playbook):
        self.playbook = os.path.basename(playbook._file_name)
        with self.Session.begin() as session:
            session.execute(
                text("insert into runs (id, playbook, started_at) values (:id, :pb, now())"),
                {"id": self.run_id, "pb": self.playbook},
            )

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "ignored" if ignore_errors else "failed")
        if ignore_errors:
            return
        client = httpx.Client(base_url=RELEASE_API_URL, timeout=5.0)
        client.post(
            "/v1/events",
            json={
                "run_id": self.run_id,
                "host": result._host.get_name(),
                "task": result._task.get_name(),
                "msg": result._result.get("msg", ""),
            },
        )

    def v2_runner_on_unreachable(self, result):
        self._record(result, "unreachable")
        api = self._release_api()
        api.post("/v1/hosts/unreachable", json={"run_id": self.run_id, "host": result._host.get_name()})
        api.close()

    def v2_playbook_on_stats(self, stats):
        summary = {h: stats.summarize(h) for h in sorted(stats.processed.keys())}
        with self.Session.begin() as session:
            session.execute(
                text("update runs set finished_at = now(), summary = cast(:s as jsonb) where id = :id"),
                {"s": json.dumps(summary), "id": self.run_id},
            )
        self.engine.dispose()
