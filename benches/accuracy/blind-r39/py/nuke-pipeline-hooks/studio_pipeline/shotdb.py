"""Read access to the production shot database (loaded once per Nuke session from menu.py)."""
import os
import re

from sqlalchemy import create_engine, text

SHOTDB_URL = os.environ.get("STUDIO_SHOTDB_URL", "postgresql+psycopg2://nuke@shotdb.studio.lan/production")

engine = create_engine(SHOTDB_URL, pool_size=2, max_overflow=2, pool_pre_ping=True)

_SCRIPT_RE = re.compile(r"/jobs/(?P<show>[^/]+)/(?P<shot>[A-Z]{3}_\d{4})/comp/")


def parse_script_path(path):
    match = _SCRIPT_RE.search(path or "")
    return (match.group("show"), match.group("shot")) if match else (None, None)


def shot_info(show, shot):
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT s.code, s.frame_in, s.frame_out, s.status, s.render_root"
                " FROM shots s JOIN shows w ON w.id = s.show_id"
                " WHERE w.code = :show AND s.code = :shot"
            ),
            {"show": show, "shot": shot},
        ).mappings().first()
    return dict(row) if row else None
