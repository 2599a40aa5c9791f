# gunicorn --workers 4 --bind 0.0.0.0:8000 --pythonpath . 'hgweb:application'
# (pushes over HTTP run the in-process Python hooks configured in hgrc)
from mercurial import demandimport

demandimport.enable()

from mercurial.hgweb import hgweb  # noqa: E402

application = hgweb(b"/srv/hg/hgweb.config")
