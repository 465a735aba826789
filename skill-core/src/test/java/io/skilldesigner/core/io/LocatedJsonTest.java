package io.skilldesigner.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;

/**
 * Every parsed value's location is its first character, whatever the layout around it. The documents are written
 * here piece by piece, noting where each value starts, and the parsed tree is walked in the same order.
 */
class LocatedJsonTest {
    /** Whitespace put around tokens: pretty printed, compact, Windows line ends with tabs, odd mixtures. */
    private static final List<String[]> LAYOUTS = List.of(
            new String[] {"\n  ", " ", "\n"},
            new String[] {"", "", ""},
            new String[] {"\r\n\t", "\t", "\r\n"},
            new String[] {"  \n\n ", "   ", " \n \n"});

    /** Writes JSON and records the offset where each value starts, in document order. */
    private static final class Writer {
        final StringBuilder text = new StringBuilder();
        final List<Integer> starts = new ArrayList<>();
        final String[] layout;

        Writer(String[] layout) {
            this.layout = layout;
        }

        void value(Object v) {
            starts.add(text.length());
            if (v instanceof Map<?, ?> m) {
                text.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    text.append(first ? "" : ",").append(layout[0]).append('"').append(e.getKey()).append('"')
                            .append(layout[1]).append(':').append(layout[1]);
                    first = false;
                    value(e.getValue());
                }
                text.append(layout[2]).append('}');
            } else if (v instanceof List<?> l) {
                text.append('[');
                for (int i = 0; i < l.size(); i++) {
                    text.append(i == 0 ? "" : ",").append(layout[0]);
                    value(l.get(i));
                }
                text.append(layout[2]).append(']');
            } else {
                text.append(v); // literals are given as their JSON text
            }
        }
    }

    /** The parsed values in document order (keys' values after their object, list items after their list). */
    private static void walk(JsonElement e, List<JsonElement> out) {
        out.add(e);
        if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(m -> walk(m.getValue(), out));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(i -> walk(i, out));
        }
    }

    private static SourceLocation expected(String text, int offset) {
        String before = text.substring(0, offset);
        return new SourceLocation((int) before.chars().filter(c -> c == '\n').count() + 1,
                offset - before.lastIndexOf('\n'));
    }

    private static Object sample() {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", "\"n1\"");
        node.put("count", "12");
        node.put("negative", "-4.5e3");
        node.put("exponent", "1E+5");
        node.put("zero", "0");
        node.put("yes", "true");
        node.put("no", "false");
        node.put("escaped", "\"a \\\"quoted\\\" {word} [1, 2], x: 3\"");
        node.put("unicode", "\"é ü 漢字 \\u00e9\"");
        // longer than the reader's 1024-character buffer, with no place to stop inside it
        node.put("long", "\"" + "abcdefghij".repeat(300) + "\"");
        node.put("longSpaced", "\"" + "word, 12 true ".repeat(200) + "\"");
        node.put("empty", Map.of());
        node.put("emptyList", List.of());
        node.put("nested", List.of(List.of("1", "2"), List.of(), Map.of("k", "\"v\""), "\"s\"", "3.25"));
        node.put("last", "7");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("formatVersion", "2");
        List<Object> nodes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            nodes.add(node);
        }
        doc.put("nodes", nodes);
        doc.put("tail", List.of("1", "true", "\"x\"", "-0.5"));
        return doc;
    }

    @Test
    void everyValueIsLocatedAtItsFirstCharacterInEveryLayout() throws FileFormatException {
        for (String[] layout : LAYOUTS) {
            Writer w = new Writer(layout);
            w.value(sample());
            String text = w.text.toString();
            LocatedJson doc = LocatedJson.parse(text, "x.json");
            List<JsonElement> values = new ArrayList<>();
            walk(doc.root(), values);
            assertEquals(w.starts.size(), values.size());
            for (int i = 0; i < values.size(); i++) {
                SourceLocation at = doc.locationOf(values.get(i));
                assertNotNull(at, "value " + i);
                assertEquals(expected(text, w.starts.get(i)), at, "value " + i + " " + values.get(i)
                        .toString().substring(0, Math.min(40, values.get(i).toString().length())));
            }
        }
    }

    @Test
    void aLiteralDocumentIsLocated() throws FileFormatException {
        for (String text : List.of("42", "  true", "\n-1.5e2", "\"text\"", " null ")) {
            LocatedJson doc = LocatedJson.parse(text, "x.json");
            if (!doc.root().isJsonNull()) { // null is a shared instance that carries no location
                int start = text.length() - text.stripLeading().length();
                assertEquals(expected(text, start), doc.locationOf(doc.root()), text);
            }
        }
    }

    @Test
    void wholeNumbersAreLongsUnlessTooLargeAndOthersDoubles() throws FileFormatException {
        String text = "[12, -0, 123456789012345678, -9223372036854775808, 9223372036854775807,"
                + " 9223372036854775808, -12345678901234567890, 1.5, -2e3, 1E2]";
        List<Object> expected = List.of(12L, 0L, 123456789012345678L, Long.MIN_VALUE, Long.MAX_VALUE,
                new BigInteger("9223372036854775808"), new BigInteger("-12345678901234567890"), 1.5, -2000.0, 100.0);
        LocatedJson doc = LocatedJson.parse(text, "x.json");
        List<Object> numbers = new ArrayList<>();
        doc.root().getAsJsonArray().forEach(e -> numbers.add(e.getAsJsonPrimitive().getAsNumber()));
        assertEquals(expected, numbers);
    }

    @Test
    void syntaxErrorsStillNameWhere() {
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> LocatedJson.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "x.json"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("x.json line 3, column "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        FileFormatException truncated = assertThrows(FileFormatException.class,
                () -> LocatedJson.parse("{\"a\": [1, 2", "x.json"));
        assertTrue(truncated.getMessage().contains("not valid JSON"), truncated.getMessage());
    }
}
