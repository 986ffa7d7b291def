package dev.conclave.scanner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ignore files of a project sent as a list of files, applied as the directory walk applies them:
 * a folder's rules are its own ignore files on top of its parent's, and a file is left out when it or
 * any folder above it is ignored. This is what makes an uploaded project and the same project on disk
 * give the same digest.
 */
final class ListedIgnores {

    private final Map<String, List<String>> ignoreTextsByFolder = new HashMap<>();
    private final Map<String, IgnoreRules> rulesByFolder = new HashMap<>();
    private final Map<String, Boolean> ignoredFolders = new HashMap<>();

    ListedIgnores(List<ProjectFile> files) {
        for (String name : IgnoreRules.IGNORE_FILE_NAMES) {
            for (ProjectFile file : files) {
                if (nameOf(file.path()).equals(name)) {
                    ignoreTextsByFolder.computeIfAbsent(parentOf(file.path()), folder -> new ArrayList<>())
                            .add(file.content());
                }
            }
        }
    }

    boolean isIgnored(String path) {
        String folder = parentOf(path);
        return (!folder.isEmpty() && isIgnoredFolder(folder)) || rulesIn(folder).isIgnored(path, false);
    }

    private boolean isIgnoredFolder(String folder) {
        Boolean known = ignoredFolders.get(folder);
        if (known != null) {
            return known;
        }
        String parent = parentOf(folder);
        boolean ignored = (!parent.isEmpty() && isIgnoredFolder(parent)) || rulesIn(parent).isIgnored(folder, true);
        ignoredFolders.put(folder, ignored);
        return ignored;
    }

    private IgnoreRules rulesIn(String folder) {
        IgnoreRules known = rulesByFolder.get(folder);
        if (known != null) {
            return known;
        }
        IgnoreRules outer = folder.isEmpty() ? IgnoreRules.NONE : rulesIn(parentOf(folder));
        IgnoreRules rules = outer.enter(folder, ignoreTextsByFolder.getOrDefault(folder, List.of()));
        rulesByFolder.put(folder, rules);
        return rules;
    }

    /** "" for a path in the project root. */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
