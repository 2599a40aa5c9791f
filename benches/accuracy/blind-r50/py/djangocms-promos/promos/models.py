from cms.models.pluginmodel import CMSPlugin
from django.db import models


class Promotion(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    sku = models.CharField(max_length=64, db_index=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    def __str__(self):
        return self.title


class LiveStockPluginModel(CMSPlugin):
    sku = models.CharField(max_length=64)
    show_warehouses = models.BooleanField(default=False)


class RelatedProductsPluginModel(CMSPlugin):
    query = models.CharField(max_length=200)
    limit = models.PositiveSmallIntegerField(default=4)
