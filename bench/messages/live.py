#!/usr/bin/python3
"""Live messages through GET /api/ws, with real tokens and the real first-frame handshake.

Usage: live.py fanout PORT STAFF_TOKEN CLIENT_TOKEN CONVERSATION SERVER_PID CLIENTS ROUNDS
       live.py idle PORT TOKEN SERVER_PID SOCKETS
fanout: CLIENTS staff sockets; ROUNDS times the client posts a message, timed from just before
the POST to its message.created frame on each socket (commit, NOTIFY, fan-out, and this
process reading the frames one after another). idle: SOCKETS signed-in sockets held, doing
nothing. Prints one JSON object, with the server's resident memory along the way.
"""
import asyncio, http.client, json, sys, time
import websockets


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)


async def connect(port, token):
    ws = await websockets.connect(f"ws://127.0.0.1:{port}/api/ws", compression=None,
                                  ping_interval=None, max_queue=None, open_timeout=60)
    await ws.send(json.dumps({"type": "auth", "token": token}))
    ready = json.loads(await ws.recv())
    assert ready["type"] == "ready", ready
    return ws


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


async def until_message(ws):
    while True:
        frame = json.loads(await ws.recv())
        if frame.get("type") == "message.created":
            return time.perf_counter()


async def fanout(port, staff, client, conversation, pid, clients, rounds):
    before = rss_mb(pid)
    sockets = await connect_all(port, staff, clients)
    held = rss_mb(pid)
    latencies = []
    for r in range(rounds):
        waits = [asyncio.ensure_future(until_message(ws)) for ws in sockets]
        await asyncio.sleep(0.05)
        sent = time.perf_counter()
        await asyncio.get_running_loop().run_in_executor(None, post, port, client, conversation,
                                                         f"Message {r}")
        received = await asyncio.wait_for(asyncio.gather(*waits), 30)
        latencies += [(t - sent) * 1000 for t in received]
        await asyncio.sleep(0.3)  # the notification frames pass
    after = rss_mb(pid)
    await asyncio.gather(*(ws.close() for ws in sockets))
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
    await asyncio.gather(*(ws.close() for ws in sockets))
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
