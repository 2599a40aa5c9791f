from google.adk.agents import Agent

from .tools import lookup_order, request_refund, search_help_center

root_agent = Agent(
    name="support_agent",
    model="gemini-2.0-flash",
    description="Answers customer questions about orders, shipping and refunds.",
    instruction=(
        "You are a customer-support assistant. Use lookup_order for anything about an order's status, "
        "search_help_center for how-to questions, and request_refund only after the customer confirms. "
        "Never invent tracking numbers."
    ),
    tools=[lookup_order, search_help_center, request_refund],
)
