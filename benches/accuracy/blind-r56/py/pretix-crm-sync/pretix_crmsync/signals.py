import csv
import io
import logging
from datetime import date

import requests
from django.dispatch import receiver
from django_scopes import scopes_disabled
from pretix.base.models import Organizer
from pretix.base.signals import order_canceled, order_paid, order_placed, periodic_task

from . import DEDUP_KEY, DEDUP_TTL, crm_config, snapshot_bucket
from .clients import crm_session, dedup_redis, snapshot_s3

log = logging.getLogger(__name__)


def push_order(event, order, state):
    config = crm_config(event.organizer)
    if config is None:
        return
    if not dedup_redis().set(DEDUP_KEY.format(code=order.full_code, state=state), 1,
                             nx=True, ex=DEDUP_TTL):
        return  # already sent by another worker
    url, token = config
    payload = {
        "external_id": order.full_code,
        "state": state,
        "email": order.email,
        "total": str(order.total),
        "event": event.slug,
        "positions": [
            {"item": str(p.item.name), "attendee": p.attendee_name or ""}
            for p in order.positions.all()
        ],
    }
    try:
        resp = crm_session(event.organizer.slug, token).post(
            f"{url}/deals", json=payload, timeout=10
        )
        resp.raise_for_status()
    except requests.RequestException:
        log.exception("CRM push failed for %s", order.full_code)
        dedup_redis().delete(DEDUP_KEY.format(code=order.full_code, state=state))


@receiver(order_placed, dispatch_uid="crmsync_order_placed")
def on_order_placed(sender, order, **kwargs):
    push_order(sender, order, "placed")


@receiver(order_paid, dispatch_uid="crmsync_order_paid")
def on_order_paid(sender, order, **kwargs):
    push_order(sender, order, "paid")


@receiver(order_canceled, dispatch_uid="crmsync_order_canceled")
def on_order_canceled(sender, order, **kwargs):
    push_order(sender, order, "canceled")


@receiver(periodic_task, dispatch_uid="crmsync_nightly_snapshot")
def nightly_snapshot(sender, **kwargs):
    today = date.today().isoformat()
    redis_client = dedup_redis()
    if not redis_client.set(f"crmsync:snapshot:{today}", 1, nx=True, ex=2 * 86400):
        return  # periodic_task fires every few minutes; only once a day
    with scopes_disabled():
        for organizer in Organizer.objects.all():
            bucket = snapshot_bucket(organizer)
            if not bucket:
                continue
            buf = io.StringIO()
            writer = csv.writer(buf)
            writer.writerow(["event", "order", "attendee", "item"])
            for event in organizer.events.filter(live=True):
                for order in event.orders.filter(status="p").prefetch_related("positions"):
                    for p in order.positions.all():
                        writer.writerow([event.slug, order.code, p.attendee_name or "", p.item_id])
            snapshot_s3().put_object(
                Bucket=bucket,
                Key=f"pretix/{organizer.slug}/{today}.csv",
                Body=buf.getvalue().encode("utf-8"),
            )
