package dev.conclave.scanner;

import dev.conclave.scanner.Language.CommentSyntax;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The languages the scanner recognises, by file extension. */
final class Languages {

    private static final Map<String, Language> BY_EXTENSION = catalogue();

    static Optional<Language> of(ScannedFile file) {
        return Optional.ofNullable(BY_EXTENSION.get(file.extension()));
    }

    static boolean isSource(ScannedFile file) {
        return of(file).map(Language::programming).orElse(false);
    }

    private static Map<String, Language> catalogue() {
        Map<String, Language> map = new HashMap<>();
        CommentSyntax cStyle = CommentSyntax.C_STYLE;
        CommentSyntax hash = CommentSyntax.HASH;
        programming(map, "Java", cStyle, "java");
        programming(map, "Kotlin", cStyle, "kt", "kts");
        programming(map, "Scala", cStyle, "scala", "sc");
        programming(map, "Groovy", cStyle, "groovy", "gradle");
        // Python docstrings are its documentation comments, so they count as block comments.
        programming(map, "Python", CommentSyntax.of(List.of("#"), "\"\"\"", "\"\"\""), "py", "pyi");
        programming(map, "TypeScript", cStyle, "ts", "tsx", "mts", "cts");
        programming(map, "JavaScript", cStyle, "js", "jsx", "mjs", "cjs");
        programming(map, "Vue", CommentSyntax.of(List.of("//"), "<!--", "-->"), "vue");
        programming(map, "Svelte", CommentSyntax.of(List.of("//"), "<!--", "-->"), "svelte");
        programming(map, "Go", cStyle, "go");
        programming(map, "Rust", cStyle, "rs");
        programming(map, "C", cStyle, "c", "h");
        programming(map, "C++", cStyle, "cpp", "cc", "cxx", "hpp", "hh", "hxx");
        programming(map, "C#", cStyle, "cs");
        programming(map, "F#", CommentSyntax.of(List.of("//"), "(*", "*)"), "fs", "fsx");
        programming(map, "Swift", cStyle, "swift");
        programming(map, "Dart", cStyle, "dart");
        programming(map, "PHP", CommentSyntax.of(List.of("//", "#"), "/*", "*/"), "php");
        programming(map, "Ruby", CommentSyntax.of(List.of("#"), "=begin", "=end"), "rb");
        programming(map, "Perl", hash, "pl", "pm");
        programming(map, "Lua", CommentSyntax.lines("--"), "lua");
        programming(map, "R", hash, "r");
        programming(map, "Elixir", hash, "ex", "exs");
        programming(map, "Erlang", CommentSyntax.lines("%"), "erl");
        programming(map, "Haskell", CommentSyntax.of(List.of("--"), "{-", "-}"), "hs");
        programming(map, "Clojure", CommentSyntax.lines(";"), "clj", "cljs", "cljc");
        programming(map, "Shell", hash, "sh", "bash", "zsh");
        programming(map, "PowerShell", CommentSyntax.of(List.of("#"), "<#", "#>"), "ps1");
        programming(map, "SQL", CommentSyntax.of(List.of("--"), "/*", "*/"), "sql");
        programming(map, "HTML", CommentSyntax.of(List.of(), "<!--", "-->"), "html", "htm");
        programming(map, "CSS", CommentSyntax.of(List.of("//"), "/*", "*/"), "css", "scss", "sass", "less");
        data(map, "Markdown", "md", "markdown");
        data(map, "YAML", "yml", "yaml");
        data(map, "JSON", "json");
        data(map, "XML", "xml");
        data(map, "TOML", "toml");
        data(map, "Terraform", "tf");
        return Map.copyOf(map);
    }

    private static void programming(Map<String, Language> map, String name, CommentSyntax comments,
            String... extensions) {
        Language language = new Language(name, true, comments);
        for (String extension : extensions) {
            map.put(extension, language);
        }
    }

    private static void data(Map<String, Language> map, String name, String... extensions) {
        Language language = new Language(name, false, CommentSyntax.NONE);
        for (String extension : extensions) {
            map.put(extension, language);
        }
    }

    private Languages() {
    }
}
