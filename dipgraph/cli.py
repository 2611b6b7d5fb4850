"""The `dipgraph` command line: a thin shell over dipgraph.loaders, .queries and .graph.

Heavy imports (natasha, pyvis, networkx) happen inside the commands that need them, so
`dipgraph query` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dipgraph.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dipgraph")
def cli() -> None:
    """Turn foreign-ministry releases into a knowledge graph of diplomatic relations.

    \b
    Typical session:
      dipgraph load examples/                     # extract events, write the graph
      dipgraph query --list                       # the query packs
      dipgraph query bilateral_contacts -p a=KZ -p b=NL
      dipgraph viz -o graph.html                  # interactive, offline HTML

    The graph lives in an embedded store under your data directory (started on demand),
    or in Neo4j with --store neo4j / NEO4J_URI.
    """


def printable(text: object) -> str:
    """One line safe for a terminal: control characters (escape sequences, newlines,
    bidi overrides) and undecodable file-name bytes are shown escaped, never sent raw."""
    import unicodedata

    return "".join(
        c.encode("unicode_escape").decode("ascii")
        if unicodedata.category(c) in ("Cc", "Cs") or "\u202a" <= c <= "\u202e"
        or "\u2066" <= c <= "\u2069"
        else c
        for c in str(text)
    )  # fmt: skip


# --- extraction commands: extract, eval -------------------------------------------------


def _event_table_rows(extraction) -> list[str]:
    rows = []
    for e in extraction.events:
        who = "; ".join(
            f"{p.name} ({p.state or '?'}, {p.role or '-'}"
            + (f", in {p.posted_in}" if p.posted_in else "")
            + ")"
            for p in e.participants
        )
        where = e.venue.name if e.venue else ""
        host = e.host.name if e.host else ""
        rows.append(
            f"{e.type:<11} {','.join(e.parties):<12} {e.date or '-':<10} "
            f"{e.format or e.kind or '':<24} {who} {('host: ' + host) if host else ''}"
            f"{(' at ' + where) if where else ''}  [{e.confidence:.2f}]"
        )
    for o in extraction.officials:
        rows.append(
            f"{'official':<11} {o.state or '?':<12} {'':<10} {o.name}: {o.role or '-'}"
            + (f" / {o.organization}" if o.organization else "")
            + (f" (in {o.posted_in})" if o.posted_in else "")
        )
    return rows


def _publisher(ctx, param, value):
    if value is None:
        return None
    from dipgraph.loaders.sources import checked_publisher

    try:
        return checked_publisher(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


min_confidence_option = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
    metavar="X",
    help="Leave out events whose confidence (the precision their rule showed on the dev "
    "set, loaders/lang/ru/data/confidence.tsv) is below X.",
)  # fmt: skip

publisher_option = click.option(
    "--publisher", callback=_publisher, metavar="CODE",
    help="State/IGO whose ministry published releases that do not say it (KZ, RU, EU): "
    "the implicit own side of their events.",
)  # fmt: skip


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
    help="JSON lines (the extraction contract) or a readable table.",
)  # fmt: skip
@click.option("--year", type=click.IntRange(1900, 2100), help="Year for datelines without one.")
@publisher_option
@min_confidence_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no warnings.")
def extract(paths, fmt, year, publisher, min_confidence, workers, quiet) -> None:
    """Print the events and officials found in releases.

    PATHS are files, folders (recursive) or globs: text with a dateline, JSON Lines,
    HTML, RSS/Atom; '-' reads stdin. Each bad file gets one line on stderr and the others
    are still processed; exit status 1 if any failed.

    \b
    Examples:
      dipgraph extract release.txt --year 2026
      dipgraph extract releases/ --format table
      cat release.txt | dipgraph extract -
    """
    import json

    from dipgraph.loaders.extract import extract_paths
    from dipgraph.loaders.sources import SourceError, iter_paths

    n_paths = sum(1 for _ in iter_paths(paths))
    show_bar = not quiet and n_paths > 5 and sys.stderr.isatty()
    failed = False
    results = extract_paths(
        paths, year=year, publisher=publisher, workers=workers, min_confidence=min_confidence
    )
    bar = click.progressbar(results, length=n_paths, label="extracting", file=sys.stderr)
    with bar if show_bar else _nullcontext(results) as items:
        for path, result in items:
            if isinstance(result, SourceError):
                failed = True
                click.echo(f"error: {printable(result)}", err=True)
                continue
            if result.error:  # nothing of this release is printed: it would look complete
                failed = True
                click.echo(f"error: {path}: {result.error}", err=True)
                continue
            for warning in result.warnings:
                if not quiet:
                    click.echo(f"warning: {printable(path)}: {printable(warning)}", err=True)
            if fmt == "jsonl":
                for record in result.records():
                    click.echo(json.dumps(record, ensure_ascii=False))
            else:
                r = result.release
                click.echo(f"== {printable(path)}  ({r.published or 'date unknown'}, {r.id[:12]})")
                for row in _event_table_rows(result) or ["(no events)"]:
                    click.echo("  " + row)
    sys.exit(1 if failed else 0)


class _nullcontext:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


@cli.command(name="eval")
@click.option(
    "--gold", "gold_path", type=click.Path(exists=True),
    help="Gold *.events.jsonl file or folder.",
)  # fmt: skip
@click.argument("paths", nargs=-1)
@click.option(
    "--factrueval", type=click.Path(exists=True, file_okay=False),
    help="factRuEval-2016 folder (.txt/.facts/.objects/.spans).",
)  # fmt: skip
@click.option("--year", type=click.IntRange(1900, 2100))
@publisher_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def eval_command(gold_path, paths, factrueval, year, publisher, fmt) -> None:
    """Score extraction: event P/R/F1 on (type, parties), participant P/R/F1 on
    (type, name), role accuracy; with --factrueval, meeting-pair and occupation scores.

    \b
    Examples:
      dipgraph eval --gold tests/data/corpus/gold tests/data/corpus/releases/
      dipgraph eval --gold tests/data/dev_ru/batch1 tests/data/dev_ru/batch1/releases.jsonl
      dipgraph eval --factrueval tests/data/corpus/factRuEval-2016-devset --format json
    """
    import json

    from dipgraph.loaders.evaluate import evaluate, evaluate_factrueval, load_gold
    from dipgraph.loaders.extract import extract_paths
    from dipgraph.loaders.sources import SourceError

    if not gold_path and not factrueval:
        raise click.UsageError("give --gold FILE_OR_DIR with PATHS, or --factrueval DIR")
    if gold_path and not paths:
        raise click.UsageError("--gold needs the release PATHS to extract")
    out: dict = {}
    failed = False
    if gold_path:
        extractions = []
        for path, result in extract_paths(paths, year=year, publisher=publisher):
            if isinstance(result, SourceError):
                failed = True
                click.echo(f"error: {printable(result)}", err=True)
            elif result.error:  # scored as empty it would pass for missed events
                failed = True
                click.echo(f"error: {printable(path)}: {result.error}", err=True)
            else:
                extractions.append(result)
        out["gold"] = evaluate(load_gold(gold_path), extractions).as_dict()
    if factrueval:
        out["factrueval"] = evaluate_factrueval(factrueval).as_dict()
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:

        def line(label: str, s: dict) -> str:
            return (
                f"{label:<28} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
            )

        if "gold" in out:
            g = out["gold"]
            click.echo(line("events (type, parties)", g["events"]))
            click.echo(line("participants (type, name)", g["participants"]))
            acc = g["role_accuracy"]
            click.echo(
                f"{'role accuracy':<28} {'-' if acc is None else f'{acc:.3f}'}"
                f"   ({g['roles']['correct']}/{g['roles']['total']})"
            )
            for r in g["releases"]:
                for m in r["missed"]:
                    click.echo(f"  missed   {r['release']}: {m}")
                for m in r["spurious"]:
                    click.echo(f"  spurious {r['release']}: {m}")
            for k in g["unmatched_gold"]:
                click.echo(f"  no release given for gold {k}", err=True)
            if g["unscored"]:
                click.echo(
                    f"  {len(g['unscored'])} releases without gold were not scored "
                    f"(first: {g['unscored'][0]})",
                    err=True,
                )
        if "factrueval" in out:
            f = out["factrueval"]
            click.echo(f"factRuEval ({f['documents']} documents)")
            click.echo(line("  meeting pairs", f["meeting_pairs"]))
            click.echo(line("  occupation (who,pos,where)", f["occupation"]))
            click.echo(line("  occupation (who,pos)", f["occupation_who_position"]))
    sys.exit(1 if failed else 0)


# --- store commands: db, load, export ---------------------------------------------------


LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["en", "ru"]),
    help="Names of states, IGOs and officials in this language (default: as stored).",
)


def store_options(func):
    """--store and --data-dir, shared by every command that opens the graph."""
    func = click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=str),
        envvar="DIPGRAPH_DATA_DIR",
        help="Where the embedded store keeps its files [env DIPGRAPH_DATA_DIR; "
        "default: your user data dir].",
    )(func)
    func = click.option(
        "--store",
        "store_name",
        type=click.Choice(["embedded", "neo4j"]),
        envvar="DIPGRAPH_STORE",
        help="embedded (default, zero set-up) or neo4j (NEO4J_URI, NEO4J_USER, "
        "NEO4J_PASSWORD) [env DIPGRAPH_STORE].",
    )(func)
    return func


def settings_from(store_name: str | None, data_dir: str | None, **overrides):
    """StoreSettings from flags, env and config file, with errors as usage messages."""
    from dipgraph.config import load_settings
    from dipgraph.graph.store import StoreError

    try:
        return load_settings(store=store_name, data_dir=data_dir, **overrides)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from exc


def open_from(store_name: str | None, data_dir: str | None, **overrides):
    from dipgraph.graph.store import StoreError, open_store

    try:
        return open_store(settings_from(store_name, data_dir, **overrides))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.group()
def db() -> None:
    """Start, stop and inspect the embedded graph store.

    Other commands start the store on demand; it keeps running in the background
    (unix socket in the data directory, no network port) until `dipgraph db stop`.
    """


def _server(data_dir: str | None):
    from dipgraph.graph.stores.embedded import EmbeddedServer

    return EmbeddedServer(settings_from("embedded", data_dir).data_dir)


def _on_server(data_dir: str | None, action):
    """`action(server)`, a store error as one line."""
    from dipgraph.graph.store import StoreError

    server = _server(data_dir)
    try:
        return server, action(server)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@db.command("start")
@click.option("--data-dir", envvar="DIPGRAPH_DATA_DIR", help="[env DIPGRAPH_DATA_DIR]")
def db_start(data_dir: str | None) -> None:
    """Start the embedded store (no-op if it runs)."""
    server, started = _on_server(data_dir, lambda server: server.start())
    state = "started" if started else "already running"
    click.echo(f"embedded store {state} (pid {server.pid()}, socket {server.socket})")


@db.command("stop")
@click.option("--data-dir", envvar="DIPGRAPH_DATA_DIR", help="[env DIPGRAPH_DATA_DIR]")
def db_stop(data_dir: str | None) -> None:
    """Stop the embedded store, flushing its append-only file."""
    _, stopped = _on_server(data_dir, lambda server: server.stop())
    click.echo("embedded store stopped" if stopped else "embedded store was not running")


@db.command("status")
@click.option("--data-dir", envvar="DIPGRAPH_DATA_DIR", help="[env DIPGRAPH_DATA_DIR]")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def db_status(data_dir: str | None, as_json: bool) -> None:
    """Is the embedded store running, where, and how big is the graph."""
    import dataclasses
    import json

    _, status = _on_server(data_dir, lambda server: server.status())
    if as_json:
        data = {k: str(v) if k in ("socket", "data_dir") else v for k, v in
                dataclasses.asdict(status).items()}  # fmt: skip
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"data dir:  {status.data_dir}")
    click.echo(f"socket:    {status.socket}")
    if status.running:
        click.echo(f"running:   yes (pid {status.pid})")
        click.echo(f"graph:     {status.nodes} nodes, {status.edges} edges, "
                   f"{status.releases} releases")  # fmt: skip
    else:
        note = " (stale pid/socket left by a crash; the next start clears them)"
        click.echo("running:   no" + (note if status.stale else ""))
    if status.aof_bytes is not None:
        click.echo(f"aof:       {status.aof_bytes:,} bytes")


def fetch_options(func):
    """How dipgraph treats a website: shared by `load URL` and `sync`."""
    func = click.option(
        "--max-bytes", type=click.IntRange(1024), default=None,
        help="Largest page fetched, in bytes [default: 5 MiB].",
    )(func)  # fmt: skip
    func = click.option(
        "--rate", type=click.FloatRange(0.01, 100), default=None,
        help="Requests a second per host [default: 1; robots.txt Crawl-delay can lower it].",
    )(func)  # fmt: skip
    func = click.option(
        "--user-agent", envvar="DIPGRAPH_USER_AGENT", default=None,
        help="User-Agent sent to sites; put your contact in it [env DIPGRAPH_USER_AGENT].",
    )(func)  # fmt: skip
    return func


def _fetch_settings(base: dict, user_agent, rate, max_bytes):
    from dipgraph.loaders.web.fetch import FetchSettings

    overrides = {"user_agent": user_agent, "rate": rate, "max_bytes": max_bytes}
    values = base | {k: v for k, v in overrides.items() if v is not None}
    try:
        return FetchSettings(**values)
    except (TypeError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc


class _SyncProgress:
    """A progress bar per source (on a terminal), a line per failure, a summary per source."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None

    def on_plan(self, name: str, total: int) -> None:
        if not self.quiet and sys.stderr.isatty() and total:
            self.bar = click.progressbar(length=total, label=name[:40], file=sys.stderr,
                                         show_pos=True)  # fmt: skip
            self.bar.render_progress()

    def on_progress(self, outcome) -> None:
        if outcome.status == "failed":
            # over the bar's line (it redraws below), not glued to its end
            clear = "\r\x1b[K" if self.bar is not None else ""
            click.echo(f"{clear}error: {outcome.message}", err=True)
        if self.bar is not None:
            self.bar.update(1)
            self.bar.render_progress()

    def on_source(self, report) -> None:
        if self.bar is not None:
            self.bar.render_finish()
            self.bar = None
        for error in report.errors:  # feeds, sitemaps, listings that failed
            click.echo(f"error: {error}", err=True)
        click.echo(report.summary(), err=True)

    def callbacks(self):
        from dipgraph.sync import Callbacks

        return Callbacks(self.on_plan, self.on_progress, self.on_source)


