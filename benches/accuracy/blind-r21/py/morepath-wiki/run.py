"""Production entry point: waitress serving the committed Morepath app."""
from __future__ import annotations

import logging
import os

import morepath
from waitress import serve

from app import App
from db import Base, engine


def make_wsgi_app() -> App:
    morepath.autoscan()
    App.commit()
    return App()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    if os.environ.get("WIKI_CREATE_TABLES") == "1":
        Base.metadata.create_all(engine)
    serve(
        make_wsgi_app(),
        host="0.0.0.0",
        port=int(os.environ.get("PORT", "8080")),
        threads=16,
        ident="wiki",
    )


if __name__ == "__main__":
    main()
