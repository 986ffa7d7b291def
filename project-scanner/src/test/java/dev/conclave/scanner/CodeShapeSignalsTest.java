package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScoreFinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copied code and code that is mostly decisions cost code-quality points; comments and imports do not count as either. */
class CodeShapeSignalsTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    private ScoreFinding finding(List<ProjectFile> files, String signal) {
        return scanner.scan(files, "shape").scores().findings().stream()
                .filter(f -> f.signal().equals(signal)).findFirst().orElseThrow();
    }

    /** A distinct, plain Java method per index, 5 code lines each. */
    private static String method(int i) {
        return "    int compute" + i + "(int value) {\n"
                + "        int scaled = value * " + i + ";\n"
                + "        int shifted = scaled + " + (i * 7) + ";\n"
                + "        return shifted - " + (i * 3) + ";\n"
                + "    }\n";
    }

    private static String javaClass(String name, int from, int to) {
        StringBuilder text = new StringBuilder("import java.util.List;\nimport java.util.Map;\n\nclass " + name + " {\n");
        for (int i = from; i < to; i++) {
            text.append(method(i));
        }
        return text.append("}\n").toString();
    }

    @Test
    void distinctCodeHasNoDuplicationPenalty() {
        List<ProjectFile> files = List.of(new ProjectFile("src/A.java", javaClass("A", 0, 30)),
                new ProjectFile("src/B.java", javaClass("B", 30, 60)));

        assertEquals(0.0, finding(files, "duplication").points());
    }

    @Test
    void aCopiedFileCostsPoints() {
        String body = javaClass("A", 0, 30);
        List<ProjectFile> files = List.of(new ProjectFile("src/A.java", body),
                new ProjectFile("src/ACopy.java", body.replace("class A", "class ACopy")));

        ScoreFinding duplication = finding(files, "duplication");

        assertEquals(-CodeQualityScore.MAX_DUPLICATION_PENALTY, duplication.points(), duplication::toString);
    }

    @Test
    void commentsRepeatedEverywhereAreNotDuplication() {
        String licenceHeader = "/*\n * Copyright 2026 Example\n * Licensed under the Apache License 2.0\n"
                + " * you may not use this file except in compliance\n * with the License.\n * See LICENSE.\n */\n";
        List<ProjectFile> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(new ProjectFile("src/C" + i + ".java", licenceHeader + javaClass("C" + i, i * 10, i * 10 + 10)));
        }

        assertEquals(0.0, finding(files, "duplication").points());
    }

    @Test
    void codeThatIsMostlyDecisionsCostsPoints() {
        StringBuilder branchy = new StringBuilder("def route(a, b, c):\n");
        for (int i = 0; i < 120; i++) {
            branchy.append("    if a == ").append(i).append(" and b or c: return ").append(i).append('\n');
        }
        ScoreFinding plain = finding(List.of(new ProjectFile("app/A.java", javaClass("A", 0, 30))), "branch_density");
        ScoreFinding decisions = finding(List.of(new ProjectFile("app/route.py", branchy.toString())), "branch_density");

        assertEquals(0.0, plain.points(), plain::toString);
        assertEquals(-CodeQualityScore.MAX_BRANCH_PENALTY, decisions.points(), decisions::toString);
    }

    @Test
    void branchKeywordsInsideStringsAndCommentsDoNotCount() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("message_").append(i).append(" = \"if for while && ||\"  # if and or while\n");
        }

        ScoreFinding finding = finding(List.of(new ProjectFile("app/messages.py", text.toString())), "branch_density");

        assertTrue(finding.detail().startsWith("0 branch points"), finding::toString);
    }
}
