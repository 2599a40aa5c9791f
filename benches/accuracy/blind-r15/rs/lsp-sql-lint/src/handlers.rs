use std::collections::HashMap;

use lsp_server::{ErrorCode, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{Completion, Request as _};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Diagnostic,
    DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, Position, PublishDiagnosticsParams, Range, Url,
};

use crate::db::{self, PgConn, PgPool};

pub struct State {
    pool: PgPool,
    dsn: String,
    docs: HashMap<Url, String>,
    sessions: HashMap<Url, PgConn>,
}

impl State {
    pub fn new(pool: PgPool, dsn: String) -> Self {
        Self { pool, dsn, docs: HashMap::new(), sessions: HashMap::new() }
    }
}

/// `-- schema: billing` on any line selects the schema the file is checked against.
fn schema_hint(text: &str) -> String {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("-- schema:").map(|s| s.trim().to_owned()))
        .unwrap_or_else(|| "public".to_owned())
}

pub fn on_request(state: &mut State, req: Request) -> Response {
    if req.method != Completion::METHOD {
        return Response::new_err(req.id, ErrorCode::MethodNotFound as i32, format!("unsupported: {}", req.method));
    }
    let params: CompletionParams = match serde_json::from_value(req.params) {
        Ok(p) => p,
        Err(e) => return Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
    };
    match complete(state, &params) {
        Ok(items) => Response::new_ok(req.id, CompletionResponse::Array(items)),
        Err(e) => Response::new_err(req.id, ErrorCode::InternalError as i32, e.to_string()),
    }
}

fn complete(state: &mut State, params: &CompletionParams) -> Result<Vec<CompletionItem>, postgres::Error> {
    let uri = &params.text_document_position.text_document.uri;
    let schema = schema_hint(state.docs.get(uri).map(String::as_str).unwrap_or(""));

    // catalog lookups use their own connection so they never inherit a document's search_path
    let mut client = db::connect(&state.dsn)?;
    let rows = client.query(
        "SELECT table_name, column_name, data_type FROM information_schema.columns \
         WHERE table_schema = $1 ORDER BY table_name, ordinal_position",
        &[&schema],
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            let (table, column, ty): (String, String, String) = (r.get(0), r.get(1), r.get(2));
            CompletionItem {
                label: format!("{table}.{column}"),
                kind: Some(CompletionItemKind::FIELD),
                detail: Some(ty),
                ..Default::default()
            }
        })
        .collect())
}

pub fn on_notification(state: &mut State, not: Notification) -> Vec<Notification> {
    match not.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(not.params) else { return vec![] };
            let uri = p.text_document.uri;
            let schema = schema_hint(&p.text_document.text);
            state.docs.insert(uri.clone(), p.text_document.text);
            // each open file gets a session of its own so its search_path sticks between checks
            match state.pool.get() {
                Ok(mut conn) => {
                    let _ = conn.batch_execute(&format!("SET search_path TO {schema}"));
                    state.sessions.insert(uri.clone(), conn);
                }
                Err(e) => eprintln!("sqllint: no session for {uri}: {e}"),
            }
            vec![lint(state, &uri)]
        }
        DidChangeTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(not.params) else { return vec![] };
            let uri = p.text_document.uri;
            if let Some(change) = p.content_changes.into_iter().last() {
                state.docs.insert(uri.clone(), change.text);
            }
            vec![lint(state, &uri)]
        }
        DidCloseTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(not.params) else { return vec![] };
            state.docs.remove(&p.text_document.uri);
            vec![publish(p.text_document.uri, Vec::new())]
        }
        _ => vec![],
    }
}

fn lint(state: &mut State, uri: &Url) -> Notification {
    let mut diagnostics = Vec::new();
    if let (Some(text), Some(conn)) = (state.docs.get(uri), state.sessions.get_mut(uri)) {
        let mut line = 0u32;
        for stmt in text.split(';') {
            let sql = stmt.trim();
            if !sql.is_empty() {
                if let Err(e) = conn.execute(format!("EXPLAIN {sql}").as_str(), &[]) {
                    diagnostics.push(Diagnostic {
                        range: Range::new(Position::new(line, 0), Position::new(line, 1)),
                        severity: Some(DiagnosticSeverity::ERROR),
                        source: Some("sqllint".into()),
                        message: e.to_string(),
                        ..Default::default()
                    });
                }
            }
            line += stmt.matches('\n').count() as u32;
        }
    }
    publish(uri.clone(), diagnostics)
}

fn publish(uri: Url, diagnostics: Vec<Diagnostic>) -> Notification {
    Notification::new(
        PublishDiagnostics::METHOD.to_owned(),
        PublishDiagnosticsParams { uri, diagnostics, version: None },
    )
}
