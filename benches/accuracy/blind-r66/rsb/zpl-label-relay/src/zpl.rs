//! Just enough ZPL II parsing to find each label and its tracking number:
//! the carrier templates print the tracking number as a Code 128 barcode
//! (^BC) and mark the shipment with a ^FX comment.
pub struct Label {
    pub tracking: Option<String>,
    pub shipment: Option<String>,
    pub copies: u32,
}

fn field_after<'a>(label: &'a str, command: &str) -> Option<&'a str> {
    let at = label.find(command)?;
    let rest = &label[at..];
    let fd = rest.find("^FD")? + 3;
    let end = rest[fd..].find("^FS").map(|e| fd + e).unwrap_or(rest.len());
    Some(rest[fd..end].trim())
}

pub fn labels(zpl: &str) -> Vec<Label> {
    let mut out = Vec::new();
    let mut rest = zpl;
    while let Some(start) = rest.find("^XA") {
        let Some(len) = rest[start..].find("^XZ") else { break };
        let label = &rest[start..start + len];
        let shipment = label
            .find("^FXSHIPMENT:")
            .map(|i| label[i + 12..].split('^').next().unwrap_or("").trim().to_string());
        let copies = label
            .find("^PQ")
            .and_then(|i| label[i + 3..].split([',', '^']).next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(1);
        out.push(Label {
            tracking: field_after(label, "^BC").map(|s| s.trim_start_matches(">;").to_string()),
            shipment,
            copies,
        });
        rest = &rest[start + len + 3..];
    }
    out
}
