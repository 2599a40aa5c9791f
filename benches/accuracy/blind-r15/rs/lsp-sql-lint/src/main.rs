mod db;
mod handlers;

use lsp_server::{Connection, Message};
use lsp_types::{CompletionOptions, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind};

fn main() -> Result<(), Box<dyn std::error::Error + Sync + Send>> {
    let (connection, io_threads) = Connection::stdio();

    let caps = serde_json::to_value(ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        completion_provider: Some(CompletionOptions::default()),
        ..Default::default()
    })?;
    let _init_params = connection.initialize(caps)?;

    let dsn = std::env::var("SQLLINT_DSN")
        .unwrap_or_else(|_| "host=localhost user=dev dbname=app".to_owned());
    let pool = db::pool(&dsn, 8)?;
    let mut state = handlers::State::new(pool, dsn);

    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    break;
                }
                let resp = handlers::on_request(&mut state, req);
                connection.sender.send(Message::Response(resp))?;
            }
            Message::Notification(not) => {
                for out in handlers::on_notification(&mut state, not) {
                    connection.sender.send(Message::Notification(out))?;
                }
            }
            Message::Response(_) => {}
        }
    }

    io_threads.join()?;
    Ok(())
}
