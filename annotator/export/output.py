"""Where an export may write, and writing there so that nothing half-written is ever left behind.

An export never deletes or overwrites anything it did not create: it writes its
own files, and replaces a file only if an earlier export of this project wrote
it (recorded in the project) and nobody has changed it since. It never writes
over the project file, its journal files or the backups.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.errors import OutputError
from annotator.core.paths import shown
from annotator.store.backups import backups_root
from annotator.store.project import Project

PROJECT_COMPANIONS = ("-wal", "-shm", "-journal")


def absolute(out: str | os.PathLike) -> Path:
    """The output path made absolute, so that `.` has a name to put sidecar files beside."""
    return Path(os.path.abspath(out))


class ExportTarget:
    """The files one export writes: `out` itself and `sidecars` beside it, or, for a folder format,
    the files `names` inside the folder `out`. Checked when made, and again before anything is replaced."""

    def __init__(self, project: Project, format_name: str, out: Path, *, sidecars: tuple[Path, ...] = (),
                 names: tuple[str, ...] | None = None):
        self.project = project
        self.format = format_name
        self.out = absolute(out)
        self.folder = names is not None
        self.files = [self.out / n for n in names] if self.folder else [self.out, *map(Path, sidecars)]
        self.files = [absolute(f) for f in self.files]
        self.check()

    # -- the rules -------------------------------------------------------

    def check(self, staged: frozenset[Path] = frozenset()) -> None:
        """Refuse, naming the path, an export that would touch what it must not (`staged`: its own
        temporary files, which may already be in the folder)."""
        known = self.project.exported_files()
        for path in ([self.out] if self.folder else []) + self.files:
            self._not_protected(path)
        if self.folder:
            if self.out.exists() and not self.out.is_dir():
                raise OutputError(f"{shown(self.out)}: is a file; a {self.format} export writes a folder")
            if self.out.is_dir():
                ours = {str(f) for f in self.files}
                for entry in sorted(self.out.iterdir()):
                    if str(entry) not in ours and entry not in staged:
                        raise OutputError(
                            f"{shown(self.out)}: the folder holds {entry.name!r}, which is not part of an earlier "
                            f"{self.format} export; choose an empty or new folder")
        for path in self.files:
            if path.is_dir():
                raise OutputError(f"{shown(path)}: is a folder; give a file name")
            if path.exists() or path.is_symlink():
                self._replaceable(path, known.get(str(path)))

    def _not_protected(self, path: Path) -> None:
        project = self.project.path
        if project is not None:
            project = Path(os.path.abspath(project))
            if path == project or path.parent == project.parent and any(
                    path.name == project.name + suffix for suffix in PROJECT_COMPANIONS):
                raise OutputError(f"{shown(path)}: is the project file (or its journal); export somewhere else")
            if path.parent == project.parent and path.name.startswith(project.name + ".schema"):
                raise OutputError(f"{shown(path)}: is a backup of the project; export somewhere else")
            if path in project.parents:
                raise OutputError(f"{shown(path)}: holds the project file; export somewhere else")
        root = Path(os.path.abspath(backups_root()))
        if path == root or root in path.parents or path in root.parents:
            raise OutputError(f"{shown(path)}: is where project backups are kept; export somewhere else")

    def _replaceable(self, path: Path, record: dict | None) -> None:
        if record is None or record.get("format") != self.format or path.is_symlink():
            raise OutputError(f"{shown(path)}: already exists and was not written by a {self.format} export of "
                              "this project; choose another name, or move it away first")
        st = path.stat()
        if (st.st_size, st.st_mtime_ns) != (record.get("size"), record.get("mtime_ns")):
            raise OutputError(f"{shown(path)}: was changed after the export wrote it; choose another name, "
                              "or move it away first")

    # -- writing ---------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Callable[[Path], Path]]:
        """Yield `stage(final) -> temporary path` to write each file to. When the block ends without error,
        every staged file is flushed to disk and renamed into place together; on any error (a full or
        read-only disk, a cancel) the temporary files are removed and nothing else is touched."""
        staged: dict[Path, Path] = {}

        def stage(final: Path) -> Path:
            final = absolute(final)
            if final not in self.files:
                raise AssertionError(f"{final} is not a file of this export")
            tmp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.part")
            staged[final] = tmp
            return tmp

        folder = self.out if self.folder else self.out.parent
        made = [f for f in (folder, *folder.parents) if not f.exists()]  # folders this export creates
        done = False
        try:
            folder.mkdir(parents=True, exist_ok=True)
            yield stage
            for tmp in staged.values():
                _flush(tmp)
            self.check(frozenset(staged.values()))  # again: something may have appeared meanwhile
            for final, tmp in staged.items():
                os.replace(tmp, final)
            for parent in {f.parent for f in staged}:
                _flush_folder(parent)
            done = True
        except OSError as e:
            raise OutputError(f"{shown(e.filename or self.out)}: cannot write the export: "
                              f"{e.strerror or e}") from None
        finally:
            for tmp in staged.values():
                if tmp.exists():
                    tmp.unlink()  # a temporary file this export made
            for made_folder in made if not done else ():
                try:
                    made_folder.rmdir()  # only a folder this export made, and only while empty
                except OSError:
                    break
        self.project.record_exported({
            str(f): {"format": self.format, "size": f.stat().st_size, "mtime_ns": f.stat().st_mtime_ns}
            for f in staged})


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_folder(folder: Path) -> None:
    """Make the renames durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
