#!/usr/bin/env python3
"""The gallery benchmark's calls to Déclic at BASE, on the demo studio (`declic seed-demo`).

  api.py prepare BASE                       → staff token, client token, client1's project id
  api.py gallery BASE STAFF PROJECT TITLE   → a new gallery's id (originals downloadable)
  api.py upload BASE STAFF GALLERY FILE…    → JSON {files, bytes, seconds}: each file sent as a
                                              tus upload (creation, then one PATCH streaming it)
  api.py publish BASE STAFF GALLERY
  api.py links BASE CLIENT GALLERY          → the client's download link of the first photo,
                                              then the gallery's zip link
  api.py delete BASE STAFF GALLERY
"""
import base64, http.client, json, os, sys, time, urllib.parse

PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-declic-2026")
TUS = {"Tus-Resumable": "1.0.0"}


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=600, blocksize=1 << 20)


def call(conn, method, path, token=None, body=None, headers=None, expect=(200,)):
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = "Bearer " + token
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=headers)
    reply = conn.getresponse()
    data = reply.read()
    if reply.status not in expect:
        sys.exit(f"{method} {path}: {reply.status} {data[:300]!r}")
    return reply, (json.loads(data) if data and reply.getheader("Content-Type", "").endswith("json") else None)


def login(conn, email):
    return call(conn, "POST", "/api/auth/login", body={"email": email, "password": PASSWORD})[1]["accessToken"]


def b64(text):
    return base64.b64encode(text.encode()).decode()


def upload(conn, token, gallery, path):
    size = os.path.getsize(path)
    meta = f"galleryId {b64(gallery)},filename {b64(os.path.basename(path))}"
    reply, _ = call(conn, "POST", "/api/uploads", token, b"",
                    {**TUS, "Upload-Length": str(size), "Upload-Metadata": meta}, expect=(201,))
    with open(path, "rb") as f:
        call(conn, "PATCH", reply.getheader("Location"), token, f,
             {**TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream",
              "Content-Length": str(size)}, expect=(204,))
    return size


def main(command, base, *args):
    conn = connect(base)
    if command == "prepare":
        staff, client = login(conn, "pro@demo.declic.fr"), login(conn, "client1@demo.declic.fr")
        projects = call(conn, "GET", "/api/projects", client)[1]["items"]
        print(staff, client, projects[0]["id"], sep="\n")
    elif command == "gallery":
        staff, project, title = args
        made = call(conn, "POST", f"/api/projects/{project}/galleries", staff,
                    {"title": title, "downloads": "ORIGINALS"}, expect=(201,))[1]
        print(made["id"])
    elif command == "upload":
        staff, gallery, *files = args
        start = time.perf_counter()
        sent = sum(upload(conn, staff, gallery, f) for f in files)
        print(json.dumps({"files": len(files), "bytes": sent, "seconds": time.perf_counter() - start}))
    elif command == "publish":
        staff, gallery = args
        call(conn, "POST", f"/api/galleries/{gallery}/publish", staff, {})
    elif command == "links":
        client, gallery = args
        photos = call(conn, "GET", f"/api/galleries/{gallery}/files", client)[1]["items"]
        print(photos[0]["downloadUrl"])
        print(call(conn, "GET", f"/api/galleries/{gallery}", client)[1]["archiveUrl"])
    elif command == "delete":
        staff, gallery = args
        call(conn, "DELETE", f"/api/galleries/{gallery}", staff, expect=(204,))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(*sys.argv[1:]) if len(sys.argv) > 2 else sys.exit(__doc__)
