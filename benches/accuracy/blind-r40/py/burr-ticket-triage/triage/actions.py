"""Burr actions. Clients are bound once per worker via .bind() in main.py;
each action runs once per step of a ticket's state machine."""
import httpx
from burr.core import State, action
from psycopg_pool import ConnectionPool


@action(reads=["ticket_id"], writes=["subject", "body", "customer_tier"])
def load_ticket(state: State, pool: ConnectionPool) -> State:
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT t.subject, t.body, c.tier FROM tickets t JOIN customers c ON c.id = t.customer_id "
            "WHERE t.id = %s",
            (state["ticket_id"],),
        ).fetchone()
    subject, body, tier = row
    return state.update(subject=subject, body=body, customer_tier=tier)


@action(reads=["subject", "body"], writes=["category", "urgency"])
def classify(state: State, http: httpx.Client) -> State:
    resp = http.post("/v1/classify", json={"text": f"{state['subject']}\n\n{state['body']}"})
    resp.raise_for_status()
    out = resp.json()
    return state.update(category=out["label"], urgency=out["urgency"])


@action(reads=["ticket_id", "category", "customer_tier"], writes=["queue"])
def route(state: State, pool: ConnectionPool) -> State:
    queue = "priority" if state["customer_tier"] == "enterprise" else state["category"]
    with pool.connection() as conn:
        conn.execute(
            "UPDATE tickets SET queue = %s, category = %s, triaged_at = now() WHERE id = %s",
            (queue, state["category"], state["ticket_id"]),
        )
    return state.update(queue=queue)


@action(reads=["ticket_id", "subject", "urgency"], writes=["paged"])
def page_on_call(state: State, http: httpx.Client) -> State:
    resp = http.post(
        "/v1/page",
        json={"ticket": state["ticket_id"], "summary": state["subject"], "urgency": state["urgency"]},
    )
    resp.raise_for_status()
    return state.update(paged=True)
