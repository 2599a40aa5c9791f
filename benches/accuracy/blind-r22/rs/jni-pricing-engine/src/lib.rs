//! Native pricing core. `init` is called exactly once from the static
//! initialiser of `com.acme.pricing.NativePricing`; `quote` is called by the
//! JVM for every quote request.

mod fx;
mod pricing;

use std::sync::OnceLock;
use std::time::Duration;

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong};
use jni::JNIEnv;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub(crate) type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();
static FX_URL: OnceLock<String> = OnceLock::new();

#[derive(Debug, thiserror::Error)]
pub(crate) enum PricingError {
    #[error("pricing library not initialised")]
    NotInitialised,
    #[error("unknown sku {0}")]
    UnknownSku(String),
    #[error("pool: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("postgres: {0}")]
    Postgres(#[from] r2d2_postgres::postgres::Error),
    #[error("fx: {0}")]
    Fx(String),
}

pub(crate) fn pool() -> Result<&'static PgPool, PricingError> {
    POOL.get().ok_or(PricingError::NotInitialised)
}

pub(crate) fn fx_url() -> Result<&'static str, PricingError> {
    FX_URL.get().map(String::as_str).ok_or(PricingError::NotInitialised)
}

fn build_pool(url: &str) -> Result<PgPool, Box<dyn std::error::Error>> {
    let config: r2d2_postgres::postgres::Config = url.parse()?;
    let manager = PostgresConnectionManager::new(config, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(8)
        .min_idle(Some(2))
        .connection_timeout(Duration::from_secs(2))
        .build(manager)?;
    Ok(pool)
}

#[no_mangle]
pub extern "system" fn Java_com_acme_pricing_NativePricing_init<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    db_url: JString<'local>,
    fx_api_url: JString<'local>,
) {
    if POOL.get().is_some() {
        return;
    }
    let (db_url, fx_api_url): (String, String) = match (env.get_string(&db_url), env.get_string(&fx_api_url)) {
        (Ok(d), Ok(f)) => (d.into(), f.into()),
        _ => {
            let _ = env.throw_new("java/lang/IllegalArgumentException", "PRICING_DB_URL / FX_API_URL missing");
            return;
        }
    };
    match build_pool(&db_url) {
        Ok(pool) => {
            let _ = POOL.set(pool);
            let _ = FX_URL.set(fx_api_url);
        }
        Err(e) => {
            let _ = env.throw_new("java/lang/IllegalStateException", format!("pricing pool: {e}"));
        }
    }
}

#[no_mangle]
pub extern "system" fn Java_com_acme_pricing_NativePricing_quote<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    sku: JString<'local>,
    quantity: jint,
    customer_tier: JString<'local>,
    currency: JString<'local>,
) -> jlong {
    let args = (env.get_string(&sku), env.get_string(&customer_tier), env.get_string(&currency));
    let (sku, tier, currency): (String, String, String) = match args {
        (Ok(s), Ok(t), Ok(c)) => (s.into(), t.into(), c.into()),
        _ => {
            let _ = env.throw_new("java/lang/IllegalArgumentException", "null argument");
            return -1;
        }
    };
    match pricing::quote(&sku, quantity, &tier, &currency) {
        Ok(minor_units) => minor_units,
        Err(e) => {
            let _ = env.throw_new("com/acme/pricing/PricingException", e.to_string());
            -1
        }
    }
}
