import logging
import os

import hikari

from bot import handlers
from bot.resources import close_resources, open_resources

bot = hikari.GatewayBot(
    token=os.environ["DISCORD_TOKEN"],
    intents=hikari.Intents.ALL_UNPRIVILEGED | hikari.Intents.MESSAGE_CONTENT,
)
state: dict = {}


@bot.listen(hikari.StartingEvent)
async def on_starting(event: hikari.StartingEvent) -> None:
    state["res"] = await open_resources()


@bot.listen(hikari.StoppingEvent)
async def on_stopping(event: hikari.StoppingEvent) -> None:
    await close_resources(state["res"])


@bot.listen()
async def on_message(event: hikari.GuildMessageCreateEvent) -> None:
    if not event.is_human or not event.content:
        return
    res = state["res"]
    if event.content.startswith("!weather "):
        await handlers.weather(res, event, event.content.removeprefix("!weather ").strip())
    else:
        await handlers.award_xp(res, event)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    bot.run()


if __name__ == "__main__":
    main()
