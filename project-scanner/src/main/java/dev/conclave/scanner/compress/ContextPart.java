package dev.conclave.scanner.compress;

/**
 * What a candidate file is to the digest, in the order the budget is spent: a model learns most about a
 * project from its README and manifests, then from where it starts and how it is configured, and only
 * then from a sample of the rest.
 */
public enum ContextPart {
    /** Always kept; cut section by section, never losing a heading. */
    README,
    /** Always kept (pom.xml, package.json, pyproject.toml, ...). */
    MANIFEST,
    ENTRY_POINT,
    CONFIGURATION,
    SOURCE,
    TEST,
    DOCS,
    OTHER;

    /** README and manifests survive any budget; everything else competes for what is left. */
    public boolean alwaysKept() {
        return this == README || this == MANIFEST;
    }
}
