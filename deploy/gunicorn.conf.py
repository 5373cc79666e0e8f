"""gunicorn settings for one app server: `gunicorn -c deploy/gunicorn.conf.py pomyslowice.wsgi`.

Every value comes from the environment (systemd's EnvironmentFile), so one file serves every host
and every instance of pomyslowice-web@.service. docs/deploy.md explains the numbers.
"""

import multiprocessing
import os

# The address nginx reaches: GUNICORN_HOST (the host's private address when nginx runs on
# another machine) and GUNICORN_PORT, which pomyslowice-web@.service sets from its instance name.
# GUNICORN_BIND, if set, replaces both (comma-separated list of addresses).
_default_bind = (
    f"{os.environ.get('GUNICORN_HOST', '127.0.0.1')}:{os.environ.get('GUNICORN_PORT', '8000')}"
)
bind = os.environ.get("GUNICORN_BIND", _default_bind).split(",")
# Synchronous workers: the app is CPU- and database-bound, two per core is the usual start.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# Longer than nginx's upstream keepalive_timeout, so nginx closes idle connections first and
# never sends a request into a connection gunicorn is closing.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# Recycle workers now and then, staggered, so slow leaks never add up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Load the project once in the master; workers fork with it already imported.
preload_app = True
# nginx is the only client: trust its X-Forwarded-* headers when it runs on another host.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The runtime control socket would go to $HOME, which the systemd units make read-only; systemd
# already gives reload (HUP) and stop.
control_socket_disable = True
proc_name = "pomyslowice-" + bind[0].rsplit(":", 1)[-1]
