from flask import Flask
from flask_restx import Api

from db import Session
from resources import ns


def create_app() -> Flask:
    app = Flask(__name__)
    api = Api(app, version="1.0", title="Products API")
    api.add_namespace(ns, path="/products")

    @app.teardown_appcontext
    def remove_session(exc=None):
        Session.remove()

    return app


app = create_app()
