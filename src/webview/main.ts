import type { Range } from '../core/report/types.js';
import type { ExportFormat, HostMessage, PanelMessage } from '../protocol/messages.js';
import { parseViewOptions } from '../protocol/messages.js';
import type { PanelData } from '../protocol/panel-data.js';
import {
  buildViewModel,
  DEFAULT_VIEW_OPTIONS,
  type GroupBy,
  type Scope,
  type ViewOptions,
} from '../protocol/view-model.js';
import { h } from './dom.js';
import { renderPicture } from './render.js';

interface VsCodeApi {
  postMessage(message: PanelMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** What survives hiding the panel and reloading the window. */
interface PanelState {
  options: ViewOptions;
  /** The key of the selected workload. */
  selectedKey: string | null;
  scrollY: number;
}

const FILTER_DELAY_MS = 150;

const vscode = acquireVsCodeApi();
const state = readState(vscode.getState());
let data: PanelData | undefined;
let handlers: (() => void)[] = [];
let restoredScroll = false;

const root = document.getElementById('root') as HTMLElement;
const toolbar = buildToolbar();
const summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
const picture = h('div', { class: 'picture' });
root.replaceChildren(toolbar.element, summary, picture);

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message?.type === 'update') {
    data = message.data;
    render();
  } else if (message?.type === 'focusWorkload') {
    focusWorkload(message.id);
  }
});
picture.addEventListener('click', onPictureClick);
picture.addEventListener('keydown', onPictureKeyDown);
window.addEventListener('scroll', onScroll, { passive: true });
post({ type: 'ready' });

function post(message: PanelMessage): void {
  vscode.postMessage(message);
}

function saveState(): void {
  vscode.setState(state);
}

function readState(saved: unknown): PanelState {
  const loose = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<
    string,
    unknown
  >;
  return {
    options: parseViewOptions(loose.options) ?? { ...DEFAULT_VIEW_OPTIONS },
    selectedKey: typeof loose.selectedKey === 'string' ? loose.selectedKey : null,
    scrollY: typeof loose.scrollY === 'number' ? loose.scrollY : 0,
  };
}

function render(): void {
  if (!data) return;
  const focus = rememberFocus();
  const scrollY = restoredScroll ? window.scrollY : state.scrollY;

  const model = buildViewModel(data, state.options);
  handlers = [];
  const actions = {
    reveal: (path: string, range: Range) => post({ type: 'reveal', path, range }),
    applyFix: (key: string) => post({ type: 'applyFix', key }),
    select: (id: string) => selectCard(id, true),
  };
  picture.replaceChildren(renderPicture(model, actions, handlers));
  if (model.shown === 0) picture.appendChild(renderEmpty(model.inScope));
  summary.textContent = describe(model.shown, model.inScope, model.mismatchCount);
  root.setAttribute('aria-busy', 'false');

  markSelection();
  restoreFocus(focus);
  window.scrollTo(0, scrollY);
  restoredScroll = true;
}

function describe(shown: number, inScope: number, mismatches: number): string {
  const count = shown === inScope ? `${shown}` : `${shown} of ${inScope}`;
  const noun = inScope === 1 ? 'workload' : 'workloads';
  const attention = mismatches > 0 ? ` · ${mismatches} need more isolation` : '';
  const scope = state.options.scope === 'file' ? ' in the current file' : '';
  return `${count} ${noun}${scope}${attention}`;
}

function renderEmpty(inScope: number): HTMLElement {
  if (inScope > 0) return h('p', { class: 'empty' }, ['No workload matches the filter.']);
  if (state.options.scope === 'file') {
    return h('p', { class: 'empty' }, ['The current file has no workloads.']);
  }
  return h('p', { class: 'empty' }, [
    'No workloads yet. Open a Kubernetes manifest or compose file, or run ',
    h('strong', {}, ['Layerwise: Scan Workspace']),
    '.',
  ]);
}

function buildToolbar() {
  const filter = h('input', {
    type: 'search',
    class: 'filter',
    placeholder: 'Filter: name, kind, role, rule…',
    'aria-label': 'Filter workloads',
    value: state.options.filter,
  });
  const scope = select('Scope', state.options.scope, [
    ['workspace', 'Workspace'],
    ['file', 'Current file'],
  ]);
  const groupBy = select('Group by', state.options.groupBy, [
    ['pool', 'Node pool'],
    ['namespace', 'Namespace'],
    ['role', 'Role'],
  ]);
  const exportButton = (format: ExportFormat, label: string) => {
    const button = h('button', { type: 'button', class: 'secondary' }, [label]);
    button.addEventListener('click', () =>
      post({ type: 'export', format, options: state.options }),
    );
    return button;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => updateOptions({ filter: filter.value }), FILTER_DELAY_MS);
  });
  scope.control.addEventListener('change', () =>
    updateOptions({ scope: scope.control.value as Scope }),
  );
  groupBy.control.addEventListener('change', () =>
    updateOptions({ groupBy: groupBy.control.value as GroupBy }),
  );

  const element = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Layering' }, [
    filter,
    scope.label,
    groupBy.label,
    exportButton('html', 'Export HTML'),
    exportButton('svg', 'Export SVG'),
  ]);
  return { element, filter, scope: scope.control, groupBy: groupBy.control };
}

