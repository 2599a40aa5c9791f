from apiflask import APIFlask

from shared.db import make_engine, make_sessionmaker

from .routes import bp


def create_app():
    """gunicorn calls this factory once per worker process at boot."""
    app = APIFlask(__name__, title="Parcels API", version="1.0")
    engine = make_engine(pool_size=5, max_overflow=5)
    app.extensions["parcels.engine"] = engine
    app.extensions["parcels.sessions"] = make_sessionmaker(engine)
    app.register_blueprint(bp)
    return app
