use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::config::Station;

pub struct Sat {
    pub name: String,
    pub elements: sgp4::Elements,
    pub constants: sgp4::Constants,
}

#[derive(Debug, Serialize)]
pub struct Pass {
    pub norad_id: u64,
    pub sat_name: String,
    pub aos: DateTime<Utc>,
    pub los: DateTime<Utc>,
    pub max_elevation_deg: f64,
}

pub async fn fetch_tles(http: &reqwest::Client, url: &str) -> anyhow::Result<Vec<Sat>> {
    let text = http.get(url).send().await?.error_for_status()?.text().await?;
    let lines: Vec<&str> = text.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    let mut sats = Vec::with_capacity(lines.len() / 3);
    for set in lines.chunks_exact(3) {
        let name = set[0].trim().to_string();
        let elements = sgp4::Elements::from_tle(Some(name.clone()), set[1].as_bytes(), set[2].as_bytes())?;
        let constants = sgp4::Constants::from_elements(&elements)?;
        sats.push(Sat { name, elements, constants });
    }
    Ok(sats)
}

pub fn predict_passes(sats: &[Sat], st: &Station, from: DateTime<Utc>, span: chrono::Duration) -> Vec<Pass> {
    let step = chrono::Duration::seconds(30);
    let mut passes = Vec::new();
    for sat in sats {
        let mut open: Option<(DateTime<Utc>, f64)> = None;
        let mut t = from;
        while t < from + span {
            let Some(el) = elevation_at(sat, st, t) else { break };
            let visible = el >= st.min_elevation_deg;
            match open {
                None if visible => open = Some((t, el)),
                Some((_, ref mut max)) if visible => *max = max.max(el),
                Some((aos, max)) => {
                    passes.push(Pass {
                        norad_id: sat.elements.norad_id,
                        sat_name: sat.name.clone(),
                        aos,
                        los: t,
                        max_elevation_deg: max,
                    });
                    open = None;
                }
                None => {}
            }
            t += step;
        }
    }
    passes.sort_by_key(|p| p.aos);
    passes
}

fn elevation_at(sat: &Sat, st: &Station, t: DateTime<Utc>) -> Option<f64> {
    let minutes = sat.elements.datetime_to_minutes_since_epoch(&t.naive_utc()).ok()?;
    let teme = sat.constants.propagate(minutes).ok()?.position;

    // TEME -> Earth-fixed by GMST rotation (polar motion ignored: fine for AOS/LOS minutes)
    let (s, c) = gmst_rad(t).sin_cos();
    let sat_ecef = [c * teme[0] + s * teme[1], -s * teme[0] + c * teme[1], teme[2]];

    let (lat, lon) = (st.lat.to_radians(), st.lon.to_radians());
    let up = [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()];
    let r = 6378.137 + st.alt_m / 1000.0;
    let d = [sat_ecef[0] - r * up[0], sat_ecef[1] - r * up[1], sat_ecef[2] - r * up[2]];
    let range = (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt();
    Some(((d[0] * up[0] + d[1] * up[1] + d[2] * up[2]) / range).asin().to_degrees())
}

fn gmst_rad(t: DateTime<Utc>) -> f64 {
    let jd = t.timestamp() as f64 / 86_400.0 + t.timestamp_subsec_millis() as f64 / 86_400_000.0 + 2_440_587.5;
    let d = jd - 2_451_545.0;
    (280.460_618_37 + 360.985_647_366_29 * d).rem_euclid(360.0).to_radians()
}
