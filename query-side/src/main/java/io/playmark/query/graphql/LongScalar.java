package io.playmark.query.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.util.Locale;

/** The {@code Long} scalar: whole numbers past GraphQL's 32-bit Int (file sizes, bit rates), as JSON numbers. */
public final class LongScalar {

    public static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
            .name("Long")
            .description("A whole number of 64 bits, as a JSON number")
            .coercing(new LongCoercing())
            .build();

    private LongScalar() {
    }

    private static final class LongCoercing implements Coercing<Long, Long> {

        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Long || value instanceof Integer) {
                return ((Number) value).longValue();
            }
            throw new CoercingSerializeException("Expected a whole number but was " + value.getClass().getName());
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Long || input instanceof Integer) {
                return ((Number) input).longValue();
            }
            throw new CoercingParseValueException("Not a whole number: '" + input + "'");
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof IntValue number) {
                try {
                    return number.getValue().longValueExact();
                } catch (ArithmeticException tooLarge) {
                    throw new CoercingParseLiteralException("Not a 64-bit number: " + number.getValue());
                }
            }
            throw new CoercingParseLiteralException("A Long is written as a whole number");
        }
    }
}
