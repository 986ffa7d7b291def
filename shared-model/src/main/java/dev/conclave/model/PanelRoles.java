package dev.conclave.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The roles of the panel, defined once: which specialists exist (in the order reports list them),
 * and how each is shown. Read from configuration ({@code conclave.roles.*}; the defaults are this
 * module's {@code META-INF/microprofile-config.properties}, a config source of every service), so
 * a fourth specialist is a name added to {@code conclave.roles.panel} plus its prompt and schema in
 * llm-client. Plain Java: services read it from their MicroProfile config, the CLI from the defaults.
 *
 * @param specialists the roles a scan may ask for, in report order
 * @param synthesis   the aggregator's role, which synthesises the specialists' answers
 * @param setting     the setting that listed the specialists, for messages that say what to change
 */
public record PanelRoles(List<Role> specialists, Role synthesis, String setting) {

    /** The role that synthesises the panel; a name no specialist may take. */
    public static final String SYNTHESIS = "aggregator";
    /** The setting that lists the specialists. */
    public static final String PANEL = "conclave.roles.panel";
    /** The older name of {@link #PANEL} (the gateway's and aggregator's setting), still read when set. */
    public static final String KNOWN_ROLES = "conclave.scan.known-roles";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final String DEFAULTS = "META-INF/microprofile-config.properties";

    /**
     * How a role is shown.
     *
     * @param name     the role's name on the wire, in topics' consumer groups and in settings
     * @param title    its title in reports and the terminal
     * @param headline the field of its answer shown as its one line in the terminal; empty: its first text
     */
    public record Role(String name, String title, Optional<String> headline) {
    }

    public PanelRoles {
        specialists = List.copyOf(specialists);
    }

    /**
     * The panel as configured: {@code setting} answers a property name with its value, if set.
     *
     * @throws IllegalStateException naming the setting to fix when the panel cannot work
     */
    public static PanelRoles read(Function<String, Optional<String>> setting) {
        String source = setting.apply(KNOWN_ROLES).isPresent() ? KNOWN_ROLES : PANEL;
        String listed = setting.apply(source).orElse("");
        List<String> names = Arrays.stream(listed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(source + " names no role; the panel needs at least one specialist");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                problems.add(source + " names '" + name + "'; a role's name is lower-case letters, digits, '_' or '-'"
                        + " (at most 40, a letter first)");
            } else if (name.equals(SYNTHESIS)) {
                problems.add(source + " names '" + SYNTHESIS + "', the synthesis role; it is not a specialist");
            } else if (Collections.frequency(names, name) > 1) {
                problems.add(source + " names '" + name + "' twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the panel's roles cannot work: " + String.join("; ", problems.stream()
                    .distinct().toList()));
        }
        return new PanelRoles(names.stream().map(name -> role(name, setting)).toList(), role(SYNTHESIS, setting), source);
    }

    /** The panel as shipped: this module's defaults, for a reader without the services' configuration (the CLI). */
    public static PanelRoles defaults() {
        Properties defaults = new Properties();
        try {
            for (URL url : Collections.list(PanelRoles.class.getClassLoader().getResources(DEFAULTS))) {
                Properties candidate = new Properties();
                try (InputStream in = url.openStream()) {
                    candidate.load(in);
                }
                if (candidate.containsKey(PANEL)) {
                    defaults = candidate;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the panel's defaults (" + DEFAULTS + ")", e);
        }
        Properties found = defaults;
        return read(key -> Optional.ofNullable(found.getProperty(key)));
    }

    private static Role role(String name, Function<String, Optional<String>> setting) {
        String prefix = "conclave.roles." + name + ".";
        return new Role(name, setting.apply(prefix + "title").orElse(defaultTitle(name)),
                setting.apply(prefix + "headline"));
    }

    /** The specialists' names, in report order. */
    public List<String> names() {
        return specialists.stream().map(Role::name).toList();
    }

    /** "unknown role 'x'; known roles: [..] (conclave.roles.panel)": what a refusal of a role says. */
    public String unknown(String name) {
        return "unknown role '" + name + "'; known roles: " + names() + " (" + setting + ")";
    }

    /** Whether a scan may ask for this role. */
    public boolean isSpecialist(String name) {
        return names().contains(name);
    }

    /** A defined role (a specialist or the synthesis) by name. */
    public Optional<Role> role(String name) {
        return SYNTHESIS.equals(name) ? Optional.of(synthesis)
                : specialists.stream().filter(role -> role.name().equals(name)).findFirst();
    }

    /** The role's title; a role the panel does not define (an older report's) shows as "Name analysis". */
    public String title(String name) {
        return role(name).map(Role::title).orElse(defaultTitle(name));
    }

    /** Where a role comes in reports: its place in the panel; undefined roles after, the synthesis last. */
    public int order(String name) {
        int index = names().indexOf(name);
        return index >= 0 ? index : SYNTHESIS.equals(name) ? Integer.MAX_VALUE : specialists.size();
    }

    private static String defaultTitle(String name) {
        return (name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1)) + " analysis";
    }
}
