from sqlalchemy import create_engine, text

from . import settings

alarm_engine = create_engine(settings.HISTORIAN_DB_URL, pool_size=3, pool_recycle=600)


def open_alarm(source: str, message: str, severity: int) -> None:
    with alarm_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO alarms (source, message, severity, raised_at) "
                "VALUES (:source, :message, :severity, now())"
            ),
            {"source": source, "message": message, "severity": severity},
        )
