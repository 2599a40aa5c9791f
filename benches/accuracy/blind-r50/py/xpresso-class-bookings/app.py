"""Studio class bookings API. Run with: uvicorn app:app --workers 2"""
from xpresso import App, Path

from routes import cancel_booking, create_booking, get_slot

app = App(
    routes=[
        Path("/slots/{slot_id}", get=get_slot),
        Path("/bookings", post=create_booking),
        Path("/bookings/{booking_id}", delete=cancel_booking),
    ]
)
