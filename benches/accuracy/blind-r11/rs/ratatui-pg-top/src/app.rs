use postgres::Client;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, TableState};
use ratatui::Frame;

pub struct Activity {
    pid: i32,
    user: String,
    seconds: f64,
    query: String,
}

/// Holds the single Postgres session and the HTTP client that `main`
/// created before entering the event loop.
pub struct App {
    db: Client,
    http: reqwest::blocking::Client,
    rows: Vec<Activity>,
    table: TableState,
    status: String,
}

impl App {
    pub fn new(db: Client, http: reqwest::blocking::Client) -> Self {
        Self { db, http, rows: Vec::new(), table: TableState::default(), status: String::new() }
    }

    pub fn refresh(&mut self) {
        let res = self.db.query(
            "SELECT pid, usename::text, extract(epoch FROM now() - query_start)::float8, left(query, 120) \
             FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() \
             ORDER BY query_start LIMIT 50",
            &[],
        );
        match res {
            Ok(rows) => {
                self.rows = rows
                    .iter()
                    .map(|r| Activity { pid: r.get(0), user: r.get(1), seconds: r.get(2), query: r.get(3) })
                    .collect();
                self.status = format!("{} active", self.rows.len());
            }
            Err(err) => self.status = format!("query failed: {err}"),
        }
    }

    pub fn next(&mut self) {
        let i = self.table.selected().map_or(0, |i| (i + 1).min(self.rows.len().saturating_sub(1)));
        self.table.select(Some(i));
    }

    pub fn previous(&mut self) {
        let i = self.table.selected().map_or(0, |i| i.saturating_sub(1));
        self.table.select(Some(i));
    }

    fn selected(&self) -> Option<&Activity> {
        self.table.selected().and_then(|i| self.rows.get(i))
    }

    pub fn cancel_selected(&mut self) {
        let Some(pid) = self.selected().map(|a| a.pid) else { return };
        self.status = match self.db.query_one("SELECT pg_cancel_backend($1)", &[&pid]) {
            Ok(row) if row.get::<_, bool>(0) => format!("cancelled {pid}"),
            Ok(_) => format!("{pid} already finished"),
            Err(err) => format!("cancel failed: {err}"),
        };
    }

    pub fn notify_oncall(&mut self) {
        let Some(a) = self.selected() else { return };
        let text = format!("pgtop: pid {} ({}) running {:.0}s: {}", a.pid, a.user, a.seconds, a.query);
        let hook = std::env::var("ONCALL_WEBHOOK").unwrap_or_default();
        self.status = match self.http.post(hook).json(&serde_json::json!({ "text": text })).send() {
            Ok(resp) if resp.status().is_success() => "on-call notified".to_owned(),
            Ok(resp) => format!("webhook returned {}", resp.status()),
            Err(err) => format!("webhook failed: {err}"),
        };
    }

    pub fn render(&mut self, frame: &mut Frame) {
        let [main, footer] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(frame.area());
        let rows = self.rows.iter().map(|a| {
            Row::new(vec![a.pid.to_string(), a.user.clone(), format!("{:.1}", a.seconds), a.query.clone()])
        });
        let table = Table::new(
            rows,
            [Constraint::Length(8), Constraint::Length(12), Constraint::Length(8), Constraint::Fill(1)],
        )
        .header(Row::new(vec!["pid", "user", "secs", "query"]).style(Style::new().add_modifier(Modifier::BOLD)))
        .block(Block::default().borders(Borders::ALL).title("pg_stat_activity"))
        .highlight_style(Style::new().add_modifier(Modifier::REVERSED));
        frame.render_stateful_widget(table, main, &mut self.table);
        frame.render_widget(Paragraph::new(self.status.as_str()), footer);
    }
}
