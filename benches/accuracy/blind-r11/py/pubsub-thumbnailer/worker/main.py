import logging
import os
from concurrent import futures

from google.cloud import pubsub_v1

from .clients import PROJECT
from .handlers import handle_delete, handle_upload


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    subscriber = pubsub_v1.SubscriberClient()
    flow = pubsub_v1.types.FlowControl(max_messages=20)
    uploads = subscriber.subscribe(
        subscriber.subscription_path(PROJECT, os.environ.get("UPLOADS_SUBSCRIPTION", "media-uploads-thumbnailer")),
        callback=handle_upload,
        flow_control=flow,
        scheduler=pubsub_v1.subscriber.scheduler.ThreadScheduler(futures.ThreadPoolExecutor(max_workers=16)),
    )
    deletes = subscriber.subscribe(
        subscriber.subscription_path(PROJECT, os.environ.get("DELETES_SUBSCRIPTION", "media-deletes-thumbnailer")),
        callback=handle_delete,
    )
    with subscriber:
        try:
            uploads.result()
        except BaseException:
            uploads.cancel()
            deletes.cancel()
            raise


if __name__ == "__main__":
    main()
