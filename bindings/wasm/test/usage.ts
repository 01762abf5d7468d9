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
