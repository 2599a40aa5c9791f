mod services;

use makepad_widgets::*;

use crate::services::Services;

live_design! {
    use link::theme::*;
    use link::shaders::*;
    use link::widgets::*;

    App = {{App}} {
        ui: <Root> {
            main_window = <Window> {
                window: { title: "Shift board" }
                body = <View> {
                    flow: Down, spacing: 12, padding: 24
                    heading = <Label> { text: "Open shifts", draw_text: { text_style: { font_size: 18 } } }
                    roster = <Label> { text: "loading..." }
                    badge_input = <TextInput> { width: 240, empty_text: "Scan badge" }
                    <View> {
                        flow: Right, spacing: 8, height: Fit
                        refresh_button = <Button> { text: "Refresh" }
                        claim_button = <Button> { text: "Claim next open shift" }
                    }
                    status = <Label> { text: "" }
                }
            }
        }
    }
}

app_main!(App);

#[derive(Live, LiveHook)]
pub struct App {
    #[live]
    ui: WidgetRef,
    #[rust]
    services: Option<Services>,
    #[rust]
    refresh_timer: Timer,
}

impl LiveRegister for App {
    fn live_register(cx: &mut Cx) {
        crate::makepad_widgets::live_design(cx);
    }
}

impl App {
    fn set_status(&self, cx: &mut Cx, text: &str) {
        self.ui.label(id!(status)).set_text(cx, text);
    }

    fn refresh(&mut self, cx: &mut Cx) {
        let Some(services) = self.services.as_mut() else {
            self.set_status(cx, "database not connected");
            return;
        };
        match services.open_shifts() {
            Ok(lines) if lines.is_empty() => self.ui.label(id!(roster)).set_text(cx, "no open shifts"),
            Ok(lines) => self.ui.label(id!(roster)).set_text(cx, &lines.join("\n")),
            Err(err) => self.set_status(cx, &format!("refresh failed: {err}")),
        }
    }

    fn claim(&mut self, cx: &mut Cx) {
        let badge = self.ui.text_input(id!(badge_input)).text();
        if badge.trim().is_empty() {
            self.set_status(cx, "scan your badge first");
            return;
        }
        let Some(services) = self.services.as_mut() else {
            return;
        };
        match services.claim_next(badge.trim()) {
            Ok(Some(shift)) => self.set_status(cx, &format!("claimed: {shift}")),
            Ok(None) => self.set_status(cx, "nothing left to claim"),
            Err(err) => self.set_status(cx, &format!("claim failed: {err}")),
        }
        self.ui.text_input(id!(badge_input)).set_text(cx, "");
        self.refresh(cx);
    }
}

impl MatchEvent for App {
    fn handle_startup(&mut self, cx: &mut Cx) {
        // Connect once for the lifetime of the kiosk.
        match Services::connect() {
            Ok(services) => self.services = Some(services),
            Err(err) => self.set_status(cx, &format!("offline: {err}")),
        }
        self.refresh_timer = cx.start_interval(60.0);
        self.refresh(cx);
    }

    fn handle_actions(&mut self, cx: &mut Cx, actions: &Actions) {
        if self.ui.button(id!(refresh_button)).clicked(actions) {
            self.refresh(cx);
        }
        if self.ui.button(id!(claim_button)).clicked(actions) {
            self.claim(cx);
        }
    }
}

impl AppMain for App {
    fn handle_event(&mut self, cx: &mut Cx, event: &Event) {
        if self.refresh_timer.is_event(event).is_some() {
            self.refresh(cx);
        }
        self.match_event(cx, event);
        self.ui.handle_event(cx, event, &mut Scope::empty());
    }
}
