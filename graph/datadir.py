"""The data directory: created private, checked when it already exists, and lock files in
it opened without following links.

dipgraph only sets a directory's mode when it creates it; an existing directory that other
users can write to (a shared /tmp-like folder) is refused: they could plant a link at the
lock file or a socket of their own at the server's path.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from dipgraph.graph.store import StoreError


def ensure_private_dir(path: Path, what: str = "data directory") -> Path:
    """Create `path` with mode 0700, or check the existing one. Raises StoreError."""
    try:
        path.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"cannot create the {what} {path}: {exc.strerror or exc}") from None
    else:
        os.chmod(path, 0o700)  # mkdir's mode passes through the umask
        return path
    try:
        st = path.stat()
    except OSError as exc:
        raise StoreError(f"cannot use the {what} {path}: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise StoreError(f"the {what} {path} is not a directory: choose another --data-dir")
    if st.st_mode & 0o022:
        raise StoreError(
            f"the {what} {path} can be written by other users (mode "
            f"{stat.S_IMODE(st.st_mode):o}): run `chmod go-w {path}` or choose a private "
            "--data-dir"
        )
    return path


def open_lock_file(path: Path) -> int:
    """A descriptor on the lock file at `path` (created 0600), never through a link and
    never anything but a regular file. Raises StoreError."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise StoreError(
                f"{path} is a symbolic link: remove it (dipgraph never follows a link to its "
                "lock files)"
            ) from None
        raise StoreError(f"cannot open the lock file {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise StoreError(f"{path} is not a regular file: remove it")
    return fd
