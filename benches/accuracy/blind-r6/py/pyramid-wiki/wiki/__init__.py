from pyramid.config import Configurator
from sqlalchemy import engine_from_config
from sqlalchemy.orm import sessionmaker


def main(global_config, **settings):
    """WSGI app factory: runs once when the server loads the app."""
    engine = engine_from_config(settings, "sqlalchemy.", pool_pre_ping=True)
    session_factory = sessionmaker(bind=engine)

    def dbsession(request):
        session = session_factory()

        def finish(request):
            try:
                if request.exception is None:
                    session.commit()
                else:
                    session.rollback()
            finally:
                session.close()

        request.add_finished_callback(finish)
        return session

    with Configurator(settings=settings) as config:
        config.add_request_method(dbsession, "dbsession", reify=True)
        config.add_route("pages", "/pages")
        config.add_route("page", "/pages/{title}")
        config.scan(".views")
    return config.make_wsgi_app()
