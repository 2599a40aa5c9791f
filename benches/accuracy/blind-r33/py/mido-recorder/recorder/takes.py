import time
from dataclasses import dataclass, field


@dataclass
class Take:
    """One practice take: notes between two silences longer than GAP seconds."""

    started: float
    notes: list = field(default_factory=list)
    GAP = 8.0

    def add(self, note, velocity, ts):
        self.notes.append((note, velocity, ts))

    def expired(self, now=None):
        last = self.notes[-1][2] if self.notes else self.started
        return ((now or time.time()) - last) > self.GAP

    def summary(self):
        velocities = [v for _, v, _ in self.notes] or [0]
        return {
            "started": self.started,
            "note_count": len(self.notes),
            "avg_velocity": sum(velocities) / len(velocities),
        }
