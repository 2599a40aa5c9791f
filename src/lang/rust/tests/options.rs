use super::*;
use crate::lang::testkit::*;

// --- issue 4: options, URLs, imports -----------------------------------------------------

fn literal(c: &ClientConfig) -> Option<(&str, Span)> {
    c.url.as_ref().and_then(UrlRef::literal)
}

#[test]
fn sqlx_builder_options_and_env_url() {
    let src = r#"
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(50)
        .min_connections(5)
        .acquire_timeout(Duration::from_secs(3))
        .max_lifetime(None)
        .connect(&url)
        .await?;
    Ok(())
}
"#;
    let f = facts(src);
    assert_eq!(only_client(&f).client, "sqlx-pool");
    let c = config(&f, 0);
    assert_eq!(opt(c, "max_connections"), &OptValue::Int(50));
    assert_eq!(opt(c, "min_connections"), &OptValue::Int(5));
    assert_eq!(opt(c, "acquire_timeout"), &OptValue::Unknown);
    assert_eq!(opt(c, "max_lifetime"), &OptValue::Null);
    let keys: Vec<&str> = c.options.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "max_connections",
            "min_connections",
            "acquire_timeout",
            "max_lifetime"
        ]
    );
    assert_eq!(&src[c.options[0].span.range()], "50");
    assert_eq!(env_name(c), Some("DATABASE_URL"));
    // Through `env::var` with `use std::env`, `.expect(..)` and `dotenvy::var`.
    for init in [
        "env::var(\"DATABASE_URL\").expect(\"set DATABASE_URL\")",
        "dotenvy::var(\"DATABASE_URL\").unwrap()",
        "env::var(\"DATABASE_URL\").unwrap_or_else(|_| \"postgres://localhost/app\".into())",
        "env::var(\"DATABASE_URL\").unwrap_or(String::from(\"postgres://localhost/app\"))",
    ] {
        let src = format!(
            "use std::env;\nasync fn a() {{ let url = {init}; let p = sqlx::PgPool::connect(&url).await; }}"
        );
        let f = facts(&src);
        assert_eq!(env_name(config(&f, 0)), Some("DATABASE_URL"), "{init}");
    }
}

