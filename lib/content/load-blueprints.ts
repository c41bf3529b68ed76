import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import {
  BlueprintSchema,
  type Blueprint,
} from "@/lib/content/blueprint-schema";
import type { Problem } from "@/lib/content/problem";
import { readYaml } from "@/lib/content/yaml-document";

export type LoadedBlueprints = {
  blueprints: Map<string, Blueprint>;
  problems: Problem[];
};

/** Reads every exam blueprint in content/exams/*.yaml. */
export function loadBlueprints(): LoadedBlueprints {
  const dir = path.join(process.cwd(), "content", "exams");
  const blueprints = new Map<string, Blueprint>();
  const problems: Problem[] = [];

  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()) {
    const file = path.join("content", "exams", name);
    const yaml = readYaml(file, readFileSync(path.join(dir, name), "utf8"));
    problems.push(...yaml.syntaxProblems);
    const parsed = BlueprintSchema.safeParse(yaml.data);
    if (!parsed.success) {
      problems.push(
        ...yaml.zodProblems(
          parsed.error,
          () => "see content/exams/dva-c02.yaml for the expected shape",
        ),
      );
      continue;
    }
    const blueprint = parsed.data;
    if (name !== `${blueprint.code}.yaml`) {
      problems.push({
        file,
        ...yaml.locate(["code"]),
        message: `the code "${blueprint.code}" differs from the file name`,
        fix: `rename the file to ${blueprint.code}.yaml`,
      });
    }
    const weights = blueprint.domains.reduce((sum, d) => sum + d.weight, 0);
    if (weights !== 100) {
      problems.push({
        file,
        ...yaml.locate(["domains"]),
        message: `domain weights add up to ${weights}, not 100`,
        fix: "correct the weights from the exam guide",
      });
    }
    blueprints.set(blueprint.code, blueprint);
  }
  return { blueprints, problems };
}
