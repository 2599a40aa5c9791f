import mesa
from sqlalchemy import text

INSERT_WAITS = text(
    "INSERT INTO sim_waits (run_id, replicate, step, patient_id, waited) "
    "VALUES (:run_id, :replicate, :step, :patient_id, :waited)"
)


class Patient(mesa.Agent):
    def __init__(self, unique_id, model, acuity):
        super().__init__(unique_id, model)
        self.acuity = acuity
        self.waited = 0
        self.seen = False

    def step(self):
        if self.seen:
            return
        if self.model.free_doctors > 0 and self.random.random() < 0.3 + 0.1 * self.acuity:
            self.model.free_doctors -= 1
            self.seen = True
            self.model.pending_rows.append(
                {"run_id": self.model.run_id, "replicate": self.model.replicate,
                 "step": self.model.schedule.steps, "patient_id": self.unique_id,
                 "waited": self.waited}
            )
        else:
            self.waited += 1


class ClinicModel(mesa.Model):
    def __init__(self, engine, run_id, replicate, n_patients=200, doctors=6, arrivals=4, seed=None):
        super().__init__(seed=seed)
        self.engine = engine
        self.run_id = run_id
        self.replicate = replicate
        self.doctors = doctors
        self.free_doctors = doctors
        self.arrivals = arrivals
        self.next_id = 0
        self.pending_rows = []
        self.schedule = mesa.time.RandomActivation(self)
        for _ in range(n_patients):
            self._admit()
        self.datacollector = mesa.DataCollector(
            model_reporters={
                "queue": lambda m: sum(1 for a in m.schedule.agents if not a.seen),
                "mean_wait": lambda m: (
                    sum(a.waited for a in m.schedule.agents) / max(1, len(m.schedule.agents))
                ),
            }
        )

    def _admit(self):
        self.next_id += 1
        self.schedule.add(Patient(self.next_id, self, acuity=self.random.randint(1, 5)))

    def step(self):
        self.free_doctors = self.doctors
        for _ in range(self.arrivals):
            self._admit()
        self.schedule.step()
        self.datacollector.collect(self)
        if self.schedule.steps % 50 == 0:
            self.flush()

    def flush(self):
        if not self.pending_rows:
            return
        # uses the engine the script built once; a pooled connection per flush
        with self.engine.begin() as conn:
            conn.execute(INSERT_WAITS, self.pending_rows)
        self.pending_rows = []
