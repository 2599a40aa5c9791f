import os

from ranger.api.commands import Command

from acme_clients import ALLOWED_PROFILES, s3_for, tag_store

DEFAULT_PROFILE = "media-dev"
DEFAULT_BUCKET = os.environ.get("RANGER_S3_BUCKET", "acme-media-dev-drop")


class s3push(Command):
    """:s3push [profile] [bucket]

    Upload the marked files (or the file under the cursor) to S3.
    """

    def execute(self):
        profile = self.arg(1) or DEFAULT_PROFILE
        bucket = self.arg(2) or DEFAULT_BUCKET
        try:
            s3 = s3_for(profile)
        except ValueError as err:
            self.fm.notify(str(err), bad=True)
            return

        files = [f for f in self.fm.thistab.get_selection() if f.is_file]
        for f in files:
            s3.upload_file(f.path, bucket, f.relative_path)
        self.fm.notify(f"uploaded {len(files)} file(s) to s3://{bucket} as {profile}")

    def tab(self, tabnum):
        return [f"s3push {p}" for p in ALLOWED_PROFILES]


class s3tag(Command):
    """:s3tag <tag>  -- remember a tag for the selected files."""

    def execute(self):
        tag = self.rest(1)
        if not tag:
            self.fm.notify("usage: s3tag <tag>", bad=True)
            return
        store = tag_store()
        for f in self.fm.thistab.get_selection():
            store.sadd(f"ranger:tags:{os.path.abspath(f.path)}", tag)
        self.fm.notify(f"tagged {len(self.fm.thistab.get_selection())} file(s) with {tag}")
