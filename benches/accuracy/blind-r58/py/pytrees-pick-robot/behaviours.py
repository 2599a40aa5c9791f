"""Behaviours for the pick-robot mission tree."""

import time

import httpx
import py_trees
from py_trees.common import Access, Status


class Heartbeat(py_trees.behaviour.Behaviour):
    def __init__(self, name: str, robot_id: str):
        super().__init__(name)
        self.robot_id = robot_id

    def setup(self, **kwargs):
        self.services = kwargs["services"]

    def update(self) -> Status:
        key = f"robot:{self.robot_id}"
        self.services.redis.hset(key, mapping={"seen": time.time(), "state": "alive"})
        self.services.redis.expire(key, 10)
        return Status.SUCCESS


class FetchNextPick(py_trees.behaviour.Behaviour):
    def __init__(self, name: str, robot_id: str):
        super().__init__(name)
        self.robot_id = robot_id
        self.blackboard = self.attach_blackboard_client(name=name)
        self.blackboard.register_key(key="pick", access=Access.WRITE)

    def setup(self, **kwargs):
        self.services = kwargs["services"]

    def update(self) -> Status:
        with self.services.pool.connection() as conn:
            row = conn.execute(
                "UPDATE picks SET robot_id = %s, claimed_at = now() WHERE id = ("
                " SELECT id FROM picks WHERE robot_id IS NULL AND done_at IS NULL"
                " ORDER BY priority DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED"
                ") RETURNING id, bin, sku, qty",
                (self.robot_id,),
            ).fetchone()
        if row is None:
            self.feedback_message = "no open picks"
            return Status.FAILURE
        self.blackboard.pick = {"id": row[0], "bin": row[1], "sku": row[2], "qty": row[3]}
        return Status.SUCCESS


class DriveToBin(py_trees.behaviour.Behaviour):
    """Sends a goal to the robot's local motion service and polls it every tick."""

    def __init__(self, name: str):
        super().__init__(name)
        self.blackboard = self.attach_blackboard_client(name=name)
        self.blackboard.register_key(key="pick", access=Access.READ)
        self.motion = None
        self.goal_sent = False

    def setup(self, **kwargs):
        self.motion = httpx.Client(base_url=kwargs["motion_url"], timeout=2.0)

    def initialise(self):
        self.goal_sent = False

    def update(self) -> Status:
        if not self.goal_sent:
            self.motion.post("/goal", json={"bin": self.blackboard.pick["bin"]}).raise_for_status()
            self.goal_sent = True
            return Status.RUNNING
        state = self.motion.get("/goal/state").json()["state"]
        return {"reached": Status.SUCCESS, "failed": Status.FAILURE}.get(state, Status.RUNNING)

    def terminate(self, new_status: Status):
        if new_status == Status.INVALID and self.goal_sent:
            self.motion.post("/goal/cancel")

    def shutdown(self):
        if self.motion is not None:
            self.motion.close()


class ReportPick(py_trees.behaviour.Behaviour):
    def __init__(self, name: str, robot_id: str):
        super().__init__(name)
        self.robot_id = robot_id
        self.blackboard = self.attach_blackboard_client(name=name)
        self.blackboard.register_key(key="pick", access=Access.READ)

    def setup(self, **kwargs):
        self.services = kwargs["services"]

    def update(self) -> Status:
        pick = self.blackboard.pick
        with self.services.pool.connection() as conn:
            conn.execute("UPDATE picks SET done_at = now() WHERE id = %s", (pick["id"],))
        self.services.redis.xadd(
            "fleet:events", {"robot": self.robot_id, "pick": pick["id"], "sku": pick["sku"]}
        )
        return Status.SUCCESS
