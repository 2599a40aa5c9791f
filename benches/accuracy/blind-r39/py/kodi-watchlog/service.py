import xbmc
import xbmcaddon
import xbmcgui
import requests

from resources.lib import stats, store

ADDON = xbmcaddon.Addon()
HOME = xbmcgui.Window(10000)


def log(msg, level=xbmc.LOGINFO):
    xbmc.log("[service.watchlog] %s" % msg, level)


class WatchPlayer(xbmc.Player):
    def __init__(self):
        super().__init__()
        self._entry_id = None
        self._item = None
        self._position = 0.0
        self._total = 0.0

    def onAVStarted(self):
        if not self.isPlayingVideo():
            return
        tag = self.getVideoInfoTag()
        self._item = {
            "title": tag.getTitle(),
            "showtitle": tag.getTVShowTitle(),
            "mediatype": tag.getMediaType(),
            "imdb": tag.getIMDBNumber(),
            "file": self.getPlayingFile(),
        }
        self._total = self.getTotalTime()
        self._entry_id = store.record_start(ADDON.getSetting("profile"), self._item)
        log("started %s" % self._item["title"])

    def tick(self):
        if self.isPlayingVideo():
            self._position = self.getTime()

    def onPlayBackStopped(self):
        self._finish()

    def onPlayBackEnded(self):
        self._position = self._total
        self._finish()

    def _finish(self):
        if self._item is None:
            return
        profile = ADDON.getSetting("profile")
        finished = store.record_stop(self._entry_id, self._position, self._total)
        if finished:
            stats.bump(profile, self._item)
            dashboard = requests.Session()
            dashboard.headers["User-Agent"] = "service.watchlog/1.3"
            try:
                dashboard.post(
                    ADDON.getSetting("dashboard_url") + "/scrobble",
                    json={"profile": profile, "item": self._item},
                    timeout=5,
                )
            except requests.RequestException as exc:
                log("scrobble failed: %s" % exc, xbmc.LOGWARNING)
        self._item = None
        self._entry_id = None


def refresh_widgets():
    for i, key in enumerate(stats.top(ADDON.getSetting("profile")), start=1):
        HOME.setProperty("watchlog.top.%d" % i, key)


if __name__ == "__main__":
    monitor = xbmc.Monitor()
    player = WatchPlayer()
    log("service started")
    refresh_widgets()
    ticks = 0
    while not monitor.abortRequested():
        if monitor.waitForAbort(10):
            break
        player.tick()
        ticks += 1
        if ticks % 30 == 0:
            refresh_widgets()
    store.client.close()
    log("service stopped")
