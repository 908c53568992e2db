"""An export never deletes or overwrites a file it did not create, never writes over the project, its
journal or its backups, and leaves nothing half-written when the disk refuses."""
import os
import stat
import subprocess
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.export.formats import FORMATS
from annotator.ingest.importer import import_seeds
from annotator.store.backups import backup_folder, make_backup
from annotator.store.project import Project




@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "project" / "p.annot"
    path.parent.mkdir()
    with Project.open(path) as p:
        import_seeds(p)
    return path


def export(project_path, fmt, out, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["export", "--format", fmt, "--documents", "all", "--out", str(out), "--db", str(project_path)])
    return code, capsys.readouterr().err


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def intact(project_path: Path) -> None:
    with Project.open(project_path) as p:
        assert p.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert p.document_count() == 5


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_folder_of_other_files_is_refused_and_kept(fmt, project_path, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "work"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "sub" / "data.csv").write_text("a,b", encoding="utf-8")
    before = tree(folder)
    monkeypatch.chdir(folder)
    code, err = export(project_path, fmt, ".", capsys)  # --out . : the current folder
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert tree(folder) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_project_its_journal_folder_and_backups_are_refused(fmt, project_path, capsys):
    make_backup(project_path)
    backups = backup_folder(project_path)
    project_bytes = project_path.read_bytes()
    targets = [project_path, Path(f"{project_path}-wal"), Path(f"{project_path}-shm"), project_path.parent,
               backups, backups / "x.jsonl"]
    for out in targets:
        code, err = export(project_path, fmt, out, capsys)
        assert code == 1, out
        assert ("project" in err or "backups" in err) and "Traceback" not in err, err
    assert project_path.read_bytes() == project_bytes
    intact(project_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_replaces_its_own_files_and_nothing_else(fmt, project_path, tmp_path, capsys):
    out = tmp_path / "out" / ("spacy" if fmt == "spacy" else f"export.{fmt}")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("beside", encoding="utf-8")
    assert export(project_path, fmt, out, capsys)[0] == 0
    assert export(project_path, fmt, out, capsys)[0] == 0  # the second run replaces what the first wrote
    assert (tmp_path / "out" / "keep.txt").read_text(encoding="utf-8") == "beside"
    assert not [p for p in (tmp_path / "out").rglob("*.part")]
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and p.name != "keep.txt"]
    assert written
    for p in written:  # the user's normal permissions (umask 022 in the test), not 0600
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, p
    if fmt == "spacy":
        assert stat.S_IMODE(out.stat().st_mode) == 0o755


def test_a_file_it_did_not_write_or_that_changed_is_refused(project_path, tmp_path, capsys):
    out = tmp_path / "data.jsonl"
    out.write_text("someone's data\n", encoding="utf-8")
    code, err = export(project_path, "jsonl", out, capsys)
    assert code == 1 and "was not written by a jsonl export" in err
    assert out.read_text(encoding="utf-8") == "someone's data\n"
    mine = tmp_path / "mine.jsonl"
    assert export(project_path, "jsonl", mine, capsys)[0] == 0
    with open(mine, "a", encoding="utf-8") as f:
        f.write("an edit\n")
    code, err = export(project_path, "jsonl", mine, capsys)
    assert code == 1 and "was changed after the export wrote it" in err
    assert mine.read_text(encoding="utf-8").endswith("an edit\n")
    assert export(project_path, "bio", mine, capsys)[0] == 1  # another format's file is not its own either


def _fill_up(disk: Path) -> Path:
    """A file of the test's own taking every free byte of `disk`."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while f.write(b"\0" * 4096):
                pass
        except OSError:  # no space left
            pass
    return filler


@pytest.fixture
def tiny_disk(tmp_path):
    """A small file system (root in CI can mount one); read-only or full, as the test asks."""
    mounted = []

    def make(options: str) -> Path:
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                          capture_output=True).returncode != 0:
            pytest.skip("cannot mount a small file system here (needs root)")
        mounted.append(where)
        return where
    yield make
    for where in mounted:
        subprocess.run(["umount", str(where)], check=False)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_or_read_only_disk_gets_one_line_and_no_partial_file(fmt, project_path, tiny_disk, capsys):
    for options in ("size=64k", "size=1m,ro"):
        disk = tiny_disk(options)
        filler = None if options.endswith(",ro") else _fill_up(disk)  # full: even a small export cannot fit
        code, err = export(project_path, fmt, disk / "out", capsys)
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert "cannot write the export" in err
        if filler:
            filler.unlink()
        assert os.listdir(disk) == []
    intact(project_path)
