"""Browser views; Zope instantiates a view and calls it for every request."""
import json
import os

import plone.api
import redis
from Products.Five.browser import BrowserView
from sqlalchemy import text

from collective.fleetreports.db import Session
from collective.fleetreports.warehouse import export_trips_csv

CACHE_TTL = 300


class UtilisationView(BrowserView):
    def __call__(self):
        depot = self.request.form.get("depot") or self.context.getId()
        cache = redis.Redis.from_url(
            os.environ.get("FLEET_REDIS_URL", "redis://cache.internal:6379/4"),
            socket_timeout=2,
        )
        key = f"fleet:util:{depot}"
        cached = cache.get(key)
        if cached is not None:
            self.rows = json.loads(cached)
        else:
            with Session() as session:
                result = session.execute(
                    text(
                        "SELECT vehicle_reg, round(100.0 * busy_minutes / 1440, 1) AS pct "
                        "FROM daily_utilisation WHERE depot = :d AND day = current_date - 1 "
                        "ORDER BY pct DESC"
                    ),
                    {"d": depot},
                )
                self.rows = [dict(r._mapping) for r in result]
            cache.setex(key, CACHE_TTL, json.dumps(self.rows))
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps({"depot": depot, "vehicles": self.rows})


class ExportView(BrowserView):
    def __call__(self):
        depot = self.request.form.get("depot") or self.context.getId()
        month = self.request.form["month"]
        user = plone.api.user.get_current()
        body = export_trips_csv(depot, month)
        self.request.response.setHeader("Content-Type", "text/csv; charset=utf-8")
        self.request.response.setHeader(
            "Content-Disposition", f'attachment; filename="trips-{depot}-{month}.csv"'
        )
        self.request.response.setHeader("X-Exported-By", user.getId())
        return body
