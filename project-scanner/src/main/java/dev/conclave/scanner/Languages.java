package dev.conclave.scanner;

import dev.conclave.scanner.LineSyntax.Delimited;
import dev.conclave.scanner.LineSyntax.Quoted;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The languages the scanner recognises, by file extension, with the syntax their lines are counted by. */
final class Languages {

    private static final Map<String, Language> BY_EXTENSION = catalogue();

    /**
     * Files whose name, not extension, says their language, as cloc reads them: a Rakefile is Ruby. Without
     * it sinatra's Ruby came out 2.5 % short of cloc (its Rakefiles, gemspecs and config.ru).
     */
    private static final Map<String, Language> BY_NAME = Map.of("rakefile", BY_EXTENSION.get("rb"));

    static Optional<Language> of(ScannedFile file) {
        Language named = BY_NAME.get(file.lowerName());
        return Optional.ofNullable(named != null ? named : BY_EXTENSION.get(file.extension()));
    }

    static boolean isSource(ScannedFile file) {
        return of(file).map(Language::programming).orElse(false);
    }

    private static Map<String, Language> catalogue() {
        Map<String, Language> map = new HashMap<>();
        Quoted textBlock = new Quoted("\"\"\"", "\"\"\"", '\\', true);
        Quoted rawTextBlock = new Quoted("\"\"\"", "\"\"\"", (char) 0, true);
        Quoted template = new Quoted("`", "`", '\\', true);
        Quoted singleTripleQuoted = new Quoted("'''", "'''", '\\', true);
        Quoted doubleMultiline = new Quoted("\"", "\"", '\\', true);
        LineSyntax markup = LineSyntax.markup();
        LineSyntax hash = LineSyntax.hash();

        programming(map, "Java", LineSyntax.cStyle(textBlock), "java");
        programming(map, "Kotlin", LineSyntax.cStyleNested(rawTextBlock), "kt", "kts");
        programming(map, "Scala", LineSyntax.cStyleNested(rawTextBlock), "scala", "sc");
        programming(map, "Groovy", LineSyntax.cStyle(textBlock, singleTripleQuoted), "groovy", "gradle");
        programming(map, "TypeScript", LineSyntax.cStyle(template), "ts", "tsx", "mts", "cts");
        programming(map, "JavaScript", LineSyntax.cStyle(template), "js", "jsx", "mjs", "cjs");
        programming(map, "Go", LineSyntax.cStyle(new Quoted("`", "`", (char) 0, true)), "go");
        // Rust strings span lines; '\'' is kept single-line so that lifetimes ('a) cannot swallow a file.
        // Raw strings (r"...", r#"..."#) have no escapes and may hold quotes: ripgrep's flag docs hold
        // `'" foo/**`, which read as a string end and a block comment hid 3 700 lines.
        programming(map, "Rust", new LineSyntax(List.of("//"), List.of(LineSyntax.C_BLOCK), true, List.of(),
                List.of(new Quoted("r###\"", "\"###", (char) 0, true), new Quoted("r##\"", "\"##", (char) 0, true),
                        new Quoted("r#\"", "\"#", (char) 0, true), new Quoted("r\"", "\"", (char) 0, true),
                        doubleMultiline, LineSyntax.SINGLE_QUOTED), false), "rs");
        programming(map, "C", LineSyntax.cStyle(), "c", "h");
        programming(map, "C++", LineSyntax.cStyle(), "cpp", "cc", "cxx", "hpp", "hh", "hxx");
        programming(map, "C#", LineSyntax.cStyle(rawTextBlock, new Quoted("@\"", "\"", (char) 0, true)), "cs");
        programming(map, "Swift", LineSyntax.cStyleNested(textBlock), "swift");
        programming(map, "Dart", LineSyntax.cStyleNested(textBlock, singleTripleQuoted), "dart");
        programming(map, "Objective-C", LineSyntax.cStyle(), "m", "mm");
        programming(map, "F#", new LineSyntax(List.of("//"), List.of(new Delimited("(*", "*)")), true, List.of(),
                List.of(textBlock, LineSyntax.DOUBLE_QUOTED), false), "fs", "fsx");
        programming(map, "PHP", new LineSyntax(List.of("//", "#"), List.of(LineSyntax.C_BLOCK), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), "php");
        // Python's triple-quoted strings at the start of a line are docstrings, its documentation comments.
        programming(map, "Python", new LineSyntax(List.of("#"), List.of(), false,
                // r"""...""" too: requests' api.py writes its docstrings raw, for their \*\*kwargs.
                List.of(new Delimited("\"\"\"", "\"\"\""), new Delimited("'''", "'''"),
                        new Delimited("r\"\"\"", "\"\"\""), new Delimited("r'''", "'''"),
                        new Delimited("R\"\"\"", "\"\"\""), new Delimited("u\"\"\"", "\"\"\"")),
                List.of(textBlock, singleTripleQuoted, LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false),
                "py", "pyi");
        programming(map, "Ruby", new LineSyntax(List.of("#"), List.of(new Delimited("=begin", "=end")), false,
                List.of(), List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false),
                "rb", "rake", "gemspec", "ru", "builder", "jbuilder", "rabl");
        programming(map, "Perl", hash, "pl", "pm");
        programming(map, "R", hash, "r");
        programming(map, "Elixir", hash, "ex", "exs");
        programming(map, "Lua", new LineSyntax(List.of("--"), List.of(new Delimited("--[[", "]]")), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), "lua");
        programming(map, "Erlang", new LineSyntax(List.of("%"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), "erl");
        programming(map, "Haskell", new LineSyntax(List.of("--"), List.of(new Delimited("{-", "-}")), true, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), "hs");
        programming(map, "Clojure", new LineSyntax(List.of(";"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), "clj", "cljs", "cljc");
        // In shell a '#' inside a word ($#, ${#x}, a#b) is not a comment.
        programming(map, "Shell", new LineSyntax(List.of("#"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, new Quoted("'", "'", (char) 0, false)), true), "sh", "bash", "zsh");
        programming(map, "PowerShell", new LineSyntax(List.of("#"), List.of(new Delimited("<#", "#>")), false,
                List.of(), List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), "ps1");
        // SQL doubles a quote to escape it, which reads as closing and reopening: no escape character needed.
        programming(map, "SQL", new LineSyntax(List.of("--"), List.of(LineSyntax.C_BLOCK), false, List.of(),
                List.of(new Quoted("'", "'", (char) 0, false), new Quoted("\"", "\"", (char) 0, false)), false), "sql");
        LineSyntax component = new LineSyntax(List.of("//"), List.of(new Delimited("<!--", "-->"), LineSyntax.C_BLOCK),
                false, List.of(), List.of(template, LineSyntax.DOUBLE_QUOTED), false);
        programming(map, "Vue", component, "vue");
        programming(map, "Svelte", component, "svelte");
        programming(map, "HTML", markup, "html", "htm");
        programming(map, "CSS", new LineSyntax(List.of("//"), List.of(LineSyntax.C_BLOCK), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, LineSyntax.SINGLE_QUOTED), false), "css", "scss", "sass", "less");
        data(map, "Markdown", markup, "md", "markdown");
        data(map, "reStructuredText", LineSyntax.PLAIN, "rst");
        data(map, "YAML", new LineSyntax(List.of("#"), List.of(), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED, new Quoted("'", "'", (char) 0, false)), true), "yml", "yaml");
        data(map, "JSON", LineSyntax.PLAIN, "json");
        data(map, "XML", markup, "xml");
        data(map, "TOML", new LineSyntax(List.of("#"), List.of(), false, List.of(),
                List.of(textBlock, singleTripleQuoted, LineSyntax.DOUBLE_QUOTED, new Quoted("'", "'", (char) 0, false)),
                false), "toml");
        data(map, "Terraform", new LineSyntax(List.of("#", "//"), List.of(LineSyntax.C_BLOCK), false, List.of(),
                List.of(LineSyntax.DOUBLE_QUOTED), false), "tf");
        return Map.copyOf(map);
    }

    private static void programming(Map<String, Language> map, String name, LineSyntax syntax, String... extensions) {
        add(map, new Language(name, true, syntax), extensions);
    }

    private static void data(Map<String, Language> map, String name, LineSyntax syntax, String... extensions) {
        add(map, new Language(name, false, syntax), extensions);
    }

    private static void add(Map<String, Language> map, Language language, String... extensions) {
        for (String extension : extensions) {
            if (map.put(extension, language) != null) {
                throw new IllegalStateException("extension ." + extension + " is claimed by two languages");
            }
        }
    }

    private Languages() {
    }
}
