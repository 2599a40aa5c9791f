from datetime import datetime

from pony.orm import Database, PrimaryKey, Required

db = Database()


class Sample(db.Entity):
    id = PrimaryKey(int, auto=True)
    service = Required(str, index=True)
    latency_ms = Required(float)
    ok = Required(bool)
    taken_at = Required(datetime, default=datetime.utcnow)


def init_db(path: str) -> None:
    db.bind(provider="sqlite", filename=path, create_db=True)
    db.generate_mapping(create_tables=True)
