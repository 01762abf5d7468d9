// The Kotlin test of the uniffi binding, run on the JVM by scripts/test-kotlin: every conformance
// vector through the generated records (JSON -> record -> Rust -> record -> JSON), then the type
// map (BigDecimal, LocalDate, enums, sealed classes) and the mapping of every error family.
// Ends with "N passed, N failed" and exits non-zero when anything failed.
package nl.lemniscaat.test

import nl.lemniscaat.*
import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import kotlin.system.exitProcess

var passed = 0
var failed = 0

fun test(name: String, body: () -> Unit) {
    try {
        body()
        passed++
    } catch (t: Throwable) {
        failed++
        println("FAIL $name: $t")
    }
}

fun expect(cond: Boolean, what: () -> String) {
    if (!cond) throw AssertionError(what())
}

inline fun <reified E : LemniscaatException> refused(block: () -> Unit): E {
    try {
        block()
    } catch (e: LemniscaatException) {
        if (e is E) return e
        throw AssertionError("expected ${E::class.simpleName}, got $e")
    }
    throw AssertionError("expected ${E::class.simpleName}, got a result")
}

/** The code of any error family, as the stable text (`INVALID_WTF`). */
fun codeOf(e: LemniscaatException): String = when (e) {
    is LemniscaatException.Input -> e.code.name
    is LemniscaatException.Rules -> e.code.name
    is LemniscaatException.Ledger -> e.code.name
    is LemniscaatException.Plan -> e.code.name
    is LemniscaatException.Limit -> e.code.name
    is LemniscaatException.Internal -> "INTERNAL: ${e.detail}"
}

/** The JSON Pointer path of a refusal (empty for an internal error). */
fun pathOf(e: LemniscaatException): String = when (e) {
    is LemniscaatException.Input -> e.path
    is LemniscaatException.Rules -> e.path
    is LemniscaatException.Ledger -> e.path
    is LemniscaatException.Plan -> e.path
    is LemniscaatException.Limit -> e.path
    is LemniscaatException.Internal -> ""
}

/** Each vector file through its typed operation: the input read into the record, the record
 *  handed to Rust, the result record written back as JSON. */
val operations: Map<String, (String) -> String> = mapOf(
    "entitlement.json" to { j -> entitlementToJson(entitlement(entitlementInputFromJson(j))) },
    "ledger.json" to { j -> ledgerResultToJson(ledger(ledgerInputFromJson(j))) },
    "eligibility.json" to { j -> eligibilityToJson(eligibility(eligibilityInputFromJson(j))) },
    "lumpsum.json" to { j -> lumpsumResultToJson(lumpsum(lumpsumInputFromJson(j))) },
    "classification.json" to { j -> classificationToJson(classify(classifyInputFromJson(j))) },
    "mix.json" to { j -> mixToJson(mix(mixInputFromJson(j))) },
    "cycle.json" to { j -> cycleStatusToJson(cycleStatus(cycleInputFromJson(j))) },
    "validation.json" to { j -> validationReportToJson(validateDataset(j)) },
    "validation-obligations.json" to { j -> validationReportToJson(validateDataset(j)) },
)

@Suppress("UNCHECKED_CAST")
fun replay(file: File) {
    val run = operations[file.name] ?: throw AssertionError("no operation for ${file.name}")
    val cases = parseJson(file.readText()) as List<Map<String, Any?>>
    expect(cases.isNotEmpty()) { "${file.name} has no cases" }
    for (case in cases) {
        val name = "${file.name}: ${case["name"]}"
        test(name) {
            val expected = case["expected"] as Map<String, Any?>?
            val error = case["error"] as Map<String, Any?>?
            val outcome = try {
                Result.success(parseJson(run(writeJson(case["input"]))) as Map<String, Any?>)
            } catch (e: LemniscaatException) {
                Result.failure(e)
            }
            val failures = mutableListOf<String>()
            when {
                error != null -> {
                    val e = outcome.exceptionOrNull() as LemniscaatException?
                        ?: throw AssertionError("expected ${error["code"]}, got a result")
                    expect(codeOf(e) == error["code"]) { "expected ${error["code"]}, got $e" }
                    // The code and the JSON Pointer of the offending value (tests/vectors/README.md).
                    expect(error["path"] is String && pathOf(e) == error["path"]) { "expected path ${error["path"]}, got ${pathOf(e)}" }
                }
                file.name.startsWith("validation") -> {
                    val report = outcome.getOrThrow()
                    val findings = report["findings"] as List<Map<String, Any?>>
                    val codes = findings.map { it["code"] }
                    for (c in expected!!["includes"] as List<*>) if (c !in codes) failures.add("$c missing in $codes")
                    for (c in expected["excludes"] as List<*>) if (c in codes) failures.add("$c must be absent")
                    for (p in (expected["findings"] as List<Map<String, Any?>>?).orEmpty()) {
                        if (findings.none { it["code"] == p["code"] && it["path"] == p["path"] }) failures.add("no ${p["code"]} at ${p["path"]}")
                    }
                }
                else -> {
                    val result = outcome.getOrThrow().toMutableMap()
                    (result["findings"] as List<Map<String, Any?>>?)?.let { f -> result["codes"] = f.map { it["code"] } }
                    check("", expected, result, failures)
                }
            }
            expect(failures.isEmpty()) { failures.joinToString("; ") }
        }
    }
}

