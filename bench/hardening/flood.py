#!/usr/bin/env python3
"""Holds N idle TCP connections to PORT for SECONDS, spread over source addresses
127.0.0.2, 127.0.0.3, … (PER_ADDRESS each), reopening any the server closes, as a
connection flood would. Prints what it held and how often it was refused or cut."""
import asyncio, sys, time

port, total, seconds, per_address = (int(a) for a in sys.argv[1:5])
stats = {"opened": 0, "closed_by_server": 0, "refused": 0, "held_max": 0}
held = 0


async def hold(index):
    global held
    source = f"127.0.0.{2 + index // per_address}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
        except OSError:
            stats["refused"] += 1
            await asyncio.sleep(0.2)
            continue
        stats["opened"] += 1
        held += 1
        stats["held_max"] = max(stats["held_max"], held)
        try:
            await asyncio.wait_for(reader.read(1), timeout=max(0.1, deadline - time.monotonic()))
            stats["closed_by_server"] += 1  # a 503 or a first-byte deadline
        except asyncio.TimeoutError:
            pass
        finally:
            held -= 1
            writer.close()
        await asyncio.sleep(0.05)


async def main():
    await asyncio.gather(*(hold(i) for i in range(total)))
    print(" ".join(f"{k}={v}" for k, v in stats.items()))


asyncio.run(main())
