"""Interactive ops assistant for the fulfilment support desk.

    $ python main.py
Every question typed at the prompt is one agent run; the model may call the
tools several times per run. Clients are built once here and injected.
"""
import logging
import os

import httpx
from phi.agent import Agent
from phi.model.openai import OpenAIChat

from db import make_pool
from tools import FulfilmentTools, make_carrier_tracking_tool


def build_agent(pool, carrier_http) -> Agent:
    return Agent(
        name="Fulfilment ops",
        model=OpenAIChat(id=os.environ.get("OPS_AGENT_MODEL", "gpt-4o")),
        tools=[FulfilmentTools(pool), make_carrier_tracking_tool(carrier_http)],
        instructions=[
            "You help support staff investigate late or stuck orders.",
            "Always look up the order before answering; never guess a status.",
            "When an order has a tracking number, check the carrier scan too.",
        ],
        show_tool_calls=True,
        markdown=True,
    )


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    pool = make_pool()
    carrier_http = httpx.Client(
        base_url=os.environ.get("CARRIER_API_URL", "https://api.carrier.example"),
        headers={"X-Api-Key": os.environ.get("CARRIER_API_KEY", "")},
        timeout=10.0,
    )
    try:
        agent = build_agent(pool, carrier_http)
        agent.cli_app(markdown=True, exit_on=["exit", "quit", "bye"])
    finally:
        carrier_http.close()
        pool.close()


if __name__ == "__main__":
    main()
