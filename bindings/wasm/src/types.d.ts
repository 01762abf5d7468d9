/** A decimal number written as a string, e.g. "49.80" (never a JS number: no floats). */
export type Decimal = string;
/** An ISO date "YYYY-MM-DD"; date ranges are inclusive on both ends. */
export type IsoDate = string;
/** A school year "2014-2015" (also "2014/2015", "2014/15", "2014-15"). */
export type SchoolYearText = string;

/** The stable error codes of `LemniscaatError.code`. */
export type ErrorCode = "INVALID_JSON" | "UNKNOWN_FIELD" | "MISSING_FIELD" | "INVALID_VALUE" | "INVALID_DECIMAL" | "INVALID_DATE" | "INVALID_SCHOOL_YEAR" | "INVALID_WTF" | "INVALID_DATE_RANGE" | "UNKNOWN_RULE_SET" | "RULES_NOT_IN_FORCE" | "INSUFFICIENT_BALANCE" | "ASSIGNED_WITHOUT_CONSENT" | "SAVING_NOT_ALLOWED" | "ILLEGAL_TRANSITION" | "LIMIT_EXCEEDED";
/** The stable finding codes. */
export type FindingCode = "KADERS_MISSING" | "KADERS_EXPIRED" | "KADERS_ELEMENT_MISSING" | "KADERS_NO_PGMR_CONSULTATION" | "KADERS_SECTION_RECOMMENDED" | "COLLECTIVE_PLAN_MISSING" | "COLLECTIVE_PLAN_NO_PMR_CONSULTATION" | "COLLECTIVE_PLAN_NO_ACTIVITIES" | "THEME_NOT_IN_KADERS" | "THEME_NO_TARGET_GROUP" | "THEME_NO_FACILITIES" | "THEME_NO_EVALUATION" | "TEAM_GOAL_NOT_SMART" | "COLLECTIVE_PLAN_NO_BOTTOM_UP" | "PERSONAL_GOAL_NOT_SMART" | "USE_NOT_ACCOUNTED_FOR" | "PERSONAL_PLAN_MISSING" | "PERSONAL_PLAN_EXPIRED" | "PERSONAL_PLAN_DUE_SOON" | "PERSONAL_PLAN_NOT_APPROVED" | "PERSONAL_PLAN_ELEMENT_MISSING" | "NO_YEARLY_CONVERSATION" | "GOAL_NOT_ALIGNED" | "EVC_OFFER_MISSING" | "STARTKWALIFICATIE_OFFER_MISSING" | "PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT" | "ASSIGNED_WITHOUT_CONSENT" | "INSUFFICIENT_BALANCE" | "SAVING_NOT_ALLOWED" | "WTF_ABOVE_FULL_TIME" | "TAAKBELEID_BELOW_BASISRECHT" | "LUMPSUM_BELOW_10_PERCENT" | "ANNUAL_REPORT_NO_ACCOUNTABILITY" | "MIX_FORMAL_HEAVY" | "MIX_NO_WORKPLACE_LEARNING" | "CYCLE_STAGE_NOT_ATTENDED" | "RULES_OUT_OF_RANGE" | "UNKNOWN_REFERENCE";
export type Severity = "error" | "warning" | "info";
export type Category = "teacher" | "support" | "management";
export type EducationLevel = "none" | "vmbo" | "mbo1" | "mbo2" | "mbo3" | "mbo4" | "havo" | "vwo" | "hbo" | "wo";
export type Bucket = "experience" | "social" | "formal" | "unknown";
export type Stage = "preparation" | "strategic_exploration" | "frameworks" | "collective_plan" | "team_goals" | "personal_goals" | "execution";
export type RoundingMode = "half-up" | "half-even" | "up" | "down";

