import datetime as dt

from courier.models import Shipment


class TrackingHandler:
    def __init__(self, services):
        self.redis = services.redis

    def handle(self, ctx):
        if ctx.kind not in ("scan", "delivered", "exception"):
            return
        now = dt.datetime.now(dt.timezone.utc)
        Shipment.objects(tracking_no=ctx.tracking_no).update_one(
            set__status=ctx.payload.get("status", ctx.kind),
            set__updated_at=now,
            push__history={"kind": ctx.kind, "at": now.isoformat(), "hub": ctx.payload.get("hub")},
            upsert=True,
        )
        self.redis.hset(f"shipment:{ctx.tracking_no}", mapping={"status": ctx.kind, "at": now.isoformat()})
