"""Clickstream topology: Kafka clicks -> enrich with session data -> persist to Postgres.

Submit with:  sparse submit -e prod -n clickstream
"""
from streamparse import Grouping, JavaSpout, Topology

from bolts.enrich import EnrichBolt
from bolts.persist import PersistBolt


class Clickstream(Topology):
    clicks_spout = JavaSpout.spec(
        name="kafka-clicks",
        full_class_name="org.apache.storm.kafka.spout.KafkaSpout",
        args_list=[],
        outputs=["session_id", "payload"],
        par=4,
    )

    enrich_bolt = EnrichBolt.spec(
        name="enrich",
        inputs={clicks_spout: Grouping.fields("session_id")},
        par=8,
    )

    persist_bolt = PersistBolt.spec(
        name="persist",
        inputs={enrich_bolt: Grouping.SHUFFLE},
        par=4,
        config={"topology.tick.tuple.freq.secs": 30},
    )

    # The persist bolt acks only after a row is committed; give slow
    # Postgres moments some head-room before Storm replays.
    config = {
        "topology.message.timeout.secs": 120,
        "topology.max.spout.pending": 2000,
    }
