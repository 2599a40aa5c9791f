//! Shared code for the two EDI processes (see Procfile):
//!   edi-poller  downloads 850 purchase orders from the partners' FTP outboxes
//!   edi-ack     uploads 997 functional acknowledgements for processed orders
//! Each process builds its own database pool once in main().

pub mod db;
pub mod ftp;

/// Very small X12 reader: returns (control number, PO number) for each ST/BEG pair.
pub fn parse_850(raw: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut control = None;
    for segment in raw.split('~').map(str::trim) {
        let fields: Vec<&str> = segment.split('*').collect();
        match fields.first().copied() {
            Some("ST") => control = fields.get(2).map(|s| s.to_string()),
            Some("BEG") => {
                if let (Some(c), Some(po)) = (control.take(), fields.get(3)) {
                    out.push((c, po.to_string()));
                }
            }
            _ => {}
        }
    }
    out
}
