import os

from kstreams import backends, create_engine

backend = backends.Kafka(
    bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092").split(","),
    security_protocol=backends.kafka.SecurityProtocol.PLAINTEXT,
)

stream_engine = create_engine(title="shipment-sync", backend=backend)
