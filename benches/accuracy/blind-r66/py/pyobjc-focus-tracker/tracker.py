"""Per-seat focus tracker for the design studio's Macs (LaunchAgent, KeepAlive).

Listens to NSWorkspace notifications on the main run loop:
  * appActivated:   every time the user switches to another application
  * didWake:        every wake from sleep
  * uploadSummary:  NSTimer, every 15 minutes
"""
import datetime as dt
import json
import os
import socket
import time

import boto3
import objc
import requests
from AppKit import (
    NSWorkspace,
    NSWorkspaceApplicationKey,
    NSWorkspaceDidActivateApplicationNotification,
    NSWorkspaceDidWakeNotification,
)
from Foundation import NSObject, NSTimer
from PyObjCTools import AppHelper

import db

HOST = socket.gethostname()
STATUS_URL = "https://status.studio.example/api/seats/%s/wake" % HOST


class FocusObserver(NSObject):
    def initWithSession_(self, http):
        self = objc.super(FocusObserver, self).init()
        if self is None:
            return None
        self.http = http
        self.current = None
        self.since = time.time()
        self.totals = {}
        return self

    def appActivated_(self, notification):
        app = notification.userInfo()[NSWorkspaceApplicationKey]
        now = time.time()
        if self.current is not None:
            bundle_id, name = self.current
            seconds = int(now - self.since)
            self.totals[name] = self.totals.get(name, 0) + seconds
            conn = db.connect()
            with conn:
                conn.execute(
                    "INSERT INTO focus_spans (host, bundle_id, app_name, started_at, seconds)"
                    " VALUES (%s, %s, %s, to_timestamp(%s), %s)",
                    (HOST, bundle_id, name, self.since, seconds),
                )
        self.current = (app.bundleIdentifier(), app.localizedName())
        self.since = now

    def didWake_(self, notification):
        try:
            self.http.post(STATUS_URL, timeout=3)
        except requests.RequestException:
            pass

    def uploadSummary_(self, timer):
        if not self.totals:
            return
        s3 = boto3.client("s3", region_name="eu-west-1")
        key = "%s/%s.json" % (dt.date.today().isoformat(), HOST)
        s3.put_object(
            Bucket=os.environ["FOCUS_BUCKET"],
            Key=key,
            Body=json.dumps(self.totals).encode("utf-8"),
            ContentType="application/json",
        )


def main():
    db.ensure_schema()
    http = requests.Session()
    observer = FocusObserver.alloc().initWithSession_(http)

    center = NSWorkspace.sharedWorkspace().notificationCenter()
    center.addObserver_selector_name_object_(
        observer, "appActivated:", NSWorkspaceDidActivateApplicationNotification, None
    )
    center.addObserver_selector_name_object_(
        observer, "didWake:", NSWorkspaceDidWakeNotification, None
    )
    NSTimer.scheduledTimerWithTimeInterval_target_selector_userInfo_repeats_(
        900.0, observer, "uploadSummary:", None, True
    )
    try:
        AppHelper.runConsoleEventLoop(installInterrupt=True)
    finally:
        http.close()


if __name__ == "__main__":
    main()
