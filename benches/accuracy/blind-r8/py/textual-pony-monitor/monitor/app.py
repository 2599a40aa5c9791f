import argparse
import json
import time
import tomllib
from datetime import datetime, timedelta

import httpx
import redis
from pony.orm import count, db_session
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from monitor.models import Sample, init_db


class MonitorApp(App):
    TITLE = "uptime"
    BINDINGS = [("q", "quit", "Quit"), ("r", "poll_now", "Poll now")]

    def __init__(self, targets: dict[str, str], events: redis.Redis, interval: float) -> None:
        super().__init__()
        self.targets = targets
        self.events = events
        self.interval = interval
        self.http: httpx.AsyncClient | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.http = httpx.AsyncClient(timeout=3.0, limits=httpx.Limits(max_connections=10))
        self.query_one(DataTable).add_columns("service", "status", "latency (ms)", "24h uptime")
        self.set_interval(self.interval, self.poll)
        self.call_later(self.poll)

    async def action_poll_now(self) -> None:
        await self.poll()

    async def poll(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        since = datetime.utcnow() - timedelta(hours=24)
        for name, url in self.targets.items():
            started = time.perf_counter()
            try:
                resp = await self.http.get(url)
                ok = resp.status_code < 500
            except httpx.HTTPError:
                ok = False
            latency = (time.perf_counter() - started) * 1000
            with db_session:
                Sample(service=name, latency_ms=latency, ok=ok)
                total = count(s for s in Sample if s.service == name and s.taken_at > since)
                good = count(s for s in Sample if s.service == name and s.taken_at > since and s.ok)
            uptime = 100.0 * good / total if total else 100.0
            self.events.publish("uptime", json.dumps({"service": name, "ok": ok, "latency_ms": round(latency)}))
            table.add_row(name, "UP" if ok else "DOWN", f"{latency:.0f}", f"{uptime:.1f}%")

    async def on_unmount(self) -> None:
        if self.http is not None:
            await self.http.aclose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="targets.toml")
    parser.add_argument("--db", default="uptime.sqlite")
    parser.add_argument("--redis", default="redis://localhost:6379/0")
    parser.add_argument("--interval", type=float, default=10.0)
    args = parser.parse_args()

    with open(args.config, "rb") as fh:
        targets = tomllib.load(fh)["targets"]
    init_db(args.db)
    events = redis.Redis.from_url(args.redis)
    try:
        MonitorApp(targets, events, args.interval).run()
    finally:
        events.close()


if __name__ == "__main__":
    main()
