"""The benchmark's results as JSON and as a Markdown table with the targets and ratios."""

import json
from pathlib import Path
from typing import Any

from . import common

# Targets of the issue, with 1,000,000 cases on 2 cores.
LIST_SCENARIOS = ("inbox", "inbox_filtered", "api_list", "api_filtered")
SEARCH_SCENARIOS = ("search_reference", "search_name")
P50_LIST_MS = 20
P95_MS = 50
SHARE_OF_BARE = 0.40
ADMIN_FACTOR = 10
WRITES_PER_SECOND = 100
RSS_MB = 200
TARGET_N = 1_000_000


def _load(result: dict[str, Any], name: str, clients: str) -> dict[str, Any] | None:
    scenario = result["reads"].get(name)
    if scenario is None:
        return None
    loads: dict[str, Any] = scenario["loads"]
    return loads.get(clients)


def ratios(result: dict[str, Any]) -> dict[str, Any]:
    """Item 2 throughput ÷ bare throughput at 16 clients; admin latency ÷ item 2 latency."""
    bare16 = _load(result, "bare", "16")
    out: dict[str, Any] = {}
    for name in LIST_SCENARIOS:
        load = _load(result, name, "16")
        if bare16 and load and bare16["rps"]:
            out[f"{name}_rps_share_of_bare_16"] = round(load["rps"] / bare16["rps"], 3)
    admin1 = _load(result, "admin_changelist", "1")
    for name in LIST_SCENARIOS:
        load = _load(result, name, "1")
        if admin1 and load and load["p50_ms"]:
            out[f"admin_p50_over_{name}_p50"] = round(admin1["p50_ms"] / load["p50_ms"], 1)
    return out


