import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import {
  byCategory,
  categoryName,
  keyedFraction,
  optionFeedback,
} from "@/lib/content/export/categories";
import type { Question } from "@/lib/content/question";

// "]]>" is the one sequence CDATA cannot hold; split it across two sections.
const cdata = (html: string) =>
  `<![CDATA[${html.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const htmlElement = (name: string, html: string) =>
  `<${name} format="html"><text>${cdata(html)}</text></${name}>`;
const escape = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * The bank as Moodle XML: a category per domain and task statement, general
 * feedback from the winning logic, per-option feedback from the traps.
 * Multiple response is all or nothing: keyed options share 100%, and any
 * wrong option costs the whole mark.
 */
export function toMoodleXml(
  blueprints: ReadonlyMap<string, Blueprint>,
  questions: Question[],
): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"];
  for (const group of byCategory(blueprints, questions)) {
    parts.push(
      '  <question type="category">',
      `    <category><text>${escape(categoryName(group.path))}</text></category>`,
      "  </question>",
    );
    for (const question of group.questions) parts.push(questionXml(question));
  }
  parts.push("</quiz>", "");
  return parts.join("\n");
}

function questionXml(question: Question): string {
  const { public: q, key } = question;
  const single = q.type === "multiple-choice";
  const answers = q.options.map((option) => {
    const fraction = key.answer.includes(option.letter)
      ? keyedFraction(key.answer.length)
      : single
        ? "0"
        : "-100";
    return [
      `    <answer fraction="${fraction}" format="html">`,
      `      <text>${cdata(option.html)}</text>`,
      `      ${htmlElement("feedback", optionFeedback(question, option.letter))}`,
      "    </answer>",
    ].join("\n");
  });

  return [
    '  <question type="multichoice">',
    `    <name><text>${escape(q.id)}</text></name>`,
    `    ${htmlElement("questiontext", q.scenarioHtml + q.requirementHtml)}`,
    `    ${htmlElement("generalfeedback", key.winningLogicHtml)}`,
    "    <defaultgrade>1</defaultgrade>",
    "    <penalty>0</penalty>",
    "    <hidden>0</hidden>",
    `    <idnumber>${escape(q.id)}</idnumber>`,
    `    <single>${single}</single>`,
    "    <shuffleanswers>true</shuffleanswers>",
    "    <answernumbering>ABCD</answernumbering>",
    ...answers,
    "  </question>",
  ].join("\n");
}
