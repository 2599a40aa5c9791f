use super::*;

#[test]
fn axum_handler_with_state_extractor_builds_pool() {
    let src = r#"
use axum::extract::State;
use sqlx::PgPool;

async fn list_users(State(state): State<AppState>) -> Result<String, Error> {
    let pool = PgPool::connect(&state.url).await?;
    Ok(String::new())
}
"#;
    let f = facts(src);
    let c = only_client(&f);
    assert_eq!(c.client, "sqlx-pool");
    assert_eq!(c.kind, crate::facts::ClientKind::Pool);
    assert_eq!(c.ctor, "PgPool::connect()");
    assert_eq!(c.scope.kind, ScopeKind::Handler);
    assert_eq!(c.scope.framework(), "axum");
    assert_eq!(c.scope.name.as_deref(), Some("list_users"));
    assert_eq!(c.binding.as_deref(), Some("pool"));
    assert_eq!(c.returned, Returned::No);
    assert_eq!(c.guard, Guard::None);
    assert_eq!(c.in_fn, Some(0));
    assert_eq!(&src[c.span.range()], "PgPool::connect(&state.url)");
    assert!(!c.anchors.args_are_static);
    assert_eq!(
        &src[c.anchors.statement.unwrap().range()],
        "let pool = PgPool::connect(&state.url).await?;"
    );
    assert_eq!(f.functions[0].scope.kind, ScopeKind::Handler);
}

#[test]
fn reqwest_identity_comes_from_use() {
    let qualified = facts("async fn h(Json(b): Json<In>) { let c = reqwest::Client::new(); }");
    assert_eq!(only_client(&qualified).client, "reqwest-client");
    assert_eq!(only_client(&qualified).scope.kind, ScopeKind::Handler);
    let used =
        facts("use reqwest::Client;\nasync fn h(Json(b): Json<In>) { let c = Client::new(); }");
    assert_eq!(only_client(&used).ctor, "Client::new()");
    let own = facts(
        "use crate::client::Client;\nasync fn h(Json(b): Json<In>) { let c = Client::new(); }",
    );
    assert!(own.clients.is_empty());
    let unresolved = facts("async fn h(Json(b): Json<In>) { let c = Client::new(); }");
    assert!(unresolved.clients.is_empty());
    let renamed =
        facts("use reqwest as http;\nfn h() { let c = http::Client::builder().build().unwrap(); }");
    let c = only_client(&renamed);
    assert_eq!(c.ctor, "Client::builder().build()");
    assert_eq!(c.binding.as_deref(), Some("c"));
    assert_eq!(c.scope.kind, ScopeKind::Function);
}

#[test]
fn handler_refs_from_routes() {
    let src = r#"
mod handlers;
use axum::{routing::{get, post}, Router};

async fn health() -> &'static str { "ok" }

#[tokio::main]
async fn main() {
    let app = Router::new()
        .route("/users", get(handlers::list_users).post(handlers::create_user))
        .route("/health", get(health));
}
"#;
    let f = facts(src);
    let names: Vec<(&str, Option<Vec<String>>)> = f
        .handler_refs
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.module.as_ref().map(|m| m.candidates.to_vec()),
            )
        })
        .collect();
    assert!(
        names.contains(&("list_users", Some(vec!["src/handlers".to_string()]))),
        "{names:?}"
    );
    assert!(
        names.contains(&("create_user", Some(vec!["src/handlers".to_string()]))),
        "{names:?}"
    );
    assert!(names.contains(&("health", None)), "{names:?}");
    assert!(f.handler_refs.iter().all(|r| r.framework == "axum"));
    let health = f.functions.iter().find(|x| x.name == "health").unwrap();
    assert_eq!(health.scope.kind, ScopeKind::Handler);
    let main = f.functions.iter().find(|x| x.name == "main").unwrap();
    assert_eq!(main.scope.kind, ScopeKind::Startup);
}

#[test]
fn main_builds_pool_with_state_is_startup() {
    let src = r#"
use sqlx::postgres::PgPoolOptions;
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = PgPoolOptions::new().max_connections(5).connect(&std::env::var("DATABASE_URL")?).await?;
    let app = Router::new().route("/", get(root)).with_state(pool);
    Ok(())
}
"#;
    let f = facts(src);
    let c = only_client(&f);
    assert_eq!(c.scope.kind, ScopeKind::Startup);
    assert_eq!(c.scope.framework(), "startup");
    assert_eq!(c.ctor, "PgPoolOptions::new().connect()");
    assert!(src[c.span.range()].starts_with("PgPoolOptions::new().max_connections(5).connect("));
    assert!(c.anchors.args_are_static);
}

