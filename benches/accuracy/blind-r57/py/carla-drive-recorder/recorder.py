"""Drive recorder for CARLA autopilot regression runs.

    python recorder.py --town Town04 --minutes 10

Spawns an ego vehicle on autopilot, attaches collision and lane-invasion
sensors and records the ego pose on every world tick.
"""
import argparse
import math
import random
import time

import carla

import incidents
import store


class TickRecorder:
    """world.on_tick callback: buffers ego telemetry, flushes in batches."""

    def __init__(self, run_id, ego_id, flush_every=40):
        self.run_id = run_id
        self.ego_id = ego_id
        self.flush_every = flush_every
        self._rows = []

    def on_tick(self, snapshot):
        actor = snapshot.find(self.ego_id)
        if actor is None:
            return
        transform = actor.get_transform()
        velocity = actor.get_velocity()
        speed = 3.6 * math.sqrt(velocity.x ** 2 + velocity.y ** 2 + velocity.z ** 2)
        self._rows.append({
            "run_id": self.run_id,
            "frame": snapshot.frame,
            "sim_time": snapshot.timestamp.elapsed_seconds,
            "x": transform.location.x,
            "y": transform.location.y,
            "yaw": transform.rotation.yaw,
            "speed_kmh": speed,
        })
        if len(self._rows) >= self.flush_every:
            self.flush()

    def flush(self):
        rows, self._rows = self._rows, []
        store.insert_telemetry(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2000)
    parser.add_argument("--town", default="Town04")
    parser.add_argument("--vehicle", default="vehicle.tesla.model3")
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()

    client = carla.Client(args.host, args.port)
    client.set_timeout(20.0)
    world = client.load_world(args.town)
    blueprints = world.get_blueprint_library()

    ego = world.spawn_actor(
        blueprints.find(args.vehicle),
        random.choice(world.get_map().get_spawn_points()),
    )
    ego.set_autopilot(True)

    run_id = store.create_run(args.town, args.vehicle)
    recorder = TickRecorder(run_id, ego.id)

    collision = world.spawn_actor(
        blueprints.find("sensor.other.collision"), carla.Transform(), attach_to=ego)
    lane = world.spawn_actor(
        blueprints.find("sensor.other.lane_invasion"), carla.Transform(), attach_to=ego)
    collision.listen(lambda event: incidents.on_collision(run_id, event))
    lane.listen(lambda event: incidents.on_lane_invasion(run_id, event))
    tick_id = world.on_tick(recorder.on_tick)

    try:
        deadline = time.monotonic() + args.minutes * 60
        while time.monotonic() < deadline:
            time.sleep(1.0)
    finally:
        world.remove_on_tick(tick_id)
        for sensor in (collision, lane):
            sensor.stop()
            sensor.destroy()
        ego.destroy()
        recorder.flush()
        store.finish_run(run_id)
        store.engine.dispose()


if __name__ == "__main__":
    main()
