from dataclasses import dataclass


@dataclass
class ChargeRequest:
    order_id: str
    customer_id: str
    amount_cents: int
    currency: str
    email: str


@dataclass
class Receipt:
    order_id: str
    charge_id: str
    amount_cents: int
    currency: str
    email: str
