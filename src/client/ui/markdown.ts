/**
 * A tiny Markdown renderer for the rules page and the teacher's guide: headings,
 * paragraphs, nested lists, tables, fenced code, bold, italic, inline code and links
 * (shown as their text). Every piece of text is escaped before any tag is added, so
 * the output is safe to assign to innerHTML whatever the source says (a teacher's own
 * rules file included).
 */

export interface MarkdownOptions {
  /** Added to every heading level, so "#" can sit below the page's own heading. */
  headingOffset?: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*```/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  return blocks(lines, options.headingOffset ?? 0);
}

function blocks(lines: string[], offset: number): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + offset);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const end = lines.findIndex((l, j) => j > i && FENCE.test(l));
      const stop = end < 0 ? lines.length : end;
      out.push(`<pre><code>${escapeHtml(lines.slice(i + 1, stop).join('\n'))}</code></pre>`);
      i = stop + 1;
      continue;
    }
    if (isTableStart(lines, i)) {
      i = table(lines, i, out);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      i = list(lines, i, out, offset);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines, i)) para.push(lines[i++]!.trim());
    out.push(`<p>${inline(para.join(' '))}</p>`);
  }
  return out.join('\n');
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i]!;
  return HEADING.test(line) || FENCE.test(line) || LIST_ITEM.test(line) || isTableStart(lines, i);
}

function isTableStart(lines: string[], i: number): boolean {
  return lines[i]!.trim().startsWith('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]!);
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

function table(lines: string[], start: number, out: string[]): number {
  const head = cells(lines[start]!);
  let i = start + 2;
  const rows: string[][] = [];
  while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(cells(lines[i++]!));
  out.push(
    '<table><thead><tr>' +
      head.map((c) => `<th scope="col">${inline(c)}</th>`).join('') +
      '</tr></thead><tbody>' +
      rows.map((r) => `<tr>${head.map((_, k) => `<td>${inline(r[k] ?? '')}</td>`).join('')}</tr>`).join('') +
      '</tbody></table>',
  );
  return i;
}

/**
 * A run of list items at one indentation. An item owns the lines after it that are
 * indented past its marker (or blank between such lines); they are parsed again as
 * blocks, which gives nested lists and tables inside items.
 */
function list(lines: string[], start: number, out: string[], offset: number): number {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const indent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: string[] = [];
  let i = start;
  while (i < lines.length) {
    const match = LIST_ITEM.exec(lines[i]!);
    if (!match || match[1]!.length !== indent || /\d/.test(match[2]!) !== ordered) break;
    const contentIndent = indent + match[2]!.length + 1;
    const body = [match[3]!];
    i++;
    while (i < lines.length) {
      const line = lines[i]!;
      if (line.trim() === '') {
        const next = lines.slice(i + 1).find((l) => l.trim() !== '');
        if (next === undefined || leading(next) < contentIndent) break;
        body.push('');
      } else if (leading(line) >= contentIndent || (leading(line) > indent && !LIST_ITEM.test(line))) {
        body.push(line.slice(Math.min(contentIndent, leading(line))));
      } else {
        break;
      }
      i++;
    }
    items.push(itemHtml(body, offset));
    // A blank line between items of the same list does not end the list.
    if (i < lines.length && lines[i]!.trim() === '') {
      const next = lines.findIndex((l, j) => j > i && l.trim() !== '');
      if (next > 0) {
        const m = LIST_ITEM.exec(lines[next]!);
        if (m && m[1]!.length === indent && /\d/.test(m[2]!) === ordered) i = next;
      }
    }
  }
  const tag = ordered ? 'ol' : 'ul';
  const startAt = ordered ? Number.parseInt(first[2]!, 10) : 1;
  out.push(`<${tag}${startAt !== 1 ? ` start="${startAt}"` : ''}>${items.map((it) => `<li>${it}</li>`).join('')}</${tag}>`);
  return i;
}

/** A one-paragraph item stays bare text; anything longer becomes blocks. */
function itemHtml(body: string[], offset: number): string {
  const firstBlockEnd = body.findIndex((l, k) => k > 0 && (l.trim() === '' || LIST_ITEM.test(l) || l.trim().startsWith('|')));
  if (firstBlockEnd < 0) return inline(body.map((l) => l.trim()).join(' '));
  const lead = inline(body.slice(0, firstBlockEnd).map((l) => l.trim()).join(' '));
  return lead + blocks(body.slice(firstBlockEnd), offset);
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Inline code first (its content is literal), then bold and italic on the escaped rest. */
function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, k) => (k % 2 === 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : emphasis(escapeHtml(part))))
    .join('');
}

function emphasis(text: string): string {
  return text
    // A link shows its text: the docs link to other docs and to their own sections, which are not pages of the game.
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, '<strong>$1</strong>')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1<em>$2</em>');
}
