package io.playmark.query.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The {@code Instant} scalar: instants travel as ISO-8601 text in UTC. */
public final class InstantScalar {

    public static final GraphQLScalarType INSTANT = GraphQLScalarType.newScalar()
            .name("Instant")
            .description("An instant in UTC, as ISO-8601 text")
            .coercing(new InstantCoercing())
            .build();

    private InstantScalar() {
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            throw new CoercingSerializeException("Expected an Instant but was " + value.getClass().getName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            return parse(input.toString(), CoercingParseValueException::new);
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("An Instant is written as a string");
        }

        private static <E extends RuntimeException> Instant parse(String text,
                                                                  java.util.function.Function<String, E> error) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw error.apply("Not an ISO-8601 instant: '" + text + "'");
            }
        }
    }
}
