CREATE TABLE relay_keys (public_key TEXT NOT NULL, private_key TEXT NOT NULL);
CREATE TABLE instances (actor_id TEXT PRIMARY KEY, inbox TEXT NOT NULL, public_key TEXT NOT NULL);
CREATE TABLE subscriptions (
    actor_id TEXT PRIMARY KEY REFERENCES instances (actor_id),
    follow_id TEXT NOT NULL,
    host TEXT NOT NULL,
    has_nodeinfo BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE blocked_hosts (host TEXT PRIMARY KEY);
