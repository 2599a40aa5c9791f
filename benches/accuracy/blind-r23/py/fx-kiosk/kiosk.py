"""Treasury FX kiosk: one PyWebIO session per trader's browser tab."""
import logging
import os
from decimal import Decimal, InvalidOperation

from pywebio import config, start_server
from pywebio.input import FLOAT, input_group, input as ask, select
from pywebio.output import put_buttons, put_markdown, put_table, toast, use_scope
from pywebio.session import defer_call, info as session_info

import services

log = logging.getLogger("fx-kiosk")
CURRENCIES = ["EUR", "USD", "GBP", "CHF", "JPY"]


def render_blotter(desk):
    with use_scope("blotter", clear=True):
        put_markdown(f"### Recent trades for {desk}")
        put_table(services.recent_trades(desk), header=["Booked", "Base", "Quote", "Amount", "Rate"])


def quote_and_book(desk):
    form = input_group(
        "New trade",
        [
            select("Sell", CURRENCIES, name="base"),
            select("Buy", CURRENCIES, name="quote", value="USD"),
            ask("Amount", type=FLOAT, name="amount"),
        ],
    )
    if form["base"] == form["quote"]:
        toast("Pick two different currencies", color="warn")
        return
    try:
        amount = Decimal(str(form["amount"]))
    except InvalidOperation:
        toast("Invalid amount", color="error")
        return
    rate = services.latest_rate(form["base"], form["quote"])
    services.book_trade(desk, form["base"], form["quote"], amount, rate)
    toast(f"Booked {amount} {form['base']} at {rate}", color="success")
    render_blotter(desk)


@config(title="FX kiosk")
def app():
    desk = ask("Desk code", placeholder="e.g. LDN-1", required=True)
    log.info("session opened desk=%s ua=%s", desk, session_info.user_agent)
    defer_call(lambda: log.info("session closed desk=%s", desk))

    put_markdown("## FX kiosk")
    put_buttons(
        ["New trade", "Refresh"],
        onclick=[lambda: quote_and_book(desk), lambda: render_blotter(desk)],
    )
    render_blotter(desk)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    start_server(app, port=int(os.environ.get("PORT", "8080")), debug=False)
