//! Round forty-two's evidence: checkouts kept for the life of the process, functions handed on
//! through macros and combinators, streams opened with no arguments, function components.

use super::*;

fn parked_lines(text: &str, f: &FileFacts) -> Vec<(usize, bool)> {
    f.parked
        .iter()
        .map(|p| (line_of(text, p.span), p.across_loop))
        .collect()
}

#[test]
fn a_checkout_held_by_a_loop_that_does_not_end() {
    let text = r#"use mysql::prelude::Queryable;
use mysql::Pool;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = Pool::new("mysql://x")?;
    let mut conn = pool.get_conn()?;
    let mut listener = i3ipc::I3EventListener::connect()?;
    for event in listener.listen() {
        conn.exec_drop("INSERT INTO t VALUES (?)", (event.is_ok(),))?;
    }
    Ok(())
}
fn per_event(pool: &Pool, rx: std::sync::mpsc::Receiver<u8>) {
    // Renewed in the loop: not held by it.
    let mut conn = pool.get_conn().unwrap();
    for b in rx.iter() {
        conn = pool.get_conn().unwrap();
        let _ = conn.exec_drop("INSERT INTO t VALUES (?)", (b,));
    }
}
fn bounded(pool: &Pool, items: &[u8]) {
    // A loop over items ends.
    let mut conn = pool.get_conn().unwrap();
    for b in items {
        let _ = conn.exec_drop("INSERT INTO t VALUES (?)", (b,));
    }
}
"#;
    let f = facts_with("src/main.rs", &["mysql", "i3ipc"], text);
    assert_eq!(parked_lines(text, &f), [(5, true)], "{:#?}", f.parked);
}

#[test]
fn a_checkout_kept_in_a_static_cell_or_a_struct_field() {
    let text = r#"use std::sync::{Mutex, OnceLock};
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
type M = PostgresConnectionManager<NoTls>;
static ONE: OnceLock<Mutex<PooledConnection<M>>> = OnceLock::new();
pub struct Ledger {
    conn: PooledConnection<M>,
    pool: Pool<M>,
}
impl Ledger {
    pub fn new(pool: Pool<M>) -> Self {
        let conn = pool.get().unwrap();
        Self { conn, pool }
    }
}
pub fn init(pool: &Pool<M>) {
    let conn = pool.get().unwrap();
    let _ = ONE.set(Mutex::new(conn));
}
"#;
    let f = facts_with("src/lib.rs", &["r2d2", "r2d2_postgres"], text);
    let fields: Vec<(&str, &str, bool)> = f
        .checkout_fields
        .iter()
        .map(|c| (c.owner.as_str(), c.field.as_str(), c.single))
        .collect();
    assert_eq!(fields, [("", "ONE", true), ("Ledger", "conn", true)]);
    let parked: Vec<(usize, &str)> = f
        .parked
        .iter()
        .map(|p| (line_of(text, p.span), p.field.as_str()))
        .collect();
    assert_eq!(parked, [(12, "conn"), (17, "ONE")], "{:#?}", f.parked);
}

#[test]
fn a_map_of_checkouts_through_an_alias_is_no_single_slot() {
    let text = r#"use std::collections::HashMap;
use std::sync::Arc;
use sqlx::{MySql, Transaction};
use tokio::sync::Mutex;
type Open = Arc<Mutex<HashMap<String, Transaction<'static, MySql>>>>;
pub struct Service { open: Open, held: dashmap::DashMap<u32, sqlx::pool::PoolConnection<MySql>> }
"#;
    let f = facts_with("src/lib.rs", &["sqlx", "tokio", "dashmap"], text);
    assert!(
        f.checkout_fields.iter().all(|c| !c.single),
        "{:#?}",
        f.checkout_fields
    );
}

#[test]
fn functions_handed_through_a_macro_or_called_by_a_combinator() {
    let text = r#"use goose::prelude::*;
mod verify;
mod tickets;
#[tokio::main]
async fn main() -> Result<(), GooseError> {
    GooseAttack::initialize()?
        .register_scenario(scenario!("Shop").register_transaction(transaction!(verify::order).set_weight(1)?))
        .execute()
        .await?;
    let rx = std::sync::mpsc::channel::<String>().1;
    for key in rx.iter() {
        let _ = Some(key.as_str()).and_then(tickets::lookup);
    }
    Ok(())
}
"#;
    let f = facts_with("src/main.rs", &["goose", "tokio"], text);
    let handed: Vec<&str> = f.handler_refs.iter().map(|h| h.name.as_str()).collect();
    assert!(handed.contains(&"order"), "{:#?}", f.handler_refs);
    let lookup = f
        .calls
        .iter()
        .find(|c| c.name == "lookup")
        .expect("lookup is called where `and_then` stands");
    assert_eq!(lookup.scope.kind, ScopeKind::Loop);
}

#[test]
fn a_singleton_registration_runs_once() {
    let text = r#"use pavex::blueprint::Blueprint;
use pavex::f;
pub fn blueprint() -> Blueprint {
    let mut bp = Blueprint::new();
    bp.singleton(f!(crate::db::pool));
    bp.request_scoped(f!(crate::pricing::client));
    bp
}
"#;
    let f = facts_with("src/lib.rs", &["pavex"], text);
    let handed: Vec<&str> = f.handler_refs.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(handed, ["client"], "{:#?}", f.handler_refs);
}

