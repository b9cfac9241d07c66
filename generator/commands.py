"""One function per CLI verb; each returns an exit code."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .pipeline import Project, check_content
from .problems import ContentError

if TYPE_CHECKING:
    from .issueform import FormRecord


def run_validate(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte validate``: report every problem; exit 1 on errors (or warnings if strict)."""
    from .cli import print_problems

    _, problems = check_content(Project(root))
    failing = [p for p in problems if p.severity == "error" or args.strict]
    if failing:
        raise ContentError(problems)
    print_problems(problems, args.format, args.strict)
    return 0


# The engines that build the site, each an adapter module with ``run_build`` and
# ``run_serve``; MkDocs with Material is the default (README, «To motorer»).
ENGINES = {"mkdocs": "mkdocs_adapter", "zensical": "zensical_adapter"}
DEFAULT_ENGINE = "mkdocs"


def engine(name: str) -> ModuleType:
    """The adapter module of the engine ``name``; a usage error when it is not installed."""
    from .cli import UsageError

    if name == "zensical" and importlib.util.find_spec("zensical") is None:
        raise UsageError("Zensical er ikke installert; installer det med "
                         "«pip install '.[zensical]'» (eller «make install»)")
    return importlib.import_module(f".{ENGINES[name]}", __package__)


def run_build(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte build``: a build with the chosen engine, swapped into place only when it
    succeeds; warnings stop it only with ``--strict``, as in ``validate``. Shows each stage
    (``progress.BUILD_STAGES``) and, at the end, how long each took."""
    from .output import render_project, replace_directory
    from .progress import Progress, build_stages
    from .search_index import IndexFailed, index_site

    adapter = engine(args.engine)

    project = Project(root)
    progress = Progress(stages=build_stages(args.engine))
    output_dir = args.output if args.output.is_absolute() else Path.cwd() / args.output
    site = render_project(project, strict=args.strict, site_url=args.site_url,
                          progress=progress)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{output_dir.name}.", dir=output_dir.parent) as tmp:
        staging = Path(tmp) / "site"
        # Zensical reports no pages as it goes: its stage shows the time only.
        pages = len(site.pages) if args.engine == "mkdocs" else None
        with progress.stage(args.engine, pages) as stage:
            try:
                if args.engine == "mkdocs":
                    adapter.run_build(site, project, staging, stage.advance)
                else:
                    adapter.run_build(site, project, staging)
            except Exception as exc:  # the engine's own errors (e.g. MkDocs' strict warnings)
                raise BuildFailed(str(exc) or type(exc).__name__, args.engine) from exc
        with progress.stage("index"):
            try:
                index_site(staging)  # in the side folder too: the swap brings site and index
            except IndexFailed as exc:
                raise BuildFailed(f"søkeindeksen (Pagefind): {exc}") from exc
        with progress.stage("swap"):
            replace_directory(staging, output_dir)
    if site.warnings:
        from .cli import print_problems

        print_problems(site.warnings, "text", strict=False)
    from .config import config_warnings

    for warning in config_warnings(site.config):
        print(f"Advarsel: {warning}", file=sys.stderr)
    print(f"Nettstedet er bygget i {output_dir} ({len(site.pages)} sider).")
    print(progress.summary())
    return 0


def run_export(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte export DIR``: plain ``mkdocs.yml`` and ``docs/`` for any MkDocs-like tool."""
    from .output import export, render_project

    project = Project(root)
    site = render_project(project, strict=args.strict, site_url=args.site_url)
    export(site, project, args.dir)
    print(f"Eksportert {len(site.pages)} sider til {args.dir}. Bygg i mappen med: "
          "mkdocs build -f mkdocs.yml -d site && python -m pagefind "
          f"(se {args.dir / 'README.md'})")
    return 0


def run_serve(root: Path, args: argparse.Namespace) -> int:
    """``tiltakshefte serve``: http://127.0.0.1:8000 with live reload."""
    engine(args.engine).run_serve(Project(root), args.host, args.port)
    return 0


class BuildFailed(ContentError):
    """The engine stopped the build; reported like a content error (exit 1)."""

    def __init__(self, detail: str, engine: str = DEFAULT_ENGINE) -> None:
        from .problems import Problem

        super().__init__([Problem(engine, 1, 1, "", f"byggingen stoppet: {detail}")])


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

    Prints the path written. Problems are named by the form's labels and list the accepted
    values; ``--comment`` and ``--pr-body`` write the texts the workflow posts.
    """
    from .cli import EXIT_CONTENT, UsageError
    from .issueform import FormError, record_from_body
    from .issuereply import failure_comment, pr_body, success_comment

    try:
        body = args.body.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"kan ikke lese {args.body}: {exc.strerror}") from None
    try:
        record = record_from_body(body, _municipality_names(root))
        problems = _write_record(root, record)
    except FormError as exc:
        problems = exc.problems
    if problems:
        for label, text in problems:
            print(f"«{label}»: {text}", file=sys.stderr)
        _write_text(args.comment, failure_comment(problems))
        return EXIT_CONTENT
    unknown = record.unknown_municipalities
    _write_text(args.comment, success_comment(f"forslag/issue-{args.issue}", unknown))
    _write_text(args.pr_body, pr_body(args.issue, record.path, unknown))
    print(record.path)
    return 0


def _municipality_names(root: Path) -> dict[str, str]:
    """Name and id of every municipality with a record → its id."""
    from .content import load_content

    names: dict[str, str] = {}
    for item in load_content(Project(root).content_dir).loaded:
        if item.kind == "municipalities":
            names[item.record.display_name()] = names[item.record.id] = item.record.id
    return names


def _write_record(root: Path, record: FormRecord) -> list[tuple[str, str]]:
    """Write the record and validate it with everything else; on problems, remove it again
    and return them in the form's words."""
    from .issuereply import form_problem

    target = root / record.path
    if target.exists():
        return [("Navn", f"det finnes allerede en post med id-en «{record.record_id}»; velg "
                         "et annet navn, eller be en redaktør oppdatere den som finnes")]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(record.text, encoding="utf-8")
    _, problems = check_content(Project(root))
    mine = [form_problem(p) for p in problems if p.file == record.path and p.severity == "error"]
    mine = record.problems + [p for p in mine if p[0] not in {q[0] for q in record.problems}]
    if mine:
        target.unlink()
    return list(dict.fromkeys(mine))


def _write_text(path: Path | None, text: str) -> None:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


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