function select(label: string, value: string, choices: [string, string][]) {
  const control = h(
    'select',
    {},
    choices.map(([choice, text]) =>
      h('option', { value: choice, selected: choice === value }, [text]),
    ),
  );
  return { control, label: h('label', {}, [h('span', {}, [label]), control]) };
}

function updateOptions(change: Partial<ViewOptions>): void {
  state.options = { ...state.options, ...change };
  saveState();
  render();
}

function onPictureClick(event: MouseEvent): void {
  const target = event.target as HTMLElement;
  const button = target.closest('button[data-handler]');
  if (button) {
    handlers[Number(button.getAttribute('data-handler'))]?.();
    return;
  }
  if (target.closest('summary')) return;
  const card = target.closest<HTMLElement>('article.card');
  if (card) selectCard(card.dataset.key ?? '', false);
}

function onPictureKeyDown(event: KeyboardEvent): void {
  const card = event.target as HTMLElement;
  if (!card.matches('article.card')) return;

  const cards = Array.from(picture.querySelectorAll<HTMLElement>('article.card'));
  const index = cards.indexOf(card);
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowRight: index + 1,
    ArrowUp: index - 1,
    ArrowLeft: index - 1,
    Home: 0,
    End: cards.length - 1,
  };
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    selectCard(card.dataset.key ?? '', false);
    return;
  }
  const next = moves[event.key];
  if (next === undefined) return;
  event.preventDefault();
  cards[Math.max(0, Math.min(cards.length - 1, next))]?.focus();
}

function selectCard(key: string, moveFocus: boolean): void {
  state.selectedKey = key;
  saveState();
  markSelection();
  const card = findCard(key);
  if (!card) return;
  card.scrollIntoView({ block: 'nearest' });
  if (moveFocus) card.focus();
}

/** Selects a workload named by id (a CodeLens knows no more), preferring the active file's. */
function focusWorkload(id: string): void {
  const candidates = data?.workloads.filter((workload) => workload.id === id) ?? [];
  const target = candidates.find((workload) => workload.path === data?.activePath) ?? candidates[0];
  if (!target) return;
  if (!findCard(target.key)) {
    state.options = { ...state.options, scope: 'workspace', filter: '' };
    toolbar.filter.value = '';
    toolbar.scope.value = 'workspace';
    render();
  }
  selectCard(target.key, true);
}

function markSelection(): void {
  const selected = state.selectedKey ? findCard(state.selectedKey) : undefined;
  const workload = data?.workloads.find((candidate) => candidate.key === state.selectedKey);
  const linked = new Set([...(workload?.colocatedWith ?? []), ...(workload?.flaggedWith ?? [])]);
  for (const card of Array.from(picture.querySelectorAll<HTMLElement>('article.card'))) {
    const isSelected = card === selected;
    card.classList.toggle('selected', isSelected);
    card.classList.toggle('linked', linked.has(card.dataset.key ?? ''));
    if (isSelected) card.setAttribute('aria-current', 'true');
    else card.removeAttribute('aria-current');
  }
}

function findCard(key: string): HTMLElement | undefined {
  const cards = picture.querySelectorAll<HTMLElement>('article.card');
  for (const card of Array.from(cards)) if (card.dataset.key === key) return card;
  return undefined;
}

interface FocusMark {
  cardKey: string;
  label: string | null;
}

function rememberFocus(): FocusMark | undefined {
  const active = document.activeElement as HTMLElement | null;
  if (!active || !picture.contains(active)) return undefined;
  const card = active.closest<HTMLElement>('article.card');
  if (!card) return undefined;
  const label = active === card ? null : (active.getAttribute('aria-label') ?? active.textContent);
  return { cardKey: card.dataset.key ?? '', label };
}

function restoreFocus(mark: FocusMark | undefined): void {
  if (!mark) return;
  const card = findCard(mark.cardKey);
  if (!card) return;
  const buttons = Array.from(card.querySelectorAll<HTMLElement>('button'));
  const match = buttons.find(
    (button) => (button.getAttribute('aria-label') ?? button.textContent) === mark.label,
  );
  (mark.label === null ? card : (match ?? card)).focus({ preventScroll: true });
}

let scrollFrame = 0;
function onScroll(): void {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    state.scrollY = window.scrollY;
    saveState();
  });
}
