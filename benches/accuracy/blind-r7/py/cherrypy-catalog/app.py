import os

import cherrypy
import requests
from cherrypy.process import plugins
from sqlalchemy import select, text

import db
from models import Product

PRICING_URL = os.environ.get("PRICING_URL", "http://pricing.internal:9000")


class PricingPlugin(plugins.SimplePlugin):
    """Owns the one HTTP session used to talk to the pricing service."""

    def __init__(self, bus):
        super().__init__(bus)
        self.http = None

    def start(self):
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "catalog/2.3"
        self.bus.subscribe("pricing.quote", self.quote)

    def stop(self):
        self.bus.unsubscribe("pricing.quote", self.quote)
        if self.http is not None:
            self.http.close()
            self.http = None

    def quote(self, sku):
        resp = self.http.get(f"{PRICING_URL}/quote/{sku}", timeout=3)
        resp.raise_for_status()
        return resp.json()["price"]


class Catalog:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self, q="", limit="50"):
        stmt = select(Product).where(Product.name.ilike(f"%{q}%")).order_by(Product.name).limit(int(limit))
        with db.get_session() as session:
            return [p.as_dict() for p in session.scalars(stmt)]

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def quote(self, sku):
        results = cherrypy.engine.publish("pricing.quote", sku)
        return {"sku": sku, "price": results[0] if results else None}

    @cherrypy.expose
    @cherrypy.tools.json_in()
    @cherrypy.tools.json_out()
    def reprice(self):
        if cherrypy.request.method != "POST":
            raise cherrypy.HTTPError(405)
        changes = cherrypy.request.json
        session = db.get_session()
        try:
            for sku, price in changes.items():
                product = session.scalar(select(Product).where(Product.sku == sku))
                if product is None:
                    raise cherrypy.HTTPError(404, f"unknown sku {sku}")
                product.price = price
            session.commit()
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()
        return {"updated": len(changes)}

    @cherrypy.expose
    def health(self):
        with db.get_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        return "ok"


if __name__ == "__main__":
    PricingPlugin(cherrypy.engine).subscribe()
    cherrypy.engine.subscribe("stop", db.dispose)
    cherrypy.config.update(
        {
            "server.socket_host": "0.0.0.0",
            "server.socket_port": int(os.environ.get("PORT", "8080")),
            "server.thread_pool": 10,
        }
    )
    cherrypy.quickstart(Catalog(), "/")
