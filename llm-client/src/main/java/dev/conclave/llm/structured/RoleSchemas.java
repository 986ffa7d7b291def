package dev.conclave.llm.structured;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.llm.structured.SchemaGenerator.Bounds;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.ArchitectAnalysis;
import dev.conclave.model.BusinessAnalysis;
import dev.conclave.model.DeploymentAnalysis;
import dev.conclave.model.Level;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema each role must answer in, generated from the {@code shared-model} record the report
 * stores it as. The limits the records only state in their comments (scores 0 to 10, exactly three
 * top priorities) are added here. A role without a record of its own (a specialist added by
 * configuration) answers in the schema of its {@code schemas/<role>.json} on the class path, else in
 * the generic shape of {@code prompts/specialist}: summary, findings, priority (a service serving such a
 * role refuses to start without its own schema, see {@link dev.conclave.llm.prompt.ServedRoles}).
 */
public final class RoleSchemas {
    private static final Bounds SCORE = Bounds.between(0, 10);

    private final Map<String, RoleSchema> known;
    private final ObjectNode generic;

    public RoleSchemas() {
        this(new SchemaGenerator());
    }

    public RoleSchemas(SchemaGenerator generator) {
        this.known = new ConcurrentHashMap<>(Map.of(
                "architect", new RoleSchema("architect_analysis", generator.schemaFor(ArchitectAnalysis.class)),
                "deployment", new RoleSchema("deployment_analysis", generator.schemaFor(DeploymentAnalysis.class)),
                "business", new RoleSchema("business_analysis",
                        generator.schemaFor(BusinessAnalysis.class, Map.of("market_viability", SCORE))),
                "aggregator", new RoleSchema("aggregated_insights", generator.schemaFor(AggregatedInsights.class,
                        Map.of("vibecodibility_score", SCORE, "fit_score", SCORE,
                                "top_priorities", Bounds.exactly(3))))));
        this.generic = generator.schemaFor(SpecialistFindings.class);
    }

    /** The role's schema; a fresh copy each time, since JSON nodes are mutable. */
    public RoleSchema forRole(String role) {
        RoleSchema own = own(role);
        if (own != null) {
            return new RoleSchema(own.name(), own.schema().deepCopy());
        }
        return new RoleSchema(genericName(role), generic.deepCopy());
    }

    public boolean hasOwnSchema(String role) {
        return own(role) != null;
    }

    /** Where the schema of a role without a shared-model record is on the class path. */
    public static String resource(String role) {
        return "schemas/" + role + ".json";
    }

    private RoleSchema own(String role) {
        RoleSchema own = known.get(role);
        if (own != null) {
            return own;
        }
        ObjectNode schema = readSchema(role);
        if (schema == null) {
            return null;
        }
        return known.computeIfAbsent(role, r -> new RoleSchema(genericName(r), schema));
    }

    private static ObjectNode readSchema(String role) {
        String resource = resource(role);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            if (!(WireJson.mapper().readTree(in) instanceof ObjectNode schema)) {
                throw new IllegalStateException(resource + " is not a JSON object (a JSON schema)");
            }
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static String genericName(String role) {
        String name = role.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_") + "_analysis";
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** What {@code prompts/specialist/v1.txt} asks any other specialist for. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SpecialistFindings(String summary, List<String> findings, Level priority) {
    }
}
