CREATE TABLE IF NOT EXISTS carts (
    id BIGSERIAL PRIMARY KEY,
    quoted_cents BIGINT
);
CREATE TABLE IF NOT EXISTS cart_lines (
    cart_id BIGINT NOT NULL REFERENCES carts(id),
    sku TEXT NOT NULL,
    units BIGINT NOT NULL,
    unit_cents BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS promotions (
    sku TEXT NOT NULL,
    percent_off INT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT true
);
