from datetime import date

from panther import status
from panther.app import API
from panther.db.connections import redis
from panther.request import Request
from panther.response import Response

from app import state


@API(methods=['GET'])
async def availability(room_id: int, day: str):
    cache_key = f'avail:{room_id}:{day}'
    cached = await redis.get(cache_key)
    if cached:
        return Response(data={'room': room_id, 'day': day, 'free': cached.decode().split(',')})

    async with state.db().acquire() as conn:
        rows = await conn.fetch(
            'SELECT slot FROM slots WHERE room_id = $1 AND day = $2 AND booking_id IS NULL ORDER BY slot',
            room_id, date.fromisoformat(day),
        )
    free = [r['slot'].strftime('%H:%M') for r in rows]
    await redis.set(cache_key, ','.join(free), ex=30)
    return Response(data={'room': room_id, 'day': day, 'free': free})


@API(methods=['POST'])
async def book(request: Request, room_id: int):
    body = request.data
    async with state.db().acquire() as conn:
        async with conn.transaction():
            slot = await conn.fetchrow(
                'SELECT id, price_cents FROM slots WHERE room_id = $1 AND day = $2 AND slot = $3'
                ' AND booking_id IS NULL FOR UPDATE SKIP LOCKED',
                room_id, date.fromisoformat(body['day']), body['slot'],
            )
            if slot is None:
                return Response(data={'detail': 'slot taken'}, status_code=status.HTTP_409_CONFLICT)
            booking_id = await conn.fetchval(
                'INSERT INTO bookings (slot_id, customer_email) VALUES ($1, $2) RETURNING id',
                slot['id'], body['email'],
            )
            await conn.execute('UPDATE slots SET booking_id = $1 WHERE id = $2', booking_id, slot['id'])

    resp = await state.payments().post(
        '/payment-intents',
        json={'amount': slot['price_cents'], 'currency': 'eur', 'reference': f'booking-{booking_id}'},
    )
    resp.raise_for_status()
    await redis.delete(f"avail:{room_id}:{body['day']}")
    return Response(
        data={'booking': booking_id, 'payment': resp.json()['client_secret']},
        status_code=status.HTTP_201_CREATED,
    )
