import logging
import os

from webex_bot.webex_bot import WebexBot

from oncall_bot.clients import build_services
from oncall_bot.commands import IncidentsCommand, OnCallCommand, PageCommand


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services()

    bot = WebexBot(
        teams_bot_token=os.environ["WEBEX_TEAMS_ACCESS_TOKEN"],
        approved_domains=os.environ.get("APPROVED_DOMAINS", "").split(","),
        bot_name="On-call bot",
        include_demo_commands=False,
    )
    bot.add_command(OnCallCommand(services))
    bot.add_command(IncidentsCommand(services))
    bot.add_command(PageCommand(services))
    try:
        bot.run()
    finally:
        services.close()


if __name__ == "__main__":
    main()
