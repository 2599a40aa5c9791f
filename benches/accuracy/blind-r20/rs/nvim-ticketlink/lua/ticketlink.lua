-- loaded by lazy.nvim; the Rust cdylib is built to lua/ticketlink.so
return require("ticketlink_native")