fun support(wtf: String, start: LocalDate = LocalDate.of(2010, 8, 1)) =
    Appointment(category = Category.SUPPORT, wtf = BigDecimal(wtf), start = start)

fun surface() {
    test("an entitlement has BigDecimal amounts, an explanation with articles and a receipt") {
        val e = entitlement(EntitlementInput(schoolYear = "2014-2015", appointments = listOf(support("0.5"))))
        val hours: BigDecimal = e.hours
        expect(hours.compareTo(BigDecimal("20")) == 0) { "hours ${e.hours}" }
        expect(e.money.scale() == 2) { "money keeps its cents: ${e.money}" }
        expect(e.ruleSet == "cao-vo-2014-2015") { e.ruleSet }
        val steps = e.explanation!!.steps
        expect(steps.any { s -> s.source is Source.Rule && (s.source as Source.Rule).article == "17.4" }) { "no art. 17.4 step" }
        expect(steps.any { it.source is Source.Policy }) { "no policy step" }
        expect(e.receipt!!.ruleSetHash.length == 64) { "receipt hash ${e.receipt}" }
    }
    test("options are typed and change the result (bezwarencommissie reading)") {
        val input = EntitlementInput(
            schoolYear = "2014-2015",
            appointments = listOf(Appointment(Category.TEACHER, BigDecimal("0.6"), LocalDate.of(2014, 8, 1), LocalDate.of(2015, 7, 31))),
        )
        val parties = entitlement(input)
        val literal = entitlement(input.copy(options = Options(proRata2014 = ProRataReading.BEZWARENCOMMISSIE2016)))
        expect(literal.hours > parties.hours) { "${literal.hours} vs ${parties.hours}" }
        expect(literal.proRata == ProRataReading.BEZWARENCOMMISSIE2016) { "${literal.proRata}" }
        val noExplain = entitlement(input.copy(explain = false))
        expect(noExplain.explanation == null && noExplain.receipt == null) { "explanation without asking" }
    }
    test("dates are LocalDate both ways") {
        val c = cycleStatus(CycleInput(events = listOf(CycleEvent(Stage.FRAMEWORKS, LocalDate.of(2015, 1, 10), EventKind.COMPLETED)), asOf = LocalDate.of(2015, 3, 1)))
        val asOf: LocalDate = c.asOf
        expect(asOf == LocalDate.of(2015, 3, 1)) { "$asOf" }
        expect(Stage.FRAMEWORKS in c.attended) { "${c.attended}" }
        expect(c.stages.size == 7 && c.stages.any { it.stage == Stage.FRAMEWORKS && it.status == StageStatus.ATTENDED }) { "${c.stages}" }
        val svg = cycleSvg(CycleInput(events = emptyList(), asOf = LocalDate.of(2015, 3, 1)), Language.EN)
        expect(svg.startsWith("<svg") && "missing" in svg) { svg.take(80) }
    }
    test("ledger events are a sealed class; statements balance") {
        val r = ledger(
            LedgerInput(
                appointments = listOf(support("1.0")),
                events = listOf(LedgerEvent.Usage(LocalDate.of(2015, 3, 2), BigDecimal("10"), BigDecimal("100"), "course", false, false, null)),
                schoolYears = listOf("2014-2015"),
            ),
        )
        val h = r.statements[0].hours
        expect((h.opening + h.granted - h.used + h.adjusted).compareTo(h.lapsed + h.carried) == 0) { "$h" }
        expect(h.used.compareTo(BigDecimal("10")) == 0) { "${h.used}" }
    }
    test("eligibility, the 10% rule, classification and mix are typed") {
        val el = eligibility(EligibilityInput(schoolYear = "2014-2015", educationLevel = EducationLevel.MBO1, asOf = LocalDate.of(2015, 1, 1)))
        expect(el.evc && el.startkwalificatie && el.evcNextDate == null) { "$el" }
        val last = eligibility(EligibilityInput(schoolYear = "2014-2015", educationLevel = EducationLevel.MBO4, lastEvc = LocalDate.of(2014, 9, 1), asOf = LocalDate.of(2015, 1, 1)))
        val next: LocalDate? = last.evcNextDate
        expect(!last.evc && next != null && next.isAfter(LocalDate.of(2015, 1, 1))) { "$last" }
        val l = lumpsum(LumpsumInput(year = 2015, personeleLumpsum = BigDecimal("1000000"), lines = listOf(SpendingLine(SpendingCategory.FEES, money = BigDecimal("50000")))))
        expect(l.share.compareTo(BigDecimal("0.05")) == 0 && !l.compliant) { "${l.share} ${l.compliant}" }
        expect(l.shortfall.compareTo(BigDecimal("50000.00")) == 0) { "${l.shortfall}" }
        val k = classify(ClassifyInput(kind = "intervision"))
        expect(k.bucket == Bucket.SOCIAL) { "${k.bucket}" }
        val m = mix(MixInput(activities = listOf(MixActivity(kind = "course", hours = BigDecimal("10")), MixActivity(kind = "coaching", hours = BigDecimal("10")))))
        expect(m.shares.formal.compareTo(BigDecimal("0.5")) == 0) { "${m.shares}" }
        expect(mixSvg(MixInput(activities = emptyList()), Language.NL).startsWith("<svg")) { "mix svg" }
    }
    test("rule sets come with dates, parameters and sources") {
        val sets = ruleSets()
        expect(sets.size >= 8 && sets[0].id == "cao-vo-2014-2015") { sets.map { it.id }.toString() }
        expect(sets[0].inForceFrom == LocalDate.of(2014, 8, 1)) { "${sets[0].inForceFrom}" }
        val teacher = sets[0].parameters.first { it.name == "teacher_hours" }
        expect(teacher.article.startsWith("16.4") || teacher.article.startsWith("17")) { teacher.article }
        expect(version().isNotEmpty()) { "version" }
    }
    test("validation of the sample board through JSON") {
        val report = validateDataset(sample())
        expect(report.findings.isNotEmpty() && report.counts.error + report.counts.warning + report.counts.info == report.findings.size.toULong()) { "${report.counts}" }
        expect(report.alignment.coverage >= BigDecimal.ZERO) { "${report.alignment.coverage}" }
    }
}