#[test]
fn lazy_statics_are_guarded() {
    let src = r#"
use std::sync::{LazyLock, OnceLock};
use reqwest::Client;
static CLIENT: LazyLock<reqwest::Client> = LazyLock::new(reqwest::Client::new);
static CLIENT2: LazyLock<Client> = LazyLock::new(|| Client::new());
static CELL: OnceLock<Client> = OnceLock::new();
fn client() -> &'static Client {
    CELL.get_or_init(|| Client::builder().build().unwrap())
}
lazy_static::lazy_static! {
    static ref C3: Client = Client::new();
}
"#;
    let f = facts(src);
    assert_eq!(f.clients.len(), 4, "{:#?}", f.clients);
    for c in &f.clients {
        assert_eq!(c.guard, Guard::Lazy, "{c:?}");
    }
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Module);
    assert_eq!(f.clients[2].scope.kind, ScopeKind::Function);
}

#[test]
fn factory_returns_and_call_sites() {
    let db = r#"
use sqlx::{postgres::PgPoolOptions, PgPool};
pub async fn pool() -> PgPool {
    PgPoolOptions::new().max_connections(5).connect(&url()).await.unwrap()
}
pub async fn pool2() -> Result<PgPool, sqlx::Error> {
    let p = PgPool::connect("postgres://x").await?;
    Ok(p)
}
pub fn client() -> reqwest::Client { let c = reqwest::Client::new(); c.clone() }
pub async fn fetch(u: &str) -> String {
    let c = reqwest::Client::new();
    c.get(u).send().await.unwrap().text().await.unwrap()
}
pub async fn db() -> mongodb::Database {
    let client = mongodb::Client::with_uri_str("mongodb://x").await.unwrap();
    client.database("app")
}
fn url() -> String { String::new() }
"#;
    let f = facts_with("src/db.rs", &["sqlx", "reqwest", "mongodb"], db);
    let r: Vec<Returned> = f.clients.iter().map(|c| c.returned).collect();
    assert_eq!(
        r,
        vec![
            Returned::Direct,
            Returned::Direct,
            Returned::Direct,
            Returned::No,
            Returned::Derived
        ]
    );
    assert!(
        f.functions
            .iter()
            .find(|x| x.name == "pool")
            .unwrap()
            .exported
    );
    assert!(
        !f.functions
            .iter()
            .find(|x| x.name == "url")
            .unwrap()
            .exported
    );
    let calls: Vec<_> = f.calls.iter().filter(|c| !c.method).collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].name, "url");
    assert!(calls[0].module.is_none());

    let handlers = r#"
use crate::db;
use crate::db::pool2;
use axum::extract::State;
pub async fn list(State(s): State<AppState>) {
    let pool = db::pool().await;
    let p2 = pool2().await.unwrap();
    let p3 = crate::db::pool().await;
    let n = serde_json::to_string(&1);
}
"#;
    let f = facts_with("src/handlers.rs", &["sqlx", "axum", "serde_json"], handlers);
    let calls: Vec<(&str, &str, Vec<String>)> = f
        .calls
        .iter()
        .map(|c| {
            (
                c.callee.as_str(),
                c.name.as_str(),
                c.module.clone().unwrap().candidates.to_vec(),
            )
        })
        .collect();
    assert_eq!(
        calls,
        vec![
            ("db::pool", "pool", vec!["src/db".to_string()]),
            ("pool2", "pool2", vec!["src/db".to_string()]),
            ("crate::db::pool", "pool", vec!["src/db".to_string()]),
        ]
    );
    assert!(f.calls.iter().all(|c| c.scope.kind == ScopeKind::Handler));
    assert_eq!(f.calls[0].binding.as_deref(), Some("pool"));
}

