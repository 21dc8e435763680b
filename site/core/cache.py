"""The Redis cache, fail-open: when Redis is unreachable the site keeps answering, computing what it
would have cached.

Django's RedisCache raises on every operation while Redis is down, and every page and map layer
then answers 500. Here each operation that fails with a Redis error behaves as a miss (reads return
the default, writes store nothing). The outage is logged once per process when it starts and once
when Redis answers again, not once per request; while it lasts Redis is tried again at most every
`RETRY_AFTER` seconds, so a server that does not answer at all (a dropped packet, not a refused
connection) costs at most one connect timeout per interval instead of one per cache call.
"""

import functools
import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds between attempts while Redis is down


class Outage:
    """Whether Redis is down, shared by the threads of one process (each has its own cache object)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_since = None
        self.next_try = 0.0

    def skip(self):
        """True while Redis is known to be down and it is not yet time to try it again."""
        return self.down_since is not None and time.monotonic() < self.next_try

    def failed(self, location, error):
        with self.lock:
            self.next_try = time.monotonic() + RETRY_AFTER
            if self.down_since is None:
                self.down_since = time.monotonic()
                logger.warning(
                    "Redis cache at %s unreachable (%s): serving without the cache until it answers.",
                    location,
                    error,
                )

    def recovered(self, location):
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is not None:
                logger.warning(
                    "Redis cache at %s answers again after %.0f s.",
                    location,
                    time.monotonic() - self.down_since,
                )
                self.down_since = None


outage = Outage()


def fail_open(fallback):
    """Decorate a cache operation: on a Redis error, or while Redis is down, return fallback(*args)."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if outage.skip():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                outage.failed(self.location, error)
                return fallback(*args, **kwargs)
            outage.recovered(self.location)
            return result

        return wrapper

    return decorate


def key_not_found(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # what incr() raises on a miss


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # For the log: host and port only, never the password a URL may carry.
        self.location = ", ".join(urlsplit(url).netloc.rpartition("@")[2] for url in self._servers)

    get = fail_open(lambda key, default=None, *args, **kwargs: default)(RedisCache.get)
    get_many = fail_open(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = fail_open(lambda *args, **kwargs: False)(RedisCache.has_key)
    set = fail_open(lambda *args, **kwargs: None)(RedisCache.set)
    add = fail_open(lambda *args, **kwargs: False)(RedisCache.add)
    touch = fail_open(lambda *args, **kwargs: False)(RedisCache.touch)
    set_many = fail_open(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete = fail_open(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = fail_open(lambda *args, **kwargs: None)(RedisCache.delete_many)
    incr = fail_open(key_not_found)(RedisCache.incr)
    clear = fail_open(lambda *args, **kwargs: False)(RedisCache.clear)
