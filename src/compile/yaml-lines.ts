import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { MAX_YAML_DEPTH } from './front-matter.js';

/** A field path as problems name it (`side_effects[2].percent`) → the line it is on; null when nothing of it is in the file. */
export type LineOf = (field: string | null) => number | null;

interface Frame {
  path: string;
  kind: 'mapping' | 'sequence' | 'other';
  /** Sequence: the next item's index. Mapping: 0 while a key is expected, 1 while its value is. */
  next: number;
  key: string;
}

/**
 * Where each field of a front matter is, for messages that point at a line.
 * `yaml` is the front matter as split from the file, starting with the newline
 * that ends the opening --- line, so an offset's line is the file's. A mapping
 * field is placed on its key's line, a list item where it starts. A field the
 * file does not have (a required one left out) is placed at its nearest
 * ancestor that it does have, the front matter's opening line at the least.
 * The YAML is parsed again, for positions, only when a problem needs one.
 */
export function yamlLines(yaml: string): LineOf {
  let offsets: Map<string, number> | undefined;
  let lineStarts: number[] | undefined;
  const lineAt = (offset: number) => {
    lineStarts ??= starts(yaml);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return (field) => {
    if (field === null) return null;
    offsets ??= fieldOffsets(yaml);
    for (let path = field; ; path = parentOf(path)) {
      const offset = offsets.get(path);
      if (offset !== undefined) return lineAt(offset);
      if (path === '') return 1;
    }
  };
}

function parentOf(path: string): string {
  const at = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return at <= 0 ? '' : path.slice(0, at);
}

function starts(text: string): number[] {
  const lines = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines.push(at + 1);
  return lines;
}

function fieldOffsets(yaml: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let events: Event[];
  try {
    events = parseEvents(yaml, { maxDepth: MAX_YAML_DEPTH });
  } catch {
    // The front matter was read once already; if it cannot be read for positions, problems go without lines.
    return offsets;
  }
  const stack: Frame[] = [];
  /** The path of the node that starts now, recorded at `offset`; undefined for a mapping key. */
  const place = (offset: number): string | undefined => {
    const top = stack.at(-1);
    if (!top || top.kind === 'other') return top ? top.path : '';
    if (top.kind === 'sequence') {
      const path = `${top.path}[${top.next++}]`;
      if (!offsets.has(path)) offsets.set(path, offset);
      return path;
    }
    if (top.next === 0) {
      // A collection as a mapping key: no field of the format; its value is placed under an empty key.
      top.key = '';
      top.next = 1;
      return undefined;
    }
    top.next = 0;
    return top.path === '' ? top.key : `${top.path}.${top.key}`;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ path: '', kind: 'other', next: 0, key: '' });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const path = place(event.start);
        // A collection used as a mapping key is no field of the format: nothing under it is placed.
        stack.push({ path: path ?? '', kind: path === undefined ? 'other' : event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence', next: 0, key: '' });
        break;
      }
      case EVENT_ID.SCALAR: {
        const top = stack.at(-1);
        if (top?.kind === 'mapping' && top.next === 0) {
          top.key = getScalarValue(yaml, event);
          top.next = 1;
          const path = top.path === '' ? top.key : `${top.path}.${top.key}`;
          if (!offsets.has(path)) offsets.set(path, event.valueStart);
        } else place(event.valueStart);
        break;
      }
      case EVENT_ID.ALIAS:
        place(event.anchorStart);
        break;
      case EVENT_ID.POP:
        stack.pop();
        break;
    }
  }
  return offsets;
}
