#!/usr/bin/env python3
"""SERVER.md section 5 against a real `dudao serve`: offices uploading a 10,000-row workbook
each, CONCURRENCY at a time, with the latency of every upload; then the server killed
(SIGKILL) in the middle of an upload and started again, to show that no stored upload is
lost and the store is whole.

A district is generated (`dudao generate`, about ten practitioners an office), its ledger
split by office into one workbook per office (xlsxwriter, constant_memory; CSV without it),
accounts made with `dudao users`, rosters PUT by a supervisor's token, then every office's
workbook POSTed by that token. Prints one JSON object; exits 1 when an upload is lost or
the p99 is over 5 s.

usage: bench/server_load.py DUDAO_BINARY [--offices 200] [--rows 10000] [--concurrency 20]
"""
import argparse
import concurrent.futures
import csv
import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

ROSTERS = ["offices", "practitioners", "streets", "communities", "enterprises", "contacts", "fee_schedule"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def multipart(name, data):
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return f"multipart/form-data; boundary={boundary}", head + data + f"\r\n--{boundary}--\r\n".encode()


def request(port, method, path, token, body=None, content_type=None, timeout=300):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Authorization": "Bearer " + token}
    if content_type:
        headers["Content-Type"] = content_type
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, data


def start(binary, db, port, log):
    proc = subprocess.Popen([binary, "serve", "--store", "sqlite:" + db, "--listen", f"127.0.0.1:{port}"],
                            stdout=log, stderr=log)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def split_ledger(district, out, offices, rows, as_xlsx):
    """One file per office of its first `rows` activity rows."""
    per = {o: [] for o in offices}
    with open(os.path.join(district, "activities.csv"), encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        col = header.index("所编号")
        for r in reader:
            bucket = per.get(r[col].strip())
            if bucket is not None and len(bucket) < rows:
                bucket.append(r)
    files = {}
    for o, body in per.items():
        if as_xlsx:
            import xlsxwriter
            path = os.path.join(out, o + ".xlsx")
            wb = xlsxwriter.Workbook(path, {"constant_memory": True})
            ws = wb.add_worksheet("活动台账")
            for i, r in enumerate([header] + body):
                ws.write_row(i, 0, r)
            wb.close()
        else:
            path = os.path.join(out, o + ".csv")
            with open(path, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(header)
                w.writerows(body)
        files[o] = path
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--offices", type=int, default=200)
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--concurrency", type=int, default=20)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    work = tempfile.mkdtemp(prefix="dudao-server-load-")
    district = os.path.join(work, "district")
    per_practitioner = max(a.rows // 10 + 200, 500)
    subprocess.run([binary, "generate", "--practitioners", str(a.offices * 10), "--seed", "7", "--out", district,
                    "--activities-per-practitioner", str(per_practitioner)], check=True, capture_output=True)
    with open(os.path.join(district, "offices.csv"), encoding="utf-8-sig", newline="") as f:
        offices = sorted(r["所编号"].strip() for r in csv.DictReader(f))[: a.offices]
    try:
        import xlsxwriter  # noqa: F401
        as_xlsx = True
    except ImportError:
        as_xlsx = False
    uploads_dir = os.path.join(work, "uploads")
    os.mkdir(uploads_dir)
    files = split_ledger(district, uploads_dir, offices, a.rows, as_xlsx)

    db = os.path.join(work, "d.db")
    run = lambda *args: subprocess.run([binary, *args, "--store", "sqlite:" + db], check=True, capture_output=True, text=True)
    run("users", "add", "--user", "boss", "--role", "supervisor", "--admin")
    token = run("users", "token", "--user", "boss").stdout.strip()
    for o in offices:
        run("users", "add", "--user", o.lower(), "--role", "office", "--office", o)

    port = free_port()
    log = open(os.path.join(work, "serve.log"), "wb")
    server = start(binary, db, port, log)
    for t in ROSTERS:
        with open(os.path.join(district, t + ".csv"), "rb") as f:
            ct, body = multipart(t + ".csv", f.read())
        status, data = request(port, "PUT", f"/api/v1/rosters/{t}", token, body, ct)
        if status != 200:
            raise SystemExit(f"roster {t}: {status} {data[:300]!r}")

    def upload(office):
        with open(files[office], "rb") as f:
            # A workbook's sheet is found by its title (活动台账); a CSV by the table's file name.
            ct, body = multipart("台账.xlsx" if as_xlsx else "activities.csv", f.read())
        t0 = time.monotonic()
        status, data = request(port, "POST", f"/api/v1/offices/{office}/uploads", token, body, ct)
        return office, status, time.monotonic() - t0, data

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(a.concurrency) as pool:
        results = list(pool.map(upload, offices))
    wall = time.monotonic() - t0
    latencies = sorted(r[2] for r in results)
    stored = sum(1 for r in results if r[1] == 201)
    failures = [(r[0], r[1], r[3][:200].decode("utf-8", "replace")) for r in results if r[1] != 201]
    pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
    rss = peak_rss_mb(server.pid)
    status, data = request(port, "GET", f"/api/v1/offices/{offices[0]}/uploads", token)
    listed = len(json.loads(data)["uploads"]) if status == 200 else -1

    # Kill mid-upload: send half of a large body, then SIGKILL.
    with open(files[offices[1]], "rb") as f:
        ct, body = multipart("late.csv", f.read() * 20)
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall((f"POST /api/v1/offices/{offices[1]}/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
               f"Content-Type: {ct}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body[: len(body) // 2])
    time.sleep(0.5)
    server.send_signal(signal.SIGKILL)
    server.wait()
    s.close()
    integrity = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0]
    server = start(binary, db, port, log)
    time.sleep(0.5)
    incoming = os.listdir(db + ".files/incoming")
    status, data = request(port, "GET", "/api/v1/audit", token)
    rows = sqlite3.connect(db).execute("SELECT COUNT(*) FROM uploads").fetchone()[0]
    status_check, _ = request(port, "GET", f"/api/v1/offices/{offices[2]}/check", token)
    server.send_signal(signal.SIGTERM)
    server.wait()

    report = {
        "offices": len(offices), "rowsPerUpload": a.rows, "format": "xlsx" if as_xlsx else "csv",
        "concurrency": a.concurrency, "stored": stored, "failures": failures[:5],
        "seconds": round(wall, 1), "p50": round(pct(0.50), 2), "p95": round(pct(0.95), 2), "p99": round(pct(0.99), 2),
        "max": round(latencies[-1], 2), "serverPeakRSSMB": rss, "listedForOneOffice": listed,
        "afterKill": {"integrity": integrity, "uploadsStored": rows, "incomingLeftOver": len(incoming),
                      "auditStatus": status, "checkStatus": status_check},
        "folder": work,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    ok = stored == len(offices) and rows == len(offices) and integrity == "ok" and not incoming and pct(0.99) < 5 \
        and status == 200 and status_check == 200
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