def _is_url(arg: str) -> bool:
    return "://" in arg and not Path(arg).exists()


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_options
@click.option("--replace", is_flag=True, help="Retract each release's events and write anew.")
@click.option("--year", type=click.IntRange(1900, 2100), help="Year for datelines without one.")
@publisher_option
@min_confidence_option
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Extraction processes.",
)  # fmt: skip
@click.option(
    "--dask", "dask_address", metavar="ADDRESS", envvar="DIPGRAPH_DASK",
    help="Extract on this Dask scheduler's workers (tcp://host:8786) instead of local "
    "processes; writes still go from here to the store [env DIPGRAPH_DASK].",
)  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, only the summary.")
@fetch_options
def load(
    paths, store_name, data_dir, replace, year, publisher, min_confidence, workers, dask_address,
    quiet, user_agent, rate, max_bytes,
) -> None:  # fmt: skip
    """Extract events from releases and write them into the graph.

    PATHS are files, folders (read recursively) or globs: plain text with a dateline,
    JSON Lines (id, date, title, text, url), HTML pages, RSS/Atom feeds; '-' is stdin.
    A PATH may also be an http(s) URL of a feed, a sitemap or a release page: fetched
    politely (robots.txt, --rate) and incrementally, as `dipgraph sync` does.
    A release already loaded (same text) is skipped at once; a changed text under the
    same source replaces the old version. Exit status 1 if any input failed.

    \b
    Examples:
      dipgraph load examples/
      dipgraph load 'releases/2026-*.txt' --year 2026 --workers 2
      dipgraph load feed.xml --store neo4j
      dipgraph load https://example.org/rss --publisher KZ
      dipgraph load archive/ --dask tcp://scheduler:8786 --store neo4j
      dipgraph load releases.jsonl --publisher KZ --min-confidence 0.8
    """
    from dipgraph.cluster import ClusterError
    from dipgraph.graph.store import StoreError
    from dipgraph.ingest import load as load_releases

    if dask_address and workers > 1:
        raise click.UsageError(
            "--workers sets local extraction processes; with --dask the cluster's workers "
            "extract: drop one of the two"
        )
    settings = settings_from(store_name, data_dir)
    urls = [p for p in paths if _is_url(p)]
    paths = [p for p in paths if not _is_url(p)]
    code = 0
    if urls:
        from dipgraph.sync import SyncOptions, load_urls

        if replace:
            raise click.UsageError("--replace is for files; a changed page replaces itself")
        fetch = _fetch_settings({}, user_agent, rate, max_bytes)
        progress = _SyncProgress(quiet)
        try:
            report = load_urls(
                urls, settings, fetch, SyncOptions(workers=workers, year=year),
                progress.callbacks(), publisher=publisher,
            )  # fmt: skip
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        code = report.exit_code
        if not paths:
            sys.exit(code)
    bar = None
    if not quiet and sys.stderr.isatty():
        bar = click.progressbar(length=0, label="loading", file=sys.stderr, show_pos=True)

    def on_progress(outcome) -> None:
        if outcome.status == "failed":
            click.echo(f"error: {printable(outcome.message)}", err=True)
        elif outcome.message and not quiet:
            line = f"warning: {outcome.path}: {outcome.message}"
            click.echo(printable(line), err=True)
        if bar is not None:
            bar.update(1)

    def on_total(total: int) -> None:
        if bar is not None:
            bar.length = total

    try:
        report = load_releases(
            paths, settings, replace=replace, year=year, publisher=publisher, workers=workers,
            dask=dask_address or None, min_confidence=min_confidence,
            on_progress=on_progress, on_total=on_total,
        )  # fmt: skip
    except (StoreError, ClusterError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if bar is not None:
            bar.render_finish()
    click.echo(report.summary(), err=True)
    sys.exit(max(code, report.exit_code))


@cli.command()
@click.argument("sources_file", type=click.Path(dir_okay=False, path_type=str))
@store_options
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
    help="Skip pages dated earlier (by the feed, the sitemap or the page itself).",
)  # fmt: skip
@click.option(
    "--max-items", type=click.IntRange(0), metavar="N",
    help="Fetch at most N pages per source this run (newest first); the rest wait.",
)  # fmt: skip
@click.option("--year", type=click.IntRange(1900, 2100), help="Year for datelines without one.")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Extraction processes.",
)  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar: errors and summaries only.")
@fetch_options
def sync(
    sources_file, store_name, data_dir, since, max_items, year, workers, quiet, user_agent,
    rate, max_bytes,
) -> None:  # fmt: skip
    """Load what is new on the ministries' sites listed in SOURCES_FILE (TOML).

    Each [[source]] names the ministry, its publisher state, the language, and feeds,
    sitemaps and listing pages (with a links pattern); see examples/sources.toml. Only
    new or changed pages are loaded: an unchanged page costs a 304 (or no request at
    all when the sitemap's lastmod says so), and a page whose text is already in the
    graph is never extracted again. Safe to interrupt (even kill -9) and to run from
    cron: what was not loaded is fetched next time. One summary line per source; exit
    status 1 if any page or feed failed.

    \b
    Examples:
      dipgraph sync examples/sources.toml --since 2026-01-01 --max-items 50
      dipgraph sync sources.toml -q --user-agent "dipgraph (+mailto:me@example.org)"
    """
    from dipgraph.graph.store import StoreError
    from dipgraph.loaders.web.sources_file import SourcesFileError, read_sources
    from dipgraph.sync import SyncOptions
    from dipgraph.sync import sync as sync_sources

    try:
        parsed = read_sources(sources_file)
    except SourcesFileError as exc:
        raise click.UsageError(str(exc)) from exc
    settings = settings_from(store_name, data_dir)
    fetch = _fetch_settings(parsed.fetch, user_agent, rate, max_bytes)
    options = SyncOptions(
        since=since.date().isoformat() if since else None, max_items=max_items,
        workers=workers, year=year,
    )  # fmt: skip
    progress = _SyncProgress(quiet)
    try:
        report = sync_sources(parsed.sources, settings, fetch, options, progress.callbacks())
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    sys.exit(report.exit_code)


