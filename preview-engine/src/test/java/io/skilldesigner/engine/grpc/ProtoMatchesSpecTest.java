package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;

import io.skilldesigner.engine.grpc.proto.CustomNodeProto;

/**
 * Reads the tables of shared/spec/custom-node-protocol.md and checks the compiled .proto against every row: message
 * and field names, numbers, types, repeated/map, enum values and the service's RPCs — and that nothing extra exists.
 */
class ProtoMatchesSpecTest {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`?(\\w+)`?\\s*\\|\\s*(.+?)\\s*\\|(.*)$");
    private static final Pattern FIELD = Pattern.compile("^(\\w+) = (\\d+) : (.+)$");
    private static final Pattern ENUM_VALUE = Pattern.compile("^(\\w+) = (\\d+)");
    private static final FileDescriptor PROTO = CustomNodeProto.getDescriptor();

    private static List<String> spec() throws Exception {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path spec = shared.resolve("spec/custom-node-protocol.md");
        if (!Files.exists(spec)) {
            spec = Path.of("../../shared/spec/custom-node-protocol.md");
        }
        return Files.readAllLines(spec);
    }

    /** The rows of the table whose header starts with {@code header}. */
    private static List<String[]> table(List<String> lines, String header) {
        List<String[]> rows = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("| " + header + " |")) {
                in = true;
                continue;
            }
            if (in && line.startsWith("| ---")) {
                continue;
            }
            if (in && !line.startsWith("|")) {
                break;
            }
            if (in) {
                Matcher m = ROW.matcher(line);
                assertTrue(m.matches(), "unexpected spec row: " + line);
                rows.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
        }
        assertTrue(!rows.isEmpty(), "no '" + header + "' table in the spec");
        return rows;
    }

    @Test
    void packageIsCustomNode() {
        assertEquals("custom_node", PROTO.getPackage());
        assertEquals("proto3", PROTO.toProto().getSyntax());
    }

    @Test
    void everyMessageAndFieldAsInTheSpec() throws Exception {
        List<String[]> rows = table(spec(), "message");
        int messages = 0;
        for (String[] row : rows) {
            Descriptor d = PROTO.findMessageTypeByName(row[0]);
            assertNotNull(d, "message " + row[0] + " missing");
            messages++;
            String[] fields = row[1].split(";");
            for (String f : fields) {
                String text = f.trim().replaceAll("\\s*\\(.*\\)$", "");
                Matcher m = FIELD.matcher(text);
                assertTrue(m.matches(), "cannot read field '" + f + "' of " + row[0]);
                FieldDescriptor fd = d.findFieldByName(m.group(1));
                assertNotNull(fd, row[0] + "." + m.group(1) + " missing");
                assertEquals(Integer.parseInt(m.group(2)), fd.getNumber(), row[0] + "." + m.group(1) + " number");
                assertType(row[0] + "." + m.group(1), m.group(3).trim(), fd);
            }
            assertEquals(fields.length, d.getFields().size(), row[0] + " has fields the spec does not list");
        }
        assertEquals(messages, PROTO.getMessageTypes().size(), "messages the spec does not list");
    }

    private static void assertType(String where, String spec, FieldDescriptor fd) {
        if (spec.startsWith("map<")) {
            assertTrue(fd.isMapField(), where + " should be a map");
            assertEquals("map<string,string>", spec.replace(" ", ""), where);
            Descriptor entry = fd.getMessageType();
            assertEquals(FieldDescriptor.Type.STRING, entry.findFieldByName("key").getType(), where);
            assertEquals(FieldDescriptor.Type.STRING, entry.findFieldByName("value").getType(), where);
            return;
        }
        boolean repeated = spec.startsWith("repeated ");
        assertEquals(repeated, fd.isRepeated(), where + " repeated");
        String type = repeated ? spec.substring("repeated ".length()).trim() : spec;
        switch (fd.getJavaType()) {
            case MESSAGE -> assertEquals(type, fd.getMessageType().getName(), where);
            case ENUM -> assertEquals(type, fd.getEnumType().getName(), where);
            default -> assertEquals(type, fd.getType().name().toLowerCase(Locale.ROOT), where);
        }
    }

    @Test
    void everyEnumValueAsInTheSpec() throws Exception {
        List<String[]> rows = table(spec(), "enum");
        for (String[] row : rows) {
            EnumDescriptor e = PROTO.findEnumTypeByName(row[0]);
            assertNotNull(e, "enum " + row[0] + " missing");
            String[] values = row[1].split(";");
            for (String v : values) {
                Matcher m = ENUM_VALUE.matcher(v.trim());
                assertTrue(m.find(), "cannot read enum value '" + v + "'");
                assertNotNull(e.findValueByName(m.group(1)), row[0] + "." + m.group(1) + " missing");
                assertEquals(Integer.parseInt(m.group(2)), e.findValueByName(m.group(1)).getNumber(),
                        row[0] + "." + m.group(1));
            }
            assertEquals(values.length, e.getValues().size(), row[0] + " has values the spec does not list");
        }
        assertEquals(rows.size(), PROTO.getEnumTypes().size(), "enums the spec does not list");
    }

    @Test
    void serviceHasTheTwoUnaryRpcs() throws Exception {
        ServiceDescriptor s = PROTO.findServiceByName("CustomNodeHandler");
        assertNotNull(s);
        List<String[]> rows = table(spec(), "rpc");
        for (String[] row : rows) {
            MethodDescriptor m = s.findMethodByName(row[0]);
            assertNotNull(m, "rpc " + row[0] + " missing");
            String[] types = row[2].split("\\|");
            assertEquals(row[1].replace("`", ""), m.getInputType().getName());
            assertEquals(types[0].trim().replace("`", ""), m.getOutputType().getName());
            assertTrue(!m.isClientStreaming() && !m.isServerStreaming(), row[0] + " must be unary");
        }
        assertEquals(rows.size(), s.getMethods().size());
        assertEquals("custom_node.CustomNodeHandler", s.getFullName());
    }
}
