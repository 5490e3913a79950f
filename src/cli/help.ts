export const HELP = `kmlint: lint Kubernetes manifests (YAML, JSON, helm template output)

Usage
  kmlint [options] [paths...]        lint files, directories (recursively) and globs
  helm template ./chart | kmlint -   lint standard input
  kmlint rules [--format json]       list every rule
  kmlint init                        write a commented starter .kmlint.yaml

Options
  -f, --format <name>       text (default), json, sarif, github
  -o, --output <file>       write the report to a file instead of standard output
      --preset <name>       recommended (default), all, pss-baseline, pss-restricted; repeatable
      --fail-on <level>     error (default), warning, note: the lowest level that exits 1
      --max-warnings <n>    also exit 1 when there are more than n warnings
  -c, --config <file>       config file (default: the nearest .kmlint.yaml, .kmlint.yml or
                            kmlint.config.json, walking up from the current folder)
      --require-reason      report suppressions (annotations, comments) that give no reason
      --no-inline-suppressions  ignore kmlint.io/ignore annotations and # kmlint-disable comments
      --show-suppressed     list suppressed findings in the text report (they are always counted)
      --sarif-include-suppressed  keep suppressed results in SARIF, with suppressions[]
      --write-baseline <f>  record today's findings in f; the run then passes
      --baseline <f>        report only findings that are not in the baseline f
      --stdin-filename <f>  the name standard input gets in the report
      --no-code-frame       do not print the source line under each finding
      --verbose             say on stderr what was decided for each file (linted, not Kubernetes, patch…)
      --color, --no-color   force colours on or off (default: on for a terminal)
  -v, --version             print the version
  -h, --help                print this help

Exit codes
  0  no finding at or above the --fail-on level
  1  findings at or above the --fail-on level, or more warnings than --max-warnings
  2  usage or configuration error, or an internal error

Examples
  kmlint ./k8s
  kmlint --format sarif --output kmlint.sarif .
  kmlint --preset all --fail-on warning deploy/*.yaml
  helm template my-release ./chart | kmlint --stdin-filename rendered.yaml -
`;
