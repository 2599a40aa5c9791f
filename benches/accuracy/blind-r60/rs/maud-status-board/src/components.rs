//! maud components. `Render::render` runs every time a component is
//! interpolated into a page.

use crate::history::DayUptime;
use maud::{html, Markup, Render, DOCTYPE};
use redis::Commands;

#[derive(Debug, sqlx::FromRow)]
pub struct Service {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub status: String,
}

pub fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html {
            head {
                meta charset="utf-8";
                title { (title) }
                link rel="stylesheet" href="/static/board.css";
            }
            body {
                h1 { (title) }
                (body)
            }
        }
    }
}

pub struct ServiceTile<'a>(pub &'a Service);

impl Render for ServiceTile<'_> {
    fn render(&self) -> Markup {
        let svc = self.0;
        // Open incidents are tracked by the on-call bot in a Redis set per service.
        let open_incidents: usize = redis::Client::open(
            std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        )
        .and_then(|client| client.get_connection())
        .and_then(|mut conn| conn.scard(format!("incidents:open:{}", svc.slug)))
        .unwrap_or(0);

        html! {
            a.tile href={ "/service/" (svc.slug) } data-status=(svc.status) {
                span.name { (svc.name) }
                span.status { (svc.status) }
                @if open_incidents > 0 {
                    span.badge { (open_incidents) " open" }
                }
            }
        }
    }
}

pub struct UptimeBars<'a>(pub &'a [DayUptime]);

impl Render for UptimeBars<'_> {
    fn render(&self) -> Markup {
        html! {
            div.bars {
                @for d in self.0 {
                    @let pct = d.uptime_pct;
                    span.bar
                        title={ (d.day.format("%Y-%m-%d")) ": " (format!("{pct:.2}")) "%" }
                        data-level=(if pct >= 99.9 { "ok" } else if pct >= 99.0 { "degraded" } else { "down" }) {}
                }
            }
        }
    }
}
