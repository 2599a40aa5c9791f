"""Application bootstrap: Flask app, FAB SQLA wrapper and the AppBuilder."""
import logging

from flask import Flask
from flask_appbuilder import AppBuilder, SQLA
from flask_appbuilder.menu import Menu

logging.basicConfig(format="%(asctime)s:%(levelname)s:%(name)s:%(message)s")
logging.getLogger().setLevel(logging.INFO)
log = logging.getLogger(__name__)

app = Flask(__name__)
app.config.from_object("config")

# FAB wraps Flask-SQLAlchemy; db.session is a scoped session that FAB
# removes at the end of every request.
db = SQLA(app)

appbuilder = AppBuilder(
    app,
    db.session,
    menu=Menu(reverse=False),
    base_template="appbuilder/baselayout.html",
)


@app.teardown_appcontext
def log_teardown(exc):
    if exc is not None:
        log.warning("request ended with %r", exc)


from . import models, views  # noqa: E402,F401  (registers views on appbuilder)

log.info("inventory back office ready: %d views", len(appbuilder.baseviews))
