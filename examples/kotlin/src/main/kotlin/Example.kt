// lemniscaat from Kotlin: the basisrecht of a part-time teacher with its explanation, a ledger
// year, and the refusal of a wtf out of range. Compiled and run by scripts/test-kotlin.
package nl.lemniscaat.example

import nl.lemniscaat.Appointment
import nl.lemniscaat.Category
import nl.lemniscaat.EntitlementInput
import nl.lemniscaat.LedgerEvent
import nl.lemniscaat.LedgerInput
import nl.lemniscaat.LemniscaatException
import nl.lemniscaat.Source
import nl.lemniscaat.entitlement
import nl.lemniscaat.ledger
import java.math.BigDecimal
import java.time.LocalDate

fun main() {
    val teacher = Appointment(category = Category.TEACHER, wtf = BigDecimal("0.6"), start = LocalDate.of(2012, 8, 1))
    val e = entitlement(EntitlementInput(schoolYear = "2015-2016", appointments = listOf(teacher)))
    println("${e.schoolYear} under ${e.ruleSet}: ${e.hours} hours, EUR ${e.money}")
    for (step in e.explanation?.steps.orEmpty()) {
        val cite = when (val s = step.source) {
            is Source.Rule -> "${s.ruleSet} art. ${s.article ?: "-"} lid ${s.lid ?: "-"}"
            is Source.Policy -> "policy:${s.option}=${s.value}"
            is Source.Interpretation -> "interpretation:${s.id}"
            is Source.Input -> "input:${s.path}"
            Source.Computation -> "computation"
        }
        println("  ${step.step.padEnd(10)} ${step.value ?: ""} ${step.unit}  ($cite)")
    }

    val result = ledger(
        LedgerInput(
            appointments = listOf(teacher),
            events = listOf(LedgerEvent.Usage(LocalDate.of(2016, 3, 2), BigDecimal("12"), BigDecimal("250"), "course-didactics", false, false, null)),
            schoolYears = listOf("2015-2016"),
        ),
    )
    val h = result.statements.first().hours
    println("ledger 2015-2016 hours: opening ${h.opening} + granted ${h.granted} - used ${h.used} = lapsed ${h.lapsed} + carried ${h.carried}")

    try {
        entitlement(EntitlementInput(schoolYear = "2015-2016", appointments = listOf(teacher.copy(wtf = BigDecimal("1.4")))))
    } catch (err: LemniscaatException.Input) {
        println("refused: ${err.code} at ${err.path}: ${err.messageEn} / ${err.messageNl}")
    }
}
