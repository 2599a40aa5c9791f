import os
import xml.etree.ElementTree as ET

import boto3
from buildbot.process import buildstep
from buildbot.process.results import SUCCESS, WARNINGS
from sqlalchemy import insert
from sqlalchemy.orm import Session
from twisted.internet import defer, threads

from custom.db import engine, test_runs

ARTIFACT_BUCKET = os.environ.get("ARTIFACT_BUCKET", "ci-artifacts")


def _parse_junit(path):
    cases = []
    for case in ET.parse(path).getroot().iter("testcase"):
        failed = case.find("failure") is not None or case.find("error") is not None
        test_id = "%s::%s" % (case.get("classname", ""), case.get("name", ""))
        cases.append((test_id, not failed, float(case.get("time") or 0)))
    return cases


class RecordFlakyTests(buildstep.BuildStep):
    """Runs on the master after FileUpload brought report.xml over; one run per build."""

    name = "record-test-results"

    def __init__(self, report_path, **kwargs):
        super().__init__(**kwargs)
        self.report_path = report_path

    @defer.inlineCallbacks
    def run(self):
        path = yield self.build.render(self.report_path)
        builder = self.getProperty("buildername")
        number = self.getProperty("buildnumber")
        count = yield threads.deferToThread(self._store, path, builder, number)
        log = yield self.addLog("flaky")
        yield log.addStdout("recorded %d test results\n" % count)
        return SUCCESS if count else WARNINGS

    def _store(self, path, builder, number):
        cases = _parse_junit(path)
        session = Session(engine)
        session.execute(
            insert(test_runs),
            [
                {"builder": builder, "build_number": number, "test_id": t, "passed": ok, "duration": d}
                for t, ok, d in cases
            ],
        )
        session.commit()
        return len(cases)


class PublishArtifacts(buildstep.BuildStep):
    name = "publish-artifacts"

    def __init__(self, local_dir, **kwargs):
        super().__init__(**kwargs)
        self.local_dir = local_dir

    @defer.inlineCallbacks
    def run(self):
        local_dir = yield self.build.render(self.local_dir)
        prefix = "%s/%s/" % (self.getProperty("buildername"), self.getProperty("buildnumber"))
        uploaded = yield threads.deferToThread(self._upload, local_dir, prefix)
        self.descriptionDone = ["uploaded %d files" % uploaded]
        return SUCCESS

    def _upload(self, local_dir, prefix):
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        uploaded = 0
        for name in sorted(os.listdir(local_dir)):
            s3.upload_file(os.path.join(local_dir, name), ARTIFACT_BUCKET, prefix + name)
            uploaded += 1
        return uploaded
