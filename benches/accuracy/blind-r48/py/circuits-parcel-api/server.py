import os

from circuits import Debugger
from circuits.web import Logger, Server

from parcels.controllers import Parcels


def main():
    app = Server(("0.0.0.0", int(os.environ.get("PORT", "8080"))))
    Logger().register(app)
    Parcels().register(app)
    if os.environ.get("CIRCUITS_DEBUG") == "1":
        Debugger().register(app)
    app.run()


if __name__ == "__main__":
    main()
