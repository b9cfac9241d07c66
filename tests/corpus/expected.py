"""Expected results of the corpus cases: exit code and exact lines of `validate --strict`.

Reviewed by hand. Regenerate with `python tests/corpus/update.py` after a deliberate change
of wording, and read the diff before committing it.
"""

EXPECTED: dict[str, tuple[int, list[str]]] = {
    'yaml-unclosed-quote': (1, [
        'content/measures/mentorordning.yml:3:10: anførselstegn som ikke er lukket; sett inn det avsluttende tegnet',
    ]),
    'yaml-bad-indentation': (1, [
        'content/measures/mentorordning.yml:7:3: feil innrykk; feltene på samme nivå må stå like langt inn',
    ]),
    'yaml-tab-indentation': (1, [
        'content/pilots/pilot.yml:11:1: tabulator er ikke tillatt i innrykk; bruk mellomrom',
    ]),
    'yaml-duplicate-key': (1, [
        'content/measures/mentorordning.yml:13:1: name: nøkkelen «name» står to ganger (første gang på linje 2)',
    ]),
    'yaml-duplicate-nested-key': (1, [
        'content/pilots/pilot.yml:9:3: period.start: nøkkelen «start» står to ganger (første gang på linje 7)',
    ]),
    'yaml-anchor-alias': (1, [
        'content/measures/mentorordning.yml:7:7: related2: ankere og aliaser (& og *) er ikke tillatt i innholdsfiler; skriv verdien ut',
    ]),
    'yaml-alias-bomb': (1, [
        'content/measures/mentorordning.yml:13:4: y[0]: ankere og aliaser (& og *) er ikke tillatt i innholdsfiler; skriv verdien ut',
    ]),
    'yaml-multiple-documents': (1, [
        'content/measures/mentorordning.yml:13:1: filen inneholder flere YAML-dokumenter (skilt med ---); én post per fil',
    ]),
    'yaml-colon-in-plain-text': (1, [
        'content/measures/mentorordning.yml:3:14: kolon på uventet sted; sett teksten i anførselstegn, eller sjekk innrykket',
    ]),
    'yaml-missing-colon': (1, [
        'content/measures/mentorordning.yml:3:1: mangler kolon etter nøkkelen, eller innrykket er feil',
    ]),
    'yaml-top-level-list': (1, [
        'content/measures/mentorordning.yml:1:1: toppnivået må være felt på formen «nøkkel: verdi», ikke en liste',
    ]),
    'yaml-custom-tag': (1, [
        'content/measures/mentorordning.yml:8:16: resource_need: YAML-taggen «!python/name:os.system» er ikke tillatt i innholdsfiler',
    ]),
    'encoding-bom-accepted': (0, [
    ]),
    'encoding-latin1': (1, [
        'content/measures/mentorordning.yml:2:1: filen er ikke gyldig UTF-8 (ugyldig byte 0xe5 på linje 2); lagre filen som UTF-8',
    ]),
    'encoding-empty-file': (1, [
        'content/measures/mentorordning.yml:1:1: filen er tom; en post trenger minst feltet «id»',
    ]),
    'encoding-only-comments': (1, [
        'content/measures/mentorordning.yml:1:1: filen er tom; en post trenger minst feltet «id»',
    ]),
    'encoding-binary': (1, [
        'content/measures/mentorordning.yml:3:1: filen ser ut til å være binær (inneholder nullbyte), ikke tekst',
    ]),
    'encoding-utf16': (1, [
        'content/measures/mentorordning.yml:1:1: filen ser ut til å være binær (inneholder nullbyte), ikke tekst',
    ]),
    'trap-no-as-text-is-kept': (0, [
    ]),
    'trap-no-as-vocabulary-value': (1, [
        'content/measures/mentorordning.yml:8:1: resource_need: ugyldig verdi «no»; gyldige verdier er «lav», «middels», «hoy»',
    ]),
    'trap-on-as-county': (1, [
        'content/municipalities/sor-odal.yml:3:1: county: ugyldig verdi «on»; gyldige verdier er «trondelag», «hedmark», «innlandet», «ostfold», «viken», «nordland», «oslo», «rogaland», «more-og-romsdal», «vestland», «agder», «vestfold-og-telemark», «troms-og-finnmark»',
    ]),
    'trap-leading-zero-number': (1, [
        'content/municipalities/sor-odal.yml:6:5: figures[0].value: forventet et tall, fikk tekst',
    ]),
    'trap-bare-date-as-text-is-kept': (0, [
    ]),
    'trap-date-wrong-format': (1, [
        'content/sources/rapport.yml:4:1: date: ugyldig dato «03.05.2020»; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
    ]),
    'trap-exponent-where-text': (1, [
        'content/measures/mentorordning.yml:3:1: summary: forventet tekst, fikk et desimaltall (1000.0); sett teksten i anførselstegn hvis den skal leses som tekst',
    ]),
    'trap-true-where-text': (1, [
        'content/measures/mentorordning.yml:2:1: name: forventet tekst, fikk true/false (true); sett teksten i anførselstegn hvis den skal leses som tekst',
    ]),
    'trap-year-where-text': (1, [
        'content/measures/mentorordning.yml:2:1: name: forventet tekst, fikk et heltall (2019); sett teksten i anførselstegn hvis den skal leses som tekst',
    ]),
    'trap-empty-value': (1, [
        'content/measures/mentorordning.yml:3:1: summary: forventet tekst, fikk ingen verdi',
    ]),
    'schema-missing-required': (1, [
        'content/measures/mentorordning.yml:1:1: name: påkrevd felt mangler',
    ]),
    'schema-wrong-type-list': (1, [
        'content/measures/mentorordning.yml:7:1: aims: forventet en liste (linjer som begynner med «- »), fikk tekst',
    ]),
    'schema-wrong-type-object': (1, [
        'content/pilots/pilot.yml:6:1: period: forventet felt på formen «nøkkel: verdi», fikk tekst',
    ]),
    'schema-unknown-key': (1, [
        'content/measures/mentorordning.yml:3:1: navn: ukjent felt «navn»; mente du «name»?',
    ]),
    'schema-unknown-nested-key': (1, [
        'content/municipalities/sor-odal.yml:5:5: figures[0].label: påkrevd felt mangler',
        'content/municipalities/sor-odal.yml:5:5: figures[0].lable: ukjent felt «lable»; mente du «label»?',
    ]),
    'schema-empty-string': (1, [
        'content/measures/mentorordning.yml:2:1: name: teksten kan ikke være tom',
    ]),
    'schema-whitespace-only': (1, [
        'content/measures/mentorordning.yml:2:1: name: teksten kan ikke være tom',
    ]),
    'schema-number-out-of-range': (1, [
        'content/datasets/deltakelse.yml:4:1: n: må være minst 0',
    ]),
    'schema-percent-above-100': (1, [
        'content/municipalities/sor-odal.yml:5:5: figures[0]: en prosentandel må ligge mellom 0 og 100, fikk 120',
    ]),
    'schema-negative-count': (1, [
        'content/municipalities/sor-odal.yml:5:5: figures[0]: et antall kan ikke være negativt, fikk -3',
    ]),
    'schema-dataset-columns-differ': (1, [
        'content/datasets/deltakelse.yml:7:1: columns: kolonnene har ulikt antall verdier (trinn: 3, antall: 2); alle må ha like mange',
    ]),
    'schema-dataset-text-in-numbers': (1, [
        'content/datasets/deltakelse.yml:13:18: columns[1].values[1]: kolonnen «antall» skal ha tall, fikk «åtte»',
    ]),
    'schema-dataset-percent-above-100': (1, [
        'content/datasets/deltakelse.yml:13:21: columns[1].values[2]: en prosentandel må ligge mellom 0 og 100, fikk 500',
    ]),
    'schema-chart-missing-column': (1, [
        'content/datasets/deltakelse.yml:20:9: chart_specs[0].y[0]: ukjent kolonne «antal»; kolonnene i datasettet er antall, trinn',
    ]),
    'schema-chart-unknown-type': (1, [
        'content/datasets/deltakelse.yml:16:5: chart_specs[0].type: ugyldig verdi «pie»; gyldige verdier er «bar», «grouped_bar», «stacked_bar», «dumbbell», «line»; mente du «line»?',
    ]),
    'schema-period-end-before-start': (1, [
        'content/pilots/pilot.yml:6:1: period: sluttdato 2016 ligger før startdato 2018',
    ]),
    'schema-vocabulary-typo': (1, [
        'content/measures/mentorordning.yml:6:17: target_groups[0]: ugyldig verdi «sykepleier»; gyldige verdier er «sykepleiere», «helsefagarbeidere», «nyansatte», «studenter», «elever-og-laerlinger», «ungdom», «ufaglaerte», «veiledere», «ledere», «alle-ansatte»; mente du «sykepleiere»?',
    ]),
    'schema-empty-required-list': (1, [
        'content/measures/mentorordning.yml:7:1: aims: må ha minst 1 element',
    ]),
    'schema-text-too-long': (1, [
        'content/measures/mentorordning.yml:2:1: name: teksten er for lang (360 tegn); grensen er 300 tegn',
    ]),
    'schema-markdown-too-long': (1, [
        'content/measures/mentorordning.yml:4:1: description: teksten er for lang (25201 tegn); grensen er 20000 tegn',
    ]),
    'ref-unknown-id': (1, [
        'content/pilots/pilot.yml:16:5: measures[0].measure: ukjent tiltak «mentorordnig»; mente du «mentorordning»?',
    ]),
    'ref-wrong-kind': (1, [
        'content/pilots/pilot.yml:11:5: municipalities[0].municipality: «ks» er en organisasjon, ikke en kommune',
    ]),
    'ref-self-reference': (1, [
        'content/measures/mentorordning.yml:9:26: related[1]: en post kan ikke vise til seg selv',
    ]),
    'ref-duplicate-in-list': (1, [
        'content/measures/mentorordning.yml:9:26: related[1]: «fadderordning» står flere ganger i listen',
    ]),
    'ref-duplicate-chart-id': (1, [
        'content/datasets/kopi.yml:15:5: chart_specs[0].id: diagram-id-en «deltakelse» er allerede brukt i content/datasets/deltakelse.yml',
    ]),
    'ref-file-name-differs-from-id': (1, [
        'content/measures/mentor.yml:1:1: id: id-en «mentorordning» må være lik filnavnet uten .yml («mentor»)',
    ]),
    'ref-case-variant': (1, [
        'content/pilots/pilot.yml:11:5: municipalities[0].municipality: ukjent kommune «Sor-Odal»; mente du «sor-odal»?',
    ]),
    'ref-diacritics-variant': (1, [
        'content/pilots/pilot.yml:11:5: municipalities[0].municipality: ukjent kommune «sør-odal»; mente du «sor-odal»?',
    ]),
    'ref-diacritics-in-file-name': (1, [
        'content/municipalities/sør-odal.yml:1:1: id: ugyldig id «sør-odal»; bruk bare små bokstaver a–z, tall og bindestrek (skriv æ som ae, ø som o og å som a)',
        'content/pilots/pilot.yml:11:5: municipalities[0].municipality: ukjent kommune «sor-odal»',
        'content/pilots/pilot.yml:18:22: measures[0].municipalities[0]: ukjent kommune «sor-odal»',
    ]),
    'ref-near-miss-suggestion': (1, [
        'content/pilots/pilot.yml:11:5: municipalities[0].municipality: ukjent kommune «sorodal»; mente du «sor-odal»?',
    ]),
    'ref-unknown-source': (1, [
        'content/measures/mentorordning.yml:11:5: sources[0].source: ukjent kilde «rapporten»; mente du «rapport»?',
    ]),
    'ref-unknown-chart': (1, [
        'content/pilots/pilot.yml:28:10: charts[0]: ukjent diagram «deltagelse»; mente du «deltakelse»?',
    ]),
    'layout-unknown-folder': (1, [
        'content/tiltak:1:1: ukjent innholdsmappe «tiltak»; gyldige mapper er datasets, measures, municipalities, organisations, pages, pilots, sources, terms',
    ]),
    'layout-wrong-extension': (1, [
        'content/measures/mentorordning.yaml:1:1: innholdsfiler må ha endelsen .yml, ikke «.yaml»',
        'content/pilots/pilot.yml:16:5: measures[0].measure: ukjent tiltak «mentorordning»; mente du «fadderordning»?',
    ]),
    'safety-raw-html': (1, [
        'content/measures/mentorordning.yml:5:6: description: HTML er ikke tillatt i tekstfelt («<b>»); bruk Markdown (se CONTRIBUTING.md)',
    ]),
    'safety-script-tag': (1, [
        'content/measures/mentorordning.yml:5:3: description: HTML er ikke tillatt i tekstfelt («<script>»); bruk Markdown (se CONTRIBUTING.md)',
    ]),
    'safety-event-handler': (1, [
        'content/measures/mentorordning.yml:5:3: description: HTML er ikke tillatt i tekstfelt («<img>»); bruk Markdown (se CONTRIBUTING.md)',
    ]),
    'safety-javascript-link': (1, [
        'content/measures/mentorordning.yml:5:11: description: lenken «javascript:alert(1)» er ikke tillatt; bruk https://, http://, mailto: eller #',
    ]),
    'safety-javascript-reference-link': (1, [
        'content/measures/mentorordning.yml:7:8: description: lenken «javascript:alert(1)» er ikke tillatt; bruk https://, http://, mailto: eller #',
    ]),
    'safety-data-uri-link': (1, [
        'content/measures/mentorordning.yml:5:11: description: lenken «data:text/html,hei» er ikke tillatt; bruk https://, http://, mailto: eller #',
    ]),
    'safety-external-image': (1, [
        'content/measures/mentorordning.yml:5:12: description: bilder fra andre nettsteder er ikke tillatt («https://evil.example/x.png»); legg bildet i content/files/',
    ]),
    'safety-script-in-chart-title': (1, [
        'content/datasets/deltakelse.yml:17:5: chart_specs[0].title: HTML er ikke tillatt i tekstfelt («</script>»); bruk Markdown (se CONTRIBUTING.md)',
    ]),
    'safety-html-in-name': (1, [
        'content/measures/mentorordning.yml:2:1: name: HTML er ikke tillatt i tekstfelt («<img>»); bruk Markdown (se CONTRIBUTING.md)',
    ]),
    'safety-comment-close-in-chart-title-is-escaped': (0, [
    ]),
    'safety-script-in-chart-data-is-escaped': (0, [
    ]),
    'scale-5-mb-record': (1, [
        'content/measures/mentorordning.yml:1:1: filen er for stor (5600018 byte); grensen er 1000000 byte',
    ]),
    'scale-10000-item-list': (1, [
        'content/measures/mentorordning.yml:7:1: aliases: listen er for lang (10000 element); grensen er 500',
    ]),
    'warn-measure-unused': (1, [
        'content/measures/fadderordning.yml:1:1: id: advarsel: tiltaket er ikke brukt av noen pilot',
    ]),
    'warn-municipality-in-no-pilot': (1, [
        'content/municipalities/sor-odal.yml:1:1: id: advarsel: kommunen er ikke med i noen pilot',
    ]),
    'warn-record-without-sources': (1, [
        'content/municipalities/sor-odal.yml:1:1: id: advarsel: posten har ingen kilder (sources)',
    ]),
    'warn-number-without-source': (1, [
        'content/pilots/pilot.yml:1:1: id: advarsel: posten har ingen kilder (sources)',
        'content/pilots/pilot.yml:27:23: measures[1].what: advarsel: teksten sier «12 nyansatte», men har ingen kilde: gi avsnittet egne kilder (sources), legg tallet i figures med kilde, eller nevn feltet i applies_to på en av postens kilder (se CONTRIBUTING.md)',
    ]),
}