def targets(result: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """Each target: what it says, the figure measured, met or not."""
    rows: list[tuple[str, str, bool]] = []
    for name in LIST_SCENARIOS:
        one = _load(result, name, "1")
        if one:
            rows.append(
                (
                    f"{name}: p50 ≤ {P50_LIST_MS} ms, p95 ≤ {P95_MS} ms (1 client)",
                    f"{one['p50_ms']} / {one['p95_ms']} ms",
                    one["p50_ms"] <= P50_LIST_MS and one["p95_ms"] <= P95_MS,
                )
            )
    share = ratios(result)
    for name in LIST_SCENARIOS:
        key = f"{name}_rps_share_of_bare_16"
        if key in share:
            rows.append(
                (
                    f"{name}: ≥ {SHARE_OF_BARE:.0%} of the bare view's req/s (16 clients)",
                    f"{share[key]:.0%}",
                    share[key] >= SHARE_OF_BARE,
                )
            )
    for name in (*SEARCH_SCENARIOS, "case_page"):
        one = _load(result, name, "1")
        if one:
            rows.append(
                (f"{name}: p95 ≤ {P95_MS} ms", f"{one['p95_ms']} ms", one["p95_ms"] <= P95_MS)
            )
    for name in LIST_SCENARIOS:
        key = f"admin_p50_over_{name}_p50"
        if key in share:
            rows.append(
                (
                    f"{name}: ≥ {ADMIN_FACTOR}× faster than the admin changelist (p50, 1 client)",
                    f"{share[key]}×",
                    share[key] >= ADMIN_FACTOR,
                )
            )
    writes = result.get("writes") or {}
    if writes:
        rows.append(
            (
                f"writes: ≥ {WRITES_PER_SECOND} transitions/s, 8 clients, no error",
                f"{writes.get('transitions_per_second')} /s, {writes.get('errors')} errors",
                (writes.get("transitions_per_second") or 0) >= WRITES_PER_SECOND
                and writes.get("errors") == 0,
            )
        )
    for key, when in (
        ("memory_mb_after_reads", "after the read loads"),
        ("memory_mb", "after all"),
    ):
        if result.get(key):
            # The target is on what a worker holds of its own (USS); RSS counts the mapped
            # database file and the code shared with the other workers, and is shown beside.
            own = max(m["uss"] for m in result[key].values())
            resident = max(m["rss"] for m in result[key].values())
            rows.append(
                (
                    f"one server process ≤ {RSS_MB} MB of its own (USS), {when}",
                    f"{own} MB (RSS {resident} MB)",
                    own <= RSS_MB,
                )
            )
        elif result.get(key.replace("memory", "rss")):
            largest = max(result[key.replace("memory", "rss")].values())
            rows.append(
                (
                    f"one server process ≤ {RSS_MB} MB RSS, {when}",
                    f"{largest} MB",
                    largest <= RSS_MB,
                )
            )
    return rows


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"# Waishi benchmark: {result['database_version']}, {result['n']:,} cases",
        "",
        f"- Database: {result['database_version']} · cases: {result['n']:,}"
        f" · commit `{result['commit']}` · date {result['date']}",
        f"- Server: gunicorn, {result['workers']} sync workers, production settings;"
        f" machine: {result['machine']['cpus']} cores, load average at the end of the run"
        f" {result['machine'].get('load_at_end', result['machine'].get('load_before'))}",
        f"- Each load: wrk on 127.0.0.1, {result['seconds_per_load']} s or"
        f" {result['max_requests_per_load']:,} requests, whichever ends first, after a"
        " 2-second warm-up",
    ]
    if result["requested_n"] < TARGET_N:
        lines.append(
            f"- **Scale: {result['requested_n']:,} generated cases, not the {TARGET_N:,} the"
            " targets are stated for** (what could be generated and measured in the time"
            " available on this machine)"
        )
    generated = result.get("generation") or {}
    if generated:
        lines.append(
            f"- Generated: {generated.get('cases', 0):,} cases,"
            f" {generated.get('timeline_entries', 0):,} timeline entries,"
            f" {generated.get('audit_events', 0):,} audit events,"
            f" {generated.get('delegation_members', 0):,} delegation members of"
            f" {generated.get('travellers', 0):,} travellers, in {generated.get('seconds')} s"
        )
    lines += [
        "",
        "| # | endpoint | clients | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    numbers = {
        "bare": "1",
        "inbox": "2",
        "inbox_filtered": "2",
        "api_list": "2",
        "api_filtered": "2",
        "search_reference": "3",
        "search_name": "3",
        "case_page": "4",
        "portal_page": "5",
        "admin_changelist": "6",
    }
    for name, scenario in result["reads"].items():
        for clients, load in scenario["loads"].items():
            lines.append(
                f"| {numbers.get(name, '')} | {scenario['label']} | {clients} | {load['rps']:,.1f}"
                f" | {load['p50_ms']} | {load['p95_ms']} | {load['p99_ms']} | {load['errors']} |"
            )
    writes = result.get("writes") or {}
    if writes:
        lines += [
            "",
            "## Writes (7)",
            "",
            "Full mission approvals (submit → start review → forward → approve) over HTTP from"
            f" {writes['clients']} clients:"
            f" **{writes.get('transitions_per_second')} transitions/s**"
            f" ({writes.get('transitions_done')} of {writes.get('transitions_expected')} done in"
            f" {writes['seconds']} s; p50 {writes['p50_ms']} ms, p95 {writes['p95_ms']} ms,"
            f" p99 {writes['p99_ms']} ms per transition); {writes.get('missions_approved')} of"
            f" {writes.get('missions')} missions approved; errors: {writes.get('errors')};"
            f" audit chain intact after the run: {writes.get('audit_chain_ok')}"
            f" ({writes.get('audit_events_checked'):,} events checked).",
        ]
    if writes.get("steps"):
        lines += ["", "| step | count | p50 ms | p95 ms |", "|---|---:|---:|---:|"]
        lines += [
            f"| {name} | {step['count']} | {step['p50_ms']} | {step['p95_ms']} |"
            for name, step in writes["steps"].items()
        ]
    if result.get("memory_mb"):
        lines += [
            "",
            "## Memory",
            "",
            "| worker | when | RSS MB | PSS MB | USS MB |",
            "|---|---|---:|---:|---:|",
        ]
        for key, when in (
            ("memory_mb_after_reads", "after the read loads"),
            ("memory_mb", "after all"),
        ):
            for pid, m in (result.get(key) or {}).items():
                lines.append(f"| {pid} | {when} | {m['rss']} | {m['pss']} | {m['uss']} |")
    elif result.get("rss_mb"):
        lines += [
            "",
            "## Memory",
            "",
            "Resident memory of each server worker after the read loads: "
            + ", ".join(f"{mb} MB" for mb in (result.get("rss_mb_after_reads") or {}).values())
            + "; after the write load too: "
            + ", ".join(f"{mb} MB" for mb in result["rss_mb"].values())
            + ".",
        ]
    share = ratios(result)
    if share:
        lines += ["", "## Ratios", "", "| ratio | value |", "|---|---:|"]
        lines += [f"| {key} | {value} |" for key, value in share.items()]
    rows = targets(result)
    if rows:
        lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
        lines += [f"| {t} | {m} | {'yes' if ok else '**no**'} |" for t, m, ok in rows]
    if result.get("server_log_problems"):
        lines += ["", "## Server log", "", "```", *result["server_log_problems"], "```"]
    return "\n".join(lines) + "\n"


def write(result: dict[str, Any]) -> tuple[Path, Path]:
    common.RESULTS.mkdir(parents=True, exist_ok=True)
    stem = f"{result['database']}-{result['requested_n']}-{result['date'][:10]}"
    json_path = common.RESULTS / f"{stem}.json"
    md_path = common.RESULTS / f"{stem}.md"
    result = {**result, "ratios": ratios(result), "targets": targets(result)}
    json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    md_path.write_text(markdown(result))
    return json_path, md_path
