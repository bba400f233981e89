/** The analysis as text: one table per measure, its notes, and the summary of M1–M11. */
import { MEASURE_IDS, type Analysis } from './measures.js';

const verdict = (holds: boolean | null) => (holds === null ? '' : holds ? 'yes' : 'no');

export function formatAnalysis(analysis: Analysis): string {
  const rows = analysis.sections.flatMap((s) => s.rows);
  const width = {
    measure: Math.max(7, ...rows.map((r) => r.measure.length)),
    value: Math.max(5, ...rows.map((r) => r.value.length)),
    target: Math.max(6, ...rows.map((r) => r.target.length)),
  };
  const line = (measure: string, value: string, target: string, holds: string) =>
    `  ${measure.padEnd(width.measure)}  ${value.padEnd(width.value)}  ${target.padEnd(width.target)}  ${holds}`.trimEnd();
  const out = [...analysis.header, ''];
  for (const section of analysis.sections) {
    out.push(`${section.id ? `${section.id} ` : ''}${section.title}`);
    if (section.rows.length > 0) {
      out.push(line('measure', 'value', 'target', 'holds'));
      for (const r of section.rows) out.push(line(r.measure, r.value, r.target, verdict(r.holds)));
    }
    for (const note of section.notes) out.push(`  ${note}`);
    out.push('');
  }
  const judged = MEASURE_IDS.filter((id) => analysis.summary[id] !== null);
  const held = judged.filter((id) => analysis.summary[id]);
  const each = MEASURE_IDS.map((id) => `${id} ${analysis.summary[id] === null ? 'not judged' : verdict(analysis.summary[id])}`);
  out.push(`summary: ${each.join(', ')}`);
  out.push(`${held.length} of ${judged.length} judged targets hold${held.length > 0 ? `: ${held.join(', ')}` : ''}`);
  return `${out.join('\n')}\n`;
}
