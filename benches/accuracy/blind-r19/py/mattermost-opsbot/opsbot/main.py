from mmpy_bot import Bot, Settings

from opsbot import settings
from opsbot.plugins import DeployPlugin, OnCallPlugin, StatusPlugin


def main() -> None:
    bot = Bot(
        settings=Settings(
            MATTERMOST_URL=settings.MATTERMOST_URL,
            MATTERMOST_PORT=443,
            BOT_TOKEN=settings.BOT_TOKEN,
            BOT_TEAM=settings.BOT_TEAM,
            SSL_VERIFY=True,
        ),
        plugins=[DeployPlugin(), OnCallPlugin(), StatusPlugin()],
    )
    bot.run()


if __name__ == "__main__":
    main()
