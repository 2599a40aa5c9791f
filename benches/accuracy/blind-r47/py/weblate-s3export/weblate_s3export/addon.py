import os

from django_redis import get_redis_connection

from weblate.addons.base import BaseAddon
from weblate.addons.events import EVENT_DAILY, EVENT_POST_COMMIT

from .forms import S3ExportForm
from .storage import s3_client

LOCK_TTL = 300


class S3ExportAddon(BaseAddon):
    events = (EVENT_POST_COMMIT, EVENT_DAILY)
    name = "weblate.s3export.mirror"
    verbose = "Mirror translations to S3"
    description = "Uploads every translation file of the component to S3 after each commit."
    settings_form = S3ExportForm
    icon = "upload.svg"

    def _upload_component(self, component):
        cfg = self.instance.configuration
        client = s3_client(cfg["region"])
        prefix = cfg.get("prefix", "i18n/")
        for translation in component.translation_set.iterator():
            path = translation.get_filename()
            if not path or not os.path.exists(path):
                continue
            key = f"{prefix}{component.project.slug}/{component.slug}/{os.path.basename(path)}"
            with open(path, "rb") as handle:
                client.put_object(Bucket=cfg["bucket"], Key=key, Body=handle.read())

    def post_commit(self, component):
        # shared connection pool of the "default" django-redis cache
        redis = get_redis_connection("default")
        lock = redis.lock(f"s3export:{component.pk}", timeout=LOCK_TTL, blocking_timeout=0)
        if not lock.acquire(blocking=False):
            return
        try:
            self._upload_component(component)
        finally:
            lock.release()

    def daily(self, component):
        self._upload_component(component)
