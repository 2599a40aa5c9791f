# Nikola configuration for the project website (only the parts that matter here).
import os

BLOG_AUTHOR = "The Tessera maintainers"
BLOG_TITLE = "Tessera"
SITE_URL = "https://tessera.example.org/"
BLOG_EMAIL = "team@tessera.example.org"
DEFAULT_LANG = "en"
TRANSLATIONS = {DEFAULT_LANG: ""}

POSTS = (("posts/*.md", "blog", "post.tmpl"),)
PAGES = (("pages/*.md", "", "page.tmpl"),)
COMPILERS = {"markdown": (".md",), "rest": (".rst",)}

THEME = "bootblog4"
OUTPUT_FOLDER = "output"

# used by plugins/release_badge: {{% release_badge tessera-org/tessera %}}
RELEASE_BADGE_API = "https://api.github.com"
RELEASE_BADGE_TOKEN = os.environ.get("GITHUB_TOKEN", "")

# used by plugins/sponsor_wall (task render_sponsor_wall)
SPONSORS_DSN = os.environ.get("SPONSORS_DSN", "postgresql://website@sponsors-db.internal/sponsors")
