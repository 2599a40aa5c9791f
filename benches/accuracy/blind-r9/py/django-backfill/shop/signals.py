from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .clients import cache
from .models import Product


@receiver(post_save, sender=Product)
def invalidate_on_save(sender, instance: Product, **kwargs):
    cache.delete(f"product:{instance.sku}")


@receiver(post_delete, sender=Product)
def invalidate_on_delete(sender, instance: Product, **kwargs):
    cache.delete(f"product:{instance.sku}")
