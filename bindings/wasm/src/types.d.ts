// The package's own types, beside those generated from the core's schema
// (types.generated.d.ts: every operation's input and output).

/** A school year "2014-2015" (also "2014/2015", "2014/15", "2014-15"). */
export type SchoolYearText = SchoolYear;
/** The operations of `call` and `RuleBook.call` (the board report is not in the browser build). */
export type Operation = Exclude<keyof Operations, "report">;
/**
 * Runs an operation by name (`entitlement`, `ledger`, `eligibility`, `lumpsum`, `classify`, `mix`,
 * `cycle`, `validate`, `rule_sets`) with the built-in rule sets: the input as an object or JSON
 * text, the output typed by the operation.
 */
export function call<K extends Operation>(operation: K, ...input: OperationInput<K>): Operations[K]["output"];
export interface RuleBook {
  /** Runs an operation by name with this rule book (see `call`). */
  call<K extends Operation>(operation: K, ...input: OperationInput<K>): Operations[K]["output"];
}
/** The input argument of an operation: required (an object or JSON text), except for `rule_sets`, which takes none. */
export type OperationInput<K extends Operation> = K extends "rule_sets" ? [input?: unknown] : [input: Operations[K]["input"] | string];
/** What `text` renders: an amount, a date, a source or a label, as a person reads it. */
export type TextKind = "hours" | "money" | "number" | "amount" | "percent" | "date" | "source" | "label" | "category" | "status" | "kind" | "bucket" | "stage";
/** A rule-set file (`lemniscaat rules` format): rule sets added or overridden by id, with their sources. */
export interface RuleOverrides { sources?: { id: string; title: string; [key: string]: unknown }[]; rule_sets?: ({ id: string; name?: string; in_force_from?: { value: IsoDate; provenance: Provenance }; parameters?: Record<string, unknown>; [key: string]: unknown })[] }
/** An activity kind as `taxonomy()` lists it. */
export interface TaxonomyKind { id: string; label: Bilingual; bucket: Bucket; cao_17_1: "a" | "b" | "c" | "d" | null }
