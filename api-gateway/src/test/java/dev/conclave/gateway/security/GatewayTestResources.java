package dev.conclave.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Where the module's global test resources are declared: {@code restrictToAnnotatedClass = false}
 * applies them to every {@code @QuarkusTest} here, whichever class carries the annotation.
 */
@SuppressWarnings("deprecation") // the one form of a test resource that applies to every test class
@QuarkusTestResource(value = BootstrapKeyForTests.class, restrictToAnnotatedClass = false)
public final class GatewayTestResources {
    private GatewayTestResources() {
    }
}
