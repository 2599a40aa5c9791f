"""Order status commands."""
from vkbottle.bot import BotLabeler, Message

import db

labeler = BotLabeler()

STATUS_TEXT = {
    "new": "accepted, waiting for payment",
    "paid": "paid, being packed",
    "shipped": "handed to the courier",
    "delivered": "delivered",
    "cancelled": "cancelled",
}


@labeler.private_message(text="order <number>")
async def order_status(message: Message, number: str) -> None:
    if not number.isdigit():
        await message.answer("Order number must be digits only.")
        return

    conn = await db.get_pool().acquire()
    row = await conn.fetchrow(
        "SELECT o.id, o.status, o.total, c.vk_id FROM orders o "
        "JOIN customers c ON c.id = o.customer_id WHERE o.id = $1",
        int(number),
    )
    if row is None or row["vk_id"] != message.from_id:
        await message.answer(f"Order {number} not found.")
        return

    items = await conn.fetch(
        "SELECT title, qty FROM order_items WHERE order_id = $1", row["id"]
    )
    await db.get_pool().release(conn)

    lines = [f"Order {row['id']}: {STATUS_TEXT.get(row['status'], row['status'])}"]
    lines += [f"- {it['title']} x{it['qty']}" for it in items]
    lines.append(f"Total: {row['total']} RUB")
    await message.answer("\n".join(lines))


@labeler.private_message(text="orders")
async def recent_orders(message: Message) -> None:
    customer = await db.customer_by_vk_id(message.from_id)
    if customer is None:
        await message.answer("We could not find your customer profile.")
        return

    async with db.get_pool().acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, status, created_at FROM orders WHERE customer_id = $1 "
            "ORDER BY created_at DESC LIMIT 5",
            customer["id"],
        )
    if not rows:
        await message.answer("You have no orders yet.")
        return
    await message.answer(
        "\n".join(
            f"{r['id']} ({r['created_at']:%d.%m}): {STATUS_TEXT.get(r['status'], r['status'])}"
            for r in rows
        )
    )
