from dataclasses import dataclass
from datetime import datetime, timezone

from blacksheep import FromJSON
from blacksheep.server.responses import created, json, not_found

from app.db import SessionLocal
from app.models import Order
from app.routes import router


@dataclass
class NewOrder:
    customer_email: str
    total_cents: int


@router.get("/orders/{order_id}")
async def get_order(order_id: int):
    session = SessionLocal()
    order = await session.get(Order, order_id)
    if order is None:
        return not_found()
    return json(
        {
            "id": order.id,
            "customer_email": order.customer_email,
            "status": order.status,
            "total_cents": order.total_cents,
        }
    )


@router.post("/orders")
async def create_order(data: FromJSON[NewOrder]):
    async with SessionLocal() as session:
        async with session.begin():
            order = Order(
                customer_email=data.value.customer_email,
                total_cents=data.value.total_cents,
                created_at=datetime.now(timezone.utc),
            )
            session.add(order)
        return created({"id": order.id}, location=f"/orders/{order.id}")
