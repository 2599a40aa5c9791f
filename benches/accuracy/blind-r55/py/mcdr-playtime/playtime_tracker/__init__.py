from typing import Optional

import psycopg2
import redis
import requests
from mcdreforged.api.all import (
    CommandSource,
    Info,
    Integer,
    Literal,
    PluginServerInterface,
    new_thread,
)
from mcdreforged.api.utils.serializer import Serializable

from playtime_tracker import store


class Config(Serializable):
    database_dsn: str = 'postgresql://mc:mc@127.0.0.1:5432/mcstats'
    redis_url: str = 'redis://127.0.0.1:6379/3'
    discord_webhook: str = ''
    relay_chat: bool = True
    top_default: int = 10
    welcome_message: str = 'Welcome back, {player}! Type !!pt to see your playtime.'


config: Optional[Config] = None
leaderboard: Optional[redis.Redis] = None


def _fmt(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f'{hours}h {rest // 60}m'


def on_load(server: PluginServerInterface, prev_module):
    global config, leaderboard
    config = server.load_config_simple('config.json', target_class=Config)
    store.init_pool(config.database_dsn)
    leaderboard = redis.Redis.from_url(config.redis_url, decode_responses=True)

    server.register_help_message('!!pt', 'Show playtime statistics')
    server.register_command(
        Literal('!!pt')
        .runs(show_own)
        .then(
            Literal('top')
            .runs(lambda src: show_top(src, config.top_default))
            .then(Integer('count').in_range(1, 50).runs(lambda src, ctx: show_top(src, ctx['count'])))
        )
    )
    server.logger.info('Playtime tracker loaded')


def on_unload(server: PluginServerInterface):
    store.close_pool()
    if leaderboard is not None:
        leaderboard.close()


def on_player_joined(server: PluginServerInterface, player: str, info: Info):
    conn = psycopg2.connect(config.database_dsn)
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO sessions (player, joined_at) VALUES (%s, now())",
            (player,),
        )
    conn.commit()
    leaderboard.sadd('online', player)
    server.tell(player, config.welcome_message.format(player=player))


def on_player_left(server: PluginServerInterface, player: str):
    leaderboard.srem('online', player)
    seconds = store.close_session(player)
    if seconds:
        leaderboard.zincrby('playtime', seconds, player)


def on_user_info(server: PluginServerInterface, info: Info):
    if not config.relay_chat or not config.discord_webhook:
        return
    if info.content.startswith('!!'):
        return
    relay_chat(info.player, info.content)


@new_thread('PlaytimeChatRelay')
def relay_chat(player: str, message: str):
    http = requests.Session()
    http.headers['User-Agent'] = 'mcdr-playtime/1.2'
    resp = http.post(
        config.discord_webhook,
        json={'username': player, 'content': message[:1900]},
        timeout=5,
    )
    if resp.status_code >= 400:
        print(f'[playtime_tracker] discord relay failed: {resp.status_code}')


@new_thread('PlaytimeQuery')
def show_own(source: CommandSource):
    if not source.is_player:
        source.reply('Only players have playtime')
        return
    total = store.total_for(source.player)
    rank = leaderboard.zrevrank('playtime', source.player)
    rank_text = f'#{rank + 1}' if rank is not None else 'unranked'
    source.reply(f'You have played {_fmt(total)} ({rank_text})')


@new_thread('PlaytimeQuery')
def show_top(source: CommandSource, count: int):
    rows = store.top_players(count)
    if not rows:
        source.reply('No finished sessions yet')
        return
    online = leaderboard.smembers('online')
    for i, (player, total) in enumerate(rows, start=1):
        marker = ' *' if player in online else ''
        source.reply(f'{i}. {player}: {_fmt(total)}{marker}')
