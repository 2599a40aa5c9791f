import json
import os
import time

import boto3
import rclpy
import requests
from nav_msgs.msg import Odometry
from psycopg_pool import ConnectionPool
from rclpy.node import Node
from sensor_msgs.msg import BatteryState
from std_msgs.msg import String
from std_srvs.srv import Trigger

from fleet_telemetry import storage

FLEET_API = os.environ.get("FLEET_API", "https://fleet.example.com/api/v2")
REPORT_BUCKET = os.environ.get("REPORT_BUCKET", "amr-position-exports")


class FleetTelemetry(Node):
    def __init__(self):
        super().__init__("fleet_telemetry")
        self.robot_id = self.declare_parameter("robot_id", "amr-01").value
        self.pool = ConnectionPool(storage.TELEMETRY_DSN, min_size=1, max_size=4)
        self._positions = []

        self.create_subscription(Odometry, "odom", self.on_odom, 10)
        self.create_subscription(BatteryState, "battery_state", self.on_battery, 10)
        self.create_subscription(String, "mission_events", self.on_mission_event, 10)
        self.create_timer(5.0, self.flush_positions)
        self.create_service(Trigger, "export_positions", self.handle_export)
        self.create_service(Trigger, "reset_odometer", self.handle_reset_odometer)

    def on_odom(self, msg: Odometry):
        p = msg.pose.pose.position
        self._positions.append((self.robot_id, time.time(), p.x, p.y))
        storage.state_cache.hset(f"robot:{self.robot_id}", mapping={"x": p.x, "y": p.y})

    def flush_positions(self):
        if not self._positions:
            return
        rows, self._positions = self._positions, []
        with self.pool.connection() as conn:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO positions (robot_id, ts, x, y) VALUES (%s, to_timestamp(%s), %s, %s)",
                    rows,
                )

    def on_battery(self, msg: BatteryState):
        # ~1 Hz from the BMS driver
        with storage.open_maintenance_db() as conn:
            conn.execute(
                "INSERT INTO battery_samples (robot_id, voltage, percentage, temperature) "
                "VALUES (%s, %s, %s, %s)",
                (self.robot_id, msg.voltage, msg.percentage, msg.temperature),
            )

    def on_mission_event(self, msg: String):
        event = json.loads(msg.data)
        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {os.environ['FLEET_TOKEN']}"
        resp = api.post(f"{FLEET_API}/robots/{self.robot_id}/events", json=event, timeout=5)
        if resp.status_code >= 400:
            self.get_logger().warning(f"fleet api rejected event: {resp.status_code}")

    def handle_export(self, request, response):
        # called by the ops dashboard every time an operator opens a robot's page
        s3 = boto3.client("s3")
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT ts, x, y FROM positions WHERE robot_id = %s AND ts > now() - interval '1 day'",
                (self.robot_id,),
            ).fetchall()
        body = "\n".join(f"{ts.isoformat()},{x},{y}" for ts, x, y in rows)
        key = f"{self.robot_id}/{time.strftime('%Y-%m-%d')}.csv"
        s3.put_object(Bucket=REPORT_BUCKET, Key=key, Body=body.encode())
        response.success = True
        response.message = f"s3://{REPORT_BUCKET}/{key}"
        return response

    def handle_reset_odometer(self, request, response):
        conn = self.pool.getconn()
        row = conn.execute("SELECT id FROM robots WHERE name = %s", (self.robot_id,)).fetchone()
        if row is None:
            response.success = False
            response.message = "unknown robot"
            return response
        conn.execute("UPDATE robots SET odometer_m = 0 WHERE id = %s", (row[0],))
        conn.commit()
        self.pool.putconn(conn)
        response.success = True
        return response


def main(args=None):
    rclpy.init(args=args)
    node = FleetTelemetry()
    try:
        rclpy.spin(node)
    finally:
        node.pool.close()
        node.destroy_node()
        rclpy.shutdown()


if __name__ == "__main__":
    main()
