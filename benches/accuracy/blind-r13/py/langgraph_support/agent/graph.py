from langgraph.graph import END, START, StateGraph

from agent.memory import checkpointer
from agent.nodes import (
    State,
    classify,
    draft_reply,
    lookup_order,
    post_to_helpdesk,
    retrieve_docs,
    route,
)

builder = StateGraph(State)
builder.add_node("classify", classify)
builder.add_node("retrieve_docs", retrieve_docs)
builder.add_node("lookup_order", lookup_order)
builder.add_node("draft_reply", draft_reply)
builder.add_node("post_to_helpdesk", post_to_helpdesk)
builder.add_edge(START, "classify")
builder.add_conditional_edges("classify", route, ["lookup_order", "retrieve_docs"])
builder.add_edge("lookup_order", "retrieve_docs")
builder.add_edge("retrieve_docs", "draft_reply")
builder.add_edge("draft_reply", "post_to_helpdesk")
builder.add_edge("post_to_helpdesk", END)

graph = builder.compile(checkpointer=checkpointer)
