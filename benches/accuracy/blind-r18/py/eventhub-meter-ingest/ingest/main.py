import logging

from azure.eventhub import EventHubConsumerClient
from azure.eventhub.extensions.checkpointstoreblob import BlobCheckpointStore

from . import config, handlers


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    checkpoint_store = BlobCheckpointStore.from_connection_string(
        config.CHECKPOINT_CONN, container_name=config.CHECKPOINT_CONTAINER
    )
    consumer = EventHubConsumerClient.from_connection_string(
        config.EVENTHUB_CONN,
        consumer_group=config.CONSUMER_GROUP,
        eventhub_name=config.EVENTHUB_NAME,
        checkpoint_store=checkpoint_store,
    )
    with consumer:
        consumer.receive_batch(
            on_event_batch=handlers.on_event_batch,
            on_partition_initialize=handlers.on_partition_initialize,
            on_error=handlers.on_error,
            max_batch_size=200,
            max_wait_time=5,
            starting_position="-1",
        )


if __name__ == "__main__":
    main()
