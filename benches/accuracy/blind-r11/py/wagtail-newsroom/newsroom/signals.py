import boto3
import redis
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from elasticsearch import Elasticsearch

from .models import ArticlePage, Correction

_search = None
_cloudfront = None


def search_client() -> Elasticsearch:
    global _search
    if _search is None:
        _search = Elasticsearch(settings.ELASTICSEARCH_URL, api_key=settings.ELASTICSEARCH_API_KEY)
    return _search


def cloudfront():
    global _cloudfront
    if _cloudfront is None:
        _cloudfront = boto3.client("cloudfront")
    return _cloudfront


@receiver(post_save, sender=Correction)
def correction_saved(sender, instance: Correction, created: bool, **kwargs):
    if not instance.published:
        return
    cache = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)
    cache.delete(f"article:html:{instance.article_id}")
    cache.publish("newsroom:corrections", str(instance.article_id))


@receiver(post_delete, sender=ArticlePage)
def article_deleted(sender, instance: ArticlePage, **kwargs):
    search_client().delete(index="newsroom-articles", id=str(instance.pk), ignore_status=[404])
    if settings.CLOUDFRONT_DISTRIBUTION_ID:
        cloudfront().create_invalidation(
            DistributionId=settings.CLOUDFRONT_DISTRIBUTION_ID,
            InvalidationBatch={
                "Paths": {"Quantity": 1, "Items": [instance.url_path.rstrip("/") + "/*"]},
                "CallerReference": f"delete-{instance.pk}",
            },
        )
