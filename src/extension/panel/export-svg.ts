// Pure: the layering picture as one SVG file. No `vscode` import, so unit tests can read it.
import type { PanelData } from '../../protocol/panel-data.js';
import {
  buildViewModel,
  labelOf,
  podSecurityOf,
  type OuterBox,
  type RuntimeBox,
  type ViewOptions,
  type WorkloadCard,
} from '../../protocol/view-model.js';
import type { ExportContext } from './export-html.js';
import { escapeMarkup } from './escape.js';

const WIDTH = 1200;
const MARGIN = 16;
const COLUMNS = 4;
const GAP = 8;
const PADDING = 10;
const CARD_HEIGHT = 84;
const BOX_HEADER = 30;
const RUNTIME_HEADER = 24;
const CARD_WIDTH = (WIDTH - 2 * MARGIN - 4 * PADDING - (COLUMNS - 1) * GAP) / COLUMNS;
const MAX_LINKS = 2000;

const COLORS = {
  page: '#fafafa',
  text: '#1f1f1f',
  muted: '#616161',
  border: '#b0b0b0',
  box: '#f2f2f2',
  card: '#ffffff',
  below: '#c72e0f',
  ok: '#2e7d32',
  link: '#0066b8',
};

type Attributes = Record<string, string | number>;

/** Where a card was drawn, for the lines between cards. */
interface Placed {
  x: number;
  y: number;
}

