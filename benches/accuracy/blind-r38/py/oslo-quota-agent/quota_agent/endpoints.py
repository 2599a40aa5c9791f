import oslo_messaging
import requests
from oslo_log import log as logging
from sqlalchemy import text

from quota_agent import db
from quota_agent.conf import CONF

LOG = logging.getLogger(__name__)


class QuotaExceeded(Exception):
    pass


class QuotaEndpoint:
    """RPC endpoint: nova/cinder call reserve() before every allocation."""

    target = oslo_messaging.Target(namespace="quota", version="1.2")

    def reserve(self, ctxt, project_id, resource, amount):
        session = db.get_session()
        row = session.execute(
            text(
                "SELECT hard_limit, in_use FROM quotas "
                "WHERE project_id = :p AND resource = :r FOR UPDATE"
            ),
            {"p": project_id, "r": resource},
        ).one()
        if row.in_use + amount > row.hard_limit:
            raise QuotaExceeded(f"{project_id}: {resource} {row.in_use}+{amount} > {row.hard_limit}")
        session.execute(
            text("UPDATE quotas SET in_use = in_use + :a WHERE project_id = :p AND resource = :r"),
            {"a": amount, "p": project_id, "r": resource},
        )
        session.commit()
        session.close()
        return {"project_id": project_id, "resource": resource, "reserved": amount}

    def release(self, ctxt, project_id, resource, amount):
        with db.get_session() as session, session.begin():
            session.execute(
                text(
                    "UPDATE quotas SET in_use = GREATEST(in_use - :a, 0) "
                    "WHERE project_id = :p AND resource = :r"
                ),
                {"a": amount, "p": project_id, "r": resource},
            )

    def sync_limits(self, ctxt, project_id):
        """Pull the project's limits from keystone's unified limits API."""
        keystone = requests.Session()
        keystone.headers["X-Auth-Token"] = CONF.quota.service_token
        resp = keystone.get(
            f"{CONF.quota.keystone_url}/limits", params={"project_id": project_id}, timeout=10
        )
        resp.raise_for_status()
        limits = {lim["resource_name"]: lim["resource_limit"] for lim in resp.json()["limits"]}
        with db.get_session() as session, session.begin():
            for resource, limit in limits.items():
                session.execute(
                    text(
                        "UPDATE quotas SET hard_limit = :l WHERE project_id = :p AND resource = :r"
                    ),
                    {"l": limit, "p": project_id, "r": resource},
                )
        LOG.info("synced %d limits for %s", len(limits), project_id)
        return limits
