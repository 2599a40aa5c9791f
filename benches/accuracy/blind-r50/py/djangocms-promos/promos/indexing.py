"""Keep the promotions index in step with the Promotion table."""
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from elasticsearch import Elasticsearch, NotFoundError

from .models import Promotion

es_client = Elasticsearch(
    settings.CATALOG_ES_URL,
    api_key=settings.CATALOG_ES_API_KEY,
    retry_on_timeout=True,
)


@receiver(post_save, sender=Promotion)
def index_promotion(sender, instance, **kwargs):
    es_client.index(
        index="promotions",
        id=str(instance.pk),
        document={
            "title": instance.title,
            "body": instance.body,
            "sku": instance.sku,
            "starts_at": instance.starts_at.isoformat(),
            "ends_at": instance.ends_at.isoformat(),
        },
    )


@receiver(post_delete, sender=Promotion)
def unindex_promotion(sender, instance, **kwargs):
    try:
        es_client.delete(index="promotions", id=str(instance.pk))
    except NotFoundError:
        pass
