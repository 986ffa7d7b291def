package dev.conclave.scanner.compress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How comments and strings look in one kind of file, which is all the stripper needs to know to remove
 * comments without touching a string that merely contains {@code //} or {@code #}.
 *
 * @param kind          how the file is condensed
 * @param lineComments  prefixes that start a comment running to the end of the line
 * @param blockStart    opens a block comment, or null
 * @param blockEnd      closes it
 * @param quotes        characters that open a string closed by the same character on the same line
 * @param multiLineQuotes of those, the ones whose strings may span lines (JS/TS/Go backticks)
 * @param tripleQuotes  {@code """} (and for Python {@code '''}) open strings that span lines
 */
record Syntax(Kind kind, List<String> lineComments, String blockStart, String blockEnd, String quotes,
        String multiLineQuotes, List<String> tripleQuotes) {

    enum Kind {
        /** Comments stripped by a lexer that knows the language's strings. */
        CODE,
        /** Only whole-line comments stripped; values may legitimately contain '#' ({@code color=#fff}). */
        LINE_CONFIG,
        /** JSON, XML: comments (XML only) and indentation stripped; nothing else has meaning to lose. */
        MARKUP,
        MARKDOWN,
        /** Unknown text: whitespace only. */
        PLAIN
    }

    private static final Syntax C_STYLE = code(List.of("//"), "/*", "*/", "\"'", "", List.of());
    private static final Syntax JAVA_LIKE = code(List.of("//"), "/*", "*/", "\"'", "", List.of("\"\"\""));
    private static final Syntax JS_LIKE = code(List.of("//"), "/*", "*/", "\"'`", "`", List.of());
    private static final Syntax GO = code(List.of("//"), "/*", "*/", "\"'`", "`", List.of());
    // A Rust ' is as often a lifetime as a char literal, so it is not treated as a quote.
    private static final Syntax RUST = code(List.of("//"), "/*", "*/", "\"", "", List.of());
    private static final Syntax CSS = code(List.of(), "/*", "*/", "\"'", "", List.of());
    private static final Syntax SCSS = code(List.of("//"), "/*", "*/", "\"'", "", List.of());
    private static final Syntax PYTHON = code(List.of("#"), null, null, "\"'", "", List.of("\"\"\"", "'''"));
    private static final Syntax HASH_CODE = code(List.of("#"), null, null, "\"'", "", List.of());
    private static final Syntax SQL = code(List.of("--"), "/*", "*/", "'\"", "", List.of());
    private static final Syntax DASH_DASH = code(List.of("--"), null, null, "\"'", "", List.of());
    private static final Syntax HTML = new Syntax(Kind.MARKUP, List.of(), "<!--", "-->", "", "", List.of());
    private static final Syntax JSON = new Syntax(Kind.MARKUP, List.of(), null, null, "\"", "", List.of());
    private static final Syntax HASH_CONFIG = new Syntax(Kind.LINE_CONFIG, List.of("#"), null, null, "", "", List.of());
    private static final Syntax PROPERTIES = new Syntax(Kind.LINE_CONFIG, List.of("#", "!"), null, null, "", "", List.of());
    private static final Syntax INI = new Syntax(Kind.LINE_CONFIG, List.of("#", ";"), null, null, "", "", List.of());
    private static final Syntax MARKDOWN = new Syntax(Kind.MARKDOWN, List.of(), "<!--", "-->", "", "", List.of());
    static final Syntax PLAIN = new Syntax(Kind.PLAIN, List.of(), null, null, "", "", List.of());

    private static final Map<String, Syntax> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", JAVA_LIKE), Map.entry("kt", JAVA_LIKE), Map.entry("kts", JAVA_LIKE),
            Map.entry("scala", JAVA_LIKE), Map.entry("groovy", JAVA_LIKE), Map.entry("gradle", JAVA_LIKE),
            Map.entry("swift", JAVA_LIKE), Map.entry("dart", C_STYLE), Map.entry("cs", C_STYLE),
            Map.entry("c", C_STYLE), Map.entry("h", C_STYLE), Map.entry("cpp", C_STYLE), Map.entry("cc", C_STYLE),
            Map.entry("hpp", C_STYLE), Map.entry("php", C_STYLE),
            Map.entry("js", JS_LIKE), Map.entry("jsx", JS_LIKE), Map.entry("mjs", JS_LIKE), Map.entry("cjs", JS_LIKE),
            Map.entry("ts", JS_LIKE), Map.entry("tsx", JS_LIKE), Map.entry("mts", JS_LIKE), Map.entry("cts", JS_LIKE),
            Map.entry("go", GO), Map.entry("rs", RUST),
            Map.entry("css", CSS), Map.entry("scss", SCSS), Map.entry("less", SCSS),
            Map.entry("py", PYTHON), Map.entry("pyi", PYTHON),
            Map.entry("rb", HASH_CODE), Map.entry("sh", HASH_CODE), Map.entry("bash", HASH_CODE),
            Map.entry("zsh", HASH_CODE), Map.entry("pl", HASH_CODE), Map.entry("r", HASH_CODE),
            Map.entry("ex", HASH_CODE), Map.entry("exs", HASH_CODE),
            Map.entry("sql", SQL), Map.entry("lua", DASH_DASH), Map.entry("hs", DASH_DASH),
            Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("xml", HTML), Map.entry("vue", HTML),
            Map.entry("svelte", HTML), Map.entry("csproj", HTML),
            Map.entry("json", JSON),
            Map.entry("yml", HASH_CONFIG), Map.entry("yaml", HASH_CONFIG), Map.entry("toml", HASH_CONFIG),
            Map.entry("tf", HASH_CONFIG), Map.entry("hcl", HASH_CONFIG), Map.entry("env", HASH_CONFIG),
            Map.entry("properties", PROPERTIES), Map.entry("ini", INI), Map.entry("cfg", INI), Map.entry("conf", HASH_CONFIG),
            Map.entry("md", MARKDOWN), Map.entry("markdown", MARKDOWN));

    private static final Set<String> HASH_CONFIG_NAMES = Set.of("dockerfile", "containerfile", "makefile", "procfile",
            "requirements.txt", ".gitignore", ".dockerignore", "gemfile", ".env", "caddyfile");

    static Syntax of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (HASH_CONFIG_NAMES.contains(name) || name.startsWith("dockerfile") || name.startsWith(".env")
                || name.startsWith("requirements")) {
            return HASH_CONFIG;
        }
        if (name.equals("readme") || name.equals("readme.txt")) {
            return MARKDOWN;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? BY_EXTENSION.getOrDefault(name.substring(dot + 1), PLAIN) : PLAIN;
    }

    private static Syntax code(List<String> lineComments, String blockStart, String blockEnd, String quotes,
            String multiLineQuotes, List<String> tripleQuotes) {
        return new Syntax(Kind.CODE, lineComments, blockStart, blockEnd, quotes, multiLineQuotes, tripleQuotes);
    }

    boolean isShell() {
        return this == HASH_CODE;
    }
}
