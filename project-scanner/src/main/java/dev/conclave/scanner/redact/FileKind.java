package dev.conclave.scanner.redact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of text a file holds, as far as secrets go. Vendor-formatted secrets are found in any
 * file; the name-based and entropy rules need to know whether a bare {@code KEY=value} is an
 * assignment (configuration) or code, and lockfiles are exempt from the entropy rule.
 */
enum FileKind {
    /** {@code .env}, {@code .env.local}, {@code prod.env}: every line is NAME=value. */
    ENV,
    /** YAML, properties, TOML, INI, JSON, XML, Terraform, Dockerfiles, shell scripts, rc files. */
    CONFIG,
    /** Package-manager lockfiles: full of integrity hashes that are public by design. */
    LOCKFILE,
    /** Program source and everything else: only quoted literals count as values. */
    SOURCE;

    private static final Set<String> LOCKFILES = Set.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml", "bun.lock", "poetry.lock", "pipfile.lock", "uv.lock", "pdm.lock", "cargo.lock", "go.sum",
            "gemfile.lock", "composer.lock", "gradle.lockfile", "packages.lock.json", "podfile.lock", "mix.lock");

    private static final Set<String> CONFIG_EXTENSIONS = Set.of("yml", "yaml", "properties", "toml", "ini", "cfg",
            "conf", "config", "json", "jsonc", "xml", "tf", "tfvars", "hcl", "sh", "bash", "zsh", "ps1", "env");

    private static final Set<String> CONFIG_NAMES = Set.of(".npmrc", ".pypirc", ".netrc", ".yarnrc", ".yarnrc.yml",
            ".gitconfig", ".git-credentials", ".htpasswd", "makefile", "procfile", "jenkinsfile");

    private static final Pattern ENV_NAME = Pattern.compile("\\.env(?:\\..+)?|.+\\.env|env\\.(?:example|sample|template)");

    private static final Pattern DOCKERFILE_NAME = Pattern.compile("(?:dockerfile|containerfile)(?:\\..+)?|.+\\.dockerfile");

    static FileKind of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (LOCKFILES.contains(name)) {
            return LOCKFILE;
        }
        if (ENV_NAME.matcher(name).matches()) {
            return ENV;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        if (CONFIG_EXTENSIONS.contains(extension) || CONFIG_NAMES.contains(name)
                || DOCKERFILE_NAME.matcher(name).matches()) {
            return CONFIG;
        }
        return SOURCE;
    }
}