#[test]
fn constants_literals_and_negative_values() {
    let src = r##"
use sqlx::postgres::{PgPool, PgPoolOptions};
const MAX: u32 = 20_000;
const MIN: i64 = -1;
const DB_URL: &str = "postgres://app:secret@db.example.com:6543/app";
async fn a() {
    let pool = PgPoolOptions::new().max_connections(MAX).min_connections(MIN).connect(DB_URL).await;
}
async fn b() {
    let n = 7;
    let pool = PgPoolOptions::new().max_connections(n as u32).connect(r#"postgres://localhost/b"#).await;
}
"##;
    let f = facts(src);
    assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
    let c = config(&f, 0);
    assert_eq!(opt(c, "max_connections"), &OptValue::Int(20_000));
    assert_eq!(opt(c, "min_connections"), &OptValue::Int(-1));
    let (text, span) = literal(c).unwrap();
    assert_eq!(text, "postgres://app:secret@db.example.com:6543/app");
    assert_eq!(&src[span.range()], text);
    let c = config(&f, 1);
    assert_eq!(opt(c, "max_connections"), &OptValue::Int(7));
    let (text, span) = literal(c).unwrap();
    assert_eq!(&src[span.range()], text);
    // `urls`: the constant's value and the raw string.
    assert_eq!(f.urls.len(), 2, "{:#?}", f.urls);
    assert_eq!(f.urls[0].var.as_deref(), Some("DB_URL"));
    assert_eq!(&src[f.urls[0].span.range()], f.urls[0].text);
    assert_eq!(f.urls[1].text, "postgres://localhost/b");
    assert_eq!(&src[f.urls[1].span.range()], "postgres://localhost/b");
}

#[test]
fn builder_bound_to_a_local_and_connect_options() {
    let src = r#"
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::str::FromStr;
async fn a(url: &str) {
    let opts = PgPoolOptions::new().max_connections(5);
    let pool = opts.connect(url).await;
}
async fn b() -> Result<(), sqlx::Error> {
    let url = std::env::var("POOLER_URL").unwrap();
    let opts = PgConnectOptions::from_str(&url)?.statement_cache_capacity(0);
    let pool = PgPoolOptions::new().max_connections(10).connect_with(opts).await?;
    Ok(())
}
async fn c() {
    let url = std::env::var("DATABASE_URL").unwrap();
    let opts: PgConnectOptions = url.parse().unwrap();
    let pool = PgPool::connect_with(opts.statement_cache_capacity(0)).await;
}
async fn d() {
    let pool = PgPool::connect_lazy_with(
        "postgres://localhost/d".parse::<PgConnectOptions>().unwrap().statement_cache_capacity(100),
    );
}
"#;
    let f = facts(src);
    assert_eq!(f.clients.len(), 4, "{:#?}", f.clients);
    let a = config(&f, 0);
    assert_eq!(opt(a, "max_connections"), &OptValue::Int(5));
    assert!(a.url.is_none());
    let b = config(&f, 1);
    assert_eq!(opt(b, "max_connections"), &OptValue::Int(10));
    assert_eq!(opt(b, "statement_cache_capacity"), &OptValue::Int(0));
    assert_eq!(env_name(b), Some("POOLER_URL"));
    let c = config(&f, 2);
    assert_eq!(opt(c, "statement_cache_capacity"), &OptValue::Int(0));
    assert_eq!(env_name(c), Some("DATABASE_URL"));
    let d = config(&f, 3);
    assert_eq!(opt(d, "statement_cache_capacity"), &OptValue::Int(100));
    assert_eq!(literal(d).map(|l| l.0), Some("postgres://localhost/d"));
}

#[test]
fn deadpool_config_locals_and_struct_literals() {
    let src = r#"
use deadpool_postgres::{Config, PoolConfig, Runtime, ManagerConfig, RecyclingMethod};
use tokio_postgres::NoTls;
const URL: &str = "postgres://localhost/app";
fn a() -> deadpool_postgres::Pool {
    let mut cfg = Config::new();
    cfg.url = Some(dotenvy::var("DATABASE_URL").expect("DATABASE_URL"));
    cfg.pool = Some(PoolConfig::new(40));
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.create_pool(Some(Runtime::Tokio1), NoTls).unwrap()
}
fn b() {
    let pool = Config {
        url: Some(URL.to_string()),
        pool: Some(PoolConfig { max_size: 16, ..Default::default() }),
        ..Default::default()
    }
    .create_pool(None, NoTls);
}
fn c() {
    let mut cfg = Config::new();
    let pc = PoolConfig { max_size: 8, ..Default::default() };
    cfg.pool = Some(pc);
    let pool = cfg.create_pool(None, NoTls);
}
"#;
    let f = facts_with(
        "src/db.rs",
        &["deadpool-postgres", "tokio-postgres", "dotenvy"],
        src,
    );
    assert_eq!(f.clients.len(), 3, "{:#?}", f.clients);
    let a = config(&f, 0);
    assert_eq!(opt(a, "max_size"), &OptValue::Int(40));
    assert_eq!(
        &src[a
            .options
            .iter()
            .find(|o| o.key == "max_size")
            .unwrap()
            .span
            .range()],
        "40"
    );
    assert_eq!(opt(a, "recycling_method"), &OptValue::Name("Fast".into()));
    assert_eq!(env_name(a), Some("DATABASE_URL"));
    let b = config(&f, 1);
    assert_eq!(opt(b, "max_size"), &OptValue::Int(16));
    assert_eq!(
        opt(b, "url"),
        &OptValue::Str("postgres://localhost/app".into())
    );
    assert_eq!(literal(b).map(|l| l.0), Some("postgres://localhost/app"));
    let c = config(&f, 2);
    assert_eq!(opt(c, "max_size"), &OptValue::Int(8));
}

#[test]
fn bb8_r2d2_redis_mongodb_tokio_postgres() {
    let src = r#"
use bb8_postgres::PostgresConnectionManager;
use mongodb::{options::ClientOptions, Client};
use tokio_postgres::NoTls;
async fn a() {
    let url = std::env::var("DATABASE_URL").unwrap();
    let manager = PostgresConnectionManager::new_from_stringlike(&url, NoTls).unwrap();
    let pool = bb8::Pool::builder().max_size(30).min_idle(Some(5)).build(manager).await.unwrap();
}
fn b() {
    let manager = r2d2_postgres::PostgresConnectionManager::new("host=localhost".parse().unwrap(), NoTls);
    let pool = r2d2::Pool::builder().max_size(15).build(manager).unwrap();
}
fn c() {
    let client = redis::Client::open("redis://127.0.0.1/").unwrap();
    let con = client.get_connection().unwrap();
}
async fn d() -> mongodb::error::Result<()> {
    let uri = std::env::var("MONGODB_URI").expect("MONGODB_URI");
    let mut options = ClientOptions::parse(&uri).await?;
    options.max_pool_size = Some(50);
    let client = Client::with_options(options)?;
    let other = Client::with_uri_str(&uri).await?;
    Ok(())
}
async fn e() {
    let url = std::env::var("DATABASE_URL").expect("set");
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await.unwrap();
}
"#;
    let f = facts_with(
        "src/db.rs",
        &[
            "bb8",
            "bb8-postgres",
            "r2d2",
            "r2d2-postgres",
            "redis",
            "mongodb",
            "tokio-postgres",
        ],
        src,
    );
    let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
    assert_eq!(
        ids,
        [
            "bb8-pool",
            "r2d2-pool",
            "redis-client",
            "redis-connection",
            "mongodb-client",
            "mongodb-client",
            "tokio-postgres"
        ]
    );
    let bb8 = config(&f, 0);
    assert_eq!(opt(bb8, "max_size"), &OptValue::Int(30));
    assert_eq!(opt(bb8, "min_idle"), &OptValue::Int(5));
    assert_eq!(env_name(bb8), Some("DATABASE_URL"));
    let r2d2 = config(&f, 1);
    assert_eq!(opt(r2d2, "max_size"), &OptValue::Int(15));
    assert_eq!(
        literal(config(&f, 2)).map(|l| l.0),
        Some("redis://127.0.0.1/")
    );
    // The connection opened from a client knows the client's URL.
    assert_eq!(
        literal(config(&f, 3)).map(|l| l.0),
        Some("redis://127.0.0.1/")
    );
    let mongo = config(&f, 4);
    assert_eq!(opt(mongo, "max_pool_size"), &OptValue::Int(50));
    assert_eq!(env_name(mongo), Some("MONGODB_URI"));
    assert_eq!(env_name(config(&f, 5)), Some("MONGODB_URI"));
    assert_eq!(env_name(config(&f, 6)), Some("DATABASE_URL"));
}

#[test]
fn urls_through_statics_macros_and_settings() {
    let src = r#"
use std::sync::LazyLock;
use sqlx::PgPool;
static DATABASE_URL: LazyLock<String> =
    LazyLock::new(|| std::env::var("DATABASE_URL").expect("DATABASE_URL"));
lazy_static::lazy_static! {
    static ref REPLICA_URL: String = std::env::var("REPLICA_URL").unwrap();
}
async fn a() { let p = PgPool::connect(&DATABASE_URL).await; }
async fn b() { let p = PgPool::connect(&REPLICA_URL).await; }
async fn c() { let p = PgPool::connect(env!("BUILD_DATABASE_URL")).await; }
async fn d(config: &Config) { let p = PgPool::connect(&config.database_url).await; }
async fn e(state: &AppState) { let p = PgPool::connect(&state.settings.database_url).await; }
async fn f() {
    let url = std::env::var("DATABASE_URL").unwrap();
    let url = format!("{url}?sslmode=require");
    let p = PgPool::connect(&url).await;
}
async fn g(url: String) { let p = PgPool::connect(&url).await; }
"#;
    let f = facts(src);
    assert_eq!(f.clients.len(), 7, "{:#?}", f.clients);
    assert_eq!(env_name(config(&f, 0)), Some("DATABASE_URL"));
    assert_eq!(env_name(config(&f, 1)), Some("REPLICA_URL"));
    assert_eq!(env_name(config(&f, 2)), Some("BUILD_DATABASE_URL"));
    assert_eq!(env_name(config(&f, 3)), Some("DATABASE_URL"));
    assert_eq!(env_name(config(&f, 4)), Some("DATABASE_URL"));
    // A formatted URL and a parameter: unknown, no config at all.
    assert!(
        f.client_configs
            .iter()
            .all(|c| c.client != 5 && c.client != 6)
    );
}

#[test]
fn urls_in_code() {
    let src = r#"
/// Connects to postgres://docs.example.com/db by default.
#[doc = "postgres://attr.example.com/db"]
const FALLBACK: &str = "postgresql://app@localhost:5432/app";
fn a() {
    let url = "mysql://root@localhost/shop";
    let not_url = "https://example.com";
    let cfg = Settings { redis_url: "redis://cache:6379".into(), ..Default::default() };
    let pool = sqlx::PgPool::connect_lazy("postgres://localhost/test");
    let env_url = std::env::var("X").unwrap_or_else(|_| String::from("postgres://localhost/dev"));
}
"#;
    let f = facts(src);
    let got: Vec<(Option<&str>, &str)> = f
        .urls
        .iter()
        .map(|u| (u.var.as_deref(), u.text.as_ref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("FALLBACK"), "postgresql://app@localhost:5432/app"),
            (Some("url"), "mysql://root@localhost/shop"),
            (Some("redis_url"), "redis://cache:6379"),
            (None, "postgres://localhost/test"),
            (Some("env_url"), "postgres://localhost/dev"),
        ]
    );
    for u in &f.urls {
        assert_eq!(&src[u.span.range()], u.text);
    }
}