#[test]
fn actix_attributes_to_and_worker_closure() {
    let src = r#"
use actix_web::{get, web, App, HttpServer, HttpResponse};
use sqlx::PgPool;

#[get("/")]
async fn index() -> HttpResponse {
    let (client, connection) = tokio_postgres::connect("host=localhost", tokio_postgres::NoTls).await.unwrap();
    HttpResponse::Ok().finish()
}

async fn other() -> HttpResponse { HttpResponse::Ok().finish() }

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let url = std::env::var("DATABASE_URL").unwrap();
    HttpServer::new(move || {
        let pool = PgPool::connect_lazy(&url).unwrap();
        App::new().app_data(web::Data::new(pool)).service(index).route("/o", web::get().to(other))
    })
    .bind(("0.0.0.0", 8080))?
    .run()
    .await
}
"#;
    let f = facts_with("src/main.rs", &["actix-web", "sqlx", "tokio-postgres"], src);
    assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
    let pg = &f.clients[0];
    assert_eq!(pg.client, "tokio-postgres");
    assert_eq!(pg.ctor, "tokio_postgres::connect()");
    assert_eq!(pg.binding.as_deref(), Some("client"));
    assert_eq!(
        (pg.scope.kind, pg.scope.framework()),
        (ScopeKind::Handler, "actix")
    );
    let pool = &f.clients[1];
    assert_eq!(
        (pool.scope.kind, pool.scope.framework()),
        (ScopeKind::Handler, "actix-worker")
    );
    // The closure is the handler, not `main`: findings do not name `main`.
    assert_eq!(pool.scope.name, None);
    assert_eq!(pool.returned, Returned::No);
    let r = &f.handler_refs;
    assert!(
        r.iter()
            .any(|r| r.name == "other" && r.framework == "actix" && r.module.is_none())
    );
    let other = f.functions.iter().find(|x| x.name == "other").unwrap();
    assert_eq!(other.scope.framework(), "actix");
}

#[test]
fn tests_and_cfg_test_are_test_scope() {
    let src = r#"
#[cfg(test)]
mod tests {
    use super::*;
    #[tokio::test]
    async fn builds() { let pool = sqlx::PgPool::connect("x").await.unwrap(); }
    fn helper() { let c = reqwest::Client::new(); }
}
#[sqlx::test]
async fn t2(pool: sqlx::PgPool) { let c = reqwest::Client::new(); }
"#;
    let f = facts(src);
    assert_eq!(f.clients.len(), 3);
    assert!(
        f.clients
            .iter()
            .all(|c| c.scope.kind == ScopeKind::Test && c.scope.framework() == "test")
    );
    let it = facts_with(
        "tests/api.rs",
        &[],
        "fn setup() { let c = reqwest::Client::new(); }",
    );
    assert_eq!(only_client(&it).scope.kind, ScopeKind::Test);
    let b = facts_with(
        "build.rs",
        &[],
        "fn main() {} fn gen() { let c = reqwest::Client::new(); }",
    );
    assert_eq!(only_client(&b).scope.kind, ScopeKind::Startup);
}

