"""The types of every operation's input and result, generated from the core's JSON Schema
(``docs/operations.schema.json``) by ``tools/gen_types.py``: do not edit, regenerate.

Results are read-only ``Record`` classes with typed attributes (decimals as ``decimal.Decimal``,
dates as ``datetime.date``); inputs are ``TypedDict`` s (a decimal as ``Decimal``, ``str`` or
``int``, never a float; a date as ``date`` or ISO ``str``); enumerations are ``Literal`` unions.
"""

import datetime
from decimal import Decimal
from typing import Any, Dict, List, Literal, Mapping, NotRequired, Optional, Sequence, Tuple, TypedDict, Union

from ._record import Record
from ._results import CycleStatusMethods, FindingSourceMethods, LedgerResultMethods, MixMethods, ReportMethods, ValidationReportMethods

__all__ = [
    "DateIn",
    "DecimalIn",
    "INPUTS",
    "OUTPUTS",
    "Accountability",
    "ActivityKind",
    "Alignment",
    "Amounts",
    "AnnualReport",
    "Appointment",
    "ArticleRef",
    "Balance",
    "BalanceUnit",
    "Bilingual",
    "BilingualInput",
    "Board",
    "BoardInput",
    "Body",
    "Bucket",
    "BucketAmount",
    "BucketCondition",
    "Cap",
    "Category",
    "Cedefop",
    "Classification",
    "ClassifyInput",
    "CollectivePlan",
    "Confidence",
    "Consultation",
    "Conversation",
    "Counts",
    "CycleEvent",
    "CycleInput",
    "CycleStatus",
    "DataValue",
    "Dataset",
    "Dated",
    "EducationLevel",
    "Eligibility",
    "EligibilityInput",
    "Employee",
    "Entitlement",
    "EntitlementInput",
    "Error",
    "ErrorCode",
    "Evc",
    "EventKind",
    "Expiring",
    "Explanation",
    "ExtraBucket",
    "Facilities",
    "Finding",
    "FindingCode",
    "FindingSource",
    "Information",
    "Kaders",
    "KadersLevel",
    "Keywords",
    "LedgerEvent",
    "LedgerEventAdjustment",
    "LedgerEventFacility",
    "LedgerEventReservation",
    "LedgerEventSaving",
    "LedgerEventUsage",
    "LedgerInput",
    "LedgerResult",
    "LineError",
    "LumpsumInput",
    "LumpsumLine",
    "LumpsumResult",
    "ManagementBase",
    "Match",
    "Message",
    "Mix",
    "MixActivity",
    "MixInput",
    "Mode",
    "Options",
    "Orphan",
    "Param_Decimal",
    "Param_Evc",
    "Param_ProRata",
    "Param_Saving",
    "Param_Startkwalificatie",
    "Param_uint32",
    "ParameterLine",
    "Parameters",
    "ParticipationCheck",
    "Period",
    "PersonalActivity",
    "PersonalGoal",
    "PersonalPlan",
    "PlanActivity",
    "PlanStatus",
    "PlanTheme",
    "ProRata",
    "ProRataReading",
    "Provenance",
    "Receipt",
    "Report",
    "Role",
    "Rounding",
    "RoundingMode",
    "RoundingOptions",
    "RuleSet",
    "RuleSetSummary",
    "Saving",
    "SavingBasis",
    "SavingRight",
    "SavingUnits",
    "School",
    "SchoolLumpsum",
    "SchoolMix",
    "SchoolYear",
    "Section",
    "Selection",
    "Settings",
    "Severity",
    "Shares",
    "Source",
    "SourceComputation",
    "SourceInput",
    "SourceInterpretation",
    "SourcePolicy",
    "SourceRule",
    "SpendingCategory",
    "SpendingLine",
    "Spent",
    "StaffLine",
    "Stage",
    "StageStatus",
    "Startkwalificatie",
    "Statement",
    "Step",
    "Taakbeleid",
    "Target",
    "TargetInput",
    "Team",
    "TeamGoal",
    "TeamPlan",
    "TemporalProRata",
    "Theme",
    "ThemeCount",
    "ThemeFacilities",
    "Transition",
    "Unit",
    "UnitStatement",
    "ValidationReport",
    "Weight",
]

DecimalIn = Union[Decimal, str, int]
"""A decimal as the library reads it: ``Decimal``, a decimal string or an ``int`` (never a float)."""

DateIn = Union[datetime.date, str]
"""A date as the library reads it: ``datetime.date`` or an ISO string (``2015-02-01``)."""


BalanceUnit = Union[
    # Hours.
    Literal['hours'],
    # Money (euros).
    Literal['money'],
]
"""A unit of the balance."""


Body = Union[
    # Personeelsgeleding van de (gemeenschappelijke) medezeggenschapsraad.
    Literal['pgmr'],
    # Personeelsgeleding van de medezeggenschapsraad van de school.
    Literal['pmr'],
    # Gemeenschappelijke medezeggenschapsraad.
    Literal['gmr'],
    # Ondernemingsraad.
    Literal['or'],
]
"""A participation body."""


Bucket = Union[
    # 70: learning on the job.
    Literal['experience'],
    # 20: learning from others.
    Literal['social'],
    # 10: formal learning.
    Literal['formal'],
    # Not recognised.
    Literal['unknown'],
]
"""A bucket of the 70:20:10 model."""


BucketCondition = Union[
    # Always, to every employee of the category.
    Literal['none'],
    # Only when the employee's current personal plan asks for it.
    Literal['personal-plan-requests'],
]
"""When an extra bucket is granted."""


Category = Union[
    # Leraar (scales LB, LC, LD, LE): art. 17.4 lid 1 and 17.5 lid 1 (2014 numbering).
    Literal['teacher'],
    # Onderwijsondersteunend personeel (OOP): art. 17.4 lid 3 and 17.5 lid 3.
    Literal['support'],
    # Directie: no statutory basisrecht in article 17; zero unless the caller configures one.
    Literal['management'],
]
"""The function category (`functiecategorie`) of an appointment."""


Cedefop = Union[
    # Leads to a recognised qualification.
    Literal['formal'],
    # Organised, intentional, without a qualification.
    Literal['non_formal'],
    # Learning from daily work.
    Literal['informal'],
]
"""The Cedefop class of an activity."""


Confidence = Union[
    # In the appendix of the handreiking (article 17 of the CAO VO 2014-2015).
    Literal['seed'],
    # Stated by a named secondary source.
    Literal['sourced'],
    # The project's own reading; no source states it.
    Literal['inferred'],
]
"""How sure the library is of a value."""


DataValue = Union[str, List[str]]
"""A data item of a finding: a text (dates, amounts and ids are texts) or a list of texts."""


EducationLevel = Union[
    # No completed education.
    Literal['none'],
    # vmbo.
    Literal['vmbo'],
    # mbo level 1.
    Literal['mbo1'],
    # mbo level 2 (startkwalificatie level).
    Literal['mbo2'],
    # mbo level 3.
    Literal['mbo3'],
    # mbo level 4.
    Literal['mbo4'],
    # havo.
    Literal['havo'],
    # vwo.
    Literal['vwo'],
    # hbo.
    Literal['hbo'],
    # wo.
    Literal['wo'],
]
"""Education level (`opleidingsniveau`), ordered from `none` to `wo`."""


ErrorCode = Union[
    # The document is not JSON.
    Literal['INVALID_JSON'],
    # A field that is not part of the format.
    Literal['UNKNOWN_FIELD'],
    # A required field is absent.
    Literal['MISSING_FIELD'],
    # A value of the wrong type or outside its set (an unknown enum value).
    Literal['INVALID_VALUE'],
    # A decimal that does not parse.
    Literal['INVALID_DECIMAL'],
    # A date that does not parse (ISO `YYYY-MM-DD` is required).
    Literal['INVALID_DATE'],
    # A school year that does not parse.
    Literal['INVALID_SCHOOL_YEAR'],
    # A werktijdfactor at or below zero, or above one.
    Literal['INVALID_WTF'],
    # A date range whose end lies before its start.
    Literal['INVALID_DATE_RANGE'],
    # A pinned rule set id that does not exist.
    Literal['UNKNOWN_RULE_SET'],
    # No rule set covers the school year (before 2014-2015, or past the known rules in strict mode).
    Literal['RULES_NOT_IN_FORCE'],
    # A usage exceeds the available balance.
    Literal['INSUFFICIENT_BALANCE'],
    # The basisrecht charged for an assigned activity without the employee's consent.
    Literal['ASSIGNED_WITHOUT_CONSENT'],
    # A saving agreement outside the rule set's limits.
    Literal['SAVING_NOT_ALLOWED'],
    # A plan lifecycle transition that is not allowed.
    Literal['ILLEGAL_TRANSITION'],
    # Input beyond the documented size limits.
    Literal['LIMIT_EXCEEDED'],
]
"""The stable error codes of `domain.md` section 6 (`docs/codes.md`): strings in JSON, Python and
JavaScript, an enum in Kotlin and Swift.
"""


EventKind = Union[
    # Work on the part started.
    Literal['started'],
    # The part was completed.
    Literal['completed'],
    # The part was revisited.
    Literal['revisited'],
]
"""What happened at a part."""


