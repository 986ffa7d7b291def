package dev.conclave.scanner;

import java.util.ArrayList;
import java.util.List;

/**
 * The ignore patterns in force in one folder: its own {@code .gitignore} and {@code .conclaveignore}
 * on top of its parent folder's rules. As in git, the deepest file speaks first, within a file the
 * last matching line wins, and a folder that is ignored is never entered, so nothing inside it can be
 * re-included by a negation. In one folder {@code .conclaveignore} is read after {@code .gitignore},
 * so a Conclave-specific rule overrides the git one.
 */
final class IgnoreRules {

    /** Ignore files in the order they are applied; later ones override earlier ones in the same folder. */
    static final List<String> IGNORE_FILE_NAMES = List.of(".gitignore", ".conclaveignore");

    static final IgnoreRules NONE = new IgnoreRules(null, "", List.of());

    private final IgnoreRules parent;
    /** The folder the patterns were read in, project-relative, "" for the root, else ending in '/'. */
    private final String base;
    private final List<IgnorePattern> patterns;

    private IgnoreRules(IgnoreRules parent, String base, List<IgnorePattern> patterns) {
        this.parent = parent;
        this.base = base;
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The rules inside {@code directory} (project-relative, "" for the root), given the texts of the
     * ignore files found there in {@link #IGNORE_FILE_NAMES} order. Returns this object when there are none.
     */
    IgnoreRules enter(String directory, List<String> ignoreFileTexts) {
        List<IgnorePattern> parsed = new ArrayList<>();
        for (String text : ignoreFileTexts) {
            for (String line : text.split("\n", -1)) {
                IgnorePattern.parse(line).ifPresent(parsed::add);
            }
        }
        if (parsed.isEmpty()) {
            return this;
        }
        return new IgnoreRules(this, directory.isEmpty() ? "" : directory + "/", parsed);
    }

    /**
     * Whether a path is ignored by these rules alone. The caller asks for each folder on the way down
     * (the walk prunes ignored folders) before asking for a file.
     *
     * @param path      project-relative, '/' separated, below this rule set's folder
     * @param directory whether the path is a folder (patterns ending in '/' match only folders)
     */
    boolean isIgnored(String path, boolean directory) {
        for (IgnoreRules rules = this; rules != null; rules = rules.parent) {
            if (!path.startsWith(rules.base)) {
                continue;
            }
            String relative = path.substring(rules.base.length());
            for (int i = rules.patterns.size() - 1; i >= 0; i--) {
                IgnorePattern pattern = rules.patterns.get(i);
                if (pattern.matches(relative, directory)) {
                    return !pattern.negated();
                }
            }
        }
        return false;
    }
}