#[test]
fn loops_and_iterator_callbacks() {
    let src = r#"
use reqwest::Client;
fn crawl(urls: Vec<String>) {
    for url in urls.iter() { let c = Client::new(); }
    urls.iter().map(|u| Client::new()).count();
    let maybe = Some(1).map(|_| Client::new());
}
"#;
    let f = facts(src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(
        kinds,
        vec![ScopeKind::Loop, ScopeKind::Loop, ScopeKind::Function]
    );
    assert_eq!(f.clients[0].scope.name.as_deref(), Some("crawl"));
}

#[test]
fn for_loops_over_streams_in_main() {
    // A `for` over what a zero-argument method of a value `main` opened hands out, as the last
    // work of `main`, serves until the process stops: per iteration. A loop over configured
    // items followed by the rest of the start-up, or over a collection, runs once per item.
    let src = r#"
use reqwest::Client;
fn main() -> anyhow::Result<()> {
    let config = Config::load("app.toml")?;
    for url in config.replicas() { let c = Client::new(); }
    for arg in std::env::args().skip(1) { let c = Client::new(); }
    let server = Server::http("0.0.0.0:8080")?;
    for request in server.incoming_requests() {
        match request {
            r => { let c = Client::new(); }
        }
    }
    Ok(())
}
"#;
    let f = facts(src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(
        kinds,
        vec![ScopeKind::Startup, ScopeKind::Startup, ScopeKind::Loop]
    );
    // What is iterated must have been opened on something (an address, a subject, options):
    // command-line arguments parsed without any are a finite list.
    let src = r#"
use reqwest::Client;
fn main() {
    let args = Args::parse();
    for file in args.files() { let c = Client::new(); }
}
"#;
    assert_eq!(only_client(&facts(src)).scope.kind, ScopeKind::Startup);
}

#[test]
fn plain_helper_and_release() {
    let src = r#"
use sqlx::PgPool;
async fn job() {
    let pool = PgPool::connect("postgres://x").await.unwrap();
    sqlx::query("select 1").execute(&pool).await.unwrap();
    pool.close().await;
}
async fn notify(u: &str) {
    let c = reqwest::Client::new();
    c.post(u).send().await.ok();
}
"#;
    let f = facts(src);
    assert!(f.clients[0].released);
    assert!(!f.clients[1].released);
    assert_eq!(f.clients[1].returned, Returned::No);
    assert_eq!(f.clients[1].scope.kind, ScopeKind::Function);
}

#[test]
fn rocket_and_lambda() {
    let src = r#"
#[macro_use] extern crate rocket;
#[get("/")]
async fn index() -> String { let c = reqwest::Client::new(); String::new() }
#[launch]
fn rocket() -> _ { rocket::build().mount("/", routes![index]) }
"#;
    let f = facts_with("src/main.rs", &["rocket", "reqwest"], src);
    assert_eq!(only_client(&f).scope.framework(), "rocket");
    assert!(
        f.handler_refs
            .iter()
            .any(|r| r.name == "index" && r.framework == "rocket")
    );
    assert_eq!(
        f.functions
            .iter()
            .find(|x| x.name == "rocket")
            .unwrap()
            .scope
            .kind,
        ScopeKind::Startup
    );

    let src = r#"
use lambda_runtime::{service_fn, LambdaEvent, Error};
async fn handler(event: LambdaEvent<Value>) -> Result<Value, Error> {
    let client = mongodb::Client::with_uri_str("mongodb://x").await?;
    Ok(event.payload)
}
#[tokio::main]
async fn main() -> Result<(), Error> {
    lambda_runtime::run(service_fn(handler)).await?;
    lambda_runtime::run(service_fn(|e: LambdaEvent<Value>| async move { let c = reqwest::Client::new(); Ok::<_, Error>(()) })).await
}
"#;
    let f = facts_with(
        "src/main.rs",
        &["lambda_runtime", "mongodb", "reqwest"],
        src,
    );
    assert_eq!(f.clients.len(), 2);
    assert_eq!(
        (f.clients[0].scope.kind, f.clients[0].scope.framework()),
        (ScopeKind::Handler, "lambda")
    );
    assert_eq!(f.clients[0].client, "mongodb-client");
    assert_eq!(
        (f.clients[1].scope.kind, f.clients[1].scope.framework()),
        (ScopeKind::Handler, "lambda")
    );
    assert!(
        f.handler_refs
            .iter()
            .any(|r| r.name == "handler" && r.framework == "lambda")
    );
}

#[test]
fn redis_get_connection_on_typed_client() {
    let src = r#"
use axum::extract::State;
struct AppState { redis: redis::Client }
async fn a(State(client): State<redis::Client>) {
    let mut con = client.get_connection().unwrap();
}
async fn b(State(state): State<Arc<AppState>>) {
    let mut con = state.redis.get_multiplexed_async_connection().await.unwrap();
}
fn c(url: &str) {
    let client = redis::Client::open(url).unwrap();
    let con = client.get_connection().unwrap();
    let con2 = redis::Client::open(url).unwrap().get_connection().unwrap();
}
fn d(pool: &r2d2::Pool<redis::Client>) { let con = pool.get().unwrap(); let x = thing.connect(); }
fn f(req: HttpRequest) {
    let rc = req.app_data::<web::Data<redis::Client>>();
    let c = rc.unwrap().get_connection();
}
async fn e(State(s): State<Shared>) {
    let c1 = s.store.get_connection();
    let c2 = s.redis_client.get_async_connection().await;
}
"#;
    let f = facts_with("src/main.rs", &["axum", "redis", "r2d2"], src);
    let got: Vec<(&str, &str)> = f
        .clients
        .iter()
        .map(|c| (c.client.as_str(), c.ctor.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("redis-connection", "Client::get_connection()"),
            (
                "redis-connection",
                "Client::get_multiplexed_async_connection()"
            ),
            ("redis-client", "Client::open()"),
            ("redis-connection", "Client::get_connection()"),
            ("redis-connection", "Client::get_connection()"),
            ("redis-connection", "Client::get_connection()"),
            ("redis-connection", "Client::get_async_connection()"),
        ]
    );
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    assert_eq!(f.clients[1].binding.as_deref(), Some("con"));
}

#[test]
fn deadpool_bb8_diesel() {
    let src = r#"
use deadpool_postgres::{Config, Runtime, ManagerConfig};
use tokio_postgres::NoTls;
fn a() {
    let mut cfg = Config::new();
    cfg.dbname = Some("x".into());
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls).unwrap();
}
fn b(settings: Settings) { let pool = settings.pg.create_pool(None, NoTls).unwrap(); }
fn c() { let pool = deadpool_postgres::Config { dbname: None, ..Default::default() }.create_pool(None, NoTls); }
async fn d(mgr: M) { let pool = bb8::Pool::builder().max_size(15).build(mgr).await.unwrap(); }
fn e(url: &str) {
    let conn = diesel::pg::PgConnection::establish(url).unwrap();
    let manager = diesel::r2d2::ConnectionManager::<diesel::PgConnection>::new(url);
    let pool = diesel::r2d2::Pool::builder().max_size(4).build(manager).unwrap();
}
"#;
    let f = facts_with(
        "src/main.rs",
        &["deadpool-postgres", "tokio-postgres", "bb8", "diesel"],
        src,
    );
    let got: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "deadpool-postgres",
            "deadpool-postgres",
            "deadpool-postgres",
            "bb8-pool",
            "diesel-pg-connection",
            "r2d2-pool"
        ]
    );
}

