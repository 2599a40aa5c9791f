import os

from masonite.foundation import response_handler
from masonite.routes import Route
from masonite.utils.structures import load


class Kernel:
    http_middleware = []
    route_middleware = {"web": []}

    def __init__(self, app):
        self.application = app

    def register(self):
        self.application.bind("controllers.location", "app/controllers")
        self.application.bind("routes.location", "routes/web")
        self.application.bind("server.runner", "masonite.commands.ServeCommand.main")
        self.application.bind("jobs.location", "app/jobs")
        self.application.set_response_handler(response_handler)
        self.application.use_storage_path(os.path.join(os.getcwd(), "storage"))
        self.register_routes()

    def register_routes(self):
        Route.set_controller_locations(self.application.make("controllers.location"))
        self.application.make("router").add(
            Route.group(load(self.application.make("routes.location"), "ROUTES"), middleware=["web"])
        )
