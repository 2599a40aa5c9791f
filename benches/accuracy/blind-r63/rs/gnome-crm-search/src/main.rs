//! D-Bus activated by gnome-shell the first time the Activities overview searches;
//! the process then stays on the session bus for the whole login session.

mod provider;

use anyhow::{Context, Result};

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let settings = provider::Settings {
        database_url: std::env::var("CRM_DATABASE_URL").context("CRM_DATABASE_URL")?,
        crm_base_url: std::env::var("CRM_BASE_URL")
            .unwrap_or_else(|_| "https://crm.acme.example".into()),
        crm_token: std::env::var("CRM_API_TOKEN").unwrap_or_default(),
    };

    let _conn = zbus::connection::Builder::session()?
        .name("com.acme.CrmSearch")?
        .serve_at("/com/acme/CrmSearch", provider::CrmSearch::new(settings))?
        .build()
        .await?;

    tracing::info!("crm search provider ready");
    std::future::pending::<()>().await;
    Ok(())
}
