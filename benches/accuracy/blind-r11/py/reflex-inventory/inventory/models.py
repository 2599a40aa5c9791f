from typing import Optional

import reflex as rx
import sqlmodel


class Item(rx.Model, table=True):
    sku: str = sqlmodel.Field(index=True, unique=True)
    name: str
    supplier: str
    on_hand: int = 0
    reorder_level: int = 10
    price_cents: Optional[int] = None