export interface Appointment { category: Category; wtf: Decimal; start: IsoDate; end?: IsoDate | null; school?: string | null }
export interface Rounding { decimals?: number; mode?: RoundingMode }
export interface Options {
  pro_rata_2014?: "parties-intent" | "bezwarencommissie-2016";
  temporal_pro_rata?: "calendar-days" | "none" | "whole-months";
  rounding?: { hours?: Rounding; money?: Rounding };
  mode?: "lenient" | "strict";
  saving_units?: "both" | "money-only";
  management_base?: { hours: Decimal; money: Decimal };
}
export interface EntitlementInput { school_year: SchoolYearText; appointments: Appointment[]; rule_set?: string; options?: Options; support_extension_plan?: boolean; explain?: boolean }
export interface Source { kind: "rule" | "policy" | "interpretation" | "input" | "computation"; rule_set?: string; article?: string | null; lid?: string | null; confidence?: "seed" | "sourced" | "inferred"; article_confidence?: "seed" | "sourced" | "inferred"; document?: string; option?: string; value?: string; default?: boolean; id?: string; path?: string }
/** A message of the core's catalogue: its id and its arguments in machine formats (decimal strings, ISO dates, ids). */
export interface Message { id: string; args: Record<string, unknown> }
export interface Step { step: string; amount: string; value: Decimal | null; unit: "hours" | "eur" | "factor" | "days" | "months" | "none"; en: string; nl: string; message: Message; source: Source }
export interface Selection { rule_set: string; reason: "in-force" | "pinned" | "out-of-range"; en: string; nl: string; message: Message; out_of_range: boolean }
export interface Explanation { selection: Selection; steps: Step[] }
export interface Receipt { library: string; rule_set: string; rule_set_hash: string; options: Record<string, string>; as_of: IsoDate | null; input_hash: string }
export interface FindingSource { rule_set?: string; article?: string; lid?: string; handreiking?: string; confidence?: "seed" | "sourced" | "inferred" }
export interface Finding { code: FindingCode; severity: Severity; source: FindingSource; path: string; message_en: string; message_nl: string; message: Message; data: Record<string, string | string[]> }
export interface Bilingual { en: string; nl: string }
export interface BucketAmount { bucket: string; hours: Decimal; money: Decimal; purpose: string | null; label: Bilingual }
export interface Information { id: string; from_school_year?: SchoolYearText | null; category?: Category | null; en: string; nl: string; provenance: Provenance }
export interface Provenance { confidence: "seed" | "sourced" | "inferred"; source: string; note?: string }
export interface Entitlement { school_year: SchoolYearText; rule_set: string; hours: Decimal; money: Decimal; extra: BucketAmount[]; pro_rata: "parties-intent" | "bezwarencommissie-2016"; warnings: Finding[]; information: Information[]; explanation: Explanation | null; receipt: Receipt | null }

export type LedgerEvent =
  | { type: "usage"; date: IsoDate; hours: Decimal; money: Decimal; activity: string; assigned?: boolean; consent?: boolean; bucket?: string }
  | { type: "saving"; from: SchoolYearText; until: SchoolYearText; units: ("hours" | "money")[]; basis: "agreement" | "right"; plan?: string | null; cap?: { hours?: Decimal | null; money?: Decimal | null }; bucket?: string }
  | { type: "adjustment"; date: IsoDate; hours: Decimal; money: Decimal; reason: string; bucket?: string }
  | { type: "reservation"; date: IsoDate; hours: Decimal; money: Decimal; activity: string; bucket?: string }
  | { type: "facility"; date: IsoDate; hours: Decimal; money: Decimal; activity: string };
export interface LedgerInput { appointments: Appointment[]; events?: LedgerEvent[]; school_years: SchoolYearText[]; rule_set?: string; options?: Options; support_extension_plan?: boolean; as_of?: IsoDate; expiring_within_days?: number; explain?: boolean }
export interface UnitStatement { opening: Decimal; granted: Decimal; used: Decimal; adjusted: Decimal; lapsed: Decimal; carried: Decimal }
export interface Statement { school_year: SchoolYearText; bucket: string; rule_set: string; hours: UnitStatement; money: UnitStatement; explanation: Step[] }
export interface Amounts { hours: Decimal; money: Decimal }
export interface LedgerResult { statements: Statement[]; bucket_statements: Statement[]; balances: { bucket: string; date: IsoDate; booked: Amounts; reserved: Amounts; free_to_plan: Amounts }[]; free_to_plan: Amounts; expiring: { bucket: string; granted_in: SchoolYearText; lapses_after: IsoDate; amounts: Amounts }[]; facilities: { school_year: SchoolYearText; total: Amounts; activities: string[] }[]; warnings: Finding[]; receipt: Receipt | null }

export interface EligibilityInput { school_year?: SchoolYearText; rule_set?: string; education_level: EducationLevel; last_evc?: IsoDate | null; as_of: IsoDate }
export interface Eligibility { rule_set: string; evc: boolean; evc_next_date: IsoDate | null; startkwalificatie: boolean; explanation: Step[] }

export interface SpendingLine { category: "fees" | "trainers" | "travel" | "location" | "materials" | "general" | "replacement" | "time"; money?: Decimal; hours?: Decimal; hourly_cost?: Decimal; description?: string }
export interface LumpsumInput { year: number; personele_lumpsum: Decimal; lines: SpendingLine[]; default_hourly_cost?: Decimal; period?: "financial-year" | "school-year"; rule_set?: string }
export interface LumpsumResult { rule_set: string; total: Decimal; share: Decimal; minimum_share: Decimal; compliant: boolean; shortfall: Decimal; per_category: Record<string, Decimal>; findings: Finding[]; explanation: Step[] }

