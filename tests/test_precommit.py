"""The pre-commit hook for real: `pre-commit try-repo <this checkout> newslint` in a temporary git
repository. A commit holding a bad article fails; one holding a clean article passes.

Slow (pre-commit builds its own environment for the hook and installs newslint into it, so it
needs the package index); skipped when `git` or `pre-commit` is missing.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _cli import BAD_ARTICLE, CLEAN_ARTICLE, ROOT, write

PRE_COMMIT = shutil.which("pre-commit") or shutil.which("pre-commit", path=str(Path(sys.executable).parent))
GIT = shutil.which("git")

pytestmark = pytest.mark.skipif(not (PRE_COMMIT and GIT), reason="needs git and pre-commit")

_SKIP = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", "build", "dist", "_work", "node_modules"}


def _git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run([GIT, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


def _snapshot_of_this_checkout(dest: Path) -> Path:
    """This working tree (committed or not) as a one-commit git repository, so try-repo sees
    exactly the files on disk, hook manifest included."""
    shutil.copytree(ROOT, dest, ignore=lambda d, names: [
        n for n in names if n in _SKIP or n.endswith(".egg-info") or n.startswith(".newslint-")])
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return dest


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    src = _snapshot_of_this_checkout(base / "newslint")
    repo = base / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    # the desk's config: found upward from the committed files, as in any repository
    write(repo / "newslint.toml", 'select = ["repeated-line", "bare-list-marker"]\n')
    write(repo / "README", "Not an article: pre-commit must not hand this to newslint.\n\n-\n")
    _git(repo, "add", "newslint.toml", "README")
    _git(repo, "commit", "-q", "-m", "config")
    return src, repo, base / "pre-commit-home"


def _try_repo(src, repo, home):
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run([PRE_COMMIT, "try-repo", str(src), "newslint", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def _stage_only(repo, name, text):
    _git(repo, "reset", "-q")
    for p in repo.glob("article*"):
        p.unlink()
    write(repo / name, text)
    _git(repo, "add", name)


def test_hook_manifest_declares_newslint():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "- id: newslint" in text and "entry: newslint" in text and "language: python" in text


def test_a_bad_article_fails_the_commit(newsroom):
    src, repo, home = newsroom
    _stage_only(repo, "article-bad.md", BAD_ARTICLE)
    proc = _try_repo(src, repo, home)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "newslint" in out and "Failed" in out
    assert "article-bad.md:2:1: warning repeated-line" in out
    assert "README" not in out.split("Failed", 1)[1]


def test_a_clean_article_passes(newsroom):
    src, repo, home = newsroom
    _stage_only(repo, "article-clean.txt", CLEAN_ARTICLE)
    proc = _try_repo(src, repo, home)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Passed" in out
