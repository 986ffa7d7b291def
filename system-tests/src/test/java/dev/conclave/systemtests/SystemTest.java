package dev.conclave.systemtests;

import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.FleetExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against the running {@link Fleet}: declare a {@code Fleet} constructor parameter to use it.
 * The fleet starts once for all such classes and stops after the last one. Tests of the OPENROUTER
 * panel live in package {@code models} and run in a failsafe execution of their own, since two fleets
 * on one broker would share the role consumer groups.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FleetExtension.class)
public @interface SystemTest {

    /** Which fleet the test needs; one test run (one failsafe execution) runs one kind. */
    Panel panel() default Panel.OFFLINE;

    enum Panel {
        /** Two workers answering with the offline simulator. */
        OFFLINE,
        /** Three workers calling a fake OpenRouter (WireMock) under one fleet-wide limit of 8 requests/s. */
        OPENROUTER
    }
}
