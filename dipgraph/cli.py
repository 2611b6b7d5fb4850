"""The `dipgraph` command line: a thin shell over dipgraph.loaders, .queries and .graph.

Heavy imports (natasha, pyvis, networkx) happen inside the commands that need them, so
`dipgraph query` stays fast.
"""

from __future__ import annotations

import sys

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


# --- extraction commands: extract, eval -------------------------------------------------

# --- store commands: db, load, export ---------------------------------------------------


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


def settings_from(store_name: str | None, data_dir: str | None):
    """StoreSettings from flags, env and config file, with errors as usage messages."""
    from dipgraph.config import load_settings
    from dipgraph.graph.store import StoreError

    try:
        return load_settings(store=store_name, data_dir=data_dir)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from exc


def open_from(store_name: str | None, data_dir: str | None):
    from dipgraph.graph.store import StoreError, open_store

    try:
        return open_store(settings_from(store_name, data_dir))
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


@db.command("start")
@click.option("--data-dir", envvar="DIPGRAPH_DATA_DIR", help="[env DIPGRAPH_DATA_DIR]")
def db_start(data_dir: str | None) -> None:
    """Start the embedded store (no-op if it runs)."""
    from dipgraph.graph.store import StoreError

    server = _server(data_dir)
    try:
        started = server.start()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    state = "started" if started else "already running"
    click.echo(f"embedded store {state} (pid {server.pid()}, socket {server.socket})")


@db.command("stop")
@click.option("--data-dir", envvar="DIPGRAPH_DATA_DIR", help="[env DIPGRAPH_DATA_DIR]")
def db_stop(data_dir: str | None) -> None:
    """Stop the embedded store, flushing its append-only file."""
    server = _server(data_dir)
    click.echo("embedded store stopped" if server.stop() else "embedded store was not running")


@db.command("status")
@click.option("--data-dir", envvar="DIPGRAPH_DATA_DIR", help="[env DIPGRAPH_DATA_DIR]")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def db_status(data_dir: str | None, as_json: bool) -> None:
    """Is the embedded store running, where, and how big is the graph."""
    import dataclasses
    import json

    status = _server(data_dir).status()
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


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_options
@click.option("--replace", is_flag=True, help="Retract each release's events and write anew.")
@click.option("--year", type=click.IntRange(1900, 2100), help="Year for datelines without one.")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Extraction processes.",
)  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, only the summary.")
def load(paths, store_name, data_dir, replace, year, workers, quiet) -> None:
    """Extract events from releases and write them into the graph.

    PATHS are files, folders (read recursively) or globs: plain text with a dateline,
    JSON Lines (id, date, title, text, url), HTML pages, RSS/Atom feeds; '-' is stdin.
    A release already loaded (same text) is skipped at once; a changed text under the
    same source replaces the old version. Exit status 1 if any input failed.

    \b
    Examples:
      dipgraph load examples/
      dipgraph load 'releases/2026-*.txt' --year 2026 --workers 2
      dipgraph load feed.xml --store neo4j
    """
    from dipgraph.graph.store import StoreError
    from dipgraph.ingest import load as load_releases

    settings = settings_from(store_name, data_dir)
    bar = None
    if not quiet and sys.stderr.isatty():
        bar = click.progressbar(length=0, label="loading", file=sys.stderr, show_pos=True)

    def on_progress(outcome) -> None:
        if outcome.status == "failed":
            click.echo(f"error: {outcome.message}", err=True)
        elif outcome.message and not quiet:
            click.echo(f"warning: {outcome.path}: {outcome.message}", err=True)
        if bar is not None:
            bar.length += 1
            bar.update(1)

    try:
        report = load_releases(
            paths, settings, replace=replace, year=year, workers=workers,
            on_progress=on_progress,
        )  # fmt: skip
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if bar is not None:
            bar.render_finish()
    click.echo(report.summary(), err=True)
    sys.exit(report.exit_code)


# --- query commands: query ---------------------------------------------------------------

# --- analysis commands: analyze, viz ------------------------------------------------------


def main() -> None:
    try:
        cli(prog_name="dipgraph")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
