import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, randomLcg, scaleSqrt, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import { frame } from './frame.ts';
import { PALETTE, round, svgEl, textWidth } from './svg.ts';

export interface CooccurrenceLink {
  a: string;
  b: string;
  together: number;
  jaccard: number;
}

export interface CooccurrenceOptions {
  width: number;
  height: number;
  title: string;
  footnote: string;
  /** term → weight; heavier terms get bigger nodes. */
  weights?: ReadonlyMap<string, number>;
  /** Links below this Jaccard coefficient are left out. */
  minJaccard?: number;
}

interface Node extends SimulationNodeDatum {
  term: string;
  radius: number;
  halfLabel: number;
}

interface Edge extends SimulationLinkDatum<Node> {
  source: Node;
  target: Node;
  link: CooccurrenceLink;
}

const FONT = 11;
const TICKS = 300;

/**
 * Terms that occur in the same cases, laid out by a force simulation run to the end
 * before drawing, so the same data always prints the same picture.
 */
export function cooccurrenceNetwork(links: readonly CooccurrenceLink[], options: CooccurrenceOptions): SVGSVGElement {
  const { svg, plot, add } = frame(options);
  const kept = links.filter((l) => l.jaccard >= (options.minJaccard ?? 0) && l.a !== l.b);
  if (!kept.length) {
    add(svgEl('text', { x: round(plot.left + plot.width / 2), y: round(plot.top + plot.height / 2), 'text-anchor': 'middle', 'font-size': 12, fill: '#555' }, '共起する語がありません'));
    return svg;
  }
  const weights = options.weights ?? new Map<string, number>();
  const known = [...weights.values()];
  const size = scaleSqrt().domain([0, Math.max(1e-9, ...known)]).range([4, 14]).clamp(true);
  const nodes = new Map<string, Node>();
  const node = (term: string): Node => {
    let n = nodes.get(term);
    if (!n) {
      const weight = weights.get(term);
      n = { term, radius: weight === undefined ? 6 : size(weight), halfLabel: textWidth(term, FONT) / 2 };
      nodes.set(term, n);
    }
    return n;
  };
  const edges: Edge[] = kept.map((link) => ({ source: node(link.a), target: node(link.b), link }));
  const all = [...nodes.values()];
  const cx = plot.left + plot.width / 2;
  const cy = plot.top + plot.height / 2;
  const simulation = forceSimulation<Node>(all)
    .randomSource(randomLcg(0.42))
    .force('link', forceLink<Node, Edge>(edges).distance((e) => 60 + 180 * (1 - e.link.jaccard)).strength((e) => 0.05 + 0.6 * e.link.jaccard))
    .force('charge', forceManyBody<Node>().strength(-420))
    .force('center', forceCenter(cx, cy))
    .force('collide', forceCollide<Node>((n) => Math.max(n.radius + FONT, n.halfLabel) + 4))
    .stop();
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  for (let i = 0; i < TICKS; i += 1) {
    simulation.tick();
    for (const n of all) {
      // Labels sit above the node, so keep room for them too.
      n.x = clamp(n.x ?? cx, plot.left + Math.max(n.radius, n.halfLabel), plot.left + plot.width - Math.max(n.radius, n.halfLabel));
      n.y = clamp(n.y ?? cy, plot.top + n.radius + FONT + 2, plot.top + plot.height - n.radius);
    }
  }
  const strokeWidth = (j: number) => round(0.75 + 5 * Math.max(0, Math.min(1, j)));
  for (const e of edges) {
    add(svgEl('line', {
      x1: round(e.source.x ?? cx), y1: round(e.source.y ?? cy), x2: round(e.target.x ?? cx), y2: round(e.target.y ?? cy),
      stroke: PALETTE.grey, 'stroke-opacity': 0.7, 'stroke-width': strokeWidth(e.link.jaccard),
      'data-a': e.link.a, 'data-b': e.link.b, 'data-together': e.link.together,
    }));
  }
  for (const n of all) {
    const g = svgEl('g', { transform: `translate(${round(n.x ?? cx)},${round(n.y ?? cy)})`, 'data-term': n.term });
    g.append(
      svgEl('circle', { cx: 0, cy: 0, r: round(n.radius), fill: PALETTE.orange, stroke: '#fff', 'stroke-width': 1 }),
      svgEl('text', { x: 0, y: round(-n.radius - 3), 'text-anchor': 'middle', 'font-size': FONT, fill: '#222', 'paint-order': 'stroke', stroke: '#fff', 'stroke-width': 3 }, n.term),
    );
    add(g);
  }
  return svg;
}
