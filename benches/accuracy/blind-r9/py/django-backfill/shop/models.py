from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=32, unique=True)
    title = models.CharField(max_length=200)
    image_url = models.URLField(blank=True)
    thumbnail_key = models.CharField(max_length=200, blank=True)
    price_cents = models.PositiveIntegerField()


class LedgerEntry(models.Model):
    legacy_id = models.BigIntegerField(unique=True)
    account = models.CharField(max_length=64)
    amount_cents = models.BigIntegerField()
    booked_at = models.DateTimeField()
