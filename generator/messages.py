"""The one table of Norwegian messages shown to editors.

Every message an editor can see is defined here, keyed by a stable code, so that
wording is reviewed and changed in one place. Templates use ``str.format`` fields.
"""

from __future__ import annotations

from .wording import count_text

MESSAGES: dict[str, str] = {
    # Files and encodings
    "file_empty": "filen er tom; en post trenger minst feltet «id»",
    "file_too_large": "filen er for stor ({size} byte); grensen er {limit} byte",
    "file_binary": "filen ser ut til å være binær (inneholder nullbyte), ikke tekst",
    "file_not_utf8": (
        "filen er ikke gyldig UTF-8 (ugyldig byte 0x{byte:02x} på linje {line}); "
        "lagre filen som UTF-8"
    ),
    "file_extension": "innholdsfiler må ha endelsen .yml, ikke «{suffix}»",
    "unknown_kind": "ukjent innholdsmappe «{name}»; gyldige mapper er {valid}",
    "multiple_documents": (
        "filen inneholder flere YAML-dokumenter (skilt med ---); én post per fil"
    ),
    "top_not_mapping": "toppnivået må være felt på formen «nøkkel: verdi», ikke {found}",
    "filename_id_mismatch": (
        "id-en «{id}» må være lik filnavnet uten .yml («{stem}»)"
    ),
    "duplicate_id": "id-en «{id}» er allerede brukt i {other}",
    # YAML syntax
    "yaml_tab": "tabulator er ikke tillatt i innrykk; bruk mellomrom",
    "yaml_unclosed_quote": "anførselstegn som ikke er lukket; sett inn det avsluttende tegnet",
    "yaml_colon": (
        "kolon på uventet sted; sett teksten i anførselstegn, eller sjekk innrykket"
    ),
    "yaml_indent": "feil innrykk; feltene på samme nivå må stå like langt inn",
    "yaml_expected_colon": "mangler kolon etter nøkkelen, eller innrykket er feil",
    "yaml_syntax": "ugyldig YAML ({problem})",
    "yaml_duplicate_key": "nøkkelen «{key}» står to ganger (første gang på linje {first})",
    "yaml_alias": "ankere og aliaser (& og *) er ikke tillatt i innholdsfiler; skriv verdien ut",
    "yaml_tag": "YAML-taggen «{tag}» er ikke tillatt i innholdsfiler",
    "yaml_key_not_text": "nøkler må være tekst",
    # Schema
    "missing": "påkrevd felt mangler",
    "extra_forbidden": "ukjent felt «{key}»{hint}",
    "string_type": "forventet tekst, fikk {found}{hint}",
    "int_type": "forventet et heltall, fikk {found}",
    "float_type": "forventet et tall, fikk {found}",
    "bool_type": "forventet true eller false, fikk {found}",
    "list_type": "forventet en liste (linjer som begynner med «- »), fikk {found}",
    "dict_type": "forventet felt på formen «nøkkel: verdi», fikk {found}",
    "literal_error": "ugyldig verdi «{value}»; gyldige verdier er {expected}{hint}",
    "greater_than_equal": "må være minst {limit}",
    "less_than_equal": "kan ikke være større enn {limit}",
    "too_short": "må ha minst {limit} element",
    "string_too_long": "teksten er for lang ({actual} tegn); grensen er {limit} tegn",
    "too_long": "listen er for lang ({actual} element); grensen er {limit}",
    "blank": "teksten kan ikke være tom",
    "id_format": (
        "ugyldig id «{value}»; bruk bare små bokstaver a–z, tall og bindestrek "
        "(skriv æ som ae, ø som o og å som a)"
    ),
    "date_format": "ugyldig dato «{value}»; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
    "lines_format": "ugyldig linjeangivelse «{value}»; skriv f.eks. 120 eller 120-135",
    "url_format": "ugyldig nettadresse «{value}»; den må begynne med https:// eller http://",
    "percent_range": "en prosentandel må ligge mellom 0 og 100, fikk {value}",
    "negative_count": "et antall kan ikke være negativt, fikk {value}",
    "period_order": "sluttdato {end} ligger før startdato {start}",
    "schema_generic": "ugyldig verdi ({detail})",
    "column_lengths": "kolonnene har ulikt antall verdier ({detail}); alle må ha like mange",
    "column_number": "kolonnen «{column}» skal ha tall, fikk «{value}»",
    "unknown_column": "ukjent kolonne «{key}»; kolonnene i datasettet er {valid}",
    "duplicate_chart": "diagram-id-en «{id}» er allerede brukt i {other}",
    "chart_property": (
        "diagrammet «{chart}» kan ikke tegnes: «{key}» er ingen egenskap ved {where} i "
        "Plotly{hint}"
    ),
    "chart_value": (
        "diagrammet «{chart}» kan ikke tegnes: ugyldig verdi for egenskapen «{key}» ved "
        "{where} i Plotly"
    ),
    "chart_invalid": "diagrammet «{chart}» kan ikke tegnes: {detail}",
    # Content safety
    "html_not_allowed": (
        "HTML er ikke tillatt i tekstfelt («{tag}»); bruk Markdown (se CONTRIBUTING.md)"
    ),
    "unsafe_link": "lenken «{url}» er ikke tillatt; bruk https://, http://, mailto: eller #",
    "external_image": (
        "bilder fra andre nettsteder er ikke tillatt («{url}»); legg bildet i content/files/"
    ),
    # References
    "unknown_ref": "ukjent {kind} «{value}»{hint}",
    "wrong_kind_ref": "«{value}» er {actual}, ikke {kind}",
    "self_ref": "en post kan ikke vise til seg selv",
    "duplicate_ref": "«{value}» står flere ganger i listen",
    "did_you_mean": "; mente du «{suggestion}»?",
    # Links in text (links.py)
    "link_unknown": "lenken «{url}» viser til {kind} som ikke finnes{hint}",
    "link_wrong_kind": "«{value}» er {actual}, ikke «{prefix}:»; skriv «{right}»",
    "link_unknown_kind": (
        "ukjent lenketype «{prefix}:» (lenker ved navn begynner med {valid}){hint}"
    ),
    "link_root_absolute": (
        "lenken «{url}» begynner med «/» og virker ikke når nettstedet ligger i en "
        "undermappe (som på GitHub Pages); skriv «{instead}»"
    ),
    "link_instead_generic": "tiltak:id-en, pilot:id-en osv. eller en relativ adresse",
    "link_outside": "lenken «{url}» peker ut av nettstedet; skriv en lenke ved navn, f.eks. "
                    "«tiltak:id-en»",
    "link_broken": "lenken «{url}» peker til «{where}», som ikke finnes på nettstedet{hint}",
    # Pages and names that would collide (sitemap.py)
    "section_owner": "den faste siden {doc} (lages av programmet)",
    "url_collision": (
        "siden får adressen «{url}», som også brukes av {others}; bare én av dem ville blitt "
        "publisert. Gi posten en annen id (og samme filnavn)"
    ),
    "url_collision_pages": "to sider ville fått adressen «{url}»: {others}",
    "same_name": (
        "{kind} med navnet «{name}» finnes også i {others}; gi posten et eget navn "
        "(er filen kopiert uten at navnet ble endret?)"
    ),
    # Strict-mode warnings
    "warn_number_without_source": (
        "teksten sier «{number}», men har ingen kilde: gi avsnittet egne kilder (sources), "
        "legg tallet i figures med kilde, eller nevn feltet i applies_to på en av postens "
        "kilder (se CONTRIBUTING.md)"
    ),
    "unknown_applies_to": "«{name}» er ikke et felt i posten{hint}",
    "warn_headline_without_source": "hovedresultatet har ingen kilde (headline_sources)",
    "warn_measure_unused": "tiltaket er ikke brukt av noen pilot",
    "warn_municipality_unused": "kommunen er ikke med i noen pilot",
    "warn_no_sources": "posten har ingen kilder (sources)",
}

