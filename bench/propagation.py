#!/usr/bin/env python3
"""Measures how long a flag change made on one replica takes to show in another replica's OFREP
answers. Usage: propagation.py <replica-a-url> <replica-b-url> <admin-token> <rounds>"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def connection(url):
    parsed = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)


def call(conn, method, path, headers, body=None):
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path} -> {response.status} {payload[:200]!r}")
    return json.loads(payload) if payload else None


def main():
    a_url, b_url, token, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    admin = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    a, b = connection(a_url), connection(b_url)
    project = f"prop-{int(time.time())}"
    created = call(a, "POST", "/api/v1/projects", admin,
                   {"key": project, "name": "Propagation", "environments": ["production"]})
    key = next(k["secret"] for k in created["environments"][0]["keys"] if k["kind"] == "server")
    call(a, "POST", f"/api/v1/projects/{project}/flags", admin, {"key": "switch", "name": "Switch", "type": "boolean"})
    ofrep = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    # the new key reaches replica B by a credential event too
    deadline = time.time() + 10
    while True:
        try:
            call(b, "POST", "/ofrep/v1/evaluate/flags/switch", ofrep, {"context": {"targetingKey": "u1"}})
            break
        except RuntimeError:
            if time.time() > deadline:
                raise
            b.close()
            b = connection(b_url)
            time.sleep(0.005)

    delays = []
    enabled = False
    for _ in range(rounds):
        enabled = not enabled
        started = time.perf_counter()
        call(a, "PUT", f"/api/v1/projects/{project}/flags/switch/environments/production/enabled", admin,
             {"enabled": enabled})
        committed = time.perf_counter()
        while True:
            answer = call(b, "POST", "/ofrep/v1/evaluate/flags/switch", ofrep, {"context": {"targetingKey": "u1"}})
            if answer["value"] == enabled:
                break
            if time.perf_counter() - started > 5:
                raise RuntimeError("change did not reach replica B within 5 s")
        delays.append((time.perf_counter() - committed) * 1000)
        time.sleep(0.05)
    delays.sort()
    print(f"propagation_ms rounds={rounds} p50={statistics.median(delays):.1f} "
          f"p95={delays[int(0.95 * (len(delays) - 1))]:.1f} max={delays[-1]:.1f}")


if __name__ == "__main__":
    main()
