"""Cassandra persistence for sensor frames."""
import logging
import time

from cassandra import ConsistencyLevel
from cassandra.auth import PlainTextAuthProvider
from cassandra.cluster import Cluster, NoHostAvailable
from cassandra.policies import DCAwareRoundRobinPolicy

log = logging.getLogger("gateway.store")


class FrameStore:
    def __init__(self, cluster, session):
        self.cluster = cluster
        self.session = session
        self.insert = session.prepare(
            "INSERT INTO frames (node, day, received_at, seq, temp_c, rh_pct, soil_pct, lux) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL 7776000"
        )
        self.insert.consistency_level = ConsistencyLevel.LOCAL_QUORUM

    def save(self, frame):
        self.session.execute(
            self.insert,
            (frame.node, frame.received_at.date(), frame.received_at, frame.seq,
             frame.temp_c, frame.rh_pct, frame.soil_pct, frame.lux),
        )

    def close(self):
        self.cluster.shutdown()


def connect_store(hosts, username, password, keyspace="greenhouse", attempts=12):
    """Connect once at start-up; the gateway boots before the DB host on power-up."""
    auth = PlainTextAuthProvider(username=username, password=password)
    for attempt in range(1, attempts + 1):
        cluster = Cluster(
            hosts,
            auth_provider=auth,
            load_balancing_policy=DCAwareRoundRobinPolicy(local_dc="site1"),
            protocol_version=4,
        )
        try:
            session = cluster.connect(keyspace)
            break
        except NoHostAvailable as exc:
            cluster.shutdown()
            log.warning("cassandra unavailable (%s); attempt %d/%d", exc, attempt, attempts)
            time.sleep(5 * attempt)
    else:
        raise SystemExit("could not reach cassandra")
    log.info("connected to cassandra keyspace %s", keyspace)
    return FrameStore(cluster, session)