#[test]
fn a_stream_opened_with_no_arguments_is_served_per_event() {
    let text = r#"use i3ipc::I3EventListener;
fn main() {
    let mut listener = I3EventListener::connect().unwrap();
    for event in listener.listen() {
        let http = reqwest::blocking::Client::new();
        let _ = (event, http);
    }
}
"#;
    let f = facts_with("src/main.rs", &["i3ipc", "reqwest"], text);
    assert_eq!(only_client(&f).scope.kind, ScopeKind::Loop);
}

#[test]
fn dioxus_components_render_again_and_their_hooks_keep() {
    let text = r#"use dioxus::prelude::*;
#[component]
fn Panel() -> Element {
    let kept = use_hook(|| reqwest::Client::new());
    let http = reqwest::Client::new();
    rsx! {
        button { onclick: move |_| { let c = reqwest::Client::new(); drop(c); }, "Go" }
    }
}
fn Other() -> Element {
    let http = reqwest::Client::new();
    rsx! { div {} }
}
"#;
    let f = facts_with("src/main.rs", &["dioxus", "reqwest"], text);
    let sites: Vec<(usize, ScopeKind, bool)> = f
        .clients
        .iter()
        .map(|c| (line_of(text, c.span), c.scope.kind, c.guard != Guard::None))
        .collect();
    assert_eq!(
        sites,
        [
            (4, ScopeKind::Component, true),
            (5, ScopeKind::Component, false),
            (7, ScopeKind::Component, false),
            (11, ScopeKind::Component, false),
        ]
    );
    // Leptos runs a component's body once: not a component of `[registration] components`.
    let f = facts_with("src/main.rs", &["leptos", "reqwest"], text);
    assert!(
        f.clients
            .iter()
            .all(|c| c.scope.kind != ScopeKind::Component)
    );
}

