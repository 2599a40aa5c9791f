import os
import sys

import requests
from asciimatics.exceptions import ResizeScreenError, StopApplication
from asciimatics.scene import Scene
from asciimatics.screen import Screen
from asciimatics.widgets import Button, Divider, Frame, Label, Layout, MultiColumnListBox, Widget

from queuetop import clients

QUEUE_SQL = """
SELECT queue,
       count(*) FILTER (WHERE state = 'ready')   AS ready,
       count(*) FILTER (WHERE state = 'running') AS running,
       count(*) FILTER (WHERE state = 'failed')  AS failed,
       coalesce(extract(epoch FROM now() - min(enqueued_at) FILTER (WHERE state = 'ready')), 0)::int AS oldest
FROM jobs GROUP BY queue ORDER BY queue
"""


class QueueFrame(Frame):
    def __init__(self, screen, pool, http, api_url):
        super().__init__(screen, screen.height, screen.width, has_border=False, name="queue-top")
        self._pool = pool
        self._http = http
        self._api_url = api_url
        self._last_frame = 0
        self._list = MultiColumnListBox(
            Widget.FILL_FRAME,
            ["<24", ">9", ">9", ">9", ">10"],
            [],
            titles=["Queue", "Ready", "Running", "Failed", "Oldest(s)"],
            name="queues",
        )
        self._status = Label("")
        table = Layout([1], fill_frame=True)
        self.add_layout(table)
        table.add_widget(self._list)
        table.add_widget(Divider())
        table.add_widget(self._status)
        buttons = Layout([1, 1, 1])
        self.add_layout(buttons)
        buttons.add_widget(Button("Retry failed", self._retry_failed), 0)
        buttons.add_widget(Button("Pause queue", self._pause_queue), 1)
        buttons.add_widget(Button("Quit", self._quit), 2)
        self.fix()

    @property
    def frame_update_count(self):
        return 40

    def _update(self, frame_no):
        if self._last_frame == 0 or frame_no - self._last_frame >= self.frame_update_count:
            self._last_frame = frame_no
            self._refresh()
        super()._update(frame_no)

    def _refresh(self):
        with self._pool.connection() as conn:
            rows = conn.execute(QUEUE_SQL).fetchall()
        selected = self._list.value
        self._list.options = [
            ([name, str(ready), str(running), str(failed), str(oldest)], name)
            for name, ready, running, failed, oldest in rows
        ]
        self._list.value = selected

    def _post(self, path):
        queue = self._list.value
        if queue is None:
            self._status.text = "select a queue first"
            return
        try:
            resp = self._http.post(f"{self._api_url}/queues/{queue}/{path}", timeout=5)
            resp.raise_for_status()
            self._status.text = f"{path} {queue}: {resp.json().get('affected', 0)} jobs"
        except requests.RequestException as exc:
            self._status.text = f"{path} failed: {exc}"

    def _retry_failed(self):
        self._post("retry-failed")

    def _pause_queue(self):
        self._post("pause")

    @staticmethod
    def _quit():
        raise StopApplication("user quit")


def run(screen, pool, http, api_url):
    screen.play([Scene([QueueFrame(screen, pool, http, api_url)], -1)], stop_on_resize=True)


def main():
    api_url = os.environ.get("QUEUE_API_URL", "http://jobs.internal:8080/admin")
    pool = clients.make_pool(os.environ["QUEUE_DSN"])
    http = clients.make_http(os.environ["QUEUE_API_TOKEN"])
    try:
        while True:
            try:
                Screen.wrapper(run, arguments=[pool, http, api_url])
                return 0
            except ResizeScreenError:
                continue
    finally:
        http.close()
        pool.close()


if __name__ == "__main__":
    sys.exit(main())
