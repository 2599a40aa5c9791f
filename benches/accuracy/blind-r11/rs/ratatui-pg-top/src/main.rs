//! `pgtop`: a terminal view of long-running queries on the primary, with a
//! key to cancel one and a key to post a note to the on-call webhook.

mod app;

use std::io;
use std::thread;
use std::time::{Duration, Instant};

use postgres::{Client, NoTls};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::DefaultTerminal;

use crate::app::App;

const TICK: Duration = Duration::from_secs(2);

fn connect_with_retry(dsn: &str) -> Result<Client, postgres::Error> {
    let mut attempt = 0;
    loop {
        match Client::connect(dsn, NoTls) {
            Ok(client) => break Ok(client),
            Err(err) if attempt < 5 => {
                attempt += 1;
                eprintln!("connect failed ({err}), retry {attempt}/5");
                thread::sleep(Duration::from_secs(attempt));
            }
            Err(err) => break Err(err),
        }
    }
}

fn main() -> io::Result<()> {
    let dsn = std::env::var("PGTOP_DSN").unwrap_or_else(|_| "host=localhost user=postgres".to_owned());
    let db = connect_with_retry(&dsn).map_err(io::Error::other)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .map_err(io::Error::other)?;

    let mut app = App::new(db, http);
    let mut terminal = ratatui::init();
    let result = run(&mut terminal, &mut app);
    ratatui::restore();
    result
}

fn run(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut last_refresh = Instant::now() - TICK;
    loop {
        if last_refresh.elapsed() >= TICK {
            app.refresh();
            last_refresh = Instant::now();
        }
        terminal.draw(|frame| app.render(frame))?;

        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        if let Event::Key(key) = event::read()? {
            if key.kind != KeyEventKind::Press {
                continue;
            }
            match key.code {
                KeyCode::Char('q') | KeyCode::Esc => return Ok(()),
                KeyCode::Down | KeyCode::Char('j') => app.next(),
                KeyCode::Up | KeyCode::Char('k') => app.previous(),
                KeyCode::Char('c') => app.cancel_selected(),
                KeyCode::Char('n') => app.notify_oncall(),
                KeyCode::Char('r') => app.refresh(),
                _ => {}
            }
        }
    }
}
