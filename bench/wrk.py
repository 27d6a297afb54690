"""Loading one URL set with wrk: bounded in time and in requests, 127.0.0.1 only."""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

LUA = """
local paths = {%(paths)s}
local cookie = %(cookie)s
local max_requests = %(max_requests)d
local counter = 0
local i = 0
bad = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(0, #paths - 1)
end

function request()
  i = i %% #paths + 1
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[i], headers)
end

function response(status, headers, body)
  counter = counter + 1
  if status ~= 200 then bad = bad + 1 end
  if counter >= max_requests then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + thread:get("bad") end
  io.write(string.format(
    'WRK_JSON {"requests":%%d,"duration_us":%%d,"p50_us":%%d,"p95_us":%%d,"p99_us":%%d,' ..
    '"mean_us":%%.1f,"max_us":%%d,"not_200":%%d,"connect_errors":%%d,"read_errors":%%d,' ..
    '"write_errors":%%d,"timeouts":%%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean, latency.max, wrong, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout))
end
"""


@dataclass(frozen=True)
class Load:
    clients: int
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    errors: int

    def as_dict(self) -> dict[str, float | int]:
        return dict(self.__dict__)


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def available() -> bool:
    return shutil.which("wrk") is not None


def run(
    port: int,
    paths: list[str],
    *,
    clients: int,
    seconds: float,
    max_requests: int,
    cookie: str = "",
) -> Load:
    """Send GETs for ``paths`` in turn from ``clients`` connections; return the figures."""
    if not paths:
        raise ValueError("no paths to load")
    script = LUA % {
        "paths": ", ".join(lua_string(p) for p in paths),
        "cookie": lua_string(cookie),
        "max_requests": max(1, max_requests // max(1, min(clients, 2))),
    }
    threads = 1 if clients == 1 else 2
    with tempfile.TemporaryDirectory() as folder:
        lua = Path(folder) / "load.lua"
        lua.write_text(script)
        command = [
            "wrk",
            f"--threads={threads}",
            f"--connections={clients}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=30s",
            f"--script={lua}",
            f"http://127.0.0.1:{port}{paths[0]}",
        ]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 90, check=False
        )
    line = next(
        (row for row in done.stdout.splitlines() if row.startswith("WRK_JSON ")),
        None,
    )
    if line is None:
        raise RuntimeError(f"wrk gave no figures: {done.stdout}\n{done.stderr}")
    data = json.loads(line.removeprefix("WRK_JSON "))
    elapsed = data["duration_us"] / 1e6
    errors = (
        data["not_200"]
        + data["connect_errors"]
        + data["read_errors"]
        + data["write_errors"]
        + data["timeouts"]
    )
    return Load(
        clients=clients,
        requests=data["requests"],
        seconds=round(elapsed, 2),
        rps=round(data["requests"] / elapsed, 1) if elapsed else 0.0,
        p50_ms=round(data["p50_us"] / 1000, 2),
        p95_ms=round(data["p95_us"] / 1000, 2),
        p99_ms=round(data["p99_us"] / 1000, 2),
        mean_ms=round(data["mean_us"] / 1000, 2),
        max_ms=round(data["max_us"] / 1000, 2),
        errors=errors,
    )
