from pydantic import BaseModel
from xpresso import FromJson, FromPath, HTTPException

from deps import DbPool, PaymentsClient


class BookingIn(BaseModel):
    slot_id: int
    member_id: int
    card_token: str


async def get_slot(slot_id: FromPath[int], pool: DbPool) -> dict:
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT id, studio, starts_at, capacity, booked, price_cents "
            "FROM slots WHERE id = $1",
            slot_id,
        )
    if row is None:
        raise HTTPException(status_code=404, detail="no such slot")
    return {**dict(row), "starts_at": row["starts_at"].isoformat()}


async def create_booking(
    body: FromJson[BookingIn], pool: DbPool, payments: PaymentsClient
) -> dict:
    conn = await pool.acquire()
    slot = await conn.fetchrow(
        "SELECT capacity, booked, price_cents FROM slots WHERE id = $1", body.slot_id
    )
    if slot is None or slot["booked"] >= slot["capacity"]:
        raise HTTPException(status_code=409, detail="slot is full")
    charge = await payments.post(
        "/v1/charges",
        json={"amount": slot["price_cents"], "token": body.card_token},
    )
    if charge.status_code != 201:
        raise HTTPException(status_code=402, detail="payment declined")
    booking_id = await conn.fetchval(
        "INSERT INTO bookings (slot_id, member_id, charge_id) "
        "VALUES ($1, $2, $3) RETURNING id",
        body.slot_id,
        body.member_id,
        charge.json()["id"],
    )
    await conn.execute("UPDATE slots SET booked = booked + 1 WHERE id = $1", body.slot_id)
    await pool.release(conn)
    return {"id": booking_id}


async def cancel_booking(booking_id: FromPath[int], pool: DbPool) -> dict:
    async with pool.acquire() as conn:
        async with conn.transaction():
            slot_id = await conn.fetchval(
                "DELETE FROM bookings WHERE id = $1 RETURNING slot_id", booking_id
            )
            if slot_id is None:
                raise HTTPException(status_code=404, detail="no such booking")
            await conn.execute(
                "UPDATE slots SET booked = booked - 1 WHERE id = $1", slot_id
            )
    return {"cancelled": booking_id}
