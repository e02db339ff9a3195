// turndown with its GFM plugin: the HTML-to-Markdown converter of many crawlers and reader services (its defaults
// but ATX headings). Reads the page's HTML on standard input, writes the Markdown on standard output. Tables with no
// heading row stay raw HTML (the plugin converts only tables whose first row is a heading row).
//   node scripts/node/turndown.js < page.html      (after: npm install --prefix scripts/node)
const TurndownService = require("turndown");
const { gfm } = require("turndown-plugin-gfm");

let html = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { html += chunk; });
process.stdin.on("end", () => {
  const td = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced" });
  td.use(gfm);
  process.stdout.write(td.turndown(html));
});