#[test]
fn builder_start_bound_to_a_local() {
    let src = r#"
use sqlx::postgres::PgPoolOptions;
async fn make(url: &str) -> sqlx::PgPool {
    let opts = PgPoolOptions::new().max_connections(3);
    let pool = opts.connect(url).await.unwrap();
    pool
}
"#;
    let f = facts(src);
    let c = only_client(&f);
    assert_eq!(c.client, "sqlx-pool");
    assert_eq!(c.returned, Returned::Direct);
    assert_eq!(&src[c.span.range()], "opts.connect(url)");
}

#[test]
fn globs_do_not_override_use_items() {
    let src = r#"
use diesel::prelude::*;
use diesel_async::pooled_connection::bb8;
async fn init(config: C) { let pool = bb8::Pool::builder().build(config).await.unwrap(); }
"#;
    let f = facts_with("src/main.rs", &["diesel", "diesel-async"], src);
    assert_eq!(only_client(&f).client, "diesel-async-pool");
}

#[test]
fn middleware_functions_run_per_request() {
    let src = r#"
use axum::middleware::{self, Next};
async fn auth(req: Request, next: Next) -> Response {
    let c = reqwest::Client::new();
    next.run(req).await
}
fn app() -> Router {
    let it = std::iter::from_fn(counter);
    Router::new().layer(middleware::from_fn(auth)).layer(middleware::from_fn(|req: Request, next: Next| async move {
        let p = sqlx::PgPool::connect("x").await;
        next.run(req).await
    }))
}
"#;
    let f = facts(src);
    assert!(
        f.handler_refs
            .iter()
            .any(|r| r.name == "auth" && r.framework == "axum")
    );
    assert!(!f.handler_refs.iter().any(|r| r.name == "counter"));
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    assert_eq!(
        (f.clients[1].scope.kind, f.clients[1].scope.framework()),
        (ScopeKind::Handler, "axum")
    );
}

