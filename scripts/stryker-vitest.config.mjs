// The Vitest config Stryker runs (stryker.config.mjs): vitest.config.ts with only the unit and
// adversarial projects. Stryker's vitest runner has no `--project` option, and choosing the projects
// by Stryker's `testFiles` instead makes it activate static mutants too late, so they survive
// whatever the tests do (stryker-js#6144). Type tests are off: they check types, not behaviour.
// HSRCPAY_MUTATION_PROJECTS=unit (comma-separated names) narrows the projects, for measuring only:
// the committed incremental report is made with both.
import base from "../vitest.config.ts";

const projects = (process.env.HSRCPAY_MUTATION_PROJECTS ?? "unit,adversarial").split(",");

export default {
  ...base,
  test: {
    ...base.test,
    projects: base.test.projects
      .filter((project) => projects.includes(project.test.name))
      .map((project) => ({ ...project, test: { ...project.test, typecheck: { enabled: false } } })),
  },
};
