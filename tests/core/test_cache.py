"""The Redis cache fails open: a real redis-server of the test's own is stopped and started again."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis

from core import cache as fail_open
from tests.conftest import require


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, port, tmp_path):
        self.port, self.tmp_path, self.process = port, tmp_path, None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                self.tmp_path,
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        for _ in range(50):
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(5)


@pytest.fixture
def server(tmp_path):
    require(shutil.which("redis-server"), "redis-server is not installed")
    server = RedisServer(free_port(), str(tmp_path))
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def cache(server, monkeypatch):
    monkeypatch.setattr(fail_open, "outage", fail_open.Outage())
    backend = fail_open.FailOpenRedisCache(
        f"redis://127.0.0.1:{server.port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 2}},
    )
    yield backend
    backend.close()


def outage_messages(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "core.cache"]


def test_a_stopped_redis_is_a_miss_logged_once_and_its_return_logged_once(server, cache, caplog, monkeypatch):
    cache.set("layer", "document", 60)
    assert cache.get("layer") == "document"

    server.stop()
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(20):
            assert cache.get("layer", "computed") == "computed"
            assert cache.get_or_set("page", lambda: "rendered", 60) == "rendered"
            cache.set("layer", "document", 60)
            assert cache.get_many(["layer"]) == {}
            cache.delete("layer")
    messages = outage_messages(caplog)
    assert len(messages) == 1, messages
    assert f"127.0.0.1:{server.port} unreachable" in messages[0]
    assert fail_open.outage.skip(), "until RETRY_AFTER, calls must not wait on Redis again"
    with pytest.raises(ValueError):
        cache.incr("proposals")  # what incr() does on a miss: callers already handle it

    caplog.clear()
    server.start()
    monkeypatch.setattr(fail_open, "RETRY_AFTER", 0)
    fail_open.outage.next_try = 0
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        cache.set("layer", "fresh", 60)
        assert cache.get("layer") == "fresh"
    messages = outage_messages(caplog)
    assert len(messages) == 1 and "answers again" in messages[0], messages


def test_the_log_never_shows_the_password_of_the_redis_url():
    backend = fail_open.FailOpenRedisCache("redis://:s3cret@127.0.0.1:6379/0", {})
    assert backend.location == "127.0.0.1:6379"
