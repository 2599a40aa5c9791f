"""QQ guild FAQ bot (official qq-botpy SDK): answers when @-mentioned."""
import os
import re

import asyncpg
import botpy
import redis.asyncio as aioredis
from botpy import logging
from botpy.ext.cog_yaml import read
from botpy.message import Message

from faq import find_answer, log_unanswered

_log = logging.get_logger()
config = read(os.path.join(os.path.dirname(__file__), "config.yaml"))

# redis.asyncio connects lazily on first command; one client for the whole process
cache = aioredis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"))

MENTION = re.compile(r"<@!?\d+>")


class FaqClient(botpy.Client):
    pool: asyncpg.Pool | None = None

    async def on_ready(self):
        # on_ready fires again after every gateway reconnect; the pool is created only once
        if self.pool is None:
            self.pool = await asyncpg.create_pool(os.environ["FAQ_DSN"], min_size=1, max_size=5)
        _log.info(f"robot 「{self.robot.name}」 ready")

    async def on_at_message_create(self, message: Message):
        question = MENTION.sub("", message.content).strip()
        if not question:
            await message.reply(content="请在 @ 后面输入你的问题")
            return
        answer = await find_answer(self.pool, cache, message.guild_id, question)
        if answer is None:
            await log_unanswered(self.pool, message.guild_id, message.author.id, question)
            await message.reply(content="暂时没有答案，已记录给管理员")
            return
        await message.reply(content=answer)


if __name__ == "__main__":
    intents = botpy.Intents(public_guild_messages=True)
    client = FaqClient(intents=intents)
    client.run(appid=config["appid"], secret=config["secret"])
