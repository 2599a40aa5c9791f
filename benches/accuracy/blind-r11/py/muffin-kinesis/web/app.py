import muffin
from sqlalchemy import text

from common.db import make_engine, make_sessionmaker

app = muffin.Application(debug=False)
state: dict = {}


@app.on_startup
async def start():
    state["engine"] = make_engine(pool_size=10)
    state["sessions"] = make_sessionmaker(state["engine"])


@app.on_shutdown
async def stop():
    await state["engine"].dispose()


@app.route("/healthz")
async def healthz(request):
    async with state["engine"].connect() as conn:
        await conn.execute(text("SELECT 1"))
    return {"ok": True}


@app.route("/players/{player_id}/scores")
async def player_scores(request):
    player_id = request.path_params["player_id"]
    limit = min(int(request.query.get("limit", 20)), 100)
    async with state["sessions"]() as session:
        rows = await session.execute(
            text("SELECT game, score, recorded_at FROM scores WHERE player_id = :p ORDER BY recorded_at DESC LIMIT :l"),
            {"p": player_id, "l": limit},
        )
        return {
            "player": player_id,
            "scores": [{"game": g, "score": s, "at": at.isoformat()} for g, s, at in rows],
        }


@app.route("/leaderboard/{game}")
async def leaderboard(request):
    game = request.path_params["game"]
    async with state["sessions"]() as session:
        rows = await session.execute(
            text("SELECT player_id, max(score) AS best FROM scores WHERE game = :g GROUP BY player_id ORDER BY best DESC LIMIT 10"),
            {"g": game},
        )
        return {"game": game, "top": [{"player": p, "best": b} for p, b in rows]}
