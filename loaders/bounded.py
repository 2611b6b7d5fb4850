"""Run a parser on untrusted input in a forked child with a time and memory bound.

A hostile HTML page can keep lxml busy for minutes and gigabytes; in a child process it
is killed at the deadline, and an address-space limit (RLIMIT_AS) turns a runaway
allocation into a MemoryError there, while the loader itself stays small and keeps going.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from typing import Any

#: defaults for parsing one input file
PARSE_SECONDS = 30.0
PARSE_MEMORY = 1 << 30  # bytes of address space on top of the loader's own


class LimitExceeded(Exception):
    """The call ran out of time or memory; ``str()`` says which, in words."""


def _address_space() -> int:
    """This process's virtual size in bytes (what RLIMIT_AS counts)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(func: Callable[..., Any], args: tuple, memory: int, out: int) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + memory
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        payload: tuple[str, Any] = ("ok", func(*args))
    except MemoryError:
        payload = ("memory", None)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        payload = ("error", f"{type(exc).__name__}: {exc}")
    data = pickle.dumps(payload)
    view = memoryview(data)
    while view:
        view = view[os.write(out, view) :]


def call_bounded(
    func: Callable[..., Any],
    *args: Any,
    seconds: float = PARSE_SECONDS,
    memory: int = PARSE_MEMORY,
) -> Any:
    """``func(*args)`` in a forked child: its result (picklable), or LimitExceeded when it
    takes longer than `seconds` or more than `memory` bytes; an exception it raises comes
    back as RuntimeError("Type: message")."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        code = 0
        try:
            os.close(read_end)
            _child(func, args, memory, write_end)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    timed_out = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_end], [], [], remaining)
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        if timed_out:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if timed_out:
        raise LimitExceeded(f"took over {seconds:.0f} s")
    if not chunks:  # killed (the kernel's OOM killer) or died without a word
        raise LimitExceeded(f"the parser died ({_status_text(status)})")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "memory":
        raise LimitExceeded(f"needed over {memory >> 20} MB")
    if kind == "error":
        raise RuntimeError(value)
    return value


def _status_text(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
