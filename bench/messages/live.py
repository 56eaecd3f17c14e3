#!/usr/bin/python3
"""Live messages through GET /api/ws, with real tokens and the real first-frame handshake.

Usage: live.py fanout PORT STAFF_TOKEN CLIENT_TOKEN CONVERSATION SERVER_PID CLIENTS ROUNDS
       live.py idle PORT TOKEN SERVER_PID SOCKETS
fanout: CLIENTS staff sockets; ROUNDS times the client posts a message, timed from just before
the POST to the moment its message.created frame is read off each socket. idle: SOCKETS
signed-in sockets held, doing nothing. Prints one JSON object, with the server's resident
memory along the way.

The sockets are a minimal RFC 6455 client on asyncio's Protocol (no task per socket, no JSON
parsing of the frames it only needs to recognise): a general-purpose client library costs
the single client process ~0.1 ms per frame, which at 1,000 sockets would be measured as
server latency.
"""
import asyncio, base64, http.client, json, os, struct, sys, time


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)


def masked(opcode, payload):
    """A client frame (FIN, masked, as RFC 6455 requires of clients)."""
    mask = os.urandom(4)
    n = len(payload)
    head = bytes([0x80 | opcode]) + (bytes([0x80 | n]) if n < 126 else
                                     bytes([0x80 | 126]) + struct.pack("!H", n))
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


class Socket(asyncio.Protocol):
    def __init__(self, token):
        self.token, self.buffer, self.upgraded = token, b"", False
        self.ready = asyncio.get_running_loop().create_future()
        self.waiting = None  # (marker, future): resolved with the time a frame holding marker arrives

    def connection_made(self, transport):
        self.transport = transport
        key = base64.b64encode(os.urandom(16)).decode()
        transport.write(f"GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                        f"Sec-WebSocket-Version: 13\r\n\r\n".encode())

    def data_received(self, data):
        now = time.perf_counter()
        self.buffer += data
        if not self.upgraded:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            assert self.buffer.startswith(b"HTTP/1.1 101"), self.buffer[:200]
            self.buffer, self.upgraded = self.buffer[end + 4:], True
            self.transport.write(masked(1, json.dumps({"type": "auth", "token": self.token}).encode()))
        while len(self.buffer) >= 2:
            opcode, n, at = self.buffer[0] & 0x0F, self.buffer[1] & 0x7F, 2
            if n == 126:
                if len(self.buffer) < 4: return
                n, at = struct.unpack("!H", self.buffer[2:4])[0], 4
            elif n == 127:
                if len(self.buffer) < 10: return
                n, at = struct.unpack("!Q", self.buffer[2:10])[0], 10
            if len(self.buffer) < at + n:
                return
            payload, self.buffer = self.buffer[at:at + n], self.buffer[at + n:]
            self.frame(opcode, payload, now)

    def frame(self, opcode, payload, now):
        if opcode == 0x9:  # ping
            self.transport.write(masked(0xA, payload))
        elif opcode == 0x8:
            self.transport.close()
        elif not self.ready.done():
            assert b'"ready"' in payload, payload
            self.ready.set_result(True)
        elif self.waiting and self.waiting[0] in payload and not self.waiting[1].done():
            self.waiting[1].set_result(now)

    def expect(self, marker):
        self.waiting = (marker, asyncio.get_running_loop().create_future())
        return self.waiting[1]


async def connect(port, token):
    _, socket = await asyncio.get_running_loop().create_connection(lambda: Socket(token),
                                                                     "127.0.0.1", int(port))
    await asyncio.wait_for(socket.ready, 30)
    return socket


async def connect_all(port, token, n, at_once=200):
    sockets = []
    for start in range(0, n, at_once):  # in waves: a steady stream, not a storm
        sockets += await asyncio.gather(*(connect(port, token)
                                          for _ in range(min(at_once, n - start))))
    return sockets


def post(port, token, conversation, text):
    conn = http.client.HTTPConnection("127.0.0.1", int(port))
    conn.request("POST", f"/api/conversations/{conversation}/messages", json.dumps({"body": text}),
                 {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    response = conn.getresponse()
    assert response.status == 201, response.read()


async def fanout(port, staff, client, conversation, pid, clients, rounds):
    before = rss_mb(pid)
    sockets = await connect_all(port, staff, clients)
    held = rss_mb(pid)
    latencies = []
    for r in range(rounds):
        waits = [s.expect(b'"message.created"') for s in sockets]
        sent = time.perf_counter()
        await asyncio.get_running_loop().run_in_executor(None, post, port, client, conversation,
                                                         f"Message {r}")
        received = await asyncio.wait_for(asyncio.gather(*waits), 30)
        latencies += [(t - sent) * 1000 for t in received]
        await asyncio.sleep(0.3)  # the notification frames pass
    after = rss_mb(pid)
    for s in sockets:
        s.transport.close()
    latencies.sort()
    pct = lambda p: round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1)
    return {"deliveries": len(latencies), "p50": pct(0.50), "p99": pct(0.99),
            "max": round(latencies[-1], 1), "rss_before": before, "rss_held": held,
            "rss_after_rounds": after}


async def idle(port, token, pid, n):
    before = rss_mb(pid)
    started = time.perf_counter()
    sockets = await connect_all(port, token, n)
    took = time.perf_counter() - started
    await asyncio.sleep(2)
    held = rss_mb(pid)
    for s in sockets:
        s.transport.close()
    await asyncio.sleep(2)
    return {"sockets": n, "connect_s": round(took, 1), "rss_before": before, "rss_held": held,
            "kb_per_socket": round((held - before) * 1024 / n, 1), "rss_closed": rss_mb(pid)}


mode, args = sys.argv[1], sys.argv[2:]
if mode == "fanout":
    port, staff, client, conversation, pid = args[:5]
    result = asyncio.run(fanout(port, staff, client, conversation, pid, int(args[5]), int(args[6])))
else:
    port, token, pid = args[:3]
    result = asyncio.run(idle(port, token, pid, int(args[3])))
print(json.dumps(result))
