"""The ``tiltakshefte`` command line: a thin layer over the library functions.

Exit codes: 0 success, 1 content errors, 2 usage errors. User errors never show a
traceback; internal errors keep theirs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_words import use_norwegian
from .problems import ContentError, Problem

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"tiltakshefte: feil i kommandoen: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per verb."""
    use_norwegian()
    parser = _Parser(prog="tiltakshefte", description="Bygg og sjekk det digitale tiltaksheftet.")
    parser.add_argument("--project", type=Path, default=Path("."), metavar="MAPPE",
                        help="prosjektmappen (standard: gjeldende mappe)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                title="kommandoer", metavar="KOMMANDO")
    validate = sub.add_parser("validate", help="sjekk innholdet")
    _strictness(validate)
    validate.add_argument("--format", choices=["text", "github"], default="text",
                          metavar="{text,github}",
                          help="text: én linje per problem; github: også som merknader i "
                          "GitHub Actions")
    build = sub.add_parser("build", help="bygg nettstedet")
    build.add_argument("--output", type=Path, default=Path("site"), metavar="MAPPE",
                       help="mappen nettstedet bygges til (standard: site)")
    build.add_argument("--site-url", default=None, metavar="URL", help="overstyr site_url")
    _strictness(build)
    _add_engine(build)
    serve = sub.add_parser("serve", help="bygg og vis nettstedet med automatisk oppdatering")
    serve.add_argument("--port", type=int, default=8000, metavar="PORT",
                       help="porten (standard: 8000)")
    serve.add_argument("--host", default="127.0.0.1", metavar="ADRESSE",
                       help="adressen det lyttes på (standard: 127.0.0.1)")
    _add_engine(serve)
    new = sub.add_parser("new", help="lag en ny post fra mal")
    new.add_argument("kind", metavar="TYPE", help="pilot, measure, municipality, "
                     "organisation, source, term, page eller dataset")
    new.add_argument("id", metavar="ID", help="id-en, som også blir filnavnet")
    export = sub.add_parser("export", help="skriv mkdocs.yml og docs/ som vanlige filer")
    export.add_argument("dir", type=Path, metavar="MAPPE", help="mappen som skal lages")
    export.add_argument("--site-url", default=None, metavar="URL", help="overstyr site_url")
    _strictness(export)
    issue = sub.add_parser("from-issue", help="lag en post fra et innsendt forslagsskjema")
    issue.add_argument("body", type=Path, metavar="FIL",
                       help="fil med teksten i saken (issue body)")
    issue.add_argument("--issue", type=int, default=0, metavar="NUMMER",
                       help="nummeret på saken")
    issue.add_argument("--comment", type=Path, metavar="FIL",
                       help="skriv svaret til saken hit (Markdown)")
    issue.add_argument("--pr-body", type=Path, metavar="FIL",
                       help="skriv teksten til pull requesten hit")
    report = sub.add_parser("report", help="rapport for en pull request: hva endringen gjør "
                            "med postene og sidene, sammenlignet med en annen versjon")
    report.add_argument("--base", type=Path, required=True, metavar="MAPPE",
                        help="prosjektmappen med versjonen det sammenlignes med")
    report.add_argument("--base-site", type=Path, metavar="MAPPE",
                        help="det bygde nettstedet for basen")
    report.add_argument("--head-site", type=Path, metavar="MAPPE",
                        help="det bygde nettstedet for denne versjonen")
    report.add_argument("--run-url", metavar="URL",
                        help="lenke til kjøringen med det bygde nettstedet")
    report.add_argument("--output", type=Path, metavar="FIL",
                        help="skriv kommentaren hit (standard: skriv ut)")
    report.add_argument("--limit", type=int, default=60_000, metavar="TEGN",
                        help="høyst så mange tegn")
    schema = sub.add_parser("schema", help="skriv JSON Schema for hver innholdstype")
    schema.add_argument("--output", type=Path, default=Path("schema"), metavar="MAPPE",
                        help="mappen skjemaene skrives til (standard: schema)")
    schema.add_argument("--check", action="store_true", help="feil hvis filene er utdaterte")
    return parser


def _strictness(command: argparse.ArgumentParser) -> None:
    """``--strict`` and ``--no-strict``, the same for every command that checks content, so
    that ``validate`` and ``build`` always agree on what stops a build."""
    group = command.add_mutually_exclusive_group()
    group.add_argument("--strict", action="store_true",
                       help="advarsler teller som feil og stopper byggingen (brukes på GitHub)")
    group.add_argument("--no-strict", action="store_false", dest="strict",
                       help="advarsler vises, men stopper ikke byggingen (standard)")


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
        print_problems(exc.problems, getattr(args, "format", "text"),
                       getattr(args, "strict", True))
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


def print_problems(problems: list[Problem], style: str, strict: bool) -> None:
    """Every problem on its own line, then what they mean for the build."""
    from .messages import summary

    for problem in sorted(problems):
        if style == "github":
            print(problem.format_github())
        print(problem.format(), file=sys.stderr)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    stops = errors or (warnings and strict)
    print(summary(errors, warnings, strict), file=sys.stderr if stops else sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
