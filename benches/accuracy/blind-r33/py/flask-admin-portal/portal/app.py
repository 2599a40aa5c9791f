import json
import os

import redis
from flask import Flask, redirect, request, url_for
from flask_admin import Admin
from flask_login import LoginManager

from portal.admin_views import ProductAdmin
from portal.db import Session
from portal.models import Operator, Product
from portal.reports import SalesReportView

REDIS_URL = os.environ.get("REDIS_URL", "redis://cache:6379/2")


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["FLASK_ADMIN_SWATCH"] = "flatly"

    login_manager = LoginManager(app)
    login_manager.login_view = "auth.login"

    @login_manager.user_loader
    def load_user(user_id):
        cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)
        cached = cache.get(f"operator:{user_id}")
        if cached:
            data = json.loads(cached)
            return Operator(id=data["id"], email=data["email"], role=data["role"], active=True)
        op = Session.get(Operator, int(user_id))
        if op is not None and op.active:
            cache.setex(
                f"operator:{user_id}",
                300,
                json.dumps({"id": op.id, "email": op.email, "role": op.role}),
            )
            return op
        return None

    @login_manager.unauthorized_handler
    def unauthorized():
        return redirect(url_for("auth.login", next=request.path))

    @app.teardown_appcontext
    def remove_session(exc=None):
        Session.remove()

    admin = Admin(app, name="Catalog", template_mode="bootstrap4")
    admin.add_view(ProductAdmin(Product, Session, name="Products"))
    admin.add_view(SalesReportView(name="Sales", endpoint="sales"))

    from portal.auth import bp as auth_bp

    app.register_blueprint(auth_bp)
    return app


app = create_app()
