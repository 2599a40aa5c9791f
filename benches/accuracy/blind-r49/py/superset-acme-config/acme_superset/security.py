"""Security manager: DB auth plus login audit and an HR off-boarding check."""
import logging
import os

import requests
from sqlalchemy import create_engine, text
from superset.security import SupersetSecurityManager

log = logging.getLogger(__name__)

AUDIT_DB_URL = os.environ.get("ACME_AUDIT_DB_URL", "postgresql+psycopg2://audit:audit@audit-db:5432/audit")
HR_API_URL = os.environ.get("ACME_HR_API_URL", "https://hr.internal.example/api")
HR_API_TOKEN = os.environ.get("ACME_HR_API_TOKEN", "")

audit_engine = create_engine(AUDIT_DB_URL, pool_pre_ping=True, future=True)


class AcmeSecurityManager(SupersetSecurityManager):
    def auth_user_db(self, username, password):
        user = super().auth_user_db(username, password)

        conn = audit_engine.connect()
        conn.execute(
            text("INSERT INTO login_log (username, success, at) VALUES (:u, :s, now())"),
            {"u": username, "s": user is not None},
        )
        conn.commit()
        if user is None:
            return None

        hr = requests.Session()
        hr.headers["Authorization"] = f"Token {HR_API_TOKEN}"
        resp = hr.get(f"{HR_API_URL}/employees/{user.email}", timeout=5)
        if resp.ok and resp.json().get("status") == "terminated":
            log.warning("Blocked login for off-boarded employee %s", username)
            return None
        return user
