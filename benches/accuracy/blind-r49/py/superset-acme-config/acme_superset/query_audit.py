"""Tag every Superset query with the requesting user and team, and log it."""
import hashlib
import os

import redis
from sqlalchemy import create_engine, text
from superset.utils.core import get_username

AUDIT_DB_URL = os.environ.get("ACME_AUDIT_DB_URL", "postgresql+psycopg2://audit:audit@audit-db:5432/audit")
TEAM_REDIS_URL = os.environ.get("ACME_TEAM_REDIS_URL", "redis://redis:6379/4")

engine = create_engine(AUDIT_DB_URL, pool_size=5, max_overflow=5, pool_pre_ping=True, future=True)

INSERT_QUERY_LOG = text(
    "INSERT INTO query_log (username, team, database_name, sql_sha1, executed_at)"
    " VALUES (:username, :team, :database_name, :sql_sha1, now())"
)


def tag_query(sql: str, **kwargs) -> str:
    database = kwargs.get("database")
    username = get_username() or "anonymous"

    teams = redis.Redis.from_url(TEAM_REDIS_URL, socket_timeout=1)
    team = teams.hget("superset:user_team", username)
    team = team.decode() if team else "unassigned"

    with engine.begin() as conn:
        conn.execute(
            INSERT_QUERY_LOG,
            {
                "username": username,
                "team": team,
                "database_name": getattr(database, "database_name", None),
                "sql_sha1": hashlib.sha1(sql.encode()).hexdigest(),
            },
        )
    return f"-- superset user={username} team={team}\n{sql}"
