"""{{% release_badge owner/repo %}} -> a small badge with the latest release tag.

Nikola calls ``handler`` once for every use of the shortcode in every post/page
being compiled, so the HTTP session and the answers are kept on the plugin.
"""
import requests
from nikola.plugin_categories import ShortcodePlugin
from nikola.utils import get_logger

LOGGER = get_logger("release_badge")


class Plugin(ShortcodePlugin):
    name = "release_badge"

    def set_site(self, site):
        self._http = requests.Session()
        self._http.headers["Accept"] = "application/vnd.github+json"
        token = site.config.get("RELEASE_BADGE_TOKEN")
        if token:
            self._http.headers["Authorization"] = f"Bearer {token}"
        self._api = site.config.get("RELEASE_BADGE_API", "https://api.github.com")
        self._seen = {}
        return super().set_site(site)

    def _latest(self, repo):
        if repo not in self._seen:
            resp = self._http.get(f"{self._api}/repos/{repo}/releases/latest", timeout=10)
            if resp.status_code == 404:
                self._seen[repo] = None
            else:
                resp.raise_for_status()
                self._seen[repo] = resp.json()
        return self._seen[repo]

    def handler(self, repo, site=None, data=None, lang=None, post=None):
        try:
            release = self._latest(repo)
        except requests.RequestException as exc:
            LOGGER.warning("could not fetch release of %s: %s", repo, exc)
            release = None
        if release is None:
            return f'<span class="badge bg-secondary">{repo}: no release</span>', []
        tag = release["tag_name"]
        url = release["html_url"]
        return f'<a class="badge bg-success" href="{url}">{repo} {tag}</a>', []
