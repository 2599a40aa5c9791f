from django.db import models


class Product(models.Model):
    slug = models.SlugField(unique=True)
    sku = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    price_cents = models.PositiveIntegerField()
    description = models.TextField(blank=True)
