package dev.conclave.report;

/**
 * Report documents written by hand, in the snake_case shape the gateway sends, so the tests
 * check the CLI against the contract rather than against its own encoder.
 */
public final class SampleReports {

    public static final String SCAN_ID = "3f2a1b2c-0d4e-4f60-8a7b-9c0d1e2f3a4b";

    private SampleReports() {
    }

    /** Every section a report can have: three known roles, one unknown role, a notice, an extra field. */
    public static String full(String status) {
        return """
                {
                  "schema_version": 1,
                  "scan_id": "%s",
                  "run": 1,
                  "project_name": "demo-shop",
                  "status": "%s",
                  "notice": "Offline simulation: these answers come from the deterministic offline provider, not a real model.",
                  "static_scores": {
                    "code_quality": 6.5,
                    "deployment_readiness_percent": 40,
                    "documentation_quality_percent": 70,
                    "findings": [
                      {"score": "code_quality", "signal": "tests_present", "points": 1.5, "detail": "12 test files beside 40 source files"},
                      {"score": "deployment_readiness", "signal": "dockerfile", "points": -30, "detail": "No Dockerfile at the root"},
                      {"score": "documentation_quality", "signal": "readme", "points": 40, "detail": "README.md with install and usage sections"}
                    ]
                  },
                  "architect_analysis": {
                    "architecture_assessment": "A layered monolith with clear module boundaries. Persistence leaks into controllers.",
                    "design_patterns": ["Repository", "Front controller"],
                    "scalability_notes": "Stateless web tier; the database is the bottleneck.",
                    "technical_debt_priority": "medium"
                  },
                  "deployment_analysis": {
                    "deployment_strategy": "Container image behind a managed load balancer.",
                    "infrastructure_recommendations": "One small VM and a managed PostgreSQL.",
                    "deployment_blockers": [
                      {"issue": "No Dockerfile", "severity": "high"},
                      {"issue": "Secrets in application.properties", "severity": "medium"}
                    ],
                    "mvp_roadmap": ["Write a Dockerfile", "Add a CI workflow"]
                  },
                  "business_analysis": {
                    "problem_solved": "Small shops need a storefront without a platform fee.",
                    "target_audience": "Independent retailers",
                    "monetization_strategy": "Hosted tier at a monthly fee",
                    "market_viability": 7,
                    "portfolio_suitable": true,
                    "portfolio_pitch": "A full-stack shop built end to end."
                  },
                  "security_analysis": {
                    "threat_summary": "Session cookies lack the Secure flag.",
                    "exposed_endpoints": ["/admin", "/actuator/env"],
                    "risk_matrix": {"injection": "low", "auth": "high"},
                    "cve_count": 3
                  },
                  "aggregated_insights": {
                    "overall_assessment": "A tidy monolith that is close to deployable.",
                    "top_priorities": ["Containerise the app", "Move secrets out of the repository", "Add CI"],
                    "vibecodibility_score": 6,
                    "fit_score": 8
                  },
                  "missing_roles": ["compliance"],
                  "failed_roles": ["performance"],
                  "metadata": {
                    "models_used": ["offline/conclave-offline-1"],
                    "total_time_seconds": 3.2,
                    "cache_hits": 1,
                    "api_calls": 4,
                    "tokens": 12345,
                    "cost_usd": 0.0,
                    "offline": true
                  },
                  "review_url": "https://example.test/review/1"
                }
                """.formatted(SCAN_ID, status);
    }

    /** A report without a notice and without absent roles: the happy path of a real model panel. */
    public static String plain(String status) {
        return """
                {
                  "schema_version": 1,
                  "scan_id": "%s",
                  "run": 1,
                  "project_name": "demo-shop",
                  "status": "%s",
                  "notice": null,
                  "static_scores": {"code_quality": 8, "deployment_readiness_percent": 90, "documentation_quality_percent": 85},
                  "architect_analysis": {"architecture_assessment": "Clean hexagonal design."},
                  "aggregated_insights": {"overall_assessment": "Ship it.", "top_priorities": ["Add load tests"],
                                          "vibecodibility_score": 9, "fit_score": 9},
                  "missing_roles": [],
                  "failed_roles": [],
                  "metadata": {"models_used": ["openrouter/some-model"], "total_time_seconds": 41.5, "cache_hits": 0,
                               "api_calls": 4, "tokens": 30000, "cost_usd": 0.0123, "offline": false}
                }
                """.formatted(SCAN_ID, status);
    }

    /**
     * Model output that tries to become markup everywhere a string can go: values, field names,
     * role names, list items, the notice, attribute-breaking quotes.
     */
    public static String hostile() {
        return """
                {
                  "schema_version": 1,
                  "scan_id": "%s",
                  "run": 1,
                  "project_name": "<script>alert('name')</script>",
                  "status": "PARTIAL",
                  "notice": "<img src=x onerror=alert('notice')>",
                  "static_scores": {
                    "code_quality": 5, "deployment_readiness_percent": 50, "documentation_quality_percent": 50,
                    "findings": [{"score": "code_quality", "signal": "<b>signal</b>", "points": -1,
                                  "detail": "<script>alert('finding')</script>"}]
                  },
                  "architect_analysis": {
                    "architecture_assessment": "</dd></dl></section><script>alert('architect')</script>",
                    "<svg onload=alert('key')>": "a field name from the model"
                  },
                  "deployment_analysis": {
                    "deployment_blockers": [{"issue": "<iframe src=javascript:alert('issue')></iframe>",
                                             "severity": "<script>alert('severity')</script>"}]
                  },
                  "business_analysis": {"market_viability": 5, "problem_solved": "'><script>alert('quote')</script>"},
                  "x'><script>alert('role')</script>_analysis": {"verdict": "a role name from configuration"},
                  "aggregated_insights": {
                    "overall_assessment": "<style>body { display: none }</style>",
                    "top_priorities": ["<a href=http://evil.test/>click</a>"],
                    "vibecodibility_score": 5, "fit_score": 5
                  },
                  "missing_roles": [],
                  "failed_roles": ["<script>alert('failed')</script>"],
                  "metadata": {"models_used": ["<script>alert('model')</script>"], "total_time_seconds": 1,
                               "cache_hits": 0, "api_calls": 1, "tokens": 10, "cost_usd": 0, "offline": false},
                  "<script>alert('extra')</script>": "<script>alert('extra value')</script>"
                }
                """.formatted(SCAN_ID);
    }
}
