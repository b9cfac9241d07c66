"""What the issue-form workflow writes back: the comment on the issue (one, updated on every
edit) and the draft pull request's text, in the words of the form the person filled in.

Everything here is for a person who has never seen the YAML: problems are named by the
form's labels («Start», «Målgrupper») and list the accepted values. Text from the issue is
quoted with its mentions broken and its HTML made harmless, since it is posted by a bot.
"""

from __future__ import annotations

from . import vocab
from .issueform import RESOURCE_CHOICES, accepted
from .problems import Problem

MARKER = "<!-- tiltakshefte-forslag -->"

# Key path in the record (indexes left out) → the form's label.
FORM_LABELS: dict[str, str] = {
    "id": "Navn",
    "name": "Navn",
    "summary": "Kort beskrivelse",
    "description": "Beskrivelse",
    "background": "Beskrivelse",
    "target_groups": "Målgrupper",
    "aims": "Mål",
    "resource_need": "Ressursbehov",
    "getting_started": "Slik kommer man i gang",
    "region": "Region",
    "counties": "Fylker",
    "period.start": "Start",
    "period.end": "Slutt",
    "period": "Slutt",
    "method": "Arbeidsform",
    "municipalities": "Kommuner",
}
_CHOICES = {
    "Målgrupper": "kryss av for minst én; du kan velge: " + accepted(vocab.TARGET_GROUPS),
    "Mål": "kryss av for minst ett; du kan velge: " + accepted(vocab.AIMS),
    "Ressursbehov": "velg en av: " + ", ".join(RESOURCE_CHOICES),
}
_DATE_HINT = "skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, f.eks. 2024-09"


def form_problem(problem: Problem) -> tuple[str, str]:
    """A validation problem of the made record as (the form's label, a message)."""
    path = "".join(part for part in problem.path.replace("]", "[").split("[")[::2])
    label = next((FORM_LABELS[key] for key in sorted(FORM_LABELS, key=len, reverse=True)
                  if path == key or path.startswith(key + ".")), "")
    if not label:
        return ("Skjemaet", problem.message)
    if label in _CHOICES and ("mangler" in problem.message or "minst" in problem.message
                              or "ugyldig verdi" in problem.message):
        return (label, _CHOICES[label])
    if label in ("Start", "Slutt") and "mangler" in problem.message:
        return (label, f"feltet må fylles ut; {_DATE_HINT}")
    if "mangler" in problem.message or "kan ikke være tom" in problem.message:
        return (label, "feltet må fylles ut")
    return (label, problem.message)


def quote(text: str) -> str:
    """Text from the issue, safe in a bot's Markdown: no mentions, no HTML."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("@", "@\u200b"))


def failure_comment(problems: list[tuple[str, str]]) -> str:
    """The comment when the form cannot become a record yet."""
    lines = [MARKER, "Takk for forslaget! Vi kunne ikke lage et utkast ennå, fordi noen felt "
             "i skjemaet må rettes:", ""]
    lines += [f"- **{label}**: {quote(text)}" for label, text in problems]
    lines += ["", "Rediger saken (⋯ øverst i saken → **Edit**), rett feltene og lagre. Da "
              "prøver jobben på nytt, og denne kommentaren oppdateres. Du kan også vente på at "
              "en redaktør tar kontakt."]
    return "\n".join(lines) + "\n"


def success_comment(branch: str, unknown: list[str]) -> str:
    """The comment when the draft was made (or updated after an edit)."""
    lines = [MARKER, f"Takk for forslaget! Et utkast ligger i grenen `{branch}`, og en "
             "redaktør går gjennom det i pull requesten som er lenket til denne saken. "
             "Endrer du saken, oppdateres utkastet."]
    if unknown:
        lines += ["", "Disse kommunene fant vi ikke i tiltaksheftet, så redaktøren legger dem "
                  f"til: {', '.join(f'«{quote(name)}»' for name in unknown)}."]
    return "\n".join(lines) + "\n"


def pr_body(issue: int, record_path: str, unknown: list[str]) -> str:
    """The draft pull request's description, with the editor's checklist."""
    lines = [f"Utkast laget fra sak #{issue} (`{record_path}`). Redaktøren må:", "",
             "- [ ] lese teksten og skrive den med egne ord der det trengs",
             "- [ ] legge til kilder (`sources`) med sted i kilden for alle tall",
             "- [ ] koble tiltaket til en pilot, eller piloten til kommuner og tiltak",
             "- [ ] se at sjekkene er grønne"]
    if unknown:
        lines += ["", "Kommuner fra skjemaet som ikke har en post ennå (lag dem med "
                  "`tiltakshefte new municipality ID` og legg dem til i `municipalities`):", ""]
        lines += [f"- «{quote(name)}»" for name in unknown]
    lines += ["", f"Closes #{issue}"]
    return "\n".join(lines) + "\n"
