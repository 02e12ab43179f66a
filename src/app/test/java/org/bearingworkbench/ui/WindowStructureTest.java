package org.bearingworkbench.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window's structure (docs/architecture.md): one package per feature, each depending on the shell, the widgets
 * and the core only; the shell and the widgets depending on no feature; no cycles between classes; short files.
 */
class WindowStructureTest {
    private static final String UI = "org.bearingworkbench.ui";
    static final List<String> FEATURES = List.of(
            "data",
            "signals",
            "physics",
            "model",
            "threshold",
            "export",
            "compare",
            "health",
            "spectra",
            "monitor",
            "project");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(UI);

    @Test
    void aFeatureDependsOnTheShellAndTheCoreNeverOnAnotherFeature() {
        for (String f : FEATURES) {
            String[] others = FEATURES.stream()
                    .filter(o -> !o.equals(f))
                    .map(o -> UI + "." + o + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(UI + "." + f + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            Stream.concat(Stream.of(others), Stream.of(UI)).toArray(String[]::new))
                    .because("a feature is changed, tested and understood on its own; what two features share lives "
                            + "in the shell (state, lanes, dialogs) or the widgets, and the window wires them")
                    .check(CLASSES);
        }
    }

    @Test
    void theShellAndTheWidgetsKnowNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(UI + ".shell..", UI + ".widgets..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Stream.concat(FEATURES.stream().map(f -> UI + "." + f + ".."), Stream.of(UI))
                        .toArray(String[]::new))
                .because("every feature builds on them: a dependency back would tie all features together")
                .check(CLASSES);
    }

    @Test
    void thePackagesOfTheWindowAreFreeOfCycles() {
        slices().matching(UI + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noTwoClassesOfTheWindowDependOnEachOther() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass c : CLASSES) {
            String from = topLevel(c);
            graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topLevel(d.getTargetClass());
                if (to.startsWith(UI + ".") && !to.equals(from)) {
                    graph.get(from).add(to);
                }
            }
        }
        assertEquals(List.of(), cycles(graph), "classes that depend on each other (a cycle)");
    }

    @Test
    void noFileOfTheWindowIsLongerThan350Lines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/app/main/java/org/bearingworkbench/ui"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> l = Files.lines(p)) {
                    lines = l.count();
                }
                if (lines > 350) {
                    tooLong.put(p.getFileName().toString(), lines);
                }
            }
        }
        assertEquals(Map.of(), tooLong, "a class this long does more than one thing: split it by what it does");
    }

    private static String topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        String name = t.getName();
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    /** The strongly connected components of more than one class (Tarjan). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                strongConnect(v, graph, index, low, stack, onStack, out, next);
            }
        }
        return out;
    }

    private static void strongConnect(
            String v,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> out,
            int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]);
        next[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) {
                out.add(scc);
            }
        }
    }
}
