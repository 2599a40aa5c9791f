DROP TABLE IF EXISTS {{product}};

CREATE TABLE {{product}} AS
SELECT o.id,
       o.customer_id,
       o.created_at::date AS order_date,
       o.total_cents / 100.0 AS total,
       coalesce(o.channel, 'web') AS channel
FROM public.orders o
WHERE o.status NOT IN ('test', 'cancelled')
  AND o.created_at >= now() - interval '400 days';
