"""Custom Agent check: backlog of the jobs queue (Postgres + Redis) every 15 s.

The Agent builds one QueueDepthCheck per configured instance and calls check()
on every collection interval.
"""
import psycopg
import redis

from datadog_checks.base import AgentCheck, ConfigurationError

__version__ = "1.2.0"


class QueueDepthCheck(AgentCheck):
    __NAMESPACE__ = "jobs.queue"

    def __init__(self, name, init_config, instances):
        super().__init__(name, init_config, instances)
        self._dsn = self.instance.get("dsn")
        self._redis_url = self.instance.get("redis_url")
        self._queues = self.instance.get("queues", ["default"])
        self._health_url = self.instance.get("health_url")
        self._tags = self.instance.get("tags", [])
        self._conn = None
        self._redis = None
        # Runs once, before the first check() call.
        self.check_initializations.append(self._validate_config)

    def _validate_config(self):
        if not self._dsn or not self._redis_url:
            raise ConfigurationError("`dsn` and `redis_url` are required")

    def _pg(self) -> psycopg.Connection:
        # One long-lived connection per instance; reopened only after it broke.
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self._dsn, autocommit=True, connect_timeout=5)
        return self._conn

    def _cache(self) -> redis.Redis:
        if self._redis is None:
            self._redis = redis.Redis.from_url(self._redis_url, socket_timeout=3)
        return self._redis

    def check(self, _):
        tags = self._tags + [f"db:{self._dsn.rsplit('/', 1)[-1]}"]
        try:
            with self._pg().cursor() as cur:
                cur.execute(
                    "SELECT queue, count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(enqueued_at)), 0) "
                    "FROM jobs WHERE state = 'ready' AND queue = ANY(%s) GROUP BY queue",
                    (self._queues,),
                )
                rows = cur.fetchall()
        except psycopg.OperationalError as exc:
            if self._conn is not None:
                self._conn.close()
            self.service_check("can_connect", AgentCheck.CRITICAL, tags=tags, message=str(exc))
            return
        self.service_check("can_connect", AgentCheck.OK, tags=tags)

        seen = set()
        for queue, depth, oldest in rows:
            seen.add(queue)
            self.gauge("depth", depth, tags=tags + [f"queue:{queue}"])
            self.gauge("oldest_age", float(oldest), tags=tags + [f"queue:{queue}"])
        for queue in set(self._queues) - seen:
            self.gauge("depth", 0, tags=tags + [f"queue:{queue}"])

        inflight = self._cache().scard("jobs:inflight")
        self.gauge("inflight", inflight, tags=tags)

        if self._health_url:
            # self.http is the Agent-managed requests wrapper shared by the check.
            resp = self.http.get(self._health_url)
            status = AgentCheck.OK if resp.status_code == 200 else AgentCheck.WARNING
            self.service_check("api_health", status, tags=tags)

    def cancel(self):
        if self._conn is not None:
            self._conn.close()
        if self._redis is not None:
            self._redis.close()
