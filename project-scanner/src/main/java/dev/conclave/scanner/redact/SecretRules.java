package dev.conclave.scanner.redact;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue of secret formats, most specific first: a vendor's own prefix says exactly what a
 * token is, so those run before the name-based rules, and the entropy rule runs last on what is left.
 * Each rule sees the text as earlier rules left it, and every value check refuses a placeholder, so
 * nothing is redacted twice.
 */
final class SecretRules {

    /** Names whose value is a secret, matched case-insensitively as the end of a name. */
    private static final String SECRET_NAME = "(?:[A-Za-z0-9_.-]*?[_.-])?(?i:password|passwd|passphrase|pwd|secret"
            + "|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|secret[_.-]?key|client[_.-]?secret"
            + "|auth[_.-]?key|credentials?|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|account[_.-]?key"
            + "|(?<=[a-z])(?:Password|Secret|Token|ApiKey|AccessKey|PrivateKey|SecretKey))";

    /** UPPER_SNAKE names ending in _KEY: in configuration these are keys, not map keys or primary keys. */
    private static final String ENV_KEY_NAME = "[A-Z][A-Z0-9_]*_KEY";

    private static final String NAME_END = "(?![A-Za-z0-9_.-])";
    private static final String NAME_START = "(?<![A-Za-z0-9_.-])";

    /** A value on the same line: quoted (quotes kept, inside replaced) or bare up to whitespace. */
    private static final String CONFIG_VALUE = "(?<secret>\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s'\"#][^\\s'\"]*)";

    /** Every name-based match holds one of these (lower-case). */
    private static final String[] NAME_HINTS = {"pass", "pwd", "secret", "token", "key", "credential"};

    private static final Set<FileKind> CONFIGURATION = Set.of(FileKind.ENV, FileKind.CONFIG);

