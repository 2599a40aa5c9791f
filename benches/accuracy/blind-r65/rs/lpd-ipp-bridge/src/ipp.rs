//! Just enough IPP/1.1 to submit a Print-Job (RFC 8010 encoding).

pub fn print_job_request(request_id: u32, printer_uri: &str, user: &str, job_name: &str, document: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(document.len() + 256);
    b.extend_from_slice(&[0x01, 0x01]); // version 1.1
    b.extend_from_slice(&0x0002u16.to_be_bytes()); // Print-Job
    b.extend_from_slice(&request_id.to_be_bytes());
    b.push(0x01); // operation-attributes-tag
    attr(&mut b, 0x47, "attributes-charset", "utf-8");
    attr(&mut b, 0x48, "attributes-natural-language", "en");
    attr(&mut b, 0x45, "printer-uri", printer_uri);
    attr(&mut b, 0x42, "requesting-user-name", user);
    attr(&mut b, 0x42, "job-name", job_name);
    attr(&mut b, 0x49, "document-format", "application/octet-stream");
    b.push(0x03); // end-of-attributes-tag
    b.extend_from_slice(document);
    b
}

fn attr(b: &mut Vec<u8>, tag: u8, name: &str, value: &str) {
    b.push(tag);
    b.extend_from_slice(&(name.len() as u16).to_be_bytes());
    b.extend_from_slice(name.as_bytes());
    b.extend_from_slice(&(value.len() as u16).to_be_bytes());
    b.extend_from_slice(value.as_bytes());
}

/// status-code is bytes 2..4 of the response; 0x0000-0x00ff are successful-ok*.
pub fn response_ok(body: &[u8]) -> bool {
    body.len() >= 4 && u16::from_be_bytes([body[2], body[3]]) <= 0x00ff
}

/// ipp://host:631/ipp/print -> http://host:631/ipp/print (IPP is POSTed over HTTP)
pub fn http_url(printer_uri: &str) -> String {
    match printer_uri.strip_prefix("ipp://") {
        Some(rest) => format!("http://{rest}"),
        None => printer_uri.replacen("ipps://", "https://", 1),
    }
}
