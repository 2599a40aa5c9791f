use anyhow::Context;
use graphile_worker::{IntoTaskHandlerResult, TaskHandler, WorkerContext};
use serde::{Deserialize, Serialize};

/// Transactional e-mail API handle, registered once as a worker extension.
#[derive(Clone)]
pub struct Mailer {
    pub http: reqwest::Client,
    pub api_url: String,
    pub api_key: String,
}

#[derive(Deserialize, Serialize)]
pub struct SendWelcomeEmail {
    pub user_id: i64,
    pub email: String,
    pub name: String,
}

impl SendWelcomeEmail {
    async fn send(self, ctx: &WorkerContext) -> anyhow::Result<()> {
        let mailer = ctx
            .get_ext::<Mailer>()
            .context("Mailer extension not registered")?;

        mailer
            .http
            .post(&mailer.api_url)
            .bearer_auth(&mailer.api_key)
            .json(&serde_json::json!({
                "to": self.email,
                "template": "welcome",
                "vars": { "name": self.name },
            }))
            .send()
            .await?
            .error_for_status()?;

        sqlx::query("UPDATE users SET welcome_sent_at = now() WHERE id = $1")
            .bind(self.user_id)
            .execute(ctx.pg_pool())
            .await?;
        Ok(())
    }
}

impl TaskHandler for SendWelcomeEmail {
    const IDENTIFIER: &'static str = "send_welcome_email";

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        self.send(&ctx).await.map_err(|e| format!("{e:#}"))
    }
}
