"""SimPy model of a walk-in clinic: arrivals, triage, and doctor rooms."""
import random
import statistics
from dataclasses import dataclass, field

import simpy


@dataclass
class Params:
    doctors: int
    triage_nurses: int
    arrivals_per_hour: float
    triage_minutes: float
    consult_minutes: float
    hours_open: int = 10


@dataclass
class Stats:
    waits: list = field(default_factory=list)
    served: int = 0
    left_unseen: int = 0

    def summary(self) -> dict:
        return {
            "served": self.served,
            "left_unseen": self.left_unseen,
            "mean_wait_min": round(statistics.fmean(self.waits), 2) if self.waits else 0.0,
            "p90_wait_min": round(statistics.quantiles(self.waits, n=10)[-1], 2)
            if len(self.waits) >= 10 else 0.0,
        }


def patient(env, triage, rooms, params: Params, stats: Stats, patience: float):
    arrived = env.now
    with triage.request() as req:
        yield req
        yield env.timeout(random.expovariate(1 / params.triage_minutes))
    with rooms.request() as req:
        result = yield req | env.timeout(patience)
        if req not in result:
            stats.left_unseen += 1
            return
        stats.waits.append(env.now - arrived)
        yield env.timeout(random.expovariate(1 / params.consult_minutes))
        stats.served += 1


def arrivals(env, triage, rooms, params: Params, stats: Stats):
    while env.now < params.hours_open * 60:
        yield env.timeout(random.expovariate(params.arrivals_per_hour / 60))
        env.process(patient(env, triage, rooms, params, stats, patience=random.uniform(45, 120)))


def run_once(params: Params, seed: int) -> dict:
    random.seed(seed)
    env = simpy.Environment()
    triage = simpy.Resource(env, capacity=params.triage_nurses)
    rooms = simpy.Resource(env, capacity=params.doctors)
    stats = Stats()
    env.process(arrivals(env, triage, rooms, params, stats))
    env.run(until=params.hours_open * 60 + 180)
    return stats.summary()
