//! Just enough ESC/POS for 80 mm receipt and kitchen printers.

use serde::Deserialize;

const ESC: u8 = 0x1b;
const GS: u8 = 0x1d;

#[derive(Debug, Deserialize)]
pub struct Ticket {
    pub title: String,
    pub order_no: String,
    pub lines: Vec<TicketLine>,
    pub footer: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct TicketLine {
    pub qty: u32,
    pub item: String,
    pub note: Option<String>,
}

pub fn render(ticket: &Ticket) -> Vec<u8> {
    let mut out = vec![ESC, b'@']; // initialise
    out.extend_from_slice(&[ESC, b'a', 1]); // centre
    out.extend_from_slice(&[GS, b'!', 0x11]); // double width + height
    out.extend_from_slice(ticket.title.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&[GS, b'!', 0x00]);
    out.extend_from_slice(format!("Order {}\n\n", ticket.order_no).as_bytes());
    out.extend_from_slice(&[ESC, b'a', 0]); // left
    for line in &ticket.lines {
        out.extend_from_slice(&[ESC, b'E', 1]); // bold
        out.extend_from_slice(format!("{:>2} x {}\n", line.qty, line.item).as_bytes());
        out.extend_from_slice(&[ESC, b'E', 0]);
        if let Some(note) = &line.note {
            out.extend_from_slice(format!("     ! {note}\n").as_bytes());
        }
    }
    if let Some(footer) = &ticket.footer {
        out.extend_from_slice(format!("\n{footer}\n").as_bytes());
    }
    out.extend_from_slice(&[ESC, b'd', 4]); // feed 4 lines
    out.extend_from_slice(&[GS, b'V', 66, 0]); // partial cut
    out
}
