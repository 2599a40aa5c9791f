from buildbot.reporters.base import ReporterBase
from buildbot.reporters.generators.build import BuildStatusGenerator
from buildbot.reporters.message import MessageFormatterFunction
from sqlalchemy import insert
from twisted.internet import defer, threads

from custom.db import build_outcomes, engine


def _summary(context):
    build = context["build"]
    return {"builder": build["builder"]["name"], "number": build["number"], "results": build["results"]}


class FlakyDashboardReporter(ReporterBase):
    """Writes one row per finished build; sendMessage runs for every build report."""

    def checkConfig(self, generators=None, **kwargs):
        if generators is None:
            generators = self._create_default_generators()
        super().checkConfig(generators=generators, **kwargs)

    @defer.inlineCallbacks
    def reconfigService(self, generators=None, **kwargs):
        if generators is None:
            generators = self._create_default_generators()
        yield super().reconfigService(generators=generators, **kwargs)

    def _create_default_generators(self):
        formatter = MessageFormatterFunction(_summary, "json")
        return [BuildStatusGenerator(mode=("failing", "passing", "warnings", "exception"), message_formatter=formatter)]

    @defer.inlineCallbacks
    def sendMessage(self, reports):
        for report in reports:
            for build in report["builds"]:
                yield threads.deferToThread(self._record, build)

    def _record(self, build):
        conn = engine.connect()
        conn.execute(
            insert(build_outcomes).values(
                builder=build["builder"]["name"],
                build_number=build["number"],
                results=build["results"],
                branch=(build.get("properties") or {}).get("branch", [None])[0],
            )
        )
        conn.commit()
