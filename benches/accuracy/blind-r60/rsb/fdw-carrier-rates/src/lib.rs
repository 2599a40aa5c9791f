//! carrier_rates_fdw: exposes the logistics carrier-rates service as foreign tables.
//!
//! ```sql
//! create foreign data wrapper carrier_rates
//!   handler carrier_rates_fdw_handler validator carrier_rates_fdw_validator;
//! create server rates_api foreign data wrapper carrier_rates
//!   options (api_url 'https://rates.internal', api_key '...', overrides_redis_url 'redis://rates-cache:6379/2');
//! create foreign table carrier_quotes (carrier text, service text, zone bigint, price_cents bigint, origin_zip text)
//!   server rates_api options (object 'quotes');
//! create foreign table rate_overrides (carrier text, price_cents bigint)
//!   server rates_api options (object 'overrides');
//! ```

pgrx::pg_module_magic!();

mod rates_fdw;