FindingCode = Union[
    # A school year has no kaders in force for the school.
    Literal['KADERS_MISSING'],
    # The latest kaders were agreed more than 4 years before the as-of date.
    Literal['KADERS_EXPIRED'],
    # Kaders lack element (a), (b) or (c) of 17.2 lid 2.
    Literal['KADERS_ELEMENT_MISSING'],
    # Kaders agreed without a recorded P(G)MR consultation.
    Literal['KADERS_NO_PGMR_CONSULTATION'],
    # A handreiking-recommended section of the kaders is absent.
    Literal['KADERS_SECTION_RECOMMENDED'],
    # A school has no collective plan for the school year.
    Literal['COLLECTIVE_PLAN_MISSING'],
    # Collective plan without recorded PMR consultation.
    Literal['COLLECTIVE_PLAN_NO_PMR_CONSULTATION'],
    # A theme of the collective plan names no concrete activity.
    Literal['COLLECTIVE_PLAN_NO_ACTIVITIES'],
    # A collective-plan theme does not appear in the kaders in force.
    Literal['THEME_NOT_IN_KADERS'],
    # A theme names no target group.
    Literal['THEME_NO_TARGET_GROUP'],
    # A theme names no facilities.
    Literal['THEME_NO_FACILITIES'],
    # A theme says nothing on evaluation or accountability.
    Literal['THEME_NO_EVALUATION'],
    # A team goal lacks a measure or a deadline.
    Literal['TEAM_GOAL_NOT_SMART'],
    # A collective plan takes up no theme of the school's team and personal plans.
    Literal['COLLECTIVE_PLAN_NO_BOTTOM_UP'],
    # A goal of the personal plan in use lacks a description, a measure or a deadline.
    Literal['PERSONAL_GOAL_NOT_SMART'],
    # The use of the basisrecht in a school year was not accounted for in a conversation since.
    Literal['USE_NOT_ACCOUNTED_FOR'],
    # An employee in service for over 3 years has no personal plan.
    Literal['PERSONAL_PLAN_MISSING'],
    # The latest agreed personal plan is older than 3 years.
    Literal['PERSONAL_PLAN_EXPIRED'],
    # The personal plan expires within the notice window.
    Literal['PERSONAL_PLAN_DUE_SOON'],
    # A personal plan is used while not agreed by the manager.
    Literal['PERSONAL_PLAN_NOT_APPROVED'],
    # Element (a), (b) or (c) of 17.3 lid 2 is absent.
    Literal['PERSONAL_PLAN_ELEMENT_MISSING'],
    # No conversation-cycle meeting in the last 12 months.
    Literal['NO_YEARLY_CONVERSATION'],
    # A personal goal links to no team goal or school theme.
    Literal['GOAL_NOT_ALIGNED'],
    # An EVC-eligible employee's plan does not mention it.
    Literal['EVC_OFFER_MISSING'],
    # A startkwalificatie-eligible employee's plan does not mention it.
    Literal['STARTKWALIFICATIE_OFFER_MISSING'],
    # A personal plan charges hours or money of the basisrecht to an activity the employer
    # assigned, without the employee's consent (17.4 lid 2, 17.5 lid 2; otherwise 17.7).
    Literal['PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT'],
    # Basisrecht charged for an assigned activity without consent.
    Literal['ASSIGNED_WITHOUT_CONSENT'],
    # A usage exceeds the available balance.
    Literal['INSUFFICIENT_BALANCE'],
    # A saving agreement outside the rule set's limits.
    Literal['SAVING_NOT_ALLOWED'],
    # Concurrent appointments sum above wtf 1.0.
    Literal['WTF_ABOVE_FULL_TIME'],
    # The taakbeleid gives fewer free professionalisation hours than the basisrecht (17.8).
    Literal['TAAKBELEID_BELOW_BASISRECHT'],
    # Less than 10% of the personele lumpsum spent (17.2 lid 1).
    Literal['LUMPSUM_BELOW_10_PERCENT'],
    # The annual report over a year is missing or does not account for the spending on
    # professionalisation (17.2 lid 4); judged when the dataset records annual reports.
    Literal['ANNUAL_REPORT_NO_ACCOUNTABILITY'],
    # 70:20:10 mix: the formal share is far above 10% (advice only).
    Literal['MIX_FORMAL_HEAVY'],
    # No experience (70) activities at all.
    Literal['MIX_NO_WORKPLACE_LEARNING'],
    # A lemniscate stage saw no activity in the cycle window.
    Literal['CYCLE_STAGE_NOT_ATTENDED'],
    # A date beyond the last known rule set (lenient mode).
    Literal['RULES_OUT_OF_RANGE'],
    # A personal or team goal links to an id that does not exist.
    Literal['UNKNOWN_REFERENCE'],
]
"""The stable finding codes of `domain.md` section 6."""


KadersLevel = Union[
    # The board (for all its schools).
    Literal['board'],
    # One school.
    Literal['school'],
]
"""The level the kaders are agreed at."""


Mode = Union[
    # Use the latest rule set with a `RULES_OUT_OF_RANGE` warning.
    Literal['lenient'],
    # Refuse with `RULES_NOT_IN_FORCE`.
    Literal['strict'],
]
"""Lenient (default) or strict handling of school years past the known rules."""


Period = Union[
    # The financial (calendar) year (default).
    Literal['financial-year'],
    # The school year starting in August of `year`.
    Literal['school-year'],
]
"""The period of the 10% rule."""


PlanStatus = Union[
    # Being written.
    Literal['draft'],
    # Submitted for approval (or consultation).
    Literal['submitted'],
    # Returned for changes.
    Literal['returned'],
    # Agreed (approved by the manager; adopted after consultation of the P(G)MR / PMR).
    Literal['agreed'],
    # In use.
    Literal['active'],
    # Its term is over.
    Literal['completed'],
    # Replaced by a newer plan.
    Literal['superseded'],
]
"""The status of a plan at any level."""


ProRataReading = Union[
    # Pro rata by wtf, as the CAO parties declared on 29-03-2016 (the default).
    Literal['parties-intent'],
    # The literal reading of the Bezwarencommissie CAO-VO (2016): no pro rata for part-timers.
    Literal['bezwarencommissie-2016'],
]
"""The readings of pro rata by wtf (art. 6.1 lid 2) for the 2014-2015 rule set."""


Role = Union[
    # Bestuur.
    Literal['board'],
    # Schoolleider / directie.
    Literal['school_leader'],
    # Leidinggevende.
    Literal['manager'],
    # Team.
    Literal['team'],
    # Werknemer.
    Literal['employee'],
    # P&O.
    Literal['hr'],
    # Financiën.
    Literal['finance'],
    # P(G)MR.
    Literal['pgmr'],
    # PMR.
    Literal['pmr'],
    # Vakbonden.
    Literal['unions'],
    # Leerlingen.
    Literal['students'],
]
"""A role in the process."""


RoundingMode = Union[
    # Half away from zero (the default).
    Literal['half-up'],
    # Half to even (banker's rounding).
    Literal['half-even'],
    # Away from zero.
    Literal['up'],
    # Toward zero.
    Literal['down'],
]
"""How to round: the modes of the `rounding` policy option."""


SavingBasis = Union[
    # A deviating agreement (17.6): allowed under every rule set, any span.
    Literal['agreement'],
    # The right to save (cao-vo-2020 on): a plan and at most two school years in total.
    Literal['right'],
]
"""How a saving agreement is founded."""


SavingUnits = Union[
    # Hours and money (the default reading).
    Literal['both'],
    # Money only.
    Literal['money-only'],
]
"""Which units the right to save covers (from cao-vo-2020; not settled)."""


SchoolYear = str
"""School year 1 August - 31 July: 2014-2015 (also 2014/2015, 2014/15, 2014-15)."""


Section = Union[
    # Trends in education.
    Literal['trends'],
    # Mission, vision and strategy.
    Literal['mission_vision_strategy'],
    # HR strategy.
    Literal['hr_strategy'],
    # Development themes.
    Literal['themes'],
    # Vision on development.
    Literal['vision_on_development'],
    # Development culture.
    Literal['development_culture'],
    # Embedding.
    Literal['embedding'],
    # Facilities and budgets.
    Literal['facilities_budgets'],
    # Accountability.
    Literal['accountability'],
]
"""The handreiking's recommended sections of the kaders."""


Severity = Union[
    # Violates the CAO.
    Literal['error'],
    # Against the handreiking's advice, or likely a mistake.
    Literal['warning'],
    # Advice.
    Literal['info'],
]
"""How serious a finding is."""


SpendingCategory = Union[
    # Course and tuition fees.
    Literal['fees'],
    # Trainers and coaches.
    Literal['trainers'],
    # Travel.
    Literal['travel'],
    # Location and catering.
    Literal['location'],
    # Materials.
    Literal['materials'],
    # General costs (an e-learning licence, external support for writing the kaders).
    Literal['general'],
    # Replacement of staff in training.
    Literal['replacement'],
    # Time: hours valued at an hourly cost.
    Literal['time'],
]
"""A spending category of the 10% rule."""


Stage = Union[
    # Voorbereiding en communicatie (off the ring).
    Literal['preparation'],
    # Strategische verkenning.
    Literal['strategic_exploration'],
    # Professionaliseringskaders.
    Literal['frameworks'],
    # Collectief professionaliseringsplan (the crossing point).
    Literal['collective_plan'],
    # Ontwikkeldoelen in teams/vakgroepen/afdelingen.
    Literal['team_goals'],
    # Persoonlijke ontwikkeldoelen.
    Literal['personal_goals'],
    # Uitvoeren van opleidings- en ontwikkelactiviteiten.
    Literal['execution'],
]
"""A part of the lemniscate."""


StageStatus = Union[
    # Completed or revisited in the window.
    Literal['attended'],
    # Started but not completed in the window.
    Literal['in_progress'],
    # No activity in the window.
    Literal['missing'],
]
"""The status of a part in the window."""


