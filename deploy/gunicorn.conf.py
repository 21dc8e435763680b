"""gunicorn settings for the site (deploy/ess-web.service and CI's production stage use them).

Run from the project root: `gunicorn -c deploy/gunicorn.conf.py`. Command-line options win, e.g.
`--bind 127.0.0.1:8100`; WEB_CONCURRENCY sets the number of workers (gunicorn reads it itself).
"""

import os

wsgi_app = "config.wsgi:application"
pythonpath = "site"
bind = "127.0.0.1:8000"  # the reverse proxy in front of it (deploy/nginx.conf) is the only client
workers = int(os.environ.get("WEB_CONCURRENCY", 3))
timeout = 30  # a worker silent this long is restarted
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then, so no slow leak grows for weeks
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Only the proxy on this machine may say the request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = "127.0.0.1,::1"
