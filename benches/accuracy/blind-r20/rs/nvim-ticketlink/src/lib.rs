use nvim_oxi::{self as nvim, api, Dictionary, Function, Object};

mod autocmds;
mod commands;
mod config;
mod store;

/// Entry point: Neovim calls this once when the plugin is `require`d.
#[nvim::plugin]
fn ticketlink_native() -> nvim::Result<Dictionary> {
    autocmds::install()?;
    commands::install()?;

    let setup = Function::from_fn(|opts: Dictionary| {
        config::apply(opts);
        Ok::<_, nvim::Error>(())
    });
    api::notify("ticketlink loaded", api::types::LogLevel::Debug, &Default::default())?;
    Ok(Dictionary::from_iter([("setup", Object::from(setup))]))
}
