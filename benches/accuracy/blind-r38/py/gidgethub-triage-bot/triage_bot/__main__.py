import os

import aiohttp
from aiohttp import web
from gidgethub import aiohttp as gh_aiohttp
from gidgethub import apps, sansio

from triage_bot.routes import router

APP_ID = os.environ["GITHUB_APP_ID"]
PRIVATE_KEY = os.environ["GITHUB_PRIVATE_KEY"]
WEBHOOK_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"]


async def http_session_ctx(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


async def webhook(request: web.Request) -> web.Response:
    body = await request.read()
    event = sansio.Event.from_http(request.headers, body, secret=WEBHOOK_SECRET)
    if event.event == "ping":
        return web.Response(status=200)

    gh = gh_aiohttp.GitHubAPI(request.app["http"], "triage-bot")
    installation_id = event.data["installation"]["id"]
    token = await apps.get_installation_access_token(
        gh, installation_id=installation_id, app_id=APP_ID, private_key=PRIVATE_KEY
    )
    gh = gh_aiohttp.GitHubAPI(request.app["http"], "triage-bot", oauth_token=token["token"])
    await router.dispatch(event, gh)
    return web.Response(status=200)


def main():
    app = web.Application()
    app.cleanup_ctx.append(http_session_ctx)
    app.router.add_post("/webhook", webhook)
    web.run_app(app, port=int(os.environ.get("PORT", "8080")))


if __name__ == "__main__":
    main()
