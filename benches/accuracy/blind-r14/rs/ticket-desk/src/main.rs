mod app;
mod helpdesk;

use std::time::Duration;

use relm4::RelmApp;
use sqlx::postgres::PgPoolOptions;

use crate::app::{App, AppInit};

const DEFAULT_DB: &str =
    "postgres://postgres.xqkzvbnhtwlp:desk@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
    let _guard = rt.enter();

    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DB.to_string());
    let pool = rt.block_on(PgPoolOptions::new().max_connections(5).acquire_timeout(Duration::from_secs(5)).connect(&url))
        .expect("connect to ticket database");

    let init = AppInit {
        pool,
        replica_url: std::env::var("REPLICA_URL")
            .unwrap_or_else(|_| "postgres://desk_ro@reporting-replica.internal:5432/tickets".into()),
        helpdesk_base: std::env::var("HELPDESK_URL")
            .unwrap_or_else(|_| "https://helpdesk.example.com/api".into()),
        helpdesk_token: std::env::var("HELPDESK_TOKEN").unwrap_or_default(),
    };

    let app = RelmApp::new("com.example.TicketDesk");
    app.run::<App>(init);
}
