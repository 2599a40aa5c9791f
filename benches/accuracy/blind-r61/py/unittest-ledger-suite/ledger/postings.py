from decimal import Decimal

from sqlalchemy import Connection, text


class InsufficientFunds(Exception):
    pass


def balance(conn: Connection, account: str) -> Decimal:
    value = conn.execute(
        text("SELECT coalesce(sum(amount), 0) FROM postings WHERE account = :a"),
        {"a": account},
    ).scalar_one()
    return Decimal(value)


def post_transfer(conn: Connection, source: str, target: str, amount: Decimal,
                  allow_overdraft: bool = False) -> int:
    """Caller owns the connection and the transaction."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    if not allow_overdraft and balance(conn, source) < amount:
        raise InsufficientFunds(source)
    txn_id = conn.execute(
        text("INSERT INTO transfers (source, target, amount) VALUES (:s, :t, :a) RETURNING id"),
        {"s": source, "t": target, "a": amount},
    ).scalar_one()
    conn.execute(
        text("INSERT INTO postings (transfer_id, account, amount) VALUES "
             "(:id, :s, :neg), (:id, :t, :pos)"),
        {"id": txn_id, "s": source, "t": target, "neg": -amount, "pos": amount},
    )
    return txn_id
