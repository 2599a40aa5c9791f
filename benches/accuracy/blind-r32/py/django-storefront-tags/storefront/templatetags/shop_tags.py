import redis
from django import template
from django.conf import settings

from ..models import Product
from ..search import get_client

register = template.Library()


@register.inclusion_tag("storefront/related.html")
def related_products(product: Product, size: int = 4):
    """Rendered once for every product card / detail page that uses it."""
    es = get_client()
    resp = es.search(
        index="products",
        query={
            "more_like_this": {
                "fields": ["name", "description"],
                "like": [{"_index": "products", "_id": product.sku}],
                "min_term_freq": 1,
            }
        },
        size=size,
    )
    return {"related": [hit["_source"] for hit in resp["hits"]["hits"]]}


@register.simple_tag
def loyalty_points(user) -> int:
    if not user.is_authenticated:
        return 0
    r = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1)
    points = r.get(f"loyalty:{user.pk}")
    return int(points or 0)


@register.filter
def money(cents: int) -> str:
    return f"€{cents / 100:,.2f}"