#[test]
fn a_reconnect_loop_builds_once_per_connection() {
    let text = r#"async fn receiver(url: String) {
    loop {
        let client = redis::Client::open(url.as_str()).unwrap();
        let mut pubsub = client.get_async_pubsub().await.unwrap();
        let mut messages = pubsub.on_message();
        while let Some(m) = messages.next().await {
            let _ = m;
        }
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
}
async fn per_message(url: String, rx: tokio::sync::mpsc::Receiver<u8>) {
    loop {
        let client = redis::Client::open(url.as_str()).unwrap();
        let _ = client;
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
}
"#;
    let f = facts_with("src/main.rs", &["redis", "tokio"], text);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(
        kinds,
        [ScopeKind::Function, ScopeKind::Loop],
        "{:#?}",
        f.clients
    );
}

#[test]
fn what_is_moved_into_a_stored_value_is_stored_with_it() {
    let text = r#"
use std::sync::Arc;
pub struct Executor { pool: sqlx::PgPool }
pub struct Executors { map: dashmap::DashMap<u64, Arc<Executor>> }
impl Executors {
    async fn kept(&self, id: u64) -> Arc<Executor> {
        let pool = sqlx::PgPool::connect("postgres://a").await.unwrap();
        let executor = Arc::new(Executor { pool });
        if let dashmap::mapref::entry::Entry::Vacant(e) = self.map.entry(id) {
            e.insert(executor.clone());
        }
        executor
    }
    async fn used(&self) {
        let pool = sqlx::PgPool::connect("postgres://b").await.unwrap();
        let n = count(&pool).await;
        self.map.insert(n, Arc::new(Executor { pool: other() }));
    }
}
"#;
    let f = facts(text);
    let guard = |needle: &str| {
        f.clients
            .iter()
            .find(|c| text[c.span.range()].contains(needle))
            .map(|c| c.guard)
    };
    assert_eq!(guard("postgres://a"), Some(Guard::Memo));
    assert_eq!(guard("postgres://b"), Some(Guard::None));
}

#[test]
fn a_checkout_stored_through_a_guard_of_a_static() {
    let text = r#"use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::sync::Mutex;
static SLOT: Mutex<Option<PoolConnection<Postgres>>> = Mutex::const_new(None);
static POOL: Mutex<Option<PgPool>> = Mutex::const_new(None);
async fn record(pool: &PgPool) -> sqlx::Result<()> {
    let mut slot = SLOT.lock().await;
    if slot.is_none() {
        *slot = Some(pool.acquire().await?);
    }
    Ok(())
}
async fn per_call(pool: &PgPool) -> sqlx::Result<()> {
    // A local guard of nothing shared: dropped at the end of the call.
    let mut mine: Option<PoolConnection<Postgres>> = None;
    let r = &mut mine;
    *r = Some(pool.acquire().await?);
    Ok(())
}
async fn lazy_pool(url: &str) -> sqlx::Result<()> {
    let mut slot = POOL.lock().await;
    if slot.is_none() {
        *slot = Some(sqlx::postgres::PgPoolOptions::new().connect(url).await?);
    }
    Ok(())
}
"#;
    let f = facts_with("src/main.rs", &["sqlx", "tokio"], text);
    let parked: Vec<_> = f
        .parked
        .iter()
        .map(|p| (line_of(text, p.span), p.field.as_str()))
        .collect();
    // (What is kept is recorded whatever it is; unclosed-session judges only checkouts, so
    // the pool kept in `POOL` is no finding: see the fixture pair
    // `*-rs-checkout-parked-through-static-guard`.) The local `*r = …` is not kept.
    assert_eq!(parked, [(9, "SLOT"), (23, "POOL")], "{:#?}", f.parked);
    // The pool stored in a static through its guard is cached there, not built per call.
    let pool = f
        .clients
        .iter()
        .find(|c| line_of(text, c.span) == 23)
        .map(|c| c.guard);
    assert_eq!(
        pool,
        Some(crate::facts::Guard::ModuleCache),
        "{:#?}",
        f.clients
    );
}

#[test]
fn a_checkout_moved_into_a_spawned_loop_or_kept_in_a_struct_in_a_static_map() {
    let text = r#"use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
type M = PostgresConnectionManager<NoTls>;
struct Cart { conn: PooledConnection<M>, items: Vec<String> }
static CARTS: LazyLock<Mutex<HashMap<u64, Cart>>> = LazyLock::new(|| Mutex::new(HashMap::new()));
pub fn watch(pool: &Pool<M>) {
    let mut conn = pool.get().unwrap();
    std::thread::spawn(move || loop {
        let _ = conn.execute("SELECT 1", &[]);
    });
}
pub fn open_cart(pool: &Pool<M>, id: u64) {
    let mut carts = CARTS.lock().unwrap();
    let conn = pool.get().unwrap();
    carts.insert(id, Cart { conn, items: Vec::new() });
}
pub fn per_round(pool: Pool<M>) {
    std::thread::spawn(move || loop {
        let mut conn = pool.get().unwrap();
        let _ = conn.execute("SELECT 1", &[]);
    });
}
"#;
    let f = facts_with("src/lib.rs", &["r2d2", "r2d2_postgres"], text);
    // (Kept in `Cart.conn` and, with its cart, in `CARTS`: the project pass judges each place.)
    assert_eq!(
        parked_lines(text, &f),
        [(9, true), (16, false), (16, false)],
        "{:#?}",
        f.parked
    );
    assert!(
        f.checkout_fields
            .iter()
            .any(|c| c.field == "CARTS" && !c.single)
    );
}

#[test]
fn checkout_parked_in_a_shared_map_parameter() {
    // `dialogs: &Mutex<HashMap<String, Dialog>>`, with `Dialog` holding a checkout: the map
    // belongs to the caller and outlives this call, like a field's. A map of plain values holds
    // no checkout.
    let text = r#"use std::collections::HashMap;
use deadpool_postgres::{Object, Pool};
use tokio::sync::Mutex;
pub struct Dialog { db: Object }
pub struct Seen { at: u64 }
pub async fn invite(pool: &Pool, dialogs: &Mutex<HashMap<String, Dialog>>, id: String) {
    let db = pool.get().await.unwrap();
    dialogs.lock().await.insert(id, Dialog { db });
}
pub async fn seen(pool: &Pool, log: &Mutex<HashMap<String, Seen>>, id: String) {
    let db = pool.get().await.unwrap();
    log.lock().await.insert(id, Seen { at: 1 });
}
"#;
    let f = facts_with("src/cdr.rs", &["deadpool-postgres", "tokio"], text);
    // (Kept in `Dialog.db` and, with its dialog, in `dialogs`: the project pass judges each.)
    assert_eq!(
        parked_lines(text, &f),
        [(7, false), (7, false)],
        "{:#?}",
        f.parked
    );
    assert!(
        f.parked
            .iter()
            .any(|p| p.field == "dialogs" && p.owner.is_none())
    );
    assert!(
        f.checkout_fields
            .iter()
            .any(|c| c.field == "dialogs" && c.owner.is_empty() && !c.single)
    );
}

#[test]
fn a_checkout_held_in_a_struct_the_loop_uses() {
    let text = r#"use deadpool_postgres::Pool;
async fn serve(pool: Pool, mut rx: tokio::sync::mpsc::Receiver<String>) -> anyhow::Result<()> {
    let mut session = Session {
        db: pool.get().await?,
        name: None,
    };
    while let Some(line) = rx.recv().await {
        session.db.execute("INSERT INTO l VALUES ($1)", &[&line]).await?;
    }
    Ok(())
}
async fn borrowed(pool: Pool, mut rx: tokio::sync::mpsc::Receiver<String>) -> anyhow::Result<()> {
    let session = Session { pool, name: None };
    while let Some(line) = rx.recv().await {
        let db = session.pool.get().await?;
        db.execute("INSERT INTO l VALUES ($1)", &[&line]).await?;
    }
    Ok(())
}
"#;
    let f = facts_with("src/main.rs", &["deadpool-postgres"], text);
    assert_eq!(parked_lines(text, &f), [(4, true)], "{:#?}", f.parked);
}
