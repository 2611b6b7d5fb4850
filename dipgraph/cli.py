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
