import time
from datetime import datetime, timedelta

import requests

import clients

cfg = pyscript.app_config
SENSOR = cfg["power_sensor"]
LIMIT = int(cfg.get("limit_watts", 4500))


@pyscript_executor
def push_ntfy(url, title, message, priority="default"):
    session = requests.Session()
    session.headers.update({"Title": title, "Priority": priority, "Tags": "zap"})
    resp = session.post(url, data=message.encode("utf-8"), timeout=10)
    return resp.status_code


@pyscript_executor
def record_sample(redis_url, watts, ts):
    r = clients.open_redis(redis_url)
    r.xadd("energy:samples", {"w": watts, "ts": ts}, maxlen=100000, approximate=True)
    return r.xlen("energy:samples")


@pyscript_executor
def store_daily(mongo_url, day, kwh, peak):
    db = clients.mongo(mongo_url)["energy"]
    db.daily.update_one({"day": day}, {"$set": {"kwh": kwh, "peak_w": peak}}, upsert=True)


@state_trigger(f"float({SENSOR} or 0) > {LIMIT}", state_hold=60)
def high_load_alert(value=None, **kwargs):
    watts = int(float(value))
    log.warning(f"energy_watch: sustained load {watts} W")
    status = push_ntfy(
        cfg["ntfy_url"],
        "High household load",
        f"{watts} W for more than a minute. Check the dryer / EV charger.",
        priority="high",
    )
    if status >= 300:
        log.error(f"energy_watch: ntfy returned {status}")


@time_trigger("cron(* * * * *)")
def sample_power():
    raw = state.get(SENSOR)
    if raw in (None, "unknown", "unavailable"):
        return
    record_sample(cfg["redis_url"], float(raw), int(time.time()))


@time_trigger("cron(5 0 * * *)")
def daily_rollup():
    day = (datetime.now() - timedelta(days=1)).strftime("%Y-%m-%d")
    kwh = float(state.get("sensor.house_energy_daily_last") or 0)
    peak = float(state.get("sensor.house_power_peak_yesterday") or 0)
    store_daily(cfg["mongo_url"], day, kwh, peak)


@service
def energy_watch_test_alert():
    """Send a test notification through ntfy."""
    push_ntfy(cfg["ntfy_url"], "Energy watch test", "If you can read this, alerts work.")
