"""Scene change / render completion logging for the farm dashboard."""
import getpass
import json
import os
import time

import bpy
import redis
from bpy.app.handlers import persistent
from sqlalchemy import create_engine, text

STUDIO_DB_URL = os.environ.get(
    "STUDIO_DB_URL", "postgresql+psycopg2://pipeline:pipeline@db.studio.lan:5432/studio"
)
REDIS_URL = os.environ.get("RENDER_SYNC_REDIS", "redis://cache.studio.lan:6379/3")

log_engine = create_engine(STUDIO_DB_URL, pool_pre_ping=True)


@persistent
def on_depsgraph_update(scene, depsgraph):
    """Fires after every depsgraph evaluation: each edit, frame change, viewport tweak."""
    shot = scene.render_sync_shot
    if not shot:
        return
    updates = [u.id.name for u in depsgraph.updates if u.is_updated_geometry]
    if not updates:
        return
    presence = redis.Redis.from_url(REDIS_URL, socket_timeout=1)
    presence.hset(
        f"shot:{shot}:activity",
        getpass.getuser(),
        json.dumps({"ts": time.time(), "objects": updates[:20]}),
    )
    presence.expire(f"shot:{shot}:activity", 3600)


@persistent
def on_render_complete(scene, *args):
    shot = scene.render_sync_shot or bpy.path.display_name_from_filepath(bpy.data.filepath)
    with log_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO render_events (shot_code, frame, artist, engine) "
                "VALUES (:shot, :frame, :artist, :engine)"
            ),
            {
                "shot": shot,
                "frame": scene.frame_current,
                "artist": getpass.getuser(),
                "engine": scene.render.engine,
            },
        )
