//! What an app shares with its handlers, read for fixes (`state::read`).

use super::*;
use crate::lang::rust::state::{self, Content, Web};

fn read(text: &str, at: Option<&str>) -> (state::StateFacts, String) {
    let file =
        SourceFile::in_memory("src/main.rs", text, Arc::new(Project::with_deps(&[]))).unwrap();
    let at = at.map(|s| {
        let i = text.find(s).unwrap();
        Span::new(i, i + s.len())
    });
    (state::read(&file, at).unwrap(), text.to_string())
}

fn slice(text: &str, s: Span) -> &str {
    &text[s.start as usize..s.end as usize]
}

#[test]
fn axum_state_is_followed_through_lets_and_arc() {
    let src = r#"
use std::sync::Arc;
use axum::{extract::{Path, State}, Router};
use sqlx::postgres::PgPool;

pub struct AppState { pub db: PgPool, http: reqwest::Client }

async fn main() {
    let db = PgPool::connect(&url).await.unwrap();
    let http = reqwest::Client::new();
    let state = Arc::new(AppState { db: db.clone(), http });
    let app = Router::new().route("/", get(index)).with_state(state);
}
"#;
    let (f, text) = read(src, None);
    assert_eq!(
        f.uses.get("State").map(String::as_str),
        Some("axum::extract::State")
    );
    assert_eq!(
        f.uses.get("PgPool").map(String::as_str),
        Some("sqlx::postgres::PgPool")
    );
    let [s] = &f.states[..] else {
        panic!("{:?}", f.states)
    };
    assert_eq!(s.web, Web::Axum);
    assert_eq!(s.ty.as_deref(), Some("Arc<AppState>"));
    let Content::Struct { name, fields } = &s.content else {
        panic!()
    };
    assert_eq!(name, "AppState");
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), slice(&text, *v)))
        .collect();
    assert_eq!(
        fields,
        [
            ("db", "PgPool::connect(&url).await.unwrap()"),
            ("http", "reqwest::Client::new()")
        ]
    );
    assert_eq!(f.structs[0].fields[0], ("db".into(), "PgPool".into(), true));
    assert!(!f.structs[0].fields[1].2);
}

#[test]
fn actix_data_is_registered_state_and_a_bare_value_is_not() {
    let src = r#"
async fn main() {
    let pool: PgPool = PgPool::connect_lazy(&url).unwrap();
    let data = web::Data::new(pool.clone());
    HttpServer::new(move || App::new().app_data(data.clone()).app_data(pool.clone()))
}
"#;
    let (f, text) = read(src, None);
    let [s] = &f.states[..] else {
        panic!("{:?}", f.states)
    };
    assert_eq!(s.web, Web::Actix);
    assert_eq!(s.ty.as_deref(), Some("PgPool"));
    let Content::Value(v) = s.content else {
        panic!()
    };
    assert_eq!(slice(&text, v), "PgPool::connect_lazy(&url).unwrap()");
}

#[test]
fn a_handler_its_extractors_and_the_let_holding_the_construction() {
    let src = r#"
async fn orders(State(pool): State<PgPool>, Path(id): Path<i64>) -> String {
    let url = std::env::var("DATABASE_URL").unwrap();
    let other = PgPool::connect(&url).await.unwrap();
    String::new()
}
"#;
    let (f, text) = read(src, Some("PgPool::connect(&url)"));
    let h = f.handler.unwrap();
    assert_eq!(h.name, "orders");
    assert_eq!(&text[h.params_open..h.params_open + 5], "State");
    assert_eq!(h.params[0].binding.as_deref(), Some("pool"));
    assert_eq!(h.params[0].wrapper.as_deref(), Some("State"));
    assert_eq!(h.params[0].inner.as_deref(), Some("PgPool"));
    assert_eq!(h.params[1].wrapper.as_deref(), Some("Path"));
    let local = h.local.unwrap();
    assert_eq!(local.binding, "other");
    assert_eq!(
        slice(&text, local.init),
        "PgPool::connect(&url).await.unwrap()"
    );
    assert_eq!(f.extractors, [("State".to_string(), "PgPool".to_string())]);
}

#[test]
fn a_handler_in_an_inline_module_is_marked() {
    let src = "mod admin {\n    pub async fn stats() {\n        let p = PgPool::connect(URL).await.unwrap();\n    }\n}\n";
    let (f, _) = read(src, Some("PgPool::connect(URL)"));
    let h = f.handler.unwrap();
    assert!(h.in_mod);
    assert!(h.params.is_empty());
    assert_eq!(h.local.unwrap().binding, "p");
}

#[test]
fn a_state_passed_in_as_a_parameter_has_its_type() {
    let src = "mod state;\nuse state::AppState;\nfn app(state: AppState) -> Router {\n    Router::new().with_state(state)\n}\n";
    let (f, _) = read(src, None);
    assert_eq!(f.mods, ["state"]);
    assert_eq!(
        f.uses.get("AppState").map(String::as_str),
        Some("state::AppState")
    );
    let [s] = &f.states[..] else {
        panic!("{:?}", f.states)
    };
    assert_eq!(s.ty.as_deref(), Some("AppState"));
    assert!(matches!(s.content, Content::Value(_)));
}

/// A reqwest client built with a cookie jar of its own (the catalogue's `session_calls`) is one
/// session's, built per session by design: no client site. One without a jar is a client.
#[test]
fn a_client_with_its_own_cookie_jar_is_a_session() {
    let text = r#"
async fn check(body: String) {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let a = reqwest::Client::builder().cookie_provider(jar.clone()).build().unwrap();
    let b = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let c = reqwest::Client::builder().https_only(true).build().unwrap();
}
"#;
    let f = facts_with("src/main.rs", &["reqwest"], text);
    assert_eq!(f.clients.len(), 1, "{:#?}", f.clients);
    assert!(text[f.clients[0].span.range()].contains("https_only"));
}
