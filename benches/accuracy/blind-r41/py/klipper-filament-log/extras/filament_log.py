# Klipper extra: log filament usage per print job to the print-farm database
# and keep Spoolman in sync.
#
# Copyright (C) 2024  Print Farm Ops
# This file may be distributed under the terms of the GNU GPLv3 license.
import logging

import requests
from psycopg_pool import ConnectionPool


class FilamentLog:
    cmd_LOG_SPOOL_help = "Record the active spool: LOG_SPOOL SPOOL=<id>"

    def __init__(self, config):
        self.printer = config.get_printer()
        self.reactor = self.printer.get_reactor()
        self.name = config.get("printer_name", "printer")
        self.dsn = config.get("dsn")
        self.spoolman_url = config.get("spoolman_url").rstrip("/")
        self.interval = config.getfloat("interval", 60.0, above=5.0)
        self.pool = None
        self.timer = None
        self.spool_id = None
        self.last_used = 0.0
        # One HTTP session for the lifetime of this Klipper config load.
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "klipper-filament-log/1.2"

        self.printer.register_event_handler("klippy:ready", self._handle_ready)
        self.printer.register_event_handler("klippy:disconnect", self._handle_disconnect)
        gcode = self.printer.lookup_object("gcode")
        gcode.register_command("LOG_SPOOL", self.cmd_LOG_SPOOL, desc=self.cmd_LOG_SPOOL_help)

    def _handle_ready(self):
        # klippy:ready fires once per config load (a FIRMWARE_RESTART rebuilds this object).
        if self.pool is None:
            self.pool = ConnectionPool(self.dsn, min_size=1, max_size=2, timeout=5,
                                       name="filament-log", open=True)
        self.timer = self.reactor.register_timer(self._sample, self.reactor.NOW)

    def _handle_disconnect(self):
        if self.timer is not None:
            self.reactor.unregister_timer(self.timer)
            self.timer = None
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        self.http.close()

    def _sample(self, eventtime):
        # Reactor timer: runs every `interval` seconds while Klipper is up.
        stats = self.printer.lookup_object("print_stats").get_status(eventtime)
        used = stats["filament_used"]
        if stats["state"] == "printing" and self.pool is not None:
            delta = max(0.0, used - self.last_used)
            try:
                with self.pool.connection() as conn:
                    conn.execute(
                        "INSERT INTO filament_samples (printer, job, spool_id, used_mm, delta_mm)"
                        " VALUES (%s, %s, %s, %s, %s)",
                        (self.name, stats["filename"], self.spool_id, used, delta),
                    )
            except Exception:
                logging.exception("filament_log: sample insert failed")
            if self.spool_id is not None and delta > 0:
                try:
                    self.http.put(
                        f"{self.spoolman_url}/api/v1/spool/{self.spool_id}/use",
                        json={"use_length": delta}, timeout=3,
                    )
                except requests.RequestException:
                    logging.warning("filament_log: spoolman update failed")
        self.last_used = used if stats["state"] == "printing" else 0.0
        return eventtime + self.interval

    def cmd_LOG_SPOOL(self, gcmd):
        # Runs per G-code command (macros call it on every filament change).
        spool = gcmd.get_int("SPOOL", minval=1)
        self.spool_id = spool
        if self.pool is None:
            raise gcmd.error("filament_log: database not ready")
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO spool_changes (printer, spool_id) VALUES (%s, %s)",
                (self.name, spool),
            )
        gcmd.respond_info("filament_log: active spool is now %d" % (spool,))


def load_config(config):
    return FilamentLog(config)
