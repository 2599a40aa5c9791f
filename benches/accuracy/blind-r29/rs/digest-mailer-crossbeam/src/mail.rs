//! SMTP delivery through one pooled transport.

use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::PoolConfig;
use lettre::{Message, SmtpTransport, Transport};

pub struct Mailer {
    transport: SmtpTransport,
    from: String,
}

impl Mailer {
    /// Built once in main.
    pub fn from_env() -> anyhow::Result<Self> {
        let host = std::env::var("SMTP_HOST")?;
        let user = std::env::var("SMTP_USER")?;
        let pass = std::env::var("SMTP_PASSWORD")?;
        let transport = SmtpTransport::relay(&host)?
            .credentials(Credentials::new(user, pass))
            .pool_config(PoolConfig::new().max_size(2))
            .build();
        let from = std::env::var("DIGEST_FROM").unwrap_or_else(|_| "digest@example.com".into());
        Ok(Self { transport, from })
    }

    pub fn send_digest(&self, to: &str, tenant: &str, lines: &[String]) -> anyhow::Result<()> {
        let email = Message::builder()
            .from(self.from.parse()?)
            .to(to.parse()?)
            .subject(format!("[{tenant}] activity digest"))
            .header(ContentType::TEXT_PLAIN)
            .body(lines.join("\n"))?;
        self.transport.send(&email)?;
        Ok(())
    }
}
