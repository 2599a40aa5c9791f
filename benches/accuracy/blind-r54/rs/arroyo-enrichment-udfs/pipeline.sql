-- Registered in Arroyo together with the UDFs in src/
CREATE TABLE clicks (
    event_id TEXT,
    customer_id BIGINT,
    ip TEXT,
    amount_cents BIGINT,
    ts TIMESTAMP
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'clickstream',
    format = 'json',
    type = 'source'
);

INSERT INTO enriched_clicks
SELECT event_id,
       customer_id,
       geo_city(ip) AS city,
       customer_tier(customer_id) AS tier,
       fraud_score(event_id, customer_id, amount_cents) AS fraud
FROM clicks;
