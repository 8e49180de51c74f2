"""Live events through Redis pub/sub (`HUB_REDIS_URL`), for deployments that run one.

The subscribing connection is its own, without the client's silent retries (a silent
reconnection would hide the gap in which messages were lost): any failure closes it, and
it is opened again with back-off, after which `connected()` tells the runtime to look up
what went out meanwhile. When the channel is quiet for HEARTBEAT_SECONDS a PING goes out,
and no answer within HEARTBEAT_TIMEOUT counts as a failure. Messages are published after
the commit of the claim they announce, on a client of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from hub.live.bus import HEARTBEAT_SECONDS, HEARTBEAT_TIMEOUT, Backoff, Bus, Connected, Deliver

log = logging.getLogger("tatawwu.live")

CLIENT_NAME = "tatawwu-live"  # how the subscribing connection shows in CLIENT LIST
SOCKET_TIMEOUT = 5.0


class RedisBus(Bus):
    name = "redis"

    def __init__(self, url: str, channel: str, *, heartbeat: float = HEARTBEAT_SECONDS,
                 client_name: str = CLIENT_NAME) -> None:
        self.url = url
        self.channel = channel
        self.heartbeat = heartbeat
        self.client_name = client_name
        self.connections = 0
        self._publisher = aioredis.Redis.from_url(
            url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT)

    async def publish(self, payload: str) -> None:
        await self._publisher.publish(self.channel, payload)

    async def close(self) -> None:
        await self._publisher.aclose()

    async def listen(self, deliver: Deliver, connected: Connected) -> None:
        backoff = Backoff()
        while True:
            client = aioredis.Redis.from_url(
                self.url, socket_connect_timeout=SOCKET_TIMEOUT, client_name=self.client_name,
                retry=Retry(NoBackoff(), 0))
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.channel)
                self.connections += 1
                if self.connections > 1:
                    log.info("live: subscribed again to Redis channel %s", self.channel)
                backoff.reset()
                await connected()
                await self._receive(pubsub, deliver)
            except Exception as exc:  # whatever cut it, listening goes on after a pause
                log.warning("live: Redis subscription failed (%s: %s); reconnecting",
                            type(exc).__name__, exc)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()
                with contextlib.suppress(Exception):
                    await client.aclose()
            await asyncio.sleep(backoff.delay())

    async def _receive(self, pubsub: aioredis.client.PubSub, deliver: Deliver) -> None:
        """Messages until the connection fails (which raises)."""
        awaiting_pong = False
        while True:
            message = await pubsub.get_message(
                ignore_subscribe_messages=True,
                timeout=HEARTBEAT_TIMEOUT if awaiting_pong else self.heartbeat)
            if message is None:
                if awaiting_pong:
                    raise TimeoutError("Redis did not answer PING")
                await pubsub.ping()
                awaiting_pong = True
                continue
            awaiting_pong = False  # anything heard shows the connection alive
            if message.get("type") == "message":
                data = message["data"]
                deliver(data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data))
