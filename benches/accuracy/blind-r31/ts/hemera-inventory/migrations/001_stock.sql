CREATE TABLE IF NOT EXISTS warehouses (code text PRIMARY KEY, name text NOT NULL, city text);
CREATE TABLE IF NOT EXISTS stock (sku text, warehouse text REFERENCES warehouses(code), on_hand int NOT NULL DEFAULT 0, reserved int NOT NULL DEFAULT 0, PRIMARY KEY (sku, warehouse));
CREATE TABLE IF NOT EXISTS reservations (id bigserial PRIMARY KEY, order_id text NOT NULL, sku text NOT NULL, warehouse text NOT NULL, qty int NOT NULL, created_at timestamptz DEFAULT now());
