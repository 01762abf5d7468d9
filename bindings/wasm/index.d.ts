export * from "./pkg/web/lemniscaat_wasm.js";
export { default as init } from "./pkg/web/lemniscaat_wasm.js";
import type {
  ErrorCode, Message, EntitlementInput, Entitlement, LedgerInput, LedgerResult, EligibilityInput, Eligibility, LumpsumInput, LumpsumResult,
  Dataset, ValidationReport, ClassifyInput, Classification, MixInput, Mix, CycleInput, CycleStatus, RuleSet,
} from "./pkg/web/lemniscaat_wasm.js";

/** The error every function throws: a JS Error with a stable code, a JSON Pointer path and messages. */
export declare class LemniscaatError extends Error {
  readonly code: ErrorCode;
  readonly path: string;
  readonly messageNl: string;
  readonly messageEn: string;
  /** The message of the core's catalogue: its id and arguments in machine formats. */
  readonly typed?: Message;
}

/** The basisrecht of one employee in one school year, with explanation and receipt. */
export declare function entitlement(input: EntitlementInput | string): Entitlement;
/** Ledger statements of one employee over school years: granted, used, lapsed, carried. */
export declare function ledger(input: LedgerInput | string): LedgerResult;
/** EVC and startkwalificatie eligibility (17.3 lid 3 and 4). */
export declare function eligibility(input: EligibilityInput | string): Eligibility;
/** The 10% rule (17.2 lid 1) for a year. */
export declare function lumpsum(input: LumpsumInput | string): LumpsumResult;
/** Validates a dataset: findings with their articles, counts and alignment. */
export declare function validateDataset(dataset: Dataset | string): ValidationReport;
/** Classifies an activity into the 70:20:10 model. */
export declare function classify(input: ClassifyInput | string): Classification;
/** The 70:20:10 mix of activities (advice). */
export declare function mix(input: MixInput | string): Mix;
/** The lemniscate over a window. */
export declare function cycleStatus(input: CycleInput | string): CycleStatus;
/** The rule sets, oldest first, every value with its provenance. */
export declare function ruleSets(): RuleSet[];
