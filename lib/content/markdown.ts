import "server-only";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot, RootContent } from "mdast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { createHighlighterCoreSync } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import bash from "@shikijs/langs/bash";
import java from "@shikijs/langs/java";
import javascript from "@shikijs/langs/javascript";
import json from "@shikijs/langs/json";
import python from "@shikijs/langs/python";
import shell from "@shikijs/langs/shellscript";
import typescript from "@shikijs/langs/typescript";
import yaml from "@shikijs/langs/yaml";
import githubLight from "@shikijs/themes/github-light-high-contrast";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { unified, type Processor } from "unified";

/** The fenced-code languages questions may use; only these are loaded. */
export const CODE_LANGUAGES = [
  "bash",
  "shell",
  "json",
  "yaml",
  "javascript",
  "typescript",
  "python",
  "java",
  "text",
] as const;

type Highlighter = Parameters<typeof rehypeShikiFromHighlighter>[0];

// One highlighter for the whole process, built synchronously with the
// JavaScript regex engine so no WebAssembly has to load. The cast bridges
// shiki's core type and the generic one @shikijs/rehype declares.
const highlighter = createHighlighterCoreSync({
  themes: [githubLight],
  langs: [bash, shell, json, yaml, javascript, typescript, python, java],
  engine: createJavaScriptRegexEngine(),
}) as unknown as Highlighter;

/**
 * GFM tables, tried only where a line starts with a pipe. The stock extension
 * tries every line of every paragraph as a possible table header, which cost
 * a third of all parsing; authors write each row between pipes instead
 * (docs/authoring.md), and a pipe table without them is reported.
 */
function pipeTable(): ReturnType<typeof gfmTable> {
  const VERTICAL_BAR = 124; // "|", the character code micromark dispatches on
  return { flow: { [VERTICAL_BAR]: gfmTable().flow!.null! } };
}

/**
 * The parts of GitHub-flavoured Markdown questions use: tables and
 * strikethrough. Full remark-gfm also scans every word for bare URLs, which
 * made parsing half again as slow (see `npm run bench:content`).
 */
function gfmTablesAndStrikethrough(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(pipeTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
  );
}

const parser = unified().use(remarkParse).use(gfmTablesAndStrikethrough);

// Raw HTML is dropped by remark-rehype (allowDangerousHtml stays off);
// sanitize then removes anything unsafe Markdown itself produced; only after
// that does shiki add its own markup to code blocks.
const transformer = unified()
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeShikiFromHighlighter, highlighter, {
    // The high-contrast palette keeps every token at WCAG AA on white; the
    // plain GitHub theme's orange and grey fall under 4.5:1.
    theme: "github-light-high-contrast",
    fallbackLanguage: "text",
  })
  .use(rehypeStringify);

export function parseMarkdown(markdown: string): MdastRoot {
  return parser.parse(markdown);
}

/** Renders already-parsed Markdown nodes to safe HTML. */
export function renderNodes(nodes: RootContent[]): string {
  const hast = transformer.runSync({
    type: "root",
    children: nodes,
  }) as HastRoot;
  return transformer.stringify(hast);
}

export function renderMarkdown(markdown: string): string {
  return renderNodes(parseMarkdown(markdown).children);
}
