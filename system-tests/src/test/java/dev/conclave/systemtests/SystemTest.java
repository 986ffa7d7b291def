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
 * The fleet starts once for all such classes and stops after the last one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FleetExtension.class)
public @interface SystemTest {
}
