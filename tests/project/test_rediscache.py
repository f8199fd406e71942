"""The production cache (Redis) keeps one client per pool and behaves as Django's."""

from __future__ import annotations

import os
import uuid

import pytest
import redis

from gongkai.project.rediscache import RedisCache

URL = os.environ.get("GONGKAI_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def cache() -> RedisCache:
    try:
        redis.Redis.from_url(URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis not running (it is required in CI)")
    return RedisCache(URL, {"KEY_PREFIX": f"t{uuid.uuid4().hex[:8]}"})


def test_values_round_trip_as_with_djangos_cache(cache: RedisCache) -> None:
    cache.set("session", {"_auth_user_id": "7", "n": [1, 2]}, 30)
    assert cache.get("session") == {"_auth_user_id": "7", "n": [1, 2]}
    assert cache.add("session", "other") is False
    assert cache.incr(cache.add("hits", 1) and "hits", 2) == 3
    cache.delete_many(["session", "hits"])
    assert cache.get("session") is None and cache.get("hits", "gone") == "gone"


def test_one_client_per_pool(cache: RedisCache) -> None:
    client = cache._cache
    assert client.get_client("a") is client.get_client("b", write=True)
    assert client.get_client().connection_pool is client._get_connection_pool(False)
