import redis
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import LiveStockPluginModel, RelatedProductsPluginModel
from .search import related_products


@plugin_pool.register_plugin
class LiveStockPlugin(CMSPluginBase):
    model = LiveStockPluginModel
    name = _("Live stock level")
    module = _("Promotions")
    render_template = "promos/live_stock.html"
    cache = False  # stock moves by the minute; render on every page view

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        stock = redis.Redis.from_url(settings.STOCK_REDIS_URL, decode_responses=True)
        levels = stock.hgetall(f"stock:{instance.sku}")
        context["available"] = int(levels.pop("available", 0))
        if instance.show_warehouses:
            context["warehouses"] = sorted(
                (name, int(qty)) for name, qty in levels.items()
            )
        return context


@plugin_pool.register_plugin
class RelatedProductsPlugin(CMSPluginBase):
    model = RelatedProductsPluginModel
    name = _("Related products")
    module = _("Promotions")
    render_template = "promos/related_products.html"
    cache = True

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["products"] = related_products(instance.query, instance.limit)
        return context
