package dev.conclave.scanner.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Comments go; strings, heredocs, block scalars, shebangs and directives that look like comments stay. */
class CommentStrippingNeverTouchesStringsTest {

    private final ContextCompressor compressor = new ContextCompressor(TokenMeter.cl100k());

    private String condense(String path, String text) {
        return compressor.condense(new CandidateFile(path, text, ContextPart.SOURCE));
    }

    @Test
    void javaLosesCommentsButNotSlashesInStringsOrTextBlocks() {
        assertEquals("""
                package a;

                class A {
                    String url = "http://example.com/*not-a-comment*/";
                    String block = \"""
                        // kept, it is text
                        \""";
                    int b = 1  + 2;
                }
                """, condense("src/A.java", """
                /*
                 * Licensed under the Apache License, Version 2.0.
                 */
                package a;

                /** The A. */
                class A {
                    // a line comment
                    String url = "http://example.com/*not-a-comment*/"; // trailing
                    String block = \"""
                        // kept, it is text
                        \""";
                    int b = 1 /* inline */ + 2;
                }
                """));
    }

    @Test
    void pythonKeepsShebangStringsAndDocstrings() {
        assertEquals("""
                #!/usr/bin/env python3
                # -*- coding: utf-8 -*-

                def f():
                    \"""Docstrings are strings; # this stays.\"""
                    return "# not a comment", '#'
                """, condense("tool.py", """
                #!/usr/bin/env python3
                # -*- coding: utf-8 -*-
                # a comment


                def f():  # trailing
                    \"""Docstrings are strings; # this stays.\"""
                    return "# not a comment", '#'  # but this goes
                """));
    }

    @Test
    void shellKeepsParameterLengthsAndHeredocs() {
        assertEquals("""
                #!/bin/sh
                echo "${#items[@]} items"
                cat <<EOF > app.conf
                # this is the file's content
                EOF
                """, condense("run.sh", """
                #!/bin/sh
                # count them
                echo "${#items[@]} items"  # how many
                cat <<EOF > app.conf
                # this is the file's content
                EOF
                """));
    }

    @Test
    void typescriptKeepsRegexesAndTemplateLiterals() {
        assertEquals("""
                const scheme = /https?:\\/\\//;
                const t = `line one
                // still the template
                `;
                """, condense("src/a.ts", """
                // accepts both schemes
                const scheme = /https?:\\/\\//;
                const t = `line one
                // still the template
                `;
                """));
    }

    @Test
    void yamlKeepsCommentsInsideBlockScalarsAndValuesWithHashes() {
        assertEquals("""
                steps:
                  - run: |
                      # a shell comment the CI runs
                      make test
                colour: "#fff"
                """, condense(".github/workflows/ci.yml", """
                # CI
                steps:
                  # the only step
                  - run: |
                      # a shell comment the CI runs
                      make test
                colour: "#fff"
                """));
    }
}
