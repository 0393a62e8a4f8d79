import type { Workload } from '../../model/workload.js';
import type { RoleEvidence } from '../types.js';
import { imageFields, metadataEntries, words } from './metadata.js';

/** Images of CI runners: they run whatever a pipeline's author pushes. */
const CI_RUNNER_IMAGES: readonly [RegExp, string][] = [
  [/(^|\/)gitlab-runner(-helper)?([:@]|$)/, 'a GitLab runner'],
  [/(^|\/)actions-runner([:@]|$)/, 'a GitHub Actions runner'],
  [/(^|\/)buildkite\/agent([:@]|$)/, 'a Buildkite agent'],
  [/(^|\/)jenkins\/(inbound-agent|jnlp-slave|agent|ssh-agent)([:@]|$)/, 'a Jenkins agent'],
  [/(^|\/)act_runner([:@]|$)/, 'a Gitea Actions runner'],
];

/** Images of notebook servers and web IDEs: they run code their users type. */
const NOTEBOOK_IMAGES: readonly [RegExp, string][] = [
  [/(^|\/)jupyter\/|jupyter[-_]|[-_/]notebook([:@-]|$)|singleuser/, 'a Jupyter notebook server'],
  [/(^|\/)code-server([:@]|$)/, 'a web IDE'],
  [/(^|\/)rstudio([:@/-]|$)/, 'an RStudio server'],
];

/** Images of services whose job is to run submitted code. */
const CODE_EXECUTION_IMAGES: readonly [RegExp, string][] = [
  [/(^|\/)judge0([:@/-]|$)|(^|\/)piston([:@/-]|$)|code-?(runner|exec)/, 'a code-execution service'],
];

/** Kinds whose pods are runners or notebooks by definition. */
const UNTRUSTED_KINDS: Record<string, string> = {
  Notebook: 'a Kubeflow notebook server',
  AutoscalingRunnerSet: 'a GitHub Actions runner scale set',
  RunnerDeployment: 'a GitHub Actions runner deployment',
  RunnerSet: 'a GitHub Actions runner set',
};

/** Labels that JupyterHub and the runner charts put on the pods they start. */
const UNTRUSTED_LABELS: Record<string, Record<string, string>> = {
  component: { 'singleuser-server': 'a JupyterHub single-user server' },
};

/** Tenant labels, CI runners, notebook servers and code-execution services. */
export function findUntrusted(workload: Workload): RoleEvidence[] {
  const evidence: RoleEvidence[] = [];
  const clue = (span: RoleEvidence['span'], reason: string) =>
    evidence.push({ role: 'untrusted', path: workload.path, span, reason });

  const kindReason = UNTRUSTED_KINDS[workload.kind];
  if (kindReason) clue(workload.span, `kind ${workload.kind} is ${kindReason}`);

  for (const entry of metadataEntries(workload)) {
    if (entry.kind !== 'label') continue;
    if (words(entry.key).includes('tenant')) {
      clue(entry.span, `label ${entry.key}: ${entry.value} marks a tenant's workload`);
      continue;
    }
    const labelReason = UNTRUSTED_LABELS[entry.key]?.[entry.value];
    if (labelReason) clue(entry.span, `label ${entry.key}: ${entry.value} marks ${labelReason}`);
  }

  for (const image of imageFields(workload)) {
    const name = image.string()?.toLowerCase();
    if (!name) continue;
    const match = [...CI_RUNNER_IMAGES, ...NOTEBOOK_IMAGES, ...CODE_EXECUTION_IMAGES].find(
      ([pattern]) => pattern.test(name),
    );
    if (match) clue(image.entrySpan, `image ${image.string()} is ${match[1]}`);
  }
  return evidence;
}