#[test]
fn bindings_typed_lets_and_macros() {
    let src = r#"
use tokio_postgres::NoTls;
async fn h(req: actix_web::HttpRequest) {
    if let Ok(pool) = sqlx::PgPool::connect("x").await { pool.close().await; }
    let cfg: tokio_postgres::Config = "host=x".parse().unwrap();
    let (client, conn) = cfg.connect(NoTls).await.unwrap();
    let (a, b) = tokio::join!(reqwest::get("https://a"), reqwest::get("https://b"));
}
thread_local! {
    static HTTP: reqwest::Client = reqwest::Client::new();
}
"#;
    let f = facts_with(
        "src/api.rs",
        &["actix-web", "sqlx", "tokio-postgres", "reqwest", "tokio"],
        src,
    );
    let got: Vec<(&str, Option<&str>, bool, ScopeKind, Guard)> = f
        .clients
        .iter()
        .map(|c| {
            (
                c.client.as_str(),
                c.binding.as_deref(),
                c.released,
                c.scope.kind,
                c.guard,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "sqlx-pool",
                Some("pool"),
                true,
                ScopeKind::Handler,
                Guard::None
            ),
            (
                "tokio-postgres",
                Some("client"),
                false,
                ScopeKind::Handler,
                Guard::None
            ),
            ("reqwest-get", None, false, ScopeKind::Handler, Guard::None),
            ("reqwest-get", None, false, ScopeKind::Handler, Guard::None),
            (
                "reqwest-client",
                None,
                false,
                ScopeKind::Module,
                Guard::Lazy
            ),
        ]
    );
    assert_eq!(f.clients[0].scope.framework(), "actix");
    let insert = f.clients[0].anchors.module_insert.unwrap() as usize;
    assert_eq!(&src[..insert], "\nuse tokio_postgres::NoTls;");
}

#[test]
fn more_handler_refs_and_own_crate_modules() {
    let src = r#"
use axum::routing::{on, MethodFilter};
use myapp::handlers;
use myapp::db::pool;
fn routes(app: App) {
    let r = Router::new()
        .route("/a", on(MethodFilter::GET, handlers::a))
        .fallback(not_found);
    let s = App::new().default_service(web::to(handlers::b));
    let p = pool();
}
async fn not_found() {}
"#;
    let f = facts_with("src/main.rs", &["axum", "actix-web"], src);
    let refs: Vec<(&str, &str, Option<Vec<String>>)> = f
        .handler_refs
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.framework.as_str(),
                r.module.clone().map(|m| m.candidates.to_vec()),
            )
        })
        .collect();
    assert!(
        refs.contains(&("a", "axum", Some(vec!["src/handlers".to_string()]))),
        "{refs:?}"
    );
    assert!(
        refs.contains(&("b", "actix", Some(vec!["src/handlers".to_string()]))),
        "{refs:?}"
    );
    assert!(refs.contains(&("not_found", "axum", None)), "{refs:?}");
    let calls: Vec<_> = f.calls.iter().filter(|c| !c.method).collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        calls[0].module.clone().unwrap().candidates.to_vec(),
        vec!["src/db".to_string()]
    );
}

#[test]
fn a_binary_names_its_own_library_crate_written_out() {
    // `src/bin/worker.rs` calling into the package's library by its crate name, without a `use`.
    let src = r#"
async fn main() {
    let pool = ledger::jobs_db::worker_pool().await;
    let s = web::to(handle);
}
"#;
    let f = facts_with("src/bin/worker.rs", &["sqlx", "actix-web"], src);
    let calls: Vec<_> = f.calls.iter().filter(|c| !c.method).collect();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0].name, "worker_pool");
    assert_eq!(
        calls[0].module.clone().unwrap().candidates.to_vec(),
        vec!["src/jobs_db".to_string()]
    );
}

#[test]
fn glob_import_of_catalogue_crate() {
    let f = facts("use sqlx::postgres::*;\nfn a() { let p = PgPool::connect_lazy(\"x\"); }");
    assert_eq!(only_client(&f).client, "sqlx-pool");
}

#[test]
fn reqwest_get_is_throwaway() {
    let f =
        facts("async fn h(Query(q): Query<Q>) { let body = reqwest::get(\"https://x\").await; }");
    let c = only_client(&f);
    assert_eq!(c.kind, crate::facts::ClientKind::Throwaway);
    assert_eq!(c.ctor, "reqwest::get()");
    // axum's `get` is not reqwest's.
    let f = facts("use axum::routing::get;\nfn r() { let x = get(h); }");
    assert!(f.clients.is_empty());
}

#[test]
fn guards_owner_and_module_cache() {
    let src = r#"
static CACHE: Mutex<Option<reqwest::Client>> = Mutex::new(None);
impl Api {
    fn init(&mut self) { self.client = reqwest::Client::new(); }
}
fn get() {
    let c = reqwest::Client::new();
    *CACHE.lock().unwrap() = Some(c);
}
"#;
    let f = facts(src);
    assert_eq!(f.clients[0].guard, Guard::Owner);
    assert_eq!(f.clients[1].guard, Guard::ModuleCache);
}

