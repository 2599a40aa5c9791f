mod kiosk;
mod scores;

use speedy2d::font::Font;
use speedy2d::Window;

fn main() {
    let font = Font::new(include_bytes!("../assets/Inter-Bold.ttf")).expect("font");
    let event = std::env::var("BOOTH_EVENT").unwrap_or_else(|_| "rustconf".into());
    let cms_url = std::env::var("CMS_URL").unwrap_or_else(|_| "https://cms.booth.lan".into());

    let window = Window::new_centered("Booth Reaction Test", (1280, 800)).expect("window");
    window.run_loop(kiosk::Kiosk::new(font, event, cms_url));
}
