from datasette import hookimpl

from . import state
from .views import sync_from_zendesk, ticket_detail


@hookimpl
def startup(datasette):
    async def inner():
        await state.open_pool()

    return inner


@hookimpl
def register_routes():
    return [
        (r"^/-/tickets/(?P<ticket_id>\d+)$", ticket_detail),
        (r"^/-/tickets/sync$", sync_from_zendesk),
    ]


@hookimpl
def extra_template_vars(request):
    return {"ticket_sync_enabled": True}