/** A kind of activity of the 70:20:10 taxonomy (the caller may add or replace kinds). */
export interface ActivityKind { id: string; label: Bilingual; bucket: Bucket; cao_17_1: "a" | "b" | "c" | "d" | null; cedefop: "formal" | "non_formal" | "informal"; keywords?: { nl?: string[]; en?: string[] }; source: string }
export interface ClassifyInput { kind?: string; text?: string; language?: "nl" | "en"; taxonomy?: ActivityKind[] }
export interface Shares { experience: Decimal; social: Decimal; formal: Decimal; unknown: Decimal }
export interface Classification { bucket: Bucket; kind: string | null; cao_17_1: "a" | "b" | "c" | "d" | null; cedefop: "formal" | "non_formal" | "informal" | null; scores: Shares; matched: { term: string; kind: string; bucket: Bucket }[]; source: string | null }
export interface MixActivity { kind?: string; text?: string; name?: string; hours?: Decimal; cost?: Decimal }
export interface MixInput { activities: MixActivity[]; weight?: "hours" | "cost" | "count"; target?: { experience: Decimal; social: Decimal; formal: Decimal }; tolerance?: Decimal; taxonomy?: ActivityKind[] }
export interface Mix { shares: Shares; target: { experience: Decimal; social: Decimal; formal: Decimal }; tolerance: Decimal; weight: string; total: Decimal; activities: Classification[]; findings: Finding[] }

export interface CycleEvent { stage: Stage; date: IsoDate; kind: "started" | "completed" | "revisited"; roles?: string[]; artefact?: string }
export interface CycleInput { events: CycleEvent[]; as_of: IsoDate; window_months?: number; cycle_start?: IsoDate }
export interface CycleStatus { window_start: IsoDate; as_of: IsoDate; attended: Stage[]; missing: Stage[]; complete: boolean; next: Stage[]; stages: [Stage, "attended" | "in_progress" | "missing"][]; participation: { stage: Stage; required: string; present: boolean }[]; cycles: number; findings: Finding[] }

