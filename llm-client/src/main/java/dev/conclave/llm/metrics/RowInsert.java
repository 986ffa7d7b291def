package dev.conclave.llm.metrics;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code INSERT} of a metrics entity as one JDBC statement, read from the entity's own mapping (its
 * mapped fields, {@link Column} names, {@link Table} name, the generated {@link Id} left out), so that many
 * rows can go in one JDBC batch: Hibernate does not batch inserts of entities with an identity id. Every
 * mapped column is written, nulls included, as Hibernate's {@code persist} did.
 */
final class RowInsert {
    private static final Map<Class<?>, Integer> SQL_TYPES = Map.of(String.class, Types.VARCHAR, Integer.class,
            Types.INTEGER, int.class, Types.INTEGER, Long.class, Types.BIGINT, long.class, Types.BIGINT,
            Boolean.class, Types.BOOLEAN, boolean.class, Types.BOOLEAN, BigDecimal.class, Types.NUMERIC,
            Instant.class, Types.TIMESTAMP_WITH_TIMEZONE, UUID.class, Types.OTHER);

    final String sql;
    private final List<Field> fields;

    private RowInsert(String sql, List<Field> fields) {
        this.sql = sql;
        this.fields = fields;
    }

    static RowInsert of(Class<?> entity) {
        List<Field> fields = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Field field : entity.getDeclaredFields()) {
            // Panache turns the entity's public fields private (and the enhancer adds its own "$$_" fields).
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                    || field.getName().startsWith("$$_") || field.isAnnotationPresent(Id.class)) {
                continue;
            }
            field.setAccessible(true);
            if (!SQL_TYPES.containsKey(field.getType())) {
                throw new IllegalStateException(entity.getSimpleName() + "." + field.getName() + " has a type "
                        + field.getType().getSimpleName() + " the metrics insert does not bind");
            }
            Column column = field.getAnnotation(Column.class);
            columns.add(column != null && !column.name().isEmpty() ? column.name() : field.getName());
            fields.add(field);
        }
        String sql = "INSERT INTO " + entity.getAnnotation(Table.class).name() + " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        return new RowInsert(sql, fields);
    }

    /** "column=value, …" of {@code row}, for the log of a row that is lost. */
    String describe(Object row) {
        StringBuilder out = new StringBuilder();
        for (Field field : fields) {
            try {
                out.append(out.isEmpty() ? "" : ", ").append(field.getName()).append('=').append(field.get(row));
            } catch (IllegalAccessException e) {
                out.append(field.getName()).append("=?");
            }
        }
        return out.toString();
    }

    /** Binds {@code row}'s values to {@code statement}'s parameters. */
    void bind(PreparedStatement statement, Object row) throws SQLException {
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Object value;
            try {
                value = field.get(row);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
            int type = SQL_TYPES.get(field.getType());
            if (value == null) {
                statement.setNull(i + 1, type);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value); // the driver's type for String, numbers, Boolean and UUID
            }
        }
    }
}
