#!/usr/bin/python3
"""1,000 WebSocket clients on one server; one event fanned out to all, ROUNDS times.

Usage: fanout.py PORT TOKEN SERVER_PID CLIENTS ROUNDS
Prints one JSON object: delivery latencies (from just before the event's POST to its receipt
on each socket: the server's commit, NOTIFY, fan-out and this client's own reading) and the
server's resident memory before, while holding the sockets, and after they closed.
"""
import asyncio, http.client, json, sys, time
import websockets

port, token, pid, clients, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])


def rss_mb():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024


def publish():
    conn = http.client.HTTPConnection("127.0.0.1", int(port))
    conn.request("POST", "/api/test/events", json.dumps({"type": "test.fanout"}),
                 {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    assert conn.getresponse().status == 204


async def until_fanout(ws):
    while True:
        frame = json.loads(await ws.recv())
        if frame.get("type") == "test.fanout":
            return time.perf_counter()


async def main():
    before = rss_mb()
    headers = {"Authorization": "Bearer " + token}
    sockets = []
    for _ in range(clients):  # one after another: the server sees a steady trickle, no storm
        sockets.append(await websockets.connect(f"ws://127.0.0.1:{port}/api/test/echo",
                                                extra_headers=headers, compression=None,
                                                ping_interval=None, max_queue=None))
    held = rss_mb()
    latencies = []
    for _ in range(rounds):
        waits = [asyncio.ensure_future(until_fanout(ws)) for ws in sockets]
        await asyncio.sleep(0.05)
        sent = time.perf_counter()
        await asyncio.get_running_loop().run_in_executor(None, publish)
        received = await asyncio.wait_for(asyncio.gather(*waits), 30)
        latencies += [(t - sent) * 1000 for t in received]
        await asyncio.sleep(0.2)
    after_rounds = rss_mb()
    await asyncio.gather(*(ws.close() for ws in sockets))
    await asyncio.sleep(2)
    latencies.sort()
    pct = lambda p: round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1)
    print(json.dumps({"deliveries": len(latencies), "p50": pct(0.50), "p99": pct(0.99),
                      "max": round(latencies[-1], 1), "rss_before": round(before, 1),
                      "rss_held": round(held, 1), "rss_after_rounds": round(after_rounds, 1),
                      "rss_closed": round(rss_mb(), 1)}))

asyncio.run(main())
