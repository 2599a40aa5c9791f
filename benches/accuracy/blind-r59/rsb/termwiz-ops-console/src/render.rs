//! Screen drawing with termwiz changes, flushed as one diff per frame.

use anyhow::Result;
use termwiz::cell::AttributeChange;
use termwiz::color::{AnsiColor, ColorAttribute};
use termwiz::surface::{Change, Position};
use termwiz::terminal::buffered::BufferedTerminal;
use termwiz::terminal::Terminal;

use crate::backend::Board;

pub fn draw<T: Terminal>(
    buf: &mut BufferedTerminal<T>,
    dock: &str,
    board: &Board,
    selected: usize,
    status: &str,
) -> Result<()> {
    buf.add_change(Change::ClearScreen(Default::default()));
    buf.add_change(AttributeChange::Intensity(termwiz::cell::Intensity::Bold));
    buf.add_change(format!("Dock {dock} - {} staged shipments\r\n\r\n", board.shipments.len()));
    buf.add_change(AttributeChange::Intensity(termwiz::cell::Intensity::Normal));

    for (i, s) in board.shipments.iter().enumerate() {
        if i == selected {
            buf.add_change(AttributeChange::Reverse(true));
        }
        let eta = s.carrier_eta.as_deref().unwrap_or("--:--");
        buf.add_change(format!("{:<14} {:<10} {:>3} pallets  ETA {eta}\r\n", s.reference, s.carrier, s.pallets));
        if i == selected {
            buf.add_change(AttributeChange::Reverse(false));
        }
    }

    let (_, rows) = buf.dimensions();
    buf.add_change(Change::CursorPosition { x: Position::Absolute(0), y: Position::Absolute(rows.saturating_sub(1)) });
    buf.add_change(AttributeChange::Foreground(ColorAttribute::from(AnsiColor::Grey)));
    buf.add_change(status.to_string());
    buf.add_change(AttributeChange::Foreground(ColorAttribute::Default));
    buf.flush()?;
    Ok(())
}
