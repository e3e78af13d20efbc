{{/* Names and labels shared by every object. */}}

{{- define "coderun.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "coderun.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of one component: frontend, silo or postgresql. */}}
{{- define "coderun.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* An image reference: registry prefix, repository, tag (the chart's appVersion when empty). */}}
{{- define "coderun.image" -}}
{{- printf "%s%s:%s" .root.Values.imageRegistry .image.repository (default .root.Chart.AppVersion .image.tag) -}}
{{- end -}}

{{/* The Secret with the database connection strings: the user's, or the embedded database's. */}}
{{- define "coderun.dbSecretName" -}}
{{- if .Values.postgresql.embedded.enabled -}}
{{- printf "%s-postgresql" (include "coderun.fullname" .) -}}
{{- else -}}
{{- .Values.postgresql.external.existingSecret -}}
{{- end -}}
{{- end -}}

{{/* Environment that every coderun process shares: the store and the cluster id. */}}
{{- define "coderun.storeEnv" -}}
- name: Store__ConnectionString
  valueFrom:
    secretKeyRef:
      name: {{ include "coderun.dbSecretName" . }}
      key: {{ .Values.postgresql.external.connectionStringKey }}
- name: Store__ClusterId
  value: {{ .Values.clusterId | quote }}
- name: InternalApi__Key
  valueFrom:
    secretKeyRef:
      name: {{ .Values.internalApi.existingSecret | default (printf "%s-internal" (include "coderun.fullname" .)) }}
      key: {{ .Values.internalApi.secretKey }}
# `Urls`, not ASPNETCORE_URLS: the Frontend's appsettings.json sets Urls (loopback, for a laptop),
# and only a plain environment variable overrides it.
- name: Urls
  value: {{ printf "http://+:%v" .port | quote }}
{{- end -}}

{{/* The public API's callers (Auth:*) from frontend.auth. Numbers go through int: values read from a
     file are floats, and a large one would print as 1e+06, which the configuration binder refuses.
     Unset key settings are left out, so the frontend's own defaults apply. */}}
{{- define "coderun.authEnv" -}}
- name: Auth__AllowAnonymous
  value: {{ .allowAnonymous | quote }}
- name: Auth__AnonymousRequestsPerMinute
  value: {{ .anonymousRequestsPerMinute | int | quote }}
{{- range $i, $key := .keys }}
- name: {{ printf "Auth__Keys__%d__Name" $i }}
  value: {{ $key.name | quote }}
- name: {{ printf "Auth__Keys__%d__Sha256" $i }}
  value: {{ $key.sha256 | quote }}
{{- if hasKey $key "requestsPerMinute" }}
- name: {{ printf "Auth__Keys__%d__RequestsPerMinute" $i }}
  value: {{ $key.requestsPerMinute | int | quote }}
{{- end }}
{{- if hasKey $key "maxActiveSubmissions" }}
- name: {{ printf "Auth__Keys__%d__MaxActiveSubmissions" $i }}
  value: {{ $key.maxActiveSubmissions | int | quote }}
{{- end }}
{{- if hasKey $key "operator" }}
- name: {{ printf "Auth__Keys__%d__Operator" $i }}
  value: {{ $key.operator | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* hh:mm:ss to seconds. */}}
{{- define "coderun.seconds" -}}
{{- $p := splitList ":" . -}}
{{- add (mul (atoi (index $p 0)) 3600) (mul (atoi (index $p 1)) 60) (atoi (index $p 2)) -}}
{{- end -}}

{{/* The KEDA query: this cluster's queue depth, on the store's schema
     (src/Storage/PostgreSql/Migrations/0001_initial.sql; index submissions_queue keeps it cheap). */}}
{{- define "coderun.kedaQuery" -}}
SELECT count(*) FROM submissions WHERE cluster_id = '{{ .Values.clusterId }}' AND status = 'Queued'
{{- end -}}

{{/* Prometheus scrape annotations of a pod. */}}
{{- define "coderun.metricsAnnotations" -}}
{{- if .root.Values.metrics.podAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end -}}
{{- end -}}
