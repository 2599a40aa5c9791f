import os
import sys

import requests
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine

from .window import MainWindow


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("Ticket Desk")

    engine = create_engine(
        os.environ.get("TICKETS_DB_URL", "postgresql+psycopg://support@tickets-db:5432/tickets"),
        pool_size=2,
        max_overflow=2,
        pool_pre_ping=True,
    )
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {os.environ.get('STATUS_TOKEN', '')}"

    def shutdown() -> None:
        http.close()
        engine.dispose()

    app.aboutToQuit.connect(shutdown)

    window = MainWindow(engine, http)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
