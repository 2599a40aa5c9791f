from esmerald import Esmerald, Gateway, Include

from catalog import controllers
from catalog.resources import shutdown, startup
from catalog.tenants import close_all


def create_app() -> Esmerald:
    return Esmerald(
        routes=[
            Gateway(handler=controllers.healthz),
            Include(
                "/api/v1",
                routes=[
                    Gateway(handler=controllers.get_product),
                    Gateway(handler=controllers.reprice),
                ],
            ),
        ],
        on_startup=[startup],
        on_shutdown=[close_all, shutdown],
    )


app = create_app()