TemporalProRata = Union[
    # Days of the segment inside the school year / days of the school year (the default).
    Literal['calendar-days'],
    # No reduction: the wtf averaged over the days employed, per category.
    Literal['none'],
    # Calendar months whose 1st the segment covers / 12.
    Literal['whole-months'],
]
"""Pro rata in time for appointments that do not cover the whole school year (the CAO is silent)."""


Unit = Union[
    # Clock hours (klokuren).
    Literal['hours'],
    # Euros.
    Literal['eur'],
    # A dimensionless factor (wtf, share of a year).
    Literal['factor'],
    # Days.
    Literal['days'],
    # Months.
    Literal['months'],
    # No value.
    Literal['none'],
]
"""The unit of a step's value."""


Weight = Union[
    # Hours (the default).
    Literal['hours'],
    # Cost.
    Literal['cost'],
    # Each activity counts once.
    Literal['count'],
]
"""What weighs an activity in the mix."""


class Accountability(Record):
    """Accountability figures of a school for the annual report (17.2 lid 4)."""

    __slots__ = ()

    facilities: "Spent"
    """Employer-paid facilities of assigned activities (17.7)."""

    name: "str"
    """School name."""

    planned_by_category: "Dict[str, Spent]"
    """Planned per CAO 17.1 category (`a`-`d`, `none`)."""

    planned_by_target_group: "Dict[str, Spent]"
    """Planned per target group."""

    planned_by_theme: "Dict[str, Spent]"
    """Planned in the collective plan, per theme (hours per participant, cost)."""

    school: "str"
    """School id."""

    school_year: "SchoolYear"
    """The school year."""

    share: "Optional[Decimal]"
    """The 10% share, when a lumpsum is given for the school (4 decimals)."""

    used_by_category: "Dict[str, Spent]"
    """Realised per CAO 17.1 category (classified from the activity)."""

    used_by_theme: "Dict[str, Spent]"
    """Realised from the staff's ledgers: basisrecht used per theme (`individual` when the
    activity is not one of the collective plan).
    """


class Alignment(Record):
    """The alignment report."""

    __slots__ = ()

    bottom_up: "List[ThemeCount]"
    """Themes that come up from team or personal plans but are not in the collective plan or the
    kaders: candidates for the next cycle.
    """

    coverage: "Decimal"
    """`linked / goals`, 4 decimals (0 when there are no goals)."""

    goals: "int"
    """Team and personal goals of the school year."""

    linked: "int"
    """Of those, linked to a current school theme (directly or through a team goal)."""

    orphans: "List[Orphan]"
    """Goals that link to nothing known."""

    school_year: "SchoolYear"
    """The school year of `as_of`."""

    themes: "List[ThemeCount]"
    """Theme frequency, most frequent first."""


class Amounts(Record):
    """Hours and money."""

    __slots__ = ()

    hours: "Decimal"
    """Hours."""

    money: "Decimal"
    """Money."""


class ArticleRef(Record):
    """An article reference for a rule without a value of its own (consent, lapse, ...)."""

    __slots__ = ()

    article: "str"
    """Article."""

    lid: "Optional[str]"
    """Lid."""

    provenance: "Provenance"
    """Where it comes from."""


class Balance(Record):
    """The balance of a bucket on a date."""

    __slots__ = ()

    booked: "Amounts"
    """Booked: granted and saved, less what was used."""

    bucket: "str"
    """The bucket."""

    date: "datetime.date"
    """The date."""

    free_to_plan: "Amounts"
    """Free to plan: booked less reservations."""

    reserved: "Amounts"
    """Open reservations."""


class Bilingual(Record):
    """A text in English and Dutch."""

    __slots__ = ()

    en: "str"
    """English."""

    nl: "str"
    """Dutch."""


class Board(Record):
    """The board (bevoegd gezag, stichting)."""

    __slots__ = ()

    id: "str"
    """Id."""

    name: "str"
    """Name."""


class BucketAmount(Record):
    """The hours and money of one extra bucket."""

    __slots__ = ()

    bucket: "str"
    """The bucket id, e.g. `earmarked-basic-skills`."""

    hours: "Decimal"
    """Hours."""

    label: "Bilingual"
    """A label."""

    money: "Decimal"
    """Money."""

    purpose: "Optional[str]"
    """The earmarked purpose, if any."""


class Classification(Record):
    """The answer of `classify`."""

    __slots__ = ()

    bucket: "Bucket"
    """The bucket (the one with the highest score), or `unknown`."""

    cao_17_1: "Optional[str]"
    """Its CAO 17.1 category."""

    cedefop: "Optional[Cedefop]"
    """Its Cedefop class."""

    kind: "Optional[str]"
    """The best matching kind."""

    matched: "List[Match]"
    """The terms recognised."""

    scores: "Shares"
    """Scores per bucket (shares of the matched weight)."""

    source: "Optional[str]"
    """Where the kind's mapping comes from."""


class Counts(Record):
    """Counts of findings per severity."""

    __slots__ = ()

    error: "int"
    """Errors."""

    info: "int"
    """Advice."""

    warning: "int"
    """Warnings."""


class CycleStatus(CycleStatusMethods):
    """The answer of `cycle_status`."""

    __slots__ = ()

    as_of: "datetime.date"
    """The as-of date."""

    attended: "List[Stage]"
    """Parts attended in the window, canonical order."""

    complete: "bool"
    """All six ring parts attended."""

    cycles: "int"
    """Completed cycles over all events (all six ring parts attended since the previous one)."""

    findings: "List[Finding]"
    """`CYCLE_STAGE_NOT_ATTENDED` per missing part."""

    missing: "List[Stage]"
    """Ring parts not attended, canonical order."""

    next: "List[Stage]"
    """Suggested next parts: uncovered ring neighbours of the last attended part; when both are
    covered, the first uncovered part in each direction.
    """

    participation: "List[ParticipationCheck]"
    """Required participation (P(G)MR at the kaders, PMR at the collective plan)."""

    stages: "List[Tuple[Stage, StageStatus]]"
    """The status of every part."""

    window_start: "datetime.date"
    """First day of the widest window (each part's own window is in its finding's data)."""


class Dated(Record):
    """A dated value with provenance (a rule set's start or known end)."""

    __slots__ = ()

    provenance: "Provenance"
    """Where it comes from."""

    value: "datetime.date"
    """The date."""


class Eligibility(Record):
    """The answer of `eligibility`."""

    __slots__ = ()

    evc: "bool"
    """May follow an EVC-traject now."""

    evc_next_date: "Optional[datetime.date]"
    """When a repeat becomes possible (last EVC + the repeat interval), for an eligible level."""

    explanation: "List[Step]"
    """Why."""

    rule_set: "str"
    """The rule set applied."""

    startkwalificatie: "bool"
    """Entitled to a startkwalificatie at the employer's cost."""


class Entitlement(Record):
    """The entitlement of one employee in one school year."""

    __slots__ = ()

    explanation: "Optional[Explanation]"
    """The explanation, when asked for."""

    extra: "List[BucketAmount]"
    """Extra buckets (earmarked or conditional)."""

    hours: "Decimal"
    """Hours of the free basisrecht."""

    information: "List[Information]"
    """Information of the rule set that concerns the employee (e.g. the induction programme)."""

    money: "Decimal"
    """Money of the free basisrecht."""

    pro_rata: "ProRataReading"
    """The reading of pro rata by wtf applied."""

    receipt: "Optional[Receipt]"
    """The receipt, when an explanation was asked for."""

    rule_set: "str"
    """The rule set applied."""

    school_year: "SchoolYear"
    """The school year."""

    warnings: "List[Finding]"
    """Warnings: `WTF_ABOVE_FULL_TIME`, `RULES_OUT_OF_RANGE`."""


class Error(Record):
    """An error as JSON: code, path, the texts in both languages and the message's id and arguments."""

    __slots__ = ()

    code: "ErrorCode"
    """The stable code (`docs/codes.md`)."""

    message: "Message"
    """The message behind both texts: its id and arguments."""

    message_en: "str"
    """The message in English."""

    message_nl: "str"
    """The message in Dutch."""

    path: "str"
    """JSON Pointer to the offending value, or to the event or line that cannot be applied."""


class Evc(Record):
    """EVC (17.3 lid 3)."""

    __slots__ = ()

    max_level: "EducationLevel"
    """The highest education level that is eligible."""

    repeat_years: "int"
    """Years after the last EVC before it may be repeated."""


class Expiring(Record):
    """An amount that lapses soon."""

    __slots__ = ()

    amounts: "Amounts"
    """What lapses then unless used."""

    bucket: "str"
    """The bucket."""

    granted_in: "SchoolYear"
    """The school year of the grant."""

    lapses_after: "datetime.date"
    """The last day it may be used."""


class Explanation(Record):
    """An ordered list of steps with the rule set choice."""

    __slots__ = ()

    selection: "Selection"
    """Which rule set and why."""

    steps: "List[Step]"
    """The steps, in order."""


class ExtraBucket(Record):
    """An extra bucket of hours and money beside the free basisrecht."""

    __slots__ = ()

    article: "Optional[str]"
    """Article."""

    category: "Category"
    """The category it is granted to."""

    condition: "BucketCondition"
    """When it is granted."""

    from_school_year: "SchoolYear"
    """The first school year it applies to."""

    hours: "Decimal"
    """Hours for a full-time, full-year appointment."""

    id: "str"
    """Stable id, e.g. `earmarked-basic-skills`."""

    label: "Bilingual"
    """A label."""

    lid: "Optional[str]"
    """Lid."""

    money: "Decimal"
    """Money for a full-time, full-year appointment."""

    pro_rata: "bool"
    """Whether it is pro rata by wtf and time like the basisrecht."""

    provenance: "Provenance"
    """Where it comes from."""

    purpose: "Optional[str]"
    """The earmarked purpose (usage must name it), null when free."""


