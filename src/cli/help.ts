export const HELP = `kmlint: lint Kubernetes manifests (YAML, JSON, helm template output)

Usage
  kmlint [options] [paths...]        lint files, directories (recursively) and globs
  helm template ./chart | kmlint -   lint standard input
  kmlint rules [--format json]       list every rule with its level and presets
  kmlint rules <id>                  one rule in full: options, PSS control, docs
  kmlint init                        write a commented starter .kmlint.yaml
  kmlint merge [options] shards...   one report from the reports of kmlint --shard i/n runs

Options
  -f, --format <name>[=<file>]  text (default), json, sarif, github, gitlab, junit, rdjson,
                            checkstyle; repeatable: --format sarif=kmlint.sarif --format text
  -o, --output <file>       write the report to a file instead of standard output
  -q, --quiet               report errors only
      --preset <name>       recommended (default), all, pss-baseline, pss-restricted, cis; repeatable
      --fail-on <level>     error (default), warning, note: the lowest level that exits 1
      --max-warnings <n>    also exit 1 when there are more than n warnings
  -c, --config <file>       config file (default: the nearest .kmlint.yaml, .kmlint.yml or
                            kmlint.config.json, walking up from the current folder)
      --no-config           read no configuration file
      --rule <id: level>    set a rule's level or options: 'id: off', 'id: {options}',
                            'id: [warning, {options}]'; repeatable, wins over the config
      --print-config <file> print the rules, levels and options that apply to the file, and
                            where each came from (JSON), then exit
      --require-reason      report suppressions (annotations, comments) that give no reason
      --no-inline-suppressions  ignore kmlint.io/ignore annotations and # kmlint-disable comments
      --show-suppressed     list suppressed findings in the text report (they are always counted)
      --sarif-include-suppressed  keep suppressed results in SARIF, with suppressions[]
      --write-baseline <f>  record today's findings in f; the run then passes
      --baseline <f>        report only findings that are not in the baseline f
      --stdin-filename <f>  the name standard input gets in the report
      --context <path>      manifests that cross-object rules see but nothing is reported on;
                            repeatable (default, when files are named one by one inside a git
                            repository: its tracked manifests, less what .kmlintignore leaves out)
      --no-context          no context: cross-object rules see only the files given
      --kube-version <v>    target Kubernetes version, e.g. 1.29 (default: the newest known)
      --schema-dir <dir>    CRDs and JSON schemas (<group>/<kind>_<version>.json) for custom
                            resources whose CRD is not linted with them; repeatable
  -n, --namespace <ns>      namespace of objects that name none (default: default)
      --complete            the input holds every object of the cluster: report references to
                            objects it lacks, even those a cluster usually provides
      --kustomize <dir>     render the kustomization with kubectl kustomize and lint it; repeatable
      --render              also render every kustomization and Helm chart found in a walk
      --helm <chart>        render the chart with helm template and lint it; repeatable
      --values <file>       values file for --helm charts; repeatable, later files win
      --values-set <n>=<f>[,<f>]  one values set of a matrix: the chart is linted once per set
      --set <key=value>     as helm --set; repeatable
      --release <name>      release name for helm template (default: the chart folder name)
      --cache               skip files unchanged since the last run (kept in .kmlintcache)
      --cache-location <f>  the cache file, or a folder to keep .kmlintcache in
      --shard <i/n>         lint shard i of n (files split by path hash) into a report for kmlint merge
      --concurrency <n|auto>  lint files in n worker threads (default 1); auto: one per core, but one
                            thread for standard input and runs under 16 files or 24 MB; the report is
                            the same whatever n; --cache, --shard and rendering keep one thread.
                            With n above 1 or auto, several reports of a large run use two threads
      --stats               print the time spent per stage and per rule on stderr
      --no-code-frame       do not print the source line under each finding
      --verbose             say on stderr what was decided for each file (linted, not Kubernetes, patch…)
      --color, --no-color   force colours on or off (default: on for a terminal; NO_COLOR and
                            FORCE_COLOR are honoured)
  -v, --version             print the version
  -h, --help                print this help

Exit codes
  0  no finding at or above the --fail-on level
  1  findings at or above the --fail-on level, or more warnings than --max-warnings
  2  usage or configuration error, or an internal error

Examples
  kmlint ./k8s
  kmlint --format sarif --output kmlint.sarif .
  kmlint --format gitlab=gl-code-quality-report.json --format text .
  kmlint --preset all --fail-on warning deploy/*.yaml
  helm template my-release ./chart | kmlint --stdin-filename rendered.yaml -
`;
