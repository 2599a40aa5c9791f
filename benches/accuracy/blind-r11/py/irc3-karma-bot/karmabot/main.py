import os

import irc3


def main() -> None:
    config = {
        "nick": os.environ.get("IRC_NICK", "karmabot"),
        "username": "karmabot",
        "host": os.environ.get("IRC_HOST", "irc.libera.chat"),
        "port": int(os.environ.get("IRC_PORT", "6697")),
        "ssl": True,
        "autojoins": [os.environ.get("IRC_CHANNEL", "#general").lstrip("#")],
        "includes": [
            "irc3.plugins.core",
            "irc3.plugins.command",
            "irc3.plugins.cron",
            "karmabot.plugin",
        ],
        "irc3.plugins.command": {"cmd": "!", "guard": "irc3.plugins.command.mask_based_policy"},
        "irc3.plugins.command.masks": {"*": "view"},
        "karmabot.plugin": {
            "redis_url": os.environ.get("REDIS_URL", "redis://localhost:6379/3"),
            "leaderboard_webhook": os.environ.get("LEADERBOARD_WEBHOOK"),
            "channel": os.environ.get("IRC_CHANNEL", "#general"),
        },
    }
    bot = irc3.IrcBot.from_config(config)
    bot.run(forever=True)


if __name__ == "__main__":
    main()
