"""Process-wide client caches used by the Django-Q cluster workers."""
from functools import lru_cache

import boto3
from django.conf import settings
from elasticsearch import Elasticsearch


@lru_cache(maxsize=1)
def s3():
    return boto3.client("s3")


@lru_cache(maxsize=None)
def tenant_search(tenant: str) -> Elasticsearch:
    """One Elasticsearch client per tenant cluster, kept for the life of the worker."""
    return Elasticsearch(
        settings.TENANT_SEARCH_URLS[tenant],
        request_timeout=30,
        retry_on_timeout=True,
    )
