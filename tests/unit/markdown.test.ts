/** The rules page's Markdown renderer: the subset RULES.md uses, and nothing unescaped. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/client/ui/markdown.js';

describe('renderMarkdown', () => {
  test('headings shift by the offset, paragraphs join their lines', () => {
    expect(renderMarkdown('# Title\n\nOne\ntwo.', { headingOffset: 1 })).toBe('<h2>Title</h2>\n<p>One two.</p>');
  });

  test('bold, italic and inline code; code keeps its stars', () => {
    expect(renderMarkdown('**bold** and *3* and `a*b*c`')).toBe('<p><strong>bold</strong> and <em>3</em> and <code>a*b*c</code></p>');
  });

  test('escapes HTML everywhere, code and tables included', () => {
    const html = renderMarkdown('<script>x</script> `<b>`\n\n| <i> |\n|---|\n| "q" & \'a\' |');
    expect(html).not.toMatch(/<script|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&quot;q&quot; &amp; &#39;a&#39;');
  });

  test('nested ordered lists and a table inside a list item', () => {
    const md = '1. First\n   continued.\n\n   | a | b |\n   |---|---|\n   | 1 | 2 |\n\n   After.\n2. Second:\n   1. inner one;\n   2. inner two.\n3. Third.';
    expect(renderMarkdown(md)).toBe(
      '<ol><li>First continued.<table><thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>\n<p>After.</p></li>' +
        '<li>Second:<ol><li>inner one;</li><li>inner two.</li></ol></li><li>Third.</li></ol>',
    );
  });

  test('bullet lists and fenced code', () => {
    expect(renderMarkdown('- a\n- b\n\n```\n<x>\n```')).toBe('<ul><li>a</li><li>b</li></ul>\n<pre><code>&lt;x&gt;</code></pre>');
  });

  test('a link shows its text, in code it stays as written', () => {
    expect(renderMarkdown('See [the rules](RULES.md#classroom-control) and `[a](b)`.')).toBe('<p>See the rules and <code>[a](b)</code>.</p>');
  });

  test("TEACHER.md renders with no stray Markdown: no link syntax, stars or table rows left", () => {
    const html = renderMarkdown(readFileSync('docs/TEACHER.md', 'utf8'), { headingOffset: 1 });
    expect(html).toContain('<th scope="col">page</th>');
    // The shell example keeps its comments ("# Create an exercise"): code is shown as written.
    expect(html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toMatch(/\]\(|\*\*|^#|\n\|/m);
  });

  test('RULES.md renders every section, its order table and no stray Markdown', () => {
    const html = renderMarkdown(readFileSync('docs/RULES.md', 'utf8'), { headingOffset: 1 });
    expect(html.match(/<h3>/g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('<th scope="col">order</th>');
    expect(html).not.toMatch(/\*\*|^#|\n\|/m);
  });
});
