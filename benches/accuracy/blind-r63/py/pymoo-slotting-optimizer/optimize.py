"""One-off re-slotting study for a distribution centre.

    python optimize.py --warehouse DC3 --generations 150

Assigns the fastest-moving SKUs to pick slots so that expected picker travel
is minimised. Run by an analyst a few times per quarter; each run is its own
process.
"""
import argparse
import logging
import os
import uuid

import numpy as np
import requests
from pymoo.algorithms.soo.nonconvex.ga import GA
from pymoo.core.callback import Callback
from pymoo.core.problem import ElementwiseProblem
from pymoo.operators.crossover.ox import OrderCrossover
from pymoo.operators.mutation.inversion import InversionMutation
from pymoo.operators.sampling.rnd import PermutationRandomSampling
from pymoo.optimize import minimize
from pymoo.termination import get_termination
from sqlalchemy import Engine, create_engine, text

log = logging.getLogger("slotting")


class SlottingProblem(ElementwiseProblem):
    """x is a permutation: x[i] is the slot given to the i-th SKU."""

    def __init__(self, pick_rates: np.ndarray, slot_distance: np.ndarray):
        self.pick_rates = pick_rates
        self.slot_distance = slot_distance
        super().__init__(n_var=len(pick_rates), n_obj=1, xl=0, xu=len(slot_distance) - 1, vtype=int)

    def _evaluate(self, x, out, *args, **kwargs):
        # pure numpy: evaluated once per candidate, thousands of times per generation
        out["F"] = float(np.dot(self.pick_rates, self.slot_distance[x]))


class ProgressRecorder(Callback):
    """Stores the best travel distance of each generation for the study report."""

    def __init__(self, engine: Engine, run_id: str):
        super().__init__()
        self.engine = engine
        self.run_id = run_id

    def notify(self, algorithm):
        best = float(algorithm.pop.get("F").min())
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO slotting_progress (run_id, generation, best_travel_m)"
                    " VALUES (:run_id, :gen, :best)"
                ),
                {"run_id": self.run_id, "gen": algorithm.n_gen, "best": best},
            )


def load_inputs(engine: Engine, warehouse: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    with engine.connect() as conn:
        skus = conn.execute(
            text(
                "SELECT sku, picks_90d FROM sku_velocity WHERE warehouse = :wh"
                " ORDER BY picks_90d DESC LIMIT 400"
            ),
            {"wh": warehouse},
        ).all()
        slots = conn.execute(
            text("SELECT distance_m FROM pick_slots WHERE warehouse = :wh ORDER BY slot_id"),
            {"wh": warehouse},
        ).scalars().all()
    return [s.sku for s in skus], np.array([s.picks_90d for s in skus], float), np.array(slots, float)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--generations", type=int, default=150)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    run_id = str(uuid.uuid4())
    engine = create_engine(os.environ["WMS_ANALYTICS_URL"], pool_size=2, max_overflow=0)
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {os.environ['REPORTS_API_TOKEN']}"
    try:
        skus, pick_rates, slot_distance = load_inputs(engine, args.warehouse)
        problem = SlottingProblem(pick_rates, slot_distance[: len(skus)])
        algorithm = GA(
            pop_size=120,
            sampling=PermutationRandomSampling(),
            crossover=OrderCrossover(),
            mutation=InversionMutation(),
            eliminate_duplicates=True,
        )
        result = minimize(
            problem,
            algorithm,
            get_termination("n_gen", args.generations),
            callback=ProgressRecorder(engine, run_id),
            seed=7,
            verbose=False,
        )
        assignment = {sku: int(slot) for sku, slot in zip(skus, result.X)}
        http.post(
            f"{os.environ['REPORTS_API_URL']}/slotting-studies",
            json={"run_id": run_id, "warehouse": args.warehouse,
                  "travel_m": float(result.F[0]), "assignment": assignment},
            timeout=30,
        ).raise_for_status()
        log.info("run %s finished: %.0f m expected travel", run_id, result.F[0])
    finally:
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
