import type { Range } from '../core/report/types.js';
import type { Mismatch, PanelFinding } from '../protocol/panel-data.js';
import type { OuterBox, RuntimeBox, ViewModel, WorkloadCard } from '../protocol/view-model.js';
import { labelOf, podSecurityOf } from '../protocol/view-model.js';
import { h, type Child } from './dom.js';

/** What the buttons of the picture ask for; the page turns these into messages. */
export interface PictureActions {
  reveal(path: string, range: Range): void;
  applyFix(key: string): void;
  select(id: string): void;
}

const OPEN_FINDINGS = 2;

const LAYER_NAMES: Record<Mismatch['layer'], string> = {
  kernel: 'Kernel',
  nodes: 'Nodes',
  podSecurity: 'Pod Security',
};

/**
 * Draws the boxes and cards into a fragment. Buttons carry an index into `handlers`, so one
 * delegated listener on the root serves every button of the picture.
 */
export function renderPicture(model: ViewModel, actions: PictureActions, handlers: (() => void)[]) {
  const fragment = document.createDocumentFragment();
  const button = (label: string, onClick: () => void, attributes: Record<string, string> = {}) => {
    handlers.push(onClick);
    return h('button', { type: 'button', 'data-handler': handlers.length - 1, ...attributes }, [
      label,
    ]);
  };

  model.boxes.forEach((box, index) => fragment.appendChild(renderBox(box, index, actions, button)));
  if (model.looseFindings.length > 0) {
    fragment.appendChild(
      h('section', { class: 'box box-loose', 'aria-label': 'Findings about no workload' }, [
        h('h2', {}, ['Other findings']),
        renderFindings(model.looseFindings, actions, button),
      ]),
    );
  }
  return fragment;
}

type MakeButton = (
  label: string,
  onClick: () => void,
  attributes?: Record<string, string>,
) => HTMLButtonElement;

function renderBox(box: OuterBox, index: number, actions: PictureActions, button: MakeButton) {
  const headingId = `box-${index}`;
  const counts = `${box.workloadCount} workload${box.workloadCount === 1 ? '' : 's'}`;
  const attention = box.mismatchCount > 0 ? ` · ${box.mismatchCount} need more isolation` : '';
  return h('section', { class: `box box-${box.kind}`, 'aria-labelledby': headingId }, [
    h('h2', { id: headingId }, [
      h('span', { class: 'box-title' }, [box.title]),
      h('span', { class: 'box-counts' }, [counts + attention]),
    ]),
    h(
      'div',
      { class: 'runtimes' },
      box.runtimes.map((runtime) => renderRuntime(runtime, actions, button)),
    ),
  ]);
}

function renderRuntime(runtime: RuntimeBox, actions: PictureActions, button: MakeButton) {
  return h('div', { class: `runtime runtime-${runtime.kernel}`, role: 'group' }, [
    h('h3', {}, [runtime.title]),
    h(
      'ul',
      { class: 'cards', 'aria-label': runtime.title },
      runtime.cards.map((card) => h('li', {}, [renderCard(card, actions, button)])),
    ),
  ]);
}

function renderCard(card: WorkloadCard, actions: PictureActions, button: MakeButton) {
  const { workload } = card;
  const below = card.mismatches.filter((item) => item.direction === 'below');
  const podSecurity = podSecurityOf(workload);

  const children: Child[] = [
    h('header', {}, [
      h('span', { class: 'kind' }, [workload.kind]),
      h('span', { class: 'name' }, [workload.name]),
      h('span', { class: 'namespace', title: 'Namespace' }, [workload.namespace]),
    ]),
    h('div', { class: 'facts' }, [
      h('span', { class: `pss pss-${cssToken(podSecurity)}` }, [`Pod Security: ${podSecurity}`]),
      workload.pool ? h('span', { class: 'pool' }, [`pool ${workload.pool}`]) : null,
    ]),
    workload.roles.length > 0
      ? h(
          'ul',
          { class: 'roles', 'aria-label': 'Roles' },
          workload.roles.map((role) => h('li', { class: `badge role-${cssToken(role)}` }, [role])),
        )
      : null,
    card.mismatches.length > 0 ? renderMismatches(card.mismatches) : null,
    card.findings.length > 0 ? renderCardFindings(card, actions, button) : null,
    card.links.length > 0 ? renderLinks(card, actions, button) : null,
    workload.evidence.length > 0 ? renderEvidence(card, actions, button) : null,
    h('footer', {}, [
      button('Reveal in editor', () => actions.reveal(workload.path, workload.range), {
        'aria-label': `Reveal ${labelOf(workload)} in editor`,
      }),
      h('span', { class: 'location' }, [
        `${workload.displayPath}:${workload.range.start.line + 1}`,
      ]),
    ]),
  ];

  const summary = [
    labelOf(workload),
    `Pod Security ${podSecurity}`,
    workload.roles.length > 0 ? `roles ${workload.roles.join(', ')}` : '',
    below.length > 0 ? `needs ${below.map((item) => item.recommended).join(', ')}` : '',
  ].filter(Boolean);
  return h(
    'article',
    {
      class: `card${below.length > 0 ? ' needs-isolation' : ''}`,
      tabindex: 0,
      'data-key': workload.key,
      'aria-label': summary.join('; '),
    },
    children,
  );
}

