from flask import Flask
from flask_smorest import Api

from orders import blp as orders_blp


def create_app():
    app = Flask(__name__)
    app.config.update(
        API_TITLE="Orders",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
    )
    api = Api(app)
    api.register_blueprint(orders_blp)
    return app


app = create_app()

if __name__ == "__main__":
    app.run(port=8000)
