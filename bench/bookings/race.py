#!/usr/bin/env python3
"""Fires N booking requests for one slot at the same moment, each on its own connection.

Usage: race.py PORT TOKEN BODY N
Prints one line: "<seconds> <count of 201> <count of 409> <count of 5xx> <count of other>".
"""
import http.client
import sys
import threading
import time

port, token, body, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
statuses = []
lock = threading.Lock()
go = threading.Event()


def attempt():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.connect()  # connect first, so that the requests leave together
    go.wait()
    try:
        conn.request("POST", "/api/bookings", body, headers)
        status = conn.getresponse().status
    except OSError:
        status = 0
    with lock:
        statuses.append(status)


threads = [threading.Thread(target=attempt) for _ in range(n)]
for t in threads:
    t.start()
time.sleep(1)
start = time.monotonic()
go.set()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
created = statuses.count(201)
conflicts = statuses.count(409)
errors = sum(1 for s in statuses if s >= 500)
print(f"{elapsed:.2f} {created} {conflicts} {errors} {len(statuses) - created - conflicts - errors}")
