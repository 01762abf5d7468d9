// A small JSON reader and writer for the test harness: the JVM has none built in, and the test
// should need nothing but the generated bindings, JNA and the Kotlin standard library.
// Numbers are kept as BigDecimal; objects keep their key order.
package nl.lemniscaat.test

import java.math.BigDecimal

class JsonReader(private val s: String) {
    private var i = 0

    fun read(): Any? {
        val v = value()
        ws()
        require(i == s.length) { "trailing text at $i" }
        return v
    }

    private fun ws() {
        while (i < s.length && s[i].isWhitespace()) i++
    }

    private fun value(): Any? {
        ws()
        require(i < s.length) { "unexpected end" }
        return when (s[i]) {
            '{' -> obj()
            '[' -> arr()
            '"' -> str()
            't' -> lit("true", true)
            'f' -> lit("false", false)
            'n' -> lit("null", null)
            else -> num()
        }
    }

    private fun lit(word: String, v: Any?): Any? {
        require(s.startsWith(word, i)) { "bad literal at $i" }
        i += word.length
        return v
    }

    private fun num(): BigDecimal {
        val start = i
        while (i < s.length && (s[i].isDigit() || s[i] in "+-.eE")) i++
        return BigDecimal(s.substring(start, i))
    }

    private fun str(): String {
        val b = StringBuilder()
        i++
        while (true) {
            require(i < s.length) { "unterminated string" }
            val c = s[i++]
            when (c) {
                '"' -> return b.toString()
                '\\' -> {
                    val e = s[i++]
                    when (e) {
                        'n' -> b.append('\n')
                        't' -> b.append('\t')
                        'r' -> b.append('\r')
                        'b' -> b.append('\b')
                        'f' -> b.append('\u000c')
                        'u' -> {
                            b.append(s.substring(i, i + 4).toInt(16).toChar())
                            i += 4
                        }
                        else -> b.append(e)
                    }
                }
                else -> b.append(c)
            }
        }
    }

    private fun arr(): List<Any?> {
        val out = ArrayList<Any?>()
        i++
        ws()
        if (s[i] == ']') {
            i++
            return out
        }
        while (true) {
            out.add(value())
            ws()
            if (s[i++] == ']') return out
        }
    }

    private fun obj(): Map<String, Any?> {
        val out = LinkedHashMap<String, Any?>()
        i++
        ws()
        if (s[i] == '}') {
            i++
            return out
        }
        while (true) {
            ws()
            val k = str()
            ws()
            require(s[i++] == ':') { "expected : at $i" }
            out[k] = value()
            ws()
            if (s[i++] == '}') return out
        }
    }
}

fun parseJson(text: String): Any? = JsonReader(text).read()

fun writeJson(v: Any?): String = when (v) {
    null -> "null"
    is String -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\""
    is Boolean -> v.toString()
    is BigDecimal -> v.toPlainString()
    is Map<*, *> -> v.entries.joinToString(",", "{", "}") { writeJson(it.key as String) + ":" + writeJson(it.value) }
    is List<*> -> v.joinToString(",", "[", "]") { writeJson(it) }
    else -> error("not JSON: $v")
}

/** Compares expected against actual as the vectors say: decimals numerically, objects by the
 *  expected keys, `codes` as codes that must be present. */
fun check(path: String, expected: Any?, actual: Any?, failures: MutableList<String>) {
    when {
        expected is Map<*, *> && actual is Map<*, *> -> for ((k, ev) in expected) {
            if (k == "codes") {
                val got = actual["codes"] as? List<*> ?: emptyList<Any?>()
                for (c in ev as List<*>) if (c !in got) failures.add("$path/codes: $c missing in $got")
            } else if (!actual.containsKey(k)) {
                failures.add("$path/$k missing in result")
            } else {
                check("$path/$k", ev, actual[k], failures)
            }
        }
        expected is List<*> && actual is List<*> ->
            if (expected.size != actual.size) failures.add("$path: expected ${expected.size} items, got ${actual.size}")
            else expected.indices.forEach { check("$path/$it", expected[it], actual[it], failures) }
        expected is String && actual is String -> {
            val x = expected.toBigDecimalOrNull()
            val y = actual.toBigDecimalOrNull()
            val same = if (x != null && y != null) x.compareTo(y) == 0 else expected == actual
            if (!same) failures.add("$path: expected $expected, got $actual")
        }
        else -> if (expected != actual) failures.add("$path: expected $expected, got $actual")
    }
}
