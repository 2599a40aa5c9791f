from mmpy_bot import Message, Plugin, listen_to

from opsbot import cache, db


class StatusPlugin(Plugin):
    @listen_to(r"^status (\S+)$")
    def status(self, message: Message, env: str):
        conn = db.POOL.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT service, version, healthy FROM service_status WHERE env = %s ORDER BY service",
                    (env,),
                )
                rows = cur.fetchall()
        finally:
            db.POOL.putconn(conn)

        last = cache.redis_client.hgetall(f"last-deploy:{env}")
        lines = [
            f"| {svc} | {ver} | {'ok' if ok else 'DOWN'} | {last.get(svc, '-')} |" for svc, ver, ok in rows
        ]
        table = "| service | version | health | last deploy |\n|---|---|---|---|\n" + "\n".join(lines)
        self.driver.reply_to(message, table)
