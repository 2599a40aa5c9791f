use deadpool_postgres::Pool;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
pub struct EmailJob {
    pub template: String,
    pub user_id: i64,
}

#[derive(Serialize)]
struct SendRequest<'a> {
    to: &'a str,
    template_alias: &'a str,
    model: serde_json::Value,
}

pub struct Mailer {
    pub pool: Pool,
    pub http: reqwest::Client,
    pub api_base: String,
    pub api_token: String,
}

impl Mailer {
    /// Runs once per delivery; borrows a connection from the shared pool for
    /// the lookup and hands it back when `client` goes out of scope.
    pub async fn deliver(&self, job: &EmailJob) -> anyhow::Result<()> {
        let (email, name): (String, String) = {
            let client = self.pool.get().await?;
            let row = client
                .query_one("SELECT email, display_name FROM users WHERE id = $1", &[&job.user_id])
                .await?;
            (row.get(0), row.get(1))
        };

        self.http
            .post(format!("{}/email/withTemplate", self.api_base))
            .header("X-Postmark-Server-Token", &self.api_token)
            .json(&SendRequest {
                to: &email,
                template_alias: &job.template,
                model: serde_json::json!({ "name": name }),
            })
            .send()
            .await?
            .error_for_status()?;

        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO email_log (user_id, template, sent_at) VALUES ($1, $2, now())",
                &[&job.user_id, &job.template],
            )
            .await?;
        Ok(())
    }
}
