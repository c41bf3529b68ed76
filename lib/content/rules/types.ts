import type { Heading, RootContent } from "mdast";

import type { SectionName } from "@/lib/content/question";

/** The shapes the question rules share. */
export type Section = {
  name: SectionName;
  heading: Heading;
  nodes: RootContent[];
};
export type Trap = { letter: string; heading: Heading; nodes: RootContent[] };

export type Report = (
  line: number,
  column: number,
  message: string,
  fix: string,
) => void;
export type Where = (...keyPath: (string | number)[]) => {
  line: number;
  column: number;
};
export type LineOf = (node: {
  position?: { start: { line: number; column: number } };
}) => {
  line: number;
  column: number;
};