#[test]
fn urls_in_static_initialisers_and_helper_functions() {
    let src = r#"
use std::sync::LazyLock;
use sqlx::postgres::{PgPool, PgPoolOptions};
fn database_url() -> String {
    dotenvy::dotenv().ok();
    std::env::var("DATABASE_URL").expect("DATABASE_URL must be set")
}
pub static POOL: LazyLock<PgPool> = LazyLock::new(|| {
    PgPoolOptions::new().max_connections(10).connect_lazy(&database_url()).expect("url")
});
pub static JOBS: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("JOBS_DATABASE_URL").expect("set");
    PgPool::connect_lazy(&url).expect("valid")
});
pub static OTHER: LazyLock<PgPool> = LazyLock::new(|| PgPool::connect_lazy(&url).unwrap());
"#;
    let f = facts(src);
    assert_eq!(f.clients.len(), 3, "{:#?}", f.clients);
    let pool = config(&f, 0);
    assert_eq!(env_name(pool), Some("DATABASE_URL"));
    assert_eq!(opt(pool, "max_connections"), &OptValue::Int(10));
    assert_eq!(env_name(config(&f, 1)), Some("JOBS_DATABASE_URL"));
    // `url` of another static's initialiser is not visible.
    assert!(f.client_configs.iter().all(|c| c.client != 2));
}

