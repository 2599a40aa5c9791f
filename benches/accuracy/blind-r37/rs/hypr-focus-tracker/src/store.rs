use chrono::{DateTime, Utc};
use postgres::{Client, NoTls};

#[derive(Clone, Debug)]
pub struct FocusRow {
    pub user: String,
    pub app_class: String,
    pub title: String,
    pub started_at: DateTime<Utc>,
}

impl FocusRow {
    pub fn start(user: &str, app_class: &str, title: &str) -> Self {
        Self {
            user: user.to_string(),
            app_class: app_class.to_string(),
            title: title.chars().take(200).collect(),
            started_at: Utc::now(),
        }
    }
}

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("TRACKER_DATABASE_URL")
        .unwrap_or_else(|_| "host=/run/postgresql user=tracker dbname=timetrack".into());
    Client::connect(&url, NoTls)
}

pub fn close_span(
    db: &mut Client,
    row: &FocusRow,
    ended_at: DateTime<Utc>,
) -> Result<u64, postgres::Error> {
    db.execute(
        "INSERT INTO focus_spans (username, app_class, title, started_at, ended_at)
         VALUES ($1, $2, $3, $4, $5)",
        &[&row.user, &row.app_class, &row.title, &row.started_at, &ended_at],
    )
}
