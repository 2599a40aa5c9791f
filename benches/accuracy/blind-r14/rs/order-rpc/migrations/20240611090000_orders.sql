CREATE TABLE orders (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    sku         TEXT NOT NULL,
    qty         INT NOT NULL CHECK (qty > 0),
    status      TEXT NOT NULL DEFAULT 'placed',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES orders(id),
    webhook_url TEXT NOT NULL,
    payload     JSONB NOT NULL,
    attempts    INT NOT NULL DEFAULT 0,
    sent_at     TIMESTAMPTZ
);
