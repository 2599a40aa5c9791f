"""AMQP 1.0 consumer: on_message fires once per telemetry reading from the broker."""
from __future__ import annotations

import json
import logging
from datetime import datetime

import requests
from proton.handlers import MessagingHandler
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import sessionmaker

from db import DeviceState, Reading

log = logging.getLogger("telemetry.consumer")

THRESHOLDS = {"temp_c": 85.0, "vibration_g": 4.0, "pressure_bar": 12.0}


class TelemetryConsumer(MessagingHandler):
    def __init__(self, url: str, address: str, session_factory: sessionmaker,
                 http: requests.Session, alert_url: str):
        super().__init__(prefetch=50, auto_accept=False)
        self.url = url
        self.address = address
        self.Session = session_factory
        self.http = http
        self.alert_url = alert_url

    def on_start(self, event) -> None:
        conn = event.container.connect(self.url)
        event.container.create_receiver(conn, self.address)
        log.info("receiving from %s", self.address)

    def on_message(self, event) -> None:
        try:
            reading = json.loads(event.message.body)
            measured_at = datetime.fromisoformat(reading["ts"])
        except (ValueError, KeyError, TypeError):
            log.warning("rejecting malformed message %r", event.message.id)
            self.reject(event.delivery)
            return

        device, metric, value = reading["device"], reading["metric"], float(reading["value"])
        alarm = value > THRESHOLDS.get(metric, float("inf"))
        try:
            with self.Session.begin() as session:
                session.add(Reading(device_id=device, metric=metric, value=value, measured_at=measured_at))
                session.execute(
                    insert(DeviceState)
                    .values(device_id=device, last_seen=measured_at, alarm=alarm)
                    .on_conflict_do_update(
                        index_elements=[DeviceState.device_id],
                        set_={"last_seen": measured_at, "alarm": alarm},
                    )
                )
        except Exception:
            log.exception("db write failed, releasing for redelivery")
            self.release(event.delivery, delivered=True)
            return

        if alarm:
            self._alert(device, metric, value)
        self.accept(event.delivery)

    def _alert(self, device: str, metric: str, value: float) -> None:
        try:
            self.http.post(
                self.alert_url,
                json={"device": device, "metric": metric, "value": value, "severity": "high"},
                timeout=5,
            ).raise_for_status()
        except requests.RequestException:
            log.exception("alert for %s/%s not delivered", device, metric)

    def on_transport_error(self, event) -> None:
        log.warning("transport error: %s (reconnecting)", event.transport.condition)
