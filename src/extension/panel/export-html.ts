// Pure: the self-contained HTML report. No `vscode` import, so unit tests can read the output.
import type { Mismatch, PanelData, PanelFinding } from '../../protocol/panel-data.js';
import {
  buildViewModel,
  podSecurityOf,
  type OuterBox,
  type ViewOptions,
  type WorkloadCard,
} from '../../protocol/view-model.js';
import { escapeMarkup as e } from './escape.js';

/** What a report says about where it came from. */
export interface ExportContext {
  /** The workspace's name, shown in the title. */
  title: string;
  /** When the report was made, as ISO 8601. */
  generatedAt: string;
}

// The report carries no script at all, and its own policy forbids loading anything.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light dark; --border: #8886; --muted: #6a6a6a; --below: #c72e0f;
  --ok: #2e7d32; --warn: #9a6700; --box: #f6f6f6; --card: #fff; }
@media (prefers-color-scheme: dark) { :root { --muted: #a0a0a0; --below: #f48771;
  --ok: #89d185; --warn: #cca700; --box: #252526; --card: #1e1e1e; } }
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; }
h1 { font-size: 1.4em; margin: 0 0 4px; } .muted { color: var(--muted); }
section.box { border: 2px solid var(--border); border-radius: 6px; background: var(--box);
  margin: 16px 0; padding: 8px 12px; }
section.box h2 { font-size: 1.1em; margin: 0 0 8px; }
div.runtimes { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px; }
div.runtime { flex: 1 1 300px; border: 1px solid var(--border); border-radius: 6px;
  padding: 6px 8px; }
div.runtime-sandboxed { border-style: dashed; }
div.runtime-vm { border: 3px double var(--border); }
div.runtime h3 { font-size: 0.8em; text-transform: uppercase; color: var(--muted);
  margin: 0 0 6px; }
ul.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px;
  list-style: none; margin: 0; padding: 0; }
li.card { background: var(--card); border: 1px solid var(--border);
  border-left: 4px solid var(--ok); border-radius: 6px; padding: 6px 8px; }
li.card.needs { border-left-color: var(--below); }
.name { font-weight: 600; } .below { color: var(--below); font-weight: 600; }
.badge { border: 1px solid var(--border); border-radius: 9px; padding: 0 6px; font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { border-bottom: 1px solid var(--border); padding: 4px 6px; text-align: left;
  vertical-align: top; }
td.error { color: var(--below); } td.warning { color: var(--warn); }
`;

const LAYER_NAMES: Record<Mismatch['layer'], string> = {
  kernel: 'Kernel',
  nodes: 'Nodes',
  podSecurity: 'Pod Security',
};

/** A page that shows the layering picture and every finding, with nothing to load. */
export function renderHtmlReport(
  data: PanelData,
  options: ViewOptions,
  context: ExportContext,
): string {
  const model = buildViewModel(data, options);
  const shownKeys = new Set(model.boxes.flatMap((box) => box.runtimes.flatMap(cardKeys)));
  const findings = data.findings.filter(
    (finding) =>
      (finding.workloadKey !== null && shownKeys.has(finding.workloadKey)) ||
      model.looseFindings.includes(finding),
  );

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<title>${e(`Layerwise layering report: ${context.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(`Layering of ${context.title}`)}</h1>
<p class="muted">${e(summarize(model.shown, model.mismatchCount, findings.length, context))}</p>
${model.boxes.map(renderBox).join('\n')}
<h2>Findings</h2>
${renderFindingTable(findings)}
</body>
</html>
`;
}

function cardKeys(runtime: { cards: WorkloadCard[] }): string[] {
  return runtime.cards.map((card) => card.workload.key);
}

function summarize(shown: number, mismatches: number, findings: number, context: ExportContext) {
  const parts = [`${shown} workloads`, `${mismatches} need more isolation`, `${findings} findings`];
  return `${parts.join(' · ')} · generated ${context.generatedAt}`;
}

function renderBox(box: OuterBox): string {
  const runtimes = box.runtimes.map(
    (runtime) => `<div class="runtime runtime-${runtime.kernel}">
<h3>${e(runtime.title)}</h3>
<ul class="cards">
${runtime.cards.map(renderCard).join('\n')}
</ul>
</div>`,
  );
  return `<section class="box">
<h2>${e(box.title)} <span class="muted">(${box.workloadCount})</span></h2>
<div class="runtimes">
${runtimes.join('\n')}
</div>
</section>`;
}

function renderCard(card: WorkloadCard): string {
  const { workload } = card;
  const needs = card.mismatches.some((item) => item.direction === 'below');
  const roles = workload.roles.map((role) => `<span class="badge">${e(role)}</span>`).join(' ');
  const links = card.links
    .map((link) => (link.flagged ? `<span class="below">${e(link.label)}</span>` : e(link.label)))
    .join(', ');
  const lines = [
    `<span class="muted">${e(workload.kind)}</span> <span class="name">${e(workload.name)}</span>`,
    `<span class="muted">ns ${e(workload.namespace)}</span>`,
    `<div>Pod Security: ${e(podSecurityOf(workload))} ${roles}</div>`,
    ...card.mismatches.map(renderMismatch),
    links ? `<div class="muted">Can share nodes with ${links}</div>` : '',
    `<div class="muted">${e(`${workload.displayPath}:${workload.range.start.line + 1}`)}</div>`,
  ];
  return `<li class="card${needs ? ' needs' : ''}">${lines.filter(Boolean).join('\n')}</li>`;
}

function renderMismatch(item: Mismatch): string {
  const layer = LAYER_NAMES[item.layer];
  const wanted = `<span class="${item.direction}">${e(item.recommended)}</span>`;
  const because = item.because ? ` <span class="muted">(${e(item.because)})</span>` : '';
  return `<div>${layer}: ${e(item.current)} → ${wanted}${because}</div>`;
}

function renderFindingTable(findings: PanelFinding[]): string {
  if (findings.length === 0) return '<p class="muted">No findings.</p>';
  const rows = findings.map(
    (finding) => `<tr><td class="${e(finding.severity)}">${e(finding.severity)}</td>
<td>${e(finding.ruleId)}</td><td>${e(finding.message)}</td>
<td>${e(finding.workload ?? '')}</td>
<td>${e(`${finding.displayPath}:${finding.range.start.line + 1}`)}</td></tr>`,
  );
  return `<table>
<thead><tr>
<th>Severity</th><th>Rule</th><th>Message</th><th>Workload</th><th>Where</th>
</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
