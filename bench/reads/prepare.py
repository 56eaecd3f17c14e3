#!/usr/bin/env python3
"""Gives the demo studio at BASE what the read benchmark needs: BOOKINGS confirmed bookings
(each with its project) for the demo client, made by the demo professional on free slots.
Prints the client's token, the staff token and one project id, one per line."""
import datetime, json, os, sys, urllib.error, urllib.request

base, password, wanted = sys.argv[1], os.environ.get("DEMO_PASSWORD", "demo-declic-2026"), int(sys.argv[2])


def call(method, path, token=None, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def login(email):
    status, r = call("POST", "/api/auth/login", body={"email": email, "password": password})
    if status != 200:
        sys.exit(f"cannot sign {email} in: {status} {r}")
    return r["accessToken"], r["user"]["id"]


client, client_id = login("client1@demo.declic.fr")
staff, _ = login("pro@demo.declic.fr")
_, services = call("GET", "/api/services")
projects = []
start = datetime.date.today() + datetime.timedelta(days=2)
for service in services["items"]:
    status, r = call("GET", f"/api/services/{service['id']}/slots?from={start}&to={start + datetime.timedelta(days=40)}")
    for slot in (r["slots"] if status == 200 else [])[::7]:
        if len(projects) == wanted:
            break
        status, b = call("POST", "/api/bookings", staff,
                         {"serviceId": service["id"], "start": slot["start"], "clientId": client_id})
        if status != 201:
            continue
        status, c = call("POST", f"/api/bookings/{b['id']}/confirm", staff)
        if status == 200:
            projects.append(c["projectId"])
if len(projects) < wanted:
    sys.exit(f"made {len(projects)} bookings of {wanted}")
# A project with a real timeline: two steps with notes.
call("PATCH", f"/api/projects/{projects[0]}", staff, {"status": "SHOT", "note": "120 photos, lumière douce"})
call("PATCH", f"/api/projects/{projects[0]}", staff, {"note": "Retouches en cours"})
print(client, staff, projects[0], sep="\n")
