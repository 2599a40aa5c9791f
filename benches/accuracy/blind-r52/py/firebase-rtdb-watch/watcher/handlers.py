"""Listener callbacks, called by firebase_admin for every streamed event."""
import logging

from watcher import alarms, store

log = logging.getLogger("watcher.handlers")


def _flatten(path, data):
    """Yield (greenhouse, sensor, reading) triples from a put/patch payload."""
    parts = [p for p in path.split("/") if p]
    if len(parts) == 2 and isinstance(data, dict):
        yield parts[0], parts[1], data
    elif len(parts) == 1 and isinstance(data, dict):
        for sensor, reading in data.items():
            if isinstance(reading, dict):
                yield parts[0], sensor, reading
    elif not parts and isinstance(data, dict):
        for greenhouse, sensors in data.items():
            for sensor, reading in (sensors or {}).items():
                if isinstance(reading, dict):
                    yield greenhouse, sensor, reading


def on_telemetry(event):
    if event.data is None:
        return
    for greenhouse, sensor, reading in _flatten(event.path, event.data):
        store.save_reading(greenhouse, sensor, reading)


def on_alarm(event):
    if event.event_type != "put" or event.data is None or event.path == "/":
        # the initial snapshot arrives as a put on "/"; only react to new alarms
        return
    alarm_id = event.path.strip("/")
    alarm = dict(event.data, id=alarm_id)
    alarms.record(alarm)
    if alarm.get("severity") in ("high", "critical"):
        alarms.page_on_call(alarm)
    log.info("alarm %s from %s", alarm_id, alarm.get("greenhouse"))


def shutdown():
    store.close()
    alarms.close()
