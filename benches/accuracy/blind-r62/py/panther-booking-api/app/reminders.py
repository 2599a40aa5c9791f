"""Reminder worker process (Procfile `reminders`): every minute, e-mails
customers whose booking starts within the next 24 hours. Separate process
from the web app, with its own small pool built once in main()."""
import asyncio
import logging
import os

import httpx

from app.db import make_pool

log = logging.getLogger('reminders')


async def send_due(pool, mailer):
    async with pool.acquire() as conn:
        due = await conn.fetch(
            'SELECT b.id, b.customer_email, s.day, s.slot FROM bookings b JOIN slots s ON s.booking_id = b.id'
            " WHERE NOT b.reminded AND s.day + s.slot < now() + interval '24 hours'"
        )
        for row in due:
            await mailer.post('/send', json={
                'to': row['customer_email'],
                'template': 'booking-reminder',
                'vars': {'day': row['day'].isoformat(), 'slot': row['slot'].strftime('%H:%M')},
            })
            await conn.execute('UPDATE bookings SET reminded = true WHERE id = $1', row['id'])


async def main():
    logging.basicConfig(level=logging.INFO)
    pool = await make_pool(max_size=2)
    async with httpx.AsyncClient(base_url=os.environ['MAILER_URL'], timeout=10) as mailer:
        try:
            while True:
                try:
                    await send_due(pool, mailer)
                except (OSError, httpx.HTTPError) as err:
                    log.warning('reminder round failed: %s', err)
                await asyncio.sleep(60)
        finally:
            await pool.close()


if __name__ == '__main__':
    asyncio.run(main())
