mod store;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use meilisearch_sdk::client::Client as MeiliClient;
use serde::Serialize;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

#[derive(Debug, Serialize)]
struct SymbolDoc {
    id: String,
    uri: String,
    name: String,
    line: u32,
}

struct Backend {
    client: Client,
    meili_url: String,
    meili_key: Option<String>,
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, _: InitializeParams) -> Result<InitializeResult> {
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(true),
                        })),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.client.log_message(MessageType::INFO, "docs-lsp ready").await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        let uri = pos.text_document.uri.to_string();

        let db = match store::open().await {
            Ok(db) => db,
            Err(e) => {
                self.client.log_message(MessageType::ERROR, format!("docs store: {e}")).await;
                return Ok(None);
            }
        };
        let doc = store::doc_at(&db, uri, pos.position.line).await.ok().flatten();

        Ok(doc.map(|markdown| Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
            range: None,
        }))
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let Some(text) = params.text else { return };
        let uri = params.text_document.uri.to_string();
        let docs = extract_symbols(&uri, &text);
        if docs.is_empty() {
            return;
        }

        let meili = match MeiliClient::new(&self.meili_url, self.meili_key.clone()) {
            Ok(c) => c,
            Err(e) => {
                self.client.log_message(MessageType::ERROR, format!("search: {e}")).await;
                return;
            }
        };
        if let Err(e) = meili.index("symbols").add_documents(&docs, Some("id")).await {
            self.client.log_message(MessageType::WARNING, format!("index symbols: {e}")).await;
        }
    }
}

fn extract_symbols(uri: &str, text: &str) -> Vec<SymbolDoc> {
    let mut h = DefaultHasher::new();
    uri.hash(&mut h);
    let file_id = h.finish();

    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let l = raw.trim_start();
            let rest = l.strip_prefix("pub fn ").or_else(|| l.strip_prefix("fn "))?;
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            Some(SymbolDoc { id: format!("{file_id:x}_{i}"), uri: uri.to_owned(), name, line: i as u32 })
        })
        .collect()
}

#[tokio::main]
async fn main() {
    let meili_url = std::env::var("MEILI_URL").unwrap_or_else(|_| "http://127.0.0.1:7700".into());
    let meili_key = std::env::var("MEILI_KEY").ok();

    let (service, socket) = LspService::new(|client| Backend { client, meili_url, meili_key });
    Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(service).await;
}
