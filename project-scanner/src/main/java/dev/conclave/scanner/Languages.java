package dev.conclave.scanner;

import dev.conclave.scanner.LineSyntax.Delimited;
import dev.conclave.scanner.LineSyntax.Quoted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of file syntaxes: for each language its name, its files (extensions and names), the
 * {@link LineSyntax} its lines are counted by, and how context compression condenses it. Configuration
 * formats that compression condenses but the language statistics do not count have rows without a language.
 */
public final class Languages {

    /** One row's cell for one extension or file name; {@code language} is null for files no language counts. */
    private record Entry(Language language, Condensing condensing) {
    }

    // Both filled once, by catalogue() below, and only read afterwards.
    private static final Map<String, Entry> BY_EXTENSION = new HashMap<>();

    /**
     * Files whose name, not extension, says what they are. A Rakefile is Ruby, as cloc reads it: without it
     * sinatra's Ruby came out 2.5 % short of cloc (its Rakefiles, gemspecs and config.ru).
     */
    private static final Map<String, Entry> BY_NAME = new HashMap<>();

    /** Names that begin like these are '#'-commented configuration: Dockerfile.dev, .env.local, requirements-dev.txt. */
    private static final List<String> CONFIG_NAME_PREFIXES = List.of("dockerfile", ".env", "requirements");

    static Optional<Language> of(ScannedFile file) {
        Entry named = BY_NAME.get(file.lowerName());
        if (named != null && named.language() != null) {
            return Optional.of(named.language());
        }
        Entry entry = BY_EXTENSION.get(file.extension());
        return Optional.ofNullable(entry == null ? null : entry.language());
    }

    static boolean isSource(ScannedFile file) {
        return of(file).map(Language::programming).orElse(false);
    }

    /** How context compression condenses the file at {@code path}; {@link Condensing#PLAIN} when unknown. */
    public static Condensing condensing(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (CONFIG_NAME_PREFIXES.stream().anyMatch(name::startsWith)) {
            return HASH_CONFIG;
        }
        Entry named = BY_NAME.get(name);
        if (named != null) {
            return named.condensing();
        }
        int dot = name.lastIndexOf('.');
        Entry entry = dot > 0 ? BY_EXTENSION.get(name.substring(dot + 1)) : null;
        return entry == null ? Condensing.PLAIN : entry.condensing();
    }

    // How compression condenses each kind of file. These rules came from compression's own former table and
    // still differ from the counting syntax in places (Rust's ', CSS's //, PHP's #, nesting, ...): each caller
    // keeps the output it had. docs/decisions.md lists the differences.
    private static final Condensing STRIP_C = stripCode(List.of("//"), LineSyntax.C_BLOCK, "\"'", "", List.of(), false);
    private static final Condensing STRIP_JAVA = stripCode(List.of("//"), LineSyntax.C_BLOCK, "\"'", "",
            List.of("\"\"\""), false);
    private static final Condensing STRIP_JS = stripCode(List.of("//"), LineSyntax.C_BLOCK, "\"'`", "`", List.of(), false);
    // A Rust ' is as often a lifetime as a char literal, so it is not treated as a quote.
    private static final Condensing STRIP_RUST = stripCode(List.of("//"), LineSyntax.C_BLOCK, "\"", "", List.of(), false);
    private static final Condensing STRIP_CSS = stripCode(List.of(), LineSyntax.C_BLOCK, "\"'", "", List.of(), false);
    private static final Condensing STRIP_PYTHON = stripCode(List.of("#"), null, "\"'", "",
            List.of("\"\"\"", "'''"), false);
    private static final Condensing STRIP_HASH = stripCode(List.of("#"), null, "\"'", "", List.of(), true);
    private static final Condensing STRIP_SQL = stripCode(List.of("--"), LineSyntax.C_BLOCK, "'\"", "", List.of(), false);
    private static final Condensing STRIP_DASH_DASH = stripCode(List.of("--"), null, "\"'", "", List.of(), false);
    private static final Condensing HTML = new Condensing(Condensing.Kind.MARKUP, LineSyntax.markup());
    private static final Condensing JSON = new Condensing(Condensing.Kind.MARKUP, LineSyntax.PLAIN);
    private static final Condensing HASH_CONFIG = lineConfig("#");
    private static final Condensing MARKDOWN = new Condensing(Condensing.Kind.MARKDOWN, LineSyntax.markup());

    static {
        catalogue();
    }