fun sample(): String = File(System.getProperty("lemniscaat.sample")).readText()

fun errors() {
    test("a wtf out of range: Input, INVALID_WTF, with its path and both messages") {
        val e = refused<LemniscaatException.Input> { entitlement(EntitlementInput(schoolYear = "2014-2015", appointments = listOf(support("1.5")))) }
        expect(e.code == ErrorCode.INVALID_WTF && e.path == "/appointments/0/wtf") { "$e ${e.path}" }
        expect(e.messageEn.isNotEmpty() && e.messageNl.isNotEmpty() && e.messageEn != e.messageNl) { e.message ?: "" }
    }
    test("a school year that is not one: INVALID_SCHOOL_YEAR") {
        val e = refused<LemniscaatException.Input> { entitlement(EntitlementInput(schoolYear = "2014-2016", appointments = emptyList())) }
        expect(e.code == ErrorCode.INVALID_SCHOOL_YEAR && e.path == "/school_year") { "$e ${e.path}" }
    }
    test("an unknown rule set: Rules, UNKNOWN_RULE_SET at /rule_set") {
        val e = refused<LemniscaatException.Rules> { entitlement(EntitlementInput(schoolYear = "2014-2015", appointments = emptyList(), ruleSet = "cao-vo-1999")) }
        expect(e.code == ErrorCode.UNKNOWN_RULE_SET && e.path == "/rule_set") { "$e" }
    }
    test("strict mode past the known rules: Rules, RULES_NOT_IN_FORCE") {
        val e = refused<LemniscaatException.Rules> { entitlement(EntitlementInput(schoolYear = "2040-2041", appointments = emptyList(), options = Options(mode = Mode.STRICT))) }
        expect(e.code == ErrorCode.RULES_NOT_IN_FORCE) { "$e" }
    }
    test("overdrawing the ledger: Ledger, INSUFFICIENT_BALANCE at the event") {
        val e = refused<LemniscaatException.Ledger> {
            ledger(
                LedgerInput(
                    appointments = listOf(support("0.5")),
                    events = listOf(LedgerEvent.Usage(LocalDate.of(2015, 3, 2), BigDecimal("500"), BigDecimal("0"), "course", false, false, null)),
                    schoolYears = listOf("2014-2015"),
                ),
            )
        }
        expect(e.code == ErrorCode.INSUFFICIENT_BALANCE && e.path.startsWith("/events/0")) { "$e ${e.path}" }
    }
    test("a decimal beyond 28 digits is refused as INVALID_DECIMAL, not a crash") {
        val e = refused<LemniscaatException.Input> { entitlement(EntitlementInput(schoolYear = "2014-2015", appointments = listOf(support("0.12345678901234567890123456789012345")))) }
        expect(e.code == ErrorCode.INVALID_DECIMAL) { "$e" }
    }
    test("a date past year 9999 is refused as INVALID_DATE") {
        val e = refused<LemniscaatException.Input> { entitlement(EntitlementInput(schoolYear = "2014-2015", appointments = listOf(support("0.5", LocalDate.of(10000, 1, 1))))) }
        expect(e.code == ErrorCode.INVALID_DATE) { "$e" }
    }
    test("malformed JSON and unknown fields carry their paths") {
        val j = refused<LemniscaatException.Input> { validateDataset("{") }
        expect(j.code == ErrorCode.INVALID_JSON) { "$j" }
        val u = refused<LemniscaatException.Input> { entitlementInputFromJson("""{"school_year":"2014-2015","appointments":[{"category":"teacher","wtf":"1","start":"2014-08-01","end":null,"x":1}]}""") }
        expect(u.code == ErrorCode.UNKNOWN_FIELD && u.path.startsWith("/appointments/0")) { "$u ${u.path}" }
        val n = refused<LemniscaatException.Input> { entitlementInputFromJson("""{"school_year":"2014-2015","appointments":[{"category":"teacher","wtf":0.6,"start":"2014-08-01","end":null}]}""") }
        expect(n.code == ErrorCode.INVALID_DECIMAL) { "a float wtf must be refused: $n" }
    }
    test("an unknown operation of the JSON API: INVALID_VALUE with both messages naming the known ones, never a default") {
        for (op in listOf("nope", "", "ledgerStatements")) {
            val e = refused<LemniscaatException.Input> { call(op, "{}") }
            expect(e.code == ErrorCode.INVALID_VALUE && e.path == "") { "$op: $e" }
            expect(e.messageEn.startsWith("unknown operation '$op'") && "rule_sets" in e.messageEn) { e.messageEn }
            expect(e.messageNl.startsWith("onbekende bewerking '$op'") && "entitlement" in e.messageNl) { e.messageNl }
        }
        val book = RuleBook.withOverrides("""{"rule_sets":[]}""")
        expect(refused<LemniscaatException.Input> { book.call("nope", "{}") }.code == ErrorCode.INVALID_VALUE) { "book.call" }
    }
    test("every exception is a catchable kotlin.Exception with a readable message") {
        val e: Exception = refused<LemniscaatException.Input> { call("entitlement", "[]") }
        expect(e.message!!.contains("INVALID")) { e.message ?: "" }
    }
    test("an exception's message is a sentence: the English message, then the code and the path (entitlement.json: wtf above 1)") {
        val input = """{"school_year":"2014-2015","appointments":[{"category":"support","wtf":"1.5","start":"2010-08-01","end":null}]}"""
        val e = refused<LemniscaatException.Input> { entitlementInputFromJson(input) }
        val sentence = "wtf 1.5 is not above 0 and at most 1 (INVALID_WTF at /appointments/0/wtf)"
        expect(e.message == sentence) { "message: ${e.message}" }
        expect(e.toString() == sentence && e.localizedMessage == sentence) { "toString: $e" }
        // The typed fields stay.
        expect(e.code == ErrorCode.INVALID_WTF && e.path == "/appointments/0/wtf") { "${e.code} ${e.path}" }
        expect(e.messageEn == "wtf 1.5 is not above 0 and at most 1" && e.messageNl == "werktijdfactor 1,5 moet groter zijn dan 0 en ten hoogste 1") { "${e.messageEn} / ${e.messageNl}" }
        // Without a path (the whole input): the code alone.
        val j = refused<LemniscaatException.Input> { validateDataset("{") }
        expect(j.message!!.endsWith(" (INVALID_JSON)")) { "${j.message}" }
    }
    test("garbage into every reader gives LemniscaatException, never a crash") {
        val rnd = java.util.Random(17)
        val alphabet = "{}[]\":,0123456789.-eE truefalsnl\\u/ab"
        val readers: List<(String) -> Any> = listOf(
            ::entitlementInputFromJson, ::ledgerInputFromJson, ::eligibilityInputFromJson, ::lumpsumInputFromJson,
            ::classifyInputFromJson, ::mixInputFromJson, ::cycleInputFromJson, ::validateDataset,
        )
        var refusals = 0
        repeat(400) { n ->
            val text = (0 until rnd.nextInt(40)).map { alphabet[rnd.nextInt(alphabet.length)] }.joinToString("")
            for (r in readers) {
                try {
                    r(text)
                } catch (e: LemniscaatException) {
                    expect(e !is LemniscaatException.Internal) { "internal error on $text (case $n): $e" }
                    refusals++
                }
            }
        }
        expect(refusals > 0) { "no input was refused" }
    }
}

