"""Webots controller: drive along the panel rows, flag damaged panels seen by the camera."""

import math

from controller import Robot

import reporting

WAYPOINTS = [(0.0, 0.0), (12.0, 0.0), (12.0, 2.5), (0.0, 2.5), (0.0, 5.0), (12.0, 5.0)]
CRUISE_SPEED = 4.0
WAYPOINT_RADIUS = 0.25
ANOMALY_MODELS = {"damaged_panel", "soiled_panel", "hotspot_marker"}


def heading_from_compass(values) -> float:
    return math.atan2(values[0], values[1])


def main() -> None:
    robot = Robot()
    timestep = int(robot.getBasicTimeStep())

    gps = robot.getDevice("gps")
    gps.enable(timestep)
    compass = robot.getDevice("compass")
    compass.enable(timestep)
    camera = robot.getDevice("camera")
    camera.enable(timestep)
    camera.recognitionEnable(timestep)
    battery_sensor = robot.getDevice("battery")
    battery_sensor.enable(timestep)

    left = robot.getDevice("left wheel motor")
    right = robot.getDevice("right wheel motor")
    for motor in (left, right):
        motor.setPosition(float("inf"))
        motor.setVelocity(0.0)

    run_id = reporting.start_run("solar_farm.wbt", robot.getName())
    reported = set()
    target = 0

    while robot.step(timestep) != -1:
        if target >= len(WAYPOINTS):
            left.setVelocity(0.0)
            right.setVelocity(0.0)
            break

        x, y, _ = gps.getValues()
        tx, ty = WAYPOINTS[target]
        distance = math.hypot(tx - x, ty - y)

        if distance < WAYPOINT_RADIUS:
            reporting.log_waypoint(run_id, target, x, y, robot.getTime(), battery_sensor.getValue())
            target += 1
            continue

        for obj in camera.getRecognitionObjects():
            model = obj.getModel()
            if model in ANOMALY_MODELS and obj.getId() not in reported:
                ticket = reporting.report_anomaly(
                    run_id, model, obj.getId(), obj.getPosition(), robot.getTime()
                )
                reported.add(obj.getId())
                print(f"[{robot.getTime():.1f}s] {model} #{obj.getId()} -> ticket {ticket}")

        heading = heading_from_compass(compass.getValues())
        bearing = math.atan2(ty - y, tx - x)
        error = math.atan2(math.sin(bearing - heading), math.cos(bearing - heading))
        turn = max(-1.0, min(1.0, 2.0 * error))
        left.setVelocity(CRUISE_SPEED * (1.0 - turn))
        right.setVelocity(CRUISE_SPEED * (1.0 + turn))

    reporting.shutdown()


if __name__ == "__main__":
    main()
