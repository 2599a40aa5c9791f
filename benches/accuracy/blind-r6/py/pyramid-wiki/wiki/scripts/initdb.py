"""One-off: create tables and seed the front page.

    initialize_wiki_db development.ini
"""
import argparse
import sys

from pyramid.paster import get_appsettings, setup_logging
from sqlalchemy import engine_from_config, select
from sqlalchemy.orm import Session

from ..models import Base, Page


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config_uri")
    args = parser.parse_args(argv)
    setup_logging(args.config_uri)
    settings = get_appsettings(args.config_uri)

    engine = engine_from_config(settings, "sqlalchemy.")
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session, session.begin():
            if session.scalar(select(Page).where(Page.title == "FrontPage")) is None:
                session.add(Page(title="FrontPage", body="Welcome to the wiki."))
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
