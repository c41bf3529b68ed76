import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseGift, type MultipleChoice } from "gift-pegjs";
import { describe, expect, it } from "vitest";

import { checkBank } from "@/lib/content/check-bank";
import { toGift } from "@/lib/content/export/gift";
import { toMoodleXml } from "@/lib/content/export/moodle-xml";

const { blueprints, questions } = checkBank();

describe("toGift", () => {
  it("writes a bank that an independent GIFT parser reads back question for question", () => {
    const parsed = parseGift(toGift(blueprints, questions));

    const categories = parsed.filter((q) => q.type === "Category");
    const items = parsed.filter((q): q is MultipleChoice => q.type === "MC");
    expect(items).toHaveLength(questions.length);
    expect(categories.length).toBeGreaterThan(0);
    expect(categories[0]?.title).toMatch(
      /^\$course\$\/top\/DVA-C02\/Domain 1 /,
    );

    for (const question of questions) {
      const item = items.find((i) => i.title === question.public.id);
      expect(item?.stem.format).toBe("html");
      expect(item?.stem.text).toBe(
        (
          question.public.scenarioHtml + question.public.requirementHtml
        ).replaceAll("\n", "&#10;"),
      );
      expect(item?.choices).toHaveLength(question.public.options.length);
      const keyed = item?.choices.map((c) =>
        question.public.type === "multiple-choice"
          ? c.isCorrect
          : (c.weight ?? 0) > 0,
      );
      expect(keyed).toEqual(
        question.public.options.map((o) =>
          question.key.answer.includes(o.letter),
        ),
      );
      for (const [index, choice] of (item?.choices ?? []).entries()) {
        const letter = question.public.options[index]!.letter;
        const trap = question.key.traps.find((t) => t.letter === letter);
        expect(choice.feedback?.text).toBe(
          (trap?.html ?? question.key.quickInsightHtml).replaceAll(
            "\n",
            "&#10;",
          ),
        );
      }
      expect(item?.globalFeedback?.text).toBe(
        question.key.winningLogicHtml.replaceAll("\n", "&#10;"),
      );
    }
  });

  it("scores multiple response all or nothing", () => {
    const multiple = questions.find(
      (q) => q.public.type === "multiple-response",
    );
    expect(multiple).toBeDefined();

    const item = parseGift(toGift(blueprints, [multiple!])).find(
      (q): q is MultipleChoice => q.type === "MC",
    );
    const weights = item?.choices.map((c) => c.weight);
    const keys = multiple!.key.answer.length;
    expect(weights?.filter((w) => w === -100)).toHaveLength(
      multiple!.public.options.length - keys,
    );
    expect(
      weights?.filter((w) => w !== null && w > 0).reduce((a, b) => a! + b!, 0),
    ).toBeCloseTo(100, 2);
  });
});

describe("toMoodleXml", () => {
  const xml = toMoodleXml(blueprints, questions);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("holds every question with its options, feedback and category", () => {
    const quiz = new XMLParser({
      ignoreAttributes: false,
      cdataPropName: "cdata",
    }).parse(xml).quiz as { question: Record<string, unknown>[] };

    const items = quiz.question.filter((q) => q["@_type"] === "multichoice");
    const categories = quiz.question.filter((q) => q["@_type"] === "category");
    expect(items).toHaveLength(questions.length);
    expect(categories.length).toBeGreaterThan(0);

    for (const question of questions) {
      const item = items.find(
        (i) => (i.name as { text: string }).text === question.public.id,
      ) as {
        single: boolean;
        questiontext: { text: { cdata: string } };
        answer: {
          "@_fraction": string;
          text: { cdata: string };
          feedback: { text: { cdata: string } };
        }[];
      };
      expect(item.single).toBe(question.public.type === "multiple-choice");
      expect(item.questiontext.text.cdata).toBe(
        question.public.scenarioHtml + question.public.requirementHtml,
      );
      const answers = Array.isArray(item.answer) ? item.answer : [item.answer];
      expect(answers).toHaveLength(question.public.options.length);
      const keyed = answers.map((a) => Number(a["@_fraction"]) > 0);
      expect(keyed).toEqual(
        question.public.options.map((o) =>
          question.key.answer.includes(o.letter),
        ),
      );
      const total = answers
        .map((a) => Number(a["@_fraction"]))
        .filter((f) => f > 0)
        .reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(100, 2);
    }
  });

  it("keeps a ]]> inside content intact", async () => {
    const { parseQuestion } = await import("@/lib/content/parse-question");
    const { readFileSync } = await import("node:fs");
    const file =
      "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md";
    const source = readFileSync(file, "utf8").replace(
      "A startup runs",
      "A startup (see `a]]>b`) runs",
    );
    const { question } = parseQuestion(file, source, blueprints);

    const out = toMoodleXml(blueprints, [question!]);

    expect(XMLValidator.validate(out)).toBe(true);
    const parsed = new XMLParser({ cdataPropName: "cdata" }).parse(out) as {
      quiz: {
        question: { questiontext?: { text: { cdata: string | string[] } } }[];
      };
    };
    const text = parsed.quiz.question.find((q) => q.questiontext)!.questiontext!
      .text.cdata;
    expect([text].flat().join("")).toContain("<code>a]]>b</code>");
  });
});
