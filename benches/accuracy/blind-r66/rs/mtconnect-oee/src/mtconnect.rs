//! Pulls Execution / ControllerMode / PartCount out of an MTConnectStreams document.

use quick_xml::events::Event;
use quick_xml::Reader;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Snapshot {
    pub execution: String,
    pub controller_mode: String,
    pub part_count: Option<i64>,
    pub program: String,
}

pub fn parse_current(xml: &str) -> anyhow::Result<Snapshot> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut snap = Snapshot::default();
    let mut current: Option<String> = None;

    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                current = match name.as_str() {
                    "Execution" | "ControllerMode" | "PartCount" | "Program" => Some(name),
                    _ => None,
                };
            }
            Event::Text(t) => {
                if let Some(tag) = current.take() {
                    let value = t.unescape()?.to_string();
                    match tag.as_str() {
                        "Execution" => snap.execution = value,
                        "ControllerMode" => snap.controller_mode = value,
                        "PartCount" => snap.part_count = value.parse().ok(),
                        "Program" => snap.program = value,
                        _ => {}
                    }
                }
            }
            Event::End(_) => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(snap)
}

impl Snapshot {
    /// ACTIVE in AUTOMATIC mode counts as run time for availability.
    pub fn is_running(&self) -> bool {
        self.execution == "ACTIVE" && self.controller_mode == "AUTOMATIC"
    }
}
