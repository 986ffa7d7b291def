package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.scanner.LineClassifier.ClassifiedLines;
import dev.conclave.scanner.compress.CandidateFile;
import dev.conclave.scanner.compress.ContextCompressor;
import dev.conclave.scanner.compress.ContextPart;
import dev.conclave.scanner.compress.TokenMeter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Line counting and comment stripping share one table and one {@link Lexer}, but where the two engines they
 * replaced read a language differently, each kept its reading: these pin the differences.
 */
class CountingAndCompressionKeepTheirReadingsTest {

    private final ContextCompressor compressor = new ContextCompressor(TokenMeter.cl100k());

    /** A file, its line counts and its condensed text. */
    record Reading(String why, String path, String text, ClassifiedLines counted, String condensed) {

        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Reading> readings() {
        return Stream.of(
                // Compression reads no ' in Rust (lifetimes), so the " opens a string that holds the "comment".
                new Reading("Rust ' is a char literal only when counting", "src/main.rs", "let c = '\"'; // note\n",
                        new ClassifiedLines(1, 0, 0, List.of("let c = '';")), "let c = '\"'; // note\n"),
                new Reading("Kotlin block comments nest only when counting", "A.kt", "/* a /* b */ c */\nval x = 1\n",
                        new ClassifiedLines(1, 1, 0, List.of("val x = 1")), " c */\nval x = 1\n"),
                new Reading("PHP # is a comment only when counting", "index.php", "# note\n$a = 1;\n",
                        new ClassifiedLines(1, 1, 0, List.of("$a = 1;")), "# note\n$a = 1;\n"),
                // Counting opens a string at the ", which runs to the end of the line and hides the comment.
                new Reading("a backslash outside strings escapes only when stripping", "a.js",
                        "const q = /\\\"/; // note\n", new ClassifiedLines(1, 0, 0, List.of("const q = /\\\"")),
                        "const q = /\\\"/;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readings")
    void eachCallerKeepsItsReading(Reading reading) {
        String text = reading.text();
        Language language = Languages.of(new ScannedFile(reading.path(), text.length(), text)).orElseThrow();

        assertEquals(reading.counted(), LineClassifier.classify(text, language.syntax()));
        assertEquals(reading.condensed(), compressor.compress(
                List.of(new CandidateFile(reading.path(), text, ContextPart.SOURCE)), 0).files().get(0).content());
    }
}
