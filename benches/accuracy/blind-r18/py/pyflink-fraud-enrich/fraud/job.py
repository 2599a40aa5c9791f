import json
import os

from pyflink.common import Types, WatermarkStrategy
from pyflink.common.serialization import SimpleStringSchema
from pyflink.datastream import StreamExecutionEnvironment
from pyflink.datastream.connectors.kafka import (
    KafkaOffsetsInitializer,
    KafkaRecordSerializationSchema,
    KafkaSink,
    KafkaSource,
)

from .functions import AttachCustomerProfile, ScoreWithModel

BROKERS = os.environ.get("KAFKA_BROKERS", "kafka:9092")


def main() -> None:
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(4)
    env.enable_checkpointing(60_000)

    source = (
        KafkaSource.builder()
        .set_bootstrap_servers(BROKERS)
        .set_topics("payments.authorized")
        .set_group_id("fraud-enrich")
        .set_starting_offsets(KafkaOffsetsInitializer.latest())
        .set_value_only_deserializer(SimpleStringSchema())
        .build()
    )
    sink = (
        KafkaSink.builder()
        .set_bootstrap_servers(BROKERS)
        .set_record_serializer(
            KafkaRecordSerializationSchema.builder()
            .set_topic("payments.suspicious")
            .set_value_serialization_schema(SimpleStringSchema())
            .build()
        )
        .build()
    )

    (
        env.from_source(source, WatermarkStrategy.no_watermarks(), "payments")
        .map(AttachCustomerProfile(), output_type=Types.STRING())
        .key_by(lambda raw: json.loads(raw)["card_id"], key_type=Types.STRING())
        .process(ScoreWithModel(), output_type=Types.STRING())
        .sink_to(sink)
    )
    env.execute("payments-fraud-enrich")


if __name__ == "__main__":
    main()
