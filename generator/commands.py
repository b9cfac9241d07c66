"""One function per CLI verb; each returns an exit code."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .pipeline import Project, check_content
from .problems import ContentError


def run_validate(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte validate``: report every problem; exit 1 on errors (or warnings if strict)."""
    _, problems = check_content(Project(root))
    failing = [p for p in problems if p.severity == "error" or args.strict]
    if failing:
        raise ContentError(problems)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    print(f"Innholdet er gyldig ({len(problems)} advarsler).")
    return 0


def run_build(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte build``: a strict build, swapped into place only when it succeeds."""
    from .mkdocs_adapter import run_build as mkdocs_build
    from .output import render_project, replace_directory
    from .search_index import IndexFailed, index_site

    project = Project(root)
    output_dir = args.output if args.output.is_absolute() else Path.cwd() / args.output
    site = render_project(project, strict=not args.no_strict, site_url=args.site_url)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{output_dir.name}.", dir=output_dir.parent) as tmp:
        staging = Path(tmp) / "site"
        try:
            mkdocs_build(site, project, staging)
        except Exception as exc:  # MkDocs' own errors (e.g. strict warnings)
            raise BuildFailed(str(exc) or type(exc).__name__) from exc
        try:
            index_site(staging)  # in the side folder too: the swap brings site and index
        except IndexFailed as exc:
            raise BuildFailed(f"søkeindeksen (Pagefind): {exc}") from exc
        replace_directory(staging, output_dir)
    print(f"Nettstedet er bygget i {output_dir} ({len(site.pages)} sider).")
    return 0


def run_export(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte export DIR``: plain ``mkdocs.yml`` and ``docs/`` for any MkDocs-like tool."""
    from .output import export, render_project

    project = Project(root)
    site = render_project(project, strict=True, site_url=args.site_url)
    export(site, project, args.dir)
    print(f"Eksportert {len(site.pages)} sider til {args.dir}. Bygg i mappen med: "
          "mkdocs build -f mkdocs.yml -d site && python -m pagefind "
          f"(se {args.dir / 'README.md'})")
    return 0


def run_serve(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte serve``: http://127.0.0.1:8000 with live reload."""
    from .mkdocs_adapter import run_serve as mkdocs_serve

    mkdocs_serve(Project(root), args.host, args.port)
    return 0


class BuildFailed(ContentError):
    """MkDocs stopped the build; reported like a content error (exit 1)."""

    def __init__(self, detail: str) -> None:
        from .problems import Problem

        super().__init__([Problem("mkdocs", 1, 1, "", f"byggingen stoppet: {detail}")])


def run_new(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte new KIND ID``: write a scaffold derived from the model."""
    from .cli import UsageError
    from .fields import ID_PATTERN
    from .scaffold import KIND_FOLDERS, write_scaffold

    if args.kind not in KIND_FOLDERS:
        raise UsageError(f"ukjent type «{args.kind}»; gyldige typer: {', '.join(KIND_FOLDERS)}")
    if not ID_PATTERN.fullmatch(args.id):
        raise UsageError(f"ugyldig id «{args.id}»; bruk små bokstaver a–z, tall og bindestrek")
    try:
        path = write_scaffold(Project(root).content_dir, args.kind, args.id)
    except FileExistsError as exc:
        raise UsageError(f"{Path(str(exc)).relative_to(root)} finnes allerede; "
                         "jeg overskriver ikke") from None
    print(f"Skrev {path.relative_to(root)}. Fyll ut feltene og kjør «tiltakshefte validate».")
    return 0


def run_schema(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte schema``: write (or with --check, compare) the JSON Schemas."""
    from .scaffold import schema_texts

    target = args.output if args.output.is_absolute() else root / args.output
    stale = []
    for name, text in schema_texts().items():
        path = target / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"Utdaterte skjemaer: {', '.join(stale)}. Kjør «tiltakshefte schema».",
              file=sys.stderr)
        return 1
    print("Skjemaene er oppdatert." if stale else "Skjemaene er allerede oppdatert.")
    return 0


def run_from_issue(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte from-issue BODY``: write the record a submitted form describes.

    Prints the path written. The record is validated like any other; problems are
    reported in Norwegian so the workflow can post them on the issue.
    """
    from .cli import UsageError
    from .issueform import FormError, record_from_body

    try:
        record = record_from_body(args.body.read_text(encoding="utf-8"))
    except FormError as exc:
        raise UsageError(f"skjemaet kan ikke bli en post: {exc}") from None
    except OSError as exc:
        raise UsageError(f"kan ikke lese {args.body}: {exc.strerror}") from None
    target = root / record.path
    if target.exists():
        raise UsageError(f"{record.path} finnes allerede; velg et annet navn")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text, encoding="utf-8")
    _, problems = check_content(Project(root))
    mine = [p for p in problems if p.file == record.path and p.severity == "error"]
    if mine:
        target.unlink()
        raise ContentError(mine)
    print(record.path)
    return 0


def run_report(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte report --base DIR``: the pull-request comment, in Markdown.

    The report always exits 0 when it could be written: problems in the content are
    part of the report, not a reason to withhold it.
    """
    from .cli import UsageError
    from .prcomment import format_comment
    from .prreport import make_report

    base = args.base.resolve()
    if not (base / "content").is_dir():
        raise UsageError(f"finner ikke content/ i {args.base}; --base må være en prosjektmappe")
    report = make_report(base, root, _maybe(args.base_site), _maybe(args.head_site), args.run_url)
    text = format_comment(report, args.limit)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"Skrev rapporten til {args.output} ({len(text)} tegn).", file=sys.stderr)
    return 0


def _maybe(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None
