"""Sensor callbacks for the ego vehicle.

The CARLA client invokes these from its own thread for every event the
collision / lane-invasion sensors report.
"""
import json
import math
import os

import boto3
from sqlalchemy import insert

import store

INCIDENT_BUCKET = os.environ.get("INCIDENT_BUCKET", "sim-incidents")
AWS_REGION = os.environ.get("AWS_REGION", "eu-central-1")


def _impulse_magnitude(vector):
    return math.sqrt(vector.x ** 2 + vector.y ** 2 + vector.z ** 2)


def on_collision(run_id, event):
    intensity = _impulse_magnitude(event.normal_impulse)
    if intensity < 1.0:
        return
    record = {
        "run_id": run_id,
        "frame": event.frame,
        "sim_time": event.timestamp,
        "other_actor": event.other_actor.type_id,
        "intensity": round(intensity, 2),
        "location": {
            "x": event.transform.location.x,
            "y": event.transform.location.y,
        },
    }
    s3 = boto3.client("s3", region_name=AWS_REGION)
    s3.put_object(
        Bucket=INCIDENT_BUCKET,
        Key="runs/{}/collisions/{:08d}.json".format(run_id, event.frame),
        Body=json.dumps(record).encode("utf-8"),
        ContentType="application/json",
    )


def on_lane_invasion(run_id, event):
    markings = sorted({str(m.type) for m in event.crossed_lane_markings})
    if not markings:
        return
    conn = store.engine.connect()
    conn.execute(
        insert(store.lane_events),
        [{"run_id": run_id, "frame": event.frame, "marking": m} for m in markings],
    )
    conn.commit()
