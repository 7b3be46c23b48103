// The accountability diagram: laid out by ELK (a graph-layout library) on the server and
// drawn as SVG. Each body is a link to its page; hierarchy (reports to, accountable to,
// sub-function of) is a solid arrow, other links dashed and labelled. The page shows the same
// structure as nested lists beside it, for anyone who cannot see the picture.
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import {
  hierarchicalKinds,
  isExternal,
  relationshipKinds,
  type RelationshipKind,
} from './bodies.vocabulary.ts';
import type { StructureAt, BodyRecord } from './structure.ts';
import { escapeHtml } from '../../platform/views/html-text.ts';
import { formatDate } from '../../platform/dates.ts';

// The bundled build is CommonJS whose default export is the constructor. Loaded with the first
// diagram drawn, not with the server: evaluating the bundle costs a third of a second.
let elk: Promise<ELK> | undefined;
const layoutEngine = () =>
  (elk ??= import('elkjs/lib/elk.bundled.js').then(
    ({ default: ElkBundled }) => new (ElkBundled as unknown as new () => ELK)(),
  ));
const lineLength = 26;
const lineHeight = 18;

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > lineLength) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

/**
 * The structure's accountability diagram as SVG, or null with no bodies. Laying out takes tens
 * of milliseconds: the pages that show it gather it in their kept read (ADR 0056), so it is
 * drawn once for each data version of the partnership.
 */
export async function structureDiagram<B extends BodyRecord>(
  structure: StructureAt<B>,
  base: string,
): Promise<string | null> {
  if (!structure.bodies.length) return null;
  return draw(structure, base);
}

/** The width of the page's column: a diagram wider than this is laid out left to right too. */
const columnWidth = 940;

async function draw<B extends BodyRecord>(structure: StructureAt<B>, base: string): Promise<string> {
  const labels = new Map(structure.bodies.map((entry) => [entry.body.id, wrap(entry.name)]));
  // Top to bottom reads best; a partnership with many bodies side by side (a board and its
  // sub-groups) is far wider than the column, so it is laid out left to right as well and the
  // narrower drawing is kept (issue 23). The page lists the same structure in text.
  const down = await layout(structure, labels, 'DOWN');
  const laid =
    (down.width ?? 0) + 20 <= columnWidth
      ? down
      : [down, await layout(structure, labels, 'RIGHT')].sort((a, b) => (a.width ?? 0) - (b.width ?? 0))[0]!;
  return drawLaid(structure, base, labels, laid);
}

async function layout<B extends BodyRecord>(
  structure: StructureAt<B>,
  labels: Map<string, string[]>,
  direction: 'DOWN' | 'RIGHT',
): Promise<ElkNode> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '50',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: structure.bodies.map((entry) => ({
      id: entry.body.id,
      width: 210,
      height: labels.get(entry.body.id)!.length * lineHeight + 24,
    })),
    // Hierarchy edges point from the parent down to the body that answers to it.
    edges: structure.relationships.map((r): ElkExtendedEdge => {
      const down = hierarchicalKinds.includes(r.kind);
      return {
        id: r.id,
        sources: [down ? r.toBodyId : r.fromBodyId],
        targets: [down ? r.fromBodyId : r.toBodyId],
      };
    }),
  };
  return (await layoutEngine()).layout(graph);
}

function drawLaid<B extends BodyRecord>(
  structure: StructureAt<B>,
  base: string,
  labels: Map<string, string[]>,
  laid: ElkNode,
): string {
  const width = Math.ceil((laid.width ?? 0) + 20);
  const height = Math.ceil((laid.height ?? 0) + 20);
  const byId = new Map(structure.bodies.map((entry) => [entry.body.id, entry]));
  const kinds = new Map(structure.relationships.map((r) => [r.id, r.kind]));

  const edges = (laid.edges ?? []).map((edge) => {
    const kind = kinds.get(edge.id) as RelationshipKind;
    const section = edge.sections?.[0];
    if (!section) return '';
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
      .map((p) => `${p.x + 10},${p.y + 10}`)
      .join(' ');
    const hierarchy = hierarchicalKinds.includes(kind);
    const middle = section.bendPoints?.[0] ?? {
      x: (section.startPoint.x + section.endPoint.x) / 2,
      y: (section.startPoint.y + section.endPoint.y) / 2,
    };
    const label = hierarchy
      ? ''
      : `<text class="app-diagram__edge-label" x="${middle.x + 14}" y="${middle.y + 6}">${escapeHtml(relationshipKinds[kind].toLowerCase())}</text>`;
    return `<polyline class="app-diagram__edge${hierarchy ? '' : ' app-diagram__edge--link'}" points="${points}" marker-${hierarchy ? 'start' : 'end'}="url(#arrow)"/>${label}`;
  });

  const nodes = (laid.children ?? []).map((node) => {
    const entry = byId.get(node.id)!;
    const x = (node.x ?? 0) + 10;
    const y = (node.y ?? 0) + 10;
    const lines = labels.get(node.id)!;
    const classes = [
      'app-diagram__body',
      isExternal(entry.body.kind) ? 'app-diagram__body--external' : '',
      entry.status === 'proposed' ? 'app-diagram__body--proposed' : '',
    ]
      .join(' ')
      .trim();
    const text = lines
      .map((line, i) => `<tspan x="${x + 105}" y="${y + 20 + i * lineHeight}">${escapeHtml(line)}</tspan>`)
      .join(' ');
    // the link's name is the body's name with its spaces (the lines alone would run words
    // together, "Enjoy and achievesub-group": WCAG 2.5.3)
    return `<a href="${escapeHtml(`${base}/bodies/${entry.body.slug}`)}" aria-label="${escapeHtml(entry.name)}"><rect class="${classes}" x="${x}" y="${y}" width="${node.width}" height="${node.height}" rx="4"/><text class="app-diagram__label" text-anchor="middle">${text}</text></a>`;
  });

  return [
    `<svg class="app-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="diagram-title" aria-describedby="diagram-description">`,
    `<title id="diagram-title">Accountability diagram on ${escapeHtml(formatDate(structure.date))}</title>`,
    `<desc id="diagram-description">${structure.bodies.length} bodies and ${structure.relationships.length} relationships. The same structure is listed in text after the diagram.</desc>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ...edges,
    ...nodes,
    '</svg>',
  ].join('');
}
