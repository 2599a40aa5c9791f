use piston_window::*;
use postgres::Client;
use redis::Commands;

pub struct LineCount {
    pub line: String,
    pub units: i64,
    pub target: i64,
}

pub struct Board {
    hall: String,
    lines: Vec<LineCount>,
    andon: Vec<String>,
    stale: bool,
}

impl Board {
    pub fn new(hall: &str) -> Self {
        Self { hall: hall.to_string(), lines: Vec::new(), andon: Vec::new(), stale: true }
    }

    /// Re-query the numbers over the long-lived connections passed in.
    pub fn refresh(&mut self, pg: &mut Client, andon: &mut redis::Connection) {
        match pg.query(
            "SELECT l.code, count(u.id), l.shift_target
               FROM lines l
               LEFT JOIN units u ON u.line_id = l.id AND u.produced_at >= current_shift_start()
              WHERE l.hall = $1
              GROUP BY l.code, l.shift_target
              ORDER BY l.code",
            &[&self.hall],
        ) {
            Ok(rows) => {
                self.lines = rows
                    .iter()
                    .map(|r| LineCount { line: r.get(0), units: r.get(1), target: r.get::<_, i32>(2) as i64 })
                    .collect();
                self.stale = false;
            }
            Err(e) => {
                log::warn!("refresh failed: {e}");
                self.stale = true;
            }
        }
        let key = format!("andon:{}:active", self.hall);
        self.andon = andon.lrange(&key, 0, 5).unwrap_or_default();
    }

    pub fn draw(&self, c: Context, g: &mut G2d, glyphs: &mut Glyphs) {
        clear([0.05, 0.05, 0.08, 1.0], g);
        let mut y = 120.0;
        for l in &self.lines {
            let pct = if l.target > 0 { l.units as f64 / l.target as f64 } else { 0.0 };
            let color = if pct >= 0.95 { [0.2, 0.9, 0.3, 1.0] } else if pct >= 0.8 { [0.95, 0.8, 0.2, 1.0] } else { [0.95, 0.3, 0.3, 1.0] };
            let line = format!("{:<6} {:>5} / {:<5}", l.line, l.units, l.target);
            text::Text::new_color(color, 64)
                .draw(&line, glyphs, &c.draw_state, c.transform.trans(80.0, y), g)
                .ok();
            y += 90.0;
        }
        for (i, call) in self.andon.iter().enumerate() {
            text::Text::new_color([1.0, 0.4, 0.1, 1.0], 40)
                .draw(&format!("ANDON {call}"), glyphs, &c.draw_state, c.transform.trans(1100.0, 120.0 + 60.0 * i as f64), g)
                .ok();
        }
        if self.stale {
            text::Text::new_color([0.7, 0.7, 0.7, 1.0], 28)
                .draw("offline - showing last known values", glyphs, &c.draw_state, c.transform.trans(80.0, 1040.0), g)
                .ok();
        }
    }
}