function renderMismatches(mismatches: Mismatch[]): HTMLElement {
  return h(
    'ul',
    { class: 'mismatches', 'aria-label': 'Layers against the recommendation' },
    mismatches.map((item) =>
      h('li', { class: `mismatch mismatch-${item.direction}` }, [
        h('span', { class: 'layer' }, [LAYER_NAMES[item.layer]]),
        h('span', { class: 'current' }, [item.current]),
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, ['→']),
        h('span', { class: 'recommended' }, [item.recommended]),
        item.because ? h('span', { class: 'because' }, [`(${item.because})`]) : null,
        h('span', { class: 'visually-hidden' }, [
          item.direction === 'below' ? ' (less isolated than needed)' : ' (more than needed)',
        ]),
      ]),
    ),
  );
}

/** Up to a few findings stay open; more fold under a summary so 500 cards stay scannable. */
function renderCardFindings(card: WorkloadCard, actions: PictureActions, button: MakeButton) {
  const fixable = card.findings.filter((finding) => finding.fixTitle).length;
  const count = card.findings.length;
  const noun = count === 1 ? 'finding' : 'findings';
  const summary = `${count} ${noun}${fixable > 0 ? `, ${fixable} fixable` : ''}`;
  return h('details', { class: 'card-findings', open: count <= OPEN_FINDINGS }, [
    h('summary', {}, [summary]),
    renderFindings(card.findings, actions, button),
  ]);
}

function renderFindings(findings: PanelFinding[], actions: PictureActions, button: MakeButton) {
  return h(
    'ul',
    { class: 'findings', 'aria-label': 'Findings' },
    findings.map((finding) =>
      h('li', { class: `finding severity-${finding.severity}` }, [
        h('span', { class: 'severity' }, [finding.severity]),
        h('span', { class: 'message', title: finding.message }, [finding.message]),
        h('span', { class: 'rule' }, [finding.ruleId]),
        h('span', { class: 'actions' }, [
          button('Reveal', () => actions.reveal(finding.path, finding.range), {
            'aria-label': `Reveal ${finding.ruleId} in editor`,
          }),
          finding.fixTitle
            ? button('Apply fix', () => actions.applyFix(finding.key), {
                title: finding.fixTitle,
                'aria-label': `Apply fix: ${finding.fixTitle}`,
                class: 'primary',
              })
            : null,
        ]),
      ]),
    ),
  );
}

function renderLinks(card: WorkloadCard, actions: PictureActions, button: MakeButton) {
  return h('div', { class: 'links' }, [
    h('span', { class: 'links-label' }, ['Can share nodes with']),
    ...card.links.map((link) => {
      const notes = [
        link.sharesKernel ? 'shares the kernel' : '',
        link.flagged ? 'named in a finding' : '',
      ].filter(Boolean);
      const target = button(link.label, () => actions.select(link.key), {
        class: `link${link.flagged ? ' flagged' : ''}${link.sharesKernel ? ' same-kernel' : ''}`,
        'aria-label': `Go to ${link.label}${notes.length > 0 ? `, ${notes.join(', ')}` : ''}`,
        title: notes.join(', '),
      });
      if (!link.shown) {
        target.disabled = true;
        target.title = 'Hidden by the scope or the filter';
      }
      return target;
    }),
  ]);
}

function renderEvidence(card: WorkloadCard, actions: PictureActions, button: MakeButton) {
  return h('details', { class: 'evidence' }, [
    h('summary', {}, ['Why these roles']),
    h(
      'ul',
      {},
      card.workload.evidence.map((item) =>
        h('li', {}, [
          h('span', { class: 'badge' }, [item.role]),
          h('span', { class: 'reason' }, [item.reason]),
          button('Reveal', () => actions.reveal(item.path, item.range), {
            'aria-label': `Reveal the evidence for ${item.role}`,
          }),
        ]),
      ),
    ),
  ]);
}

/** A string safe inside a class name or id: letters, digits and dashes. */
export function cssToken(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}