class Facilities(Record):
    """Employer-paid facilities of assigned activities (17.7) in a school year."""

    __slots__ = ()

    activities: "List[str]"
    """The activities."""

    school_year: "SchoolYear"
    """The school year."""

    total: "Amounts"
    """Totals (not pro rata by wtf: 17.7 lid 3)."""


class Finding(Record):
    """A finding as JSON: its texts in both languages beside the message's id and arguments."""

    __slots__ = ()

    code: "FindingCode"
    """The stable code (`docs/codes.md`)."""

    data: "Dict[str, DataValue]"
    """Structured data (dates, amounts as strings, ids)."""

    message: "Message"
    """The message behind both texts: its id and arguments."""

    message_en: "str"
    """What the finding says, in English."""

    message_nl: "str"
    """What the finding says, in Dutch."""

    path: "str"
    """JSON Pointer into the input."""

    severity: "Severity"
    """The severity."""

    source: "FindingSource"
    """Where the rule comes from."""


class FindingSource(FindingSourceMethods):
    """Where a finding's rule comes from: a rule set article, or a handreiking section."""

    __slots__ = ()

    article: "Optional[str]"
    """Article in that rule set's numbering."""

    confidence: "Optional[Confidence]"
    """How sure the article number is in this rule set (`inferred`: renumbered by analogy)."""

    handreiking: "Optional[str]"
    """A handreiking section, for advice."""

    lid: "Optional[str]"
    """Lid."""

    rule_set: "Optional[str]"
    """Rule set id, for CAO rules."""


class Information(Record):
    """Information a rule set carries that is not an amount (the induction programme)."""

    __slots__ = ()

    category: "Optional[Category]"
    """The category it concerns."""

    en: "str"
    """English text."""

    from_school_year: "Optional[SchoolYear]"
    """First school year it applies to."""

    id: "str"
    """Id."""

    nl: "str"
    """Dutch text."""

    provenance: "Provenance"
    """Where it comes from."""


class LedgerResult(LedgerResultMethods):
    """The ledger's answer."""

    __slots__ = ()

    balances: "List[Balance]"
    """The balance of every bucket at `as_of`."""

    bucket_statements: "List[Statement]"
    """The statements of extra buckets (earmarked or conditional), per school year asked."""

    expiring: "List[Expiring]"
    """What lapses within the window after `as_of`."""

    facilities: "List[Facilities]"
    """Employer-paid facilities per school year asked."""

    free_to_plan: "Amounts"
    """Free to plan of the free basisrecht at `as_of` (after reservations)."""

    receipt: "Optional[Receipt]"
    """The receipt."""

    statements: "List[Statement]"
    """The free basisrecht's statements, one per school year asked."""

    warnings: "List[Finding]"
    """Warnings from the entitlements (`RULES_OUT_OF_RANGE`, `WTF_ABOVE_FULL_TIME`)."""


class LineError(Record):
    """A refusal on one employee's line (the rest of the report goes on)."""

    __slots__ = ()

    code: "str"
    """The code."""

    message_en: "str"
    """English."""

    message_nl: "str"
    """Dutch."""

    path: "str"
    """The path in the dataset."""


class LumpsumLine(Record):
    """The 10% rule of a school or the board."""

    __slots__ = ()

    name: "str"
    """Its name."""

    result: "LumpsumResult"
    """The result."""

    school: "str"
    """School id, or the board id."""


class LumpsumResult(Record):
    """The answer of `lumpsum`."""

    __slots__ = ()

    compliant: "bool"
    """At least the minimum share was spent."""

    explanation: "List[Step]"
    """Why."""

    findings: "List[Finding]"
    """`LUMPSUM_BELOW_10_PERCENT` when not compliant."""

    minimum_share: "Decimal"
    """The minimum share (10%)."""

    per_category: "Dict[str, Decimal]"
    """Totals per category, in euros rounded to the cent."""

    rule_set: "str"
    """The rule set applied."""

    share: "Decimal"
    """Total / personele lumpsum, 4 decimals half-up."""

    shortfall: "Decimal"
    """What is missing to the minimum, in euros rounded to the cent (0.00 when compliant)."""

    total: "Decimal"
    """Total spent (money and valued time), in euros rounded to the cent."""


class Match(Record):
    """A term the classifier recognised."""

    __slots__ = ()

    bucket: "Bucket"
    """The kind's bucket."""

    kind: "str"
    """The kind it points to."""

    term: "str"
    """The keyword (normalised)."""


class Message(Record):
    """A message of the catalogue: its id and its arguments in machine formats (decimal strings, ISO dates, ids), for a host that renders it with texts of its own."""

    __slots__ = ()

    args: "Dict[str, Any]"
    """The arguments by name."""

    id: "str"
    """The message id, e.g. `explain.wtf_applied` (see `docs/messages.md`)."""


class Mix(MixMethods):
    """The answer of `mix`."""

    __slots__ = ()

    activities: "List[Classification]"
    """The classification of each activity."""

    findings: "List[Finding]"
    """Advice (`info`): `MIX_FORMAL_HEAVY`, `MIX_NO_WORKPLACE_LEARNING`."""

    shares: "Shares"
    """Shares per bucket (4 decimals)."""

    target: "Target"
    """The target."""

    tolerance: "Decimal"
    """The tolerance used."""

    total: "Decimal"
    """Total weight (hours, cost or count)."""

    weight: "Weight"
    """The weight used."""


class Orphan(Record):
    """A goal that links to nothing known."""

    __slots__ = ()

    goal: "str"
    """The goal id."""

    level: "str"
    """`team` or `personal`."""

    owner: "str"
    """The team or employee id."""

    path: "str"
    """JSON Pointer to the goal."""


class Param_Decimal(Record):
    """A value with its article reference (numbering of that rule set's CAO) and provenance."""

    __slots__ = ()

    article: "Optional[str]"
    """Article, e.g. `17.4`."""

    lid: "Optional[str]"
    """Lid (paragraph), e.g. `1`."""

    provenance: "Provenance"
    """Where it comes from."""

    value: "Decimal"
    """The value."""


class Param_Evc(Record):
    """A value with its article reference (numbering of that rule set's CAO) and provenance."""

    __slots__ = ()

    article: "Optional[str]"
    """Article, e.g. `17.4`."""

    lid: "Optional[str]"
    """Lid (paragraph), e.g. `1`."""

    provenance: "Provenance"
    """Where it comes from."""

    value: "Evc"
    """The value."""


class Param_ProRata(Record):
    """A value with its article reference (numbering of that rule set's CAO) and provenance."""

    __slots__ = ()

    article: "Optional[str]"
    """Article, e.g. `17.4`."""

    lid: "Optional[str]"
    """Lid (paragraph), e.g. `1`."""

    provenance: "Provenance"
    """Where it comes from."""

    value: "ProRata"
    """The value."""


class Param_Saving(Record):
    """A value with its article reference (numbering of that rule set's CAO) and provenance."""

    __slots__ = ()

    article: "Optional[str]"
    """Article, e.g. `17.4`."""

    lid: "Optional[str]"
    """Lid (paragraph), e.g. `1`."""

    provenance: "Provenance"
    """Where it comes from."""

    value: "Saving"
    """The value."""


class Param_Startkwalificatie(Record):
    """A value with its article reference (numbering of that rule set's CAO) and provenance."""

    __slots__ = ()

    article: "Optional[str]"
    """Article, e.g. `17.4`."""

    lid: "Optional[str]"
    """Lid (paragraph), e.g. `1`."""

    provenance: "Provenance"
    """Where it comes from."""

    value: "Startkwalificatie"
    """The value."""


class Param_uint32(Record):
    """A value with its article reference (numbering of that rule set's CAO) and provenance."""

    __slots__ = ()

    article: "Optional[str]"
    """Article, e.g. `17.4`."""

    lid: "Optional[str]"
    """Lid (paragraph), e.g. `1`."""

    provenance: "Provenance"
    """Where it comes from."""

    value: "int"
    """The value."""


class ParameterLine(Record):
    """One parameter of the rule set in force, with its provenance."""

    __slots__ = ()

    article: "str"
    """Article and lid."""

    article_confidence: "Confidence"
    """How sure the article number is (weaker than `confidence` where a stated amount sits under
    a number renumbered by analogy).
    """

    confidence: "Confidence"
    """How sure the value is."""

    label: "Bilingual"
    """The parameter's name for people, in English and Dutch."""

    name: "str"
    """The parameter name (its id)."""

    shown: "Bilingual"
    """Its value for people, in English and Dutch (`€ 600,00`, `10%`, `3 jaar`)."""

    source: "str"
    """The source document's title."""

    url: "Optional[str]"
    """Its address, when verified."""

    value: "str"
    """Its value as text (machine form: decimals with a point, ids)."""


