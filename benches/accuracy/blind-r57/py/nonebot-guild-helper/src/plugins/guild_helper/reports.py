"""Nightly group activity report, run by nonebot-plugin-apscheduler."""
from nonebot import get_bot, logger
from nonebot_plugin_apscheduler import scheduler

from . import clients

REPORT_SQL = """
    SELECT group_id,
           count(*) FILTER (WHERE last_day = current_date) AS checked_in_today,
           max(streak) AS best_streak
    FROM checkins
    GROUP BY group_id
"""


def _format(row) -> str:
    return (
        "Daily report\n"
        f"Checked in today: {row['checked_in_today']}\n"
        f"Best streak in this group: {row['best_streak']} days"
    )


@scheduler.scheduled_job("cron", hour=21, minute=30, id="guild_helper_daily_report")
async def daily_report() -> None:
    async with clients.pool().acquire() as conn:
        rows = await conn.fetch(REPORT_SQL)

    try:
        bot = get_bot()
    except ValueError:
        logger.warning("guild_helper: no bot connected, skipping daily report")
        return

    for row in rows:
        if not row["checked_in_today"]:
            continue
        try:
            await bot.send_group_msg(group_id=row["group_id"], message=_format(row))
        except Exception:
            logger.exception(f"guild_helper: report to group {row['group_id']} failed")


@scheduler.scheduled_job("cron", hour=4, minute=0, id="guild_helper_prune")
async def prune_stale_checkins() -> None:
    async with clients.pool().acquire() as conn:
        deleted = await conn.execute(
            "DELETE FROM checkins WHERE last_day < current_date - 90"
        )
    logger.info(f"guild_helper: pruned stale check-ins ({deleted})")