#[test]
fn tonic_service_methods_are_handlers() {
    let src = r#"
#[tonic::async_trait]
impl Greeter for MyGreeter {
    async fn say_hello(&self, request: Request<HelloRequest>) -> Result<Response<HelloReply>, Status> {
        let c = reqwest::Client::new();
        todo!()
    }
}
"#;
    let f = facts_with("src/server.rs", &["tonic", "reqwest"], src);
    assert_eq!(only_client(&f).scope.framework(), "tonic");
    assert!(f.functions[0].exported);
    // A trait of another crate of the workspace, not one tonic generates (`*_server`): its
    // methods run when the code calls them.
    let own = r#"
use usage_reporting::BatchPublisher;
#[async_trait::async_trait]
impl BatchPublisher for CoreBatchPublisher {
    async fn publish(&self, batch: Vec<u8>) {
        let c = reqwest::Client::new();
    }
}
"#;
    let f = facts_with(
        "src/publisher.rs",
        &["tonic", "reqwest", "usage_reporting"],
        own,
    );
    assert_ne!(only_client(&f).scope.framework(), "tonic");
    // A bare name beside a glob import of another crate's prelude is that prelude's trait.
    let prelude = r#"
use tremor_connectors::sink::prelude::*;
#[async_trait::async_trait]
impl Connector for GcsStreamer {
    async fn create_sink(&mut self) {
        let c = reqwest::Client::new();
    }
}
"#;
    let f = facts_with(
        "src/streamer.rs",
        &["tonic", "reqwest", "tremor_connectors"],
        prelude,
    );
    assert_ne!(only_client(&f).scope.framework(), "tonic");
}

#[test]
fn type_method_calls_are_call_sites() {
    let src = r#"
use crate::github::GithubClient;
struct Local;
impl Local { fn new() -> Self { Local } }
async fn h(Json(b): Json<B>) {
    let gh = GithubClient::new();
    let l = Local::new();
    let s = String::new();
}
"#;
    let f = facts(src);
    let calls: Vec<(&str, Option<Vec<String>>)> = f
        .calls
        .iter()
        .map(|c| {
            (
                c.callee.as_str(),
                c.module.clone().map(|m| m.candidates.to_vec()),
            )
        })
        .collect();
    assert_eq!(
        calls,
        vec![
            ("GithubClient::new", Some(vec!["src/github".to_string()])),
            ("Local::new", None)
        ]
    );
}

#[test]
fn syntax_error_is_a_parse_error() {
    let file = SourceFile::in_memory(
        "src/lib.rs",
        "fn main() {\n  let x = ;\n}\n",
        Arc::new(Project::with_deps(&[])),
    )
    .unwrap();
    let cat = Catalog::builtin().unwrap();
    let err = extract(&file, &cat.rs).unwrap_err();
    assert!(
        err.message
            .starts_with("Rust syntax error (syn) at line 2, column 11: expected an expression"),
        "{}",
        err.message
    );
    let span = err.span.unwrap();
    assert_eq!(line_of(&file.text, span), 2);
    let unbalanced = SourceFile::in_memory(
        "src/lib.rs",
        "fn a() {\n  f(1;\n}\n",
        Arc::new(Project::with_deps(&[])),
    )
    .unwrap();
    let err = extract(&unbalanced, &cat.rs).unwrap_err();
    assert!(
        err.message.contains("unbalanced delimiter"),
        "{}",
        err.message
    );
    // Extraction keeps working on the same thread after the spans were invalidated.
    let ok = facts("fn a() { let c = reqwest::Client::new(); }");
    assert_eq!(ok.clients.len(), 1);
}

#[test]
fn bom_and_unicode_spans() {
    let src = "\u{feff}fn a() { let é = reqwest::Client::new(); }";
    let f = facts(src);
    assert_eq!(&src[only_client(&f).span.range()], "reqwest::Client::new()");
}

