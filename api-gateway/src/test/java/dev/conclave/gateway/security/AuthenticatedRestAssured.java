package dev.conclave.gateway.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Before each test, RestAssured sends the gateway's bootstrap admin key (see
 * {@link BootstrapKeyForTests}) on every request that has no Authorization header of its own.
 * Registered through META-INF/services.
 */
public class AuthenticatedRestAssured implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(filter -> filter instanceof BootstrapKeyFilter);
        filters.add(new BootstrapKeyFilter(bootstrapKey()));
        RestAssured.replaceFiltersWith(filters);
        // A request a test logs (log().ifValidationFails()) shows its Authorization header as [ BLACKLISTED ].
        RestAssured.config = RestAssured.config().logConfig(LogConfig.logConfig().blacklistHeader("Authorization"));
    }

    /** The key every test sends unless it says otherwise: an admin of the operator tenant. */
    public static String bootstrapKey() {
        Path file = ConfigProvider.getConfig().getValue("conclave.auth.bootstrap-key-file", Path.class);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tests' bootstrap key " + file, e);
        }
    }

    /** Adds the bootstrap key to a request that names no key itself. */
    private record BootstrapKeyFilter(String key) implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + key);
            }
            return context.next(request, response);
        }
    }
}
