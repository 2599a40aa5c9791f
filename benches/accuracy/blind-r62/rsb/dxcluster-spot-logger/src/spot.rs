/// One cluster spot line, for example
/// `DX de W3LPL:     14025.0  JA1ABC       CW 599 up 1                   1234Z`
#[derive(Debug, Clone)]
pub struct Spot {
    pub spotter: String,
    pub freq_khz: f64,
    pub dx_call: String,
    pub comment: String,
    pub time_utc: String,
}

pub fn parse(line: &str) -> Option<Spot> {
    let rest = line.strip_prefix("DX de ")?;
    let (spotter, rest) = rest.split_once(':')?;
    let mut parts = rest.split_whitespace();
    let freq_khz: f64 = parts.next()?.parse().ok()?;
    let dx_call = parts.next()?.to_uppercase();
    let tail: Vec<&str> = parts.collect();
    let (time_utc, comment) = match tail.split_last() {
        Some((last, body)) if last.len() == 5 && last.ends_with('Z') => (last.to_string(), body.join(" ")),
        _ => (String::new(), tail.join(" ")),
    };
    Some(Spot {
        spotter: spotter.trim().trim_end_matches("-#").to_uppercase(),
        freq_khz,
        dx_call,
        comment,
        time_utc,
    })
}

pub fn band(freq_khz: f64) -> &'static str {
    match freq_khz as u32 {
        1800..=2000 => "160m",
        3500..=4000 => "80m",
        5300..=5410 => "60m",
        7000..=7300 => "40m",
        10100..=10150 => "30m",
        14000..=14350 => "20m",
        18068..=18168 => "17m",
        21000..=21450 => "15m",
        24890..=24990 => "12m",
        28000..=29700 => "10m",
        50000..=54000 => "6m",
        _ => "other",
    }
}
