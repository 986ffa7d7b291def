package dev.conclave.scanner;

import java.util.EnumSet;
import java.util.Set;

/** What a file is to the project; a file can play several roles (setup.py is source and manifest). */
enum FileRole {
    SOURCE, TEST, ENTRY_POINT, README, LICENCE, MANIFEST, CI_WORKFLOW, DOCKERFILE, COMPOSE, KUBERNETES,
    ENV_EXAMPLE, DOCS, API_DOCS, INFRASTRUCTURE_AS_CODE, HEALTH_ENDPOINT, LINT_CONFIG, RELEASE_WORKFLOW, CHANGELOG;

    /** The roles of one file, decided once, while its text is at hand. */
    static Set<FileRole> of(ScannedFile file) {
        Set<FileRole> roles = EnumSet.noneOf(FileRole.class);
        add(roles, SOURCE, Languages.isSource(file));
        add(roles, TEST, FileConventions.isTest(file));
        add(roles, ENTRY_POINT, FileConventions.isEntryPoint(file));
        add(roles, README, FileConventions.isReadme(file));
        add(roles, LICENCE, FileConventions.isLicence(file));
        add(roles, MANIFEST, FileConventions.isManifest(file));
        add(roles, CI_WORKFLOW, FileConventions.isCiWorkflow(file));
        add(roles, DOCKERFILE, FileConventions.isDockerfile(file));
        add(roles, COMPOSE, FileConventions.isCompose(file));
        add(roles, KUBERNETES, FileConventions.isKubernetes(file));
        add(roles, ENV_EXAMPLE, FileConventions.isEnvExample(file));
        add(roles, DOCS, FileConventions.isInDocsFolder(file));
        add(roles, API_DOCS, FileConventions.isApiDocs(file));
        add(roles, INFRASTRUCTURE_AS_CODE, FileConventions.isInfrastructureAsCode(file));
        add(roles, HEALTH_ENDPOINT, FileConventions.mentionsHealthEndpoint(file));
        add(roles, LINT_CONFIG, FileConventions.isLintConfig(file));
        add(roles, RELEASE_WORKFLOW, FileConventions.isReleaseWorkflow(file));
        add(roles, CHANGELOG, FileConventions.isChangelog(file));
        return roles;
    }

    private static void add(Set<FileRole> roles, FileRole role, boolean applies) {
        if (applies) {
            roles.add(role);
        }
    }
}
