import os

import redis.asyncio as aioredis
from twitchio.ext import commands

from cogs.points import Points

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")


class PointsBot(commands.Bot):
    def __init__(self):
        super().__init__(
            token=os.environ["TWITCH_OAUTH_TOKEN"],
            prefix="!",
            initial_channels=os.environ["TWITCH_CHANNELS"].split(","),
        )

    async def event_ready(self):
        print(f"Logged in as {self.nick} ({self.user_id})")

    async def event_message(self, message):
        if message.echo:
            return
        r = aioredis.Redis.from_url(REDIS_URL)
        await r.zincrby(f"activity:{message.channel.name}", 1, message.author.name)
        await r.expire(f"activity:{message.channel.name}", 3600)
        await self.handle_commands(message)


def main():
    bot = PointsBot()
    bot.add_cog(Points(bot))
    bot.run()


if __name__ == "__main__":
    main()