#[test]
fn self_referencing_values_terminate() {
    let src = r#"
const A: u32 = B;
const B: u32 = A;
fn a() {
    let mut cfg = deadpool_postgres::Config::new();
    cfg.url = cfg.url.clone();
    cfg.url = Some(cfg.url.unwrap_or_default());
    let url = url;
    let pool = sqlx::postgres::PgPoolOptions::new().max_connections(A).connect_lazy(&url);
    let p2 = cfg.create_pool(None, tokio_postgres::NoTls);
}
"#;
    let f = facts_with(
        "src/db.rs",
        &["sqlx", "deadpool-postgres", "tokio-postgres"],
        src,
    );
    assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
    assert_eq!(opt(config(&f, 0), "max_connections"), &OptValue::Unknown);
    assert!(config(&f, 0).url.is_none());
}

fn import_keys(f: &FileFacts) -> Vec<String> {
    f.imports.iter().map(|m| m.candidates.join("|")).collect()
}

#[test]
fn imports_from_mod_and_use() {
    let src = r#"
mod db;
mod handlers;
#[cfg(test)]
mod tests;
mod inline {
    mod nested;
    use super::db::Pool;
}
use crate::config::Settings;
use crate::routes::list_users;
use crate::state::{self, AppState};
use crate::db::pool;
use crate::AppError;
use db::connect;
use sqlx::PgPool;
use std::sync::Arc;
fn f() { let p = pool::get(); }
"#;
    let f = facts(src);
    assert_eq!(
        import_keys(&f),
        [
            "src/db",
            "src/handlers",
            "src/inline/nested",
            "src/config",
            "src/routes",
            "src/state",
            "src/db/pool",
        ]
    );
}

#[test]
fn imports_from_a_nested_module_and_own_crate() {
    let src = r#"
use super::common::helper;
use super::super::models::User;
use self::extract::Auth;
use crate::db;
mod extract;
#[cfg(test)]
mod tests { use super::*; use crate::testing::setup; }
mod inner { use super::helper; use self::x::y; }
"#;
    let f = facts_with("src/handlers/users.rs", &["axum", "sqlx"], src);
    assert_eq!(
        import_keys(&f),
        [
            "src/handlers/users/extract",
            "src/handlers/common",
            "src/models",
            "src/db",
        ]
    );
    // A binary naming its own library crate.
    let f = facts_with(
        "src/main.rs",
        &["axum", "sqlx"],
        "use myapp::db::get_pool;\nuse myapp::{routes, AppState};\nuse sqlx::PgPool;\nfn main() {}",
    );
    // `AppState` lives in the library root, whose key (`src`) is also `src/main.rs`'s own.
    assert_eq!(import_keys(&f), ["src/db", "src/routes"]);
}

#[test]
fn url_spans_hold_their_text() {
    // Found by fuzzing (fuzz/regressions/rust): a URL in a block of a closure argument.
    let text = "fn main() {\n    let rt = tokio::runtime::Runtime::new().unwrap();\n    rt.block_on(async {\n        for _ in 0..100 {\n            let pool = sqlx::PgPool::connect(\"postgres://localhost/ledger_bench\").await.unwrap();\n            pool.close().await;\n        }\n    });\n}\n";
    let f = facts(text);
    assert!(!f.urls.is_empty());
    for u in &f.urls {
        assert_eq!(&text[u.span.range()], u.text, "{u:?}");
    }
}
