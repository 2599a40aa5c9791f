//! Full-screen console that runs on the pick-station thin clients in the
//! warehouse (auto-login on tty1, restarted by systemd). A picker scans a tote,
//! the console shows the next pick; keys:
//!   n  next pick       c  confirm pick      s  short-pick (not enough stock)
//!   p  print shipping label for the tote

mod inventory;
mod labels;

use std::error::Error;

use mysql::prelude::Queryable;
use pancurses::{curs_set, endwin, initscr, noecho, Input};

fn main() {
    if let Err(e) = run() {
        endwin();
        eprintln!("pickstation console crashed: {}", e);
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let station = std::env::var("STATION_ID").unwrap_or_else(|_| "PS-01".into());
    let printer_url = std::env::var("LABEL_PRINTER_URL")
        .unwrap_or_else(|_| "http://zebra-gw.local/print".into());

    let inventory_pool = inventory::open()?;
    let label_pool = labels::open()?;

    let mut conn = inventory_pool.get_conn()?;

    let window = initscr();
    window.keypad(true);
    noecho();
    curs_set(0);
    window.timeout(500);

    let mut current: Option<inventory::Pick> = None;
    let mut status = format!("station {} ready - press n for the next pick", station);

    loop {
        window.clear();
        window.mvprintw(0, 0, &format!("PICK STATION {}", station));
        if let Some(p) = &current {
            window.mvprintw(2, 0, &format!("tote   {}", p.tote));
            window.mvprintw(3, 0, &format!("sku    {}", p.sku));
            window.mvprintw(4, 0, &format!("bin    {}", p.bin));
            window.mvprintw(5, 0, &format!("qty    {}", p.qty));
        }
        window.mvprintw(8, 0, &status);
        window.refresh();

        match window.getch() {
            Some(Input::Character('n')) => {
                current = inventory::next_pick(&mut conn, &station)?;
                status = match &current {
                    Some(_) => "go to bin".into(),
                    None => "no open picks".into(),
                };
            }
            Some(Input::Character('c')) => {
                if let Some(p) = current.take() {
                    inventory::confirm(&mut conn, &p)?;
                    status = format!("picked {} x {}", p.qty, p.sku);
                }
            }
            Some(Input::Character('s')) => {
                if let Some(p) = current.take() {
                    conn.exec_drop(
                        "UPDATE picks SET state = 'short', updated_at = NOW() WHERE id = ?",
                        (p.id,),
                    )?;
                    status = format!("short pick recorded for {}", p.sku);
                }
            }
            Some(Input::Character('p')) => {
                if let Some(p) = &current {
                    let zpl = labels::render_for_tote(&label_pool, &p.tote)?;
                    let printer = reqwest::blocking::Client::new();
                    let res = printer
                        .post(&printer_url)
                        .json(&serde_json::json!({ "station": station, "zpl": zpl }))
                        .send();
                    status = match res {
                        Ok(r) if r.status().is_success() => "label sent to printer".into(),
                        Ok(r) => format!("printer said {}", r.status()),
                        Err(e) => format!("printer unreachable: {}", e),
                    };
                }
            }
            Some(Input::KeyResize) => {
                pancurses::resize_term(0, 0);
            }
            _ => {}
        }
    }
}