class Parameters(Record):
    """The resolved parameters of a rule set: every value present, with its provenance."""

    __slots__ = ()

    collective_min_share: "Param_Decimal"
    """Minimum share of the personele lumpsum spent on professionalisation (17.2 lid 1)."""

    evc: "Param_Evc"
    """EVC (17.3 lid 3)."""

    extra_buckets: "List[ExtraBucket]"
    """Extra buckets beside the free basisrecht."""

    kaders_max_years: "Param_uint32"
    """Maximum age of the kaders in years (17.2 lid 2)."""

    management_hours: "Param_Decimal"
    """Hours of management (none in the CAO)."""

    management_money: "Param_Decimal"
    """Money of management (none in the CAO)."""

    normjaartaak_hours: "Param_Decimal"
    """The full-time normjaartaak in hours."""

    personal_plan_max_years: "Param_uint32"
    """Maximum age of a personal plan in years (17.3 lid 1)."""

    pro_rata: "Param_ProRata"
    """The readings of pro rata by wtf (6.1 lid 2)."""

    saving: "Param_Saving"
    """Saving (17.6)."""

    startkwalificatie: "Param_Startkwalificatie"
    """Startkwalificatie (17.3 lid 4)."""

    support_hours: "Param_Decimal"
    """Basisrecht hours of full-time support staff (17.4 lid 3)."""

    support_money: "Param_Decimal"
    """Basisrecht money of support staff (17.5 lid 3)."""

    teacher_hours: "Param_Decimal"
    """Basisrecht hours of a full-time teacher (17.4 lid 1)."""

    teacher_money: "Param_Decimal"
    """Basisrecht money of a teacher (17.5 lid 1)."""


class ParticipationCheck(Record):
    """Whether the participation the CAO requires at a part happened."""

    __slots__ = ()

    present: "bool"
    """Whether an event of the part in the window names it."""

    required: "str"
    """The body required (`pgmr` or `pmr`)."""

    stage: "Stage"
    """The part (`frameworks` or `collective_plan`)."""


class ProRata(Record):
    """Which readings of pro rata a rule set allows, and its default."""

    __slots__ = ()

    default: "ProRataReading"
    """The default reading."""

    interpretations: "List[ProRataReading]"
    """The allowed readings."""


class Provenance(Record):
    """Where a value comes from."""

    __slots__ = ()

    article_confidence: "Optional[Confidence]"
    """How sure the article number is, where it differs from the value's confidence (an amount
    a source states, under an article number renumbered by analogy).
    """

    confidence: "Confidence"
    """How sure."""

    note: "Optional[str]"
    """A remark, e.g. which part is inferred."""

    source: "str"
    """The id of a source document of the rule book (its `sources`)."""


class Receipt(Record):
    """What a vendor needs to reproduce a result exactly."""

    __slots__ = ()

    as_of: "Optional[str]"
    """The as-of date, when the operation has one."""

    input_hash: "str"
    """SHA-256 of the typed input (its defaults filled in) in the library's binary encoding, as 64
    lowercase hex digits: the same input gives the same hash in every host.
    """

    library: "str"
    """`lemniscaat <version>`."""

    options: "Dict[str, str]"
    """Interpretation and policy options in force, by name."""

    rule_set: "str"
    """The rule set id."""

    rule_set_hash: "str"
    """SHA-256 of the rule set's resolved parameters."""


class Report(ReportMethods):
    """The report."""

    __slots__ = ()

    accountability: "List[Accountability]"
    """Accountability figures per school."""

    alignment: "Alignment"
    """Alignment and rode draden."""

    as_of: "datetime.date"
    """The as-of date."""

    board: "Board"
    """The board."""

    counts: "Counts"
    """Counts per severity."""

    cycle: "CycleStatus"
    """The lemniscate."""

    findings: "List[Finding]"
    """Findings, errors first."""

    lumpsum: "List[LumpsumLine]"
    """The 10% rule."""

    mix: "List[SchoolMix]"
    """70:20:10 per school."""

    rule_set: "RuleSetSummary"
    """The rule set in force."""

    school_year: "SchoolYear"
    """The school year of the as-of date."""

    staff: "List[StaffLine]"
    """Entitlement and balance per employee."""


class RuleSet(Record):
    """A resolved rule set: every parameter, article and information item in force."""

    __slots__ = ()

    articles: "Dict[str, ArticleRef]"
    """All article references by rule key."""

    hash: "str"
    """SHA-256 (hex) of the resolved parameters, articles and id: the receipt's rule-set hash."""

    id: "str"
    """Id (shared by every explanation step and receipt that cites it)."""

    in_force_from: "Dated"
    """First day in force."""

    information: "List[Information]"
    """Information items."""

    known_until: "Optional[Dated]"
    """Known last day."""

    name: "str"
    """Name."""

    parameters: "Parameters"
    """All parameters."""

    summary: "Bilingual"
    """What changed."""


class RuleSetSummary(Record):
    """The rule set in force and why."""

    __slots__ = ()

    id: "str"
    """Id."""

    in_force_from: "datetime.date"
    """In force from."""

    information: "List[Information]"
    """Information items."""

    name: "str"
    """Name."""

    parameters: "List[ParameterLine]"
    """Its main parameters with provenance."""

    selection: "Selection"
    """Why it applies."""


class Saving(Record):
    """Saving (17.6): by agreement, and from 2020 as a right."""

    __slots__ = ()

    agreement: "bool"
    """Deviating agreements ("afwijkende afspraken") are allowed, with any term."""

    right: "Optional[SavingRight]"
    """The right to save, when the rule set has one."""


class SavingRight(Record):
    """The right to save (from cao-vo-2020)."""

    __slots__ = ()

    default: "SavingUnits"
    """The default reading."""

    interpretations: "List[SavingUnits]"
    """The readings of which units it covers."""

    max_years: "int"
    """School years in total, the `from` year included."""

    requires_plan: "bool"
    """A plan must underlie it."""


class SchoolMix(Record):
    """The 70:20:10 mix of a school."""

    __slots__ = ()

    mix: "Mix"
    """The mix of the collective plan and the personal plans of its staff."""

    name: "str"
    """School name."""

    school: "str"
    """School id."""


class Selection(Record):
    """A selection as JSON: its texts in both languages beside the message's id and arguments."""

    __slots__ = ()

    en: "str"
    """Why, in English."""

    message: "Message"
    """The message behind both texts: its id and arguments."""

    nl: "str"
    """Why, in Dutch."""

    out_of_range: "bool"
    """Whether the school year lies past the known rules."""

    reason: "str"
    """`in-force` (latest in force on 1 August), `pinned` or `out-of-range` (lenient mode)."""

    rule_set: "str"
    """The rule set id."""


class Shares(Record):
    """Shares per bucket (4 decimals)."""

    __slots__ = ()

    experience: "Decimal"
    """Experience (70)."""

    formal: "Decimal"
    """Formal (10)."""

    social: "Decimal"
    """Social (20)."""

    unknown: "Decimal"
    """Not recognised."""


class SourceRule(Record):
    """A rule of a rule set: article and lid in that rule set's numbering.

    A variant of ``Source``.
    """

    __slots__ = ()

    article: "Optional[str]"
    """Article, e.g. `17.4`."""

    article_confidence: "Optional[Confidence]"
    """Confidence of the article number, where it is weaker than the value's (a stated amount
    under an article number inferred by analogy).
    """

    confidence: "Confidence"
    """Confidence of the value."""

    document: "str"
    """Id of the source document."""

    kind: "Literal['rule']"

    lid: "Optional[str]"
    """Lid, e.g. `1`."""

    rule_set: "str"
    """Rule set id."""


class SourcePolicy(Record):
    """A policy option of the library (`policy:<option>=<value>`), where the CAO is silent.

    A variant of ``Source``.
    """

    __slots__ = ()

    default: "bool"
    """Whether it is the library's default."""

    kind: "Literal['policy']"

    option: "str"
    """Option name, e.g. `temporal_pro_rata`."""

    value: "str"
    """Its value, e.g. `calendar-days`."""


class SourceInterpretation(Record):
    """An interpretation of a disputed rule.

    A variant of ``Source``.
    """

    __slots__ = ()

    article: "Optional[str]"
    """Article."""

    document: "str"
    """Id of the source document of the reading."""

    id: "str"
    """Interpretation id, e.g. `parties-intent`."""

    kind: "Literal['interpretation']"

    lid: "Optional[str]"
    """Lid."""

    rule_set: "str"
    """Rule set id."""


class SourceInput(Record):
    """A value of the input, at a JSON Pointer path.

    A variant of ``Source``.
    """

    __slots__ = ()

    kind: "Literal['input']"

    path: "str"
    """The path."""


class SourceComputation(Record):
    """Arithmetic on earlier steps.

    A variant of ``Source``.
    """

    __slots__ = ()

    kind: "Literal['computation']"


class Spent(Record):
    """Hours and money."""

    __slots__ = ()

    hours: "Decimal"
    """Hours."""

    money: "Decimal"
    """Money."""


class StaffLine(Record):
    """One employee's entitlement and balance in the school year."""

    __slots__ = ()

    available_hours: "Decimal"
    """Available on the as-of date (hours)."""

    available_money: "Decimal"
    """Available on the as-of date (money)."""

    categories: "List[str]"
    """Categories held in the year."""

    employee: "str"
    """Employee id."""

    error: "Optional[LineError]"
    """A refusal of the ledger, if any."""

    expiring_hours: "Decimal"
    """Lapsing within 90 days (hours)."""

    expiring_money: "Decimal"
    """Lapsing within 90 days (money)."""

    extra: "List[BucketAmount]"
    """Extra buckets granted."""

    facility_hours: "Decimal"
    """Employer-paid facilities (17.7) in the year: hours."""

    granted_hours: "Decimal"
    """Granted hours (free basisrecht)."""

    granted_money: "Decimal"
    """Granted money."""

    name: "str"
    """Name."""

    opening_hours: "Decimal"
    """Saved balance brought in (hours)."""

    opening_money: "Decimal"
    """Saved balance brought in (money)."""

    school: "Optional[str]"
    """School."""

    used_hours: "Decimal"
    """Used so far (hours)."""

    used_money: "Decimal"
    """Used so far (money)."""


