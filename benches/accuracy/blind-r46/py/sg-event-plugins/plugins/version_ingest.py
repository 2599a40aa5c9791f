"""Mirror newly created Versions into the pipeline DB and queue transcodes."""
import json
import os

import redis
from sqlalchemy import create_engine, text

PIPELINE_DB_URL = os.environ["PIPELINE_DB_URL"]

engine = create_engine(PIPELINE_DB_URL, pool_pre_ping=True, pool_size=5)


def registerCallbacks(reg):
    match_events = {
        "Shotgun_Version_New": ["*"],
    }
    reg.registerCallback(
        os.environ["SGDAEMON_VERSIONINGEST_NAME"],
        os.environ["SGDAEMON_VERSIONINGEST_KEY"],
        version_created,
        match_events,
        None,
    )
    reg.logger.debug("version_ingest registered")


def version_created(sg, logger, event, args):
    entity = event.get("entity")
    if not entity:
        return

    version = sg.find_one(
        "Version",
        [["id", "is", entity["id"]]],
        ["code", "project", "entity", "sg_path_to_movie", "user"],
    )
    if version is None:
        logger.info("Version %s vanished before ingest", entity["id"])
        return

    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO versions (sg_id, code, project_id, movie_path) "
                "VALUES (:id, :code, :project, :path) "
                "ON CONFLICT (sg_id) DO UPDATE SET movie_path = EXCLUDED.movie_path"
            ),
            {
                "id": version["id"],
                "code": version["code"],
                "project": version["project"]["id"],
                "path": version["sg_path_to_movie"],
            },
        )

    if version["sg_path_to_movie"]:
        queue = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, db=2)
        queue.lpush(
            "transcode:pending",
            json.dumps({"version_id": version["id"], "path": version["sg_path_to_movie"]}),
        )
        logger.info("Queued transcode for %s", version["code"])
