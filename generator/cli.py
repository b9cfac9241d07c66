"""The ``tiltakshefte`` command line: a thin layer over the library functions.

Exit codes: 0 success, 1 content errors, 2 usage errors. User errors never show a
traceback; internal errors keep theirs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import ContentError, Problem

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"tiltakshefte: feil i kommandoen: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per verb."""
    parser = _Parser(prog="tiltakshefte", description="Bygg og sjekk det digitale tiltaksheftet.")
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="prosjektmappen (standard: gjeldende mappe)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    validate = sub.add_parser("validate", help="sjekk innholdet")
    validate.add_argument("--strict", action="store_true", help="advarsler teller som feil")
    validate.add_argument("--format", choices=["text", "github"], default="text")
    build = sub.add_parser("build", help="bygg nettstedet")
    build.add_argument("--output", type=Path, default=Path("site"))
    build.add_argument("--site-url", default=None, help="overstyr site_url")
    build.add_argument("--no-strict", action="store_true", help="ikke stopp på advarsler")
    _add_engine(build)
    serve = sub.add_parser("serve", help="bygg og vis nettstedet med automatisk oppdatering")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    _add_engine(serve)
    new = sub.add_parser("new", help="lag en ny post fra mal")
    new.add_argument("kind", help="pilot, measure, municipality, organisation, source, term "
                     "eller page")
    new.add_argument("id")
    export = sub.add_parser("export", help="skriv mkdocs.yml og docs/ som vanlige filer")
    export.add_argument("dir", type=Path)
    export.add_argument("--site-url", default=None, help="overstyr site_url")
    issue = sub.add_parser("from-issue", help="lag en post fra et innsendt forslagsskjema")
    issue.add_argument("body", type=Path, help="fil med teksten i saken (issue body)")
    report = sub.add_parser("report", help="rapport for en pull request: hva endringen gjør "
                            "med postene og sidene, sammenlignet med en annen versjon")
    report.add_argument("--base", type=Path, required=True,
                        help="prosjektmappen med versjonen det sammenlignes med")
    report.add_argument("--base-site", type=Path, help="det bygde nettstedet for basen")
    report.add_argument("--head-site", type=Path, help="det bygde nettstedet for denne versjonen")
    report.add_argument("--run-url", help="lenke til kjøringen med det bygde nettstedet")
    report.add_argument("--output", type=Path, help="skriv kommentaren hit (standard: skriv ut)")
    report.add_argument("--limit", type=int, default=60_000, help="høyst så mange tegn")
    schema = sub.add_parser("schema", help="skriv JSON Schema for hver innholdstype")
    schema.add_argument("--output", type=Path, default=Path("schema"))
    schema.add_argument("--check", action="store_true", help="feil hvis filene er utdaterte")
    return parser


def _add_engine(command: argparse.ArgumentParser) -> None:
    from .commands import DEFAULT_ENGINE, ENGINES

    command.add_argument("--engine", choices=sorted(ENGINES), default=DEFAULT_ENGINE,
                         help=f"motoren som bygger nettstedet (standard: {DEFAULT_ENGINE})")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except ContentError as exc:
        _print_problems(exc.problems, getattr(args, "format", "text"))
        return EXIT_CONTENT
    except UsageError as exc:
        print(f"tiltakshefte: {exc}", file=sys.stderr)
        return EXIT_USAGE


class UsageError(Exception):
    """A mistake in how the command was called (exit code 2)."""


def _dispatch(args: argparse.Namespace) -> int:
    from . import commands

    project = args.project.resolve()
    if not (project / "site_config.yml").is_file():
        raise UsageError(
            f"finner ikke site_config.yml i {project}; kjør kommandoen i prosjektmappen")
    handler = getattr(commands, "run_" + args.command.replace("-", "_"))
    return int(handler(project, args))


def _print_problems(problems: list[Problem], style: str) -> None:
    for problem in sorted(problems):
        if style == "github":
            print(problem.format_github())
        print(problem.format(), file=sys.stderr)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    print(f"{errors} feil og {warnings} advarsler.", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
