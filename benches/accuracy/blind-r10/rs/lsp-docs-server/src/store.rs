use serde::Deserialize;
use surrealdb::engine::remote::ws::{Client, Ws};
use surrealdb::opt::auth::Root;
use surrealdb::Surreal;

#[derive(Debug, Deserialize)]
struct DocRow {
    markdown: String,
}

/// Connects to the team's SurrealDB instance that holds rendered symbol docs.
pub async fn open() -> surrealdb::Result<Surreal<Client>> {
    let addr = std::env::var("DOCS_SURREAL_ADDR").unwrap_or_else(|_| "127.0.0.1:8000".into());
    let db = Surreal::new::<Ws>(addr).await?;
    db.signin(Root { username: "docs", password: "docs" }).await?;
    db.use_ns("lsp").use_db("docs").await?;
    Ok(db)
}

pub async fn doc_at(db: &Surreal<Client>, uri: String, line: u32) -> surrealdb::Result<Option<String>> {
    let mut res = db
        .query("SELECT markdown FROM symbol_doc WHERE uri = $uri AND line = $line LIMIT 1")
        .bind(("uri", uri))
        .bind(("line", line))
        .await?;
    let row: Option<DocRow> = res.take(0)?;
    Ok(row.map(|r| r.markdown))
}