export type PlanStatus = "draft" | "submitted" | "returned" | "agreed" | "active" | "completed" | "superseded";
export type Role = "board" | "school_leader" | "manager" | "team" | "employee" | "hr" | "finance" | "pgmr" | "pmr" | "unions" | "students";
export interface Consultation { body: "pgmr" | "pmr" | "gmr" | "or"; date: IsoDate }
export interface Transition { from: PlanStatus; to: PlanStatus; role: Role; date: IsoDate }
export interface Theme { id: string; name: string }
export type Section = "trends" | "mission_vision_strategy" | "hr_strategy" | "themes" | "vision_on_development" | "development_culture" | "embedding" | "facilities_budgets" | "accountability";
export interface Kaders { id: string; level: "board" | "school"; school?: string | null; status: PlanStatus; agreed_on?: IsoDate | null; consultations?: Consultation[]; goals?: string; facilities?: string; demands_and_vision?: string; sections?: Section[]; themes?: Theme[]; history?: Transition[] }
export interface ThemeFacilities { organisation?: string | null; guidance?: string | null; time?: string | null; money?: string | null; replacement?: string | null }
export interface PlanActivity { id: string; kind?: string | null; name: string; hours?: Decimal | null; cost?: Decimal | null; school_years?: SchoolYearText[] }
export interface PlanTheme { theme: string; name?: string; target_groups?: string[]; activities?: PlanActivity[]; facilities?: ThemeFacilities | null; evaluation?: string | null }
export interface CollectivePlan { id: string; school: string; school_year: SchoolYearText; status: PlanStatus; consultations?: Consultation[]; themes?: PlanTheme[]; agreed_on?: IsoDate | null; history?: Transition[] }
export interface TeamGoal { id: string; description?: string; measure?: string | null; deadline?: IsoDate | null; owner?: string | null; themes?: string[] }
export interface TeamPlan { school_year: SchoolYearText; goals?: TeamGoal[]; status?: PlanStatus }
export interface Team { id: string; school: string; name: string; plans?: TeamPlan[] }
export interface PersonalActivity { id?: string; kind?: string | null; name?: string; hours?: Decimal | null; money?: Decimal | null; facilitation?: string; assigned?: boolean; consent?: boolean }
export interface PersonalGoal { id: string; description?: string; links?: string[]; measure?: string; deadline?: IsoDate }
export interface PersonalPlan { id: string; status: PlanStatus; agreed_on?: IsoDate | null; approved_by?: string | null; activities?: PersonalActivity[]; contribution?: string; evc_offered?: boolean; startkwalificatie_offered?: boolean; goals?: PersonalGoal[]; support_extension?: boolean; history?: Transition[] }
export interface Conversation { date: IsoDate; kind?: string; accounted_for?: SchoolYearText[] }
export interface Taakbeleid { school_year: SchoolYearText; component_d_hours: Decimal; other_free_hours?: Decimal | null }
export interface Employee { id: string; name?: string | null; school?: string | null; team?: string | null; education_level?: EducationLevel | null; last_evc?: IsoDate | null; appointments?: Appointment[]; personal_plans?: PersonalPlan[]; conversations?: Conversation[]; ledger?: LedgerEvent[]; taakbeleid?: Taakbeleid[] }
/** The dataset (interchange format); docs/dataset.schema.json is its JSON Schema. Unknown fields are refused. */
export interface Dataset {
  as_of: IsoDate;
  board: { id: string; name: string };
  schools?: { id: string; name: string }[];
  kaders?: Kaders[];
  collective_plans?: CollectivePlan[];
  teams?: Team[];
  employees?: Employee[];
  cycle_events?: CycleEvent[];
  lumpsum?: LumpsumInput | null;
  school_lumpsums?: { school: string; lumpsum: LumpsumInput }[];
  annual_reports?: { year: number; accounts_for_professionalisation: boolean }[];
  rule_set?: string;
  options?: Options;
  settings?: { due_soon_days?: number; cycle_window_months?: number; conversation_months?: number; personal_mix_advice?: boolean };
}
export interface ThemeCount { theme: string; name: string | null; team_goals: number; personal_goals: number; in_kaders: boolean; in_collective_plan: boolean }
export interface Alignment { school_year: SchoolYearText; goals: number; linked: number; coverage: Decimal; orphans: { level: string; goal: string; owner: string; path: string }[]; themes: ThemeCount[]; bottom_up: ThemeCount[] }
export interface ValidationReport { as_of: IsoDate; school_year: SchoolYearText; rule_set: string; findings: Finding[]; counts: { error: number; warning: number; info: number }; alignment: Alignment }
export interface Param<T> { value: T; article: string | null; lid: string | null; provenance: Provenance }
export interface ExtraBucket { id: string; category: Category; hours: Decimal; money: Decimal; purpose: string | null; condition: "none" | "personal-plan-requests"; from_school_year: SchoolYearText; pro_rata: boolean; label: Bilingual; article: string | null; lid: string | null; provenance: Provenance }
export interface RuleSetParameters {
  teacher_hours: Param<Decimal>; support_hours: Param<Decimal>; management_hours: Param<Decimal>;
  teacher_money: Param<Decimal>; support_money: Param<Decimal>; management_money: Param<Decimal>;
  pro_rata: Param<{ interpretations: string[]; default: string }>;
  saving: Param<{ agreement: boolean; right: { requires_plan: boolean; max_years: number; interpretations: string[]; default: string } | null }>;
  evc: Param<{ max_level: EducationLevel; repeat_years: number }>;
  startkwalificatie: Param<{ below_level: EducationLevel }>;
  personal_plan_max_years: Param<number>; kaders_max_years: Param<number>;
  collective_min_share: Param<Decimal>; normjaartaak_hours: Param<Decimal>;
  extra_buckets: ExtraBucket[];
}
export interface RuleSet { id: string; name: string; in_force_from: { value: IsoDate; provenance: Provenance }; known_until: { value: IsoDate; provenance: Provenance } | null; summary: Bilingual; parameters: RuleSetParameters; articles: Record<string, { article: string; lid: string | null; provenance: Provenance }>; information: Information[]; hash: string }

/** The operations of `call` and `RuleBook.call` (the board report is not in the browser build). */
export type Operation = "entitlement" | "ledger" | "eligibility" | "lumpsum" | "classify" | "mix" | "cycle" | "validate" | "rule_sets";
/** What `text` renders: an amount, a date, a source or a label, as a person reads it. */
export type TextKind = "hours" | "money" | "number" | "amount" | "percent" | "date" | "source" | "label" | "category" | "status" | "kind" | "bucket" | "stage";
/** A rule-set file (`lemniscaat rules` format): rule sets added or overridden by id, with their sources. */
export interface RuleOverrides { sources?: { id: string; title: string; [key: string]: unknown }[]; rule_sets?: ({ id: string; name?: string; in_force_from?: { value: IsoDate; provenance: Provenance }; parameters?: Record<string, unknown>; [key: string]: unknown })[] }
/** An activity kind as `taxonomy()` lists it. */
export interface TaxonomyKind { id: string; label: Bilingual; bucket: Bucket; cao_17_1: "a" | "b" | "c" | "d" | null }
