"""StoreSettings from, in order of precedence: explicit arguments, the environment, a TOML
config file (``$DIPGRAPH_CONFIG`` or ``<user config dir>/dipgraph/config.toml``).

    store = "neo4j"              # or "embedded"
    data_dir = "~/dipgraph-data"
    batch_size = 1000
    query_timeout = 60           # seconds a read-only query may run; 0 = no limit
    [neo4j]
    uri = "bolt://localhost:7687"
    user = "neo4j"
    password = "..."
    database = "neo4j"

A NEO4J_URI (env or file) alone selects the neo4j store, unless a store is named
explicitly, in DIPGRAPH_STORE or in the file.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from dipgraph.graph.store import StoreError, StoreSettings

#: environment variable -> StoreSettings field
ENV = {
    "DIPGRAPH_STORE": "backend",
    "DIPGRAPH_DATA_DIR": "data_dir",
    "NEO4J_URI": "neo4j_uri",
    "NEO4J_USERNAME": "neo4j_user",
    "NEO4J_USER": "neo4j_user",  # wins over NEO4J_USERNAME when both are set
    "NEO4J_PASSWORD": "neo4j_password",
    "NEO4J_DATABASE": "neo4j_database",
    "DIPGRAPH_BATCH_SIZE": "batch_size",
    "DIPGRAPH_QUERY_TIMEOUT": "query_timeout",
}
INTEGERS = ("batch_size", "retries", "query_timeout")
FIELDS = set(StoreSettings.__dataclass_fields__)


def config_path() -> Path:
    explicit = os.environ.get("DIPGRAPH_CONFIG")
    if explicit:
        return Path(os.path.expanduser(explicit))
    from platformdirs import user_config_dir

    return Path(user_config_dir("dipgraph", appauthor=False)) / "config.toml"


def read_config_file(path: Path | None = None) -> dict[str, Any]:
    """The file's settings as StoreSettings fields; {} if the default file does not exist."""
    path = path or config_path()
    if not path.exists():
        if os.environ.get("DIPGRAPH_CONFIG"):
            raise StoreError(f"config file not found: {path} (from DIPGRAPH_CONFIG)")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StoreError(f"cannot read config file {path}: {exc}") from exc
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "neo4j" and isinstance(value, dict):
            values.update({f"neo4j_{k}": v for k, v in value.items()})
        elif key == "store":
            values["backend"] = value
        else:
            values[key] = value
    unknown = sorted(set(values) - FIELDS)
    if unknown:
        raise StoreError(f"unknown setting(s) in {path}: {', '.join(unknown)}")
    return values


def read_env() -> dict[str, Any]:
    return {field: os.environ[var] for var, field in ENV.items() if os.environ.get(var)}


def load_settings(
    store: str | None = None, data_dir: str | Path | None = None, **overrides: Any
) -> StoreSettings:
    file_values = read_config_file()
    env_values = read_env()
    explicit = {k: v for k, v in overrides.items() if v is not None}
    if store:
        explicit["backend"] = store
    if data_dir:
        explicit["data_dir"] = data_dir
    if "backend" not in explicit and "backend" not in env_values:
        if "neo4j_uri" in env_values:
            env_values["backend"] = "neo4j"
        elif "backend" not in file_values and "neo4j_uri" in file_values:
            file_values["backend"] = "neo4j"
    values = file_values | env_values | explicit
    for name in INTEGERS:
        if name in values:
            try:
                values[name] = int(values[name])
            except (TypeError, ValueError) as exc:
                raise StoreError(f"{name} must be an integer, got {values[name]!r}") from exc
            if values[name] < 0:
                raise StoreError(f"{name} must not be negative, got {values[name]}")
    unknown = sorted(set(values) - FIELDS)
    if unknown:
        raise StoreError(f"unknown setting(s): {', '.join(unknown)}")
    return StoreSettings(**values)
