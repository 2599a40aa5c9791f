"""Entry point. Handlers live in plugins/ and are loaded by Pyrogram's smart plugins."""
from pyrogram import Client

import config

app = Client(
    "helpdesk",
    api_id=config.API_ID,
    api_hash=config.API_HASH,
    bot_token=config.BOT_TOKEN,
    plugins=dict(root="plugins"),
)


def main() -> None:
    app.run()


if __name__ == "__main__":
    main()
