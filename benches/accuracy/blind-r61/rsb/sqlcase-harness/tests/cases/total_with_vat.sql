-- setup
INSERT INTO customers (id, name, vat_rate) VALUES (1001, 'Acme', 0.2100);
INSERT INTO invoice_lines (customer_id, period, description, quantity, unit_price)
VALUES (1001, '2024-05-01', 'seats', 10, 12.5000),
       (1001, '2024-05-01', 'storage', 2.5, 4.0000);
-- query
SELECT invoice_total(1001, '2024-05-01')::text;
-- expect
163.35
