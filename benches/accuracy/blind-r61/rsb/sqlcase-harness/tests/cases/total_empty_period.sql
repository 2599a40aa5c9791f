-- setup
INSERT INTO customers (id, name, vat_rate) VALUES (1002, 'Globex', 0.0900);
-- query
SELECT invoice_total(1002, '2024-06-01')::text;
-- expect
0.00
