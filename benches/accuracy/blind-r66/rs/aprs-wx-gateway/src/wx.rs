//! Parses the APRS weather fields out of a position-with-weather or positionless report.

#[derive(Debug, Default)]
pub struct WxReport {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub wind_dir: Option<f64>,
    pub wind_mph: Option<f64>,
    pub gust_mph: Option<f64>,
    pub temp_f: Option<f64>,
    pub humidity: Option<f64>,
    pub pressure_hpa: Option<f64>,
}

pub struct Packet<'a> {
    pub source: &'a str,
    pub payload: &'a str,
}

pub fn split(line: &str) -> Option<Packet<'_>> {
    let (header, payload) = line.split_once(':')?;
    let source = header.split('>').next()?;
    Some(Packet { source, payload })
}

fn coord(s: &str, deg_len: usize) -> Option<f64> {
    let deg: f64 = s.get(..deg_len)?.parse().ok()?;
    let min: f64 = s.get(deg_len..s.len() - 1)?.parse().ok()?;
    let v = deg + min / 60.0;
    Some(if s.ends_with('S') || s.ends_with('W') {
        -v
    } else {
        v
    })
}

fn num(body: &str, key: char, width: usize) -> Option<f64> {
    let i = body.find(key)?;
    body.get(i + 1..i + 1 + width)?.parse().ok()
}

pub fn parse(payload: &str) -> Option<WxReport> {
    let mut r = WxReport::default();
    let body = match payload.chars().next()? {
        '_' => payload.get(9..)?, // _MMDDhhmm then c.../s.../...
        '@' | '/' => {
            // @DDHHMMzDDMM.mmN/DDDMM.mmW_ddd/sss...
            let pos = payload.get(8..)?;
            r.lat = coord(pos.get(..8)?, 2);
            r.lon = coord(pos.get(9..18)?, 3);
            if pos.get(18..19)? != "_" {
                return None;
            }
            r.wind_dir = pos.get(19..22).and_then(|s| s.parse().ok());
            r.wind_mph = pos.get(23..26).and_then(|s| s.parse().ok());
            pos.get(26..)?
        }
        '!' | '=' => {
            let pos = payload.get(1..)?;
            r.lat = coord(pos.get(..8)?, 2);
            r.lon = coord(pos.get(9..18)?, 3);
            if pos.get(18..19)? != "_" {
                return None;
            }
            r.wind_dir = pos.get(19..22).and_then(|s| s.parse().ok());
            r.wind_mph = pos.get(23..26).and_then(|s| s.parse().ok());
            pos.get(26..)?
        }
        _ => return None,
    };
    r.wind_dir = r.wind_dir.or_else(|| num(body, 'c', 3));
    r.wind_mph = r.wind_mph.or_else(|| num(body, 's', 3));
    r.gust_mph = num(body, 'g', 3);
    r.temp_f = num(body, 't', 3);
    r.humidity = num(body, 'h', 2).map(|h| if h == 0.0 { 100.0 } else { h });
    r.pressure_hpa = num(body, 'b', 5).map(|b| b / 10.0);
    r.temp_f.or(r.pressure_hpa).map(|_| r)
}
