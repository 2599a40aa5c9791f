import psycopg2
import psycopg2.extras
from st2reactor.sensor.base import PollingSensor

TRIGGER = "queue_watch.stale_job"
LAST_SEEN_KEY = "stale_jobs.last_seen_id"

STALE_SQL = """
    SELECT id, worker, started_at
      FROM jobs
     WHERE state = 'RUNNING'
       AND started_at < now() - make_interval(mins => %(minutes)s)
       AND id > %(after)s
     ORDER BY id
     LIMIT 200
"""


class StaleJobsSensor(PollingSensor):
    def __init__(self, sensor_service, config=None, poll_interval=60):
        super(StaleJobsSensor, self).__init__(
            sensor_service=sensor_service, config=config, poll_interval=poll_interval
        )
        self._logger = self.sensor_service.get_logger(name=self.__class__.__name__)

    def setup(self):
        self._minutes = int(self._config.get("stale_after_minutes", 20))

    def poll(self):
        after = int(self.sensor_service.get_value(LAST_SEEN_KEY, local=True) or 0)
        conn = psycopg2.connect(self._config["jobs_dsn"], connect_timeout=5,
                                application_name="st2-stale-jobs")
        try:
            with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                cur.execute(STALE_SQL, {"minutes": self._minutes, "after": after})
                rows = cur.fetchall()
        finally:
            conn.close()

        for row in rows:
            self.sensor_service.dispatch(
                trigger=TRIGGER,
                payload={
                    "job_id": str(row["id"]),
                    "worker": row["worker"],
                    "started_at": row["started_at"].isoformat(),
                },
            )
        if rows:
            self.sensor_service.set_value(LAST_SEEN_KEY, str(rows[-1]["id"]), local=True)

    def cleanup(self):
        pass

    def add_trigger(self, trigger):
        pass

    def update_trigger(self, trigger):
        pass

    def remove_trigger(self, trigger):
        pass
