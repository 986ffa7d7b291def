package dev.conclave.cli;

/**
 * Report documents written by hand, in the snake_case shape the gateway sends, so the tests
 * check the CLI against the contract rather than against its own encoder.
 */
final class SampleReports {

    static final String SCAN_ID = "3f2a1b2c-0d4e-4f60-8a7b-9c0d1e2f3a4b";

    private SampleReports() {
    }

    /** Every section a report can have: three known roles, one unknown role, a notice, an extra field. */
    static String full(String status) {
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
                    "documentation_quality_percent": 70
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
    static String plain(String status) {
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
}