class Startkwalificatie(Record):
    """Startkwalificatie (17.3 lid 4)."""

    __slots__ = ()

    below_level: "EducationLevel"
    """Employees below this level are eligible."""


class Statement(Record):
    """The statement of one bucket in one school year."""

    __slots__ = ()

    bucket: "str"
    """The bucket: `basisrecht` or an extra bucket id."""

    explanation: "List[Step]"
    """Each line explained, with its article."""

    hours: "UnitStatement"
    """Hours."""

    money: "UnitStatement"
    """Money."""

    rule_set: "str"
    """The rule set of the year."""

    school_year: "SchoolYear"
    """The school year."""


class Step(Record):
    """A step as JSON: its texts in both languages beside the message's id and arguments."""

    __slots__ = ()

    amount: "str"
    """Which amount it belongs to: `hours`, `money`, or a bucket id with the unit
    (`earmarked-basic-skills/hours`); empty for steps that concern the whole result.
    """

    en: "str"
    """What the step says, in English."""

    message: "Message"
    """The message behind both texts: its id and arguments."""

    nl: "str"
    """What the step says, in Dutch."""

    source: "Source"
    """Where the value comes from."""

    step: "str"
    """What the step is: `base`, `wtf`, `time`, `segment`, `sum`, `rounding`, `rule_set`, ..."""

    unit: "Unit"
    """The unit of the value."""

    value: "Optional[Decimal]"
    """The value, when the step has one."""


class Target(Record):
    """The target mix (default 0.70 / 0.20 / 0.10)."""

    __slots__ = ()

    experience: "Decimal"
    """Experience share."""

    formal: "Decimal"
    """Formal share."""

    social: "Decimal"
    """Social share."""


class ThemeCount(Record):
    """How often a theme comes back in the team and personal plans of the school year."""

    __slots__ = ()

    in_collective_plan: "bool"
    """In a collective plan of the school year."""

    in_kaders: "bool"
    """In the kaders in force."""

    name: "Optional[str]"
    """Its name, when known."""

    personal_goals: "int"
    """Personal goals linked to it (directly, or through a team goal)."""

    team_goals: "int"
    """Team goals linked to it."""

    theme: "str"
    """The theme id."""


class UnitStatement(Record):
    """One unit's movement in one school year."""

    __slots__ = ()

    adjusted: "Decimal"
    """Adjusted (signed)."""

    carried: "Decimal"
    """Saved onward into the next school year."""

    granted: "Decimal"
    """Granted on 1 August (or pro rata at the start of an appointment)."""

    lapsed: "Decimal"
    """Lapsed after 31 July."""

    opening: "Decimal"
    """Saved balances brought in."""

    used: "Decimal"
    """Used."""


class ValidationReport(ValidationReportMethods):
    """The answer of `validate`."""

    __slots__ = ()

    alignment: "Alignment"
    """Alignment and rode draden."""

    as_of: "datetime.date"
    """The date judged on."""

    counts: "Counts"
    """Counts per severity."""

    findings: "List[Finding]"
    """The findings, errors first, then by path."""

    rule_set: "str"
    """The rule set applied."""

    school_year: "SchoolYear"
    """The school year of `as_of`."""


class ActivityKind(TypedDict):
    """An activity kind of the taxonomy."""

    bucket: "Bucket"
    """Its 70:20:10 bucket."""

    cao_17_1: NotRequired["Optional[str]"]
    """Its CAO 17.1 category (`a`-`d`), if any."""

    cedefop: "Cedefop"
    """Its Cedefop class."""

    id: "str"
    """Stable id, e.g. `intervision`."""

    keywords: NotRequired["Keywords"]
    """Keywords for free text."""

    label: "BilingualInput"
    """Labels."""

    source: "str"
    """Where the mapping comes from."""


class AnnualReport(TypedDict):
    """(Added) the board's annual report (jaarverslag) over a calendar year, as far as 17.2 lid 4
    goes: whether it accounts for the spending on professionalisation.
    """

    accounts_for_professionalisation: "bool"
    """Whether it accounts for the spending of the means for professionalisation."""

    year: "int"
    """The calendar year the report covers."""


class Appointment(TypedDict):
    """An appointment: category, wtf, start and end, both inclusive (tot en met); end null while running."""

    category: "Category"

    end: NotRequired["Optional[DateIn]"]

    school: NotRequired["Optional[str]"]

    start: "DateIn"

    wtf: "DecimalIn"


class BilingualInput(TypedDict):
    """A text in English and Dutch."""

    en: "str"
    """English."""

    nl: "str"
    """Dutch."""


class BoardInput(TypedDict):
    """The board (bevoegd gezag, stichting)."""

    id: "str"
    """Id."""

    name: "str"
    """Name."""


class Cap(TypedDict):
    """Caps of a saving agreement per unit (absent or null: no cap)."""

    hours: NotRequired["Optional[DecimalIn]"]
    """Cap on hours."""

    money: NotRequired["Optional[DecimalIn]"]
    """Cap on money."""


class ClassifyInput(TypedDict):
    """The input of `classify` (the shape of `classification.json`): a kind id or free text."""

    kind: NotRequired["Optional[str]"]
    """An activity kind id."""

    language: NotRequired["Optional[str]"]
    """`nl` or `en`: restricts the keywords; default both."""

    taxonomy: NotRequired["Sequence[ActivityKind]"]
    """Kinds to add to or replace in the built-in taxonomy."""

    text: NotRequired["Optional[str]"]
    """Free text (Dutch or English)."""


class CollectivePlan(TypedDict):
    """The collective professionalisation plan of a school for a school year (17.2 lid 3)."""

    agreed_on: NotRequired["Optional[DateIn]"]
    """(Added) the day it was agreed."""

    consultations: NotRequired["Sequence[Consultation]"]
    """Consultations of the PMR."""

    history: NotRequired["Sequence[Transition]"]
    """(Added) the lifecycle transitions so far."""

    id: "str"
    """Id."""

    school: "str"
    """The school."""

    school_year: "SchoolYear"
    """The school year."""

    status: "PlanStatus"
    """Lifecycle status."""

    themes: NotRequired["Sequence[PlanTheme]"]
    """Themes."""


class Consultation(TypedDict):
    """A recorded consultation of a participation body."""

    body: "Body"
    """The body."""

    date: "DateIn"
    """The day."""


class Conversation(TypedDict):
    """A conversation of the conversation cycle (gesprekkencyclus)."""

    accounted_for: NotRequired["Sequence[SchoolYear]"]
    """(Added) the school years whose use of the basisrecht the employee accounted for in this
    conversation (17.4 lid 4).
    """

    date: "DateIn"
    """The day."""

    kind: NotRequired["str"]
    """Kind: development, performance, appraisal, ..."""


class CycleEvent(TypedDict):
    """An event of the tracker."""

    artefact: NotRequired["Optional[str]"]
    """An artefact, e.g. a plan id."""

    date: "DateIn"
    """The day."""

    kind: "EventKind"
    """What happened."""

    roles: NotRequired["Sequence[str]"]
    """Roles involved (`board`, `pgmr`, `pmr`, `school_leader`, `team`, `employee`, ...)."""

    stage: "Stage"
    """The part."""


class CycleInput(TypedDict):
    """The input of `cycle_status` (the shape of `cycle.json`)."""

    as_of: "DateIn"
    """The date of the question."""

    cycle_start: NotRequired["Optional[DateIn]"]
    """Count from this cycle start instead of a window."""

    events: "Sequence[CycleEvent]"
    """The events."""

    window_months: NotRequired["Optional[int]"]
    """One window in months before `as_of` for every part (default: each part's own period: 48
    months for the strategic exploration and the kaders, 36 for the personal goals, 12 for the
    others).
    """


class Dataset(TypedDict):
    """A board's dataset."""

    annual_reports: NotRequired["Sequence[AnnualReport]"]
    """(Added) the board's annual reports (17.2 lid 4); judged only when the dataset records any."""

    as_of: "DateIn"
    """The date the dataset is judged on."""

    board: "BoardInput"
    """The board."""

    collective_plans: NotRequired["Sequence[CollectivePlan]"]
    """Collective plans."""

    cycle_events: NotRequired["Sequence[CycleEvent]"]
    """Lemniscate cycle events."""

    employees: NotRequired["Sequence[Employee]"]
    """Employees."""

    kaders: NotRequired["Sequence[Kaders]"]
    """Kaders."""

    lumpsum: NotRequired["Optional[LumpsumInput]"]
    """The 10% rule input for the board, or null."""

    options: NotRequired["Options"]
    """(Added) entitlement options."""

    rule_set: NotRequired["Optional[str]"]
    """(Added) pin a rule set."""

    school_lumpsums: NotRequired["Sequence[SchoolLumpsum]"]
    """(Added) the 10% rule per school."""

    schools: NotRequired["Sequence[School]"]
    """Schools."""

    settings: NotRequired["Settings"]
    """(Added) validation settings."""

    teams: NotRequired["Sequence[Team]"]
    """Teams."""


class EligibilityInput(TypedDict):
    """The input of `eligibility` (the shape of `eligibility.json`)."""

    as_of: "DateIn"
    """The date of the question."""

    education_level: "EducationLevel"
    """The employee's education level."""

    last_evc: NotRequired["Optional[DateIn]"]
    """The date of the last EVC-traject, if any."""

    rule_set: NotRequired["Optional[str]"]
    """Pin a rule set by id."""

    school_year: NotRequired["Optional[SchoolYear]"]
    """The school year whose rule set applies (default: the one containing `as_of`)."""


