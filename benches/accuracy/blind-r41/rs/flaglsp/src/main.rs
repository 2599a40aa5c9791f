mod db;

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::Arc;

use async_lsp::client_monitor::ClientProcessMonitorLayer;
use async_lsp::concurrency::ConcurrencyLayer;
use async_lsp::panic::CatchUnwindLayer;
use async_lsp::router::Router;
use async_lsp::server::LifecycleLayer;
use async_lsp::tracing::TracingLayer;
use async_lsp::{ClientSocket, ErrorCode, LanguageClient, ResponseError};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Initialized,
};
use lsp_types::request::{ExecuteCommand, HoverRequest, Initialize};
use lsp_types::*;
use serde_json::json;
use sqlx::pool::PoolConnection;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres};
use tokio::sync::Mutex;
use tower::ServiceBuilder;

struct ServerState {
    client: ClientSocket,
    docs: HashMap<Url, String>,
    database_url: String,
    registry_url: String,
    pool: PgPool,
    locks: Arc<Mutex<HashMap<String, PoolConnection<Postgres>>>>,
}

fn internal(e: impl std::fmt::Display) -> ResponseError {
    ResponseError::new(ErrorCode::INTERNAL_ERROR, e.to_string())
}

fn flag_at(text: &str, pos: Position) -> Option<String> {
    let line = text.lines().nth(pos.line as usize)?;
    let col = (pos.character as usize).min(line.len());
    let is_key = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-';
    let start = line[..col].rfind(|c| !is_key(c)).map(|i| i + 1).unwrap_or(0);
    let end = line[col..].find(|c| !is_key(c)).map(|i| col + i).unwrap_or(line.len());
    (start < end).then(|| line[start..end].to_string())
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(true) })),
            ..Default::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec!["flagctl.lockFlag".into()],
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tracing_subscriber::fmt().with_writer(std::io::stderr).with_ansi(false).init();

    let database_url = std::env::var("FLAGS_DATABASE_URL").expect("FLAGS_DATABASE_URL is required");
    let registry_url =
        std::env::var("FLAG_REGISTRY_URL").unwrap_or_else(|_| "https://flags.internal.example.com".into());
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect_lazy(&database_url)
        .expect("FLAGS_DATABASE_URL is not a valid postgres url");

    let (server, _) = async_lsp::MainLoop::new_server(|client| {
        let mut router = Router::new(ServerState {
            client: client.clone(),
            docs: HashMap::new(),
            database_url,
            registry_url,
            pool,
            locks: Arc::new(Mutex::new(HashMap::new())),
        });
        router
            .request::<Initialize, _>(|_, _params| async move {
                Ok(InitializeResult { capabilities: capabilities(), server_info: None })
            })
            .request::<HoverRequest, _>(|st, params| {
                let pos = params.text_document_position_params;
                let key = st.docs.get(&pos.text_document.uri).and_then(|t| flag_at(t, pos.position));
                let database_url = st.database_url.clone();
                async move {
                    let Some(key) = key else { return Ok(None) };
                    let pool = db::connect(&database_url).await.map_err(internal)?;
                    let row: Option<db::FlagRow> = sqlx::query_as(
                        "SELECT rollout_pct, owner, updated_by FROM feature_flags WHERE key = $1",
                    )
                    .bind(&key)
                    .fetch_optional(&pool)
                    .await
                    .map_err(internal)?;
                    let value = match row {
                        Some(r) => format!("**{key}** — {}% rollout\n\nowner: {} · last change: {}", r.rollout_pct, r.owner, r.updated_by),
                        None => format!("**{key}** is not registered in the flag store"),
                    };
                    Ok(Some(Hover {
                        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }),
                        range: None,
                    }))
                }
            })
            .request::<ExecuteCommand, _>(|st, params| {
                let pool = st.pool.clone();
                let locks = st.locks.clone();
                async move {
                    if params.command != "flagctl.lockFlag" {
                        return Err(ResponseError::new(ErrorCode::INVALID_PARAMS, "unknown command"));
                    }
                    let key = params.arguments.first().and_then(|v| v.as_str()).map(str::to_owned)
                        .ok_or_else(|| ResponseError::new(ErrorCode::INVALID_PARAMS, "flag key expected"))?;
                    let mut conn = pool.acquire().await.map_err(internal)?;
                    sqlx::query("SELECT pg_advisory_lock(hashtext($1))")
                        .bind(&key)
                        .execute(&mut *conn)
                        .await
                        .map_err(internal)?;
                    // keep the session alive so the advisory lock is held while the editor is open
                    locks.lock().await.insert(key.clone(), conn);
                    Ok(Some(json!({ "locked": key })))
                }
            })
            .notification::<Initialized>(|_, _| ControlFlow::Continue(()))
            .notification::<DidChangeConfiguration>(|_, _| ControlFlow::Continue(()))
            .notification::<DidOpenTextDocument>(|st, p| {
                st.docs.insert(p.text_document.uri, p.text_document.text);
                ControlFlow::Continue(())
            })
            .notification::<DidChangeTextDocument>(|st, mut p| {
                if let Some(change) = p.content_changes.pop() {
                    st.docs.insert(p.text_document.uri, change.text);
                }
                ControlFlow::Continue(())
            })
            .notification::<DidCloseTextDocument>(|st, p| {
                st.docs.remove(&p.text_document.uri);
                ControlFlow::Continue(())
            })
            .notification::<DidSaveTextDocument>(|st, p| {
                let uri = p.text_document.uri;
                let Some(text) = p.text.or_else(|| st.docs.get(&uri).cloned()) else {
                    return ControlFlow::Continue(());
                };
                let registry_url = st.registry_url.clone();
                let mut client = st.client.clone();
                tokio::spawn(async move {
                    let http = reqwest::Client::new();
                    let diagnostics = match http.post(format!("{registry_url}/v1/validate")).body(text).send().await {
                        Ok(resp) => resp.json::<Vec<Diagnostic>>().await.unwrap_or_default(),
                        Err(err) => {
                            tracing::warn!(%err, "flag registry unreachable");
                            Vec::new()
                        }
                    };
                    let _ = client.publish_diagnostics(PublishDiagnosticsParams { uri, diagnostics, version: None });
                });
                ControlFlow::Continue(())
            });

        ServiceBuilder::new()
            .layer(TracingLayer::default())
            .layer(LifecycleLayer::default())
            .layer(CatchUnwindLayer::default())
            .layer(ConcurrencyLayer::default())
            .layer(ClientProcessMonitorLayer::new(client))
            .service(router)
    });

    let (stdin, stdout) = (
        async_lsp::stdio::PipeStdin::lock_tokio().expect("stdin"),
        async_lsp::stdio::PipeStdout::lock_tokio().expect("stdout"),
    );
    server.run_buffered(stdin, stdout).await.expect("language server loop");
}