# The end of a validate or build run (cli.py).
SUMMARY: dict[str, str] = {
    "valid": "Innholdet er gyldig.",
    "valid_with_warnings": (
        "Innholdet er gyldig, med {warnings}. Advarsler stopper ikke byggingen her, men "
        "med --strict (som sjekkene på GitHub bruker) er de feil."
    ),
    "errors": "{errors} og {warnings}. Feil stopper byggingen; rett dem og kjør på nytt.",
    "strict_warnings": (
        "{errors} og {warnings}. Advarslene stopper byggingen fordi --strict er brukt; "
        "uten --strict blir de bare vist."
    ),
}


def summary(errors: int, warnings: int, strict: bool) -> str:
    """The last line of a run: what was found and whether (and why) it stops the build."""
    fields = {"errors": count_text(errors, "feil", "feil"),
              "warnings": count_text(warnings, "advarsel", "advarsler")}
    if errors:
        code = "errors"
    elif warnings and strict:
        code = "strict_warnings"
    else:
        code = "valid_with_warnings" if warnings else "valid"
    return SUMMARY[code].format(**fields)


# Readable names for YAML/JSON value types, used in "expected X, got Y".
TYPE_NAMES: dict[type, str] = {
    str: "tekst",
    int: "et heltall",
    float: "et desimaltall",
    bool: "true/false",
    list: "en liste",
    dict: "en samling felt",
    type(None): "ingen verdi",
}


def message(code: str, **fields: object) -> str:
    """Return the Norwegian message for ``code`` with ``fields`` filled in."""
    return MESSAGES[code].format(**fields)


def type_name(value: object) -> str:
    """Name the YAML type of ``value`` in Norwegian, with the value when short."""
    name = TYPE_NAMES.get(type(value), type(value).__name__)
    if isinstance(value, bool):
        return f"{name} ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"{name} ({value})"
    return name