    private static void catalogue() {
        Quoted textBlock = new Quoted("\"\"\"", "\"\"\"", '\\', true);
        Quoted rawTextBlock = new Quoted("\"\"\"", "\"\"\"", (char) 0, true);
        Quoted template = new Quoted("`", "`", '\\', true);
        Quoted singleTripleQuoted = new Quoted("'''", "'''", '\\', true);
        Quoted doubleMultiline = new Quoted("\"", "\"", '\\', true);
        LineSyntax markup = LineSyntax.markup();
        LineSyntax hash = LineSyntax.hash();

        programming("Java", LineSyntax.cStyle(textBlock), STRIP_JAVA, "java");
        programming("Kotlin", LineSyntax.cStyleNested(rawTextBlock), STRIP_JAVA, "kt", "kts");
        Language scala = programming("Scala", LineSyntax.cStyleNested(rawTextBlock), STRIP_JAVA, "scala");
        files(scala, Condensing.PLAIN, "sc");
        programming("Groovy", LineSyntax.cStyle(textBlock, singleTripleQuoted), STRIP_JAVA, "groovy", "gradle");
        programming("TypeScript", LineSyntax.cStyle(template), STRIP_JS, "ts", "tsx", "mts", "cts");
        programming("JavaScript", LineSyntax.cStyle(template), STRIP_JS, "js", "jsx", "mjs", "cjs");
        programming("Go", LineSyntax.cStyle(new Quoted("`", "`", (char) 0, true)), STRIP_JS, "go");
        // Rust strings span lines; '\'' is kept single-line so that lifetimes ('a) cannot swallow a file.
        // Raw strings (r"...", r#"..."#) have no escapes and may hold quotes: ripgrep's flag docs hold
        // `'" foo/**`, which read as a string end and a block comment hid 3 700 lines.
        programming("Rust", new LineSyntax(List.of("//"), List.of(LineSyntax.C_BLOCK), true, List.of(),
                List.of(new Quoted("r###\"", "\"###", (char) 0, true), new Quoted("r##\"", "\"##", (char) 0, true),
                        new Quoted("r#\"", "\"#", (char) 0, true), new Quoted("r\"", "\"", (char) 0, true),
                        doubleMultiline, LineSyntax.SINGLE_QUOTED), false), STRIP_RUST, "rs");
        programming("C", LineSyntax.cStyle(), STRIP_C, "c", "h");
        Language cpp = programming("C++", LineSyntax.cStyle(), STRIP_C, "cpp", "cc", "hpp");
        files(cpp, Condensing.PLAIN, "cxx", "hh", "hxx");
        programming("C#", LineSyntax.cStyle(rawTextBlock, new Quoted("@\"", "\"", (char) 0, true)), STRIP_C, "cs");
        programming("Swift", LineSyntax.cStyleNested(textBlock), STRIP_JAVA, "swift");
        programming("Dart", LineSyntax.cStyleNested(textBlock, singleTripleQuoted), STRIP_C, "dart");
        programming("Objective-C", LineSyntax.cStyle(), Condensing.PLAIN, "m", "mm");
        programming("F#", new LineSyntax(List.of("//"), List.of(new Delimited("(*", "*)")), true, List.of(),
                List.of(textBlock, LineSyntax.DOUBLE_QUOTED), false), Condensing.PLAIN, "fs", "fsx");
        programming("PHP", new LineSyntax(List.of("//", "#"), List.of(LineSyntax.C_BLOCK), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), STRIP_C, "php");
        // Python's triple-quoted strings at the start of a line are docstrings, its documentation comments.
        // Compression keeps them: to a model they are documentation worth its tokens.
        programming("Python", new LineSyntax(List.of("#"), List.of(), false,
                // r"""...""" too: requests' api.py writes its docstrings raw, for their \*\*kwargs.
                List.of(new Delimited("\"\"\"", "\"\"\""), new Delimited("'''", "'''"),
                        new Delimited("r\"\"\"", "\"\"\""), new Delimited("r'''", "'''"),
                        new Delimited("R\"\"\"", "\"\"\""), new Delimited("u\"\"\"", "\"\"\"")),
                List.of(textBlock, singleTripleQuoted, LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false),
                STRIP_PYTHON, "py", "pyi");
        Language ruby = programming("Ruby", new LineSyntax(List.of("#"), List.of(new Delimited("=begin", "=end")),
                false, List.of(), List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), STRIP_HASH, "rb");
        files(ruby, Condensing.PLAIN, "rake", "gemspec", "ru", "builder", "jbuilder", "rabl");
        BY_NAME.put("rakefile", new Entry(ruby, Condensing.PLAIN));
        Language perl = programming("Perl", hash, STRIP_HASH, "pl");
        files(perl, Condensing.PLAIN, "pm");
        programming("R", hash, STRIP_HASH, "r");
        programming("Elixir", hash, STRIP_HASH, "ex", "exs");
        programming("Lua", new LineSyntax(List.of("--"), List.of(new Delimited("--[[", "]]")), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), STRIP_DASH_DASH, "lua");
        programming("Erlang", new LineSyntax(List.of("%"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), Condensing.PLAIN, "erl");
        programming("Haskell", new LineSyntax(List.of("--"), List.of(new Delimited("{-", "-}")), true, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), STRIP_DASH_DASH, "hs");
        programming("Clojure", new LineSyntax(List.of(";"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), Condensing.PLAIN, "clj", "cljs", "cljc");
        // In shell a '#' inside a word ($#, ${#x}, a#b) is not a comment.
        programming("Shell", new LineSyntax(List.of("#"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, new Quoted("'", "'", (char) 0, false)), true), STRIP_HASH,
                "sh", "bash", "zsh");
        programming("PowerShell", new LineSyntax(List.of("#"), List.of(new Delimited("<#", "#>")), false,
                List.of(), List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), Condensing.PLAIN, "ps1");
        // SQL doubles a quote to escape it, which reads as closing and reopening: no escape character needed.
        programming("SQL", new LineSyntax(List.of("--"), List.of(LineSyntax.C_BLOCK), false, List.of(),
                List.of(new Quoted("'", "'", (char) 0, false), new Quoted("\"", "\"", (char) 0, false)), false),
                STRIP_SQL, "sql");
        LineSyntax component = new LineSyntax(List.of("//"), List.of(LineSyntax.MARKUP_BLOCK, LineSyntax.C_BLOCK),
                false, List.of(), List.of(template, LineSyntax.DOUBLE_QUOTED), false);
        programming("Vue", component, HTML, "vue");
        programming("Svelte", component, HTML, "svelte");
        programming("HTML", markup, HTML, "html", "htm");
        Language css = programming("CSS", new LineSyntax(List.of("//"), List.of(LineSyntax.C_BLOCK), false,
                List.of(), List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), STRIP_CSS, "css");
        files(css, STRIP_C, "scss", "less");
        files(css, Condensing.PLAIN, "sass");
        data("Markdown", markup, MARKDOWN, "md", "markdown");
        data("reStructuredText", LineSyntax.PLAIN, Condensing.PLAIN, "rst");
        data("YAML", new LineSyntax(List.of("#"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, new Quoted("'", "'", (char) 0, false)), true), HASH_CONFIG,
                "yml", "yaml");
        data("JSON", LineSyntax.PLAIN, JSON, "json");
        data("XML", markup, HTML, "xml");
        data("TOML", new LineSyntax(List.of("#"), List.of(), false, List.of(),
                List.of(textBlock, singleTripleQuoted, LineSyntax.DOUBLE_QUOTED, new Quoted("'", "'", (char) 0, false)),
                false), HASH_CONFIG, "toml");
        data("Terraform", new LineSyntax(List.of("#", "//"), List.of(LineSyntax.C_BLOCK), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), HASH_CONFIG, "tf");

        // Condensed, not counted as a language.
        files(null, HTML, "csproj");
        files(null, HASH_CONFIG, "hcl", "env", "conf");
        files(null, lineConfig("#", "!"), "properties");
        files(null, lineConfig("#", ";"), "ini", "cfg");
        for (String name : List.of("dockerfile", "containerfile", "makefile", "procfile", "requirements.txt",
                ".gitignore", ".dockerignore", "gemfile", ".env", "caddyfile")) {
            BY_NAME.put(name, new Entry(null, HASH_CONFIG));
        }
        BY_NAME.put("readme", new Entry(null, MARKDOWN));
        BY_NAME.put("readme.txt", new Entry(null, MARKDOWN));
    }

    private static Language programming(String name, LineSyntax syntax, Condensing condensing, String... extensions) {
        return files(new Language(name, true, syntax), condensing, extensions);
    }

    private static Language data(String name, LineSyntax syntax, Condensing condensing, String... extensions) {
        return files(new Language(name, false, syntax), condensing, extensions);
    }

    private static Language files(Language language, Condensing condensing, String... extensions) {
        for (String extension : extensions) {
            if (BY_EXTENSION.put(extension, new Entry(language, condensing)) != null) {
                throw new IllegalStateException("extension ." + extension + " is claimed twice");
            }
        }
        return language;
    }

    /**
     * Compression's lexed rules: a single quote character opens a string with backslash escapes, closed on its
     * line unless listed as multi-line; triple quotes span lines without escapes; '#' needs a word boundary;
     * heredocs are read in the '#'-commented scripting languages (Shell, Ruby, Perl, R, Elixir).
     */
    private static Condensing stripCode(List<String> lineComments, Delimited block, String quotes,
            String multiLineQuotes, List<String> tripleQuotes, boolean heredocs) {
        List<Quoted> strings = new ArrayList<>();
        tripleQuotes.forEach(triple -> strings.add(new Quoted(triple, triple, (char) 0, true)));
        for (char quote : quotes.toCharArray()) {
            String mark = String.valueOf(quote);
            strings.add(new Quoted(mark, mark, '\\', multiLineQuotes.indexOf(quote) >= 0));
        }
        return new Condensing(Condensing.Kind.CODE, new LineSyntax(List.copyOf(lineComments),
                block == null ? List.of() : List.of(block), false, List.of(), List.copyOf(strings),
                lineComments.contains("#"), heredocs));
    }

    private static Condensing lineConfig(String... markers) {
        return new Condensing(Condensing.Kind.LINE_CONFIG,
                new LineSyntax(List.of(markers), List.of(), false, List.of(), List.of(), false));
    }

    private Languages() {
    }
}
