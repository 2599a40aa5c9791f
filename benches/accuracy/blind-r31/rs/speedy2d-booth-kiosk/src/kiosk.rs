use std::time::{Duration, Instant};

use rand::Rng;
use serde::Deserialize;
use speedy2d::color::Color;
use speedy2d::font::{Font, TextLayout, TextOptions};
use speedy2d::window::{KeyScancode, VirtualKeyCode, WindowHandler, WindowHelper};
use speedy2d::Graphics2D;

use crate::scores;

const PROMO_REFRESH_FRAMES: u64 = 600;

#[derive(Deserialize)]
struct Promo {
    headline: String,
}

enum Phase {
    Idle,
    Armed { go_at: Instant },
    Go { since: Instant },
    Done { millis: i32, rank: Option<i64> },
}

pub struct Kiosk {
    font: Font,
    event: String,
    cms_url: String,
    promo: String,
    frame: u64,
    phase: Phase,
}

impl Kiosk {
    pub fn new(font: Font, event: String, cms_url: String) -> Self {
        Kiosk { font, event, cms_url, promo: String::new(), frame: 0, phase: Phase::Idle }
    }

    fn refresh_promo(&mut self) {
        let http = reqwest::blocking::Client::new();
        let url = format!("{}/booth/{}/promo", self.cms_url, self.event);
        match http.get(url).send().and_then(|r| r.json::<Promo>()) {
            Ok(p) => self.promo = p.headline,
            Err(e) => eprintln!("promo refresh failed: {e}"),
        }
    }

    fn submit_score(&mut self, millis: i32) -> Option<i64> {
        let mut db = match scores::connect() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("scores db unavailable: {e}");
                return None;
            }
        };
        scores::submit(&mut db, &self.event, "AAA", millis).ok()
    }

    fn status_line(&self) -> String {
        match &self.phase {
            Phase::Idle => "Press SPACE to start".into(),
            Phase::Armed { .. } => "Wait for green...".into(),
            Phase::Go { .. } => "GO! Press SPACE".into(),
            Phase::Done { millis, rank: Some(r) } => format!("{millis} ms  -  rank #{r}"),
            Phase::Done { millis, rank: None } => format!("{millis} ms"),
        }
    }
}

impl WindowHandler for Kiosk {
    fn on_draw(&mut self, helper: &mut WindowHelper, graphics: &mut Graphics2D) {
        if self.frame % PROMO_REFRESH_FRAMES == 0 {
            self.refresh_promo();
        }
        self.frame += 1;

        if let Phase::Armed { go_at } = self.phase {
            if Instant::now() >= go_at {
                self.phase = Phase::Go { since: Instant::now() };
            }
        }
        let background = match self.phase {
            Phase::Go { .. } => Color::from_rgb(0.1, 0.6, 0.2),
            _ => Color::from_rgb(0.08, 0.08, 0.12),
        };
        graphics.clear_screen(background);

        let status = self.font.layout_text(&self.status_line(), 64.0, TextOptions::new());
        graphics.draw_text((60.0, 300.0), Color::WHITE, &status);
        let promo = self.font.layout_text(&self.promo, 28.0, TextOptions::new());
        graphics.draw_text((60.0, 680.0), Color::YELLOW, &promo);

        helper.request_redraw();
    }

    fn on_key_down(
        &mut self,
        _helper: &mut WindowHelper,
        virtual_key_code: Option<VirtualKeyCode>,
        _scancode: KeyScancode,
    ) {
        if virtual_key_code != Some(VirtualKeyCode::Space) {
            return;
        }
        self.phase = match self.phase {
            Phase::Idle | Phase::Done { .. } => {
                let delay = rand::thread_rng().gen_range(1500..4000);
                Phase::Armed { go_at: Instant::now() + Duration::from_millis(delay) }
            }
            Phase::Armed { .. } => Phase::Idle, // jumped the gun
            Phase::Go { since } => {
                let millis = since.elapsed().as_millis() as i32;
                let rank = self.submit_score(millis);
                Phase::Done { millis, rank }
            }
        };
    }
}
