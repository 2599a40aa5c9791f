"""Storefront web process (Ludic on Starlette, served by uvicorn)."""
from contextlib import asynccontextmanager

from ludic.html import a, b, body, button, form, h1, head, html, input, li, p, title, ul
from ludic.web import LudicApp, Request
from ludic.web.exceptions import NotFoundError

import db


@asynccontextmanager
async def lifespan(app: LudicApp):
    engine = db.make_engine()
    app.state.sessions = db.make_sessionmaker(engine)
    try:
        yield
    finally:
        await engine.dispose()


app = LudicApp(debug=False, lifespan=lifespan)


def page(heading: str, *content) -> html:
    return html(
        head(title(f"{heading} | Storefront")),
        body(h1(heading), *content),
    )


@app.get("/")
async def index(request: Request) -> html:
    async with request.app.state.sessions() as session:
        products = await db.list_products(session)
    return page(
        "Products",
        ul(*[
            li(a(item["name"], href=f"/products/{item['sku']}"), " ", b(db.money(item["price"])))
            for item in products
        ]),
    )


@app.get("/products/{sku}")
async def product(request: Request, sku: str) -> html:
    async with request.app.state.sessions() as session:
        item = await db.get_product(session, sku)
    if item is None:
        raise NotFoundError("No such product")
    return page(
        item["name"],
        p(f"{db.money(item['price'])} \u2013 {item['stock']} in stock"),
        form(
            input(type="number", name="qty", value="1", min="1"),
            input(type="email", name="email", placeholder="you@example.com"),
            button("Order", type="submit"),
            action=f"/products/{sku}/order",
            method="post",
        ),
    )


@app.post("/products/{sku}/order")
async def order(request: Request, sku: str) -> html:
    data = await request.form()
    qty = max(1, int(data.get("qty", "1")))
    email = str(data.get("email", "")).strip()
    async with request.app.state.sessions.begin() as session:
        order_id = await db.place_order(session, sku, qty, email)
    if order_id is None:
        return page("Sold out", p("Sorry, not enough stock left."))
    return page("Thank you!", p(f"Order #{order_id} received; confirmation goes to {email}."))