class Employee(TypedDict):
    """An employee with appointments, plans, conversations and ledger."""

    appointments: NotRequired["Sequence[Appointment]"]
    """Appointments."""

    conversations: NotRequired["Sequence[Conversation]"]
    """Conversations."""

    education_level: NotRequired["Optional[EducationLevel]"]
    """Education level (for EVC and startkwalificatie)."""

    id: "str"
    """Id."""

    last_evc: NotRequired["Optional[DateIn]"]
    """Date of the last EVC-traject."""

    ledger: NotRequired["Sequence[LedgerEvent]"]
    """Ledger events."""

    name: NotRequired["Optional[str]"]
    """Name."""

    personal_plans: NotRequired["Sequence[PersonalPlan]"]
    """Personal plans."""

    school: NotRequired["Optional[str]"]
    """The school."""

    taakbeleid: NotRequired["Sequence[Taakbeleid]"]
    """(Added) the jaartaak's professionalisation hours per school year (17.8)."""

    team: NotRequired["Optional[str]"]
    """The team."""


class EntitlementInput(TypedDict):
    """The input of `entitlement`: one employee, one school year (the shape of `entitlement.json`)."""

    appointments: "Sequence[Appointment]"
    """The employee's appointments (any order; those outside the school year count zero)."""

    explain: NotRequired["bool"]
    """Build the explanation and receipt (default true; batch callers may switch it off)."""

    options: NotRequired["Options"]
    """Interpretation and policy options."""

    rule_set: NotRequired["Optional[str]"]
    """Pin a rule set by id instead of selecting it by date."""

    school_year: "SchoolYear"
    """The school year."""

    support_extension_plan: NotRequired["bool"]
    """The employee's current personal plan asks for the support-staff extension (2023-2024 on)."""


class Kaders(TypedDict):
    """Professionaliseringskaders (17.2 lid 2)."""

    agreed_on: NotRequired["Optional[DateIn]"]
    """The day they were agreed."""

    consultations: NotRequired["Sequence[Consultation]"]
    """Consultations of the P(G)MR."""

    demands_and_vision: NotRequired["str"]
    """Element (c): how the goals relate to the demands on the organisation and its vision."""

    facilities: NotRequired["str"]
    """Element (b): how facilities are made available."""

    goals: NotRequired["str"]
    """Element (a): the development goals of organisation and employees in relation."""

    history: NotRequired["Sequence[Transition]"]
    """(Added) the lifecycle transitions so far."""

    id: "str"
    """Id."""

    level: "KadersLevel"
    """Board or school level."""

    school: NotRequired["Optional[str]"]
    """The school, for school-level kaders."""

    sections: NotRequired["Sequence[Section]"]
    """Recommended sections present."""

    status: "PlanStatus"
    """Lifecycle status."""

    themes: NotRequired["Sequence[Theme]"]
    """Development themes."""


class Keywords(TypedDict):
    """Keywords of a kind per language."""

    en: NotRequired["Sequence[str]"]
    """English."""

    nl: NotRequired["Sequence[str]"]
    """Dutch."""


class LedgerEventUsage(TypedDict):
    """Use of the balance for an activity.

    A variant of ``LedgerEvent``.
    """

    activity: "str"
    """The activity it was spent on (17.4 lid 4: accounted for in the conversation cycle)."""

    assigned: NotRequired["bool"]
    """The activity was assigned (opgedragen) by the employer."""

    bucket: NotRequired["Optional[str]"]
    """An extra bucket to draw from instead of the free basisrecht."""

    consent: NotRequired["bool"]
    """The employee consented to charging it to the basisrecht."""

    date: "DateIn"
    """The day."""

    hours: "DecimalIn"
    """Hours used."""

    money: "DecimalIn"
    """Money used."""

    type: "Literal['usage']"


LedgerEventSaving = TypedDict(
    "LedgerEventSaving",
    {
        # Agreement or right.
        "basis": "SavingBasis",
        # The bucket saved (default the free basisrecht).
        "bucket": NotRequired["Optional[str]"],
        # Caps per unit.
        "cap": NotRequired["Cap"],
        # The school year whose remaining balance is saved.
        "from": "SchoolYear",
        # The plan that underlies it.
        "plan": NotRequired["Optional[str]"],
        "type": "Literal['saving']",
        # Which units.
        "units": "Sequence[BalanceUnit]",
        # The last school year it may be used in.
        "until": "SchoolYear",
    },
)
"""A saving agreement (spaarafspraak).

A variant of ``LedgerEvent``.
"""


class LedgerEventAdjustment(TypedDict):
    """A signed correction with a reason.

    A variant of ``LedgerEvent``.
    """

    bucket: NotRequired["Optional[str]"]
    """The bucket (default the free basisrecht)."""

    date: "DateIn"
    """The day."""

    hours: "DecimalIn"
    """Hours (signed)."""

    money: "DecimalIn"
    """Money (signed)."""

    reason: "str"
    """Why."""

    type: "Literal['adjustment']"


class LedgerEventReservation(TypedDict):
    """Planned use: reduces the free-to-plan balance, not the booked one; released by a usage of
    the same activity or at the end of its school year.

    A variant of ``LedgerEvent``.
    """

    activity: "str"
    """The planned activity."""

    bucket: NotRequired["Optional[str]"]
    """The bucket (default the free basisrecht)."""

    date: "DateIn"
    """The day it was recorded."""

    hours: "DecimalIn"
    """Hours reserved."""

    money: "DecimalIn"
    """Money reserved."""

    type: "Literal['reservation']"


class LedgerEventFacility(TypedDict):
    """An assigned activity at the employer's cost (17.7): outside the balance, not pro rata.

    A variant of ``LedgerEvent``.
    """

    activity: "str"
    """The activity."""

    date: "DateIn"
    """The day."""

    hours: "DecimalIn"
    """Hours of facility (within the jaartaak)."""

    money: "DecimalIn"
    """Money paid by the employer."""

    type: "Literal['facility']"


class LedgerInput(TypedDict):
    """The input of `ledger` (the shape of `ledger.json`)."""

    appointments: "Sequence[Appointment]"
    """The employee's appointments."""

    as_of: NotRequired["Optional[DateIn]"]
    """The date of the balance and the expiring-soon list (default: the last day of the last
    school year asked).
    """

    events: NotRequired["Sequence[LedgerEvent]"]
    """The events, in any order."""

    expiring_within_days: NotRequired["Optional[int]"]
    """The window of the expiring-soon list in days (default 90)."""

    explain: NotRequired["bool"]
    """Explain every statement line and give a receipt (default true; batch callers may switch
    it off).
    """

    options: NotRequired["Options"]
    """Options (as for the entitlement)."""

    rule_set: NotRequired["Optional[str]"]
    """Pin a rule set for every year."""

    school_years: "Sequence[SchoolYear]"
    """The school years whose statements are wanted."""

    support_extension_plan: NotRequired["bool"]
    """The employee's plan asks for the support-staff extension (2023-2024 on)."""


class LumpsumInput(TypedDict):
    """The input of `lumpsum` (the shape of `lumpsum.json`)."""

    default_hourly_cost: NotRequired["Optional[DecimalIn]"]
    """The hourly cost for time lines without their own."""

    lines: "Sequence[SpendingLine]"
    """Spending lines."""

    period: NotRequired["Period"]
    """Financial year (default) or school year."""

    personele_lumpsum: "DecimalIn"
    """The personele lumpsum in euros."""

    rule_set: NotRequired["Optional[str]"]
    """Pin a rule set."""

    year: "int"
    """The financial year (or the start year of the school year, with `period: school-year`)."""


class ManagementBase(TypedDict):
    """A configured basisrecht for management, which the CAO does not grant."""

    hours: "DecimalIn"
    """Hours for a full-time, full-year appointment."""

    money: "DecimalIn"
    """Money for a full-time, full-year appointment."""


class MixActivity(TypedDict):
    """One activity of a mix."""

    cost: NotRequired["Optional[DecimalIn]"]
    """Cost."""

    hours: NotRequired["Optional[DecimalIn]"]
    """Hours."""

    kind: NotRequired["Optional[str]"]
    """A kind id."""

    name: NotRequired["Optional[str]"]
    """A name (used as text when neither kind nor text is given)."""

    text: NotRequired["Optional[str]"]
    """Or free text."""


class MixInput(TypedDict):
    """The input of `mix` (the shape of `mix.json`)."""

    activities: "Sequence[MixActivity]"
    """The activities."""

    target: NotRequired["TargetInput"]
    """The target (default 70:20:10)."""

    taxonomy: NotRequired["Sequence[ActivityKind]"]
    """Kinds to add to or replace in the built-in taxonomy."""

    tolerance: NotRequired["Optional[DecimalIn]"]
    """How far a share may stray from its target before advice is given (default 0.10)."""

    weight: NotRequired["Weight"]
    """What weighs (default hours)."""


class Options(TypedDict):
    """All options; omitted fields take the library's defaults."""

    management_base: NotRequired["Optional[ManagementBase]"]
    """A basisrecht for management, which the CAO does not grant."""

    mode: NotRequired["Mode"]
    """Lenient or strict for school years past the known rules."""

    pro_rata_2014: NotRequired["Optional[ProRataReading]"]
    """The reading of pro rata by wtf where the rule set allows several (2014-2015); absent or null
    takes the rule set's default.
    """

    rounding: NotRequired["RoundingOptions"]
    """Rounding per unit."""

    saving_units: NotRequired["Optional[SavingUnits]"]
    """Which units the right to save covers (cao-vo-2020 on); absent or null takes the rule set's
    default.
    """

    temporal_pro_rata: NotRequired["TemporalProRata"]
    """Pro rata in time."""


