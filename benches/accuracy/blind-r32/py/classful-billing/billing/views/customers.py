from flask import abort, jsonify
from flask_classful import FlaskView
from sqlalchemy import text

from ..db import SessionLocal
from ..reporting import lifetime_value


class CustomersView(FlaskView):
    route_base = "/customers"

    def get(self, id):
        with SessionLocal() as session:
            row = session.execute(
                text("SELECT id, name, email FROM customers WHERE id = :id"), {"id": int(id)}
            ).mappings().first()
        if row is None:
            abort(404)
        return jsonify({**dict(row), "lifetime_value_cents": lifetime_value(int(id))})