# --- query commands: query ---------------------------------------------------------------


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise click.UsageError(f"-p expects key=value (e.g. -p a=KZ), got {pair!r}")
        if key in params:
            raise click.UsageError(f"parameter {key!r} given twice (-p {key}=...)")
        params[key] = value
    return params


def _cell(value, limit: int | None = None) -> str:
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list | tuple):
        text = ", ".join(_cell(v) for v in value)
    elif isinstance(value, dict):
        import json

        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, float):
        text = f"{value:.4f}"
    else:
        text = str(value)
    text = printable(" ".join(text.split()))  # one line per row, no terminal escapes
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    return text


def _table(columns: list[str], rows: list[dict], width: int | None) -> str:
    """Aligned columns. With a width, the widest columns give way until the rows fit:
    prose (evidence, names) wraps onto more lines, hashes are cut with '…' first."""
    import re
    import textwrap

    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    prose = [any(" " in r[i] for r in cells) for i in range(len(columns))]
    hashes = [all(re.fullmatch(r"[0-9a-f]{32,}", r[i]) for r in cells) for i in range(len(columns))]
    if width:
        budget = max(width - 2 * (len(columns) - 1), 0)
        floor = [
            min(w, max(len(c), 12 if hashes[i] else 30 if prose[i] else 28))
            for i, (w, c) in enumerate(zip(widths, columns, strict=True))
        ]
        while sum(widths) > budget:
            i = max(range(len(widths)), key=lambda k: widths[k] - floor[k])
            if widths[i] <= floor[i]:
                break
            widths[i] -= max(1, min(sum(widths) - budget, widths[i] - floor[i]) // 2)
    out = ["  ".join(c[:w].ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for r in cells:
        stacks = [
            (textwrap.wrap(v, w) or [""]) if is_prose and len(v) > w else [_cell(v, w)]
            for v, w, is_prose in zip(r, widths, prose, strict=True)
        ]
        for k in range(max(len(st) for st in stacks)):
            lines = [st[k] if k < len(st) else "" for st in stacks]
            parts = [line.ljust(w) for line, w in zip(lines, widths, strict=True)]
            out.append("  ".join(parts).rstrip())
    return "\n".join(out)


def emit(columns: list[str], rows: list[dict], fmt: str, full: bool = False) -> None:
    """Print rows as an aligned table (fitted to the terminal unless full), CSV or JSON."""
    import json

    if fmt == "json":
        ordered = [{c: row.get(c) for c in columns} for row in rows]
        click.echo(json.dumps(ordered, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else
                    ("" if v is None else v)
                    for v in (row.get(c) for c in columns)
                ]
            )  # fmt: skip
        click.echo(buf.getvalue(), nl=False)
    else:
        import shutil

        width = None if full else shutil.get_terminal_size((120, 24)).columns
        if columns:
            click.echo(_table(columns, rows, width))
        n = len(rows)
        click.echo(f"({n} row{'' if n == 1 else 's'})", err=True)


def _print_list(pack, fmt: str) -> None:
    if fmt == "json":
        import json

        data = [
            {
                "name": q.name,
                "description": q.description,
                "params": [
                    {"name": p.name, "type": p.type, "optional": not p.required}
                    | ({"default": p.default} if p.default is not None else {})
                    for p in q.params
                ],
                "file": q.source.path,
            }
            for q in pack
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["name", "params", "description"])
        for q in pack:
            writer.writerow([q.name, q.signature(), q.description])
        return
    import textwrap

    for q in pack:
        click.echo(click.style(q.name, bold=True) + (f"  {q.signature()}" if q.params else ""))
        for line in textwrap.wrap(q.description, 88) or [""]:
            click.echo(f"    {line}")


@cli.command()
@click.argument("name", required=False)
@click.option(
    "-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
    help="A query parameter (repeatable): -p a=KZ -p b=NL -p from=2025-01-01.",
)  # fmt: skip
@click.option("--list", "list_only", is_flag=True, help="List the queries, their params.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True, help="Output format.",
)  # fmt: skip
@click.option(
    "--file", "pack_file", type=click.Path(dir_okay=False, path_type=str),
    help="Your own pack (.cypher, same headers) instead of the built-in ones.",
)  # fmt: skip
@click.option("--write", is_flag=True, help="Allow the query to write (default: read-only).")
@click.option("--full", is_flag=True, help="Table: do not cut long cells to the terminal width.")
@click.option(
    "--timeout", type=click.IntRange(0, 86_400), metavar="SECONDS",
    help="Stop a read-only query after this long; 0 = never [env DIPGRAPH_QUERY_TIMEOUT; "
    "default 60].",
)  # fmt: skip
@LANG_OPTION
@store_options
def query(
    name, params, list_only, fmt, pack_file, write, full, timeout, lang, store_name, data_dir
) -> None:
    """Run a named query from the query packs (read-only unless --write).

    \b
    Examples:
      dipgraph query --list
      dipgraph query bilateral_contacts -p a=KZ -p b=NL
      dipgraph query partners -p state=KZ -p from=2025-01-01 --format csv
      dipgraph query ego_network -p official="Алибек Бакаев" --format json
      dipgraph query --file my.cypher                 # a one-query file runs directly
      dipgraph query my_query --file my.cypher -p x=1

    Parameters are passed to the database as parameters, never pasted into the query.
    State codes are ISO 3166 alpha-2 (KZ) or IGO codes (EU, UN); dates are YYYY-MM-DD.
    """
    from dipgraph.graph.store import StoreError, WriteRefused
    from dipgraph.queries import PackError, QueryPack, QueryUsageError, localize

    try:
        pack = QueryPack.from_files([pack_file]) if pack_file else QueryPack.builtin()
    except PackError as exc:
        raise click.UsageError(str(exc)) from exc
    if list_only:
        _print_list(pack, fmt)
        return
    if name is None:
        if pack_file and len(pack) == 1:
            name = pack.names()[0]
        elif pack_file:
            raise click.UsageError(
                f"{pack_file} holds {len(pack)} queries: name one of {', '.join(pack.names())}"
            )
        else:
            raise click.UsageError("name a query, or see them all with `dipgraph query --list`")
    values = _parse_params(params)
    try:
        q = pack.get(name)
        q.bind(values)  # usage errors before the store is opened
    except QueryUsageError as exc:
        raise click.UsageError(str(exc)) from exc
    store = open_from(store_name, data_dir, query_timeout=timeout)
    try:
        result = q(store, values, write=write)
        if lang:
            result = localize(store, result, lang)
    except QueryUsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except WriteRefused as exc:
        raise click.UsageError(f"{exc} (queries run read-only by default)") from exc
    except StoreError as exc:
        raise click.ClickException(f"query {name} failed: {exc}") from exc
    finally:
        store.close()
    emit(result.columns, result.rows, fmt, full)


# --- analysis commands: analyze, viz ------------------------------------------------------


def _types_option(value: str | None) -> list[str] | None:
    if not value:
        return None
    from dipgraph.graph.model import CONTACT_TYPES

    types = [t.strip().upper() for t in value.split(",") if t.strip()]
    unknown = [t for t in types if t not in CONTACT_TYPES]
    if unknown or not types:
        raise click.BadParameter(
            f"unknown contact type {printable(', '.join(unknown) or value)!s}; "
            f"choose from {', '.join(CONTACT_TYPES)}",
            param_hint="'--types'",
        )
    return types


def check_date_option(value: str | None, option: str) -> str | None:
    """A date bound: YYYY, YYYY-MM or YYYY-MM-DD that exists, else a usage error."""
    import datetime as dt
    import re

    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    try:
        if m is None:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in m.groups())
        dt.date(year, month, day)
    except ValueError:
        raise click.BadParameter(
            f"{printable(value)!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            param_hint=f"'{option}'",
        ) from None
    return value.strip()


def check_party_option(value: str | None, option: str) -> str | None:
    """A state (ISO 3166 alpha-2) or IGO code, else a usage error naming the option."""
    if value is None:
        return None
    import pycountry

    from dipgraph.graph.model import IGO_CODES

    code = value.strip()
    igo = {c.upper(): c for c in IGO_CODES}
    if code.upper() in igo:
        return igo[code.upper()]
    if len(code) == 2 and (code.upper() == "XK" or pycountry.countries.get(alpha_2=code.upper())):
        return code.upper()
    raise click.BadParameter(
        f"unknown state code {printable(value)!r}: give an ISO 3166 alpha-2 code (KZ, NL) "
        "or an IGO code (UN, EU, ...)",
        param_hint=f"'{option}'",
    )


def load_snapshot(
    from_json: str | None,
    store_name: str | None,
    data_dir: str | None,
    *,
    state: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    types: str | None = None,
    lang: str | None = None,
):
    """The graph to analyze: an exported JSON snapshot, or the store, filtered by the
    options of graph_filter_options (types as given: "MET,CONSULTED"), with names in
    ``lang`` (en | ru) when given."""
    from pathlib import Path

    from dipgraph.graph.snapshot import GraphSnapshot

    types = _types_option(types)
    date_from = check_date_option(date_from, "--from")
    date_to = check_date_option(date_to, "--to")
    state = check_party_option(state, "--state")

    if from_json:
        try:
            snap = GraphSnapshot.from_json(Path(from_json))
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"cannot read {from_json}: {exc}") from exc
        except (TypeError, AttributeError, KeyError, RecursionError) as exc:
            raise click.ClickException(
                f"cannot read {from_json}: not a dipgraph snapshot ({type(exc).__name__}: {exc}); "
                "write one with `dipgraph export --format json`"
            ) from exc
        snap = snap.filter(state=state, date_from=date_from, date_to=date_to, types=types)
        return snap.localize(lang) if lang else snap
    store = open_from(store_name, data_dir)
    try:
        snap = GraphSnapshot.from_store(
            store, state=state, date_from=date_from, date_to=date_to, types=types
        )
    finally:
        store.close()
    return snap.localize(lang) if lang else snap


def graph_filter_options(func):
    """--from-json, --state, --from/--to, --types, --lang and the store options."""
    func = LANG_OPTION(func)
    func = click.option("--state", help="Only events with this party (state or IGO code).")(func)
    func = click.option("--types", help="Contact types to keep, e.g. MET,CONSULTED.")(func)
    func = click.option("--to", "date_to", help="Last date (YYYY, YYYY-MM or YYYY-MM-DD).")(func)
    func = click.option("--from", "date_from", help="First date (YYYY, YYYY-MM or YYYY-MM-DD).")(
        func
    )
    func = click.option(
        "--from-json",
        type=click.Path(exists=True, dir_okay=False),
        help="Read an exported snapshot (dipgraph export --format json) instead of the store.",
    )(func)
    return store_options(func)


def emit_rows(rows: list[dict], fmt: str) -> None:
    """Print plain rows (analysis results): their columns in first-seen order."""
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    emit(columns, rows, fmt)


@cli.command()
@click.argument(
    "kind", type=click.Choice(["centrality", "communities", "bilateral", "ego", "summary"])
)
@graph_filter_options
@click.option("-a", "party_a", help="bilateral: first party (e.g. KZ).")
@click.option("-b", "party_b", help="bilateral: second party (e.g. NL).")
@click.option("--official", help="ego: an official's name or id (the actor graph).")
@click.option("--node", help="ego: a node key or state code (the state projection).")
@click.option("--radius", type=click.IntRange(1, 5), default=1, show_default=True)
@click.option("--top", type=click.IntRange(1), help="Only the first N rows.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for Louvain/sampling.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def analyze(
    kind, from_json, date_from, date_to, types, store_name, data_dir, state, lang,
    party_a, party_b, official, node, radius, top, seed, fmt,
) -> None:  # fmt: skip
    """Network analysis of the state projection (or actors) with NetworkX.

    \b
    KIND:
      centrality   degree, strength, eigenvector, PageRank, betweenness, core per state
      communities  Louvain communities of the state projection (seeded)
      bilateral    contacts per year between -a and -b, with the trend (slope)
      ego          an official's contacts (--official) or a state's partners (--node)
      summary      key figures of the graph

    \b
      dipgraph analyze centrality --top 10
      dipgraph analyze bilateral -a KZ -b NL --format csv
      dipgraph analyze ego --official "Болат Иманбаев" --from-json graph.json
    """
    from dipgraph.graph import analysis

    if kind == "bilateral" and not (party_a and party_b):
        raise click.UsageError("bilateral needs both -a and -b (state or IGO codes)")
    party_a = check_party_option(party_a, "-a")
    party_b = check_party_option(party_b, "-b")
    if kind == "ego" and not (official or node or state):
        raise click.UsageError("ego needs --official NAME|ID or --node KEY|CODE")
    snap = load_snapshot(
        from_json,
        store_name,
        data_dir,
        state=state if kind != "ego" else None,
        date_from=date_from,
        date_to=date_to,
        types=types,
        lang=lang,
    )
    trend = None
    try:
        if kind == "centrality":
            rows = analysis.centrality(analysis.state_projection(snap), seed=seed, top=top)
        elif kind == "communities":
            rows = analysis.communities(analysis.state_projection(snap), seed=seed)
        elif kind == "bilateral":
            rows = analysis.bilateral_intensity(snap, party_a, party_b)
            trend = analysis.trend(rows)
        elif kind == "ego":
            if official:
                graph = analysis.actor_graph(snap)
                center = official
            else:
                graph = analysis.state_projection(snap)
                center = node or state
            rows = analysis.ego_rows(graph, center, radius=radius)
        else:
            rows = analysis.summary(snap, seed=seed)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from exc
    if top and kind != "centrality":
        rows = rows[:top]
    emit_rows(rows, fmt)
    if trend is not None and fmt == "table":
        if trend["slope"] is None:
            slope = "n/a (needs two dated years)"
        else:
            slope = f"{trend['slope']:+.2f} contacts/year"
        click.echo(
            f"trend: {slope}; {trend['total']} contacts over {trend['years']} year(s)", err=True
        )


@cli.command()
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default="graph.html", show_default=True
)
@graph_filter_options
@click.option(
    "--projection",
    type=click.Choice(["states", "full"]),
    default="states",
    show_default=True,
    help="states: state-to-state contacts; full: officials, organizations, venues, events.",
)
@click.option("--max-nodes", type=click.IntRange(1), help="Keep the N most connected nodes.")
@click.option("--title", default="dipgraph", show_default=True)
def viz(
    output, from_json, date_from, date_to, types, store_name, data_dir, state, lang, projection,
    max_nodes, title,
) -> None:  # fmt: skip
    """Write one self-contained, offline HTML page to explore the graph.

    No network request: vis-network is inlined. Legend, edge-type toggles, year range,
    search with neighbour highlight, tooltips with roles, dates and evidence.

    \b
      dipgraph viz -o graph.html
      dipgraph viz --state KZ --from 2024 --projection full -o kz.html
    """
    from dipgraph.graph.viz import write_html

    snap = load_snapshot(
        from_json,
        store_name,
        data_dir,
        state=state,
        date_from=date_from,
        date_to=date_to,
        types=types,
        lang=lang,
    )
    try:
        meta = write_html(snap, output, projection=projection, max_nodes=max_nodes, title=title)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    note = f" (of {meta['total_nodes']}, --max-nodes)" if meta["truncated"] else ""
    click.echo(f"wrote {output}: {meta['nodes']} nodes{note}, {meta['edges']} edges")


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "json", "csv"]),
    required=True,
    help="gexf for Gephi; csv = nodes.csv + edges.csv (a directory, or a .zip).",
)
@click.option("-o", "--output", required=True, type=click.Path(), help="File (csv: dir or .zip).")
@graph_filter_options
def export_cmd(
    fmt, output, from_json, date_from, date_to, types, store_name, data_dir, state, lang
):
    """Export the graph (or a filtered part) to GraphML, GEXF, JSON or CSV.

    \b
      dipgraph export --format gexf -o graph.gexf      # open in Gephi
      dipgraph export --format json -o graph.json      # for analyze --from-json
      dipgraph export --format csv -o graph-csv/
    """
    from dipgraph.graph.export import export

    snap = load_snapshot(
        from_json,
        store_name,
        data_dir,
        state=state,
        date_from=date_from,
        date_to=date_to,
        types=types,
        lang=lang,
    )
    try:
        written = export(snap, fmt, output)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    click.echo(
        f"wrote {', '.join(map(str, written))}: {len(snap.nodes)} nodes, {len(snap.edges)} edges"
    )


