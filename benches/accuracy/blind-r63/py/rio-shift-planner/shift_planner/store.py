from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker


@dataclass
class Store:
    engine: Engine
    Session: sessionmaker[Session]

    @classmethod
    def from_env(cls) -> Store:
        engine = create_engine(
            os.environ["ROSTER_DB_URL"], pool_size=5, max_overflow=5, pool_pre_ping=True
        )
        return cls(engine=engine, Session=sessionmaker(engine))

    def shifts_for(self, team: str, day: date) -> list[dict]:
        with self.Session() as s:
            rows = s.execute(
                text(
                    "SELECT id, starts_at, ends_at, claimed_by FROM shifts"
                    " WHERE team = :team AND starts_at::date = :day ORDER BY starts_at"
                ),
                {"team": team, "day": day},
            ).mappings().all()
        return [dict(r) for r in rows]

    def claim(self, shift_id: int, worker: str) -> bool:
        with self.Session.begin() as s:
            res = s.execute(
                text("UPDATE shifts SET claimed_by = :w WHERE id = :id AND claimed_by IS NULL"),
                {"w": worker, "id": shift_id},
            )
            return res.rowcount == 1

    def dispose(self) -> None:
        self.engine.dispose()