    static final List<SecretRule> ALL = List.of(
            // --- key material -------------------------------------------------------------------
            SecretRule.of("gcp_service_account_key",
                    "\"private_key\"\\s*:\\s*\"(?<secret>-----BEGIN[A-Z ]*PRIVATE KEY-----[^\"]*)\"").hinted("private_key"),
            SecretRule.of("gcp_service_account_key_id", "\"private_key_id\"\\s*:\\s*\"(?<secret>[0-9a-f]{40})\"").hinted("private_key_id"),
            // The body must look like base64 so that PEM-parsing code that merely names the markers is left alone;
            // a block cut off by a truncated file is redacted to the end.
            SecretRule.of("private_key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
                    + "[A-Za-z0-9+/=\\s\\\\:,.\\-]{64,}?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\\z)").hinted("private key"),

            // --- vendor-prefixed tokens -----------------------------------------------------------
            SecretRule.of("aws_access_key", "\\b(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\\b").hinted("akia", "asia", "abia", "acca"),
            SecretRule.of("aws_secret_key", "(?i:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)"
                    + "[\"']?\\s*[:=]\\s*[\"']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])").hinted("secret"),
            SecretRule.of("azure_storage_key",
                    "(?i:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{40,}={0,2})").hinted("accountkey", "sharedaccesskey"),
            SecretRule.of("azure_sas_token", "(?:SharedAccessSignature=|[?&]sig=)(?<secret>[A-Za-z0-9%+/=]{20,})").hinted("sharedaccesssignature=", "sig="),
            SecretRule.of("openrouter_api_key", "\\bsk-or-v1-[A-Za-z0-9]{32,}").hinted("sk-or-v1-"),
            SecretRule.of("anthropic_api_key", "\\bsk-ant-[A-Za-z0-9_-]{20,}").hinted("sk-ant-"),
            SecretRule.of("openai_api_key", "\\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|\\bsk-[A-Za-z0-9]{32,}\\b").hinted("sk-"),
            SecretRule.of("github_token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b").hinted("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
            SecretRule.of("gitlab_token", "\\bgl(?:pat|dt|rt|ptt)-[A-Za-z0-9_-]{20,}").hinted("glpat-", "gldt-", "glrt-", "glptt-"),
            SecretRule.of("slack_webhook",
                    "https://hooks\\.slack\\.com/(?<secret>(?:services|workflows|triggers)/[A-Za-z0-9/_-]{20,})").hinted("hooks.slack.com"),
            SecretRule.of("slack_token", "\\bxox[abposre]-[A-Za-z0-9-]{10,}|\\bxapp-\\d-[A-Za-z0-9-]{10,}").hinted("xox", "xapp-"),
            SecretRule.of("stripe_key", "\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\\b|\\bwhsec_[A-Za-z0-9]{24,}\\b").hinted("_live_", "_test_", "whsec_"),
            // gitleaks' leaked-key examples hold them in shell lines (huggingface-cli login --token hf_...), with no name.
            SecretRule.of("huggingface_token", "\\bhf_[A-Za-z]{34}(?![A-Za-z0-9_])").hinted("hf_"),
            SecretRule.of("gcp_api_key", "\\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])").hinted("aiza"),
            SecretRule.of("jwt", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}").hinted("eyj"),

            // --- credentials inside URLs and connection strings -------------------------------------
            // The scheme, user and host stay: which database a project uses is what an analysis needs.
            new SecretRule("url_password", Pattern.compile(
                    "\\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:/?#@'\"<>]*:(?<secret>[^\\s@/'\"<>]+)@"),
                    SecretRule.EVERY_FILE, SecretValues::isAssignedSecret).hinted("://"),
            new SecretRule("connection_string_password", Pattern.compile(
                    "(?i)[;?&]\\s*(?:password|pwd)\\s*=\\s*(?<secret>[^;&\\s'\"]+)"),
                    SecretRule.EVERY_FILE, SecretValues::isAssignedSecret).hinted("password", "pwd"),
            new SecretRule("bearer_token", Pattern.compile(
                    "\\b(?:Bearer|Basic)\\s+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)"),
                    SecretRule.EVERY_FILE, SecretValues::isLiteralSecret).hinted("bearer", "basic"),

            // --- secret-looking names -----------------------------------------------------------
            new SecretRule("secret_assignment", Pattern.compile(
                    NAME_START + "[\"']?(?:" + SECRET_NAME + "|" + ENV_KEY_NAME + ")" + NAME_END
                            + "[\"']?[ \\t]*(?:=|:(?!:))[ \\t]*" + CONFIG_VALUE),
                    CONFIGURATION, SecretValues::isAssignedSecret).hinted(NAME_HINTS),
            // Dockerfile's older form, ENV NAME value, without the '='.
            new SecretRule("secret_assignment", Pattern.compile(
                    "(?m)^[ \\t]*(?:ENV|ARG)[ \\t]+(?:" + SECRET_NAME + "|" + ENV_KEY_NAME + ")[ \\t]+" + CONFIG_VALUE + "$"),
                    CONFIGURATION, SecretValues::isAssignedSecret).hinted(NAME_HINTS),
            new SecretRule("secret_assignment", Pattern.compile(
                    "<(?<name>[A-Za-z0-9_.-]*(?i:password|passphrase|secret|token|apikey))>(?<secret>[^<\\s][^<]*)</\\k<name>>"),
                    CONFIGURATION, SecretValues::isAssignedSecret).hinted(NAME_HINTS),
            new SecretRule("secret_assignment", Pattern.compile(
                    NAME_START + "[\"']?" + SECRET_NAME + NAME_END
                            + "[\"']?\\s*(?::\\s*[A-Za-z<>\\[\\]?]+\\s*)?(?:=|:|=>|:=)\\s*"
                            + "(?<secret>\"[^\"\\n]*\"|'[^'\\n]*'|`[^`\\n]*`)"),
                    Set.of(FileKind.SOURCE), SecretValues::isLiteralSecret).hinted(NAME_HINTS),

            // --- whatever is left: random-looking tokens assigned to anything -----------------------
            new SecretRule("high_entropy_string", highEntropyAssignment("[\"'`]?"), CONFIGURATION, SecretValues::isHighEntropyToken)
                    .onlyWhere(text -> hasTokenRun(text, 32)),
            // In code only a quoted literal: an unquoted right-hand side is an identifier or an expression.
            new SecretRule("high_entropy_string", highEntropyAssignment("[\"'`]"), Set.of(FileKind.SOURCE),
                    SecretValues::isHighEntropyToken).onlyWhere(text -> hasTokenRun(text, 32)));

    /** Whether the text holds a run of at least {@code length} token characters: what the entropy rule needs. */
    static boolean hasTokenRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean token = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=' || c == '_' || c == '-';
            run = token ? run + 1 : 0;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }

    private static Pattern highEntropyAssignment(String quote) {
        return Pattern.compile(NAME_START + "[A-Za-z_][A-Za-z0-9_.-]*[\"']?[ \\t]*(?:=|:|=>|:=)[ \\t]*" + quote
                + "(?<secret>[A-Za-z0-9+/=_-]{32,})(?![A-Za-z0-9+/=_-])");
    }

    private SecretRules() {
    }
}