#[test]
fn nested_closures_inherit_handler_and_release_in_closure() {
    let src = r#"
async fn h(State(s): State<S>) {
    tokio::spawn(async move {
        let pool = sqlx::PgPool::connect("x").await.unwrap();
        let f = || pool.close();
    });
}
"#;
    let f = facts(src);
    let c = only_client(&f);
    assert_eq!(c.scope.kind, ScopeKind::Handler);
    assert!(c.released);
}

#[test]
fn warp_filters_make_handlers_and_option_and_then_does_not() {
    let src = r#"
use warp::Filter;

async fn send(body: String) -> Result<impl warp::Reply, std::convert::Infallible> {
    let client = reqwest::Client::new();
    let _ = client.post("http://x").body(body).send().await;
    Ok(warp::reply())
}

fn retries(raw: Option<String>) -> Option<u32> {
    raw.and_then(parse)
}

fn parse(s: String) -> Option<u32> {
    let _c = reqwest::Client::new();
    s.parse().ok()
}

#[tokio::main]
async fn main() {
    let a = warp::path!("send").and(warp::body::json()).and_then(send);
    let b = warp::any().map(|| {
        let http = reqwest::Client::new();
        format!("{:?}", http)
    });
    warp::serve(a.or(b)).run(([0, 0, 0, 0], 8080)).await;
}
"#;
    let f = facts_with("src/main.rs", &["warp", "reqwest", "tokio"], src);
    let kinds: Vec<_> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework(), c.scope.name.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ScopeKind::Handler, "warp", Some("send")),
            (ScopeKind::Function, "", Some("parse")),
            (ScopeKind::Handler, "warp", None),
        ]
    );
}

#[test]
fn a_pool_managers_methods_run_per_pooled_connection_not_per_event() {
    let src = r#"
use deadpool::managed;
use other_lib::Handler;
struct RedisManager { client: redis::Client }
impl managed::Manager for RedisManager {
    async fn create(&self) -> Result<redis::aio::MultiplexedConnection, redis::RedisError> {
        self.client.get_multiplexed_tokio_connection().await
    }
}
struct Bot;
impl Handler for Bot {
    async fn create(&self) {
        let c = redis::Client::open("redis://x/").unwrap();
    }
}
"#;
    let f = facts_with("src/main.rs", &["deadpool", "redis", "other_lib"], src);
    let kinds: Vec<_> = f
        .functions
        .iter()
        .map(|func| (func.scope.kind, func.scope.framework().to_string()))
        .collect();
    // The pool's own `create` opens its connections as it needs them; another dependency's
    // trait method of the same name is still a callback, probably per event.
    assert_eq!(kinds[0], (ScopeKind::Startup, "pool-manager".to_string()));
    assert_eq!(kinds[1].0, ScopeKind::Handler);
}

#[test]
fn a_client_kept_through_a_wrapper_by_a_map_on_self_is_owned() {
    let src = r#"
struct Stores { map: std::collections::HashMap<String, Store> }
enum Store { Redis(redis::Client) }
impl Stores {
    fn parse(&mut self, ids: Vec<String>) {
        for id in ids {
            if let Some(db) = redis::Client::open(id.as_str()).ok() {
                self.map.insert(id, Store::Redis(db));
            }
            let lost = redis::Client::open("redis://x/").unwrap();
            lost.get_connection().ok();
        }
    }
}
"#;
    let f = facts_with("src/main.rs", &["redis"], src);
    let guards: Vec<_> = f
        .clients
        .iter()
        .filter(|c| c.ctor == "Client::open()")
        .map(|c| c.guard)
        .collect();
    assert_eq!(guards, vec![Guard::Owner, Guard::None], "{:#?}", f.clients);
}

#[test]
fn blocks_at_a_macros_top_level_are_code_where_it_stands() {
    let src = r#"
macro_rules! make { () => {{ let c = redis::Client::open("redis://x/").unwrap(); c }}; }
async fn serve(ctx: Ctx) {
    loop {
        msg! { ctx.recv().await?,
            m: String => { let c = redis::Client::open("redis://y/").unwrap(); };
            _: _ => ();
        }
    }
}
"#;
    let f = facts_with("src/main.rs", &["redis", "bastion"], src);
    // The arm's block runs in the loop, once per message; a `macro_rules!` template is no code.
    let c = only_client(&f);
    assert_eq!(c.scope.kind, ScopeKind::Loop);
    assert_eq!(line_of(src, c.span), 6);
}