def install_hint(module: str) -> str:
    """How to install a missing module: dipgraph's own requirement for it, pinned as
    pyproject.toml pins it, when it is one of them."""
    import re
    from importlib.metadata import PackageNotFoundError, requires

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    wanted = norm(module.split(".")[0])
    try:
        requirements = requires("dipgraph") or []
    except PackageNotFoundError:
        requirements = []
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        name = re.split(r"[\s\[<>=!~(]", spec.strip(), maxsplit=1)[0]
        if norm(name) == wanted and "extra" not in marker:
            return f"install it with: pip install '{spec.strip()}' (a dependency of dipgraph)"
    return f"install it with: pip install {wanted}"


def main() -> None:
    from dipgraph.loaders.extract import ExtractionUnavailable

    try:
        cli(prog_name="dipgraph")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except ExtractionUnavailable as exc:
        hint = install_hint(exc.module)
        if exc.problem != "is missing":  # installed but broken: install it afresh
            hint = hint.replace("pip install ", "pip install --force-reinstall ", 1)
        click.echo(f"error: {exc}; {hint}", err=True)
        sys.exit(1)
    except ModuleNotFoundError as exc:
        module = exc.name or str(exc)
        click.echo(f"error: the Python module '{module}' is missing; {install_hint(module)}",
                   err=True)  # fmt: skip
        sys.exit(1)


if __name__ == "__main__":
    main()
