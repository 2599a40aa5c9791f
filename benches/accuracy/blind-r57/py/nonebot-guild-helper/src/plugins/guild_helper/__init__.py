from nonebot import on_command, require
from nonebot.adapters import Message
from nonebot.adapters.onebot.v11 import GroupMessageEvent, MessageSegment
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata

require("nonebot_plugin_apscheduler")

from . import clients, reports  # noqa: E402,F401
from .clients import Config  # noqa: E402

__plugin_meta__ = PluginMetadata(
    name="guild_helper",
    description="Daily check-ins, weather lookups and a nightly activity report",
    usage="/checkin, /streak, /weather <city>",
    config=Config,
)

checkin = on_command("checkin", aliases={"签到"}, priority=10, block=True)
streak = on_command("streak", priority=10, block=True)
weather = on_command("weather", aliases={"天气"}, priority=10, block=True)


@checkin.handle()
async def handle_checkin(event: GroupMessageEvent):
    async with clients.pool().acquire() as conn:
        async with conn.transaction():
            days = await conn.fetchval(
                """
                INSERT INTO checkins (group_id, user_id, last_day, streak)
                VALUES ($1, $2, current_date, 1)
                ON CONFLICT (group_id, user_id) DO UPDATE SET
                    streak = CASE
                        WHEN checkins.last_day = current_date THEN checkins.streak
                        WHEN checkins.last_day = current_date - 1 THEN checkins.streak + 1
                        ELSE 1 END,
                    last_day = current_date
                RETURNING streak
                """,
                event.group_id,
                event.user_id,
            )
    await checkin.finish(MessageSegment.at(event.user_id) + f" checked in, streak: {days} day(s)")


@streak.handle()
async def handle_streak(event: GroupMessageEvent):
    async with clients.pool().acquire() as conn:
        rows = await conn.fetch(
            "SELECT user_id, streak FROM checkins WHERE group_id = $1 "
            "ORDER BY streak DESC LIMIT 5",
            event.group_id,
        )
    if not rows:
        await streak.finish("Nobody has checked in yet.")
    lines = [f"{i}. {r['user_id']} - {r['streak']} days" for i, r in enumerate(rows, 1)]
    await streak.finish("Top streaks:\n" + "\n".join(lines))


@weather.handle()
async def handle_weather(args: Message = CommandArg()):
    city = args.extract_plain_text().strip()
    if not city:
        await weather.finish("Usage: /weather <city>")
    resp = await clients.http().get("/v1/current", params={"q": city, "units": "metric"})
    if resp.status_code == 404:
        await weather.finish(f"Unknown city: {city}")
    resp.raise_for_status()
    data = resp.json()
    await weather.finish(
        f"{data['name']}: {data['temp']:.0f}°C, {data['description']}, "
        f"humidity {data['humidity']}%"
    )
