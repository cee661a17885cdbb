// A first pass of a fresh process runs the parser before V8 has seen most of its branches.
// V8 optimizes a hot function for the branches it has seen so far and throws the optimized
// code away the first time another one runs (a table, a reference definition, an escape),
// then optimizes it again later. Parsing one small document that has every construct
// first gives V8 the whole picture before it optimizes (docs/performance.md#warm-up).
import { parseMarkdown } from './index.js';

/** Every block and inline construct the parse handles, in a few hundred bytes. */
export const WARM_UP_SAMPLE = `---
title: Sample
owner: docs
---
# Heading *em* \`code\` [link](a.md) {#custom}

Status: draft

Setext heading
==============

A paragraph with [a link](a.md#part "title"), [a reference][ref], [ref], [empty][],
![an image](i.png), <a name="anchor"></a>, <a href="h.md">h</a>, <img src="i.png">,
&amp;, \\*escaped\\*, www.example.com/x,
mail@example.org, https://example.org and a TODO.
A hard break  
and __strong__ _em_ ~~gone~~ text.

Plain words only.

Only \`code\` spans \`\` here \`\`, \`a\`\` b\` and an unclosed \`\`\` run.

Links docmap scans itself: [titled]( t.md "Title" ) and [r][ref], [s][], [u][nowhere],
\`\`double\`\` and \`a\`\` b\` spans, snake_case words and a TODO,
[two\nlines](two.md 'single') and [\`code\` text](c.md).

# A heading with \`code\` and [a link](h.md) and snake_case

> A quote with [a link](q.md)
lazy continuation

- [ ] a task with **bold**
  - [x] a nested task \`code\`
1. ordered
   continued

Label: a labelled paragraph.

| Left | Right |
|:-----|------:|
| \`c\` | [d](e.md) \\| f |

\`\`\`js
fenced();
\`\`\`

    indented code

<div id="block">html block</div>

<!-- a comment -->

***

	Tab-indented code, and a line of blanks below
    

- item	with a tab
	- tab-indented item
  no-break space, an \`unclosed backtick, \`a code
span\` over two lines, <https://example.org/auto> and &#35; &copy;

## Closed heading ##

> > Nested quote
> \`\`\`
> fenced in a quote
> \`\`\`

3) starts at three
4) and goes on

[ref]: /ref.md "Title"
[empty]: <b c.md>
[multi
line]: /m.md
'title on its line'
`;

let done = false;

/** Parses the sample a few times, once per thread; the results are dropped. */
export function warmUpParser(): void {
  if (done) return;
  done = true;
  for (let i = 0; i < 3; i++) parseMarkdown(WARM_UP_SAMPLE);
}