/** Draws the boxes, runtimes and cards, with lines between workloads that share a kernel. */
export function renderSvgReport(
  data: PanelData,
  options: ViewOptions,
  context: ExportContext,
): string {
  const model = buildViewModel(data, options);
  const parts: string[] = [];
  const placed = new Map<string, Placed>();
  let y = 64;

  for (const box of model.boxes) {
    const drawn = drawBox(box, y, placed);
    parts.push(drawn.markup);
    y += drawn.height + GAP * 2;
  }
  parts.push(...drawLinks(model.boxes, placed));

  const height = Math.max(y + MARGIN, 120);
  const title = `Layering of ${context.title}`;
  const counts = `${model.shown} workloads · ${model.mismatchCount} need more isolation`;
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    width: WIDTH,
    height,
    viewBox: `0 0 ${WIDTH} ${height}`,
    'font-family': 'system-ui, sans-serif',
    'font-size': 12,
    role: 'img',
    'aria-label': title,
  };
  const header = [
    element('title', {}, text(title)),
    element('rect', { width: '100%', height: '100%', fill: COLORS.page }),
    element('text', { x: MARGIN, y: 30, 'font-size': 20, 'font-weight': 600, fill: COLORS.text }, [
      text(title),
    ]),
    element('text', { x: MARGIN, y: 50, fill: COLORS.muted }, [
      text(`${counts} · generated ${context.generatedAt}`),
    ]),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('svg', root, [...header, ...parts])}\n`;
}

function drawBox(box: OuterBox, top: number, placed: Map<string, Placed>) {
  const parts: string[] = [];
  let y = top + BOX_HEADER;
  for (const runtime of box.runtimes) {
    const drawn = drawRuntime(runtime, y, placed);
    parts.push(drawn.markup);
    y += drawn.height + GAP;
  }

  const height = y - top + PADDING - GAP;
  const frame = element('rect', {
    x: MARGIN,
    y: top,
    width: WIDTH - 2 * MARGIN,
    height,
    rx: 6,
    fill: COLORS.box,
    stroke: COLORS.border,
    'stroke-width': box.kind === 'pool' ? 2 : 1,
  });
  const caption = element(
    'text',
    { x: MARGIN + PADDING, y: top + 20, 'font-size': 14, 'font-weight': 600, fill: COLORS.text },
    [text(`${box.title} (${box.workloadCount})`)],
  );
  return { height, markup: element('g', {}, [frame, caption, ...parts]) };
}

function drawRuntime(runtime: RuntimeBox, top: number, placed: Map<string, Placed>) {
  const rows = Math.ceil(runtime.cards.length / COLUMNS);
  const height = RUNTIME_HEADER + rows * (CARD_HEIGHT + GAP) + PADDING - GAP;
  const x = MARGIN + PADDING;

  const cards = runtime.cards.map((card, index) => {
    const cardX = x + PADDING + (index % COLUMNS) * (CARD_WIDTH + GAP);
    const cardY = top + RUNTIME_HEADER + Math.floor(index / COLUMNS) * (CARD_HEIGHT + GAP);
    placed.set(card.workload.key, { x: cardX, y: cardY });
    return drawCard(card, cardX, cardY);
  });
  const frame = element('rect', {
    x,
    y: top,
    width: WIDTH - 2 * x,
    height,
    rx: 6,
    fill: 'none',
    stroke: COLORS.border,
    'stroke-width': runtime.kernel === 'vm' ? 3 : 1,
    'stroke-dasharray': runtime.kernel === 'sandboxed' ? '6 4' : 'none',
  });
  const caption = element(
    'text',
    { x: x + PADDING, y: top + 16, 'font-size': 11, 'font-weight': 600, fill: COLORS.muted },
    [text(runtime.title.toUpperCase())],
  );
  return { height, markup: [frame, caption, ...cards].join('\n') };
}

function drawCard(card: WorkloadCard, x: number, y: number): string {
  const { workload } = card;
  const below = card.mismatches.filter((item) => item.direction === 'below');
  const podSecurity = podSecurityOf(workload);
  const needs = below.map((item) => `${item.current} → ${item.recommended}`).join(', ');
  const lines: [string, Attributes][] = [
    [`${workload.kind} ${workload.name}`, { 'font-weight': 600, fill: COLORS.text }],
    [`ns ${workload.namespace} · Pod Security ${podSecurity}`, { fill: COLORS.text }],
    [workload.roles.join(', '), { fill: COLORS.muted }],
    [needs ? `needs ${needs}` : '', { fill: COLORS.below }],
  ];
  const texts = lines
    .filter(([line]) => line !== '')
    .map(([line, attributes], index) =>
      element('text', { x: x + 10, y: y + 18 + index * 17, ...attributes }, [
        text(truncate(line, 44)),
      ]),
    );
  const stripe = below.length > 0 ? COLORS.below : COLORS.ok;
  const size = { x, y, height: CARD_HEIGHT };
  return element('g', {}, [
    element('title', {}, [text(workload.id)]),
    element('rect', {
      ...size,
      width: CARD_WIDTH,
      rx: 5,
      fill: COLORS.card,
      stroke: COLORS.border,
    }),
    element('rect', { ...size, width: 4, fill: stripe }),
    ...texts,
  ]);
}

function drawLinks(boxes: OuterBox[], placed: Map<string, Placed>): string[] {
  const lines: string[] = [];
  const cards = boxes.flatMap((box) => box.runtimes.flatMap((runtime) => runtime.cards));
  for (const card of cards) {
    const from = placed.get(card.workload.key);
    for (const link of card.links) {
      const to = placed.get(link.key);
      // Each pair once; past the cap the picture would be lines only.
      if (!from || !to || card.workload.key > link.key || lines.length >= MAX_LINKS) continue;
      const [x1, y1] = [from.x + CARD_WIDTH, from.y + CARD_HEIGHT / 2];
      const [x2, y2] = [to.x + CARD_WIDTH, to.y + CARD_HEIGHT / 2];
      const bend = Math.max(x1, x2) + 24 + Math.abs(y2 - y1) / 20;
      const path = {
        d: `M ${x1} ${y1} C ${bend} ${y1}, ${bend} ${y2}, ${x2} ${y2}`,
        fill: 'none',
        stroke: COLORS.link,
        'stroke-width': 1.5,
        'stroke-dasharray': '4 3',
      };
      const caption = `${labelOf(card.workload)} can share nodes with ${link.label}`;
      lines.push(element('path', path, [element('title', {}, [text(caption)])]));
    }
  }
  return lines;
}

/** An element with escaped attribute values; children are markup built by these helpers. */
function element(name: string, attributes: Attributes, children: string[] | string = []): string {
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeMarkup(String(value))}"`)
    .join('');
  const content = Array.isArray(children) ? children.join('') : children;
  return content === ''
    ? `<${name}${attributeText}/>`
    : `<${name}${attributeText}>${content}</${name}>`;
}

/** Text content, escaped. */
function text(value: string): string {
  return escapeMarkup(value);
}

function truncate(value: string, size: number): string {
  return value.length <= size ? value : `${value.slice(0, size - 1)}…`;
}
