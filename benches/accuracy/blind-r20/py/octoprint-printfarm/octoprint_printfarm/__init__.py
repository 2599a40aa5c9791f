import flask
import requests
import octoprint.plugin
from octoprint.events import Events
from octoprint.util import RepeatedTimer
from sqlalchemy import text

from . import db, telemetry, uploads


class PrintFarmPlugin(
    octoprint.plugin.StartupPlugin,
    octoprint.plugin.ShutdownPlugin,
    octoprint.plugin.SettingsPlugin,
    octoprint.plugin.EventHandlerPlugin,
    octoprint.plugin.SimpleApiPlugin,
):
    def __init__(self):
        self._timer = None

    # --- settings -------------------------------------------------------
    def get_settings_defaults(self):
        return {
            "node_name": "printer-01",
            "dispatcher_url": "http://dispatcher.lan:8080",
            "temp_interval": 10,
        }

    # --- lifecycle ------------------------------------------------------
    def on_after_startup(self):
        interval = self._settings.get_int(["temp_interval"])
        self._timer = RepeatedTimer(interval, self._push_temps, run_first=True)
        self._timer.start()
        self._logger.info("PrintFarm reporting every %ss", interval)

    def on_shutdown(self):
        if self._timer is not None:
            self._timer.cancel()
        db.engine.dispose()

    def _push_temps(self):
        node = self._settings.get(["node_name"])
        telemetry.push_temperatures(node, self._printer.get_current_temperatures())

    # --- events ---------------------------------------------------------
    def on_event(self, event, payload):
        node = self._settings.get(["node_name"])
        if event in (Events.PRINT_DONE, Events.PRINT_FAILED):
            status = "done" if event == Events.PRINT_DONE else "failed"
            with db.SessionLocal() as session:
                db.record_job(session, node, payload.get("name"), payload.get("time") or 0, status)
                session.commit()
            dispatcher = requests.Session()
            dispatcher.headers["X-Node"] = node
            dispatcher.post(
                self._settings.get(["dispatcher_url"]) + "/api/nodes/ready",
                json={"node": node, "last_status": status},
                timeout=5,
            )
        elif event == Events.MOVIE_DONE:
            key = uploads.upload_timelapse(node, payload["movie"])
            self._logger.info("timelapse uploaded as %s", key)

    # --- SimpleApi ------------------------------------------------------
    def get_api_commands(self):
        return {"requeue": ["job_id"], "history": []}

    def on_api_command(self, command, data):
        if command == "requeue":
            session = db.SessionLocal()
            session.execute(
                text("UPDATE jobs SET status = 'queued', requeued_at = now() WHERE id = :id"),
                {"id": int(data["job_id"])},
            )
            session.commit()
            return flask.jsonify(ok=True)
        if command == "history":
            with db.SessionLocal() as session:
                rows = session.execute(
                    text("SELECT id, file_name, status FROM jobs WHERE node = :n ORDER BY id DESC LIMIT 20"),
                    {"n": self._settings.get(["node_name"])},
                ).all()
            return flask.jsonify(jobs=[dict(r._mapping) for r in rows])
        return flask.abort(400)


__plugin_name__ = "Print Farm"
__plugin_pythoncompat__ = ">=3.9,<4"


def __plugin_load__():
    global __plugin_implementation__
    __plugin_implementation__ = PrintFarmPlugin()
