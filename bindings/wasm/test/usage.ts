// A typed usage example: `tsc --noEmit` checks it against the package's declarations.
import { entitlement, validateDataset, cycleSvg, LemniscaatError, type Entitlement, type ErrorCode, type EntitlementInput } from "../index.js";

const input: EntitlementInput = {
  school_year: "2014-2015",
  appointments: [{ category: "teacher", wtf: "0.6", start: "2010-08-01", end: null }],
  options: { temporal_pro_rata: "calendar-days", rounding: { hours: { decimals: 2, mode: "half-up" } } },
};
const e: Entitlement = entitlement(input);
const hours: string = e.hours;
const steps: number = e.explanation?.steps.length ?? 0;
try {
  validateDataset({ as_of: "2015-03-01", board: { id: "B1", name: "B" } });
} catch (err) {
  if (err instanceof LemniscaatError) {
    const code: ErrorCode = err.code;
    console.log(code, err.path, err.messageNl);
  }
}
const svg: string = cycleSvg({ as_of: "2015-03-01", events: [{ stage: "frameworks", date: "2014-10-01", kind: "completed" }] }, "en");
console.log(hours, steps, svg.length);

// The dataset is typed down to its leaves.
import type { Dataset, RuleSet } from "../index.js";
import { ruleSets } from "../index.js";
const ds: Dataset = {
  as_of: "2015-03-01",
  board: { id: "B1", name: "Stichting" },
  schools: [{ id: "S1", name: "College" }],
  employees: [{ id: "E1", appointments: [{ category: "support", wtf: "0.5", start: "2012-01-01" }], personal_plans: [{ id: "P1", status: "agreed", approved_by: "manager", activities: [{ kind: "course", facilitation: "x" }] }], ledger: [{ type: "usage", date: "2015-01-05", hours: "4", money: "0", activity: "A" }] }],
};
const first: RuleSet = ruleSets()[0];
const teacherHours: string = first.parameters.teacher_hours.value;
console.log(validateDataset(ds).counts.error, teacherHours);

// The types refuse what the library refuses: a float wtf, an unknown category, a dataset field typo.
// @ts-expect-error decimals are strings, never JS numbers
entitlement({ school_year: "2014-2015", appointments: [{ category: "teacher", wtf: 0.6, start: "2010-08-01" }] });
// @ts-expect-error "boss" is not a category
entitlement({ school_year: "2014-2015", appointments: [{ category: "boss", wtf: "1", start: "2010-08-01" }] });
// @ts-expect-error "employes" is not a field of the dataset
validateDataset({ as_of: "2015-03-01", board: { id: "B1", name: "B" }, employes: [] });

// Rule-set overrides, operations by name, texts for people.
import { RuleBook, call, text, taxonomy, type TaxonomyKind } from "../index.js";
const book = RuleBook.withOverrides({ rule_sets: [{ id: "cao-vo-2030", name: "CAO VO 2030" }] });
const viaBook: Entitlement = book.call("entitlement", input);
const kinds: TaxonomyKind[] = taxonomy();
const shown: string = text("hours", viaBook.hours, "nl") + text("source", e.explanation!.steps[0].source, "en");
console.log(call("classify", { text: "intervisie" }), kinds.length, shown, book.ruleSets().length);
// @ts-expect-error "report" is not an operation of the browser build
call("report", {});
// @ts-expect-error an operation's input is required (only rule_sets takes none)
call("entitlement");
const sets: RuleSet[] = call("rule_sets");
console.log(sets.length);