class PersonalActivity(TypedDict):
    """An activity of a personal plan."""

    assigned: NotRequired["bool"]
    """(Added) the employer assigned the activity ("opgedragen door de werkgever"). The basisrecht
    may be charged for an assigned activity only with the employee's consent (17.4 lid 2 for
    hours, 17.5 lid 2 for money); without it the activity is an employer-paid facility (17.7).
    """

    consent: NotRequired["bool"]
    """(Added) the employee consents to charging the assigned activity's hours and money to the
    basisrecht (17.4 lid 2, 17.5 lid 2). Without `assigned` it says nothing.
    """

    facilitation: NotRequired["str"]
    """Element (c): how it is facilitated."""

    hours: NotRequired["Optional[DecimalIn]"]
    """Hours."""

    id: NotRequired["Optional[str]"]
    """(Added) an id that ledger usages may name."""

    kind: NotRequired["Optional[str]"]
    """Activity kind id."""

    money: NotRequired["Optional[DecimalIn]"]
    """Money."""

    name: NotRequired["str"]
    """Name."""


class PersonalGoal(TypedDict):
    """A goal of a personal plan, linked upward."""

    deadline: NotRequired["Optional[DateIn]"]
    """(Added) time-bound: the deadline."""

    description: NotRequired["str"]
    """Description."""

    id: "str"
    """Id."""

    links: NotRequired["Sequence[str]"]
    """Team goal ids or school theme ids."""

    measure: NotRequired["Optional[str]"]
    """(Added) measurable: the measure of success (a SMART agreement)."""


class PersonalPlan(TypedDict):
    """A personal professionalisation plan (17.3)."""

    activities: NotRequired["Sequence[PersonalActivity]"]
    """Element (a): the activities during its term."""

    agreed_on: NotRequired["Optional[DateIn]"]
    """The day it was agreed."""

    approved_by: NotRequired["Optional[str]"]
    """Who approved it (`manager`)."""

    contribution: NotRequired["str"]
    """Element (b): how they serve the employee's wishes and the organisation's goals."""

    evc_offered: NotRequired["bool"]
    """The plan mentions an EVC-traject."""

    goals: NotRequired["Sequence[PersonalGoal]"]
    """Goals."""

    history: NotRequired["Sequence[Transition]"]
    """(Added) the lifecycle transitions so far."""

    id: "str"
    """Id."""

    startkwalificatie_offered: NotRequired["bool"]
    """The plan mentions a startkwalificatie."""

    status: "PlanStatus"
    """Lifecycle status."""

    support_extension: NotRequired["bool"]
    """(Added) the plan asks for the support-staff extension of 43 hours (2023-2024 on)."""


class PlanActivity(TypedDict):
    """A concrete activity of the collective plan."""

    cost: NotRequired["Optional[DecimalIn]"]
    """Cost."""

    hours: NotRequired["Optional[DecimalIn]"]
    """Hours per participant."""

    id: "str"
    """Id (ledger usages may name it)."""

    kind: NotRequired["Optional[str]"]
    """Activity kind id of the taxonomy."""

    name: "str"
    """Name."""

    school_years: NotRequired["Sequence[SchoolYear]"]
    """The school years it is planned in."""


class PlanTheme(TypedDict):
    """A theme worked out in the collective plan."""

    activities: NotRequired["Sequence[PlanActivity]"]
    """Concrete activities."""

    evaluation: NotRequired["Optional[str]"]
    """When and how evaluation and accountability happen."""

    facilities: NotRequired["Optional[ThemeFacilities]"]
    """Facilities."""

    name: NotRequired["Optional[str]"]
    """(Added) a name for a theme that is not in the kaders."""

    target_groups: NotRequired["Sequence[str]"]
    """Target groups (by function, phase, contract)."""

    theme: "str"
    """The theme id (of the kaders, or a new one)."""


class Rounding(TypedDict):
    """Rounding of one unit: decimals (0 to 8) and mode."""

    decimals: NotRequired["int"]
    """Number of decimals kept, 0 to 8."""

    mode: NotRequired["RoundingMode"]
    """The rounding mode."""


class RoundingOptions(TypedDict):
    """Rounding per unit."""

    hours: NotRequired["Rounding"]
    """Hours (default 2 decimals, half-up)."""

    money: NotRequired["Rounding"]
    """Money (default cents, half-up)."""


class School(TypedDict):
    """A school of the board."""

    id: "str"
    """Id."""

    name: "str"
    """Name."""


class SchoolLumpsum(TypedDict):
    """(Added) the 10% rule of one school."""

    lumpsum: "LumpsumInput"
    """The input."""

    school: "str"
    """The school."""


class Settings(TypedDict):
    """(Added) settings of the validation."""

    conversation_months: NotRequired["Optional[int]"]
    """The window of `NO_YEARLY_CONVERSATION` in months (default 12)."""

    cycle_window_months: NotRequired["Optional[int]"]
    """One window of the cycle in months for every part (default: each part's own period)."""

    due_soon_days: NotRequired["Optional[int]"]
    """The notice window of `PERSONAL_PLAN_DUE_SOON` in days (default 90)."""

    personal_mix_advice: NotRequired["Optional[bool]"]
    """70:20:10 advice on personal plans too (default false: advice on collective plans only)."""


class SpendingLine(TypedDict):
    """One spending line: money, or (for `time`) hours with an hourly cost."""

    category: "SpendingCategory"
    """The category."""

    description: NotRequired["Optional[str]"]
    """A description."""

    hourly_cost: NotRequired["Optional[DecimalIn]"]
    """The hourly cost of those hours."""

    hours: NotRequired["Optional[DecimalIn]"]
    """Hours (time lines)."""

    money: NotRequired["Optional[DecimalIn]"]
    """Money spent."""


class Taakbeleid(TypedDict):
    """(Added) the jaartaak by component for the 17.8 check."""

    component_d_hours: "DecimalIn"
    """Hours of component d (deskundigheidsbevordering) free to choose."""

    other_free_hours: NotRequired["Optional[DecimalIn]"]
    """Free-to-choose professionalisation hours recognisable in other components."""

    school_year: "SchoolYear"
    """The school year."""


class TargetInput(TypedDict):
    """The target mix (default 0.70 / 0.20 / 0.10)."""

    experience: "DecimalIn"
    """Experience share."""

    formal: "DecimalIn"
    """Formal share."""

    social: "DecimalIn"
    """Social share."""


class Team(TypedDict):
    """A team, section, department or project team."""

    id: "str"
    """Id."""

    name: "str"
    """Name."""

    plans: NotRequired["Sequence[TeamPlan]"]
    """Plans per school year."""

    school: "str"
    """The school."""


class TeamGoal(TypedDict):
    """A SMART goal of a team."""

    deadline: NotRequired["Optional[DateIn]"]
    """Time-bound: the deadline."""

    description: NotRequired["str"]
    """Specific: what."""

    id: "str"
    """Id."""

    measure: NotRequired["Optional[str]"]
    """Measurable: the measure of success."""

    owner: NotRequired["Optional[str]"]
    """The owner (an employee id)."""

    themes: NotRequired["Sequence[str]"]
    """Linked school themes."""


class TeamPlan(TypedDict):
    """A team plan for a school year."""

    goals: NotRequired["Sequence[TeamGoal]"]
    """Goals."""

    school_year: "SchoolYear"
    """The school year."""

    status: NotRequired["Optional[PlanStatus]"]
    """(Added) lifecycle status."""


class Theme(TypedDict):
    """A development theme (ontwikkelthema)."""

    id: "str"
    """Id."""

    name: "str"
    """Name."""


class ThemeFacilities(TypedDict):
    """Facilities of a theme of the collective plan."""

    guidance: NotRequired["Optional[str]"]
    """Guidance."""

    money: NotRequired["Optional[str]"]
    """Money."""

    organisation: NotRequired["Optional[str]"]
    """Organisation."""

    replacement: NotRequired["Optional[str]"]
    """Replacement."""

    time: NotRequired["Optional[str]"]
    """Time."""


Transition = TypedDict(
    "Transition",
    {
        # When.
        "date": "DateIn",
        # From.
        "from": "PlanStatus",
        # Who.
        "role": "Role",
        # To.
        "to": "PlanStatus",
    },
)
"""A recorded transition."""


LedgerEvent = Union[LedgerEventUsage, LedgerEventSaving, LedgerEventAdjustment, LedgerEventReservation, LedgerEventFacility]
"""A ledger event (the `type` field selects the kind)."""


Source = Union[SourceRule, SourcePolicy, SourceInterpretation, SourceInput, SourceComputation]
"""Where a step's value comes from."""


INPUTS: Dict[str, Any] = {
    "classify": ClassifyInput,
    "cycle": CycleInput,
    "eligibility": EligibilityInput,
    "entitlement": EntitlementInput,
    "ledger": LedgerInput,
    "lumpsum": LumpsumInput,
    "mix": MixInput,
    "report": Dataset,
    "rule_sets": Any,
    "validate": Dataset,
}
"""The input type of every operation (``lemniscaat.call``), by name."""

OUTPUTS: Dict[str, Any] = {
    "classify": Classification,
    "cycle": CycleStatus,
    "eligibility": Eligibility,
    "entitlement": Entitlement,
    "ledger": LedgerResult,
    "lumpsum": LumpsumResult,
    "mix": Mix,
    "report": Report,
    "rule_sets": List[RuleSet],
    "validate": ValidationReport,
}
"""The result type of every operation, by name."""
