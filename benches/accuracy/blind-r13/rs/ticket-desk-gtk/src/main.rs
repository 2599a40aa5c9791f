mod api;

use std::sync::OnceLock;

use gtk::prelude::*;
use gtk::{glib, Application, ApplicationWindow, Box as GtkBox, Button, Entry, Label, Orientation};
use sqlx::sqlite::{SqlitePool, SqlitePoolOptions};
use tokio::runtime::Runtime;

const APP_ID: &str = "com.example.TicketDesk";

fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| Runtime::new().expect("tokio runtime"))
}

fn main() -> anyhow::Result<glib::ExitCode> {
    // Both clients are built once, before the GTK main loop starts.
    let http = api::HelpdeskApi::new(std::env::var("HELPDESK_URL")?, std::env::var("HELPDESK_TOKEN")?)?;
    let cache: SqlitePool = runtime().block_on(
        SqlitePoolOptions::new()
            .max_connections(2)
            .connect("sqlite://ticket-cache.db?mode=rwc"),
    )?;

    let app = Application::builder().application_id(APP_ID).build();
    app.connect_activate(move |app| build_ui(app, http.clone(), cache.clone()));
    Ok(app.run())
}

fn build_ui(app: &Application, http: api::HelpdeskApi, cache: SqlitePool) {
    let ticket_entry = Entry::builder().placeholder_text("Ticket #").build();
    let lookup = Button::with_label("Look up");
    let close = Button::with_label("Close ticket");
    let details = Label::new(Some("No ticket loaded"));

    let column = GtkBox::new(Orientation::Vertical, 8);
    column.append(&ticket_entry);
    column.append(&lookup);
    column.append(&close);
    column.append(&details);

    {
        let http = http.clone();
        let cache = cache.clone();
        let ticket_entry = ticket_entry.clone();
        let details = details.clone();
        lookup.connect_clicked(move |_| {
            let id = ticket_entry.text().to_string();
            let http = http.clone();
            let cache = cache.clone();
            let details = details.clone();
            glib::spawn_future_local(async move {
                let fetched = runtime()
                    .spawn(async move {
                        let ticket = http.ticket(&id).await?;
                        sqlx::query("INSERT OR REPLACE INTO tickets (id, subject, status) VALUES (?, ?, ?)")
                            .bind(&ticket.id)
                            .bind(&ticket.subject)
                            .bind(&ticket.status)
                            .execute(&cache)
                            .await?;
                        anyhow::Ok(ticket)
                    })
                    .await;
                match fetched {
                    Ok(Ok(t)) => details.set_text(&format!("{} — {} [{}]", t.id, t.subject, t.status)),
                    Ok(Err(e)) => details.set_text(&format!("lookup failed: {e}")),
                    Err(e) => details.set_text(&format!("task panicked: {e}")),
                }
            });
        });
    }

    {
        let http = http.clone();
        let details = details.clone();
        close.connect_clicked(move |button| {
            let id = ticket_entry.text().to_string();
            let http = http.clone();
            let details = details.clone();
            button.set_sensitive(false);
            glib::spawn_future_local(glib::clone!(
                #[weak]
                button,
                async move {
                    let res = runtime().spawn(async move { http.close_ticket(&id).await }).await;
                    details.set_text(match res {
                        Ok(Ok(())) => "closed",
                        _ => "close failed",
                    });
                    button.set_sensitive(true);
                }
            ));
        });
    }

    let window = ApplicationWindow::builder()
        .application(app)
        .title("Ticket desk")
        .default_width(420)
        .child(&column)
        .build();
    window.present();
}
