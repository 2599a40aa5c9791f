use std::time::Duration;

use eframe::egui::Color32;

pub enum Status {
    Up,
    Degraded,
    Down,
}

impl Status {
    pub fn label(&self) -> &'static str {
        match self {
            Status::Up => "up",
            Status::Degraded => "degraded",
            Status::Down => "down",
        }
    }

    pub fn color(&self) -> Color32 {
        match self {
            Status::Up => Color32::GREEN,
            Status::Degraded => Color32::YELLOW,
            Status::Down => Color32::RED,
        }
    }
}

/// Hits `<base>/healthz` with a short timeout.
pub fn probe(base: &str) -> Status {
    let client = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(800))
        .build()
    {
        Ok(c) => c,
        Err(_) => return Status::Down,
    };
    match client.get(format!("{base}/healthz")).send() {
        Ok(resp) if resp.status().is_success() => Status::Up,
        Ok(_) => Status::Degraded,
        Err(_) => Status::Down,
    }
}
