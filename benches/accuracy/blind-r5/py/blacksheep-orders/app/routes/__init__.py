from blacksheep.server.routing import Router

router = Router()

from app.routes import orders, reports  # noqa: E402,F401  (registers routes)
