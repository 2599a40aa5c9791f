"""Pick-robot mission supervisor: a py_trees behaviour tree ticked five times a second."""

import logging
import os

import py_trees

from behaviours import DriveToBin, FetchNextPick, Heartbeat, ReportPick
from services import connect_services

ROBOT_ID = os.environ.get("ROBOT_ID", "amr-07")
MOTION_URL = os.environ.get("MOTION_URL", "http://127.0.0.1:8600")


def build_tree(robot_id: str) -> py_trees.behaviour.Behaviour:
    pick_cycle = py_trees.composites.Sequence(
        name="PickCycle",
        memory=True,
        children=[
            FetchNextPick("FetchNextPick", robot_id),
            DriveToBin("DriveToBin"),
            ReportPick("ReportPick", robot_id),
        ],
    )
    work = py_trees.composites.Selector(
        name="Work",
        memory=False,
        children=[pick_cycle, py_trees.behaviours.Success(name="Idle")],
    )
    return py_trees.composites.Sequence(
        name="Mission",
        memory=False,
        children=[Heartbeat("Heartbeat", robot_id), work],
    )


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    services = connect_services()
    tree = py_trees.trees.BehaviourTree(build_tree(ROBOT_ID))
    try:
        tree.setup(timeout=15, services=services, motion_url=MOTION_URL)
        tree.tick_tock(period_ms=200)
    except KeyboardInterrupt:
        tree.interrupt()
    finally:
        tree.shutdown()
        services.close()


if __name__ == "__main__":
    main()
