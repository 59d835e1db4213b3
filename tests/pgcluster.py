"""A throw-away PostgreSQL server for tests and benchmarks: ``initdb`` into a temp dir, started
with ``pg_ctl`` on 127.0.0.1 and a free port, trust authentication, removed at the end.

The binaries come from Debian's ``postgresql`` package (``/usr/lib/postgresql/N/bin``; .ci/run
installs it): found via $GROUNDBRIEF_PG_BINDIR, ``pg_config --bindir``, or a glob. initdb refuses
to run as root, so under root (CI, our machines) the cluster is created and run as the
``postgres`` system user (which the package creates) through ``runuser``; its data folder is
made in /tmp and handed to that user. Not for production: fsync is off and anyone on the machine
may connect.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

USER = "groundbrief"


def bindir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    candidates = []
    if env := os.environ.get("GROUNDBRIEF_PG_BINDIR"):
        candidates.append(env)
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True,
                                 timeout=10).stdout.strip()
            candidates.append(out)
        except (OSError, subprocess.SubprocessError):
            pass
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One running server; ``dsn(db)`` addresses a database on it."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.as_root = os.geteuid() == 0
        # Under root the folder is handed to the postgres user, who must reach it: /tmp
        # itself, not a $TMPDIR that may sit inside a root-only folder.
        self.dir = Path(tempfile.mkdtemp(prefix="groundbrief-pg-",
                                         dir="/tmp" if self.as_root else None))
        self.data = self.dir / "data"
        self.port = _free_port()
        if self.as_root:
            shutil.chown(self.dir, user="postgres", group="postgres")
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-U", USER,
                   "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60",
                   "-l", str(self.dir / "server.log"), "-o",
                   f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"])

    def _run(self, argv: list[str]) -> None:
        if self.as_root:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = ""
            if (self.dir / "server.log").exists():
                log = (self.dir / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.strip()} {log}")

    def dsn(self, db: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{db}"

    def new_database(self, prefix: str = "t") -> str:
        """A fresh empty database; returns its DSN."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.dsn(name)

    def stop(self) -> None:
        try:
            self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