const val PROV = """{"confidence":"inferred","source":"lemniscaat"}"""
const val SUPPORT_50 = """{"rule_sets":[{"id":"cao-vo-2014-2015","name":"CAO VO 2014-2015, 50 h support",
  "in_force_from":{"value":"2014-08-01","provenance":{"confidence":"seed","source":"seed"}},
  "parameters":{"support_hours":{"value":"50","article":"17.4","lid":"3","provenance":$PROV}}}]}"""
const val NEXT_CAO = """{"rule_sets":[{"id":"cao-vo-2030","name":"CAO VO 2030",
  "in_force_from":{"value":"2030-08-01","provenance":$PROV},
  "parameters":{"teacher_money":{"value":"700","article":"16.5","lid":"1","provenance":$PROV}}}]}"""

fun rules() {
    val support = EntitlementInput(schoolYear = "2014-2015", appointments = listOf(support("0.5")))
    test("a rule book with an override changes its own calls only") {
        val book = RuleBook.withOverrides(SUPPORT_50)
        expect(book.entitlement(support).hours.compareTo(BigDecimal("25")) == 0) { "book ${book.entitlement(support).hours}" }
        expect(entitlement(support).hours.compareTo(BigDecimal("20")) == 0) { "built-in ${entitlement(support).hours}" }
        val json = """{"school_year":"2014-2015","appointments":[{"category":"support","wtf":"0.5","start":"2010-08-01","end":null}]}"""
        expect(book.call("entitlement", json).contains("\"hours\":\"25.00\"")) { "call: ${book.call("entitlement", json)}" }
        expect(call("entitlement", json).contains("\"hours\":\"20.00\"")) { "call without a book" }
    }
    test("a new CAO is found by the typed methods, the ledger and rule sets; layering leaves the first book alone") {
        val next = RuleBook.withOverrides(NEXT_CAO)
        val teacher = EntitlementInput(schoolYear = "2030-2031", appointments = listOf(Appointment(Category.TEACHER, BigDecimal("1"), LocalDate.of(2020, 8, 1))))
        expect(next.entitlement(teacher).money.compareTo(BigDecimal("700")) == 0) { "${next.entitlement(teacher).money}" }
        expect(entitlement(teacher).money.compareTo(BigDecimal("600")) == 0) { "${entitlement(teacher).money}" }
        expect(next.ruleSets().last().id == "cao-vo-2030" && ruleSets().none { it.id == "cao-vo-2030" }) { "rule sets" }
        val led = next.ledger(LedgerInput(appointments = teacher.appointments, events = emptyList(), schoolYears = listOf("2030-2031")))
        expect(led.statements[0].ruleSet == "cao-vo-2030") { "ledger ${led.statements[0].ruleSet}" }
        val both = next.withMoreOverrides(SUPPORT_50)
        expect(both.entitlement(support).hours.compareTo(BigDecimal("25")) == 0 && next.entitlement(support).hours.compareTo(BigDecimal("20")) == 0) { "layering" }
        expect(validateDataset(sample()).findings.any { it.code == "RULES_OUT_OF_RANGE" } && both.validateDataset(sample()).findings.none { it.code == "RULES_OUT_OF_RANGE" }) { "validate with the book" }
    }
    test("bad overrides: Input errors with their paths") {
        val e = refused<LemniscaatException.Input> { RuleBook.withOverrides("""{"rule_sets":[{"id":"x","in_force_from":{"value":"2030-08-01","provenance":$PROV}}]}""") }
        expect(e.code == ErrorCode.MISSING_FIELD && e.path == "/rule_sets/0/name") { "$e ${e.path}" }
        refused<LemniscaatException.Input> { RuleBook.withOverrides("{not json") }
    }
}

