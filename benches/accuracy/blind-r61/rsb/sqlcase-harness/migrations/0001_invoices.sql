CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL,
    vat_rate    numeric(5,4) NOT NULL DEFAULT 0.2100
);

CREATE TABLE invoice_lines (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers(id),
    period      date NOT NULL,
    description text NOT NULL,
    quantity    numeric(12,3) NOT NULL,
    unit_price  numeric(12,4) NOT NULL
);

CREATE FUNCTION invoice_total(p_customer bigint, p_period date)
RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT round(coalesce(sum(l.quantity * l.unit_price), 0) * (1 + c.vat_rate), 2)
    FROM customers c
    LEFT JOIN invoice_lines l ON l.customer_id = c.id AND l.period = p_period
    WHERE c.id = p_customer
    GROUP BY c.vat_rate
$$;
