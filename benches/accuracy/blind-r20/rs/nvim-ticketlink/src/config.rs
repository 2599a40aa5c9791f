use std::cell::RefCell;

use nvim_oxi::Dictionary;

#[derive(Clone)]
pub struct Config {
    pub helpdesk_url: String,
    pub api_token: String,
    pub database_url: String,
}

thread_local! {
    static CONFIG: RefCell<Config> = RefCell::new(Config {
        helpdesk_url: "https://helpdesk.acme.example/api".into(),
        api_token: std::env::var("HELPDESK_TOKEN").unwrap_or_default(),
        database_url: std::env::var("TICKETS_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://support@tickets-db.internal/tickets".into()),
    });
}

pub fn apply(opts: Dictionary) {
    CONFIG.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(url) = opts.get("helpdesk_url") {
            if let Ok(s) = String::try_from(url.clone()) {
                c.helpdesk_url = s;
            }
        }
    });
}

pub fn get() -> Config {
    CONFIG.with(|c| c.borrow().clone())
}
