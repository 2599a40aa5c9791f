import redis.asyncio as aioredis
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.urls import path

from .clients import stock_redis


class StockConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.sku = self.scope["url_route"]["kwargs"]["sku"]
        self.group = f"stock.{self.sku}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        level = await stock_redis().get(f"stock:{self.sku}")
        await self.send_json({"sku": self.sku, "stock": int(level or 0)})

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if content.get("type") != "reserve":
            return
        quantity = int(content.get("quantity", 1))
        r = aioredis.Redis.from_url(settings.REDIS_URL, decode_responses=True)
        remaining = await r.decrby(f"stock:{self.sku}", quantity)
        if remaining < 0:
            await r.incrby(f"stock:{self.sku}", quantity)
            await self.send_json({"type": "reserve.failed", "sku": self.sku})
        else:
            await self.send_json({"type": "reserve.ok", "sku": self.sku, "remaining": remaining})
        await r.aclose()

    async def stock_changed(self, event):
        await self.send_json(event["payload"])


websocket_urlpatterns = [
    path("ws/stock/<str:sku>/", StockConsumer.as_asgi()),
]
