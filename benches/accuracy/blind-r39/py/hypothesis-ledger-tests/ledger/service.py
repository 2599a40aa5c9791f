import uuid

from redis import Redis
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from ledger.db import accounts, entries


class InsufficientFunds(Exception):
    pass


def open_account(conn: Connection, owner: str) -> int:
    return conn.execute(insert(accounts).values(owner=owner).returning(accounts.c.id)).scalar_one()


def balance(conn: Connection, account_id: int) -> int:
    stmt = select(func.coalesce(func.sum(entries.c.amount_cents), 0)).where(entries.c.account_id == account_id)
    return int(conn.execute(stmt).scalar_one())


def deposit(conn: Connection, idem: Redis, account_id: int, amount_cents: int, key: str) -> bool:
    if not idem.set(f"idem:{key}", "1", nx=True, ex=3600):
        return False
    conn.execute(insert(entries).values(account_id=account_id, amount_cents=amount_cents, ref=key))
    return True


def transfer(conn: Connection, src: int, dst: int, amount_cents: int) -> str:
    conn.execute(select(accounts.c.id).where(accounts.c.id.in_([src, dst])).with_for_update())
    if balance(conn, src) < amount_cents:
        raise InsufficientFunds(src)
    ref = uuid.uuid4().hex
    conn.execute(
        insert(entries),
        [
            {"account_id": src, "amount_cents": -amount_cents, "ref": ref},
            {"account_id": dst, "amount_cents": amount_cents, "ref": ref},
        ],
    )
    return ref
