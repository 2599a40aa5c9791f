//! SBS-1 BaseStation CSV: MSG,<type>,<session>,<aircraft>,<hex>,<flight>,<date gen>,<time gen>,
//! <date log>,<time log>,<callsign>,<alt>,<gs>,<track>,<lat>,<lon>,<vrate>,<squawk>,...

#[derive(Debug)]
pub enum Update {
    Ident {
        icao: String,
        callsign: String,
    },
    Position {
        icao: String,
        altitude: i32,
        lat: f64,
        lon: f64,
    },
    Velocity {
        icao: String,
        ground_speed: f64,
        track: f64,
        vertical_rate: i32,
    },
}

pub fn parse(line: &str) -> Option<Update> {
    let f: Vec<&str> = line.trim_end().split(',').collect();
    if f.len() < 22 || f[0] != "MSG" {
        return None;
    }
    let icao = f[4].to_ascii_uppercase();
    match f[1] {
        "1" => Some(Update::Ident {
            icao,
            callsign: f[10].trim().to_string(),
        }),
        "3" => Some(Update::Position {
            icao,
            altitude: f[11].parse().ok()?,
            lat: f[14].parse().ok()?,
            lon: f[15].parse().ok()?,
        }),
        "4" => Some(Update::Velocity {
            icao,
            ground_speed: f[12].parse().ok()?,
            track: f[13].parse().ok()?,
            vertical_rate: f[16].parse().unwrap_or(0),
        }),
        _ => None,
    }
}
