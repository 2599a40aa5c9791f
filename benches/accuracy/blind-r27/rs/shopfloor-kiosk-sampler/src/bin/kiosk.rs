//! Keypad kiosk: operators type a part number on the numeric keypad and press
//! Enter; the screen shows bin location and stock. Runs all shift long.

use std::io::{stdin, stdout, Write};

use termion::event::Key;
use termion::input::TermRead;
use termion::raw::IntoRawMode;
use termion::{clear, cursor};

use shopfloor::db::{self, PgPool};

fn lookup(pool: &PgPool, part: &str) -> anyhow::Result<Option<(String, String, i64)>> {
    let mut conn = pool.get()?;
    let row = conn.query_opt(
        "SELECT p.description, b.location, b.qty
           FROM parts p JOIN bins b ON b.part_id = p.id
          WHERE p.number = $1
          ORDER BY b.qty DESC
          LIMIT 1",
        &[&part],
    )?;
    Ok(row.map(|r| (r.get(0), r.get(1), r.get(2))))
}

fn draw(out: &mut impl Write, typed: &str, message: &str) -> std::io::Result<()> {
    write!(out, "{}{}PART LOOKUP  (Esc to quit)\r\n\r\n", clear::All, cursor::Goto(1, 1))?;
    write!(out, "  part no: {typed}_\r\n\r\n  {message}\r\n")?;
    out.flush()
}

fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(2)?;
    let station = shopfloor::station_id();

    let mut out = stdout().into_raw_mode()?;
    let mut typed = String::new();
    let mut message = format!("station {station} ready");
    draw(&mut out, &typed, &message)?;

    for key in stdin().keys() {
        match key? {
            Key::Char('\n') if !typed.is_empty() => {
                message = match lookup(&pool, &typed) {
                    Ok(Some((desc, loc, qty))) => format!("{desc}: bin {loc}, {qty} on hand"),
                    Ok(None) => format!("part {typed} not found"),
                    Err(e) => format!("lookup failed: {e}"),
                };
                typed.clear();
            }
            Key::Char(c) if c.is_ascii_alphanumeric() || c == '-' => typed.push(c.to_ascii_uppercase()),
            Key::Backspace => {
                typed.pop();
            }
            Key::Esc | Key::Ctrl('c') => break,
            _ => continue,
        }
        draw(&mut out, &typed, &message)?;
    }
    write!(out, "{}{}", clear::All, cursor::Goto(1, 1))?;
    Ok(())
}
