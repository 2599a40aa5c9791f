from app.apis import availability, book

urls = {
    'rooms/<room_id>/availability/<day>/': availability,
    'rooms/<room_id>/bookings/': book,
}