fun taxonomy() {
    val lessonStudy = ActivityKind(
        id = "lesson-study", label = Bilingual(en = "Lesson study", nl = "Lesson study"), bucket = Bucket.SOCIAL,
        cedefop = Cedefop.NON_FORMAL, keywords = Keywords(nl = listOf("lesson study"), en = listOf("lesson study")), source = "school policy",
    )
    test("a school's own activity kind classifies free text and weighs in the mix") {
        val c = classify(ClassifyInput(text = "Twee weken lesson study met de sectie", taxonomy = listOf(lessonStudy)))
        expect(c.kind == "lesson-study" && c.bucket == Bucket.SOCIAL && c.source == "school policy") { "$c" }
        expect(classify(ClassifyInput(text = "Twee weken lesson study met de sectie")).kind != "lesson-study") { "built-in knows it" }
        val m = mix(MixInput(activities = listOf(MixActivity(kind = "lesson-study", hours = BigDecimal("10")), MixActivity(kind = "course", hours = BigDecimal("10"))), taxonomy = listOf(lessonStudy)))
        expect(m.shares.social.compareTo(BigDecimal("0.5")) == 0) { "${m.shares}" }
    }
    test("an own kind with a built-in id replaces the built-in kind") {
        val own = lessonStudy.copy(id = "course", bucket = Bucket.EXPERIENCE)
        expect(classify(ClassifyInput(kind = "course")).bucket == Bucket.FORMAL) { "built-in course" }
        expect(classify(ClassifyInput(kind = "course", taxonomy = listOf(own))).bucket == Bucket.EXPERIENCE) { "own course" }
    }
}

