// Prevents an additional console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use redis::aio::ConnectionManager;
use tauri::Manager;

/// Shared state handed to every command through `tauri::State`.
pub struct AppState {
    pub cache: ConnectionManager,
    pub supplier_api: String,
    pub warehouse: String,
}

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

fn main() {
    tauri::Builder::default()
        .plugin(tauri_plugin_shell::init())
        .setup(|app| {
            let redis_url = env_or("STOCKROOM_REDIS_URL", "redis://127.0.0.1:6379/0");
            // Built once when the app starts, then cloned cheaply by commands.
            let cache = tauri::async_runtime::block_on(async move {
                let client = redis::Client::open(redis_url)?;
                ConnectionManager::new(client).await
            })?;

            app.manage(AppState {
                cache,
                supplier_api: env_or("STOCKROOM_SUPPLIER_API", "https://supplier.example.com/api"),
                warehouse: env_or("STOCKROOM_WAREHOUSE", "AMS-1"),
            });

            if let Some(window) = app.get_webview_window("main") {
                window.set_title("Stockroom")?;
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_items,
            commands::adjust_stock,
            commands::sync_supplier_prices,
            commands::recent_scans,
            commands::record_scan,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Stockroom application");
}
