from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType, TimestampType

from . import settings
from .sinks import CustomerCounterWriter, write_batch

ORDER_SCHEMA = StructType(
    [
        StructField("order_id", StringType()),
        StructField("customer_id", StringType()),
        StructField("total_cents", LongType()),
        StructField("status", StringType()),
        StructField("updated_at", TimestampType()),
    ]
)


def main() -> None:
    spark = SparkSession.builder.appName("orders-stream").getOrCreate()

    orders = (
        spark.readStream.format("kafka")
        .option("kafka.bootstrap.servers", settings.KAFKA_BOOTSTRAP)
        .option("subscribe", settings.ORDERS_TOPIC)
        .option("startingOffsets", "latest")
        .load()
        .select(F.from_json(F.col("value").cast("string"), ORDER_SCHEMA).alias("o"))
        .select("o.*")
    )

    (
        orders.writeStream.foreachBatch(write_batch)
        .option("checkpointLocation", f"{settings.CHECKPOINT_ROOT}/warehouse")
        .trigger(processingTime="30 seconds")
        .start()
    )
    (
        orders.filter(F.col("status") == "PAID")
        .writeStream.foreach(CustomerCounterWriter())
        .option("checkpointLocation", f"{settings.CHECKPOINT_ROOT}/counters")
        .start()
    )
    spark.streams.awaitAnyTermination()


if __name__ == "__main__":
    main()
