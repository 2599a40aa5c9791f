use chrono::{DateTime, FixedOffset};

/// One line of nginx `combined` log format plus `$request_time`.
#[derive(Debug, Clone)]
pub struct AccessLine {
    pub remote: String,
    pub at: DateTime<FixedOffset>,
    pub method: String,
    pub path: String,
    pub status: i16,
    pub bytes: i64,
    pub request_time_ms: Option<i32>,
}

pub fn parse(line: &str) -> Option<AccessLine> {
    // 203.0.113.9 - - [12/Mar/2025:10:01:02 +0000] "GET /api/x HTTP/1.1" 502 157 "-" "curl/8" 0.031
    let (remote, rest) = line.split_once(' ')?;
    let ts_start = rest.find('[')? + 1;
    let ts_end = rest.find(']')?;
    let at = DateTime::parse_from_str(&rest[ts_start..ts_end], "%d/%b/%Y:%H:%M:%S %z").ok()?;

    let mut quoted = rest[ts_end..].split('"');
    quoted.next()?;
    let request = quoted.next()?;
    let mut req_parts = request.split_whitespace();
    let method = req_parts.next()?.to_string();
    let path = req_parts.next()?.to_string();

    let mut after = quoted.next()?.split_whitespace();
    let status: i16 = after.next()?.parse().ok()?;
    let bytes: i64 = after.next()?.parse().unwrap_or(0);

    let request_time_ms = line
        .rsplit(' ')
        .next()
        .and_then(|t| t.parse::<f64>().ok())
        .map(|secs| (secs * 1000.0).round() as i32);

    Some(AccessLine {
        remote: remote.to_string(),
        at,
        method,
        path,
        status,
        bytes,
        request_time_ms,
    })
}
