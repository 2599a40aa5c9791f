pub const API_BASE: &str = "https://quotes.example.com/v2";

thread_local! {
    // wasm32 is single-threaded: one client for the lifetime of the module instance.
    static CLIENT: reqwest::Client = reqwest::Client::new();
}

pub fn client() -> reqwest::Client {
    CLIENT.with(|c| c.clone())
}