/** The operations table of docs/bindings.md: every Kotlin name in it is a generated function of
 *  that name (Java reflection on the file class; the jar has no kotlin-reflect), with a RuleBook
 *  method of the same name where the operation uses rule sets. */
fun operationNames(docs: File) {
    test("every operation of the table in docs/bindings.md has its Kotlin function, named as the table says") {
        val table = docs.readText().substringAfter("<!-- operations:").lines().drop(3).takeWhile { it.startsWith("|") }
        val rows = table.map { r -> r.trim('|').split(" | ").map { it.trim().replace("`", "") } }
        expect(rows.size == 10) { "${rows.size} rows" }
        val functions = Class.forName("nl.lemniscaat.Lemniscaat_uniffiKt").methods.map { it.name }.toSet()
        val methods = RuleBook::class.java.methods.map { it.name }.toSet()
        val missing = mutableListOf<String>()
        for (r in rows) {
            val kotlin = r[4]
            if (kotlin == "—") continue
            if (kotlin !in functions) missing.add("${r[0]}: no function $kotlin")
            if (r[0] !in setOf("classify", "mix", "cycle") && kotlin !in methods) missing.add("${r[0]}: no RuleBook.$kotlin")
        }
        expect(missing.isEmpty()) { missing.joinToString("; ") }
    }
}

fun main(args: Array<String>) {
    val dir = File(args.getOrElse(0) { "tests/vectors" })
    val files = dir.listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }
    expect(files.size >= 8) { "vector files missing in $dir" }
    for (f in files) {
        val before = failed
        replay(f)
        println("${f.name}: ${if (failed == before) "ok" else "${failed - before} failed"}")
    }
    surface()
    errors()
    rules()
    taxonomy()
    operationNames(File(dir, "../../docs/bindings.md"))
    println("$passed passed, $failed failed")
    if (failed > 0) exitProcess(1)
}
