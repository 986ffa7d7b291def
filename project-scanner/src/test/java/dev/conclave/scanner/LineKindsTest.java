package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.LanguageStat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Code, comment and blank lines of small files, counted by hand (the comment at the end of each line
 * of the snippets below says how it was counted). Every snippet hides comment markers in strings,
 * which must not count as comments, and code after or around comments, which must count as code.
 */
class LineKindsTest {

    static Stream<Arguments> handCounted() {
        return Stream.of(
                Arguments.of("A.java", "Java", """
                        package a;
                        
                        /* header
                           still header */
                        class A {
                            String url = "http://x/*y";
                            // real comment
                            int b = 1; /* trailing */
                            /* inline */ int c = 2;
                            String block = \"""
                                // not a comment
                                \""";
                        }
                        """, 9, 3, 1),
                Arguments.of("m.py", "Python", """
                        \"""Module docstring.

                        More text.
                        \"""
                        import os

                        URL = "http://example.com/#anchor"  # trailing
                        SQL = \"""
                        # not a comment
                        \"""
                        def f():
                            '''Docstring.'''
                            return '#'
                        """, 7, 4, 2),
                Arguments.of("api.py", "Python", """
                        def get(url, **kwargs):
                            r\"""Sends a GET request.

                            :param \\*\\*kwargs: what ``request`` takes, it's said.
                            \"""
                            return request("get", url, **kwargs)
                        """, 2, 3, 1),
                Arguments.of("a.ts", "TypeScript", """
                        // header
                        const a = `template
                        // inside template
                        `;
                        const re = "/* not a block";
                        /**
                         * Docs.
                         */
                        export function f(): string { return 'it\\'s // fine'; }
                        """, 5, 4, 0),
                Arguments.of("main.go", "Go", """
                        package main

                        import "fmt"

                        // main prints.
                        func main() {
                        \ts := `raw
                        /* not a comment */`
                        \tfmt.Println(s) // trailing
                        }
                        """, 7, 1, 2),
                Arguments.of("main.rs", "Rust", """
                        /* outer /* inner */ still comment */
                        fn main() {
                            let s = "// not";
                            /// doc comment
                        }
                        """, 3, 2, 0),
                Arguments.of("defs.rs", "Rust", """
                        const DOC: &str = r#"
                        .BI "\\-g '" foo/** '.
                        a glob such as "/*" and C:\\dir\\
                        "#;
                        const RAW: &str = r"C:\\dir\\";
                        // a comment
                        fn f() {}
                        """, 6, 1, 0),
                Arguments.of("run.sh", "Shell", """
                        #!/bin/sh
                        # comment
                        echo "$# args" # trailing
                        n=${#name}

                        """, 2, 2, 1),
                Arguments.of("schema.sql", "SQL", """
                        -- create table
                        SELECT 'it''s -- fine' FROM t;
                        /* block
                           end */
                        """, 1, 3, 0),
                Arguments.of("config.yaml", "YAML", """
                        # config
                        url: "http://x#y"
                        key: a#b

                        """, 2, 1, 1),
                Arguments.of("q.c", "C", """
                        char q = '"'; // a quote in a character literal does not open a string
                        /* so this is still a comment */
                        """, 1, 1, 0),
                Arguments.of("app.rb", "Ruby", """
                        =begin
                        A block comment.
                        =end
                        puts "# not a comment"
                        """, 1, 3, 0),
                // Ruby by name, as cloc reads it: sinatra's Rakefiles and gemspecs are 2 % of its Ruby.
                Arguments.of("Rakefile", "Ruby", """
                        # tasks
                        task default: :test
                        """, 1, 1, 0),
                Arguments.of("sinatra.gemspec", "Ruby", """
                        Gem::Specification.new 'sinatra' do |s|
                        end
                        """, 2, 0, 0),
                Arguments.of("Main.kt", "Kotlin", """
                        /* a /* nested */ comment */
                        val s = \"""
                        /* raw */
                        \"""
                        """, 3, 1, 0));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("handCounted")
    void splitsLinesIntoCodeCommentAndBlank(String path, String language, String text, long code, long comment,
            long blank) {
        List<LanguageStat> stats = new ProjectScanner(ScanLimits.defaults())
                .scan(List.of(new ProjectFile(path, text)), "lines").languages();

        assertEquals(List.of(new LanguageStat(language, 1, code + comment + blank, code, comment, blank)), stats);
    }
}
