package dev.conclave.scanner;

import java.util.EnumSet;
import java.util.Set;

/** What a file is to the project; a file can be in several categories (setup.py is source and manifest). */
enum FileCategory {
    SOURCE, TEST, ENTRY_POINT, README, LICENCE, MANIFEST, CI_WORKFLOW, DOCKERFILE, COMPOSE, KUBERNETES,
    ENV_EXAMPLE, DOCS, API_DOCS, INFRASTRUCTURE_AS_CODE, HEALTH_ENDPOINT, LINT_CONFIG, RELEASE_WORKFLOW, CHANGELOG;

    /** The categories of one file, decided once, while its text is at hand. */
    static Set<FileCategory> of(ScannedFile file) {
        Set<FileCategory> categories = EnumSet.noneOf(FileCategory.class);
        add(categories, SOURCE, Languages.isSource(file));
        add(categories, TEST, FileConventions.isTest(file));
        add(categories, ENTRY_POINT, FileConventions.isEntryPoint(file));
        add(categories, README, FileConventions.isReadme(file));
        add(categories, LICENCE, FileConventions.isLicence(file));
        add(categories, MANIFEST, FileConventions.isManifest(file));
        add(categories, CI_WORKFLOW, FileConventions.isCiWorkflow(file));
        add(categories, DOCKERFILE, FileConventions.isDockerfile(file));
        add(categories, COMPOSE, FileConventions.isCompose(file));
        add(categories, KUBERNETES, FileConventions.isKubernetes(file));
        add(categories, ENV_EXAMPLE, FileConventions.isEnvExample(file));
        add(categories, DOCS, FileConventions.isInDocsFolder(file));
        add(categories, API_DOCS, FileConventions.isApiDocs(file));
        add(categories, INFRASTRUCTURE_AS_CODE, FileConventions.isInfrastructureAsCode(file));
        add(categories, HEALTH_ENDPOINT, FileConventions.mentionsHealthEndpoint(file));
        add(categories, LINT_CONFIG, FileConventions.isLintConfig(file));
        add(categories, RELEASE_WORKFLOW, FileConventions.isReleaseWorkflow(file));
        add(categories, CHANGELOG, FileConventions.isChangelog(file));
        return categories;
    }

    private static void add(Set<FileCategory> categories, FileCategory category, boolean applies) {
        if (applies) {
            categories.add(category);
        }
    }
}
