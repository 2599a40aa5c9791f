from flask import Flask

from .views.customers import CustomersView
from .views.invoices import InvoicesView


def create_app() -> Flask:
    app = Flask(__name__)
    InvoicesView.register(app)
    CustomersView.register(app)
    return app


# gunicorn -w 4 "billing.app:create_app()"
