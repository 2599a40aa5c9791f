mod scores;

use doryen_rs::{App, AppOptions, DoryenApi, Engine, TextAlign, UpdateEvent};
use scores::Scoreboard;

const W: i32 = 60;
const H: i32 = 36;
const TOP_REFRESH_TICKS: u32 = 600; // update() runs 60 times per second

enum Phase {
    Playing,
    EnterInitials(String),
    Attract,
}

struct Kiosk {
    board: Scoreboard,
    phase: Phase,
    player: (i32, i32),
    rocks: Vec<(i32, i32)>,
    score: i64,
    ticks: u32,
    top: Vec<(String, i64)>,
    status: String,
}

impl Kiosk {
    fn new(board: Scoreboard) -> Self {
        Self {
            board,
            phase: Phase::Attract,
            player: (W / 2, H - 2),
            rocks: Vec::new(),
            score: 0,
            ticks: 0,
            top: Vec::new(),
            status: String::new(),
        }
    }

    fn refresh_top(&mut self) {
        match self.board.top(10) {
            Ok(top) => self.top = top,
            Err(e) => self.status = format!("scores offline: {e}"),
        }
    }
}

impl Engine for Kiosk {
    fn init(&mut self, _api: &mut dyn DoryenApi) {
        self.refresh_top();
    }

    fn update(&mut self, api: &mut dyn DoryenApi) -> Option<UpdateEvent> {
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks % TOP_REFRESH_TICKS == 0 {
            self.refresh_top();
        }
        let input = api.input();
        match &mut self.phase {
            Phase::Attract => {
                if input.key_pressed("Space") {
                    self.rocks.clear();
                    self.score = 0;
                    self.phase = Phase::Playing;
                }
            }
            Phase::Playing => {
                if input.key("ArrowLeft") {
                    self.player.0 = (self.player.0 - 1).max(1);
                } else if input.key("ArrowRight") {
                    self.player.0 = (self.player.0 + 1).min(W - 2);
                }
                if self.ticks % 4 == 0 {
                    self.rocks.iter_mut().for_each(|rock| rock.1 += 1);
                    self.rocks.retain(|r| r.1 < H);
                    self.rocks.push(((self.ticks as i32 * 7919) % (W - 2) + 1, 1));
                    self.score += 1;
                }
                if self.rocks.iter().any(|r| *r == self.player) {
                    self.phase = Phase::EnterInitials(String::new());
                }
            }
            Phase::EnterInitials(initials) => {
                for c in input.text().chars().filter(|c| c.is_ascii_alphabetic()) {
                    if initials.len() < 3 {
                        initials.push(c.to_ascii_uppercase());
                    }
                }
                if input.key_pressed("Enter") && !initials.is_empty() {
                    let initials = initials.clone();
                    if let Err(e) = self.board.submit(&initials, self.score) {
                        self.status = format!("score not saved: {e}");
                    }
                    self.refresh_top();
                    self.phase = Phase::Attract;
                }
            }
        }
        None
    }

    fn render(&mut self, api: &mut dyn DoryenApi) {
        let con = api.con();
        con.rectangle(0, 0, W as u32, H as u32, Some((90, 90, 90, 255)), Some((0, 0, 0, 255)), Some(' ' as u16));
        match &self.phase {
            Phase::Attract => {
                con.print(W / 2, 3, "DODGE THE ROCKS", TextAlign::Center, Some((255, 220, 0, 255)), None);
                for (i, (initials, score)) in self.top.iter().enumerate() {
                    let line = format!("{:>2}. {initials:<3} {score:>6}", i + 1);
                    con.print(W / 2, 6 + i as i32, &line, TextAlign::Center, None, None);
                }
                con.print(W / 2, H - 4, "press SPACE", TextAlign::Center, None, None);
            }
            Phase::Playing => {
                self.rocks.iter().for_each(|(x, y)| con.ascii(*x, *y, '*' as u16));
                con.ascii(self.player.0, self.player.1, '@' as u16);
                con.print(1, 0, &format!(" {} ", self.score), TextAlign::Left, None, None);
            }
            Phase::EnterInitials(initials) => {
                con.print(W / 2, H / 2, &format!("SCORE {}  INITIALS: {initials}_", self.score), TextAlign::Center, None, None);
            }
        }
        if !self.status.is_empty() {
            con.print(1, H - 1, &self.status, TextAlign::Left, Some((255, 80, 80, 255)), None);
        }
    }
}

fn main() -> anyhow::Result<()> {
    let redis_url = std::env::var("SCORES_REDIS_URL").unwrap_or_else(|_| "redis://scores.lan/".into());
    let publish_url = std::env::var("SCORES_PUBLISH_URL")
        .unwrap_or_else(|_| "https://lobby.example.com/api/scores".into());
    let cabinet = std::env::var("CABINET_ID").unwrap_or_else(|_| "lobby-1".into());

    let board = Scoreboard::connect(&redis_url, publish_url, cabinet)?;

    let mut app = App::new(AppOptions {
        console_width: W as u32,
        console_height: H as u32,
        screen_width: W as u32 * 16,
        screen_height: H as u32 * 16,
        window_title: "Lobby arcade".to_owned(),
        font_path: "terminal_16x16.png".to_owned(),
        fullscreen: true,
        show_cursor: false,
        ..Default::default()
    });
    app.set_engine(Box::new(Kiosk::new(board)));
    app.run();
    Ok(())
}
