package io.skilldesigner.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.io.TextFiles;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;

/**
 * The skill-core part of opening a skill file, phase by phase, in a fresh JVM and then again warm: reading the
 * bytes as text, parsing and binding ({@link SkillJson#read}), checking ({@link SkillValidator}). Wall-clock and
 * this thread's CPU time per phase (the JIT's compiler threads work beside it and are not in the CPU figure).
 * Not a test: a main class. Usage: {@code SkillOpenPhases FILE [ROUNDS]}; FILE e.g. from designer-canvas's
 * {@code CanvasBenchmark --write FILE} (1,000 nodes). Checked against an empty model library, so model nodes
 * report their model as missing: more problems than in the editor, same work otherwise.
 */
public final class SkillOpenPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SkillOpenPhases() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        NodeCatalog catalog = NodeCatalog.standard();
        SkillJson json = new SkillJson(catalog);
        SkillValidator validator = new SkillValidator(catalog, ModelLibrary.empty());
        for (int round = 0; round < rounds; round++) {
            long[] t0 = now();
            String text = TextFiles.readUtf8(file, file.toString());
            long[] t1 = now();
            Skill skill = json.read(text, file.toString());
            long[] t2 = now();
            List<Problem> problems = validator.validate(skill);
            long[] t3 = now();
            System.out.printf("%s: read %s | parse + bind %s | check %s ms (wall / CPU); %d nodes, %d problems%n",
                    round == 0 ? "first in this JVM" : "again (" + round + ")", ms(t0, t1), ms(t1, t2), ms(t2, t3),
                    skill.nodes().size(), problems.size());
        }
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static String ms(long[] from, long[] to) {
        return String.format("%.0f / %.0f", (to[0] - from[0]) / 1e6, (to[1] - from[1]) / 1e6);
    }
}
