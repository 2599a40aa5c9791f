CREATE EXTENSION IF NOT EXISTS plpython3u;

ALTER DATABASE crm SET geocode.url = 'http://pelias.internal:4000';
ALTER DATABASE crm SET geocode.redis_url = 'redis://cache.internal:6379/7';

CREATE OR REPLACE FUNCTION geocode_address(address text) RETURNS jsonb
LANGUAGE plpython3u STABLE PARALLEL UNSAFE AS $$
import pg_geocode
return pg_geocode.geocode(plpy, GD, address)
$$;

CREATE OR REPLACE FUNCTION customers_geocode_trg() RETURNS trigger
LANGUAGE plpython3u AS $$
import pg_geocode
return pg_geocode.on_customer_change(plpy, GD, TD)
$$;

DROP TRIGGER IF EXISTS customers_geocode ON customers;
CREATE TRIGGER customers_geocode
    BEFORE INSERT OR UPDATE OF street, city, postcode ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_geocode_trg();
